"""Wrap a wide, shallow layered layout into blocks, so it fits a screen, a page or a projector.

A map of a few positions with dozens of direct supporters and attackers each comes out of a
layered layout (Graphviz or built-in) as one endless row. This step takes such a result and
rearranges it as a forest: every node hangs under one *primary parent* (the node it supports or
attacks in the layer right above it), every parent sits over the block of its children, and a
parent's children (each with its own block of replies below it) are wrapped into several rows
("shelves") of a common maximum width. Positions stay side by side in the top row, each with
its block underneath (many positions wrap into several rows of blocks). Drawings no wider than
:data:`MIN_WIDTH` are left alone.

Edges are drawn as straight lines, so the rows are arranged to keep the line from each child up
to its parent off the other boxes (:mod:`mapping.layout.crossings` counts those that are not):
a row is placed either top down, each child moved sideways until its line clears the rows
above, or bottom up as a *funnel*, each row opening in the middle so the lines to the rows below
pass through. Several shelf widths are tried in each arrangement; of those that keep the drawing
no wider than :data:`MAX_ASPECT` times its height, the one whose lines cross the fewest boxes
wins, weighed against the room it takes (:data:`_MAX_GROWTH`).

Real node sizes are used throughout: a shelf is as tall as its tallest block, and blocks never
share space, so no two boxes overlap. The engine's left-to-right order (which it chose to avoid
crossings) is kept among siblings, and ties are broken by input order, so the result is
deterministic.

>>> sizes = {"p": (200.0, 40.0), **{f"c{i}": (200.0, 40.0) for i in range(12)}}
>>> raw = {"p": (1420.0, 20.0), **{f"c{i}": (100.0 + 240.0 * i, 150.0) for i in range(12)}}
>>> edges = [("p", f"c{i}") for i in range(12)]
>>> wrapped = wrap_wide_layers(list(sizes), edges, sizes, raw, top={"p"})
>>> xs = [x for x, _ in wrapped.values()]; ys = [y for _, y in wrapped.values()]
>>> (max(xs) - min(xs)) < (max(x for x, _ in raw.values()) - min(x for x, _ in raw.values()))
True
>>> all(wrapped["p"][1] < wrapped[f"c{i}"][1] for i in range(12))
True
"""

from __future__ import annotations

import bisect
import math
from collections.abc import Callable, Collection, Mapping, Sequence

from mapping.layout.crossings import edge_box_crossings

Size = tuple[float, float]
Point = tuple[float, float]

MAX_ASPECT = 2.0
"""A drawing wider than this many times its height is wrapped."""
MIN_WIDTH = 2000.0
"""A drawing no wider than this (about a window at 60 % zoom) is never wrapped."""
_SEARCH_STEPS = 40
_MAX_GROWTH = 2.25
"""A layout may take k times the smallest candidate's area (k at most this) when its edges
cross k^1.5 times fewer boxes."""
_NARROWER_STEPS = 8


def wrap_wide_layers(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    raw: Mapping[str, Point],
    top: Collection[str] = (),
    node_gap: float = 40.0,
    layer_gap: float = 90.0,
    max_aspect: float = MAX_ASPECT,
) -> dict[str, Point]:
    """``raw`` (centres, edges ``(upper, lower)`` pointing down) wrapped when it is too wide.

    ``top`` holds the nodes that always start a block of their own (the positions). A layout
    that already fits ``max_aspect`` comes back unchanged.
    """
    left, _, right, _ = _bounds(ids, sizes, raw) if ids else (0.0, 0.0, 0.0, 0.0)
    if len(ids) < 3 or right - left <= MIN_WIDTH or _aspect(ids, sizes, raw) <= max_aspect:
        return dict(raw)
    forest = _Forest(ids, edges, sizes, raw, set(top), node_gap, layer_gap)
    narrowest = max(sizes[i][0] for i in ids)
    widest = max(right - left, narrowest)
    lines = [(f"{upper}>{lower}", upper, lower) for upper, lower in edges]

    def crossings(places: Mapping[str, Point]) -> int:
        return len(edge_box_crossings(places, sizes, lines))

    # Children wrap at a shelf limit and the roots (positions) at a top limit. Each candidate
    # is the widest limit whose drawing still fits the aspect ratio, or a narrower one that
    # is still landscape, with rows placed top down or as a funnel; the fewest boxes crossed
    # wins, weighed against the room taken (see _MAX_GROWTH).
    one_row = forest.place(narrowest, math.inf)
    if _aspect(ids, sizes, one_row) > max_aspect:
        # Even one child per shelf is too wide: too many positions (or loose nodes) for one
        # row, so the top row wraps as well; children wrap narrowly or not at all.
        candidates = []
        for shelf in (narrowest, 2 * narrowest + node_gap, 3 * narrowest + 2 * node_gap, math.inf):
            candidates += _fitting(
                lambda limit, shelf=shelf: forest.place(shelf, limit),
                narrowest, widest, one_row, ids, sizes, max_aspect,
            )  # fmt: skip
    else:
        candidates = []
        for funnel in (False, True):
            candidates += _fitting(
                lambda limit, funnel=funnel: forest.place(limit, math.inf, funnel),
                narrowest, widest, one_row, ids, sizes, max_aspect,
            )  # fmt: skip
    smallest = min(_area(ids, sizes, c) for c in candidates)
    scored = []
    for i, candidate in enumerate(candidates):
        growth = _area(ids, sizes, candidate) / smallest
        if growth <= _MAX_GROWTH:
            scored.append(((crossings(candidate) + 1) * growth**1.5, growth, i))
    return candidates[min(scored)[2]]


def _fitting(
    place: Callable[[float], dict[str, Point]],
    low: float,
    high: float,
    fallback: dict[str, Point],
    ids: Sequence[str],
    sizes: Mapping[str, Size],
    max_aspect: float,
) -> list[dict[str, Point]]:
    """``place(limit)`` for the largest limit in [low, high] whose drawing fits the aspect,
    and for narrower limits whose drawing is still landscape."""
    best = place(low)
    if _aspect(ids, sizes, best) > max_aspect:
        return [best if _aspect(ids, sizes, best) < _aspect(ids, sizes, fallback) else fallback]
    # The largest fitting limit first (binary search on a log scale) ...
    low, high = math.log(low), math.log(high)
    floor = low
    for _ in range(_SEARCH_STEPS):
        if high - low < 0.01:
            break
        middle = (low + high) / 2
        candidate = place(math.exp(middle))
        if _aspect(ids, sizes, candidate) <= max_aspect:
            best, low = candidate, middle
        else:
            high = middle
    # ... then narrower ones that are still landscape.
    found = [best]
    for step in range(1, _NARROWER_STEPS + 1):
        limit = low - (low - floor) * step / _NARROWER_STEPS
        candidate = place(math.exp(limit))
        if _aspect(ids, sizes, candidate) < 1.0:
            break
        found.append(candidate)
    return found


def _bounds(ids: Sequence[str], sizes: Mapping[str, Size], places: Mapping[str, Point]) -> tuple:
    left = min(places[i][0] - sizes[i][0] / 2 for i in ids)
    top = min(places[i][1] - sizes[i][1] / 2 for i in ids)
    right = max(places[i][0] + sizes[i][0] / 2 for i in ids)
    bottom = max(places[i][1] + sizes[i][1] / 2 for i in ids)
    return left, top, right, bottom


def _area(ids: Sequence[str], sizes: Mapping[str, Size], places: Mapping[str, Point]) -> float:
    left, top, right, bottom = _bounds(ids, sizes, places)
    return (right - left) * (bottom - top)


def _aspect(ids: Sequence[str], sizes: Mapping[str, Size], places: Mapping[str, Point]) -> float:
    left, top, right, bottom = _bounds(ids, sizes, places)
    return (right - left) / max(bottom - top, 1.0)


class _Forest:
    """Each node under one primary parent; children in the engine's left-to-right order."""

    def __init__(
        self,
        ids: Sequence[str],
        edges: Sequence[tuple[str, str]],
        sizes: Mapping[str, Size],
        raw: Mapping[str, Point],
        top: set[str],
        node_gap: float,
        layer_gap: float,
    ) -> None:
        self.sizes, self.node_gap, self.layer_gap = sizes, node_gap, layer_gap
        order = {node_id: i for i, node_id in enumerate(ids)}
        parent: dict[str, str] = {}
        for upper, lower in edges:
            if lower in top or upper not in order or lower not in order:
                continue
            if raw[upper][1] >= raw[lower][1]:
                continue  # drawn level or below (a cycle turned round): not a parent
            current = parent.get(lower)
            key = (-raw[upper][1], abs(raw[upper][0] - raw[lower][0]), order[upper])
            if current is None or key < (
                -raw[current][1],
                abs(raw[current][0] - raw[lower][0]),
                order[current],
            ):
                parent[lower] = upper
        by_place = sorted(ids, key=lambda i: (raw[i][0], raw[i][1], order[i]))
        self.children: dict[str, list[str]] = {i: [] for i in ids}
        for node_id in by_place:
            if node_id in parent:
                self.children[parent[node_id]].append(node_id)
        self.roots = [i for i in by_place if i not in parent]
        # Children before parents, so every block is built from finished ones (no recursion).
        self.bottom_up: list[str] = []
        stack = list(reversed(self.roots))
        while stack:
            node_id = stack.pop()
            self.bottom_up.append(node_id)
            stack.extend(reversed(self.children[node_id]))
        self.bottom_up.reverse()

    def place(self, shelf_width: float, top_width: float, funnel: bool = False) -> dict[str, Point]:
        """Centres with children wrapped at ``shelf_width`` and the roots at ``top_width``.

        ``funnel`` places each parent's rows from the bottom up instead (:func:`_funnel_rows`).
        """
        blocks: dict[str, _Block] = {}
        for node_id in self.bottom_up:
            width, height = self.sizes[node_id]
            # Shallow blocks first: shelves of alike heights waste less room, and the edges
            # down to the deep ones cross fewer boxes (sorted() keeps the engine's order else).
            kids = sorted((blocks.pop(c) for c in self.children[node_id]), key=_depth)
            block = _Block(node_id, width, height)
            if kids:
                hang = _funnel_rows if funnel else _hang_rows
                hang(block, kids, shelf_width, self.sizes, self.node_gap, self.layer_gap)
            blocks[node_id] = block
        places: dict[str, Point] = {}
        y = 0.0
        for shelf in _shelves([blocks[r] for r in self.roots], top_width, self.node_gap * 1.5):
            x = -shelf.width / 2
            for member in shelf.members:
                dy = y + (shelf.band - member.head_height) / 2
                dx = x - member.left
                for node_id, (px, py) in member.places.items():
                    places[node_id] = (round(px + dx, 2), round(py + dy, 2))
                x += member.width + shelf.gap
            y += shelf.height + self.layer_gap
        return places


class _Block:
    """A node with everything placed under it, relative to its head's centre line and top edge.

    ``left`` and ``right`` are the block's extent from the head's centre (left is negative).
    """

    def __init__(self, node_id: str, width: float, height: float) -> None:
        self.node_id = node_id
        self.head_width, self.head_height = width, height
        self.left, self.right, self.height = -width / 2, width / 2, height
        self.places: dict[str, Point] = {node_id: (0.0, height / 2)}

    @property
    def width(self) -> float:
        return self.right - self.left

    def put(self, member: _Block, x: float, y: float) -> None:
        """Copy ``member`` in with its head's centre at ``x`` and its top at ``y``."""
        for node_id, (px, py) in member.places.items():
            self.places[node_id] = (px + x, py + y)
        self.left = min(self.left, x + member.left)
        self.right = max(self.right, x + member.right)
        self.height = max(self.height, y + member.height)


def _depth(block: _Block) -> float:
    return block.height - block.head_height


class _Shelf:
    """One row of blocks: their heads share a centre line (the middle of the band)."""

    def __init__(self, members: list[_Block], gap: float) -> None:
        self.members, self.gap = members, gap
        self.band = max(m.head_height for m in members)
        self.height = max(m.height + (self.band - m.head_height) / 2 for m in members)
        self.width = sum(m.width for m in members) + gap * (len(members) - 1)


def _shelves(blocks: list[_Block], limit: float, gap: float) -> list[_Shelf]:
    """Blocks packed left to right into rows no wider than ``limit`` (at least one per row)."""
    shelves: list[_Shelf] = []
    members: list[_Block] = []
    width = 0.0
    for block in blocks:
        extra = block.width + (gap if members else 0.0)
        if members and width + extra > limit:
            shelves.append(_Shelf(members, gap))
            members, width, extra = [], 0.0, block.width
        members.append(block)
        width += extra
    if members:
        shelves.append(_Shelf(members, gap))
    return shelves


_MARGIN = 6.0
"""Clearance kept between an edge's line and a box it passes (scene units)."""
_FILL = 0.8
"""Share of a row's width its blocks take; the rest is room to move them clear of edges."""


def _hang_rows(
    block: _Block,
    kids: list[_Block],
    limit: float,
    sizes: Mapping[str, Size],
    node_gap: float,
    layer_gap: float,
) -> None:
    """Hang ``kids`` under ``block``'s head in rows, each where its edge up to the head is clear.

    Rows are filled to :data:`_FILL` of ``limit``; the room left over moves a child sideways
    until the straight line from the head's centre to its own misses every box in the rows
    above (the head's *shadows*). Rows grow outwards from under the head, so it stays centred.
    """
    origin = block.head_height / 2  # the head's centre, where every edge up to it ends
    shadows = _Shadows()
    y = block.head_height + layer_gap
    for shelf in _shelves(kids, max(limit * _FILL, 1.0), node_gap):
        depth = y + shelf.band / 2 - origin
        xs = _row_places(shelf, limit, depth, shadows.coverage(), node_gap)
        for member, x in zip(shelf.members, xs, strict=True):
            top = y + (shelf.band - member.head_height) / 2
            block.put(member, x, top)
            for node_id, (px, py) in member.places.items():
                w, h = sizes[node_id]
                shadows.add(px + x - w / 2, py + top - h / 2 - origin,
                            px + x + w / 2, py + top + h / 2 - origin)  # fmt: skip
        y += shelf.height + layer_gap


def _funnel_rows(
    block: _Block,
    kids: list[_Block],
    limit: float,
    sizes: Mapping[str, Size],
    node_gap: float,
    layer_gap: float,
) -> None:
    """Like :func:`_hang_rows`, but rows are placed from the bottom up, each kept off the
    lines to the rows below: the upper rows open in the middle, like a funnel, and no edge
    up to the head crosses a box of this block (for the price of wider upper rows)."""
    del sizes  # member blocks are kept off the lines by their heads and their outlines
    origin = block.head_height / 2
    shelves = _shelves(kids, max(limit * _FILL, 1.0), node_gap)
    tops, y = [], block.head_height + layer_gap
    for shelf in shelves:
        tops.append(y)
        y += shelf.height + layer_gap
    slopes: list[float] = []  # lines from the head's centre to the heads placed so far
    for shelf, y in zip(reversed(shelves), reversed(tops), strict=True):
        depth = y + shelf.band / 2 - origin
        members = shelf.members
        xs = [0.0] * len(members)
        middle = (len(members) - 1) // 2
        for side in (1, -1):
            frontier = None
            indices = range(middle, len(members)) if side > 0 else range(middle, -1, -1)
            for j in indices:
                member = members[j]
                top = y + (shelf.band - member.head_height) / 2 - origin
                blocked = _blocked_shifts(member, top, slopes)
                if frontier is None:
                    if side < 0:
                        frontier = xs[middle] + member.left - node_gap
                        continue
                    start = -shelf.width / 2 - member.left
                    for k in range(middle):
                        start += members[k].width + node_gap
                    x = _nearest_free(blocked, start)
                else:
                    near = member.left if side > 0 else member.right
                    x = _first_free(blocked, frontier - near, side)
                xs[j] = x
                frontier = x + (member.right + node_gap if side > 0 else member.left - node_gap)
        for member, x in zip(members, xs, strict=True):
            block.put(member, x, y + (shelf.band - member.head_height) / 2)
        slopes += [x / depth for x in xs]


def _blocked_shifts(member: _Block, top: float, slopes: list[float]) -> list[tuple[float, float]]:
    """Head x for ``member`` (top at ``top`` below the head's centre) that would put its head
    or its outline across one of the lines ``slopes``; merged and sorted."""
    boxes = [(-member.head_width / 2, top, member.head_width / 2, top + member.head_height)]
    if member.height > member.head_height:
        boxes.append((member.left, top + member.head_height, member.right, top + member.height))
    spans = []
    for left, upper, right, lower in boxes:
        for slope in slopes:
            a, b = sorted((slope * (upper - _MARGIN), slope * (lower + _MARGIN)))
            spans.append((a - right - _MARGIN, b - left + _MARGIN))
    spans.sort()
    merged: list[tuple[float, float]] = []
    for a, b in spans:
        if merged and a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], b))
        else:
            merged.append((a, b))
    return merged


def _first_free(blocked: list[tuple[float, float]], x: float, side: int) -> float:
    """The first x from ``x`` outwards (``side`` +1 right, -1 left) outside every span."""
    spans = blocked if side > 0 else [(-b, -a) for a, b in reversed(blocked)]
    x *= side
    for a, b in spans:
        if a < x < b:
            x = b
    return x * side


def _nearest_free(blocked: list[tuple[float, float]], x: float) -> float:
    right, left = _first_free(blocked, x, 1), _first_free(blocked, x, -1)
    return right if right - x <= x - left else left


class _Shadows:
    """Slopes (dx/dy from the head's centre) whose lines run through a box placed so far."""

    def __init__(self) -> None:
        self.intervals: list[tuple[float, float]] = []

    def add(self, left: float, top: float, right: float, bottom: float) -> None:
        left, right, top = left - _MARGIN, right + _MARGIN, max(top - _MARGIN, 1e-6)
        bottom = max(bottom + _MARGIN, top)
        slopes = (left / top, left / bottom, right / top, right / bottom)
        self.intervals.append((min(slopes), max(slopes)))

    def coverage(self) -> _Coverage:
        return _Coverage(self.intervals)


class _Coverage:
    """How many shadows cover each slope: a step function over sorted break points."""

    def __init__(self, intervals: list[tuple[float, float]]) -> None:
        events = sorted([(a, 1) for a, _ in intervals] + [(b, -1) for _, b in intervals])
        self.breaks: list[float] = []
        self.counts: list[int] = [0]  # counts[i] holds between breaks[i-1] and breaks[i]
        count = 0
        for slope, step in events:
            count += step
            if self.breaks and self.breaks[-1] == slope:
                self.counts[-1] = count
            else:
                self.breaks.append(slope)
                self.counts.append(count)

    def best(self, low: float, high: float, aim: float, depth: float) -> float:
        """The x in [low, high] at ``depth`` whose slope is least shadowed, nearest ``aim``."""
        if not self.breaks or high <= low:
            return min(max(aim, low), high) if high > low else low
        lo_s, hi_s = low / depth, high / depth
        first = bisect.bisect_right(self.breaks, lo_s)
        last = bisect.bisect_left(self.breaks, hi_s)
        best_x, best_key = low, None
        # Pieces of the step function inside [low, high]: between consecutive break points.
        for i in range(first, last + 1):
            start = max(lo_s, self.breaks[i - 1]) if i > 0 else lo_s
            end = min(hi_s, self.breaks[i]) if i < len(self.breaks) else hi_s
            if end < start:
                continue
            pad = min(1e-6, (end - start) / 2)
            x = min(max(aim / depth, start + pad), end - pad) * depth
            key = (self.counts[i], abs(x - aim))
            if best_key is None or key < best_key:
                best_x, best_key = x, key
        return best_x


def _row_places(
    shelf: _Shelf, limit: float, depth: float, coverage: _Coverage, gap: float
) -> list[float]:
    """Head centres (x, relative to the parent's centre) for a row, growing out from the middle."""
    members = shelf.members
    half = max(limit, shelf.width) / 2
    # The packed row, centred: every member's place when nothing needs to move.
    packed, x = [], -shelf.width / 2
    for member in members:
        packed.append(x - member.left)
        x += member.width + gap
    widths = [m.width for m in members]
    xs = [0.0] * len(members)
    middle = (len(members) - 1) // 2
    before = sum(widths[:middle]) + gap * middle
    after = sum(widths[middle + 1 :]) + gap * (len(members) - 1 - middle)
    m = members[middle]
    xs[middle] = coverage.best(-half + before - m.left, half - after - m.right, packed[middle],
                               depth)  # fmt: skip
    frontier = xs[middle] + m.right + gap
    for j in range(middle + 1, len(members)):
        m = members[j]
        after -= widths[j] + gap
        low = frontier - m.left
        xs[j] = coverage.best(low, max(low, half - max(after, 0.0) - m.right), low, depth)
        frontier = xs[j] + m.right + gap
    frontier = xs[middle] + members[middle].left - gap
    for j in range(middle - 1, -1, -1):
        m = members[j]
        before -= widths[j] + (gap if j > 0 else 0.0)
        high = frontier - m.right
        xs[j] = coverage.best(min(high, -half + max(before, 0.0) - m.left), high, high, depth)
        frontier = xs[j] + m.left - gap
    return xs
