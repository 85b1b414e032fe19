"""Gradual semantics for bipolar graphs: a strength in [0, 1] per argument.

- DF-QuAD (Rago, Toni, Aurisicchio & Baroni 2016): attackers and supporters are each aggregated
  by a probabilistic sum, ``1 - Π(1 - s)``; the stronger side moves the base score ``τ`` towards
  0 or 1 in proportion to the difference.
- Quadratic energy (Potyka 2018): energy ``E = Σ supporters - Σ attackers``; the base score
  moves towards 1 by ``h(E)`` and towards 0 by ``h(-E)`` with ``h(x) = max(x,0)² / (1 + max(x,0)²)``.

An edge's confidence (1.0 when unset) scales its source's contribution. On acyclic graphs both
models are defined by one pass in topological order; the iteration below reaches exactly that
after as many rounds as the longest path. Cycles have no such order, so the strengths are the
fixed point of the update ``s ← s + δ (f(s) - s)`` started from the base scores: first with
``δ = 1`` (plain iteration), and, if that has not settled, with ``δ = 0.1``, Potyka's continuous
dynamical system integrated by Euler steps, which converges in cases where plain iteration
oscillates. The result says whether it converged.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass

from mapping.semantics.bipolar import BipolarGraph

GRADUAL_SEMANTICS = ("dfquad", "quadratic")
TOLERANCE = 1e-9


@dataclass(frozen=True)
class GradualResult:
    """Strengths by node index, whether the iteration settled, and how many rounds it took."""

    strengths: tuple[float, ...]
    converged: bool
    iterations: int


Weighted = list[list[tuple[int, float]]]
Update = Callable[[float, list[tuple[int, float]], list[tuple[int, float]], list[float]], float]


def _dfquad(base: float, attackers, supporters, s: list[float]) -> float:
    attack = 1.0
    for j, w in attackers:
        attack *= 1.0 - w * s[j]
    support = 1.0
    for j, w in supporters:
        support *= 1.0 - w * s[j]
    # Probabilistic sums are 1 - product; compare the two sides.
    difference = (1.0 - support) - (1.0 - attack)
    if difference < 0:
        return base + base * difference
    return base + (1.0 - base) * difference


def _quadratic(base: float, attackers, supporters, s: list[float]) -> float:
    energy = 0.0
    for j, w in supporters:
        energy += w * s[j]
    for j, w in attackers:
        energy -= w * s[j]
    if energy > 0:
        square = energy * energy
        return base + (1.0 - base) * square / (1.0 + square)
    square = energy * energy
    return base - base * square / (1.0 + square)


_UPDATES: dict[str, Update] = {"dfquad": _dfquad, "quadratic": _quadratic}


def strengths(
    graph: BipolarGraph,
    semantics: str = "dfquad",
    assume: Mapping[int, float] | None = None,
    max_rounds: int = 5000,
) -> GradualResult:
    """Strength of every argument under a gradual semantics (``dfquad`` or ``quadratic``).

    ``assume`` fixes some arguments' strengths (1.0 accepted, 0.0 rejected) for "what if".

    >>> g = BipolarGraph(("a", "b"), ((1, 0, 1.0),), (), (0.5, 0.5))
    >>> strengths(g).strengths  # b (0.5) attacks a (0.5): a drops to 0.25
    (0.25, 0.5)
    """
    if semantics not in _UPDATES:
        raise ValueError(
            f"unknown gradual semantics {semantics!r}; choose from {', '.join(GRADUAL_SEMANTICS)}"
        )
    update = _UPDATES[semantics]
    n = graph.size
    attackers: Weighted = [[] for _ in range(n)]
    supporters: Weighted = [[] for _ in range(n)]
    for s, t, w in graph.attacks:
        attackers[t].append((s, w))
    for s, t, w in graph.supports:
        supporters[t].append((s, w))
    fixed = dict(assume or {})
    base = list(graph.base_scores)
    current = [fixed.get(i, b) for i, b in enumerate(base)]
    free = [i for i in range(n) if i not in fixed and (attackers[i] or supporters[i])]
    rounds = 0
    plain_rounds = min(max_rounds, max(100, 2 * n))
    for step, limit in ((1.0, plain_rounds), (0.1, max_rounds)):
        for _ in range(limit):
            rounds += 1
            nxt = current[:]
            change = 0.0
            for i in free:
                target = update(base[i], attackers[i], supporters[i], current)
                value = current[i] + step * (target - current[i])
                delta = abs(value - current[i])
                if delta > change:
                    change = delta
                nxt[i] = value
            current = nxt
            if change <= TOLERANCE:
                return GradualResult(tuple(current), True, rounds)
    return GradualResult(tuple(current), False, rounds)
