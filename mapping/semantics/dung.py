"""Dung semantics as labellings: every argument is IN, OUT or UNDEC (Caminada 2006).

A labelling is *complete* when each argument is IN exactly if all its attackers are OUT, OUT
exactly if some attacker is IN, and UNDEC otherwise. Grounded, preferred and stable are the
complete labellings with the fewest IN (unique), the most IN (set-inclusion maximal), and no
UNDEC at all.

Grounded is computed in time linear in arguments plus attacks: a counter per argument of the
attackers that are not yet OUT, and a queue of arguments whose counter reached zero.

The other semantics use a labelling-based backtracking search. Each argument keeps a domain, a
subset of {IN, OUT, UNDEC} (bit masks), starting from the grounded labelling (every complete
labelling agrees with it where it is IN or OUT). After each decision the rule above is propagated
both ways until nothing changes: forward (what the attackers still allow this argument to be)
and backward (an IN argument needs every attacker OUT; an OUT one needs an attacker that can be
IN, so a single candidate is forced IN; and so on). Preferred search prunes a branch as soon as
the arguments that could still be IN all lie inside an extension already found, because that
branch can only produce a subset of it.

*Assumptions* ("what if") fix some arguments IN or OUT from outside, like an intervention: a
fixed argument keeps its label whatever attacks it, while its own attacks act as usual. This is
the same as cutting the attacks on it (and, for OUT, adding one unattacked attacker).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from enum import StrEnum

from mapping.semantics.framework import Framework

# Label codes double as bits of a search domain.
IN_CODE = 1
OUT_CODE = 2
UNDEC_CODE = 4
_ALL = IN_CODE | OUT_CODE | UNDEC_CODE
_NOT_IN = OUT_CODE | UNDEC_CODE
_NOT_OUT = IN_CODE | UNDEC_CODE

LABELLING_SEMANTICS = ("grounded", "complete", "preferred", "stable")


class Label(StrEnum):
    """The status of an argument in a labelling."""

    IN = "IN"
    OUT = "OUT"
    UNDEC = "UNDEC"


_LABEL_OF_CODE = {IN_CODE: Label.IN, OUT_CODE: Label.OUT, UNDEC_CODE: Label.UNDEC}
_CODE_OF_LABEL = {Label.IN: IN_CODE, Label.OUT: OUT_CODE, Label.UNDEC: UNDEC_CODE}


class Labelling:
    """One labelling of a framework: a label code per argument index.

    >>> af = Framework.from_names("abc", [("a", "b"), ("b", "c")])
    >>> grounded(af).as_dict()
    {'a': <Label.IN: 'IN'>, 'b': <Label.OUT: 'OUT'>, 'c': <Label.IN: 'IN'>}
    """

    __slots__ = ("codes", "framework")

    def __init__(self, framework: Framework, codes: bytes | bytearray | list[int]) -> None:
        self.framework = framework
        self.codes = bytes(codes)

    def label(self, argument: int | str) -> Label:
        """The label of an argument, given by index or by name."""
        if isinstance(argument, str):
            argument = self.framework.index[argument]
        return _LABEL_OF_CODE[self.codes[argument]]

    def members(self, label: Label = Label.IN) -> list[int]:
        """Indices of the arguments with this label, in framework order."""
        code = _CODE_OF_LABEL[label]
        return [i for i, c in enumerate(self.codes) if c == code]

    def extension(self) -> list[str]:
        """Names of the IN arguments (the extension this labelling stands for)."""
        names = self.framework.names
        return [names[i] for i in self.members(Label.IN)]

    def as_dict(self) -> dict[str, Label]:
        """Argument name → label."""
        return {
            name: _LABEL_OF_CODE[c]
            for name, c in zip(self.framework.names, self.codes, strict=True)
        }

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Labelling) and self.codes == other.codes

    def __hash__(self) -> int:
        return hash(self.codes)

    def __repr__(self) -> str:
        return f"<Labelling IN={self.extension()}>"


def _clamp_codes(framework: Framework, assume: Mapping[int | str, Label] | None) -> dict[int, int]:
    """Assumptions as argument index → label code."""
    if not assume:
        return {}
    clamp: dict[int, int] = {}
    for argument, label in assume.items():
        index = framework.index[argument] if isinstance(argument, str) else argument
        code = _CODE_OF_LABEL[Label(label)]
        if code == UNDEC_CODE:
            raise ValueError("an assumption fixes an argument IN or OUT, not UNDEC")
        clamp[index] = code
    return clamp


def _grounded_codes(framework: Framework, clamp: dict[int, int]) -> bytearray:
    """The grounded labelling as a bytearray of codes, in O(arguments + attacks)."""
    n = framework.size
    targets = framework.targets
    label = bytearray([UNDEC_CODE]) * n
    # count[i]: attackers of i that are not (yet) OUT. Fixed arguments ignore their attackers.
    count = [len(a) for a in framework.attackers]
    for i in clamp:
        count[i] = -1  # a fixed argument ignores its attackers: never reaches zero
    queue = [i for i in range(n) if not count[i]]
    for i in queue:
        label[i] = IN_CODE
    for i, code in clamp.items():
        label[i] = code
        if code == IN_CODE:
            queue.append(i)
    for i, code in clamp.items():
        if code == OUT_CODE:
            for z in targets[i]:
                count[z] -= 1
                if count[z] == 0:
                    label[z] = IN_CODE
                    queue.append(z)
    for x in queue:  # the list grows while we walk it: a FIFO without pops
        for y in targets[x]:
            if label[y] == UNDEC_CODE:  # neither IN (it has an IN attacker) nor already OUT
                label[y] = OUT_CODE
                for z in targets[y]:
                    count[z] -= 1
                    if count[z] == 0:
                        label[z] = IN_CODE
                        queue.append(z)
    return label


def grounded(framework: Framework, assume: Mapping[int | str, Label] | None = None) -> Labelling:
    """The grounded labelling: the sceptical core every complete labelling shares.

    >>> af = Framework.from_names("abc", [("a", "b"), ("b", "a"), ("b", "c")])
    >>> grounded(af).extension()
    []
    >>> grounded(af, assume={"a": Label.IN}).extension()
    ['a', 'c']
    """
    return Labelling(framework, _grounded_codes(framework, _clamp_codes(framework, assume)))


class _Search:
    """Backtracking over label domains with two-way propagation of the complete-labelling rule."""

    def __init__(self, framework: Framework, clamp: dict[int, int], stable: bool) -> None:
        self.framework = framework
        self.attackers = framework.attackers
        self.targets = framework.targets
        self.clamp = clamp
        start = _grounded_codes(framework, clamp)
        n = framework.size
        domain = [_ALL if c == UNDEC_CODE else c for c in start]
        for i in range(n):
            if domain[i] == _ALL:
                if stable:
                    domain[i] = IN_CODE | OUT_CODE
                if i in self.targets[i]:  # a self-attacker can never be IN
                    domain[i] &= _NOT_IN
        self.domain = domain
        self.trail: list[tuple[int, int]] = []
        self.open = [i for i in range(n) if domain[i] & (domain[i] - 1)]
        # Decide first the arguments that attack many and are attacked by few: an IN decision
        # there settles the most and is likeliest to hold (measured on random frameworks).
        self.open.sort(key=lambda i: (len(self.attackers[i]) + 1) / (len(self.targets[i]) + 1))

    def _set(self, i: int, new: int, queue: list[int], queued: bytearray) -> None:
        self.trail.append((i, self.domain[i]))
        self.domain[i] = new
        if not queued[i]:
            queued[i] = 1
            queue.append(i)
        for t in self.targets[i]:
            if not queued[t]:
                queued[t] = 1
                queue.append(t)

    def propagate(self, queue: list[int]) -> bool:
        """Revise the rule at each queued argument until a fixed point; False on a dead end."""
        domain = self.domain
        attackers = self.attackers
        clamp = self.clamp
        queued = bytearray(len(domain))
        for i in queue:
            queued[i] = 1
        while queue:
            a = queue.pop()
            queued[a] = 0
            if a in clamp:
                continue
            atts = attackers[a]
            all_can_out = True
            any_can_in = False
            all_can_not_in = True
            any_can_undec = False
            for b in atts:
                d = domain[b]
                if not d & OUT_CODE:
                    all_can_out = False
                if d & IN_CODE:
                    any_can_in = True
                    if d == IN_CODE:
                        all_can_not_in = False
                if d & UNDEC_CODE:
                    any_can_undec = True
            allowed = 0
            if all_can_out:
                allowed = IN_CODE
            if any_can_in:
                allowed |= OUT_CODE
            if all_can_not_in and any_can_undec:
                allowed |= UNDEC_CODE
            old = domain[a]
            d = old & allowed
            if not d:
                return False
            if d != old:
                self._set(a, d, queue, queued)
            # Backward: what this argument's domain demands of its attackers.
            if d == IN_CODE:
                for b in atts:
                    db = domain[b]
                    if db != OUT_CODE:
                        if not db & OUT_CODE:
                            return False
                        self._set(b, OUT_CODE, queue, queued)
                continue
            if not d & OUT_CODE:  # IN or UNDEC: no attacker may be IN
                for b in atts:
                    db = domain[b]
                    if db & IN_CODE:
                        nb = db & _NOT_IN
                        if not nb:
                            return False
                        self._set(b, nb, queue, queued)
            if not d & IN_CODE:  # OUT or UNDEC: some attacker must not be OUT
                only = -1
                for b in atts:
                    if domain[b] & _NOT_OUT:
                        if only >= 0:
                            only = -2
                            break
                        only = b
                if only == -1:
                    return False
                if only >= 0 and domain[only] & OUT_CODE:
                    self._set(only, domain[only] & _NOT_OUT, queue, queued)
            if d in (OUT_CODE, UNDEC_CODE):
                # OUT needs an IN attacker, UNDEC an UNDEC one: a single candidate is forced.
                want = IN_CODE if d == OUT_CODE else UNDEC_CODE
                only = -1
                for b in atts:
                    if domain[b] & want:
                        if only >= 0:
                            only = -2
                            break
                        only = b
                if only == -1:
                    return False
                if only >= 0 and domain[only] != want:
                    self._set(only, want, queue, queued)
        return True

    def undo(self, mark: int) -> None:
        trail = self.trail
        domain = self.domain
        while len(trail) > mark:
            i, old = trail.pop()
            domain[i] = old

    def _choose(self) -> int:
        domain = self.domain
        for i in self.open:
            d = domain[i]
            if d & (d - 1):
                return i
        return -1

    def solutions(self, prune=None) -> Iterator[bytes]:
        """Depth-first over all complete labellings within the domains (IN tried first).

        ``prune(domain)`` may cut a branch after propagation by returning True.
        """
        if not self.propagate(list(range(self.framework.size))):
            return
        domain = self.domain
        # Each frame: (trail mark, argument, its domain before branching, branches tried).
        stack: list[tuple[int, int, int, int]] = []
        consistent = True
        while True:
            if consistent and not (prune is not None and prune(domain)):
                i = self._choose()
                if i < 0:
                    yield bytes(domain)
                else:
                    stack.append((len(self.trail), i, domain[i], 0))
            # Take the next branch of the innermost open decision.
            while stack:
                mark, i, before, tried = stack[-1]
                self.undo(mark)
                branch = _branch(before, tried)
                if branch < 0:
                    stack.pop()
                    continue
                stack[-1] = (mark, i, before, tried + 1)
                self.trail.append((i, domain[i]))
                domain[i] = branch
                consistent = self.propagate([i, *self.targets[i]])
                break
            else:
                return


def _branch(before: int, tried: int) -> int:
    """The domain of the next branch: IN first, then everything else (-1 when done)."""
    if before & IN_CODE:
        return (IN_CODE, before & _NOT_IN, -1)[tried]
    low = before & -before
    return (low, before & ~low, -1)[tried]


def _enumerate(
    framework: Framework,
    assume: Mapping[int | str, Label] | None,
    stable: bool,
    limit: int | None,
) -> list[Labelling]:
    search = _Search(framework, _clamp_codes(framework, assume), stable)
    found: list[Labelling] = []
    for codes in search.solutions():
        found.append(Labelling(framework, codes))
        if limit is not None and len(found) >= limit:
            break
    return found


def complete(
    framework: Framework,
    assume: Mapping[int | str, Label] | None = None,
    limit: int | None = None,
) -> list[Labelling]:
    """All complete labellings (at most ``limit``), in search order."""
    return _enumerate(framework, assume, False, limit)


def stable(
    framework: Framework,
    assume: Mapping[int | str, Label] | None = None,
    limit: int | None = None,
) -> list[Labelling]:
    """All stable labellings (complete with no UNDEC); possibly none.

    >>> af = Framework.from_names("ab", [("a", "b"), ("b", "a")])
    >>> sorted(lab.extension() for lab in stable(af))
    [['a'], ['b']]
    """
    return _enumerate(framework, assume, True, limit)


def _in_bits(codes: bytes | list[int]) -> int:
    """The IN arguments as the bits of one integer: subset tests become two operations."""
    bits = 0
    for i, c in enumerate(codes):
        if c & IN_CODE:
            bits |= 1 << i
    return bits


def preferred(
    framework: Framework,
    assume: Mapping[int | str, Label] | None = None,
    limit: int | None = None,
) -> list[Labelling]:
    """All preferred labellings: complete labellings whose IN set is maximal.

    Without a limit, candidates are collected and the non-maximal ones dropped at the end; with a
    limit, each candidate is first proved maximal by a second search, so the first ``limit``
    answers are already final.

    >>> af = Framework.from_names("abc", [("a", "b"), ("b", "a"), ("c", "c")])
    >>> sorted(lab.extension() for lab in preferred(af))
    [['a'], ['b']]
    """
    clamp = _clamp_codes(framework, assume)
    search = _Search(framework, clamp, False)
    found: list[tuple[int, bytes]] = []  # (IN bits, codes)

    def inside_found(domain: list[int]) -> bool:
        upper = _in_bits(domain)
        return any(upper & ~bits == 0 for bits, _ in found)

    result: list[Labelling] = []
    for codes in search.solutions(prune=inside_found):
        bits = _in_bits(codes)
        if limit is None:
            found[:] = [(b, c) for b, c in found if b & ~bits]  # drop strict subsets
            found.append((bits, codes))
            continue
        if _has_larger(framework, clamp, codes, bits):
            continue
        found.append((bits, codes))
        result.append(Labelling(framework, codes))
        if len(result) >= limit:
            break
    if limit is None:
        result = [Labelling(framework, codes) for _, codes in found]
    return result


def _has_larger(framework: Framework, clamp: dict[int, int], codes: bytes, bits: int) -> bool:
    """Whether some complete labelling has strictly more IN arguments than ``codes``."""
    search = _Search(framework, clamp, False)
    domain = search.domain
    for i, c in enumerate(codes):
        if c == IN_CODE:
            if not domain[i] & IN_CODE:
                return False
            domain[i] = IN_CODE

    def no_room(dom: list[int]) -> bool:
        return _in_bits(dom) & ~bits == 0

    return any(True for _ in search.solutions(prune=no_room))


def labellings(
    framework: Framework,
    semantics: str,
    assume: Mapping[int | str, Label] | None = None,
    limit: int | None = None,
) -> list[Labelling]:
    """All labellings under ``semantics`` (one of LABELLING_SEMANTICS); grounded gives one."""
    if semantics == "grounded":
        return [grounded(framework, assume)]
    if semantics == "complete":
        return complete(framework, assume, limit)
    if semantics == "preferred":
        return preferred(framework, assume, limit)
    if semantics == "stable":
        return stable(framework, assume, limit)
    raise ValueError(
        f"unknown semantics {semantics!r}; choose from {', '.join(LABELLING_SEMANTICS)}"
    )
