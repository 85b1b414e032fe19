"""A compact abstract argumentation framework (Dung 1995): named arguments and attacks.

Arguments are numbered 0..n-1 in the order they were given; the solvers work on those integers
and adjacency lists, which is several times faster in pure Python than sets of named objects.
Names are kept only to translate results back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence


class Framework:
    """Arguments (by name) and the attacks between them, held as integer adjacency lists.

    >>> af = Framework.from_names(["a", "b", "c"], [("a", "b"), ("b", "c")])
    >>> af.size, af.attack_count
    (3, 2)
    >>> [af.names[i] for i in af.attackers[2]]
    ['b']
    """

    __slots__ = ("attack_count", "attackers", "index", "names", "targets")

    def __init__(self, names: Sequence[str], attacks: Iterable[tuple[int, int]]) -> None:
        """Build from argument names and attacks given as (attacker, target) index pairs.

        Repeated attacks are kept once; indices must lie in range(len(names)).
        """
        self.names: tuple[str, ...] = tuple(names)
        n = len(self.names)
        self.index: dict[str, int] = {name: i for i, name in enumerate(self.names)}
        if len(self.index) != n:
            raise ValueError("argument names must be unique")
        targets: list[list[int]] = [[] for _ in range(n)]
        attackers: list[list[int]] = [[] for _ in range(n)]
        seen: set[tuple[int, int]] = set()
        add = seen.add
        for pair in attacks:
            if pair in seen:
                continue
            add(pair)
            source, target = pair
            if not (0 <= source < n and 0 <= target < n):
                raise ValueError(f"attack {pair} refers to an argument outside 0..{n - 1}")
            targets[source].append(target)
            attackers[target].append(source)
        self.targets: list[list[int]] = targets
        self.attackers: list[list[int]] = attackers
        self.attack_count: int = len(seen)

    @classmethod
    def from_names(cls, names: Iterable[str], attacks: Iterable[tuple[str, str]]) -> Framework:
        """Build from names and (attacker name, target name) pairs."""
        names = list(names)
        index = {name: i for i, name in enumerate(names)}
        try:
            pairs = [(index[a], index[b]) for a, b in attacks]
        except KeyError as missing:
            raise ValueError(f"attack names an unknown argument {missing.args[0]!r}") from None
        return cls(names, pairs)

    @classmethod
    def from_adjacency(cls, names: Sequence[str], targets: list[list[int]]) -> Framework:
        """Build directly from outgoing adjacency lists without duplicate checks (fast path).

        The caller promises that each list holds distinct, valid indices; used by benchmarks and
        generators that make millions of attacks, where the set of pairs would cost memory.
        """
        self = cls.__new__(cls)
        self.names = tuple(names)
        self.index = {name: i for i, name in enumerate(self.names)}
        self.targets = targets
        attackers: list[list[int]] = [[] for _ in range(len(self.names))]
        count = 0
        for source, outs in enumerate(targets):
            count += len(outs)
            for target in outs:
                attackers[target].append(source)
        self.attackers = attackers
        self.attack_count = count
        return self

    @property
    def size(self) -> int:
        """The number of arguments."""
        return len(self.names)

    def attacks(self) -> list[tuple[int, int]]:
        """All attacks as (attacker, target) index pairs, grouped by attacker."""
        return [(s, t) for s, outs in enumerate(self.targets) for t in outs]

    def attack_names(self) -> list[tuple[str, str]]:
        """All attacks as (attacker name, target name) pairs."""
        names = self.names
        return [(names[s], names[t]) for s, t in self.attacks()]

    def __repr__(self) -> str:
        return f"<Framework {self.size} arguments, {self.attack_count} attacks>"
