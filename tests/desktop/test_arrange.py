"""Arrange, paste and new-claim steps as a user meets them in the window.

Each test names the behaviour of mature editors (PowerPoint, draw.io, Rationale) it holds the
map editor to.
"""

from __future__ import annotations

from itertools import pairwise

import pytest
from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtTest import QTest


def _undo_text(window) -> str:
    return window.actions["undo"].text().replace("&", "")


def _box(window, node_id: str) -> QRectF:
    return window.scene.node_item(node_id).scene_box()


# ----------------------------------------------------------------------- distribute
@pytest.mark.parametrize("axis", ["horizontal", "vertical"])
def test_distribute_makes_equal_gaps_between_boxes_of_different_sizes(window, axis):
    """PowerPoint's Distribute: equal gaps between neighbours, the outermost two stay put."""
    m = window.session.map
    horizontal = axis == "horizontal"
    labels = [
        "A",
        "A much longer label that wraps over several lines, so this box is wide and tall",
        "Mid-sized label here",
        "B",
    ]
    ids = []
    for index, (label, along) in enumerate(zip(labels, (0.0, 150.0, 260.0, 1100.0), strict=True)):
        node = m.add_node(id=f"d{index}", label=label, x=along if horizontal else 700.0,
                          y=-600.0 if horizontal else along - 600.0)  # fmt: skip
        ids.append(node.id)
    sizes = {(_box(window, i).width(), _box(window, i).height()) for i in ids}
    assert len(sizes) >= 3  # the boxes really differ in size
    ends = {i: _box(window, i) for i in (ids[0], ids[-1])}
    window.editor.select(ids)
    window.actions[f"distribute_{axis}"].trigger()

    boxes = [_box(window, i) for i in ids]
    if horizontal:
        gaps = [b.left() - a.right() for a, b in pairwise(boxes)]
        centre_steps = [b.center().x() - a.center().x() for a, b in pairwise(boxes)]
    else:
        gaps = [b.top() - a.bottom() for a, b in pairwise(boxes)]
        centre_steps = [b.center().y() - a.center().y() for a, b in pairwise(boxes)]
    assert gaps == pytest.approx([gaps[0]] * 3, abs=0.01)
    assert gaps[0] > 0
    # Equal gaps between boxes of different sizes are not equal centre distances.
    assert max(centre_steps) - min(centre_steps) > 10.0
    for node_id, before in ends.items():
        assert _box(window, node_id) == before
    assert window.session.undo_stack.count() == 1
    assert _undo_text(window) == "Undo Distribute 4 Claims"
    window.actions["undo"].trigger()
    assert (m.node("d1").x, m.node("d1").y) == ((150.0, -600.0) if horizontal else (700.0, -450.0))


# -------------------------------------------------------------------- align naming
def test_align_undo_names_the_whole_arranged_selection(window):
    """ "Undo Align 4 Claims" after aligning four claims, one of which was already on top."""
    m = window.session.map
    m.add_node(id="c4", label="Tolls pay for it", x=420.0, y=260.0)
    m.change_node("c2", y=150.0)  # c2 is the topmost: it does not move
    top = _box(window, "c2").top()
    window.editor.select(["c1", "c2", "c3", "c4"])
    window.actions["align_top"].trigger()
    assert {_box(window, i).top() for i in ("c1", "c2", "c3", "c4")} == {top}
    assert window.session.undo_stack.count() == 1
    assert _undo_text(window) == "Undo Align 4 Claims"
    window.actions["undo"].trigger()
    assert (m.node("c3").y, m.node("c4").y) == (400.0, 260.0)
    assert _undo_text(window) == "Undo"


def test_distribute_undo_names_the_whole_arranged_selection(window):
    m = window.session.map
    m.change_node("c3", x=1000.0, y=200.0)
    m.change_node("c2", x=500.0)
    window.editor.select(["c1", "c2", "c3"])  # only c2, between the two ends, moves
    window.actions["distribute_horizontal"].trigger()
    assert m.node("c2").x != 500.0
    assert _undo_text(window) == "Undo Distribute 3 Claims"


# -------------------------------------------------------------------------- paste
def _new_ids(window, before) -> list[str]:
    return [i for i in window.session.map.nodes if i not in before]


def _clashes(window, ids) -> list[tuple[str, str]]:
    """Pairs of a given box and any other box closer than 5 units (touching or overlapping)."""
    return [
        (a, b)
        for a in ids
        for b in window.session.map.nodes
        if a != b and _box(window, a).adjusted(-5, -5, 5, 5).intersects(_box(window, b))
    ]


def _shift(window, pasted, originals) -> set[tuple[float, float]]:
    """How far each pasted node sits from the node it copies (one vector: the shape is kept)."""
    m = window.session.map
    return {
        (round(m.node(new).x - m.node(old).x, 6), round(m.node(new).y - m.node(old).y, 6))
        for new, old in zip(pasted, originals, strict=True)
    }


def test_paste_twice_lands_clear_of_every_node_and_keeps_the_group_shape(window):
    """draw.io: a paste without a position goes a step off the copied nodes, never on a node."""
    originals = ["p1", "c1", "c2"]
    window.editor.select([*originals, "e1", "e2"])
    window.actions["copy"].trigger()
    before = set(window.session.map.nodes)
    first = window.editor.paste()
    assert [window.session.map.node(i).label for i in first] == [
        window.session.map.node(i).label for i in originals
    ]
    assert _clashes(window, first) == []
    (shift,) = _shift(window, first, originals)
    assert 0 < abs(shift[0]) + abs(shift[1]) < 700  # near where they were copied from
    assert len(window.session.map.edges) == 4  # the two copied relations came along
    assert _undo_text(window) == "Undo Paste 3 Items"

    second = window.editor.paste()
    assert _clashes(window, second) == []  # not stacked on the first paste either
    assert len(_shift(window, second, originals)) == 1
    assert set(first) | set(second) == set(_new_ids(window, before))
    window.actions["undo"].trigger()
    window.actions["undo"].trigger()
    assert set(window.session.map.nodes) == before


def test_paste_at_a_point_stays_there_unless_it_would_cover_a_node(window):
    window.editor.select(["c1", "c2"])
    window.actions["copy"].trigger()
    free = window.editor.paste(QPointF(1000.0, -800.0))  # empty canvas: exactly there
    m = window.session.map
    xs, ys = [m.node(i).x for i in free], [m.node(i).y for i in free]
    assert ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2) == (1000.0, -800.0)
    on_node = window.editor.paste(QPointF(200.0, 0.0))  # the copy of c1 would cover p1
    assert _clashes(window, on_node) == []
    assert len(_shift(window, on_node, ["c1", "c2"])) == 1  # moved aside, shape kept
    xs = [m.node(i).x for i in on_node]
    ys = [m.node(i).y for i in on_node]
    assert abs((min(xs) + max(xs)) / 2 - 200.0) + abs((min(ys) + max(ys)) / 2) < 700


def test_duplicate_and_paste_avoid_hidden_nodes_too(window):
    """A node hidden by a filter comes back where it was: nothing may be put on it meanwhile."""
    window.editor.select(["c3"])
    first = window.editor.duplicate()
    second = window.editor.duplicate()
    assert _clashes(window, [*first, *second]) == []
    window.scene.set_hidden(["c1", "c2"])
    window.editor.select(["c3"])
    window.actions["copy"].trigger()
    pasted = window.editor.paste(QPointF(-200.0, 200.0))  # where hidden c1 is
    assert _clashes(window, pasted) == []


# ------------------------------------------------------- new claim and its first label
def _double_click_empty(window, scene_point: QPointF) -> str:
    view = window.view
    before = set(window.session.map.nodes)
    point = view.mapFromScene(scene_point)
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    (new,) = _new_ids(window, before)
    assert view.label_editor is not None and view.label_editor.node_id == new
    return new


def _type_label(window, text: str) -> None:
    editor = window.view.label_editor
    editor.selectAll()
    QTest.keyClicks(editor, text)
    QTest.keyClick(editor, Qt.Key.Key_Return)
    assert window.view.label_editor is None


def test_double_click_then_typing_is_one_add_claim_step(window):
    """Rationale, draw.io: one Undo takes away the new claim together with its label."""
    stack = window.session.undo_stack
    new = _double_click_empty(window, QPointF(320.0, 460.0))
    _type_label(window, "Tolls will pay for it")
    assert window.session.map.node(new).label == "Tolls will pay for it"
    assert stack.count() == 1
    assert _undo_text(window) == "Undo Add Claim"
    window.actions["undo"].trigger()
    assert new not in window.session.map.nodes
    assert window.scene.node_item(new) is None
    window.actions["redo"].trigger()
    assert window.session.map.node(new).label == "Tolls will pay for it"
    assert window.scene.node_item(new).node.label == "Tolls will pay for it"
    assert stack.count() == 1 and _undo_text(window) == "Undo Add Claim"


def test_later_label_edits_and_escape_stay_their_own_steps(window):
    stack = window.session.undo_stack
    new = _double_click_empty(window, QPointF(320.0, 460.0))
    _type_label(window, "First words")
    window.editor.select([new])
    window.actions["edit_label"].trigger()  # F2 later: an edit of its own
    _type_label(window, "Better words")
    assert stack.count() == 2
    window.actions["undo"].trigger()
    assert window.session.map.node(new).label == "First words"

    unnamed = _double_click_empty(window, QPointF(-320.0, 460.0))
    QTest.keyClick(window.view.label_editor, Qt.Key.Key_Escape)  # the claim stays, unnamed
    assert window.session.map.node(unnamed).label == ""
    assert stack.count() == 2 and _undo_text(window) == "Undo Add Claim"
    window.editor.select([unnamed])
    window.actions["edit_label"].trigger()
    _type_label(window, "Named afterwards")
    assert stack.count() == 3  # not folded into the creation the Escape finished
    window.actions["undo"].trigger()
    assert window.session.map.node(unnamed).label == ""
    window.actions["undo"].trigger()
    assert unnamed not in window.session.map.nodes


def test_tab_then_typing_is_one_step_too(window):
    view = window.view
    view.setFocus()
    window.editor.select(["c3"])
    QTest.keyClick(view, Qt.Key.Key_Tab)
    (child,) = window.session.selection
    _type_label(window, "Even more traffic without it")
    assert window.session.undo_stack.count() == 1
    assert _undo_text(window) == "Undo Add Supporting Claim"
    window.actions["undo"].trigger()
    assert child not in window.session.map.nodes


def test_session_merges_a_keyed_step_once_and_only_when_adjacent(argument_map):
    from desktop.session import MapSession
    from mapping.model import AddNode, ChangeNode, Node

    session = MapSession(argument_map)
    stack = session.undo_stack
    session.push(AddNode(Node("n9", label="")), merge_key="k")
    session.push(ChangeNode("n9", label="one"), merge_key="k")
    session.push(ChangeNode("n9", label="two"), merge_key="k")  # the key was used up
    assert stack.count() == 2 and stack.text(0) == "Add Claim"
    session.push(AddNode(Node("n10")), merge_key="j")
    session.push(ChangeNode("c1", x=5.0))  # something in between: no merge
    session.push(ChangeNode("n10", label="late"), merge_key="j")
    assert stack.count() == 5
    for _ in range(5):
        stack.undo()
    assert "n9" not in argument_map.nodes and "n10" not in argument_map.nodes
    stack.redo()
    assert argument_map.node("n9").label == "one"
