"""Fixtures for GUI tests: an isolated settings/autosave folder, windows, and a leak check."""

from __future__ import annotations

import gc
import os
import tempfile
from pathlib import Path

import pytest

# Keep QSettings and the autosave folder away from the real user's (read when Qt asks, so set
# before any test creates the QApplication).
_HOME = Path(tempfile.mkdtemp(prefix="debatemap-tests-"))
os.environ["XDG_CONFIG_HOME"] = str(_HOME / "config")
os.environ["XDG_DATA_HOME"] = str(_HOME / "data")

from PySide6.QtCore import QCoreApplication, QEvent  # noqa: E402
from PySide6.QtWidgets import QApplication, QMessageBox  # noqa: E402

from mapping.model import ArgumentMap  # noqa: E402


@pytest.fixture(autouse=True)
def _app_names(qapp):
    qapp.setApplicationName("DebateMap")
    qapp.setOrganizationName("DebateMapTests")
    return qapp


@pytest.fixture(autouse=True)
def no_leaked_windows(qapp):
    """Fail a test that leaves a top-level widget behind (pytest-qt closes registered ones)."""
    before = set(map(id, QApplication.topLevelWidgets()))
    yield
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        qapp.processEvents()
    leaked = [
        w for w in QApplication.topLevelWidgets() if id(w) not in before and w.isVisible()
    ] + [
        w
        for w in QApplication.topLevelWidgets()
        if id(w) not in before and type(w).__name__ == "MainWindow"
    ]
    assert not leaked, f"test leaked top-level widgets: {leaked}"


def small_map() -> ArgumentMap:
    """A position with a supporting claim, an objection and a loose claim, laid out by hand."""
    m = ArgumentMap("Test map")
    m.add_node(id="p1", kind="position", label="Build the bridge", x=0.0, y=0.0, color="#0072B2")
    m.add_node(id="c1", label="It shortens the commute", speaker="Ana", x=-200.0, y=200.0)
    m.add_node(id="c2", label="It costs too much", speaker="Ben", x=200.0, y=200.0)
    m.add_node(id="c3", label="Traffic will grow anyway", x=0.0, y=400.0)
    m.add_edge("c1", "p1", "support", id="e1")
    m.add_edge("c2", "p1", "attack", id="e2", origin="seeded", confidence=0.6, reason="cue word")
    return m


@pytest.fixture
def argument_map() -> ArgumentMap:
    return small_map()


@pytest.fixture
def open_window(qtbot):
    """Opens a main window on a map, shown and exposed, that no save prompt can block."""
    from desktop.main_window import MainWindow
    from desktop.session import MapSession

    def open_(argument_map: ArgumentMap) -> MainWindow:
        win = MainWindow(MapSession(argument_map))
        # pytest-qt closes windows before fixtures tear down: never let a save prompt block it.
        win._ask_save_changes = lambda: QMessageBox.StandardButton.Discard
        qtbot.addWidget(win)
        win.show()
        qtbot.waitExposed(win)
        return win

    return open_


@pytest.fixture
def window(open_window, argument_map):
    win = open_window(argument_map)
    win.view.zoom_actual()
    win.view.centerOn(0.0, 200.0)
    return win


@pytest.fixture(autouse=True)
def _empty_clipboard_after_test(qapp):
    """Qt's offscreen platform crashes at exit (SIGSEGV) while its clipboard holds data.

    Real displays do not (checked under Xvfb with xcb); the app clears it when it quits on the
    offscreen platform too (desktop.app.application).
    """
    yield
    qapp.clipboard().clear()


@pytest.fixture(autouse=True)
def _collect_garbage_after_test():
    """Free each test's reference cycles right after it (its windows are closed by then).

    A wrapper PySide frees wrongly crashes the garbage collector whenever it next runs; at a
    random later test, that is a flaky SIGSEGV. Collecting here makes it the test's own crash.
    """
    yield
    gc.collect()
