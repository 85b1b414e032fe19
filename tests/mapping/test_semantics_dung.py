"""Dung labellings checked against set-based definitions on every small framework hypothesis finds."""

from __future__ import annotations

import pytest
import semantics_reference as ref
from hypothesis import given, settings
from hypothesis import strategies as st

from mapping.semantics.dung import (
    Label,
    Labelling,
    complete,
    grounded,
    labellings,
    preferred,
    stable,
)
from mapping.semantics.framework import Framework


@st.composite
def frameworks(draw: st.DrawFn, max_size: int = 7) -> Framework:
    n = draw(st.integers(0, max_size))
    pairs = [(s, t) for s in range(n) for t in range(n)]
    attacks = draw(st.lists(st.sampled_from(pairs), max_size=3 * n) if pairs else st.just([]))
    return Framework([f"a{i}" for i in range(n)], attacks)


def in_sets(found: list[Labelling]) -> list[frozenset[int]]:
    return [frozenset(lab.members(Label.IN)) for lab in found]


def assert_is_complete_labelling(lab: Labelling) -> None:
    af = lab.framework
    for i in range(af.size):
        attacker_labels = [lab.label(b) for b in af.attackers[i]]
        if all(label is Label.OUT for label in attacker_labels):
            expected = Label.IN
        elif Label.IN in attacker_labels:
            expected = Label.OUT
        else:
            expected = Label.UNDEC
        assert lab.label(i) is expected, (af.names[i], lab.as_dict())


@settings(max_examples=1500, deadline=None)
@given(frameworks())
def test_every_semantics_matches_the_set_definitions(af: Framework) -> None:
    attacks = af.attacks()
    n = af.size
    ground = grounded(af)
    assert frozenset(ground.members(Label.IN)) == ref.grounded_set(n, attacks)
    assert_is_complete_labelling(ground)
    for name, expected in (
        ("complete", ref.complete_sets(n, attacks)),
        ("preferred", ref.preferred_sets(n, attacks)),
        ("stable", ref.stable_sets(n, attacks)),
    ):
        found = labellings(af, name)
        sets = in_sets(found)
        assert len(sets) == len(set(sets)), f"{name} repeats an extension"
        assert set(sets) == expected, name
        for lab in found:
            assert_is_complete_labelling(lab)
            if name == "stable":
                assert not lab.members(Label.UNDEC)


@settings(max_examples=500, deadline=None)
@given(frameworks(), st.integers(1, 3))
def test_a_limit_returns_final_answers(af: Framework, limit: int) -> None:
    everything = set(in_sets(preferred(af)))
    first = in_sets(preferred(af, limit=limit))
    assert len(first) == min(limit, len(everything))
    assert set(first) <= everything
    assert set(in_sets(complete(af, limit=limit))) <= set(in_sets(complete(af)))
    assert len(stable(af, limit=limit)) == min(limit, len(stable(af)))


@settings(max_examples=800, deadline=None)
@given(frameworks())
def test_properties_between_semantics(af: Framework) -> None:
    attacks = af.attacks()
    core = frozenset(grounded(af).members(Label.IN))
    prefs = in_sets(preferred(af))
    assert prefs, "every framework has at least one preferred extension"
    for extension in prefs:
        assert core <= extension
        assert ref.admissible(extension, attacks)
    for extension in in_sets(stable(af)):
        assert extension in prefs
        assert ref.conflict_free(extension, attacks)
    for extension in in_sets(complete(af)):
        assert ref.admissible(extension, attacks)


def _with_interventions(af: Framework, accepted: set[int], rejected: set[int]) -> Framework:
    """The framework an assumption stands for: cut attacks on fixed arguments, beat rejected ones."""
    names = [*af.names, "__judge"]
    judge = af.size
    pairs = [(s, t) for s, t in af.attacks() if t not in accepted and t not in rejected]
    pairs += [(judge, r) for r in rejected]
    return Framework(names, pairs)


@settings(max_examples=600, deadline=None)
@given(frameworks(), st.data())
def test_assumptions_act_like_interventions(af: Framework, data: st.DataObject) -> None:
    fixed = data.draw(st.lists(st.integers(0, max(af.size - 1, 0)), unique=True, max_size=3))
    fixed = [i for i in fixed if i < af.size]
    choice = data.draw(st.lists(st.booleans(), min_size=len(fixed), max_size=len(fixed)))
    assume = {i: Label.IN if yes else Label.OUT for i, yes in zip(fixed, choice, strict=True)}
    accepted = {i for i, label in assume.items() if label is Label.IN}
    rejected = set(assume) - accepted
    changed = _with_interventions(af, accepted, rejected)
    for name in ("grounded", "complete", "preferred", "stable"):
        ours = {lab.codes for lab in labellings(af, name, assume=assume)}
        theirs = {lab.codes[:-1] for lab in labellings(changed, name)}
        assert ours == theirs, name


def test_assumptions_accept_names_and_refuse_undec() -> None:
    af = Framework.from_names("ab", [("a", "b"), ("b", "a")])
    assert grounded(af, assume={"b": Label.IN}).extension() == ["b"]
    assert [lab.extension() for lab in preferred(af, assume={"a": "OUT"})] == [["b"]]
    with pytest.raises(ValueError, match="UNDEC"):
        grounded(af, assume={"a": Label.UNDEC})


def test_odd_cycle_has_no_stable_extension_and_an_empty_preferred_one() -> None:
    af = Framework.from_names("abc", [("a", "b"), ("b", "c"), ("c", "a")])
    assert stable(af) == []
    assert [lab.extension() for lab in preferred(af)] == [[]]
    assert grounded(af).as_dict() == {"a": Label.UNDEC, "b": Label.UNDEC, "c": Label.UNDEC}


def test_long_chains_do_not_hit_the_recursion_limit() -> None:
    size = 5000
    af = Framework([str(i) for i in range(size)], [(i, i + 1) for i in range(size - 1)])
    assert len(grounded(af).members(Label.IN)) == size // 2
    # A long even cycle: two preferred extensions, found by search, not recursion.
    ring = Framework([str(i) for i in range(size)], [(i, (i + 1) % size) for i in range(size)])
    assert sorted(len(lab.members(Label.IN)) for lab in preferred(ring)) == [size // 2] * 2


def test_unknown_semantics_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown semantics"):
        labellings(Framework([], []), "ideal")
