"""Presentation steps and exercise variants."""

from mapping.formats.debatemap import load_map, loads, save_map
from mapping.model import History
from mapping.resources import example_map_path
from mapping.teaching import (
    Step,
    default_steps,
    exercise_without_claims,
    exercise_without_edges,
    presentation_steps,
    set_presentation_steps,
)


def test_default_steps_show_each_position_then_supporters_then_attackers():
    m = load_map(example_map_path())
    steps = default_steps(m)
    assert steps[0].focus == "p-enemy" and steps[0].reveal == ("p-enemy",)
    # p-enemy has only attackers; p-colour has both, supporters first
    assert steps[1].title.startswith("Against:") and steps[1].focus == "p-enemy"
    assert {e.source for e in m.in_edges("p-enemy")} == set(steps[1].reveal)
    colour = [s for s in steps if s.focus == "p-colour"]
    assert [s.title.split(":")[0] for s in colour] == ["Colour revolution", "For", "Against"]
    assert "n7" in colour[1].reveal  # the reply attacking a supporter comes with the supporters
    revealed = [i for s in steps for i in s.reveal]
    assert sorted(revealed) == sorted(m.nodes)  # every node appears exactly once


def test_custom_steps_survive_save_and_load(tmp_path):
    m = load_map(example_map_path())
    custom = [
        Step("Start with the war", "p-antiwar", ("p-antiwar",)),
        Step("Unions", "p-unions", ("p-unions",)),
    ]
    history = History(m)
    history.do(set_presentation_steps(custom))
    save_map(m, tmp_path / "m.debatemap")
    assert presentation_steps(load_map(tmp_path / "m.debatemap")) == custom
    history.undo()
    assert presentation_steps(m) == default_steps(m)


def test_steps_naming_deleted_nodes_are_cleaned():
    m = load_map(example_map_path())
    m.execute(set_presentation_steps([Step("x", "n1", ("n1", "n2")), Step("y", "n3", ("n3",))]))
    m.remove_node("n1")
    assert presentation_steps(m) == [Step("x", "n2", ("n2",)), Step("y", "n3", ("n3",))]


def test_exercises(tmp_path):
    m = load_map(example_map_path())
    no_edges = exercise_without_edges(m)
    assert not no_edges.edges and len(no_edges.nodes) == len(m.nodes)
    assert "exercise" in no_edges.title
    only_positions = exercise_without_claims(m)
    assert {n.kind for n in only_positions.nodes.values()} == {"position"}
    assert only_positions.documents.keys() == m.documents.keys()
    save_map(no_edges, tmp_path / "ex.debatemap")
    assert loads((tmp_path / "ex.debatemap").read_bytes()) == no_edges
    assert len(m.edges) == 18  # the original is untouched
