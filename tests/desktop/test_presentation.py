"""Presentation mode: keys and clicks walk the steps; the caption cites the source; the teacher's
order of steps is one undo step and survives save and load."""

from dataclasses import replace

import pytest
from PySide6.QtCore import Qt
from teaching_maps import TEXT, seminar_map

from desktop.presentation import DIMMED, ArrangeStepsDialog, PresentationWindow
from desktop.session import MapSession
from mapping.formats.debatemap import load_map, save_map
from mapping.model import ArgumentMap, Document
from mapping.teaching import default_steps, presentation_steps


@pytest.fixture
def presentation(qtbot):
    window = PresentationWindow(seminar_map())
    window.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)  # qtbot closes it
    qtbot.addWidget(window)
    window.resize(1200, 700)
    window.show()
    qtbot.waitExposed(window)
    return window


def visible_nodes(window):
    return {i.node_id for i in window.scene.node_items() if i.isVisible()}


def test_keys_walk_the_steps(qtbot, presentation):
    w = presentation
    assert w.state.index == 0
    assert visible_nodes(w) == {"p1"}
    walk = [
        (Qt.Key.Key_Right, 1),
        (Qt.Key.Key_Space, 2),
        (Qt.Key.Key_PageDown, 3),
        (Qt.Key.Key_Down, 4),
        (Qt.Key.Key_Left, 3),
        (Qt.Key.Key_PageUp, 2),
        (Qt.Key.Key_Up, 1),
        (Qt.Key.Key_End, 5),
        (Qt.Key.Key_Right, 5),  # the last step stays the last
        (Qt.Key.Key_Home, 0),
        (Qt.Key.Key_Left, 0),
    ]
    for key, expected in walk:
        qtbot.keyClick(w, key)
        assert w.state.index == expected, key


def test_reveal_is_cumulative_and_the_rest_is_dimmed(qtbot, presentation):
    w = presentation
    w.go(2)  # Against: Build the tram
    assert visible_nodes(w) == {"p1", "c1", "c2", "c3", "c6"}
    shown_edges = {i.edge_id for i in w.scene.edge_items() if i.isVisible()}
    assert shown_edges == {"e1", "e2", "e3", "e6"}
    w.go(3)  # the second position: the first one's argument stays, dimmed
    assert visible_nodes(w) == {"p1", "c1", "c2", "c3", "c6", "p2"}
    assert w.scene.node_item("p2").opacity() == 1.0
    assert w.scene.node_item("c1").opacity() == pytest.approx(DIMMED)
    assert w.scene.node_item("p2").highlighted
    assert not w.scene.node_item("p1").highlighted


def test_tab_walks_the_nodes_of_a_step_and_the_caption_quotes_the_source(qtbot, presentation):
    w = presentation
    w.go(2)
    assert w.source_label.text().startswith("Position · 1 for, 2 against")
    qtbot.keyClick(w, Qt.Key.Key_Tab)
    assert w.state.current == "c2"
    assert w.caption_label.text() == "“Building it closes the high street for two years.”"
    assert w.source_label.text() == "Ben Okafor · tram-meeting.txt, line 3"
    assert w.scene.node_item("c1").opacity() == pytest.approx(DIMMED)  # not c2's neighbour
    assert w.scene.node_item("c3").opacity() == 1.0
    qtbot.keyClick(w, Qt.Key.Key_Backtab)
    assert w.state.current == "p1"


def test_clicking_a_revealed_node_makes_it_current(qtbot, presentation):
    w = presentation
    w.go(1)
    item = w.scene.node_item("c1")
    point = w.view.mapFromScene(item.scenePos())
    qtbot.mouseClick(w.view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert w.state.current == "c1"
    assert "Less traffic" not in w.caption_label.text()  # the quotation, not the label
    assert "The tram will cut traffic" in w.caption_label.text()


def test_caption_without_embedded_text_shows_label_speaker_and_document(qtbot):
    m = seminar_map()
    bare = ArgumentMap(m.title)
    bare.add_document(replace(Document.from_text("d1", "tram-meeting.txt", TEXT), text=None,
                              sha256=None))  # fmt: skip
    for node in m.nodes.values():
        bare.add_node(**{k: getattr(node, k) for k in node.__dataclass_fields__})
    for edge in m.edges.values():
        bare.add_edge(edge.source, edge.target, edge.relation, id=edge.id)
    w = PresentationWindow(bare)
    qtbot.addWidget(w)
    w.go(1)
    w.set_current("c1")
    assert w.caption_label.text() == "Less traffic in the old town"
    assert w.source_label.text() == "Ana Ruiz · tram-meeting.txt"


def test_escape_leaves(qtbot, presentation):
    with qtbot.waitSignal(presentation.finished):
        qtbot.keyClick(presentation, Qt.Key.Key_Escape)


def test_reordered_steps_are_one_undo_step_and_survive_save_and_load(qtbot, tmp_path):
    session = MapSession(seminar_map())
    dialog = ArrangeStepsDialog(session)
    qtbot.addWidget(dialog)
    original = [s.title for s in dialog.steps()]
    dialog.list.setCurrentRow(3)  # "Run more buses instead" to the top
    for _ in range(3):
        dialog.up_button.click()
    expected = [original[3], *original[:3], *original[4:]]
    assert [s.title for s in dialog.steps()] == expected
    dialog.accept()
    assert session.undo_stack.count() == 1
    assert [s.title for s in presentation_steps(session.map)] == expected

    path = tmp_path / "tram.debatemap"
    save_map(session.map, path)
    loaded = load_map(path)
    assert [s.title for s in presentation_steps(loaded)] == expected
    window = PresentationWindow(loaded)
    qtbot.addWidget(window)
    assert window.title_label.text() == "Run more buses instead"
    assert visible_nodes(window) == {"p2"}

    session.undo_stack.undo()
    assert presentation_steps(session.map) == default_steps(session.map)


def test_unchanged_order_pushes_nothing(qtbot):
    session = MapSession(seminar_map())
    dialog = ArrangeStepsDialog(session)
    qtbot.addWidget(dialog)
    dialog.accept()
    assert session.undo_stack.count() == 0
