"""A first placement for imported maps whose files carry no coordinates (plain AIF, Kialo).

Without it every claim of such a file would sit at (0, 0). Conclusions go on top and each claim
one row below what it supports or attacks, ordered under its targets; the real layout engine can
re-arrange the map later. Returns data, as layouts do, and never touches a map.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence

COLUMN = 300.0
ROW = 180.0


def place_in_layers(
    node_ids: Sequence[str], links: Iterable[tuple[str, str]]
) -> dict[str, tuple[float, float]]:
    """Positions for ``node_ids`` given ``(source, target)`` links, conclusions at the top.

    >>> place_in_layers(["a", "b", "c"], [("b", "a"), ("c", "a")])
    {'a': (0.0, 0.0), 'b': (-150.0, 180.0), 'c': (150.0, 180.0)}
    """
    index = {n: i for i, n in enumerate(node_ids)}
    targets: dict[str, list[str]] = defaultdict(list)
    sources: dict[str, list[str]] = defaultdict(list)
    for source, target in links:
        if source in index and target in index and source != target:
            targets[source].append(target)
            sources[target].append(source)
    # Longest path to a conclusion, processing a node once all its targets are done.
    waiting = {n: len(targets[n]) for n in node_ids}
    depth = dict.fromkeys(node_ids, 0)
    ready = [n for n in node_ids if waiting[n] == 0]
    done: set[str] = set()
    while ready or len(done) < len(node_ids):
        if not ready:  # a cycle: release the earliest node still waiting
            ready.append(next(n for n in node_ids if n not in done))
        node = ready.pop()
        if node in done:
            continue
        done.add(node)
        for source in sources[node]:
            depth[source] = max(depth[source], depth[node] + 1)
            waiting[source] -= 1
            if waiting[source] == 0:
                ready.append(source)
    rows: dict[int, list[str]] = defaultdict(list)
    for node in node_ids:
        rows[depth[node]].append(node)
    x: dict[str, float] = {}
    positions: dict[str, tuple[float, float]] = {}
    for row in sorted(rows):
        members = rows[row]

        def under(node: str) -> tuple[float, int]:
            above = [x[t] for t in targets[node] if t in x]
            return (sum(above) / len(above) if above else float("inf"), index[node])

        members.sort(key=under)
        left = -(len(members) - 1) * COLUMN / 2
        for i, node in enumerate(members):
            x[node] = left + i * COLUMN
            positions[node] = (x[node], row * ROW)
    return {n: positions[n] for n in node_ids}
