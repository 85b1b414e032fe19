"""The built-in layered (Sugiyama-style) layout, used when Graphviz is not installed.

The steps are the classic ones, each kept simple and deterministic:

1. split the graph into weakly connected parts (networkx) and lay each out on its own;
2. break cycles by reversing the edges a depth-first search finds going back up;
3. longest-path layering: a node sits one layer below the lowest node it hangs from;
4. chains of small dummy nodes for edges that skip layers, so they take part in ordering;
5. barycentre sweeps down and up to reduce crossings, keeping the order with the fewest;
6. x coordinates: each node pulled towards the mean of its neighbours, with the order and
   the gaps kept exactly by isotonic regression (pool-adjacent-violators) per layer.

Ties are always broken by the input order, so the same input gives the same layout.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

Size = tuple[float, float]
Point = tuple[float, float]

_DUMMY_WIDTH = 12.0
_ORDER_SWEEPS = 12
_PLACE_SWEEPS = 8
_COMPONENT_GAP_FACTOR = 1.5


def layered_layout(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    direction: str = "TB",
    node_gap: float = 40.0,
    layer_gap: float = 90.0,
) -> dict[str, Point]:
    """Centres for ``ids`` with every edge ``(upper, lower)`` pointing down (or right for LR)."""
    import networkx as nx

    if direction == "LR":  # lay out on the side, then turn it: widths become heights
        sizes = {i: (h, w) for i, (w, h) in sizes.items()}
    index = {node_id: i for i, node_id in enumerate(ids)}
    graph = nx.Graph()
    graph.add_nodes_from(range(len(ids)))
    pairs = sorted({(index[u], index[v]) for u, v in edges if u != v and u in index and v in index})
    graph.add_edges_from(pairs)
    components = sorted((sorted(c) for c in nx.connected_components(graph)), key=lambda c: c[0])
    adjacency: dict[int, list[int]] = {}
    for u, v in pairs:
        adjacency.setdefault(u, []).append(v)

    widths = [sizes[i][0] for i in ids]
    heights = [sizes[i][1] for i in ids]
    parts = [_layer_component(c, adjacency, widths, node_gap) for c in components]

    # Rows are shared by all parts, so every part's top layer lines up with the others.
    depth = max(len(p.layers) for p in parts)
    row_height = [0.0] * depth
    for part in parts:
        for level, layer in enumerate(part.layers):
            for v in layer:
                if v >= 0:
                    row_height[level] = max(row_height[level], heights[v])
    row_y, y = [], 0.0
    for level in range(depth):
        y += row_height[level] / 2
        row_y.append(y)
        y += row_height[level] / 2 + layer_gap

    positions: dict[str, Point] = {}
    left = 0.0
    for part in parts:
        low = min(part.x[v] - part.width(v) / 2 for layer in part.layers for v in layer)
        high = max(part.x[v] + part.width(v) / 2 for layer in part.layers for v in layer)
        shift = left - low
        for level, layer in enumerate(part.layers):
            for v in layer:
                if v >= 0:
                    positions[ids[v]] = (part.x[v] + shift, row_y[level])
        left += high - low + node_gap * _COMPONENT_GAP_FACTOR
    if direction == "LR":
        positions = {i: (y, x) for i, (x, y) in positions.items()}
    return positions


class _Part:
    """One connected part: its layers (lists of node indices, dummies negative) and x centres."""

    def __init__(self, widths: Sequence[float]) -> None:
        self.layers: list[list[int]] = []
        self.x: dict[int, float] = {}
        self.up: dict[int, list[int]] = {}
        self.down: dict[int, list[int]] = {}
        self._widths = widths

    def width(self, v: int) -> float:
        return self._widths[v] if v >= 0 else _DUMMY_WIDTH


def _layer_component(
    members: list[int], adjacency: Mapping[int, list[int]], widths: Sequence[float], gap: float
) -> _Part:
    part = _Part(widths)
    member_set = set(members)
    out = {v: [w for w in adjacency.get(v, ()) if w in member_set] for v in members}
    edges = _acyclic_edges(members, out)

    # Longest-path layering in topological order (Kahn, smallest index first).
    children: dict[int, list[int]] = {v: [] for v in members}
    indegree = dict.fromkeys(members, 0)
    for u, v in edges:
        children[u].append(v)
        indegree[v] += 1
    level = dict.fromkeys(members, 0)
    ready = sorted(v for v in members if indegree[v] == 0)
    from heapq import heapify, heappop, heappush

    heapify(ready)
    while ready:
        u = heappop(ready)
        for v in children[u]:
            level[v] = max(level[v], level[u] + 1)
            indegree[v] -= 1
            if indegree[v] == 0:
                heappush(ready, v)

    # Dummy chains for edges that skip layers.
    up: dict[int, list[int]] = {v: [] for v in members}
    down: dict[int, list[int]] = {v: [] for v in members}
    next_dummy = -1
    for u, v in edges:
        previous = u
        for step in range(level[u] + 1, level[v]):
            dummy = next_dummy
            next_dummy -= 1
            level[dummy] = step
            up[dummy], down[dummy] = [previous], []
            down[previous].append(dummy)
            previous = dummy
        down[previous].append(v)
        up[v].append(previous)

    # First order: depth-first from the top, so siblings start next to each other.
    layers: list[list[int]] = [[] for _ in range(max(level.values()) + 1)]
    seen: set[int] = set()
    for root in sorted(members, key=lambda v: (level[v], v)):
        stack = [root]
        while stack:
            v = stack.pop()
            if v in seen:
                continue
            seen.add(v)
            layers[level[v]].append(v)
            stack.extend(reversed(down[v]))
    part.layers, part.up, part.down = layers, up, down
    if len(members) > 1:
        _reduce_crossings(part)
    _place(part, gap)
    return part


def _acyclic_edges(members: list[int], out: Mapping[int, list[int]]) -> list[tuple[int, int]]:
    """All edges, with those closing a cycle turned round (iterative depth-first search)."""
    state = dict.fromkeys(members, 0)  # 0 new, 1 on the stack, 2 done
    edges: list[tuple[int, int]] = []
    has_parent = {w for v in members for w in out[v]}
    roots = [v for v in members if v not in has_parent] + members
    for root in roots:
        if state[root]:
            continue
        state[root] = 1
        stack = [(root, iter(out[root]))]
        while stack:
            v, children = stack[-1]
            for w in children:
                if state[w] == 1:
                    edges.append((w, v))  # a back edge: reverse it
                else:
                    edges.append((v, w))
                    if state[w] == 0:
                        state[w] = 1
                        stack.append((w, iter(out[w])))
                        break
            else:
                state[v] = 2
                stack.pop()
    return edges


def _reduce_crossings(part: _Part) -> None:
    layers = part.layers
    best = [list(layer) for layer in layers]
    best_crossings = _crossings(part, layers)
    for sweep in range(_ORDER_SWEEPS):
        downward = sweep % 2 == 0
        order = range(1, len(layers)) if downward else range(len(layers) - 2, -1, -1)
        for level in order:
            fixed = layers[level - 1] if downward else layers[level + 1]
            rank = {v: i for i, v in enumerate(fixed)}
            neighbours = part.up if downward else part.down
            current = layers[level]
            keys = {}
            for v in current:
                ranks = [rank[w] for w in neighbours[v] if w in rank]
                keys[v] = sum(ranks) / len(ranks) if ranks else None
            layers[level] = _sorted_by_barycentre(current, keys)
        crossings = _crossings(part, layers)
        if crossings < best_crossings:
            best_crossings = crossings
            best = [list(layer) for layer in layers]
        if best_crossings == 0:
            break
    part.layers = best


def _sorted_by_barycentre(current: list[int], keys: Mapping[int, float | None]) -> list[int]:
    """Sort by barycentre; nodes without neighbours on that side keep their slot."""
    # sorted() is stable, so equal barycentres keep their current order
    movable = sorted((v for v in current if keys[v] is not None), key=lambda v: keys[v])
    result, it = [], iter(movable)
    for v in current:
        result.append(v if keys[v] is None else next(it))
    return result


def _crossings(part: _Part, layers: list[list[int]]) -> int:
    """Edge crossings between neighbouring layers (inversion count with a Fenwick tree)."""
    total = 0
    for level in range(len(layers) - 1):
        below = {v: i for i, v in enumerate(layers[level + 1])}
        targets = []
        for v in layers[level]:
            targets.extend(sorted(below[w] for w in part.down[v] if w in below))
        size = len(layers[level + 1])
        tree = [0] * (size + 1)
        for seen, t in enumerate(targets):
            # count earlier edges that end to the right of t
            i, not_greater = t + 1, 0
            while i > 0:
                not_greater += tree[i]
                i -= i & -i
            total += seen - not_greater
            i = t + 1
            while i <= size:
                tree[i] += 1
                i += i & -i
    return total


def _place(part: _Part, gap: float) -> None:
    """x centres: pull each node towards its neighbours' mean, keeping order and gaps exact."""
    x = part.x
    for layer in part.layers:
        cursor = 0.0
        for v in layer:
            w = part.width(v)
            x[v] = cursor + w / 2
            cursor += w + gap
    for sweep in range(_PLACE_SWEEPS):
        downward = sweep % 2 == 0
        order = range(1, len(part.layers)) if downward else range(len(part.layers) - 2, -1, -1)
        for level in order:
            neighbours = part.up if downward else part.down
            _align_layer(part, part.layers[level], neighbours, gap)
    # A last pass with both sides, so a node sits between what it supports and its supporters.
    both = {v: part.up.get(v, []) + part.down.get(v, []) for layer in part.layers for v in layer}
    for layer in part.layers:
        _align_layer(part, layer, both, gap)
    for layer in part.layers:  # parents centred over their children where that is free
        _align_layer(part, layer, part.down, gap)


def _align_layer(
    part: _Part, layer: list[int], neighbours: Mapping[int, list[int]], gap: float
) -> None:
    x = part.x
    if not layer:
        return
    targets, weights = [], []
    for v in layer:
        linked = neighbours.get(v, [])
        if linked:
            targets.append(sum(x[w] for w in linked) / len(linked))
            weights.append(float(len(linked)) * (0.5 if v < 0 else 1.0))
        else:
            targets.append(x[v])
            weights.append(0.05)
    # Minimum distance between neighbours' centres becomes a constant offset: the order
    # constraint x[i+1] - x[i] >= d[i] turns into y[i+1] >= y[i] with y = x - offset.
    offsets, total = [], 0.0
    for i, v in enumerate(layer):
        if i:
            total += (part.width(layer[i - 1]) + part.width(v)) / 2 + gap
        offsets.append(total)
    fitted = _isotonic([t - o for t, o in zip(targets, offsets, strict=True)], weights)
    for v, y, o in zip(layer, fitted, offsets, strict=True):
        x[v] = y + o


def _isotonic(values: list[float], weights: list[float]) -> list[float]:
    """Weighted least-squares non-decreasing fit (pool adjacent violators)."""
    means: list[float] = []
    masses: list[float] = []
    counts: list[int] = []
    for value, weight in zip(values, weights, strict=True):
        means.append(value)
        masses.append(weight)
        counts.append(1)
        while len(means) > 1 and means[-2] > means[-1]:
            mass = masses[-2] + masses[-1]
            mean = (means[-2] * masses[-2] + means[-1] * masses[-1]) / mass
            count = counts[-2] + counts[-1]
            del means[-1], masses[-1], counts[-1]
            means[-1], masses[-1], counts[-1] = mean, mass, count
    result: list[float] = []
    for mean, count in zip(means, counts, strict=True):
        result.extend([mean] * count)
    return result
