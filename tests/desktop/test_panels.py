"""The side panels follow the model and turn every edit into one undoable operation."""

from __future__ import annotations

import pytest
from panel_helpers import TEXT, open_panels_window, small_map, span_of
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor

from desktop.panels.documents import OffsetMap, claim_label
from desktop.session import MapSession
from mapping.model import AddEdge, ChangeNode, Document, Edge, RemoveNode, SourceSpan, text_sha256


@pytest.fixture
def window(qtbot):
    return open_panels_window(qtbot, small_map())


def settle(qtbot, window) -> None:
    """Let deferred panel refreshes run (they wait for the event loop, like a burst of events)."""
    qtbot.waitUntil(lambda: not any(d._stale for d in window.panels.docks), timeout=2000)


# ------------------------------------------------------------------- documents
def test_highlights_cover_every_span_and_a_click_selects_its_node(qtbot, window):
    documents = window.panels.documents
    assert len(documents.view.extraSelections()) == 4
    span = span_of("Opening costs too much")
    view = documents.view
    cursor = QTextCursor(view.document())
    cursor.setPosition(span.start + 3)
    point = view.cursorRect(cursor).center()
    qtbot.mouseClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point)
    assert window.session.selection == ("c2",)
    # A click outside any span selects nothing new.
    cursor.setPosition(TEXT.index("By Mara"))
    qtbot.mouseClick(
        view.viewport(), Qt.MouseButton.LeftButton, pos=view.cursorRect(cursor).center()
    )
    assert window.session.selection == ("c2",)


def test_claim_from_selection_keeps_the_exact_span_and_undoes(qtbot, window):
    documents = window.panels.documents
    session = window.session
    phrase = "schools are shut"
    start = TEXT.index(phrase)
    cursor = QTextCursor(documents.view.document())
    cursor.setPosition(start - 1)  # a leading space is trimmed off
    cursor.setPosition(start + len(phrase), QTextCursor.MoveMode.KeepAnchor)
    documents.view.setTextCursor(cursor)
    documents.view.setFocus()
    assert documents.claim_action.isEnabled()
    qtbot.keyClick(
        documents.view,
        Qt.Key.Key_M,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    (new_id,) = session.selection
    node = session.map.node(new_id)
    assert node.sources == (SourceSpan("d1", start, start + len(phrase)),)
    assert node.text == phrase == TEXT[node.sources[0].start : node.sources[0].end]
    # The byline names the author (mapping.documents reads the structure).
    assert node.speaker == "Mara Quill"
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert new_id not in session.map.nodes


def test_offsets_survive_crlf_and_characters_outside_the_bmp(qtbot, window):
    text = "Line one\r\nSmile 😀 then a claim here.\r\nEnd."
    session = window.session
    session.push_document = None
    from mapping.model import AddDocument

    session.push(AddDocument(Document.from_text("d2", "crlf.txt", text)))
    documents = window.panels.documents
    settle(qtbot, window)
    documents.show_document("d2")
    offsets = OffsetMap(text)
    start = text.index("a claim")
    cursor = QTextCursor(documents.view.document())
    cursor.setPosition(offsets.to_qt(start))
    cursor.setPosition(offsets.to_qt(start + len("a claim")), QTextCursor.MoveMode.KeepAnchor)
    assert cursor.selectedText() == "a claim"
    documents.view.setTextCursor(cursor)
    new_id = documents.claim_from_selection()
    assert session.map.node(new_id).sources == (SourceSpan("d2", start, start + 7),)
    assert offsets.to_qt(8) == offsets.to_qt(9) == 8  # "\r\n" is one paragraph break in Qt
    assert offsets.to_python(offsets.to_qt(start)) == start


def test_selecting_a_node_scrolls_its_document_to_the_span(qtbot, window):
    documents = window.panels.documents
    window.session.select(["c3"])
    span = span_of("Volunteers could staff the desk.")
    assert documents.view.textCursor().position() == span.start
    assert documents._flash is not None and documents._flash[:2] == (span.start, span.end)
    qtbot.waitUntil(lambda: documents._flash is None, timeout=3000)


def test_locate_file_checks_the_checksum_and_embeds_in_one_step(qtbot, window, tmp_path):
    session = window.session
    body = "A text that only this test knows.\n"
    session.push(__import__("mapping.model", fromlist=["AddDocument"]).AddDocument(
        Document("d9", "missing.txt", None, text_sha256(body))))  # fmt: skip
    settle(qtbot, window)
    documents = window.panels.documents
    documents.show_document("d9")
    assert documents.banner.isVisible()
    steps = session.undo_stack.count()
    wrong = tmp_path / "missing.txt"
    wrong.write_text("Some other words.\n", encoding="utf-8")
    message = documents.locate_file(wrong)
    assert message and "SHA-256" in message and "missing.txt" in message
    assert documents.error_text.text() == message
    assert session.map.document("d9").text is None and session.undo_stack.count() == steps
    right = tmp_path / "right.txt"
    right.write_text(body, encoding="utf-8")
    assert documents.locate_file(right) is None
    assert session.map.document("d9").text == body
    assert session.undo_stack.count() == steps + 1
    settle(qtbot, window)
    assert not documents.banner.isVisible() and documents.view.toPlainText() == body
    session.undo_stack.undo()
    assert session.map.document("d9").text is None


def test_claim_label_is_short_and_whole_words():
    label = claim_label("word " * 40)
    assert len(label) <= 91 and label.endswith("…") and "wor…" not in label


# ------------------------------------------------------------------- inspector
def test_inspector_edits_are_undoable_and_follow_the_model(qtbot, window):
    inspector = window.panels.inspector
    session = window.session
    session.select(["c1"])
    assert inspector.label_edit.text() == "Families need it"
    inspector.label_edit.setText("Families rely on it")
    inspector.label_edit.editingFinished.emit()
    assert session.map.node("c1").label == "Families rely on it"
    assert session.undo_stack.undoText() == "Edit Claim"
    session.undo_stack.undo()
    assert inspector.label_edit.text() == "Families need it"
    session.push(ChangeNode("c1", speaker="Someone Else"))
    assert inspector.speaker_edit.text() == "Someone Else"
    inspector.tags_edit.setText("family, weekend, family")
    inspector.tags_edit.editingFinished.emit()
    assert session.map.node("c1").tags == ("family", "weekend")


def test_inspector_multi_selection_edits_common_fields_in_one_step(qtbot, window):
    inspector = window.panels.inspector
    session = window.session
    session.select(["c1", "c2"])
    assert inspector.speaker_edit.text() == "" and inspector.speaker_edit.placeholderText()
    assert not inspector.label_edit.isEnabled()
    inspector.speaker_edit.setText("Council")
    inspector.speaker_edit.editingFinished.emit()
    assert {session.map.node(i).speaker for i in ("c1", "c2")} == {"Council"}
    assert session.undo_stack.count() == 1
    session.undo_stack.undo()
    assert session.map.node("c1").speaker == "Mara Quill" and session.map.node("c2").speaker == ""


def test_inspector_shows_an_edges_reason_and_edits_confidence(qtbot, window):
    inspector = window.panels.inspector
    session = window.session
    session.select(["e2"])
    assert inspector.pages.currentIndex() == 2
    assert "costs too much" in inspector.reason_view.text()
    assert inspector.confidence_spin.value() == pytest.approx(0.6)
    inspector.confidence_spin.setValue(0.9)
    assert session.map.edge("e2").confidence == pytest.approx(0.9)
    inspector.confirm_button.click()
    assert session.map.edge("e2").origin == "user"
    assert session.undo_stack.undoText() == "Confirm Relation"
    inspector.relation_combo.setCurrentIndex(inspector.relation_combo.findData("support"))
    inspector.relation_combo.activated.emit(inspector.relation_combo.currentIndex())
    assert session.map.edge("e2").relation == "support"
    for _ in range(3):
        session.undo_stack.undo()
    assert session.map.edge("e2") == small_map().edge("e2")


# ------------------------------------------------------------------- positions
def test_positions_count_follow_the_model_and_the_filter_hides_a_family(qtbot, window):
    positions = window.panels.positions
    session = window.session
    item = positions.tree.topLevelItem(0)
    assert (item.text(1), item.text(2)) == ("1", "1")
    session.push(AddEdge(Edge("e9", "c3", "p1", "attack")))
    settle(qtbot, window)
    item = positions.tree.topLevelItem(0)
    assert item.text(2) == "2"
    with qtbot.waitSignal(positions.hiddenChanged):
        item.setCheckState(0, Qt.CheckState.Unchecked)
    assert window.scene.hidden == {"p1", "c1", "c2", "c3", "e1", "e2", "e3", "e9"}
    assert positions.hidden_positions == {"p1"}
    assert session.undo_stack.count() == 1  # filtering never touches the map
    positions.show_all()
    assert window.scene.hidden == set()


def test_clicking_a_position_selects_it(qtbot, window):
    positions = window.panels.positions
    positions.tree.topLevelItem(0).setSelected(True)
    assert window.session.selection == ("p1",)


def _shown(tooltip: str) -> str:
    """The text a tooltip shows: Qt renders it as rich text when it looks like HTML."""
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    document.setHtml(tooltip)
    return document.toPlainText()


def test_panel_tooltips_show_markup_in_labels_and_speakers_as_typed(qtbot, window):
    label, speaker = "<b>Open</b> on <i>Sundays</i> & <img src=x>", "<u>Ann</u>"
    window.session.push(ChangeNode("p1", label=label, text=""))
    window.session.push(ChangeNode("c1", speaker=speaker, text="", label="Families <br> need it"))
    settle(qtbot, window)
    position_tip = window.panels.positions.tree.topLevelItem(0).toolTip(0)
    assert _shown(position_tip).startswith(label + "\n")
    model = window.panels.outline.model
    root = model.index(0, 0)
    assert _shown(root.data(Qt.ItemDataRole.ToolTipRole)) == label
    claim, claim_speaker = model.index(0, 0, root), model.index(0, 1, root)
    assert _shown(claim.data(Qt.ItemDataRole.ToolTipRole)) == "Families <br> need it"
    assert _shown(claim_speaker.data(Qt.ItemDataRole.ToolTipRole)) == speaker


# --------------------------------------------------------------------- outline
def _labels(model, parent=None, depth=0):
    from PySide6.QtCore import QModelIndex

    parent = parent or QModelIndex()
    rows = []
    for row in range(model.rowCount(parent)):
        index = model.index(row, 0, parent)
        rows.append(("  " * depth) + index.data())
        rows.extend(_labels(model, index, depth + 1))
    return rows


def test_outline_nests_claims_and_follows_changes(qtbot, window):
    outline = window.panels.outline
    assert _labels(outline.model) == [
        "Open on Sundays", "  + Families need it", "  − Too costly", "    − Volunteers",
    ]  # fmt: skip
    window.session.push(RemoveNode("c3"))
    settle(qtbot, window)
    assert _labels(outline.model)[-1] == "  − Too costly"
    window.session.push(ChangeNode("c2", label="Costly"))
    assert _labels(outline.model)[-1] == "  − Costly"


def test_outline_selection_syncs_both_ways_and_arrows_navigate(qtbot, window):
    outline = window.panels.outline
    session = window.session
    session.select(["c2"])
    assert outline.current_node() == "c2"
    outline.tree.setFocus()
    qtbot.keyClick(outline.tree, Qt.Key.Key_Down)
    assert session.selection == ("c3",)
    qtbot.keyClick(outline.tree, Qt.Key.Key_Up)
    qtbot.keyClick(outline.tree, Qt.Key.Key_Up)
    assert session.selection == ("c1",)


# ------------------------------------------------------------- another session
def test_panels_follow_a_replaced_session(qtbot, window):
    old = window.session
    new = MapSession(small_map(), parent=window)
    new.push(ChangeNode("p1", label="Open every day"))
    window.panels.set_session(new)
    assert _labels(window.panels.outline.model)[0] == "Open every day"
    old.push(ChangeNode("p1", label="Ignored"))
    settle(qtbot, window)
    assert _labels(window.panels.outline.model)[0] == "Open every day"
    window.panels.set_session(None)
    assert not window.panels.inspector.isEnabled()
    assert window.panels.outline.model.rowCount() == 0
