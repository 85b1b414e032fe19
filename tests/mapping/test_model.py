"""The map's invariants, its events, and the operations that change it."""

import pytest

from mapping.errors import ModelError
from mapping.model import (
    AddEdge,
    AddNode,
    ArgumentMap,
    ChangeDocument,
    ChangeEdge,
    ChangeNode,
    Compound,
    Document,
    Edge,
    History,
    Node,
    RemoveDocument,
    RemoveNode,
    SetMapSetting,
    SetTitle,
    move_nodes,
)


@pytest.fixture
def small_map():
    m = ArgumentMap("Test")
    m.add_document(Document.from_text("d1", "a.txt", "Wars are bad. Peace is good."))
    m.add_node(id="p1", kind="position", label="Oppose the war", sources=[("d1", 0, 13)])
    m.add_node(id="c1", label="Peace is good", speaker="Ann", sources=[("d1", 14, 28)])
    m.add_node(id="c2", label="War brings jobs", speaker="Bob")
    m.add_edge("c1", "p1", "support", id="e1")
    m.add_edge("c2", "p1", "attack", id="e2")
    return m


def test_records_hold_what_was_given(small_map):
    assert small_map.node("c1").speaker == "Ann"
    assert small_map.node("p1").sources[0].end == 13
    assert [e.id for e in small_map.in_edges("p1")] == ["e1", "e2"]
    assert [e.id for e in small_map.out_edges("c2")] == ["e2"]
    assert (
        small_map.document("d1").sha256
        == Document.from_text("x", "x", "Wars are bad. Peace is good.").sha256
    )


@pytest.mark.parametrize(
    ("operation", "message"),
    [
        (AddNode(Node("c1")), "already used"),
        (AddNode(Node("e1")), "already used"),
        (AddNode(Node("x", kind="opinion")), "kind 'opinion'"),
        (AddNode(Node("x", sources=[("d9", 0, 1)])), "'d9' is not in the map"),
        (AddNode(Node("x", sources=[("d1", 0, 999)])), "past the end"),
        (AddNode(Node("x", sources=[("d1", 5, 5)])), "start < end"),
        (AddNode(Node("x", base_score=1.5)), "between 0 and 1"),
        (AddEdge(Edge("e9", "c1", "c1")), "itself"),
        (AddEdge(Edge("e9", "c1", "nowhere")), "does not exist"),
        (AddEdge(Edge("e9", "c1", "c2", relation="agrees")), "relation 'agrees'"),
        (AddEdge(Edge("e9", "c1", "c2", origin="magic")), "origin 'magic'"),
        (AddEdge(Edge("e9", "c1", "c2", confidence=2.0)), "confidence"),
        (ChangeNode("c1", colour="red"), "colour"),
        (ChangeNode("c1", id="z"), "cannot change"),
        (ChangeEdge("e1", target="c2"), "reconnecting"),
        (ChangeDocument("d1", text="short"), "past the new text's end"),
        (RemoveNode("ghost"), "no node"),
    ],
)
def test_invalid_operations_are_refused_and_change_nothing(small_map, operation, message):
    before = ArgumentMap.__new__(ArgumentMap)
    before.__dict__.update(
        {k: (dict(v) if isinstance(v, dict) else v) for k, v in small_map.__dict__.items()}
    )
    events = []
    small_map.subscribe(events.append)
    with pytest.raises(ModelError, match=message):
        small_map.execute(operation)
    assert events == []
    assert small_map == before


def test_compound_is_all_or_nothing(small_map):
    events = []
    small_map.subscribe(events.append)
    bad = Compound([ChangeNode("c1", x=5.0), AddEdge(Edge("e9", "c1", "ghost"))], "Bad")
    with pytest.raises(ModelError):
        small_map.execute(bad)
    assert small_map.node("c1").x == 0.0
    # the first child applied and was rolled back: observers saw both, ending where they began
    assert [e.name for e in events] == ["node_changed", "node_changed"]
    assert events[-1].new == small_map.node("c1")


def test_events_are_past_tense_and_carry_old_and_new(small_map):
    events = []
    unsubscribe = small_map.subscribe(events.append)
    small_map.change_node("c1", label="Peace matters")
    small_map.remove_edge("e2")
    node = small_map.add_node(label="New")
    assert [(e.name, e.id) for e in events] == [
        ("node_changed", "c1"),
        ("edge_removed", "e2"),
        ("node_added", node.id),
    ]
    assert events[0].old.label == "Peace is good" and events[0].new.label == "Peace matters"
    unsubscribe()
    small_map.remove_node(node.id)
    assert len(events) == 3


def test_subscribe_by_name(small_map):
    seen = []
    small_map.subscribe(seen.append, names=["edge_added"])
    small_map.change_node("c1", x=3)
    small_map.add_edge("c2", "c1", "attack")
    assert [e.name for e in seen] == ["edge_added"]
    with pytest.raises(ValueError):
        small_map.subscribe(seen.append, names=["node_moved"])


def test_removing_a_node_removes_its_edges_and_undo_restores_order(small_map):
    history = History(small_map)
    original = [*small_map.nodes], [*small_map.edges]
    history.do(RemoveNode("p1"))
    assert "p1" not in small_map.nodes and not small_map.edges
    assert history.undo_text == "Delete Position"
    history.undo()
    assert ([*small_map.nodes], [*small_map.edges]) == original
    assert small_map.graph.number_of_edges() == 2


def test_remove_document_drops_only_its_spans(small_map):
    history = History(small_map)
    history.do(RemoveDocument("d1"))
    assert not small_map.documents and small_map.node("c1").sources == ()
    history.undo()
    assert small_map.node("c1").sources[0].document == "d1"


def test_history_names_steps_and_tracks_clean_state(small_map):
    history = History(small_map)
    history.do(move_nodes({"c1": (10, 20), "c2": (30, 40)}, "Move 2 Claims"))
    history.set_clean()
    history.do(SetTitle("Renamed"))
    assert not history.is_clean and history.undo_text == "Rename Map"
    history.undo()
    assert history.is_clean and small_map.title == "Test"
    assert history.redo_text == "Rename Map"
    history.undo()
    assert small_map.node("c1").x == 0.0 and not history.is_clean
    history.redo()
    assert (small_map.node("c2").x, small_map.node("c2").y) == (30.0, 40.0)
    with pytest.raises(IndexError):
        History(ArgumentMap()).undo()


def test_change_node_descriptions(small_map):
    assert small_map.execute(ChangeNode("c1", x=1.0)).description == "Move Claim"
    assert small_map.execute(ChangeNode("p1", label="x")).description == "Edit Position"


def test_settings_round_trip_through_undo(small_map):
    history = History(small_map)
    history.do(SetMapSetting("presentation", {"steps": ["p1"]}))
    assert small_map.settings["presentation"] == {"steps": ["p1"]}
    history.undo()
    assert "presentation" not in small_map.settings


def test_graph_follows_changes_once_built(small_map):
    graph = small_map.graph
    assert set(graph.nodes) == {"p1", "c1", "c2"}
    small_map.add_edge("c1", "c2", "attack", id="e3")
    small_map.change_edge("e1", relation="attack")
    assert graph.edges["c1", "p1", "e1"]["relation"] == "attack"
    small_map.remove_node("c2")
    assert set(graph.nodes) == {"p1", "c1"} and graph.number_of_edges() == 1


def test_new_ids_are_fresh(small_map):
    small_map.add_node(id="n1")
    assert small_map.new_id("n") == "n2"
    assert small_map.new_id("e") not in small_map.edges


def test_records_are_frozen_values_that_copy_pickle_and_replace():
    import copy
    import pickle
    from dataclasses import FrozenInstanceError, fields, replace

    from mapping.model import MapEvent, SourceSpan

    span = SourceSpan("d1", 0, 13)
    node = Node("c1", label="Peace", sources=[("d1", 0, 13)], tags=["a"], x=1, data={"k": [1]})
    edge = Edge("e1", "c1", "p1", "attack", data={"w": 2})
    document = Document("d1", "Essay", "Wars are bad.", metadata={"author": "Ann"})
    event = MapEvent("node_added", "c1", None, node)
    assert node.sources == (span,) and node.tags == ("a",) and type(node.x) is float
    for value in (span, node, edge, document, event):
        first = type(value).__match_args__[0]
        with pytest.raises(FrozenInstanceError):
            setattr(value, first, "other")
        with pytest.raises(FrozenInstanceError):
            delattr(value, first)
        assert copy.deepcopy(value) == value == pickle.loads(pickle.dumps(value))
        assert replace(value) == value and replace(value) is not value
        assert repr(value).startswith(f"{type(value).__name__}(")
        assert [f.name for f in fields(value)] == list(type(value).__match_args__)
    assert replace(node, label="War") != node and replace(node, label="War").label == "War"
    assert node != Node("c1", label="Peace") and node != ("c1",)
    assert hash(span) == hash(SourceSpan("d1", 0, 13)) and span != SourceSpan("d1", 0, 14)
    assert repr(span) == "SourceSpan(document='d1', start=0, end=13)"
    with pytest.raises(TypeError):
        hash(node)  # its data is a dict, as with a frozen dataclass
    with pytest.raises(TypeError):
        replace(node, colour="#fff")  # unknown fields are an error
    data = {"k": 1}
    assert Edge("e2", "a", "b", data=data).data is not data  # records keep their own copies
