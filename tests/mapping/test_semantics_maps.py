"""Semantics over argument maps: the support readings, gradual strengths and "what if"."""

from __future__ import annotations

import copy

import pytest

from mapping.model import ArgumentMap
from mapping.semantics import (
    Label,
    bipolar_graph,
    derived_attacks,
    evaluate_map,
    strengths,
)
from mapping.semantics.bipolar import BipolarGraph

IN, OUT, UNDEC = Label.IN, Label.OUT, Label.UNDEC


def build(
    attacks: list[tuple[str, str]], supports: list[tuple[str, str]], kinds: dict | None = None
) -> ArgumentMap:
    """A map of claims (or the given kinds) with the listed attacks and supports."""
    argument_map = ArgumentMap()
    names = sorted({x for pair in [*attacks, *supports] for x in pair} | set(kinds or {}))
    for name in names:
        argument_map.add_node(id=name, kind=(kinds or {}).get(name, "claim"), label=name.upper())
    for source, target in attacks:
        argument_map.add_edge(source, target, "attack")
    for source, target in supports:
        argument_map.add_edge(source, target, "support")
    return argument_map


def attack_names(argument_map: ArgumentMap, reading: str) -> set[tuple[str, str]]:
    graph = bipolar_graph(argument_map)
    return {(graph.ids[s], graph.ids[t]) for s, t in derived_attacks(graph, reading)}


def in_set(argument_map: ArgumentMap, reading: str, semantics: str = "grounded") -> set[str]:
    result = evaluate_map(argument_map, semantics, support=reading)
    return {k for k, v in result.labels().items() if v is IN}


# Boella, Gabbay, van der Torre & Villata (2010), figure 1: attacks b→d, e→c; supports a⇒b⇒c.
BOELLA = ([("b", "d"), ("e", "c")], [("a", "b"), ("b", "c")])


def test_each_reading_derives_the_attacks_of_its_definition() -> None:
    m = build(*BOELLA)
    assert attack_names(m, "none") == {("b", "d"), ("e", "c")}
    # supported a→d (a ⇒ b → d); secondary: e→c has nothing supported by c to pass on to.
    assert attack_names(m, "general") == {("b", "d"), ("e", "c"), ("a", "d")}
    # supported a→d, and mediated: e attacks c, which a and b imply.
    assert attack_names(m, "deductive") == {
        ("b", "d"), ("e", "c"), ("a", "d"), ("e", "b"), ("e", "a")
    }  # fmt: skip
    # extended: c needs b, b attacks d, so c attacks d.
    assert attack_names(m, "necessary") == {("b", "d"), ("e", "c"), ("c", "d")}


def test_boella_example_extension_under_deductive_support() -> None:
    m = build(*BOELLA)
    # The paper reports {d, e} as the acceptable arguments of this framework with support.
    assert in_set(m, "deductive") == {"d", "e"}
    assert in_set(m, "none") == {"a", "b", "e"}


def test_secondary_attack_reaches_what_the_attacked_argument_supports() -> None:
    # x attacks y, y supports z: general and necessary read it as x attacking z too.
    m = build([("x", "y")], [("y", "z")])
    assert in_set(m, "none") == {"x", "z"}
    assert in_set(m, "general") == {"x"}
    assert in_set(m, "necessary") == {"x"}
    # Deductive: y ⇒ z says nothing about z when y falls.
    assert in_set(m, "deductive") == {"x", "z"}


def test_support_cycles_and_self_attack_from_support() -> None:
    # a and b support each other and b attacks a: under deductive support a attacks itself.
    m = build([("b", "a")], [("a", "b"), ("b", "a")])
    assert ("a", "a") in attack_names(m, "deductive")
    result = evaluate_map(m, "grounded", support="deductive")
    assert set(result.labels().values()) == {UNDEC}


def test_questions_notes_and_rephrasings_take_no_part() -> None:
    m = build([("q", "p"), ("n", "p")], [], kinds={"p": "position", "q": "question", "n": "note"})
    m.add_node(id="c", kind="claim")
    m.add_edge("c", "p", "rephrase")
    result = evaluate_map(m)
    assert result.node_ids == ("p", "c")  # map order
    assert set(result.excluded) == {"n", "q"}
    assert result.labels() == {"c": IN, "p": IN}


def test_what_if_accepting_and_rejecting() -> None:
    m = build([("a", "b"), ("b", "c")], [])
    assert evaluate_map(m).labels() == {"a": IN, "b": OUT, "c": IN}
    flipped = evaluate_map(m, assume={"b": True})
    assert flipped.labels() == {"a": IN, "b": IN, "c": OUT}
    assert flipped.assumed == {"b": IN}
    assert evaluate_map(m, assume={"a": "out"}).labels() == {"a": OUT, "b": IN, "c": OUT}
    with pytest.raises(ValueError, match="not in the map"):
        evaluate_map(m, assume={"zz": True})
    with pytest.raises(ValueError, match="not UNDEC"):
        evaluate_map(m, assume={"a": "undec"})


def test_several_extensions_and_sceptical_view() -> None:
    m = build([("a", "b"), ("b", "a"), ("a", "c"), ("b", "c")], [])
    result = evaluate_map(m, "preferred")
    assert sorted(sorted(k for k, v in lab.items() if v is IN) for lab in result.labellings) == [
        ["a"],
        ["b"],
    ]
    assert result.sceptical() == {"a": UNDEC, "b": UNDEC, "c": OUT}
    limited = evaluate_map(m, "preferred", limit=1)
    assert len(limited.labellings) == 1 and limited.truncated
    assert not evaluate_map(m, "preferred", limit=2).truncated
    odd = build([("a", "b"), ("b", "c"), ("c", "a")], [])
    assert evaluate_map(odd, "stable").labellings == ()
    assert evaluate_map(odd, "stable").labels() == {}


def test_evaluation_leaves_the_map_alone() -> None:
    m = build(*BOELLA)
    m.change_node("a", base_score=0.9)
    before = copy.deepcopy(m)
    events = []
    m.subscribe(events.append)
    for semantics in ("grounded", "preferred", "dfquad", "quadratic"):
        evaluate_map(m, semantics, assume={"a": False})
    assert events == [] and m == before


def test_json_form() -> None:
    m = build([("a", "b")], [])
    data = evaluate_map(m).to_json()
    assert data["labellings"] == [{"a": "IN", "b": "OUT"}]
    assert data["semantics"] == "grounded" and data["support"] == "deductive"
    gradual = evaluate_map(m, "dfquad").to_json()
    assert gradual["strengths"] == {"a": 0.5, "b": 0.25} and gradual["converged"]


def graph(n: int, attacks, supports=(), scores=None) -> BipolarGraph:
    return BipolarGraph(
        tuple("abcdefgh"[:n]),
        tuple((s, t, w) for s, t, w in attacks),
        tuple((s, t, w) for s, t, w in supports),
        tuple(scores or [0.5] * n),
    )


def test_dfquad_known_values() -> None:
    one_attacker = strengths(graph(2, [(1, 0, 1.0)]))
    assert one_attacker.strengths == (0.25, 0.5)
    balanced = strengths(graph(3, [(1, 0, 1.0)], [(2, 0, 1.0)]))
    assert balanced.strengths[0] == pytest.approx(0.5)
    two = strengths(graph(3, [(1, 0, 1.0), (2, 0, 1.0)]))
    assert two.strengths[0] == pytest.approx(0.125)  # aggregate 1 - 0.5·0.5 = 0.75
    weak_edge = strengths(graph(2, [(1, 0, 0.5)]))
    assert weak_edge.strengths[0] == pytest.approx(0.375)
    supported = strengths(graph(2, [], [(1, 0, 1.0)], [0.6, 0.5]))
    assert supported.strengths[0] == pytest.approx(0.6 + 0.4 * 0.5)
    chain = strengths(graph(3, [(1, 0, 1.0), (2, 1, 1.0)]))
    assert chain.strengths == pytest.approx((0.5 - 0.5 * 0.25, 0.25, 0.5))


def test_cycles_reach_the_fixed_point() -> None:
    mutual = strengths(graph(2, [(0, 1, 1.0), (1, 0, 1.0)]))
    assert mutual.converged
    assert mutual.strengths == pytest.approx((1 / 3, 1 / 3))  # s = 0.5 - 0.5·s
    q = strengths(graph(2, [(0, 1, 1.0), (1, 0, 1.0)]), "quadratic")
    assert q.converged
    s = q.strengths[0]
    assert s == pytest.approx(0.5 - 0.5 * s * s / (1 + s * s))


def test_quadratic_energy_known_values() -> None:
    assert strengths(graph(2, [(1, 0, 1.0)]), "quadratic").strengths[0] == pytest.approx(0.4)
    up = strengths(graph(2, [], [(1, 0, 1.0)]), "quadratic").strengths[0]
    assert up == pytest.approx(0.5 + 0.5 * 0.2)


def test_gradual_what_if_and_base_scores() -> None:
    m = build([("b", "a")], [])
    m.change_node("a", base_score=0.8)
    assert evaluate_map(m, "dfquad").strengths["a"] == pytest.approx(0.4)
    assert evaluate_map(m, "dfquad", assume={"b": False}).strengths == {"a": 0.8, "b": 0.0}
    assert evaluate_map(m, "dfquad", assume={"a": True}).strengths["a"] == 1.0


def test_docstring_examples() -> None:
    import doctest

    from mapping.semantics import bipolar, dung, evaluate, framework, gradual, iccma

    for module in (bipolar, dung, evaluate, framework, gradual, iccma):
        failures, tried = doctest.testmod(module)
        assert tried > 0 and failures == 0, module.__name__
