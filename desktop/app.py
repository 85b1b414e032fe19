"""Starting the Qt application: one QApplication, the main window, the files to open."""

from __future__ import annotations

import builtins
import gc
import sys
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from desktop.icons import APP_ID
from mapping import __version__

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

    from mapping.model import ArgumentMap
# PySide6 is imported where used: run_application reads the maps first (see there).

DOCUMENT_SUFFIXES = (".txt", ".md", ".markdown", ".html", ".htm")
"""Files the window imports as source documents; any other file is opened as a map."""


def application() -> QApplication:
    """The QApplication, created with DebateMap's names (QSettings and autosave use them)."""
    from PySide6.QtWidgets import QApplication

    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DebateMap")
    app.setOrganizationName("DebateMap")
    app.setOrganizationDomain("debatemap.org")
    app.setApplicationVersion(__version__)
    # The id that lets the desktop match windows to the entry (and so find the icon there);
    # the icon itself is set by run_application after the first paint (start-up time).
    app.setDesktopFileName(APP_ID)
    if app.platformName() == "offscreen":
        # Qt's offscreen platform crashes at exit while its clipboard holds data; real
        # platforms keep the clipboard for other programs, so only this one is cleared.
        app.aboutToQuit.connect(lambda: app.clipboard().clear())
    return app  # type: ignore[return-value]


def run_application(files: Sequence[str], *, debug: bool = False) -> int:
    """Open a window per map file (or the bundled example) and run until the last one closes.

    The first paint comes first: each window is built once, on its loaded map, and what can
    wait (the side panels and other tools, the recent-files list, the search for autosaves to
    recover) runs after it.
    """
    # Until the first paint Python's cyclic garbage collector only walks the classes, enums
    # and functions being created, none of them garbage: it cost ~5 ms of start-up. It runs
    # again once the window is painted (or if start-up fails).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _run_application(files, debug, resume_collecting=gc.enable if collecting else None)
    finally:
        if collecting:
            gc.enable()


def _run_application(
    files: Sequence[str], debug: bool, resume_collecting: Callable[[], None] | None
) -> int:
    from mapping.errors import MappingError
    from mapping.formats.debatemap import load_map
    from mapping.resources import example_map_path

    paths = [Path(f) for f in files]
    maps = [p for p in paths if p.suffix.lower() not in DOCUMENT_SUFFIXES] or (
        [] if paths else [example_map_path()]
    )
    documents = [p for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES]
    # The maps are read before Qt is imported. Besides being the first thing to do, it is
    # cheaper: PySide6 hooks every later import and reads its source (~3 ms for the core).
    loaded: list[tuple[Path, ArgumentMap | None]] = []
    for path in maps:
        try:
            loaded.append((path, load_map(path)))
        except (MappingError, OSError):
            loaded.append((path, None))

    import PySide6.QtWidgets  # noqa: F401  (before plain_imports: it installs the hook)

    with plain_imports():
        from desktop.main_window import MainWindow, remember_recent
        from desktop.session import MapSession

    app = application()
    _apply_stored_style()
    windows: list[MainWindow] = []
    opened: list[Path] = []
    for path, argument_map in loaded:
        if argument_map is None:
            window = MainWindow()
            window.show()
            window.open_file(path)  # shows the error over an empty map, the usual way
        else:
            window = MainWindow(MapSession(argument_map, path), tools_later=True)
            window.show()
            opened.append(path)
        windows.append(window)
    if not windows:
        window = MainWindow()
        window.show()
        windows.append(window)
    if documents:
        windows[-1].add_tools()  # the import wizard comes with them
        windows[-1].import_documents(documents)
    for window in windows:
        window.view.zoom_to_read()

    def after_first_paint() -> None:
        if resume_collecting is not None:
            resume_collecting()
        from shiboken6 import isValid

        from desktop.icons import app_icon

        app.setWindowIcon(app_icon())  # every window, present and future
        for window in windows:
            if isValid(window):  # (not closed in the blink before)
                window.add_tools()
        for path in opened:
            remember_recent(path)
        _offer_recovery(windows[0])

    call_after_first_paint(windows[0].view.viewport(), after_first_paint)
    return app.exec()


@contextmanager
def plain_imports() -> Iterator[None]:
    """Import DebateMap's own modules through Python's import, not PySide's hook around it.

    Once loaded, PySide replaces ``builtins.__import__`` with a hook for its ``__feature__``
    switches (snake_case names, true properties): it runs Python code on every import statement
    and reads the source of every new module to see whether it mentions PySide. DebateMap uses
    no such switch, and for the first window's modules the hook costs about 5 ms of start-up.
    Where PySide keeps no original import (another version), nothing changes.
    """
    hooked = builtins.__import__
    builtins.__import__ = getattr(builtins, "__orig_import__", hooked)
    try:
        yield
    finally:
        builtins.__import__ = hooked


def _apply_stored_style() -> None:
    """A stored dark or high-contrast theme, or font size, for the whole first frame.

    The settings dialog comes with the tools after the first paint; without this the menus
    and panel frames would flash light before turning dark. The light default costs nothing.
    """
    from PySide6.QtCore import QSettings

    store = QSettings()
    if str(store.value("theme", "light")) == "light" and not store.value("fontSize"):
        return
    from desktop.dialogs.settings_dialog import AppSettings, apply_settings

    apply_settings(AppSettings.load(), [])


def call_after_first_paint(widget: QWidget, callback: Callable[[], object],
                           latest_ms: int = 2000) -> None:  # fmt: skip
    """Run ``callback`` once ``widget`` has been painted (or after ``latest_ms`` at most)."""
    from PySide6.QtCore import QEvent, QObject, QTimer

    class Watcher(QObject):
        done = False

        def eventFilter(self, watched: QObject, event: QEvent) -> bool:
            if event.type() == QEvent.Type.Paint:
                QTimer.singleShot(0, self.fire)
            return False

        def fire(self) -> None:
            if not self.done:
                self.done = True
                widget.removeEventFilter(self)
                self.deleteLater()
                callback()

    watcher = Watcher(widget)
    widget.installEventFilter(watcher)
    QTimer.singleShot(latest_ms, watcher.fire)


def _offer_recovery(window) -> None:
    """After a crash: offer each autosaved map that no running DebateMap owns."""
    from PySide6.QtWidgets import QMessageBox

    from desktop.autosave import find_recoverable

    for found in find_recoverable():
        answer = QMessageBox.question(
            window,
            "Recover unsaved changes?",
            f"DebateMap did not close normally. Recover the unsaved changes to {found.describe()}?",
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
        )
        if answer == QMessageBox.StandardButton.Yes:
            target = window if not window.session.is_modified else window.new_window()
            target.recover(found.map_path, found.original)
        # The recovered map is modified, so its window autosaves it again under its own name.
        found.discard()
