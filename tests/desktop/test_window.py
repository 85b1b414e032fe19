"""The main window driven as a user would: mouse, keys, menus, files, autosave."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from canvas_mouse import send_mouse
from PySide6.QtCore import QEvent, QMimeData, QPoint, QPointF, Qt, QUrl
from PySide6.QtGui import QDropEvent
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.autosave import find_recoverable
from desktop.main_window import MainWindow
from mapping.formats.debatemap import load_map, save_map

REPO = Path(__file__).resolve().parents[2]


def drag(view, start, end, modifiers=Qt.KeyboardModifier.NoModifier, steps=5):
    send_mouse(view, QEvent.Type.MouseButtonPress, start, modifiers=modifiers)
    for i in range(1, steps + 1):
        t = i / steps
        point = QPointF(
            start.x() + (end.x() - start.x()) * t, start.y() + (end.y() - start.y()) * t
        )
        send_mouse(view, QEvent.Type.MouseMove, point, modifiers=modifiers)
    send_mouse(view, QEvent.Type.MouseButtonRelease, end, modifiers=modifiers)


def test_title_shows_modified_marker_and_counts(window, qtbot):
    assert "Test map" in window.windowTitle() and not window.isWindowModified()
    window.editor.add_node(0, 0, "claim", "x")
    assert window.isWindowModified()
    qtbot.waitUntil(lambda: "5 other nodes" not in window.counts_label.text()
                    and "4 other nodes" in window.counts_label.text())  # fmt: skip
    assert window.actions["undo"].text().replace("&", "") == "Undo Add Claim"


def test_mouse_drag_moves_selection_as_one_step(window):
    view, scene = window.view, window.scene
    window.editor.select(["c1", "c2"])
    start = scene.node_item("c1").pos() + QPointF(0, 10)
    drag(view, start, start + QPointF(60, 40))
    assert window.session.undo_stack.count() == 1
    assert window.actions["undo"].text().replace("&", "") == "Undo Move 2 Claims"
    c1, c2 = window.session.map.node("c1"), window.session.map.node("c2")
    assert (c1.x, c1.y) == (-140.0, 240.0) and (c2.x, c2.y) == (260.0, 240.0)
    window.actions["undo"].trigger()
    assert scene.node_item("c1").pos() == QPointF(-200.0, 200.0)


def test_click_selects_and_rubber_band_selects_many(window):
    view, scene = window.view, window.scene
    point = scene.node_item("c3").pos()
    send_mouse(view, QEvent.Type.MouseButtonPress, point)
    send_mouse(view, QEvent.Type.MouseButtonRelease, point)
    assert window.session.selection == ("c3",)
    drag(view, QPointF(-320, 130), QPointF(330, 260))
    assert {"c1", "c2"} <= set(window.session.selection)
    assert "c3" not in window.session.selection


def test_drag_from_handle_connects_and_shift_makes_attack(window):
    view, scene = window.view, window.scene
    c3 = scene.node_item("c3")
    handle = c3.mapToScene(c3.handle_center())
    drag(view, handle, scene.node_item("c2").pos())
    (edge,) = window.session.map.out_edges("c3")
    assert (edge.target, edge.relation) == ("c2", "support")
    drag(view, handle, scene.node_item("c1").pos(), modifiers=Qt.KeyboardModifier.ShiftModifier)
    relations = {(e.target, e.relation) for e in window.session.map.out_edges("c3")}
    assert ("c1", "attack") in relations
    assert window.actions["undo"].text().replace("&", "") == "Undo Add Attack"


def test_double_click_creates_claim_and_typing_sets_label(window, qtbot):
    view = window.view
    point = QPointF(view.mapFromScene(QPointF(300.0, 420.0)))
    QTest.mouseDClick(view.viewport(), Qt.MouseButton.LeftButton, pos=point.toPoint())
    new = [n for n in window.session.map.nodes if n not in ("p1", "c1", "c2", "c3")]
    assert len(new) == 1
    assert view.label_editor is not None
    QTest.keyClicks(view.label_editor, "Bridges <b>rust</b>")
    QTest.keyClick(view.label_editor, Qt.Key.Key_Return)
    assert window.session.map.node(new[0]).label == "Bridges <b>rust</b>"
    assert view.label_editor is None


def test_label_editor_stays_on_its_box_when_the_scene_grows(window, qtbot):
    """A claim added at the bottom of a map smaller than the view grows the scene, and the view
    re-aligns it without scrolling: the editor must follow its box all the same."""
    view = window.view
    view.zoom_fit()
    qtbot.wait(10)
    bottom = view.mapToScene(
        view.viewport().rect().center().x(), view.viewport().rect().bottom() - 5
    )
    node = window.editor.add_node(bottom.x(), bottom.y(), "claim", edit=True)
    qtbot.wait(10)
    box = view.mapFromScene(window.scene.node_item(node.id).scene_box()).boundingRect()
    assert view.label_editor is not None
    assert view.label_editor.geometry().topLeft() == box.topLeft()


def test_keyboard_tab_enter_delete_and_undo(window, qtbot):
    view = window.view
    view.setFocus()
    window.editor.select(["p1"])
    QTest.keyClick(view, Qt.Key.Key_Tab)
    child = window.session.selection[0]
    assert window.session.map.out_edges(child)[0].target == "p1"
    view.close_label_editor(commit=False)
    QTest.keyClick(view, Qt.Key.Key_Tab, Qt.KeyboardModifier.ShiftModifier)
    objection = window.session.selection[0]
    assert window.session.map.out_edges(objection)[0].relation == "attack"
    view.close_label_editor(commit=False)
    QTest.keyClick(view, Qt.Key.Key_Up)
    assert window.session.selection == (child,)
    QTest.keyClick(view, Qt.Key.Key_Delete)
    assert child not in window.session.map.nodes
    count = len(window.session.map.nodes)
    window.actions["undo"].trigger()
    assert len(window.session.map.nodes) == count + 1
    window.actions["redo"].trigger()
    assert child not in window.session.map.nodes


def test_find_highlights_matches(window):
    window.actions["find"].trigger()
    assert window.view.find_bar.isVisible()
    QTest.keyClicks(window.view.find_bar.field, "the")
    assert set(window.view.found) == {"p1", "c1"}
    assert window.scene.node_item("p1").highlighted
    assert not window.scene.node_item("c2").highlighted
    assert window.view.find_next() in {"p1", "c1"}
    window.view.clear_find()
    assert not window.scene.node_item("p1").highlighted


def test_zoom_actions(window):
    window.actions["zoom_in"].trigger()
    assert window.view.zoom > 1.0
    assert window.zoom_label.text() == f"{window.view.zoom * 100:.0f} %"
    window.actions["zoom_actual"].trigger()
    assert window.view.zoom == 1.0
    window.actions["zoom_fit"].trigger()
    visible = window.view.mapToScene(window.view.viewport().rect()).boundingRect()
    assert visible.contains(window.scene.node_item("c3").scene_box())


def test_save_then_reopen_gives_the_same_map(window, tmp_path, monkeypatch):
    path = tmp_path / "bridge.debatemap"
    monkeypatch.setattr(window, "_choose_save_path", lambda: str(path))
    window.editor.add_node(10, 10, "claim", "extra")
    assert window.save()
    assert not window.isWindowModified()
    assert load_map(path) == window.session.map
    assert window.open_file(path)
    assert window.session.path == path and window.session.map == load_map(path)


def test_bad_file_shows_error_and_keeps_map(window, tmp_path, monkeypatch):
    bad = tmp_path / "broken.debatemap"
    bad.write_text('{"format": "debatemap", "version": 1, "nodes": [{"id": 3}]}', "utf-8")
    before = window.session
    assert not window.open_file(bad)
    assert window.session is before and "c1" in window.session.map.nodes
    assert "broken.debatemap" in window.last_error and "nodes" in window.last_error
    for box in window.findChildren(QMessageBox):
        box.close()


def test_close_with_unsaved_changes_asks(qtbot, argument_map, monkeypatch):
    from desktop.session import MapSession

    win = MainWindow(MapSession(argument_map))
    win.show()  # not given to qtbot: the test closes (and so deletes) it itself
    win.editor.add_node(0, 0)
    answers = iter([QMessageBox.StandardButton.Cancel, QMessageBox.StandardButton.Discard])
    asked = []
    monkeypatch.setattr(win, "_ask_save_changes", lambda: asked.append(1) or next(answers))
    assert not win.close()
    assert win.isVisible()
    with qtbot.waitSignal(win.destroyed):
        assert win.close()
    assert len(asked) == 2


def test_autosave_and_recovery(window, qtbot):
    window.editor.add_node(0, 0, "claim", "unsaved idea")
    assert window.autosaver.save_now()
    assert window.autosaver.map_path.exists()
    assert find_recoverable() == []  # this window still holds the lock
    window.autosaver._lock.unlock()  # as if DebateMap had crashed
    window.autosaver._lock = None
    (found,) = find_recoverable()
    other = MainWindow()
    other._ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    qtbot.addWidget(other)
    assert other.recover(found.map_path, found.original)
    assert other.session.map == window.session.map
    assert other.isWindowModified()
    found.discard()
    other.session.undo_stack.setClean()
    assert find_recoverable() == []


def test_drop_opens_maps_and_imports_documents(window, tmp_path, monkeypatch):
    path = tmp_path / "dropped.debatemap"
    save_map(load_map(REPO / "resources/examples/iran-debate.debatemap"), path)
    text = tmp_path / "speech.txt"
    text.write_text("A speech.", "utf-8")
    imported = []
    monkeypatch.setattr(MainWindow, "document_importer", lambda win, paths: imported.extend(paths))
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(path)), QUrl.fromLocalFile(str(text))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime,
                       Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # fmt: skip
    window.dropEvent(event)
    assert window.session.path == path and len(window.session.map.nodes) == 18
    assert imported == [text]


def test_dock_extension_point(window):
    from PySide6.QtWidgets import QDockWidget, QLabel

    dock = QDockWidget("Inspector")
    dock.setWidget(QLabel("hello"))
    window.add_dock(dock)
    assert dock.toggleViewAction() in window.menus["panels"].actions()
    seen = []
    window.sessionChanged.connect(seen.append)
    window.new_map() if not window.session.is_modified else None
    assert seen and seen[0] is window.session and not window.session.map.nodes
    assert window.scene.map is window.session.map


def test_start_up_does_not_import_networkx_pydot_yaml_or_syntok(tmp_path):
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM']='offscreen';"
        "from desktop.app import application; app = application();"
        "from desktop.main_window import MainWindow; w = MainWindow(); w.open_file("
        f"{str(REPO / 'resources/examples/iran-debate.debatemap')!r}); w.show(); app.processEvents();"
        "print(sorted(m for m in ('networkx', 'pydot', 'yaml', 'syntok') if m in sys.modules))"
    )
    # Its own settings: opening the file records it in the recent files, which the other tests'
    # settings must not see.
    env = dict(os.environ, XDG_CONFIG_HOME=str(tmp_path), XDG_DATA_HOME=str(tmp_path))
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO,
                         check=True, env=env)  # fmt: skip
    assert out.stdout.strip().splitlines()[-1] == "[]"


def test_view_context_menu_signal(window, qtbot):
    from PySide6.QtGui import QContextMenuEvent

    point = window.view.mapFromScene(window.scene.node_item("c2").pos())
    with qtbot.waitSignal(window.view.contextMenuRequested) as blocker:
        event = QContextMenuEvent(QContextMenuEvent.Reason.Mouse, point, QPoint(0, 0))
        QApplication.sendEvent(window.view.viewport(), event)
    assert blocker.args[2] == "c2"
    for menu in window.findChildren(__import__("PySide6.QtWidgets").QtWidgets.QMenu):
        if menu.isVisible():
            menu.close()
