"""Defects found by trying the editor as a new user would, each pinned by a test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QPoint, Qt


def _viewport_point(window, node_id: str, dx: float = 0.0, dy: float = 0.0) -> QPoint:
    item = window.scene.node_item(node_id)
    handle = item.mapToScene(item.handle_center())
    return window.view.mapFromScene(handle.x() + dx, handle.y() + dy)


def test_the_lower_half_of_the_connect_handle_belongs_to_the_node(window):
    """The handle's disc overlapped the box and cut a hole in the node's shape there."""
    window.editor.select(["c1"])
    for dy in (1.0, 3.0, 5.0, 8.0):
        point = _viewport_point(window, "c1", dy=dy)
        assert window.view.node_at(point) is window.scene.node_item("c1"), dy


def test_dragging_from_the_lower_half_of_the_handle_connects(window, qtbot):
    window.editor.select(["c3"])
    start = _viewport_point(window, "c3", dy=3.0)
    target = window.view.mapFromScene(window.scene.node_item("c2").scene_box().center())
    viewport = window.view.viewport()
    qtbot.mousePress(viewport, Qt.MouseButton.LeftButton, pos=start)
    qtbot.mouseMove(viewport, target)
    qtbot.mouseRelease(viewport, Qt.MouseButton.LeftButton, pos=target)
    assert [(e.source, e.target) for e in window.session.map.out_edges("c3")] == [("c3", "c2")]


def test_enter_in_the_find_field_only_finds(window, qtbot):
    """Enter went on to the canvas too, which added an empty sibling to the found claim."""
    window.view.show_find()
    field = window.view.find_bar.field
    qtbot.keyClicks(field, "commute")
    nodes = len(window.session.map.nodes)
    qtbot.keyClick(field, Qt.Key.Key_Return)
    assert window.session.selection == ("c1",)
    assert len(window.session.map.nodes) == nodes
    assert window.view.label_editor is None
    qtbot.keyClick(field, Qt.Key.Key_Down)  # arrow keys step through matches, not the canvas
    assert window.session.selection == ("c1",)
    assert window.view.find_bar.isVisible()


def test_find_bar_count_does_not_overlap_the_field(window, qtbot):
    window.view.show_find()
    bar = window.view.find_bar
    qtbot.keyClicks(bar.field, "it")
    qtbot.keyClick(bar.field, Qt.Key.Key_Return)
    assert bar.count.text()
    assert not bar.field.geometry().intersects(bar.count.geometry())
    assert bar.count.width() >= bar.count.sizeHint().width()


def _visible(window, node_id: str) -> bool:
    view = window.view
    shown = view.mapToScene(view.viewport().rect()).boundingRect()
    return shown.intersects(window.scene.node_item(node_id).scene_box())


def test_canvas_scrolls_to_a_node_selected_in_a_panel(window):
    """Selecting in the Outline or the Documents dock left the canvas where it was."""
    far = window.editor.add_node(5000.0, 4000.0, label="Far away", select=False)
    assert not _visible(window, far.id)
    window.session.select([far.id])  # what the Outline, Positions and Documents docks do
    assert _visible(window, far.id)


def test_canvas_does_not_jump_when_a_selected_node_is_already_in_view(window):
    window.editor.add_node(5000.0, 4000.0, label="Far away", select=False)
    before = window.view.mapToScene(window.view.viewport().rect().center())
    window.session.select(["c1", "c3"])  # c3 is in sight (the test window's canvas is narrow)
    after = window.view.mapToScene(window.view.viewport().rect().center())
    assert before == after


def _overlapping(window, node_id: str) -> list[str]:
    box = window.scene.node_item(node_id).scene_box()
    return [
        item.node_id
        for item in window.scene.node_items()
        if item.node_id != node_id and item.scene_box().intersects(box)
    ]


def test_enter_and_tab_put_the_new_claim_beside_others_not_on_them(window):
    """Enter put the sibling on whatever node stood to the right of the selection."""
    editor = window.editor
    c1 = window.session.map.node("c1")
    width = window.scene.node_item("c1").box.width()
    editor.add_node(c1.x + width + 30.0, c1.y, label="Standing in the way", select=False)
    editor.select(["c1"])
    sibling = editor.add_sibling()
    window.view.close_label_editor(commit=True)
    assert _overlapping(window, sibling.id) == []
    editor.select(["c3"])
    below = window.session.map.node("c3")
    editor.add_node(below.x, below.y + 150.0, label="Already below", select=False)
    child = editor.add_supporting_claim()
    window.view.close_label_editor(commit=True)
    assert _overlapping(window, child.id) == []
    assert len(window.session.map.in_edges("c3")) == 1


def test_panels_never_show_internal_ids_for_unnamed_nodes(window, qtbot):
    """A new claim, before its label was typed, appeared in the Outline as "n1"."""
    node = window.editor.add_node(600.0, 600.0, select=False)
    window.session.map.add_edge(node.id, "p1", "attack", id="e9")
    qtbot.waitUntil(lambda: len(_outline_texts(window.panels.outline.model)) == 6)
    texts = _outline_texts(window.panels.outline.model)
    assert not any(node.id in text.split() for text in texts), texts
    assert "− (unnamed claim)" in texts
    window.session.select(["e9"])
    assert node.id not in window.panels.inspector.edge_heading.text().split()


def _outline_texts(model, parent=None) -> list[str]:
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    texts = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        texts.append(index.data())
        texts.extend(_outline_texts(model, index))
    return texts


def test_importing_over_the_untouched_example_replaces_it(qtbot, tmp_path):
    """The first import a new user makes defaulted to "Add to the current map": the example."""
    from PySide6.QtWidgets import QMessageBox

    from desktop import main_window
    from desktop.session import MapSession
    from mapping.formats.debatemap import load_map
    from mapping.resources import example_map_path

    text = tmp_path / "letter.txt"
    text.write_text(
        "Letters to the editor\n\nThe new bridge is a waste of money. It will cost far more "
        "than promised, and the ferry already does the job.\n",
        encoding="utf-8",
    )
    window = main_window.MainWindow(MapSession(load_map(example_map_path()), example_map_path()))
    window._ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(window)
    windows = len(main_window._open_windows)
    window.import_documents([text])
    wizard = window.import_wizard
    assert wizard.creates_new_map
    assert wizard.choose_page.add_to_map.isEnabled()  # adding to the example stays possible
    wizard.next()
    qtbot.waitUntil(wizard.structure_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.waitUntil(wizard.proposal_page.isComplete, timeout=20000)
    wizard.accept()
    assert len(main_window._open_windows) == windows  # no second window over the first
    assert [d.name for d in window.session.map.documents.values()] == ["letter.txt"]
    assert window.session.path is None


def _contrast(a, b) -> float:
    """WCAG contrast ratio of two QColors."""

    def luminance(color) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        return (
            0.2126 * channel(color.redF())
            + 0.7152 * channel(color.greenF())
            + 0.0722 * channel(color.blueF())
        )

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def _drawn_contrast(widget) -> float:
    """The strongest contrast between a drawn pixel and the widget's background (its corner)."""
    from PySide6.QtGui import QColor

    image = widget.grab().toImage()
    background = QColor(image.pixel(0, 0))
    return max(
        _contrast(QColor(image.pixel(x, y)), background)
        for x in range(0, image.width(), 2)
        for y in range(image.height())
    )


@pytest.fixture
def restore_light_theme():
    from desktop.dialogs.settings_dialog import AppSettings, apply_settings

    yield apply_settings
    apply_settings(AppSettings(), [])


@pytest.mark.parametrize("theme", ["dark", "high-contrast"])
def test_panels_stay_readable_after_switching_to_a_dark_theme(window, qtbot, theme,
                                                              restore_light_theme):  # fmt: skip
    """The document's author line and the Outline's positions were near-invisible on dark."""
    from PySide6.QtGui import QPalette

    from desktop.dialogs.settings_dialog import AppSettings
    from mapping.model import Document

    window.session.map.add_document(
        Document.from_text("d1", "notes.txt", "Some text to show.", {"author": "Ana"})
    )
    restore_light_theme(AppSettings(theme), [window])
    qtbot.wait(10)
    details = window.panels.documents.details
    assert details.text()
    assert _drawn_contrast(details) >= 4.5
    outline = window.panels.outline
    outline.refresh_now()
    position = outline.model.item(0, 0)
    assert position.text() == "Build the bridge"
    base = outline.tree.palette().color(QPalette.ColorRole.Base)
    assert _contrast(position.foreground().color(), base) >= 4.5
    claim = position.child(0, 0)
    assert _contrast(claim.foreground().color(), base) >= 4.5


def test_going_back_to_the_themes_font_size_restores_the_desktop_font(qapp) -> None:
    from PySide6.QtWidgets import QApplication

    from desktop.dialogs.settings_dialog import AppSettings, apply_settings

    before = QApplication.font().pointSizeF()
    apply_settings(AppSettings(font_size=before + 6), [])
    assert QApplication.font().pointSizeF() == before + 6
    apply_settings(AppSettings(), [])
    assert QApplication.font().pointSizeF() == before


def test_error_text_reads_in_the_dark_and_high_contrast_themes(qapp) -> None:
    from PySide6.QtGui import QPalette

    from desktop.contrast import contrast
    from desktop.dialogs.settings_dialog import AppSettings, apply_settings
    from desktop.error_label import ErrorLabel

    label = ErrorLabel()
    label.setText("<b>not bold</b>")
    assert label.textFormat() == Qt.TextFormat.PlainText
    try:
        for theme in ("light", "dark", "high-contrast"):
            apply_settings(AppSettings(theme=theme), [])
            qapp.processEvents()
            palette = label.palette()
            text = palette.color(QPalette.ColorRole.WindowText)
            assert contrast(text, palette.color(QPalette.ColorRole.Window)) >= 4.5, theme
            assert text.red() > text.green() + 40, theme  # still a red
    finally:
        apply_settings(AppSettings(), [])
        label.deleteLater()
