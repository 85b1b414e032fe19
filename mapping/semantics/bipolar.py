"""Reading an argument map as a bipolar argumentation framework (attacks and supports).

Positions and claims are the arguments. Questions ask rather than assert and notes annotate, so
neither takes part; edges that touch them are left out, and so are ``rephrase`` edges (two wordings
of one idea, not an interaction).

Dung semantics know only attacks, so a *support reading* turns supports into derived attacks
(Cayrol & Lagasquie-Schiex 2005, 2013); see docs/SEMANTICS.md for the full story and citations.
Writing ``a ⇒* x`` for a path of zero or more supports, each direct attack ``x → y`` yields:

- ``none``: only ``x → y``; supports are ignored.
- ``general`` (Cayrol & Lagasquie-Schiex 2005): supported attacks ``a → y`` for every ``a ⇒* x``,
  and secondary attacks ``x → b`` for every ``y ⇒* b``.
- ``deductive`` (accepting ``a`` commits to what it supports; Boella et al. 2010): ``a → b`` for
  every ``a ⇒* x`` and ``b ⇒* y``: supported, mediated and super-mediated attacks.
- ``necessary`` (``b`` cannot be accepted without what supports it; Nouioua & Risch 2010):
  ``a → b`` for every ``x ⇒* a`` and ``y ⇒* b``: secondary and extended attacks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from mapping.semantics.framework import Framework

ARGUMENT_KINDS = ("position", "claim")
SUPPORT_READINGS: dict[str, str] = {
    "deductive": "accepting an argument commits to what it supports (Boella et al. 2010)",
    "general": "supported and secondary attacks (Cayrol & Lagasquie-Schiex 2005)",
    "necessary": "an argument needs what supports it (Nouioua & Risch 2010)",
    "none": "supports are ignored; attacks only",
}
DEFAULT_SUPPORT = "deductive"


@dataclass(frozen=True)
class BipolarGraph:
    """The part of a map that semantics read, with nodes as indices into ``ids``.

    ``attacks`` and ``supports`` hold (source, target, weight) with weight the edge's confidence
    (1.0 when unset); ``base_scores`` the nodes' base scores (0.5 when unset).
    """

    ids: tuple[str, ...]
    attacks: tuple[tuple[int, int, float], ...]
    supports: tuple[tuple[int, int, float], ...]
    base_scores: tuple[float, ...]
    excluded: tuple[str, ...] = ()

    @property
    def size(self) -> int:
        return len(self.ids)


def bipolar_graph(argument_map: Any, kinds: Iterable[str] = ARGUMENT_KINDS) -> BipolarGraph:
    """Extract positions/claims with their attacks and supports from an ArgumentMap."""
    kinds = frozenset(kinds)
    index: dict[str, int] = {}
    ids: list[str] = []
    scores: list[float] = []
    excluded: list[str] = []
    for node in argument_map.nodes.values():
        if node.kind in kinds:
            index[node.id] = len(ids)
            ids.append(node.id)
            scores.append(0.5 if node.base_score is None else float(node.base_score))
        else:
            excluded.append(node.id)
    attacks: list[tuple[int, int, float]] = []
    supports: list[tuple[int, int, float]] = []
    for edge in argument_map.edges.values():
        source = index.get(edge.source)
        target = index.get(edge.target)
        if source is None or target is None:
            continue
        weight = 1.0 if edge.confidence is None else float(edge.confidence)
        if edge.relation == "attack":
            attacks.append((source, target, weight))
        elif edge.relation == "support":
            supports.append((source, target, weight))
    return BipolarGraph(tuple(ids), tuple(attacks), tuple(supports), tuple(scores), tuple(excluded))


def _closure(start: int, step: list[list[int]], cache: dict[int, list[int]]) -> list[int]:
    """``start`` and everything reachable from it along ``step`` (memoised per start)."""
    found = cache.get(start)
    if found is None:
        seen = {start}
        stack = [start]
        while stack:
            for nxt in step[stack.pop()]:
                if nxt not in seen:
                    seen.add(nxt)
                    stack.append(nxt)
        found = cache[start] = list(seen)
    return found


def derived_attacks(graph: BipolarGraph, support: str = DEFAULT_SUPPORT) -> set[tuple[int, int]]:
    """The attacks of the Dung framework under a support reading (direct ones included).

    >>> g = BipolarGraph(("a", "b", "c"), ((2, 1, 1.0),), ((0, 1, 1.0),), (0.5,) * 3)
    >>> sorted(derived_attacks(g, "deductive"))  # c attacks b, so c attacks a that implies b
    [(2, 0), (2, 1)]
    >>> sorted(derived_attacks(g, "necessary"))  # c attacks b; b needs a, so nothing more
    [(2, 1)]
    """
    if support not in SUPPORT_READINGS:
        choices = ", ".join(SUPPORT_READINGS)
        raise ValueError(f"unknown support reading {support!r}; choose from {choices}")
    direct = {(s, t) for s, t, _ in graph.attacks}
    if support == "none" or not graph.supports:
        return direct
    n = graph.size
    forward: list[list[int]] = [[] for _ in range(n)]
    backward: list[list[int]] = [[] for _ in range(n)]
    for s, t, _ in graph.supports:
        forward[s].append(t)
        backward[t].append(s)
    down: dict[int, list[int]] = {}  # x -> everything x supports, transitively
    up: dict[int, list[int]] = {}  # x -> everything that supports x, transitively
    result = set(direct)
    for x, y in direct:
        if support == "general":
            result.update((a, y) for a in _closure(x, backward, up))
            result.update((x, b) for b in _closure(y, forward, down))
        elif support == "deductive":
            targets = _closure(y, backward, up)
            for a in _closure(x, backward, up):
                result.update((a, b) for b in targets)
        else:  # necessary
            targets = _closure(y, forward, down)
            for a in _closure(x, forward, down):
                result.update((a, b) for b in targets)
    return result


def dung_framework(graph: BipolarGraph, support: str = DEFAULT_SUPPORT) -> Framework:
    """The Dung framework of a bipolar graph under a support reading; names are node ids."""
    return Framework(graph.ids, sorted(derived_attacks(graph, support)))
