"""Automatic layout of an argument map, returned as data (node id → centre) for one undo step.

Positions sit on top and what supports or attacks them below, so an edge's *target* is drawn above
its *source*. Graphviz ``dot`` does the work when it is installed; otherwise a built-in layered
layout (:mod:`mapping.layout.layered`) does, so the app never depends on Graphviz. A result much
wider than high (a few positions with dozens of claims each) is then wrapped into a block per
position (:mod:`mapping.layout.wrap`), so it fits a screen. Either way the map itself is not touched: the editor applies :attr:`LayoutResult.positions` with
``mapping.model.move_nodes(result.positions, "Auto Layout")``.

>>> from mapping.model import ArgumentMap
>>> m = ArgumentMap()
>>> p = m.add_node(id="p", kind="position", label="Tax the rich")
>>> c = m.add_node(id="c", label="It pays for schools")
>>> _ = m.add_edge("c", "p", "support")
>>> result = layout_map(m, engine="builtin")
>>> result.positions["p"][1] < result.positions["c"][1]
True
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace

from mapping.errors import MappingError
from mapping.model import AddEdge, AddNode, ArgumentMap, Compound, Node, Operation

Size = tuple[float, float]
Point = tuple[float, float]

ENGINES = ("auto", "graphviz", "builtin")
DIRECTIONS = ("TB", "LR")
NODE_GAP = 40.0
"""Free space between neighbours in one layer (scene units)."""
LAYER_GAP = 90.0
"""Free space between layers: room for the edges and their arrowheads."""


class LayoutError(MappingError):
    """The requested layout engine cannot run (e.g. Graphviz was asked for but is missing)."""


@dataclass(frozen=True)
class LayoutResult:
    """Where each node's centre goes, and which engine decided it."""

    positions: dict[str, Point]
    engine: str
    """``"graphviz"`` or ``"builtin"``: what actually ran (say it in the UI)."""
    notes: tuple[str, ...] = field(default=())
    """Why the engine differs from the one asked for, and similar remarks for the user."""


def estimate_size(node: Node) -> Size:
    """A Qt-free guess of a node's box from its label; the editor passes real sizes instead."""
    label = node.label or node.text or node.id
    chars = min(len(label), 400)
    char_width = 7.5 if node.kind == "position" else 7.0
    max_width = 260.0 if node.kind == "position" else 220.0
    width = min(max(chars * char_width + 24.0, 120.0), max_width)
    lines = max(1, math.ceil(chars * char_width / (width - 24.0)))
    height = lines * 17.0 + 24.0 + (16.0 if node.speaker else 0.0)
    return width, height


def layout_map(
    argument_map: ArgumentMap,
    sizes: Mapping[str, Size] | None = None,
    engine: str = "auto",
    direction: str = "TB",
    clusters: bool = False,
) -> LayoutResult:
    """Lay ``argument_map`` out in layers; pinned nodes keep their place.

    ``sizes`` maps node ids to (width, height) in scene units (missing ones are estimated).
    ``engine="auto"`` uses Graphviz when ``dot`` is on the PATH and falls back to the built-in
    engine when it is missing or fails. ``clusters`` groups each position with what argues
    about it (Graphviz only). The same map and sizes always give the same positions.
    """
    if engine not in ENGINES:
        raise LayoutError(f"unknown layout engine {engine!r} (choose from {', '.join(ENGINES)})")
    if direction not in DIRECTIONS:
        raise LayoutError(f"unknown layout direction {direction!r} (choose TB or LR)")
    nodes = list(argument_map.nodes.values())
    all_sizes = {n.id: _checked_size(sizes.get(n.id) if sizes else None, n) for n in nodes}
    if not nodes:
        return LayoutResult({}, "builtin" if engine == "builtin" else _available_engine())
    # Edges point from the upper node (what is argued about) to the lower one (the argument).
    # Positions all start the top row: one position attacking another does not push it down.
    top = {n.id for n in nodes if n.kind == "position"}
    edges = [
        (e.target, e.source)
        for e in argument_map.edges.values()
        if e.source != e.target and not (e.source in top and e.target in top)
    ]
    ids = [n.id for n in nodes]
    notes: list[str] = []
    used = engine
    raw: dict[str, Point] | None = None
    if engine in ("auto", "graphviz"):
        from mapping.layout import graphviz

        try:
            groups = _position_groups(argument_map) if clusters else None
            raw = graphviz.layout(ids, edges, all_sizes, direction, NODE_GAP, LAYER_GAP, groups)
            used = "graphviz"
        except graphviz.GraphvizUnavailable as error:
            if engine == "graphviz":
                raise LayoutError(str(error)) from None
            notes.append(f"{error}; used the built-in layout")
    if raw is None:
        from mapping.layout.layered import layered_layout

        raw = layered_layout(ids, edges, all_sizes, direction, NODE_GAP, LAYER_GAP)
        used = "builtin"
        if clusters:
            notes.append("clusters need Graphviz; the built-in layout ignores them")
    if direction == "TB":
        from mapping.layout.wrap import wrap_wide_layers

        raw = wrap_wide_layers(ids, edges, all_sizes, raw, top, NODE_GAP, LAYER_GAP)
    positions = _anchor(raw, nodes, all_sizes)
    return LayoutResult(positions, used, tuple(notes))


def needs_layout(argument_map: ArgumentMap) -> bool:
    """True when every node sits at the same place (e.g. a freshly imported map)."""
    places = {(n.x, n.y) for n in argument_map.nodes.values()}
    return len(argument_map.nodes) > 1 and len(places) == 1


def _available_engine() -> str:
    import shutil

    return "graphviz" if shutil.which("dot") else "builtin"


def _checked_size(size: Size | None, node: Node) -> Size:
    if size is None:
        return estimate_size(node)
    width, height = float(size[0]), float(size[1])
    if not (math.isfinite(width) and math.isfinite(height)) or width < 0 or height < 0:
        raise LayoutError(f"node {node.id!r}: size {size!r} is not a finite, positive box")
    return width, height


def _position_groups(argument_map: ArgumentMap) -> list[list[str]]:
    """Each position with everything that argues about it, directly or through other claims."""
    taken: set[str] = set()
    groups = []
    for node in argument_map.nodes.values():
        if node.kind != "position" or node.id in taken:
            continue
        group, queue = [], [node.id]
        while queue:
            current = queue.pop(0)
            if current in taken:
                continue
            taken.add(current)
            group.append(current)
            queue.extend(e.source for e in argument_map.in_edges(current))
        groups.append(group)
    return groups


def _anchor(raw: Mapping[str, Point], nodes: list[Node], sizes: Mapping[str, Size]) -> dict:
    """Move the raw layout to where the map is, keep pinned nodes and clear space around them."""
    pinned = [n for n in nodes if n.pinned]
    if pinned:
        dx = sum(n.x - raw[n.id][0] for n in pinned) / len(pinned)
        dy = sum(n.y - raw[n.id][1] for n in pinned) / len(pinned)
    else:
        # Keep the top-left corner where the map's top-left corner was, so the view stays put.
        def left(p: Point, i: str) -> float:
            return p[0] - sizes[i][0] / 2

        def top(p: Point, i: str) -> float:
            return p[1] - sizes[i][1] / 2

        dx = min(left((n.x, n.y), n.id) for n in nodes) - min(left(raw[i], i) for i in raw)
        dy = min(top((n.x, n.y), n.id) for n in nodes) - min(top(raw[i], i) for i in raw)
    positions = {n.id: (raw[n.id][0] + dx, raw[n.id][1] + dy) for n in nodes}
    if pinned:
        for node in pinned:
            positions[node.id] = (node.x, node.y)
        _clear_pins(positions, sizes, {n.id for n in pinned})
    return {i: (round(x, 2), round(y, 2)) for i, (x, y) in positions.items()}


def _clear_pins(positions: dict[str, Point], sizes: Mapping[str, Size], pinned: set[str]) -> None:
    """Push free nodes rightwards along their row until no free node overlaps a pinned one."""
    rows: dict[float, list[str]] = {}
    for node_id, (_x, y) in positions.items():
        if node_id not in pinned:
            rows.setdefault(y, []).append(node_id)
    obstacles = [
        (positions[p][0] - sizes[p][0] / 2, positions[p][1] - sizes[p][1] / 2,
         positions[p][0] + sizes[p][0] / 2, positions[p][1] + sizes[p][1] / 2)
        for p in sorted(pinned)
    ]  # fmt: skip
    for y, members in rows.items():
        members.sort(key=lambda i: positions[i][0])
        frontier = -math.inf
        for node_id in members:
            width, height = sizes[node_id]
            top, bottom = y - height / 2 - NODE_GAP / 2, y + height / 2 + NODE_GAP / 2
            blocking = sorted((o[0], o[2]) for o in obstacles if o[1] < bottom and o[3] > top)
            x = max(positions[node_id][0], frontier + width / 2)
            moved = True
            while moved:  # jump over every pinned box this node would touch
                moved = False
                for start, end in blocking:
                    if x - width / 2 < end + NODE_GAP and x + width / 2 > start - NODE_GAP:
                        x = end + NODE_GAP + width / 2
                        moved = True
            positions[node_id] = (x, y)
            frontier = x + width / 2 + NODE_GAP


def place_new_nodes(
    operation: Compound,
    argument_map: ArgumentMap,
    size_of: Callable[[Node], Size] | None = None,
    engine: str = "auto",
) -> Compound:
    """``operation`` (e.g. a seeding import) with the nodes it adds laid out, below the map.

    Only the new nodes and the edges among them are laid out; they go under whatever
    ``argument_map`` already holds, left-aligned with it, so nothing lands on another box.
    ``size_of`` gives a node's real box (the editor's); without it sizes are estimated.
    """
    measure = size_of or estimate_size
    scratch = ArgumentMap()
    for child in operation.children:
        if isinstance(child, AddNode):
            scratch.execute(AddNode(replace(child.node, sources=(), x=0.0, y=0.0)))
    for child in operation.children:
        if isinstance(child, AddEdge) and {child.edge.source, child.edge.target} <= set(
            scratch.nodes
        ):
            scratch.execute(AddEdge(child.edge))
    if not scratch.nodes:
        return operation
    sizes = {n.id: measure(n) for n in scratch.nodes.values()}
    positions = layout_map(scratch, sizes, engine=engine).positions
    left = min(positions[i][0] - sizes[i][0] / 2 for i in positions)
    top = min(positions[i][1] - sizes[i][1] / 2 for i in positions)
    old = list(argument_map.nodes.values())
    if old:
        old_sizes = {n.id: measure(n) for n in old}
        to_x = min(n.x - old_sizes[n.id][0] / 2 for n in old)
        to_y = max(n.y + old_sizes[n.id][1] / 2 for n in old) + 2 * LAYER_GAP
    else:
        to_x = to_y = 0.0
    children: list[Operation] = []
    for child in operation.children:
        if isinstance(child, AddNode) and child.node.id in positions:
            x, y = positions[child.node.id]
            moved = replace(child.node, x=round(x - left + to_x, 2), y=round(y - top + to_y, 2))
            child = AddNode(moved, child.index)
        children.append(child)
    return Compound(children, operation.description)
