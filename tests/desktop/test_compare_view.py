"""The compare view marks each relation with its status, by symbol and pattern, not colour only."""

import pytest
from PySide6.QtCore import Qt
from teaching_maps import graded_student, seminar_map

from desktop.compare_view import BAND_PATTERNS, GHOST_OPACITY, MARKS, CompareWindow
from mapping.compare_overlay import AGREED, EXTRA, FLIPPED, MISSING


@pytest.fixture
def window(qtbot):
    w = CompareWindow(seminar_map(), graded_student(), "teacher.debatemap", "ana.debatemap")
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(w)
    w.show()
    return w


def test_every_relation_gets_the_right_badge(window):
    badges = window.scene.badges
    expected = {
        "e3": AGREED, "e4": AGREED, "e5": AGREED, "e2": FLIPPED, "s1": EXTRA,
        "ref:e1": MISSING, "ref:e6": MISSING, "x1": EXTRA, "ref:c6": MISSING,
    }  # fmt: skip
    assert {i: b.status for i, b in badges.items()} == expected
    assert badges["e2"].symbol == "↔" and badges["s1"].symbol == "+"
    assert badges["ref:e1"].symbol == "−" and badges["e3"].symbol == "✓"
    assert "reference: attack" in badges["e2"].toolTip()


def test_statuses_differ_without_colour(window):
    symbols = {symbol for symbol, _color, _meaning in MARKS.values()}
    assert len(symbols) == 4
    patterns = [BAND_PATTERNS[s] for s in (AGREED, FLIPPED, MISSING, EXTRA)]
    assert len({tuple(p) if p else None for p in patterns}) == 4
    assert set(window.scene.bands) == {"e2", "s1", "ref:e1", "ref:e6"}


def test_reference_items_are_ghosted(window):
    scene = window.scene
    assert scene.node_item("ref:c6").opacity() == pytest.approx(GHOST_OPACITY)
    assert scene.edge_item("ref:e1").opacity() == pytest.approx(GHOST_OPACITY)
    assert scene.edge_item("e3").opacity() == 1.0
    assert scene.node_item("x1").opacity() == 1.0


def test_badges_sit_on_their_relations(window):
    item = window.scene.edge_item("e2")
    centre = item.line.pointAt(0.5)
    assert window.scene.badges["e2"].pos() == centre


def test_summary_and_lists(window):
    text = window.summary.text()
    assert "Precision" in text and "0.60" in text  # 3 agreed of 5 student relations
    assert "Recall" in text and "0.50" in text  # 3 of 6 reference relations
    groups = {
        window.tree.topLevelItem(i).text(0): window.tree.topLevelItem(i).childCount()
        for i in range(window.tree.topLevelItemCount())
    }
    assert groups == {"↔ Flipped (1)": 1, "− Missing (2)": 2, "+ Extra (1)": 1, "✓ Agreed (3)": 3}


def test_clicking_a_difference_selects_it_on_the_canvas(window):
    flipped = window.tree.topLevelItem(0).child(0)
    window._show_item(flipped)
    assert window.scene.edge_item("e2").isSelected()


def test_auto_layout_keeps_every_mark(window):
    before = {i: b.status for i, b in window.scene.badges.items()}
    window.auto_layout()
    assert {i: b.status for i, b in window.scene.badges.items()} == before


@pytest.mark.parametrize("status", [AGREED, FLIPPED, MISSING, EXTRA])
def test_a_badges_symbol_reads_on_its_colour(qtbot, status):
    """White ✓ on the green was 3.4:1, white + on the pink 2.9:1 (and so in the legend)."""
    from PySide6.QtGui import QColor, QImage, QPainter

    from desktop.compare_view import BadgeItem
    from desktop.contrast import contrast

    badge = BadgeItem(status)
    image = QImage(24, 24, QImage.Format.Format_RGB32)
    image.fill(QColor("#FFFFFF"))
    painter = QPainter(image)
    painter.translate(12, 12)
    badge.paint(painter, None)
    painter.end()
    fill = QColor(MARKS[status][1])
    symbol = max(
        contrast(QColor(image.pixel(x, y)), fill) for x in range(6, 18) for y in range(6, 18)
    )
    assert symbol >= 4.5, (status, round(symbol, 2))


def test_the_comparison_follows_the_editors_theme(qtbot, tmp_path):
    """It was always drawn light: a white canvas in the middle of a dark desktop."""
    from PySide6.QtWidgets import QWidget

    from desktop.canvas.theme import HIGH_CONTRAST
    from desktop.compare_view import open_comparison
    from mapping.formats.debatemap import save_map

    reference = tmp_path / "teacher.debatemap"
    save_map(seminar_map(), reference)
    editor = QWidget()
    editor.theme = HIGH_CONTRAST
    qtbot.addWidget(editor)
    comparison = open_comparison(reference, graded_student(), "ana.debatemap", editor)
    qtbot.addWidget(comparison)
    assert comparison.scene.theme == HIGH_CONTRAST
    comparison.auto_layout()
    assert comparison.scene.theme == HIGH_CONTRAST
