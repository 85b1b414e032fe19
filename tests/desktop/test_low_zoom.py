"""Low zoom: the view draws a batched sketch of the map instead of painting every item."""

from __future__ import annotations

from PySide6.QtCore import QPointF
from PySide6.QtGui import QColor

from desktop.canvas.items import LOW_DETAIL, NodeItem
from desktop.canvas.sketch import MapSketch


def _count_item_paints(monkeypatch) -> list[str]:
    painted: list[str] = []
    original = NodeItem.paint

    def counting(self, painter, option, widget=None):
        painted.append(self.node_id)
        original(self, painter, option, widget)

    monkeypatch.setattr(NodeItem, "paint", counting)
    return painted


def test_low_zoom_paints_the_sketch_not_the_items(qtbot, argument_map, monkeypatch):
    from desktop.main_window import MainWindow
    from desktop.session import MapSession

    painted = _count_item_paints(monkeypatch)  # before the items exist: Qt binds paint then
    window = MainWindow(MapSession(argument_map))
    qtbot.addWidget(window)
    window.resize(1280, 820)  # room for the canvas beside the docks, whatever the screen
    window.show()
    for item in window.scene.node_items():  # so every paint reaches NodeItem.paint
        item.setCacheMode(NodeItem.CacheMode.NoCache)
    view = window.view
    view.set_zoom(LOW_DETAIL * 0.5)
    view.centerOn(0.0, 200.0)
    assert view.uses_sketch()
    image = view.viewport().grab().toImage()
    assert painted == []
    # ... and the boxes are there: the middle of a node is its fill, not the background.
    point = view.mapFromScene(QPointF(200.0, 200.0))
    assert image.pixelColor(point) != QColor(window.scene.theme.background)
    view.set_zoom(1.0)
    view.viewport().grab()
    assert "c2" in painted


def test_the_sketch_follows_edits_filters_and_themes(window):
    scene = window.scene
    first = scene.sketch()
    assert scene.sketch() is first  # kept while nothing changes
    assert first.box_of["c1"].center() == QPointF(-200.0, 200.0)
    window.session.map.change_node("c1", x=-300.0)
    moved = scene.sketch()
    assert moved is not first and moved.box_of["c1"].center() == QPointF(-300.0, 200.0)
    scene.set_hidden({"c3"})
    assert "c3" not in scene.sketch().box_of
    before = scene.sketch()
    from desktop.canvas.theme import DARK

    scene.set_theme(DARK)
    assert scene.sketch() is not before


def test_sketch_groups_boxes_and_lines_by_colour(qapp, argument_map):
    from desktop.canvas import MapScene

    sketch = MapSketch(MapScene(argument_map))
    assert sum(len(rects) for _pen, _fill, rects in sketch.boxes) == len(argument_map.nodes)
    assert sum(len(lines) for _pen, lines in sketch.lines) == len(argument_map.edges)
    # Support and attack lines are drawn in different colours (two batches).
    assert len(sketch.lines) == 2


def test_a_drag_at_low_zoom_paints_the_moving_items(window, qtbot):
    from canvas_mouse import send_mouse
    from PySide6.QtCore import QEvent

    view = window.view
    view.set_zoom(LOW_DETAIL * 0.5)
    view.centerOn(0.0, 200.0)
    send_mouse(view, QEvent.Type.MouseButtonPress, QPointF(200.0, 200.0))
    assert not view.uses_sketch()  # items move ahead of the model during a drag
    view.cancel_interaction()
    assert view.uses_sketch()


def test_exports_draw_full_detail_at_any_scale(qapp, argument_map):
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtWidgets import QStyleOptionGraphicsItem, QWidget

    from desktop.canvas import MapScene

    scene = MapScene(argument_map)  # kept: the item lives as long as its scene
    item = scene.node_item("c1")
    widget = QWidget()

    def paint(on_screen: bool) -> QImage:
        image = QImage(200, 200, QImage.Format.Format_ARGB32)
        image.fill(0)
        painter = QPainter(image)
        painter.translate(100.0, 100.0)
        painter.scale(LOW_DETAIL * 0.5, LOW_DETAIL * 0.5)
        item.paint(painter, QStyleOptionGraphicsItem(), widget if on_screen else None)
        painter.end()
        return image

    exported, on_screen = paint(False), paint(True)
    assert exported != on_screen  # the export has the label's text, the screen a plain box
    widget.deleteLater()


def test_the_sketch_shows_evaluate_mode_by_texture_as_well_as_colour(qapp):
    from PySide6.QtCore import Qt

    from desktop.canvas.scene import MapScene
    from desktop.canvas.verdicts import EvaluationOverlay
    from mapping.model import ArgumentMap
    from mapping.semantics import evaluate_map

    m = ArgumentMap()
    m.add_node(id="p", kind="position", label="Position")
    m.add_node(id="a", label="Unattacked attacker", x=200)
    m.add_edge("a", "p", "attack")
    scene = MapScene(m)
    plain = scene.sketch()
    assert {brush.style() for _pen, brush, _rects in plain.boxes} == {Qt.BrushStyle.SolidPattern}
    scene.set_evaluation(EvaluationOverlay.from_evaluation(evaluate_map(m, "grounded")))
    evaluated = scene.sketch()
    assert evaluated is not plain  # the overlay changed, so the sketch was made again
    styles = {brush.style() for _pen, brush, _rects in evaluated.boxes}
    assert styles == {Qt.BrushStyle.SolidPattern, Qt.BrushStyle.BDiagPattern}  # IN and OUT
    scene.detach()


def test_a_big_map_opens_readable_at_its_top_and_fit_still_shows_everything(qtbot):
    from desktop.canvas.items import LOW_DETAIL
    from desktop.canvas.view import READABLE_ZOOM
    from desktop.main_window import MainWindow
    from desktop.session import MapSession
    from mapping.model import ArgumentMap

    m = ArgumentMap()
    m.add_node(id="p", kind="position", label="Top position", x=0, y=0)
    for i in range(40):
        m.add_node(id=f"c{i}", label=f"Claim {i}", x=(i - 20) * 250.0, y=300.0 + (i % 5) * 150)
    window = MainWindow(MapSession(m))
    qtbot.addWidget(window)
    window.resize(1000, 700)
    window.show()
    window.view.zoom_to_read()
    assert window.view.zoom == READABLE_ZOOM > LOW_DETAIL
    top = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert top.contains(0.0, 0.0)  # the position row is in view
    window.view.zoom_fit()
    assert window.view.zoom < LOW_DETAIL  # Fit Map still shows the whole (wide) map
