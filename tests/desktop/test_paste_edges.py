"""Paste, Duplicate and the new claims of Tab and Enter keep off relation lines as well as nodes.

A box dropped on an arrow hides where the arrow goes and reads as if it belonged to it; draw.io
and yEd move pasted shapes clear of connectors for the same reason.
"""

from __future__ import annotations

import random

import pytest
from PySide6.QtCore import QLineF, QPointF, QRectF

from desktop.canvas.editor import EDGE_CLEARANCE, _SegmentIndex
from mapping.model import ArgumentMap

CLEARANCE = EDGE_CLEARANCE - 10.0  # what is left after snapping to the 20-unit grid


def _crossings(window, ids, clearance: float = CLEARANCE) -> list[tuple[str, str]]:
    """(node, edge) pairs where a given node's box (grown by ``clearance``) meets an edge's
    drawn line, found by walking along the line in steps of half a unit."""
    found = []
    for node_id in ids:
        box = window.scene.node_item(node_id).scene_box()
        box = box.adjusted(-clearance, -clearance, clearance, clearance)
        for item in window.scene.edge_items():
            line = item.segment()
            steps = max(1, int(line.length() * 2))
            if any(box.contains(line.pointAt(k / steps)) for k in range(steps + 1)):
                found.append((node_id, item.edge_id))
    return found


def _centre(m, ids) -> tuple[float, float]:
    xs, ys = [m.node(i).x for i in ids], [m.node(i).y for i in ids]
    return (min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2


@pytest.fixture
def argument_map() -> ArgumentMap:
    """Two claims joined by a long vertical arrow, and a loose claim far away to copy."""
    m = ArgumentMap("Lines")
    m.add_node(id="top", kind="position", label="Open the library on Sundays", x=0.0, y=-400.0)
    m.add_node(id="bottom", label="Families read together at weekends", x=0.0, y=400.0)
    m.add_edge("bottom", "top", "support", id="e1")
    m.add_node(id="loose", label="Staff need a day off", x=-1200.0, y=1200.0)
    return m


def test_paste_on_an_arrow_moves_just_off_it(window):
    m = window.session.map
    window.editor.select(["loose"])
    window.actions["copy"].trigger()
    (pasted,) = window.editor.paste(QPointF(0.0, 0.0))  # no node there, but the arrow is
    assert _crossings(window, [pasted]) == []
    x, y = _centre(m, [pasted])
    box = window.scene.node_item(pasted).scene_box()
    assert y == 0.0 and abs(x) <= box.width() / 2 + EDGE_CLEARANCE + 20.0  # the nearest side


def test_duplicate_keeps_off_the_arrows_of_the_original(window):
    """A step down and right of the original is clear of nodes but on the arrow from below."""
    m = window.session.map
    m.add_node(id="w", label="West", x=-1500.0, y=-1000.0)
    m.add_node(id="mid", label="Middle", x=-1100.0, y=-1000.0)
    m.add_node(id="e", label="East", x=-700.0, y=-1000.0)
    m.add_node(id="s", label="South", x=-1100.0, y=-700.0)
    m.add_edge("w", "mid", "support", id="we")
    m.add_edge("e", "mid", "attack", id="em")
    m.add_edge("s", "mid", "attack", id="sm")
    window.editor.select(["mid"])
    first = window.editor.duplicate()
    window.editor.select(["mid"])
    second = window.editor.duplicate()
    assert _crossings(window, [*first, *second]) == []
    for node_id in (*first, *second):
        box = window.scene.node_item(node_id).scene_box()
        assert abs(box.center().x() + 1100.0) + abs(box.center().y() + 1000.0) < 200.0  # near
        for other in m.nodes:
            if other != node_id:
                assert not box.intersects(window.scene.node_item(other).scene_box())


def test_a_group_keeps_its_shape_and_an_arrow_may_pass_between_its_boxes(window):
    m = window.session.map
    m.add_node(id="a", label="Left", x=-1500.0, y=1500.0)
    m.add_node(id="b", label="Right", x=-900.0, y=1500.0)
    window.editor.select(["a", "b"])
    window.actions["copy"].trigger()
    pasted = window.editor.paste(QPointF(0.0, 0.0))  # the gap between them straddles the arrow
    assert _crossings(window, pasted) == []
    assert m.node(pasted[1]).x - m.node(pasted[0]).x == 600.0
    assert _centre(m, pasted) == (0.0, 0.0)  # no need to move: the arrow runs in the gap


def test_when_no_spot_nearby_is_off_the_lines_the_paste_stays_near(window):
    """A dense fan of arrows: keeping off them would move the paste far away, so it does not."""
    m = window.session.map
    for i in range(-45, 46):
        m.add_node(id=f"t{i}", label="T", x=i * 40.0, y=-1800.0)
        m.add_node(id=f"b{i}", label="B", x=i * 40.0, y=1800.0)
        m.add_edge(f"b{i}", f"t{i}", "attack", id=f"f{i}")
    window.editor.select(["loose"])
    window.actions["copy"].trigger()
    (pasted,) = window.editor.paste(QPointF(0.0, 0.0))
    assert _centre(m, [pasted]) == (0.0, 0.0)  # clear of nodes, on lines: the nearest spot
    assert _crossings(window, [pasted]) != []


def _meets(segment, rect: QRectF) -> bool:
    """Qt's own answer: an end inside the rectangle, or the line crossing one of its sides."""
    line = QLineF(*segment)
    if rect.contains(line.p1()) or rect.contains(line.p2()):
        return True
    corners = [rect.topLeft(), rect.topRight(), rect.bottomRight(), rect.bottomLeft()]
    return any(
        line.intersects(QLineF(corners[k], corners[(k + 1) % 4]))[0]
        == QLineF.IntersectionType.BoundedIntersection
        for k in range(4)
    )


@pytest.mark.parametrize("seed", range(5))
def test_segment_index_agrees_with_qt_geometry(seed):
    rng = random.Random(seed)
    segments = [tuple(rng.uniform(-900.0, 900.0) for _ in range(4)) for _ in range(60)]
    segments += [(-300.0, 50.0, 300.0, 50.0), (10.0, -500.0, 10.0, 500.0)]  # level, upright
    index = _SegmentIndex(segments)
    hits = 0
    for _ in range(300):
        left, top = rng.uniform(-1000.0, 900.0), rng.uniform(-1000.0, 900.0)
        rect = QRectF(left, top, rng.uniform(5.0, 300.0), rng.uniform(5.0, 150.0))
        found = index.hits(rect)
        hits += found
        assert found == any(_meets(s, rect) for s in segments), rect
        grown = rect.adjusted(-25.0, -25.0, 25.0, 25.0)
        assert index.hits(rect, 25.0) == any(_meets(s, grown) for s in segments), rect
    assert 30 < hits < 270  # the random rectangles both meet and miss lines


@pytest.mark.parametrize("seed", range(3))
def test_free_spot_search_matches_checking_every_box_against_every_node(window, seed):
    """The offset-space index gives the same first free offset as the plain double loop."""
    from desktop.canvas.editor import SIBLING_GAP, _nearest_offsets

    rng = random.Random(seed)
    m = window.session.map
    for i in range(80):
        m.add_node(id=f"r{i}", label="x" * rng.randrange(1, 40),
                   x=rng.uniform(-600.0, 600.0), y=rng.uniform(-600.0, 600.0))  # fmt: skip
    window.scene.set_hidden(["r0", "r1", "r2"])  # hidden nodes count too
    offsets = _nearest_offsets(400.0)
    margin = SIBLING_GAP / 2
    nodes = [window.scene.node_item(i).scene_box() for i in m.nodes]
    for _ in range(10):
        boxes = [
            QRectF(
                rng.uniform(-300.0, 300.0),
                rng.uniform(-300.0, 300.0),
                rng.uniform(40.0, 200.0),
                rng.uniform(30.0, 80.0),
            )
            for _ in range(rng.randrange(1, 4))
        ]
        expected = next(
            (
                (dx, dy)
                for dx, dy in offsets
                if not any(
                    b.translated(dx, dy).adjusted(-margin, -margin, margin, margin).intersects(n)
                    for b in boxes
                    for n in nodes
                )
            ),
            None,
        )
        assert window.editor._free_offset(boxes, offsets) == expected


def test_tab_and_enter_put_the_new_claim_beside_an_arrow_that_runs_through_its_spot(window):
    """Tab and Enter place a new claim under or beside the selection, right of what is there.
    An arrow ending in the row under the anchor, and an upright one through the spot to its
    right, would run behind the new boxes; each moves along its row until it is clear."""
    m = window.session.map
    m.add_node(id="anchor", label="Trains should be free", x=2000.0, y=0.0)
    m.add_node(id="west", label="West", x=600.0, y=117.0)
    m.add_node(id="east", label="East", x=2200.0, y=117.0)
    m.add_edge("west", "east", "attack", id="level")
    m.add_node(id="north", label="North", x=2184.0, y=-900.0)
    m.add_node(id="south", label="South", x=2184.0, y=900.0)
    m.add_edge("south", "north", "support", id="upright")
    window.editor.select(["anchor"])
    child = window.editor.add_supporting_claim()
    window.editor.select(["anchor"])
    sibling = window.editor.add_sibling()
    assert child is not None and sibling is not None
    own = {e.id for e in m.edges.values() if {e.source, e.target} & {child.id, sibling.id}}
    assert [hit for hit in _crossings(window, [child.id, sibling.id]) if hit[1] not in own] == []
    anchor = window.scene.node_item("anchor").scene_box()
    for node in (child, sibling):
        box = window.scene.node_item(node.id).scene_box()
        assert abs(box.center().x() - anchor.center().x()) < 900.0  # still next to the anchor
        for other in m.nodes:
            if other != node.id:
                assert not box.intersects(window.scene.node_item(other).scene_box())
