"""A window deleted without being closed must not run Python into dead Qt objects."""


def test_deleting_an_unclosed_window_with_a_selection_raises_nothing(qtbot):
    """Qt's scene destructor emits selectionChanged; the editor must not call into the dead scene."""
    import shiboken6

    from desktop.main_window import MainWindow
    from mapping.resources import example_map_path

    window = MainWindow()
    window.open_file(example_map_path())
    window.session.select(["n1"])
    assert window.scene.selected_ids() == ["n1"]
    shiboken6.delete(window)  # pytest-qt fails the test if a slot raises during destruction


def test_the_window_remembers_its_geometry(qtbot):
    from desktop.main_window import MainWindow

    first = MainWindow()  # closed (and so deleted) by the test itself, not by qtbot
    first.resize(700, 500)
    first.move(30, 40)
    first.show()
    remembered = first.size()  # what the window really took (its docks may need more height)
    assert remembered.width() == 700
    first.close()
    second = MainWindow()
    try:
        assert second.size() == remembered
    finally:
        second.close()


def test_open_reads_every_registered_format(qtbot, tmp_path):
    """File ▸ Open takes Argdown (or any registered format) as well as .debatemap."""
    from desktop.main_window import MainWindow, _is_openable, _readable_map_filters

    source = tmp_path / "debate.argdown"
    source.write_text("[Peace]: We should talk.\n  - [War]: Talks failed.\n", encoding="utf-8")
    window = MainWindow()
    try:
        assert window.open_file(source)
        labels = {n.label or n.text for n in window.session.map.nodes.values()}
        assert {"Peace", "War"} <= labels or {"We should talk.", "Talks failed."} <= labels
        assert len(window.session.map.edges) == 1
    finally:
        window.close()
    assert _is_openable(str(source)) and _is_openable("x.ova.json") and not _is_openable("x.exe")
    assert "*.argdown" in _readable_map_filters()[0]


_CLOSE_WITH_HISTORY = """
import gc
from PySide6.QtWidgets import QApplication, QMessageBox
from mapping.model import ChangeNode
from desktop.main_window import MainWindow
from desktop.session import MapSession
from tests.desktop.conftest import small_map

app = QApplication([])
for _ in range(12):
    windows = []
    for _ in range(4):
        window = MainWindow(MapSession(small_map()))
        window._ask_save_changes = lambda: QMessageBox.StandardButton.Discard
        window.show()
        for step in range(5):
            window.session.push(ChangeNode("c1", x=10.0 * step))
        windows.append(window)
    for window in windows:
        window.close()
    app.processEvents()  # the closed windows are deleted
    del windows, window
    gc.collect()  # their sessions are in cycles: only the collector frees them
    churn = [bytearray(48) for _ in range(5000)]  # reuse the freed memory
print("done")
"""


def test_closed_windows_with_undo_history_are_freed_without_a_crash(tmp_path):
    """A closed window's session, freed by the garbage collector, used to crash the program:
    PySide freed a command of its history and the QUndoStack deleted it again (SIGSEGV).
    Run in a fresh interpreter, so a crash fails this test instead of ending the run."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    repo = Path(__file__).resolve().parents[2]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(repo))
    result = subprocess.run(
        [sys.executable, "-c", _CLOSE_WITH_HISTORY], cwd=repo, env=env,
        capture_output=True, text=True, timeout=300,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.strip().endswith("done")
