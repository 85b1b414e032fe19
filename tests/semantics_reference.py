"""Independent reference answers for small frameworks, straight from Dung's set definitions.

Exponential on purpose: it shares no code or idea with the labelling search it checks.
"""

from __future__ import annotations

from itertools import combinations

Attack = tuple[int, int]


def _attacked_by(members: frozenset[int], attacks: list[Attack]) -> set[int]:
    return {t for s, t in attacks if s in members}


def conflict_free(members: frozenset[int], attacks: list[Attack]) -> bool:
    return not any(s in members and t in members for s, t in attacks)


def defends(members: frozenset[int], argument: int, attacks: list[Attack]) -> bool:
    beaten = _attacked_by(members, attacks)
    return all(s in beaten for s, t in attacks if t == argument)


def admissible(members: frozenset[int], attacks: list[Attack]) -> bool:
    return conflict_free(members, attacks) and all(defends(members, a, attacks) for a in members)


def complete_sets(n: int, attacks: list[Attack]) -> set[frozenset[int]]:
    result = set()
    for size in range(n + 1):
        for chosen in combinations(range(n), size):
            members = frozenset(chosen)
            if not admissible(members, attacks):
                continue
            if all(a in members for a in range(n) if defends(members, a, attacks)):
                result.add(members)
    return result


def grounded_set(n: int, attacks: list[Attack]) -> frozenset[int]:
    members: frozenset[int] = frozenset()
    while True:
        grown = frozenset(a for a in range(n) if defends(members, a, attacks))
        if grown == members:
            return members
        members = grown


def preferred_sets(n: int, attacks: list[Attack]) -> set[frozenset[int]]:
    complete = complete_sets(n, attacks)
    return {c for c in complete if not any(c < other for other in complete)}


def stable_sets(n: int, attacks: list[Attack]) -> set[frozenset[int]]:
    result = set()
    for size in range(n + 1):
        for chosen in combinations(range(n), size):
            members = frozenset(chosen)
            if conflict_free(members, attacks) and _attacked_by(members, attacks) | members == set(
                range(n)
            ):
                result.add(members)
    return result
