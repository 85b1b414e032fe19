"""Wrap a wide, shallow layered layout into blocks, so it fits a screen, a page or a projector.

A map of a few positions with dozens of direct supporters and attackers each comes out of a
layered layout (Graphviz or built-in) as one endless row. This step takes such a result and
rearranges it as a forest: every node hangs under one *primary parent* (the node it supports or
attacks in the layer right above it), every parent is centred over the block of its children,
and a parent's children (each with its own block of replies below it) are wrapped into several
rows ("shelves") of a common maximum width. Positions stay side by side in the top row, each
with its block underneath. The maximum width is the largest one that keeps the drawing no wider
than :data:`MAX_ASPECT` times its height.

Real node sizes are used throughout: a shelf is as tall as its tallest block, and blocks never
share space, so no two boxes overlap. The engine's left-to-right order (which it chose to avoid
crossings) is kept among siblings, and ties are broken by input order, so the result is
deterministic.

>>> sizes = {"p": (200.0, 40.0), **{f"c{i}": (100.0, 40.0) for i in range(12)}}
>>> raw = {"p": (660.0, 20.0), **{f"c{i}": (50.0 + 120.0 * i, 150.0) for i in range(12)}}
>>> edges = [("p", f"c{i}") for i in range(12)]
>>> wrapped = wrap_wide_layers(list(sizes), edges, sizes, raw, top={"p"})
>>> xs = [x for x, _ in wrapped.values()]; ys = [y for _, y in wrapped.values()]
>>> (max(xs) - min(xs)) < (max(x for x, _ in raw.values()) - min(x for x, _ in raw.values()))
True
>>> all(wrapped["p"][1] < wrapped[f"c{i}"][1] for i in range(12))
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Collection, Mapping, Sequence

Size = tuple[float, float]
Point = tuple[float, float]

MAX_ASPECT = 2.0
"""A drawing wider than this many times its height is wrapped."""
_SEARCH_STEPS = 40
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
    if len(ids) < 3 or _aspect(ids, sizes, raw) <= max_aspect:
        return dict(raw)
    forest = _Forest(ids, edges, sizes, raw, set(top), node_gap, layer_gap)
    narrowest = max(sizes[i][0] for i in ids)
    left, _, right, _ = _bounds(ids, sizes, raw)
    widest = max(right - left, narrowest)
    # The widest shelf limit whose drawing still fits the aspect ratio (width shrinks as the
    # limit does, height grows), searched on a log scale. A limit below the widest box means
    # one child per shelf, so nothing narrower is tried.
    one_row = forest.place(narrowest, math.inf)
    if _aspect(ids, sizes, one_row) > max_aspect:
        # Even one child per shelf is too wide: too many positions (or loose nodes) for one
        # row, so the top row wraps as well.
        return _widest_fitting(
            lambda limit: forest.place(narrowest, limit),
            narrowest,
            widest,
            one_row,
            ids,
            sizes,
            max_aspect,
        )
    return _widest_fitting(
        lambda limit: forest.place(limit, math.inf),
        narrowest,
        widest,
        one_row,
        ids,
        sizes,
        max_aspect,
    )


def _widest_fitting(
    place: Callable[[float], dict[str, Point]],
    low: float,
    high: float,
    fallback: dict[str, Point],
    ids: Sequence[str],
    sizes: Mapping[str, Size],
    max_aspect: float,
) -> dict[str, Point]:
    """``place(limit)`` for the largest limit in [low, high] whose drawing fits the aspect."""
    best = place(low)
    if _aspect(ids, sizes, best) > max_aspect:
        return best if _aspect(ids, sizes, best) < _aspect(ids, sizes, fallback) else fallback
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
    # ... then narrower ones that are still landscape, when they need less room.
    best_area = _area(ids, sizes, best)
    for step in range(1, _NARROWER_STEPS + 1):
        limit = low - (low - floor) * step / _NARROWER_STEPS
        candidate = place(math.exp(limit))
        if _aspect(ids, sizes, candidate) < 1.0:
            break
        if _area(ids, sizes, candidate) < best_area:
            best, best_area = candidate, _area(ids, sizes, candidate)
    return best


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

    def place(self, shelf_width: float, top_width: float) -> dict[str, Point]:
        """Centres with children wrapped at ``shelf_width`` and the roots at ``top_width``."""
        blocks: dict[str, _Block] = {}
        for node_id in self.bottom_up:
            width, height = self.sizes[node_id]
            # Shallow blocks first: shelves of alike heights waste less room, and the edges
            # down to the deep ones cross fewer boxes (sorted() keeps the engine's order else).
            kids = sorted((blocks.pop(c) for c in self.children[node_id]), key=_depth)
            block = _Block(node_id, width, height)
            if kids:
                shelves = _shelves(kids, shelf_width, self.node_gap)
                block.add_below(shelves, self.layer_gap)
            blocks[node_id] = block
        roots = [blocks[r] for r in self.roots]
        whole = _Block("", 0.0, 0.0)
        whole.add_below(_shelves(roots, top_width, self.node_gap * 1.5), self.layer_gap)
        return {i: (round(x, 2), round(y, 2)) for i, (x, y) in whole.places.items() if i}


class _Block:
    """A node with everything placed under it, in coordinates relative to its top-left corner."""

    def __init__(self, node_id: str, width: float, height: float) -> None:
        self.width, self.height = width, height
        self.head_height = height
        self.places: dict[str, Point] = {node_id: (width / 2, height / 2)}
        self.node_id = node_id

    def add_below(self, shelves: list[tuple[float, float, list[_Block]]], gap: float) -> None:
        """Put the shelves under the head, centred, and centre the head over them."""
        inner = max(width for width, _, _ in shelves)
        total = max(self.width, inner)
        y = self.head_height + gap
        for width, height, members in shelves:
            x = (total - width) / 2
            band = max(m.head_height for m in members)
            for member in members:
                dy = y + (band - member.head_height) / 2
                for node_id, (px, py) in member.places.items():
                    self.places[node_id] = (px + x, py + dy)
                x += member.width + member.gap_after
            y += height + gap
        self.places[self.node_id] = (total / 2, self.head_height / 2)
        self.width, self.height = total, y - gap

    gap_after = 0.0


def _depth(block: _Block) -> float:
    return block.height - block.head_height


def _shelves(
    blocks: list[_Block], limit: float, node_gap: float
) -> list[tuple[float, float, list[_Block]]]:
    """Blocks packed left to right into rows no wider than ``limit`` (at least one per row)."""
    shelves: list[tuple[float, float, list[_Block]]] = []
    members: list[_Block] = []
    width = 0.0
    for block in blocks:
        extra = block.width + (node_gap if members else 0.0)
        if members and width + extra > limit:
            shelves.append(_shelf(members, node_gap))
            members, width, extra = [], 0.0, block.width
        members.append(block)
        width += extra
    if members:
        shelves.append(_shelf(members, node_gap))
    return shelves


def _shelf(members: list[_Block], node_gap: float) -> tuple[float, float, list[_Block]]:
    for member in members[:-1]:
        member.gap_after = node_gap
    members[-1].gap_after = 0.0
    band = max(m.head_height for m in members)
    height = max(m.height + (band - m.head_height) / 2 for m in members)
    width = sum(m.width for m in members) + node_gap * (len(members) - 1)
    return width, height, members
