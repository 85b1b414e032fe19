"""Editing through the editor API: every call is one undo step and the scene follows."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QPointF
from PySide6.QtGui import QGuiApplication

from desktop.canvas.editor import FRAGMENT_MIME, MapEditor
from desktop.canvas.scene import MapScene
from desktop.session import MapSession
from mapping.formats.debatemap import load_map
from mapping.model import ArgumentMap


@pytest.fixture
def editor(qapp, argument_map):
    session = MapSession(argument_map)
    scene = MapScene(argument_map)
    ed = MapEditor(session, scene)
    yield ed
    scene.detach()


def test_create_connect_undo_redo(editor):
    stack = editor.session.undo_stack
    node = editor.add_node(300.0, 0.0, "claim", "New idea")
    assert stack.undoText() == "Add Claim"
    assert editor.scene.node_item(node.id) is not None
    assert editor.session.selection == (node.id,)
    edge = editor.connect_nodes(node.id, "p1", "attack")
    assert stack.undoText() == "Add Attack"
    assert editor.scene.edge_item(edge.id).edge.relation == "attack"
    stack.undo()
    assert edge.id not in editor.map.edges and editor.scene.edge_item(edge.id) is None
    stack.undo()
    assert node.id not in editor.map.nodes and editor.scene.node_item(node.id) is None
    stack.redo()
    stack.redo()
    assert editor.map.edge(edge.id).source == node.id
    assert editor.connect_nodes(node.id, "p1", "attack") is None  # no duplicate
    assert stack.count() == 2


def test_refused_connection_reports_and_leaves_map(editor, qtbot):
    with qtbot.waitSignal(editor.message):
        assert editor.connect_nodes("c1", "c1") is None
    assert len(editor.map.edges) == 2


def test_multi_move_is_one_named_step(editor):
    editor.move_nodes({"c1": (0.0, 0.0), "c2": (10.0, 10.0), "c3": (20.0, 20.0)})
    stack = editor.session.undo_stack
    assert stack.count() == 1
    assert stack.undoText() == "Move 3 Claims"
    assert editor.scene.node_item("c3").pos() == QPointF(20.0, 20.0)
    stack.undo()
    assert (editor.map.node("c3").x, editor.map.node("c3").y) == (0.0, 400.0)
    assert editor.scene.node_item("c3").pos() == QPointF(0.0, 400.0)


def test_delete_selection_with_edges_as_one_step(editor):
    editor.select(["p1", "e1"])
    editor.delete()
    assert "p1" not in editor.map.nodes and not editor.map.edges
    assert editor.session.undo_stack.undoText() == "Delete Position"
    editor.session.undo_stack.undo()
    assert set(editor.map.edges) == {"e1", "e2"}
    assert editor.scene.edge_item("e2") is not None


def test_selection_syncs_between_scene_and_session(editor):
    editor.scene.node_item("c1").setSelected(True)
    assert editor.session.selection == ("c1",)
    editor.select(["c2", "e1"])
    assert set(editor.scene.selected_ids()) == {"c2", "e1"}
    assert not editor.scene.node_item("c1").isSelected()


def test_copy_paste_between_maps(editor, qapp):
    editor.select(["p1", "c1", "e1"])
    mime = editor.copy()
    assert mime is not None and mime.hasFormat(FRAGMENT_MIME)
    assert "Build the bridge" in QGuiApplication.clipboard().text()
    other_map = ArgumentMap()
    other_map.add_node(id="n1", label="already here")
    other = MapEditor(MapSession(other_map), MapScene(other_map))
    ids = other.paste(QPointF(500.0, 500.0))
    assert len(ids) == 2 and "n1" not in ids
    labels = {other_map.node(i).label for i in ids}
    assert labels == {"Build the bridge", "It shortens the commute"}
    (edge,) = other_map.edges.values()
    assert {edge.source, edge.target} == set(ids) and edge.relation == "support"
    assert other.session.undo_stack.undoText() == "Paste 2 Items"
    other.session.undo_stack.undo()
    assert list(other_map.nodes) == ["n1"]
    other.scene.detach()


def test_paste_plain_text_makes_claims(editor):
    QGuiApplication.clipboard().setText("first line\n\nsecond line\n")
    ids = editor.paste()
    assert [editor.map.node(i).label for i in ids] == ["first line", "second line"]


def test_cut_and_duplicate(editor):
    editor.select(["c1", "c2"])
    new = editor.duplicate()
    assert len(new) == 2 and editor.session.undo_stack.undoText() == "Duplicate 2 Claims"
    assert editor.map.node(new[0]).label in {"It shortens the commute", "It costs too much"}
    editor.select(["c3"])
    editor.cut()
    assert "c3" not in editor.map.nodes
    assert editor.paste() and editor.map.nodes[editor.session.selection[0]].label == (
        "Traffic will grow anyway"
    )


def test_align_and_distribute(editor):
    editor.align("top", ["c1", "c2", "p1"])
    tops = {round(editor.scene.node_item(i).scene_box().top(), 3) for i in ("c1", "c2", "p1")}
    assert len(tops) == 1
    # Named after all three boxes arranged (a position and two claims), though p1 did not move.
    assert editor.session.undo_stack.undoText() == "Align 3 Items"
    editor.move_nodes({"c1": (0.0, 0.0), "c2": (50.0, 0.0), "c3": (400.0, 0.0)})
    editor.distribute("horizontal", ["c1", "c2", "c3"])
    boxes = sorted((editor.scene.node_item(i).scene_box() for i in ("c1", "c2", "c3")),
                   key=lambda r: r.left())  # fmt: skip
    gaps = [boxes[1].left() - boxes[0].right(), boxes[2].left() - boxes[1].right()]
    assert gaps[0] == pytest.approx(gaps[1], abs=0.01)


def test_rationale_keys_build_the_tree(editor):
    editor.select(["p1"])
    child = editor.add_supporting_claim()
    assert editor.map.out_edges(child.id)[0].target == "p1"
    assert child.y > editor.map.node("p1").y
    objection = editor.add_objection()  # selection moved to the new child
    assert editor.map.out_edges(objection.id)[0].relation == "attack"
    assert editor.map.out_edges(objection.id)[0].target == child.id
    sibling = editor.add_sibling()
    (edge,) = editor.map.out_edges(sibling.id)
    assert (edge.target, edge.relation) == (child.id, "attack")
    assert editor.session.undo_stack.undoText() == "Add Claim"
    editor.session.undo_stack.undo()
    assert sibling.id not in editor.map.nodes and edge.id not in editor.map.edges


def test_arrow_keys_follow_edges(editor):
    assert editor.neighbour("c1", "up") == "p1"
    assert editor.neighbour("p1", "down") in {"c1", "c2"}
    assert editor.neighbour("c1", "right") == "c2"
    assert editor.neighbour("c2", "left") == "c1"
    assert editor.neighbour("c1", "down") == "c3"  # no edge: nearest node below


def test_find(editor):
    assert editor.find("COST") == ["c2"]
    assert editor.find("ana") == ["c1"]  # speakers count
    assert editor.find("  ") == []


def test_auto_layout_is_one_step_and_keeps_pinned(editor, monkeypatch):
    import sys
    import types
    from dataclasses import dataclass

    @dataclass
    class LayoutResult:
        positions: dict
        engine: str

    calls = {}

    def layout_map(argument_map, sizes, engine="auto", direction="TB"):
        calls["sizes"] = sizes
        return LayoutResult({n: (i * 300.0, 0.0) for i, n in enumerate(argument_map.nodes)}, "test")

    module = types.ModuleType("mapping.layout")
    module.layout_map = layout_map
    monkeypatch.setitem(sys.modules, "mapping.layout", module)
    editor.map.change_node("c3", pinned=True)
    assert editor.auto_layout() == "test"
    assert set(calls["sizes"]) == set(editor.map.nodes)
    assert editor.session.undo_stack.undoText() == "Auto Layout"
    assert (editor.map.node("c1").x, editor.map.node("c3").y) == (300.0, 400.0)
    editor.session.undo_stack.undo()
    assert editor.map.node("c1").x == -200.0


def test_auto_layout_absent_is_reported(editor, monkeypatch, qtbot):
    import sys

    monkeypatch.setitem(sys.modules, "mapping.layout", None)  # import fails
    with qtbot.waitSignal(editor.message):
        assert editor.auto_layout() is None


def test_set_label_and_saved_file_equals_model(editor, tmp_path: Path):
    from mapping.formats.debatemap import save_map

    editor.set_label("c1", "Edited label")
    assert editor.session.undo_stack.undoText() == "Edit Claim"
    path = tmp_path / "out.debatemap"
    save_map(editor.map, path)
    assert load_map(path) == editor.map
