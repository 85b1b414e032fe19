"""Plugging the welcome page, the import wizard and the settings dialog into the main window.

Only the window's published extension points are used: ``central_stack``, ``show_canvas``,
``menus``, ``set_session``, ``sessionChanged``, ``document_importer`` and the file actions.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence

from desktop.session import MapSession


def is_blank(session: MapSession | None) -> bool:
    """A session nobody has used: no file, nothing in the map, nothing to undo."""
    return (
        session is None
        or (session.path is None and not session.map.nodes and not session.map.documents
            and session.undo_stack.count() == 0)
    )  # fmt: skip


def is_untouched_example(session: MapSession | None) -> bool:
    """The bundled example map, opened and not changed."""
    from mapping.resources import example_map_path

    if session is None or session.path is None or session.is_modified:
        return False
    try:
        return session.path.resolve() == Path(example_map_path()).resolve()
    except OSError:
        return False


def install_welcome(window: Any) -> Any:
    """Show the welcome page while the window's map is blank; any edit or opened map hides it.

    A window that starts on a map never shows the page, so it is not built (start-up time).
    """
    stack = getattr(window, "central_stack", None)
    if stack is None or not is_blank(window.session):
        window.welcome_page = None
        return None
    from desktop.welcome import WelcomePage

    page = WelcomePage(window)
    stack.addWidget(page)
    window.welcome_page = page
    recent = _recent_files()
    page.set_recent_files(recent)

    def example() -> None:
        from mapping.resources import example_map_path

        window.open_file(example_map_path())

    page.openExample.connect(example)
    page.importDocuments.connect(window.import_dialog)
    page.newMap.connect(window.show_canvas)
    page.openMap.connect(window.open_dialog)
    page.openRecent.connect(lambda path: window.open_file(Path(path)))

    page.mapEdited.connect(window.show_canvas)

    def follow(session: MapSession) -> None:
        session.undo_stack.indexChanged.connect(page.on_map_edited)

    follow(window.session)
    window.sessionChanged.connect(follow)
    hidden_docks: list[Any] = []

    def page_changed(_index: int) -> None:
        # Empty panels beside the welcome page are only clutter: hide them while it shows.
        if stack.currentWidget() is page:
            hidden_docks[:] = [d for d in getattr(window, "docks", []) if not d.isHidden()]
            for dock in hidden_docks:
                dock.hide()
        else:
            for dock in hidden_docks:
                dock.show()
            hidden_docks.clear()

    stack.currentChanged.connect(page_changed)
    stack.setCurrentWidget(page)
    return page


def _recent_files() -> list[str]:
    try:
        from desktop.main_window import recent_files
    except ImportError:
        return []
    return recent_files()


def run_import_wizard(window: Any, paths: list[Path]) -> None:
    """The window's ``document_importer``: the wizard, window-modal; applied as one undo step."""
    from desktop.dialogs.import_wizard import ImportWizard, apply_import

    blank = is_blank(window.session)
    # The example a first start shows is not the user's map: a new map replaces it by default.
    replaceable = blank or is_untouched_example(window.session)
    wizard = ImportWizard(window, paths, can_add=not blank)
    if replaceable:
        wizard.choose_page.new_map.setChecked(True)
    wizard.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)

    def accepted() -> None:
        target = None if wizard.creates_new_map else window.session
        session = apply_import(wizard, target)
        if session is window.session:
            return
        if replaceable and not window.session.is_modified:
            window.set_session(session)
        else:
            other = window.new_window()
            other.set_session(session)

    wizard.accepted.connect(accepted)
    wizard.open()
    window.import_wizard = wizard


def install_settings(window: Any) -> QAction:
    """Edit ▸ Settings…; the stored settings restyle this window now."""
    from desktop.dialogs.settings_dialog import AppSettings, SettingsDialog

    action = QAction("Se&ttings…", window)
    action.setShortcut(QKeySequence.StandardKey.Preferences)
    action.setMenuRole(QAction.MenuRole.PreferencesRole)
    action.setStatusTip("Theme, font size and relation colours")

    def show() -> None:
        dialog = SettingsDialog(window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        window.settings_dialog = dialog

    action.triggered.connect(show)
    menus = getattr(window, "menus", {})
    if "edit" in menus:
        menus["edit"].addSeparator()
        menus["edit"].addAction(action)
    if hasattr(window, "actions") and isinstance(window.actions, dict):
        window.actions["settings"] = action
    # The stored palette and font are the application's, applied once at start-up
    # (desktop.app.run_application); the canvas also takes the stored relation colours.
    if hasattr(window, "set_theme"):
        window.set_theme(AppSettings.load().to_theme())
    return action
