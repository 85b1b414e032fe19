"""How many boxes the map's edges pass behind: a measure of how readable a layout is.

Edges are drawn as straight lines from box centre to box centre, so an edge whose line runs
through a third box (one that is neither of its ends) hides part of that box and looks as if it
started or ended there. :func:`edge_box_crossings` lists every such (edge, box) pair; the
layout tests and ``bench/layout_crossings.py`` count them.

>>> places = {"p": (0.0, 0.0), "a": (0.0, 100.0), "b": (0.0, 200.0)}
>>> sizes = {i: (80.0, 30.0) for i in places}
>>> edge_box_crossings(places, sizes, [("e1", "b", "p"), ("e2", "a", "p")])
[('e1', 'a')]
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping

from mapping.model import ArgumentMap

Size = tuple[float, float]
Point = tuple[float, float]
Box = tuple[float, float, float, float]

_CELL = 256.0
"""Side of the grid cells that find the boxes near a line (about one box wide)."""


def edge_box_crossings(
    places: Mapping[str, Point],
    sizes: Mapping[str, Size],
    edges: Iterable[tuple[str, str, str]],
) -> list[tuple[str, str]]:
    """``(edge id, node id)`` for each edge ``(id, source, target)`` whose line crosses a box.

    The line runs between the two centres and is cut where it leaves its end boxes; it
    crosses a box when it enters the box's inside (touching the border does not count).
    Edges between overlapping boxes have no visible line and cross nothing.
    """
    boxes = {i: _box(places[i], sizes[i]) for i in places}
    grid: dict[tuple[int, int], list[str]] = {}
    for node_id, (left, top, right, bottom) in boxes.items():
        for cx in range(_cell(left), _cell(right) + 1):
            for cy in range(_cell(top), _cell(bottom) + 1):
                grid.setdefault((cx, cy), []).append(node_id)
    found = []
    for edge_id, source, target in edges:
        if source not in boxes or target not in boxes or source == target:
            continue
        segment = visible_segment(places[source], places[target], boxes[source], boxes[target])
        if segment is None:
            continue
        near = set()
        for cell in _cells_along(*segment):
            near.update(grid.get(cell, ()))
        near.discard(source)
        near.discard(target)
        found.extend(
            (edge_id, node_id)
            for node_id in sorted(near)
            if segment_enters_box(*segment, boxes[node_id])
        )
    return found


def map_crossings(
    argument_map: ArgumentMap,
    sizes: Mapping[str, Size],
    places: Mapping[str, Point] | None = None,
) -> list[tuple[str, str]]:
    """:func:`edge_box_crossings` for a map's edges, at ``places`` or where its nodes are."""
    where = places or {n.id: (n.x, n.y) for n in argument_map.nodes.values()}
    edges = ((e.id, e.source, e.target) for e in argument_map.edges.values())
    return edge_box_crossings(where, sizes, edges)


def visible_segment(a: Point, b: Point, box_a: Box, box_b: Box) -> tuple[Point, Point] | None:
    """The part of the line from centre ``a`` to centre ``b`` outside both boxes, if any."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    leave = _exit(a, dx, dy, box_a)
    enter = 1.0 - _exit(b, -dx, -dy, box_b)
    if enter <= leave:
        return None
    return (a[0] + dx * leave, a[1] + dy * leave), (a[0] + dx * enter, a[1] + dy * enter)


def segment_enters_box(p: Point, q: Point, box: Box, *, closed: bool = False) -> bool:
    """True when the segment ``p``–``q`` passes through the inside of ``box`` (Liang–Barsky).

    ``closed``: the box's outline counts as inside, so a segment that only touches it (or
    runs along it) meets it; a spatial grid needs that to file a segment in every cell it
    borders.
    """
    left, top, right, bottom = box
    dx, dy = q[0] - p[0], q[1] - p[1]
    low, high = 0.0, 1.0
    for step, room in ((-dx, p[0] - left), (dx, right - p[0]), (-dy, p[1] - top),
                       (dy, bottom - p[1])):  # fmt: skip
        if step == 0.0:
            if room < 0.0 or (room == 0.0 and not closed):
                return False  # parallel to this side and outside it
            continue
        t = room / step
        if step < 0.0:
            low = max(low, t)
        else:
            high = min(high, t)
        if low > high or (low == high and not closed):
            return False
    # Inside for a stretch, not just at a corner: the stretch has a length.
    return closed or (high - low) * math.hypot(dx, dy) > 1e-6


def _box(place: Point, size: Size) -> Box:
    (x, y), (w, h) = place, size
    return x - w / 2, y - h / 2, x + w / 2, y + h / 2


def _exit(start: Point, dx: float, dy: float, box: Box) -> float:
    """The fraction of (dx, dy) after which a line from ``start`` (inside ``box``) leaves it."""
    left, top, right, bottom = box
    t = math.inf
    if dx > 0:
        t = min(t, (right - start[0]) / dx)
    elif dx < 0:
        t = min(t, (left - start[0]) / dx)
    if dy > 0:
        t = min(t, (bottom - start[1]) / dy)
    elif dy < 0:
        t = min(t, (top - start[1]) / dy)
    return max(t, 0.0) if t != math.inf else 1.0


def _cell(value: float) -> int:
    return math.floor(value / _CELL)


def _cells_along(p: Point, q: Point) -> Iterable[tuple[int, int]]:
    """The grid cells the segment ``p``–``q`` touches (column by column)."""
    (x0, y0), (x1, y1) = sorted((p, q))
    first, last = _cell(x0), _cell(x1)
    for column in range(first, last + 1):
        low = max(x0, column * _CELL)
        high = min(x1, (column + 1) * _CELL)
        if x1 > x0:
            ya = y0 + (y1 - y0) * (low - x0) / (x1 - x0)
            yb = y0 + (y1 - y0) * (high - x0) / (x1 - x0)
        else:
            ya, yb = y0, y1
        for row in range(_cell(min(ya, yb)), _cell(max(ya, yb)) + 1):
            yield column, row
