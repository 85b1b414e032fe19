"""Starting the Qt application: one QApplication, the main window, the files to open."""

from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtWidgets import QApplication, QMessageBox

from desktop.icons import APP_ID, app_icon
from mapping import __version__


def application() -> QApplication:
    """The QApplication, created with DebateMap's names (QSettings and autosave use them)."""
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DebateMap")
    app.setOrganizationName("DebateMap")
    app.setOrganizationDomain("debatemap.org")
    app.setApplicationVersion(__version__)
    # The icon for every window, and the id that lets the desktop match windows to the entry.
    app.setWindowIcon(app_icon())
    app.setDesktopFileName(APP_ID)
    return app  # type: ignore[return-value]


def run_application(files: Sequence[str], *, debug: bool = False) -> int:
    """Open a window per map file (or the bundled example) and run until the last one closes."""
    from desktop.main_window import DOCUMENT_SUFFIXES, MainWindow
    from mapping.resources import example_map_path

    app = application()
    paths = [Path(f) for f in files]
    maps = [p for p in paths if p.suffix.lower() not in DOCUMENT_SUFFIXES] or (
        [] if paths else [example_map_path()]
    )
    documents = [p for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES]
    windows: list[MainWindow] = []
    for path in maps:
        window = MainWindow()
        window.show()
        window.open_file(path)  # a bad file shows its error over an empty map
        windows.append(window)
    if not windows:
        window = MainWindow()
        window.show()
        windows.append(window)
    if documents:
        windows[-1].import_documents(documents)
    for window in windows:
        window.view.zoom_fit()
    _offer_recovery(windows[0])
    return app.exec()


def _offer_recovery(window) -> None:
    """After a crash: offer each autosaved map that no running DebateMap owns."""
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
