"""Any sequence of edits can be undone back to the start and redone to the end."""

import copy

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from mapping.errors import ModelError
from mapping.formats.debatemap import map_to_dict
from mapping.model import (
    AddEdge,
    AddNode,
    ArgumentMap,
    ChangeEdge,
    ChangeNode,
    Document,
    Edge,
    History,
    Node,
    RemoveDocument,
    RemoveEdge,
    RemoveNode,
    SetMapSetting,
    SetTitle,
    move_nodes,
)

TEXT = "One sentence here. Another one there. A third at the end."

steps = st.lists(
    st.tuples(
        st.sampled_from(
            [
                "add_node",
                "add_edge",
                "remove_node",
                "remove_edge",
                "change_node",
                "change_edge",
                "move",
                "title",
                "setting",
                "remove_document",
            ]
        ),
        st.integers(0, 1000),
        st.integers(0, 1000),
        st.integers(0, 1000),
    ),
    max_size=40,
)


def _start_map() -> ArgumentMap:
    m = ArgumentMap("Start")
    m.add_document(Document.from_text("d1", "a.txt", TEXT))
    m.add_node(id="a", kind="position", label="A", sources=[("d1", 0, 18)])
    m.add_node(id="b", label="B")
    m.add_edge("b", "a", "attack", id="ab")
    return m


def _operation(m: ArgumentMap, name: str, i: int, j: int, k: int):
    nodes, edges = list(m.nodes), list(m.edges)
    if name == "add_node":
        start = k % (len(TEXT) - 1)
        sources = [("d1", start, start + 1 + j % 5)] if "d1" in m.documents and i % 2 else []
        return AddNode(
            Node(
                m.new_id("n"),
                kind=["claim", "position", "question"][i % 3],
                label=f"label {i}",
                sources=sources,
            ),
            index=j % (len(nodes) + 1),
        )
    if name == "add_edge" and len(nodes) >= 2:
        return AddEdge(
            Edge(
                m.new_id("e"),
                nodes[i % len(nodes)],
                nodes[j % len(nodes)],
                relation=["support", "attack", "rephrase"][k % 3],
            )
        )
    if name == "remove_node" and nodes:
        return RemoveNode(nodes[i % len(nodes)])
    if name == "remove_edge" and edges:
        return RemoveEdge(edges[i % len(edges)])
    if name == "change_node" and nodes:
        return ChangeNode(nodes[i % len(nodes)], label=f"changed {j}", pinned=bool(k % 2))
    if name == "change_edge" and edges:
        return ChangeEdge(
            edges[i % len(edges)], relation=["support", "attack"][j % 2], confidence=(k % 11) / 10
        )
    if name == "move" and nodes:
        return move_nodes(
            {n: (float(i + x), float(j - x)) for x, n in enumerate(nodes[: k % 4 + 1])}
        )
    if name == "title":
        return SetTitle(f"Title {i}")
    if name == "setting":
        return SetMapSetting("presentation", None if i % 3 == 0 else {"steps": nodes[: j % 3]})
    if name == "remove_document" and "d1" in m.documents:
        return RemoveDocument("d1")
    return None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(steps)
def test_undo_all_restores_the_original_and_redo_all_the_final(sequence):
    m = _start_map()
    original = copy.deepcopy(map_to_dict(m))
    history = History(m)
    for name, i, j, k in sequence:
        operation = _operation(m, name, i, j, k)
        if operation is None:
            continue
        before = map_to_dict(m)
        try:
            history.do(operation)
        except ModelError:
            assert map_to_dict(m) == before  # a refused operation leaves no trace
    final = copy.deepcopy(map_to_dict(m))
    while history.can_undo:
        history.undo()
    assert map_to_dict(m) == original
    while history.can_redo:
        history.redo()
    assert map_to_dict(m) == final
