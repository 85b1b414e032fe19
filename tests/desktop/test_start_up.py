"""What `debatemap` does when it starts: one window on the example, the slow parts deferred."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from PySide6.QtGui import QFont, QIcon
from PySide6.QtWidgets import QApplication, QDockWidget, QWidget

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def built(monkeypatch) -> list:
    """Every MainWindow built from here on (and no offer to recover autosaves)."""
    from desktop import app as app_module
    from desktop import main_window

    windows: list[main_window.MainWindow] = []
    original_init = main_window.MainWindow.__init__

    def recording_init(self, *args, **kwargs):
        windows.append(self)
        original_init(self, *args, **kwargs)

    monkeypatch.setattr(main_window.MainWindow, "__init__", recording_init)
    monkeypatch.setattr(app_module, "_offer_recovery", lambda window: None)
    return windows


def test_callback_runs_after_the_first_paint(qtbot):
    from desktop.app import call_after_first_paint

    calls: list[bool] = []
    widget = QWidget()
    qtbot.addWidget(widget)
    painted: list[bool] = []
    original = widget.paintEvent
    widget.paintEvent = lambda event: (painted.append(True), original(event))
    call_after_first_paint(widget, lambda: calls.append(bool(painted)))
    QApplication.processEvents()
    assert calls == []  # not before the widget is shown and painted
    widget.show()
    qtbot.waitUntil(lambda: calls == [True])


def test_run_application_opens_the_example_once_and_remembers_it_later(qtbot, monkeypatch, built):
    from desktop import app as app_module
    from desktop import main_window
    from mapping.resources import example_map_path

    recovery: list[object] = []
    monkeypatch.setattr(app_module, "_offer_recovery", recovery.append)
    remembered_at_exec: list[list[str]] = []
    collecting: list[bool] = []

    def fake_exec(self) -> int:
        remembered_at_exec.append(main_window.recent_files())
        collecting.append(gc.isenabled())  # built and shown, not painted yet
        qtbot.waitUntil(lambda: bool(recovery))
        collecting.append(gc.isenabled())
        return 0

    main_window.settings().remove("recentFiles")
    monkeypatch.setattr(QApplication, "exec", fake_exec)
    assert app_module.run_application([]) == 0
    (window,) = built
    try:
        assert window.session.path == example_map_path()
        assert len(list(window.scene.node_items())) == len(window.session.map.nodes) > 0
        assert remembered_at_exec == [[]]  # not written before the window could paint
        assert recovery == [window]
        assert main_window.recent_files() == [str(example_map_path().resolve())]
        assert collecting == [False, True] and gc.isenabled()  # no collector before the paint
    finally:
        window.close()


def test_a_failed_start_turns_the_garbage_collector_back_on(monkeypatch, built):
    from desktop import app as app_module

    def broken_application():
        assert not gc.isenabled()
        raise RuntimeError("no display")

    monkeypatch.setattr(app_module, "application", broken_application)
    with pytest.raises(RuntimeError, match="no display"):
        app_module.run_application([])
    assert gc.isenabled() and built == []


def _printed_by_fresh_interpreter(code: str) -> list[str]:
    """The lines ``code`` prints in a new Python (start-up state can't be seen in this one),
    with settings of its own (a start records the example in the recent files)."""
    with tempfile.TemporaryDirectory(prefix="debatemap-start-") as home:
        env = dict(os.environ, XDG_CONFIG_HOME=home, XDG_DATA_HOME=home)
        out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                             cwd=REPO, check=True, timeout=120, env=env)  # fmt: skip
    return out.stdout.strip().splitlines()


def test_start_up_imports_no_heavy_or_unused_module():
    code = (
        "import os, sys; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "from PySide6.QtCore import QTimer\n"
        "from desktop.app import application\n"
        "app = application(); QTimer.singleShot(0, app.quit)\n"
        "from desktop.cli import main\n"
        "main([])\n"
        "names = ('networkx', 'pydot', 'yaml', 'syntok', 'desktop.render', 'desktop.welcome',"
        " 'mapping.seeding', 'mapping.layout', 'mapping.formats.registry', 'desktop.panels',"
        " 'desktop.evaluation', 'desktop.export_actions', 'desktop.teaching_actions',"
        " 'mapping.semantics')\n"
        "print(sorted(m for m in sys.modules if m in names or '.commands.' in m))\n"
    )
    assert _printed_by_fresh_interpreter(code)[-1] == "[]"


def test_the_first_frame_is_built_without_the_costly_parts_it_does_not_draw():
    """Guards the start-up savings measured in docs/BENCHMARKS.md: the maps are read before Qt
    is imported, and at the first paint no QIcon or QGradient class (PySide6 builds their big
    enums on first touch) nor QStandardPaths (autosave), no overlay or Evaluate module and no desktop dataclass exist yet, and
    PySide's import hook has not read the window's modules (desktop.app.plain_imports)."""
    code = (
        "import os, sys, dataclasses; os.environ['QT_QPA_PLATFORM'] = 'offscreen'\n"
        "import desktop.app\n"
        "def report():\n"
        "    from PySide6 import QtGui\n"
        "    from PySide6.QtWidgets import QApplication\n"
        "    order = list(sys.modules)\n"
        "    print('core first', order.index('mapping.model.records') < order.index('PySide6'))\n"
        "    from PySide6 import QtCore\n"
        "    print('classes', sorted(set(vars(QtGui)) & {'QIcon', 'QGradient'}),"
        " sorted(set(vars(QtCore)) & {'QStandardPaths'}))\n"
        "    print('modules', sorted(m for m in ('desktop.canvas.overlays',"
        " 'desktop.canvas.verdicts') if m in sys.modules))\n"
        "    print('dataclasses', sorted(f'{m}.{n}' for m, mod in list(sys.modules.items())"
        " if m.startswith('desktop') for n, v in vars(mod).items()"
        " if isinstance(v, type) and dataclasses.is_dataclass(v) and v.__module__ == m))\n"
        "    scanned = sys.modules['shibokensupport.feature'].pyside_feature_dict\n"
        "    print('scanned', sorted(m for m in scanned if m.startswith('desktop.')))\n"
        "    QApplication.closeAllWindows()\n"
        "hook = desktop.app.call_after_first_paint\n"
        "desktop.app.call_after_first_paint = lambda widget, tools: hook(widget, report)\n"
        "from desktop.cli import main\n"
        "main([])\n"
    )
    assert _printed_by_fresh_interpreter(code)[-5:] == [
        "core first True", "classes [] []", "modules []", "dataclasses []", "scanned []",
    ]  # fmt: skip


def test_the_side_panels_arrive_after_the_first_paint_exactly_where_their_frames_were(
    qtbot, monkeypatch, built
):
    from PySide6.QtCore import QEvent, QObject

    from desktop import app as app_module

    first_frame: dict[str, object] = {}

    class FirstPaint(QObject):
        def eventFilter(self, watched, event) -> bool:
            if event.type() == QEvent.Type.Paint and not first_frame:
                window = built[0]
                first_frame["tools"] = window.has_tools
                first_frame["icon"] = QApplication.windowIcon().isNull()
                first_frame["canvas"] = window.view.geometry()
                first_frame["frames"] = {k: f.geometry() for k, f in window._frames.items()}
                first_frame["titles"] = {k: f.windowTitle() for k, f in window._frames.items()}
            return False

    watcher = FirstPaint()

    def fake_exec(self) -> int:
        window = built[0]
        window.view.viewport().installEventFilter(watcher)
        qtbot.waitUntil(lambda: window.has_tools, timeout=5000)
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    QApplication.setWindowIcon(QIcon())
    assert app_module.run_application([]) == 0
    (window,) = built
    try:
        assert first_frame["tools"] is False  # the first paint came before the panels
        assert first_frame["icon"] is True and not QApplication.windowIcon().isNull()
        panels = window.panels
        for key, rect in first_frame["frames"].items():
            dock = getattr(panels, key)
            assert dock.geometry() == rect, key  # nothing moved when the panels came
            assert dock.windowTitle() == first_frame["titles"][key]
            assert dock.isVisible() and dock.toggleViewAction() in window.menus["panels"].actions()
        assert window.view.geometry() == first_frame["canvas"]
        left = [d for d in window.findChildren(QDockWidget) if d.windowTitle() == "Documents"]
        assert left == [panels.documents]  # the frames are gone, not hidden
        assert "export_picture" in window.actions and "evaluate" in window.actions
    finally:
        window.close()


def test_a_stored_dark_theme_styles_the_first_frame_not_only_the_later_panels(
    qtbot, monkeypatch, built
):
    from PySide6.QtCore import QSettings
    from PySide6.QtGui import QPalette

    from desktop import app as app_module

    at_exec: list[tuple[int, float, str]] = []

    def fake_exec(self) -> int:  # before the event loop: what the first paint will use
        at_exec.append((
            QApplication.palette().color(QPalette.ColorRole.Window).value(),
            QApplication.font().pointSizeF(),
            built[0].scene.theme.name,
        ))  # fmt: skip
        qtbot.waitUntil(lambda: built[0].has_tools, timeout=5000)
        return 0

    monkeypatch.setattr(QApplication, "exec", fake_exec)
    store = QSettings("DebateMap", "DebateMap")  # the names run_application gives the app
    store.setValue("theme", "dark")
    store.setValue("fontSize", 15.0)
    light = QApplication.palette()
    try:
        assert app_module.run_application([]) == 0
        window_value, font_size, canvas_theme = at_exec[0]
        assert window_value < 100  # menus and panel frames dark already, before the tools came
        assert font_size == 15.0 and canvas_theme == "dark"
    finally:
        store.remove("theme")
        store.remove("fontSize")
        QApplication.setPalette(light)
        QApplication.setFont(QFont())
        for window in built:
            window.close()
