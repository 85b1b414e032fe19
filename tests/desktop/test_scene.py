"""The scene as a projection of the model, without any view or window."""

from __future__ import annotations

from PySide6.QtCore import QPointF, QRectF
from PySide6.QtGui import QColor, QImage, QPainter

from desktop.canvas import MapScene, node_size
from desktop.canvas.items import EdgeItem, NodeItem, node_layout
from desktop.canvas.theme import DARK, HIGH_CONTRAST, LIGHT, THEMES
from mapping.model import ChangeNode, History, Node, RemoveNode


def test_scene_has_one_item_per_node_and_edge(qapp, argument_map):
    scene = MapScene(argument_map)
    assert {i.node_id for i in scene.items() if isinstance(i, NodeItem)} == set(argument_map.nodes)
    assert {i.edge_id for i in scene.items() if isinstance(i, EdgeItem)} == set(argument_map.edges)
    assert scene.node_item("c1").pos() == QPointF(-200.0, 200.0)
    assert scene.edge_item("e1").source is scene.node_item("c1")


def test_scene_follows_model_events_and_undo(qapp, argument_map):
    scene = MapScene(argument_map)
    history = History(argument_map)
    history.do(ChangeNode("c1", x=50.0, y=60.0, label="Shorter commute"))
    item = scene.node_item("c1")
    assert item.pos() == QPointF(50.0, 60.0)
    assert item.node.label == "Shorter commute"
    history.do(RemoveNode("p1"))
    assert scene.node_item("p1") is None
    assert scene.edge_item("e1") is None and scene.edge_item("e2") is None
    assert len(scene.items()) == 3
    history.undo()
    assert scene.node_item("p1") is not None
    assert scene.edge_item("e2").target is scene.node_item("p1")
    history.undo()
    assert scene.node_item("c1").pos() == QPointF(-200.0, 200.0)


def test_edges_follow_a_moved_node(qapp, argument_map):
    scene = MapScene(argument_map)
    before = scene.edge_item("e1").line
    argument_map.change_node("c1", x=-400.0, y=300.0)
    after = scene.edge_item("e1").line
    assert after.p1() != before.p1()
    assert scene.node_item("c1").scene_box().contains(after.p1()) or (
        scene.node_item("c1").scene_box().adjusted(-3, -3, 3, 3).contains(after.p1())
    )


def test_arrowhead_is_part_of_the_clickable_shape(qapp, argument_map):
    scene = MapScene(argument_map)
    edge = scene.edge_item("e1")
    tip = edge.line.p2()
    # A point inside the filled head, a little behind the tip, is on the edge's shape.
    back = edge.line.pointAt(1.0 - 4.0 / edge.line.length())
    assert edge.shape().contains(back)
    assert scene.items(tip)  # something is hit at the very tip
    assert not edge.shape().contains(QPointF(tip.x() + 40, tip.y() + 40))


def test_support_and_attack_differ_in_shape_not_only_colour(qapp, argument_map):
    scene = MapScene(argument_map)
    support, attack = scene.edge_item("e1"), scene.edge_item("e2")
    assert support._head.count() == 3  # a triangle
    assert attack._head.count() == 4  # a bar across the end
    # The bar is wider than the line is long near the end: it crosses the line.
    assert attack._head.boundingRect().width() > 10 or attack._head.boundingRect().height() > 10


def test_seeded_edge_tooltip_gives_confidence_and_reason(qapp, argument_map):
    scene = MapScene(argument_map)
    tip = scene.edge_item("e2").tooltip_text()
    assert "60%" in tip and "cue word" in tip and "not yet confirmed" in tip


def test_labels_are_plain_text(qapp, argument_map):
    argument_map.change_node("c3", label="<b>bold?</b> & <i>no</i>")
    scene = MapScene(argument_map)
    lines = " ".join(scene.node_item("c3").layout.lines)
    assert "<b>bold?</b>" in lines
    argument_map.change_node("c3", text="<script>x</script>")
    assert "&lt;script&gt;" in scene.node_item("c3").tooltip_text()


def test_node_size_grows_with_label_and_positions_are_bigger(qapp):
    short = Node("a", label="Short")
    long = Node("b", label="A much longer label that has to wrap over several lines of text " * 2)
    w1, h1 = node_size(short, LIGHT)
    w2, h2 = node_size(long, LIGHT)
    assert h2 > h1 and w2 >= w1
    position = Node("c", kind="position", label="Short")
    assert node_size(position, LIGHT)[1] > h1
    assert node_size(short, LIGHT.with_font_size(20))[1] > h1
    layout = node_layout(long, LIGHT)
    assert len(layout.lines) >= 2
    assert all(line for line in layout.lines)


def test_speaker_shown_for_claims(qapp):
    with_speaker = node_layout(Node("a", label="Text", speaker="Ana"), LIGHT)
    assert with_speaker.speaker == "Ana"
    assert node_layout(Node("b", label="Text"), LIGHT).height < with_speaker.height


def test_map_rect_covers_all_nodes(qapp, argument_map):
    scene = MapScene(argument_map)
    rect = scene.map_rect()
    for item in scene.node_items():
        assert rect.contains(item.sceneBoundingRect())
    assert rect.contains(scene.map_rect(margin=0).adjusted(1, 1, -1, -1))


def _render(scene: MapScene) -> QImage:
    rect = scene.map_rect()
    image = QImage(int(rect.width()), int(rect.height()), QImage.Format.Format_ARGB32)
    image.fill(QColor("#123456"))
    painter = QPainter(image)
    scene.render(painter, QRectF(image.rect()), rect)
    painter.end()
    return image


def test_renders_headless_with_each_theme(qapp, argument_map):
    scene = MapScene(argument_map)
    for theme in THEMES.values():
        scene.set_theme(theme)
        image = _render(scene)
        corner = image.pixelColor(1, 1)
        assert corner == QColor(theme.background), theme.name
        colours = {image.pixelColor(x, y).rgb() for x in range(0, image.width(), 7)
                   for y in range(0, image.height(), 7)}  # fmt: skip
        assert len(colours) > 5, f"{theme.name}: nothing drawn"
    assert scene.node_item("p1").theme is HIGH_CONTRAST
    assert DARK.background != LIGHT.background


def test_scene_stops_following_after_detach(qapp, argument_map):
    scene = MapScene(argument_map)
    scene.detach()
    argument_map.add_node(id="x1", label="late")
    assert scene.node_item("x1") is None
