"""Arrow ends spread along the side of a box (ports), follow moves and undo, and stay clickable."""

from __future__ import annotations

import doctest
import itertools

import pytest
from PySide6.QtCore import QLineF, QPointF

from desktop.canvas import MapScene
from desktop.canvas import ports as ports_module
from desktop.canvas.items import EdgeItem
from desktop.canvas.ports import CORNER_MARGIN, MIN_SPACING, SPACING, spread, untangle
from mapping.model import ArgumentMap, ChangeNode, History

SOURCES = 7


def hub_map(sources: int = SOURCES) -> ArgumentMap:
    """A position with claims in a row well below it: their centre lines meet the box's bottom
    within a few units of each other."""
    m = ArgumentMap("hub")
    m.add_node(id="hub", kind="position", label="The question everyone argues about", x=0.0, y=0.0)
    for i in range(sources):
        x = (i - (sources - 1) / 2) * 60.0
        m.add_node(id=f"c{i}", label=f"Reason {i}", x=x, y=600.0)
        m.add_edge(f"c{i}", "hub", "attack" if i % 3 == 0 else "support", id=f"e{i}")
    return m


def ends_on(scene: MapScene, node_id: str) -> dict[str, QPointF]:
    """Where each arrow meets ``node_id``'s box: the tip of an incoming one, else its tail."""
    ends = {}
    for edge in scene.edge_items():
        if edge.edge.target == node_id:
            ends[edge.edge_id] = edge.line.p2()
        elif edge.edge.source == node_id:
            ends[edge.edge_id] = edge.line.p1()
    return ends


def by_source_x(scene: MapScene, edge_ids) -> list[str]:
    return sorted(edge_ids, key=lambda e: scene.node_item(scene.edge_item(e).edge.source).x())


def assert_spread_on_bottom(scene: MapScene, node_id: str) -> None:
    """Every end on the bottom side, distinct, at least MIN_SPACING apart, clear of the
    corners, and left to right in the order of the nodes they come from."""
    box = scene.node_item(node_id).scene_box()
    ends = {
        e: p
        for e, p in ends_on(scene, node_id).items()
        if scene.edge_item(e).edge.target == node_id
    }
    for point in ends.values():
        assert point.y() == pytest.approx(box.bottom() + 2.0)
        assert box.left() + CORNER_MARGIN - 1e-6 <= point.x() <= box.right() - CORNER_MARGIN + 1e-6
    xs = [ends[e].x() for e in by_source_x(scene, ends)]
    gaps = [b - a for a, b in itertools.pairwise(xs)]
    assert len(set(xs)) == len(xs)
    assert min(gaps) >= MIN_SPACING - 1e-6, xs


def crossings(scene: MapScene) -> list[tuple[str, str]]:
    """Pairs of arrows that cross away from a shared end point."""
    found = []
    for a, b in itertools.combinations(scene.edge_items(), 2):
        kind, point = a.line.intersects(b.line)
        if kind != QLineF.IntersectionType.BoundedIntersection:
            continue
        if any(QLineF(point, p).length() < 0.5 for p in (a.line.p1(), a.line.p2())):
            continue
        found.append((a.edge_id, b.edge_id))
    return found


# ----------------------------------------------------------------------- the arithmetic
def test_doctests_of_the_ports_module():
    assert doctest.testmod(ports_module).failed == 0


def test_spread_keeps_order_spacing_and_corners():
    naturals = [-3.0, -1.0, 0.0, 0.5, 2.0]
    offsets = spread(naturals, 240.0)
    assert offsets == sorted(offsets)
    assert all(b - a == pytest.approx(SPACING) for a, b in itertools.pairwise(offsets))
    assert sum(offsets) / len(offsets) == pytest.approx(sum(naturals) / len(naturals))
    # Pushed against a corner, they stay clear of it.
    assert spread([-500.0, -400.0], 240.0)[0] == pytest.approx(-120.0 + CORNER_MARGIN)
    # Far-apart ends keep their natural places.
    assert spread([-80.0, 0.0, 80.0], 240.0) == [-80.0, 0.0, 80.0]


def test_spread_on_a_short_side_shares_points_in_order():
    offsets = spread([0.0] * 12, 60.0)
    assert offsets == sorted(offsets)
    assert len(set(offsets)) < 12  # some share
    assert all(b - a == 0 or b - a >= MIN_SPACING - 1e-9 for a, b in itertools.pairwise(offsets))
    assert offsets[0] > -30.0 and offsets[-1] < 30.0


def test_untangle_swaps_arrows_that_would_cross():
    # Ports at 0 and 10; the first goes far to the right, the second straight on: they cross.
    assert untangle([0.0, 10.0], [(200.0, 100.0), (10.0, 300.0)]) == [1, 0]
    assert untangle([0.0, 10.0], [(-200.0, 100.0), (10.0, 300.0)]) == [0, 1]


# ----------------------------------------------------------------------------- the scene
def test_arrows_into_one_box_end_at_distinct_points_in_source_order(qapp):
    scene = MapScene(hub_map())
    assert_spread_on_bottom(scene, "hub")
    assert not crossings(scene)


def test_ports_follow_a_moved_source_and_undo(qapp):
    argument_map = hub_map()
    scene = MapScene(argument_map)
    before = {e: QPointF(p) for e, p in ends_on(scene, "hub").items()}
    history = History(argument_map)
    history.do(ChangeNode("c0", x=900.0))  # the leftmost source goes to the far right
    assert_spread_on_bottom(scene, "hub")
    assert by_source_x(scene, before)[-1] == "e0"
    assert ends_on(scene, "hub")["e0"].x() > before["e6"].x() - 1e-6
    assert not crossings(scene)
    history.undo()
    assert ends_on(scene, "hub") == before


def test_dragging_moves_ports_ahead_of_the_model_and_only_redraws_affected_arrows(
    qapp, monkeypatch
):
    argument_map = hub_map()
    argument_map.add_node(id="up", label="Above it all", x=0.0, y=-400.0)
    argument_map.add_edge("hub", "up", "support", id="top")
    scene = MapScene(argument_map)
    adjusted: list[str] = []
    original = EdgeItem.adjust

    def counting(self):
        adjusted.append(self.edge_id)
        original(self)

    monkeypatch.setattr(EdgeItem, "adjust", counting)
    scene.node_item("c3").move_to(-700.0, 600.0)  # as MoveInteraction does on a mouse move
    assert_spread_on_bottom(scene, "hub")
    assert "e3" in adjusted and "top" not in adjusted  # the top side is left alone
    assert len(adjusted) == len(set(adjusted))
    assert by_source_x(scene, ends_on(scene, "hub"))[0] == "e3"


def test_a_single_arrow_still_aims_from_centre_to_centre(qapp):
    argument_map = hub_map(1)
    argument_map.change_node("c0", x=170.0, y=420.0)
    scene = MapScene(argument_map)
    line = scene.edge_item("e0").line
    a, b = scene.node_item("c0").pos(), scene.node_item("hub").pos()
    for point in (line.p1(), line.p2()):  # both ends lie on the line between the centres
        cross = (b.x() - a.x()) * (point.y() - a.y()) - (b.y() - a.y()) * (point.x() - a.x())
        assert abs(cross) / QLineF(a, b).length() < 0.5


def test_removing_and_hiding_arrows_gives_their_room_back(qapp):
    argument_map = hub_map(2)
    alone = MapScene(hub_map(1))
    argument_map.change_node("c0", x=0.0)  # as the single source of `alone`
    scene = MapScene(argument_map)
    shared = scene.edge_item("e0").line.p2()
    assert shared != alone.edge_item("e0").line.p2()
    scene.set_hidden({"e1", "c1"})
    assert scene.edge_item("e0").line.p2() == alone.edge_item("e0").line.p2()
    scene.set_hidden(())
    assert scene.edge_item("e0").line.p2() == shared
    argument_map.remove_edge("e1")
    assert scene.edge_item("e0").line.p2() == alone.edge_item("e0").line.p2()
    argument_map.add_edge("c1", "hub", id="e1")
    assert scene.edge_item("e0").line.p2() == shared


def test_parallel_arrows_between_two_boxes_do_not_cross(qapp):
    m = ArgumentMap()
    m.add_node(id="a", label="One", x=0.0, y=0.0)
    m.add_node(id="b", label="Two", x=40.0, y=300.0)
    for i in range(3):
        m.add_edge("b", "a", "support" if i % 2 else "attack", id=f"e{i}")
    m.add_edge("a", "b", "rephrase", id="back")
    scene = MapScene(m)
    assert len({scene.edge_item(e).line.p2().toTuple() for e in ("e0", "e1", "e2")}) == 3
    assert not crossings(scene)


def test_arrows_between_adjacent_boxes_meet_facing_sides(qapp):
    m = ArgumentMap()
    m.add_node(id="a", label="Left", x=0.0, y=0.0)
    m.add_node(id="b", label="Right", x=130.0, y=10.0)
    m.add_edge("a", "b", id="e")
    scene = MapScene(m)
    line = scene.edge_item("e").line
    left, right = scene.node_item("a").scene_box(), scene.node_item("b").scene_box()
    assert line.p1().x() == pytest.approx(left.right() + 1.0)
    assert line.p2().x() == pytest.approx(right.left() - 2.0)
    assert not scene.edge_item("e")._head.isEmpty()


def test_question_box_ports_touch_its_pointed_sides(qapp):
    m = ArgumentMap()
    m.add_node(id="q", kind="question", label="Why?", x=0.0, y=0.0)
    for i, y in enumerate((-20.0, 0.0, 20.0)):
        m.add_node(id=f"c{i}", label=f"Claim {i}", x=600.0, y=y * 4)
        m.add_edge(f"c{i}", "q", id=f"e{i}")
    scene = MapScene(m)
    box = scene.node_item("q").scene_box()
    tips = sorted((scene.edge_item(f"e{i}").line.p2() for i in range(3)), key=QPointF.y)
    assert tips[1].x() == pytest.approx(box.right() + 2.0)  # the point of the side
    assert tips[0].x() < tips[1].x() and tips[2].x() < tips[1].x()  # follow the slant in


def test_spread_arrowheads_are_clickable_and_keep_their_styles(qapp):
    argument_map = hub_map()
    argument_map.change_edge("e1", origin="seeded", confidence=0.5)
    scene = MapScene(argument_map)
    for edge in scene.edge_items():
        line = edge.line
        behind_tip = line.pointAt(1.0 - 4.0 / line.length())
        assert edge.shape().contains(behind_tip)
        hits = [i for i in scene.items(behind_tip) if isinstance(i, EdgeItem)]
        assert edge in hits
        assert edge._head.count() == (4 if edge.edge.relation == "attack" else 3)
    assert "not yet confirmed" in scene.edge_item("e1").tooltip_text()


def test_exported_pictures_draw_the_same_spread_ends(qapp):
    from desktop.render import MapPage, RenderOptions

    argument_map = hub_map()
    page = MapPage(argument_map, RenderOptions())
    try:
        assert ends_on(page.scene, "hub") == ends_on(MapScene(argument_map), "hub")
        assert_spread_on_bottom(page.scene, "hub")
    finally:
        page.close()
    # Exporting a part: the arrows left out take no room from those drawn.
    page = MapPage(argument_map, RenderOptions(only=frozenset({"hub", "c0", "e0"})))
    twin = hub_map(1)
    twin.change_node("c0", x=argument_map.node("c0").x)
    try:
        alone = MapScene(twin).edge_item("e0").line.p2()
        assert page.scene.edge_item("e0").line.p2() == alone
        assert ends_on(MapScene(argument_map), "hub")["e0"] != alone
    finally:
        page.close()


def test_crowded_heads_narrow_so_they_do_not_overlap_and_a_lone_head_keeps_its_size(qapp):
    m = ArgumentMap()
    m.add_node(id="small", label="Tiny", x=0.0, y=0.0)
    for i in range(9):
        m.add_node(id=f"s{i}", label=f"S{i}", x=-160.0 + 40 * i, y=350.0 + 30 * (i % 2))
        m.add_edge(f"s{i}", "small", "attack" if i % 2 else "support", id=f"f{i}")
    m.add_node(id="far", label="Alone", x=900.0, y=0.0)
    m.add_node(id="near", label="Its attacker", x=900.0, y=300.0)
    m.add_edge("near", "far", "attack", id="lone")
    scene = MapScene(m)
    heads = [scene.edge_item(e)._head for e in by_source_x(scene, [f"f{i}" for i in range(9)])]
    for a, b in itertools.pairwise(heads):
        assert not a.intersects(b)
    assert max(h.boundingRect().width() for h in heads) < EdgeItem.BAR_WIDTH
    lone = scene.edge_item("lone")._head
    assert lone.boundingRect().width() == pytest.approx(EdgeItem.BAR_WIDTH)


def test_a_mouse_drag_reorders_the_ports_before_release_and_undo_puts_them_back(open_window):
    from canvas_mouse import send_mouse
    from PySide6.QtCore import QEvent

    window = open_window(hub_map())
    view, scene = window.view, window.scene
    view.zoom_fit()
    before = {e: QPointF(p) for e, p in ends_on(scene, "hub").items()}

    def send(kind, scene_point):
        send_mouse(view, kind, scene_point)

    start = scene.node_item("c0").pos()
    send(QEvent.Type.MouseButtonPress, start)
    for i in range(1, 9):
        send(QEvent.Type.MouseMove, start + QPointF(60.0 * i, 0.0))
    assert window.session.map.node("c0").x == start.x()  # the model has not moved yet
    assert by_source_x(scene, before)[-1] == "e0"
    assert_spread_on_bottom(scene, "hub")
    send(QEvent.Type.MouseButtonRelease, start + QPointF(480.0, 0.0))
    assert window.session.undo_stack.count() == 1
    window.session.undo_stack.undo()
    assert ends_on(scene, "hub") == before
    window.session.undo_stack.setClean()


def test_moving_a_group_lays_out_each_box_once_and_ends_where_single_moves_would(qapp, monkeypatch):
    from desktop.canvas.items import NodeItem, move_boxes

    moves = {"c0": (400.0, 600.0), "c1": (460.0, 650.0), "hub": (30.0, 10.0)}
    one_by_one = hub_map()
    reference = MapScene(one_by_one)
    for node_id, (x, y) in moves.items():
        one_by_one.change_node(node_id, x=x, y=y)
    scene = MapScene(hub_map())
    laid_out: list[str] = []
    adjusted: list[str] = []
    lay_out, adjust = NodeItem._lay_out_ports, EdgeItem.adjust
    monkeypatch.setattr(
        NodeItem,
        "_lay_out_ports",
        lambda self, *a: laid_out.append(self.node_id) or lay_out(self, *a),
    )
    monkeypatch.setattr(
        EdgeItem, "adjust", lambda self: adjusted.append(self.edge_id) or adjust(self)
    )
    move_boxes({scene.node_item(n): xy for n, xy in moves.items()})
    assert sorted(laid_out) == sorted({*moves, *(f"c{i}" for i in range(SOURCES))})
    assert sorted(adjusted) == sorted(f"e{i}" for i in range(SOURCES))
    assert ends_on(scene, "hub") == ends_on(reference, "hub")
    assert_spread_on_bottom(scene, "hub")
