"""Input fields show where to type in every theme, list and tree views where they begin, and
check boxes, radio buttons and buttons where they are: their edges are measured in the pixels
drawn.

WCAG 1.4.11 (non-text contrast) asks for 3:1 between a field's frame and what is around it.
"""

from __future__ import annotations

import pytest
from PySide6.QtCore import QRect, Qt
from PySide6.QtGui import QColor, QImage
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QTableWidget,
    QTreeView,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.contrast import contrast

DARK_THEMES = ["dark", "high-contrast"]
SIDES = ("top", "bottom", "left", "right")


@pytest.fixture
def theme(qapp):
    """Applies a theme; the light one again afterwards."""
    from desktop.dialogs.settings_dialog import AppSettings, apply_settings

    def apply(name: str) -> None:
        apply_settings(AppSettings(theme=name), [])
        qapp.processEvents()

    yield apply
    apply("light")


def _show_in_a_column(
    qtbot, host: QWidget, widgets: list[QWidget], width: int, height: int
) -> None:
    """Stacks ``widgets`` in ``host`` 12 px apart and from its edges, and shows it."""
    layout = QVBoxLayout(host)
    layout.setContentsMargins(12, 12, 12, 12)
    layout.setSpacing(12)
    for widget in widgets:
        layout.addWidget(widget)
    host.resize(width, height)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)


def _fields(qtbot) -> tuple[QWidget, list[QWidget]]:
    """A window holding one field of each kind, with room around each frame."""
    host = QWidget()
    combo = QComboBox(host)
    combo.addItems(["Position", "Claim"])
    text = QPlainTextEdit("A claim's text", host)
    text.setFixedHeight(60)
    spin = QSpinBox(host)
    spin.setValue(3)
    fields = [QLineEdit("Ana", host), text, combo, spin]
    _show_in_a_column(qtbot, host, fields, 280, 220)
    return host, fields


def _edge(image: QImage, rect: QRect, side: str) -> list[float]:
    """Contrast with the pixel 3 px outside ``side`` of the pixels 0, 1, 2, 3 px inside it.

    Sampled a third of the way along the side: clear of the text and of the arrow buttons.
    """
    x, y = rect.left() + rect.width() // 3, rect.top() + rect.height() // 2
    step, start = {
        "top": ((0, 1), (x, rect.top())),
        "bottom": ((0, -1), (x, rect.bottom())),
        "left": ((1, 0), (rect.left(), y)),
        "right": ((-1, 0), (rect.right(), y)),
    }[side]
    outside = QColor(image.pixel(start[0] - 3 * step[0], start[1] - 3 * step[1]))
    return [
        contrast(QColor(image.pixel(start[0] + i * step[0], start[1] + i * step[1])), outside)
        for i in range(4)
    ]


def _thickness(contrasts: list[float]) -> int:
    """How many pixels, from the edge inwards, stand out 3:1 from the outside."""
    count = 0
    while count < len(contrasts) and contrasts[count] >= 3.0:
        count += 1
    return count


@pytest.mark.parametrize("name", DARK_THEMES)
def test_the_field_with_the_focus_has_a_thicker_frame_in_the_highlight(qtbot, theme, name):
    theme(name)
    host, fields = _fields(qtbot)
    host.activateWindow()
    qtbot.waitActive(host)
    highlight = host.palette().color(host.palette().ColorRole.Highlight)
    for field in fields:
        field.setFocus()
        qtbot.waitUntil(field.hasFocus)
        image = host.grab().toImage()
        rect = field.geometry()
        for side in SIDES:
            focused = _edge(image, rect, side)
            assert _thickness(focused) >= 2, (name, type(field).__name__, side, focused)
        top_middle = QColor(image.pixel(rect.center().x(), rect.top()))
        assert top_middle == highlight, (name, type(field).__name__, top_middle.name())
        others = [f for f in fields if f is not field]
        for other in others:
            unfocused = _edge(image, other.geometry(), "top")
            assert _thickness(unfocused) < _thickness(focused), type(other).__name__


def _strongest(image: QImage, rect: QRect, background: QColor) -> float:
    """The strongest contrast with ``background`` of a pixel inside ``rect``."""
    return max(
        contrast(QColor(image.pixel(x, y)), background)
        for x in range(rect.left(), rect.right() + 1)
        for y in range(rect.top(), rect.bottom() + 1)
    )


@pytest.mark.parametrize("name", DARK_THEMES)
def test_unticked_boxes_radio_buttons_and_buttons_show_their_edges(qtbot, theme, name):
    """An unticked box was black on black: nothing showed that the item could be ticked."""
    theme(name)
    host = QWidget()
    layout = QVBoxLayout(host)
    layout.setContentsMargins(12, 12, 12, 12)
    box, radio = QCheckBox(host), QRadioButton(host)  # no text: only the box is drawn
    button = QPushButton("Apply", host)
    tree = QTreeWidget(host)
    tree.setHeaderHidden(True)
    tree.setRootIsDecorated(False)
    item = QTreeWidgetItem(tree, [""])
    item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
    item.setCheckState(0, Qt.CheckState.Unchecked)
    for widget in (box, radio, button, tree):
        layout.addWidget(widget)
    qtbot.addWidget(host)
    host.show()
    qtbot.waitExposed(host)
    image = host.grab().toImage()
    window = QColor(image.pixel(2, 2))
    for widget in (box, radio):
        assert _strongest(image, widget.geometry(), window) >= 3.0, (name, type(widget).__name__)
    row = tree.visualItemRect(item).translated(tree.viewport().mapTo(host, tree.rect().topLeft()))
    base = QColor(image.pixel(row.right() - 2, row.center().y()))
    assert _strongest(image, row, base) >= 3.0, (name, "item view check box")
    for side in SIDES:
        edge = _edge(image, button.geometry(), side)
        assert max(edge[:2]) >= 3.0, (name, "QPushButton", side, edge)


def _views(qtbot) -> tuple[QWidget, list[QWidget]]:
    """A window holding a list, a tree and a table view, as the panels and dialogs use them."""
    host = QWidget()
    listed = QListWidget(host)
    listed.addItems(["Position", "Claim"])
    tree = QTreeWidget(host)
    tree.setHeaderLabels(["Argument", "Speaker"])
    QTreeWidgetItem(tree, ["Build the bridge", "Ana"])
    views = [listed, tree, QTreeView(host), QTableWidget(2, 2, host)]
    _show_in_a_column(qtbot, host, views, 300, 520)
    return host, views


@pytest.mark.parametrize("build", [_fields, _views], ids=["fields", "views"])
@pytest.mark.parametrize("name", DARK_THEMES)
def test_every_field_and_view_has_a_frame_that_stands_out_3_to_1(qtbot, theme, name, build):
    """Without it the views (the Positions panel, the Outline, the wizard's lists) melted into
    the window (1.0:1 in high contrast, 1.1:1 in dark)."""
    theme(name)
    host, widgets = build(qtbot)
    image = host.grab().toImage()
    for widget in widgets:
        for side in SIDES:
            edge = _edge(image, widget.geometry(), side)
            assert max(edge[:2]) >= 3.0, (name, type(widget).__name__, side, edge)


@pytest.mark.parametrize("name", DARK_THEMES)
def test_the_view_with_the_focus_has_a_thicker_frame_in_the_highlight(qtbot, theme, name):
    theme(name)
    host, views = _views(qtbot)
    host.activateWindow()
    qtbot.waitActive(host)
    view = views[1]
    view.setFocus()
    qtbot.waitUntil(view.hasFocus)
    image = host.grab().toImage()
    for side in SIDES:
        focused = _edge(image, view.geometry(), side)
        assert _thickness(focused) >= 2, (name, side, focused)
    assert _thickness(_edge(image, views[2].geometry(), "top")) < 2


@pytest.mark.parametrize("build", [_fields, _views], ids=["fields", "views"])
def test_the_light_theme_keeps_the_platforms_look(qtbot, theme, qapp, build):
    host, widgets = build(qtbot)
    host.activateWindow()  # the focus where it stays (Qt gives it on the next turn otherwise)
    qtbot.waitActive(host)
    widgets[0].setFocus()
    qtbot.waitUntil(widgets[0].hasFocus)
    style = qapp.style().name()
    before = host.grab().toImage()
    theme("high-contrast")
    assert host.grab().toImage() != before
    theme("light")
    assert qapp.style().name() == style
    assert type(qapp.style()).__module__.startswith("PySide6")  # the platform's, not ours
    assert host.grab().toImage() == before


def test_the_canvas_find_field_has_a_frame_in_high_contrast(window, theme, qtbot):
    """Also while the canvas has the focus (with the focus, Fusion frames it in the highlight)."""
    theme("high-contrast")
    window.view.show_find()
    bar = window.view.find_bar
    window.view.setFocus()
    qtbot.waitUntil(lambda: not bar.field.hasFocus())
    QApplication.processEvents()
    image = bar.grab().toImage()
    for side in SIDES:
        edge = _edge(image, bar.field.geometry(), side)
        assert max(edge[:2]) >= 3.0, (side, edge)
