"""The main window: the canvas in the middle, menus, toolbar, status bar, files and autosave.

Docks and dialogs built elsewhere plug in through :meth:`MainWindow.add_dock`, ``menus`` and
``actions`` (dicts by name), and the ``sessionChanged`` signal, which fires whenever the window
starts showing another map (New, Open, Recover): a dock follows ``window.session``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
)

from desktop.app import DOCUMENT_SUFFIXES, plain_imports
from desktop.autosave import Autosaver
from desktop.canvas.editor import MapEditor
from desktop.canvas.scene import MapScene
from desktop.canvas.theme import Theme, theme_named
from desktop.canvas.view import MapView
from desktop.dock_layout import reserve_frames
from desktop.session import MapSession
from mapping.errors import MappingError
from mapping.model import ArgumentMap

if TYPE_CHECKING:
    from PySide6.QtGui import QCloseEvent
    from PySide6.QtWidgets import QMessageBox
# QFileDialog and QMessageBox are imported where used: touching them costs start-up time.

MAP_FILTER = "DebateMap maps (*.debatemap)"
MAX_RECENT = 10
_open_windows: list[MainWindow] = []
"""Windows stay referenced here until they close (Python would otherwise collect them)."""


def settings() -> QSettings:
    return QSettings()


def recent_files() -> list[str]:
    value = settings().value("recentFiles", [])
    if isinstance(value, str):
        value = [value]
    return [str(v) for v in value or []]


def remember_recent(path: Path) -> None:
    files = [str(path.resolve())] + [f for f in recent_files() if f != str(path.resolve())]
    settings().setValue("recentFiles", files[:MAX_RECENT])


def theme_from_settings() -> Theme:
    store = settings()
    theme = theme_named(str(store.value("theme", "light")))
    size = store.value("fontSize")
    try:
        return theme.with_font_size(float(size)) if size else theme
    except (TypeError, ValueError):
        return theme


class MainWindow(QMainWindow):
    """One map in one window."""

    sessionChanged = Signal(object)
    """The window now shows another :class:`MapSession` (its scene and editor changed too)."""

    document_importer: Callable[[MainWindow, list[Path]], None] | None = None
    """Set by the import wizard: called with the .txt/.md/.html files a user opens or drops."""

    def __init__(
        self,
        session: MapSession | None = None,
        theme: Theme | None = None,
        *,
        tools_later: bool = False,
    ) -> None:
        """``tools_later``: build only what the first paint shows (the canvas, menus, toolbar,
        empty frames for the side panels); the caller runs :meth:`add_tools` after that paint.
        """
        super().__init__()
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setAcceptDrops(True)
        self.theme = theme or theme_from_settings()
        self.session = session or MapSession()
        self.scene = MapScene(self.session.map, self.theme, self)
        self.editor = MapEditor(self.session, self.scene, self)
        self.view = MapView(self.scene, self.editor, self)
        self.central_stack = QStackedWidget(self)
        """The canvas is page 0; a welcome page or other full-size pages can be added."""
        self.central_stack.addWidget(self.view)
        self.setCentralWidget(self.central_stack)
        self.actions: dict[str, QAction] = {}
        self.menus: dict[str, QMenu] = {}
        self.docks: list[QDockWidget] = []
        self.context_menu_hooks: list[Callable[[QMenu, str], None]] = []
        """Called with the canvas context menu and the clicked item's id ("" for none)."""
        self.autosaver = Autosaver(self.session, self)
        self._status_timer = QTimer(self)
        self._status_timer.setSingleShot(True)
        self._status_timer.setInterval(0)
        self._status_timer.timeout.connect(self._update_status)
        self._create_actions()
        self._create_menus()
        self._create_toolbar()
        self._create_status_bar()
        self._connect_session()
        self._update_status()  # now, not on the next turn: the first paint shows the counts
        self.view.contextMenuRequested.connect(self._show_context_menu)
        self._restore_geometry()
        _open_windows.append(self)
        self.has_tools = False
        self._frames = reserve_frames(self) if tools_later else None
        if not tools_later:
            self.add_tools()

    def add_tools(self) -> None:
        """Export and print, the side panels, the welcome page and import wizard, teaching,
        Evaluate: what the first paint does not show (menus are closed then). Runs once."""
        if self.has_tools:
            return
        self.has_tools = True
        with plain_imports():
            from desktop.evaluation import install_evaluation
            from desktop.export_actions import install_export_actions
            from desktop.panels import install_panels
            from desktop.teaching_actions import install_teaching

        install_export_actions(self)
        install_panels(self, frames=self._frames)
        self._frames = None
        install_teaching(self)  # Present (F5), handouts, exercises, Compare with Reference
        install_evaluation(self)  # View ▸ Evaluate (Ctrl+Shift+E): IN/OUT/UNDEC on the canvas

    # ================================================================ extension points
    def add_dock(
        self,
        dock: QDockWidget,
        area: Qt.DockWidgetArea = Qt.DockWidgetArea.RightDockWidgetArea,
    ) -> QDockWidget:
        """Add a dock and a toggle for it in View ▸ Panels."""
        if not dock.objectName():
            dock.setObjectName(dock.windowTitle() or f"dock{len(self.docks)}")
        self.addDockWidget(area, dock)
        self.docks.append(dock)
        self.menus["panels"].addAction(dock.toggleViewAction())
        return dock

    def _restore_geometry(self) -> None:
        """Where the last window was; the first time, most of the screen (the canvas needs room)."""
        saved = settings().value("window/geometry")
        if saved is not None and self.restoreGeometry(saved):
            return
        self.resize(1280, 820)
        screen = QApplication.primaryScreen()
        if screen is not None:
            available = screen.availableGeometry()
            width = min(available.width(), max(1280, int(available.width() * 0.85)))
            height = min(available.height(), max(820, int(available.height() * 0.85)))
            self.resize(width, height)
            frame = self.frameGeometry()
            frame.moveCenter(available.center())
            self.move(frame.topLeft())

    def show_canvas(self) -> None:
        self.central_stack.setCurrentWidget(self.view)

    def set_theme(self, theme: Theme) -> None:
        """Redraw with ``theme`` (the settings dialog stores it in QSettings)."""
        if theme == self.theme:
            return  # restyling every item is not free on a big map
        self.theme = theme
        self.scene.set_theme(theme)
        self.view.viewport().update()

    # ================================================================ the session
    def set_session(self, session: MapSession) -> None:
        """Show another map in this window (the old scene and editor are thrown away)."""
        old_session, old_scene, old_editor = self.session, self.scene, self.editor
        self._disconnect_session()
        self.session = session
        self.scene = MapScene(session.map, self.theme, self)
        self.editor = MapEditor(session, self.scene, self)
        self.view.set_editor(self.scene, self.editor)
        self._rebind_undo_actions()
        self.autosaver.set_session(session)
        self._connect_session()
        old_scene.detach()
        old_editor.deleteLater()
        old_scene.deleteLater()
        if old_session is not session:
            old_session.close()
        self.sessionChanged.emit(session)
        self.show_canvas()
        QTimer.singleShot(0, self.view, self.view.zoom_to_read)

    def _connect_session(self) -> None:
        self.session.fileChanged.connect(self._update_title)
        self.session.selectionChanged.connect(self._schedule_status)
        self.session.selectionChanged.connect(self._update_enabled)
        self.session.undo_stack.indexChanged.connect(self._schedule_status)
        self.scene.contentChanged.connect(self._schedule_status)
        self.editor.message.connect(self._show_message)
        self._unsubscribe_title = self.session.map.subscribe(
            lambda _event: self._update_title(), names=("title_changed",)
        )
        self._update_title()
        self._update_enabled()
        self._schedule_status()

    def _disconnect_session(self) -> None:
        for signal, slot in (
            (self.session.fileChanged, self._update_title),
            (self.session.selectionChanged, self._schedule_status),
            (self.session.selectionChanged, self._update_enabled),
            (self.session.undo_stack.indexChanged, self._schedule_status),
            (self.scene.contentChanged, self._schedule_status),
            (self.editor.message, self._show_message),
        ):
            signal.disconnect(slot)
        self._unsubscribe_title()

    # ================================================================ actions
    def _action(
        self,
        name: str,
        text: str,
        slot: Callable[[], object] | None = None,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None,
        tip: str = "",
        checkable: bool = False,
    ) -> QAction:
        # By keyword: PySide then never weighs the QIcon overload, and loading the QIcon class
        # (with its 151-value ThemeIcon enum) before the first paint costs about 1 ms.
        action = QAction(parent=self, text=text)
        if shortcut is not None:
            if isinstance(shortcut, QKeySequence.StandardKey):
                action.setShortcuts(shortcut)
            else:
                action.setShortcut(QKeySequence(shortcut))
        if tip:
            action.setStatusTip(tip)
            action.setToolTip(tip)
        action.setCheckable(checkable)
        if slot is not None:
            action.triggered.connect(lambda *_: slot())
        self.actions[name] = action
        return action

    def _create_actions(self) -> None:
        key = QKeySequence.StandardKey
        a = self._action
        a("new", "&New", self.new_map, key.New, "Start an empty map")
        a("new_window", "New &Window", self.new_window, "Ctrl+Shift+N", "Open another window")
        a("open", "&Open…", self.open_dialog, key.Open, "Open a map file")
        a("import", "&Import Documents…", self.import_dialog, "Ctrl+I",
          "Seed a map from .txt, .md or .html documents")  # fmt: skip
        a("save", "&Save", self.save, key.Save, "Save the map")
        a("save_as", "Save &As…", self.save_as, key.SaveAs, "Save the map under a new name")
        a("close", "&Close Window", self.close, key.Close)
        a("quit", "&Quit", self.quit_application, key.Quit)
        self.actions["quit"].setMenuRole(QAction.MenuRole.QuitRole)
        self._rebind_undo_actions()
        e = self.editor_call
        a("cut", "Cu&t", e(lambda ed: ed.cut()), key.Cut)
        a("copy", "&Copy", e(lambda ed: ed.copy()), key.Copy)
        a("paste", "&Paste", self.paste, key.Paste)
        a("duplicate", "D&uplicate", e(lambda ed: ed.duplicate()), "Ctrl+D")
        a("delete", "&Delete\tDel", e(lambda ed: ed.delete()), None, "Delete the selection")
        a("select_all", "Select &All", e(lambda ed: ed.select_all()), key.SelectAll)
        a("edit_label", "&Edit Label\tF2", self._edit_selected_label)
        a("find", "&Find…", lambda: self.view.show_find(), key.Find, "Find nodes by text")
        a("find_next", "Find &Next", lambda: self.view.find_next(), key.FindNext)
        a("find_previous", "Find Pre&vious", lambda: self.view.find_next(True), key.FindPrevious)
        a("zoom_in", "Zoom &In", lambda: self.view.zoom_in(), key.ZoomIn)
        a("zoom_out", "Zoom &Out", lambda: self.view.zoom_out(), key.ZoomOut)
        a("zoom_fit", "&Fit Map", lambda: self.view.zoom_fit(), "Ctrl+0", "Show the whole map")
        a("zoom_actual", "&Actual Size", lambda: self.view.zoom_actual(), "Ctrl+1", "Zoom to 100 %")
        a("snap", "&Snap to Grid", self._toggle_snap, None, "Move nodes in steps of 20", True)
        a("full_screen", "F&ull Screen", self._toggle_full_screen, key.FullScreen, "", True)
        for kind, label, shortcut in (
            ("position", "&Position", "Ctrl+Shift+P"),
            ("claim", "&Claim", "Ctrl+Shift+C"),
            ("question", "&Question", "Ctrl+Shift+Q"),
            ("note", "No&te", "Ctrl+Shift+T"),
        ):
            a(f"add_{kind}", label, self._adder(kind), shortcut, f"Add a {kind} in the middle")
        a("add_supporting", "&Supporting Claim\tTab", e(lambda ed: ed.add_supporting_claim()),
          None, "Add a claim that supports the selected one")  # fmt: skip
        a("add_objection", "&Objection\tShift+Tab", e(lambda ed: ed.add_objection()), None,
          "Add a claim that attacks the selected one")  # fmt: skip
        a("add_sibling", "S&ibling\tEnter", e(lambda ed: ed.add_sibling()), None,
          "Add a claim beside the selected one, about the same thing")  # fmt: skip
        for how, label in (
            ("left", "Align &Left"),
            ("hcenter", "Align &Centres Horizontally"),
            ("right", "Align &Right"),
            ("top", "Align &Top"),
            ("vcenter", "Align Centres &Vertically"),
            ("bottom", "Align &Bottom"),
        ):
            a(f"align_{how}", label, e(lambda ed, how=how: ed.align(how)))
        a("distribute_horizontal", "Distribute &Horizontally",
          e(lambda ed: ed.distribute("horizontal")))  # fmt: skip
        a("distribute_vertical", "Distribute V&ertically", e(lambda ed: ed.distribute("vertical")))
        a("auto_layout", "&Auto Layout", self.auto_layout, "Ctrl+L",
          "Arrange the map automatically (pinned nodes stay)")  # fmt: skip
        a("shortcuts", "&Keyboard Shortcuts", self.show_shortcuts, key.HelpContents)
        a("about", "&About DebateMap", self.show_about)
        self.actions["about"].setMenuRole(QAction.MenuRole.AboutRole)

    def editor_call(self, call: Callable[[MapEditor], object]) -> Callable[[], object]:
        """A slot that calls ``call`` with the current editor (it changes with the session)."""
        return lambda: call(self.editor)

    def _rebind_undo_actions(self) -> None:
        stack = self.session.undo_stack
        for name, factory, keys in (
            ("undo", stack.createUndoAction, QKeySequence.StandardKey.Undo),
            ("redo", stack.createRedoAction, QKeySequence.StandardKey.Redo),
        ):
            action = factory(self, "&" + name.capitalize())
            action.setShortcuts(keys)
            old = self.actions.get(name)
            self.actions[name] = action
            if old is not None:
                for widget in old.associatedObjects():
                    if isinstance(widget, QMenu | QToolBar):
                        widget.insertAction(old, action)
                        widget.removeAction(old)
                old.deleteLater()

    def _create_menus(self) -> None:
        bar = self.menuBar()
        act = self.actions

        def menu(name: str, title: str, names: Sequence[str | None]) -> QMenu:
            m = bar.addMenu(title)
            self.menus[name] = m
            for n in names:
                if n is None:
                    m.addSeparator()
                elif n.startswith("menu:"):
                    m.addMenu(self.menus[n[5:]])
                else:
                    m.addAction(act[n])
            return m

        self.menus["recent"] = QMenu("Open &Recent", self)
        self.menus["recent"].aboutToShow.connect(self._fill_recent_menu)
        self.menus["export"] = QMenu("&Export", self)
        """Filled by image export."""
        self.menus["export"].menuAction().setVisible(False)
        self.menus["panels"] = QMenu("&Panels", self)
        self.menus["align"] = QMenu("&Align", self)
        for n in ("align_left", "align_hcenter", "align_right", None, "align_top",
                  "align_vcenter", "align_bottom"):  # fmt: skip
            self.menus["align"].addSeparator() if n is None else self.menus["align"].addAction(
                act[n]
            )
        menu("file", "&File", ["new", "new_window", "open", "menu:recent", None, "import",
             "menu:export", None, "save", "save_as", None, "close", "quit"])  # fmt: skip
        menu("edit", "&Edit", ["undo", "redo", None, "cut", "copy", "paste", "duplicate",
             "delete", None, "select_all", "edit_label", None, "find", "find_next",
             "find_previous"])  # fmt: skip
        menu("view", "&View", ["zoom_in", "zoom_out", "zoom_fit", "zoom_actual", None, "snap",
             "full_screen", None, "menu:panels"])  # fmt: skip
        menu("insert", "&Insert", ["add_position", "add_claim", "add_question", "add_note",
             None, "add_supporting", "add_objection", "add_sibling"])  # fmt: skip
        menu("arrange", "&Arrange", ["menu:align", "distribute_horizontal",
             "distribute_vertical", None, "auto_layout"])  # fmt: skip
        menu("help", "&Help", ["shortcuts", None, "about"])

    def _create_toolbar(self) -> None:
        toolbar = QToolBar("Main Toolbar", self)
        toolbar.setObjectName("mainToolbar")
        toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        toolbar.setMovable(False)
        for name in ("new", "open", "save", None, "undo", "redo", None, "add_position",
                     "add_claim", None, "zoom_fit", "zoom_actual", None, "auto_layout",
                     "find"):  # fmt: skip
            if name is None:
                toolbar.addSeparator()
            else:
                toolbar.addAction(self.actions[name])
        self.addToolBar(toolbar)
        self.toolbar = toolbar

    def _create_status_bar(self) -> None:
        self.counts_label = QLabel(self)
        self.zoom_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.counts_label)
        self.statusBar().addPermanentWidget(self.zoom_label)
        self.view.zoomChanged.connect(self._update_zoom_label)
        self._update_zoom_label(self.view.zoom)

    # ================================================================ status
    def _schedule_status(self) -> None:
        self._status_timer.start()

    def _update_status(self) -> None:
        m = self.session.map
        positions = sum(1 for n in m.nodes.values() if n.kind == "position")
        text = (
            f"{positions} positions · {len(m.nodes) - positions} other nodes · "
            f"{len(m.edges)} relations"
        )
        selected = len(self.session.selection)
        if selected:
            text += f" · {selected} selected"
        self.counts_label.setText(text)

    def _update_zoom_label(self, zoom: float) -> None:
        self.zoom_label.setText(f"{zoom * 100:.0f} %")

    def _update_title(self) -> None:
        session = self.session
        name = session.path.name if session.path else "Untitled"
        title = session.map.title
        shown = f"{title} ({name})" if title and session.path else (title or name)
        self.setWindowTitle(f"{shown}[*] — DebateMap")
        self.setWindowModified(session.is_modified)
        if not session.is_modified:
            self.autosaver.discard()

    def _update_enabled(self) -> None:
        has_nodes = bool(self.session.selected_nodes())
        has_any = bool(self.session.selection)
        for name in ("cut", "copy", "duplicate", "edit_label", "add_supporting",
                     "add_objection", "add_sibling"):  # fmt: skip
            self.actions[name].setEnabled(has_nodes)
        self.actions["delete"].setEnabled(has_any)

    def _show_message(self, text: str) -> None:
        self.statusBar().showMessage(text, 6000)

    # ================================================================ editing slots
    def _adder(self, kind: str) -> Callable[[], object]:
        def add() -> None:
            centre = self.view.mapToScene(self.view.viewport().rect().center())
            self.editor.add_node(centre.x(), centre.y(), kind, edit=True)

        return add

    def paste(self) -> None:
        cursor = self.view.mapFromGlobal(self.cursor().pos())
        inside = self.view.viewport().rect().contains(cursor)
        self.editor.paste(self.view.mapToScene(cursor) if inside else None)

    def _edit_selected_label(self) -> None:
        nodes = self.editor.selected_node_ids()
        if nodes:
            self.view.edit_label(nodes[-1])

    def _toggle_snap(self) -> None:
        self.editor.snap_to_grid = self.actions["snap"].isChecked()
        self.view.viewport().update()

    def _toggle_full_screen(self) -> None:
        self.showFullScreen() if self.actions["full_screen"].isChecked() else self.showNormal()

    def auto_layout(self) -> None:
        engine = self.editor.auto_layout()
        if engine:
            self._show_message(f"Laid out with the {engine} engine.")
            self.view.zoom_fit()

    def _show_context_menu(self, global_pos, scene_pos, item_id: str) -> None:
        menu = QMenu(self)
        menu.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        act = self.actions
        if item_id:
            names: list[str | None] = ["edit_label", "add_supporting", "add_objection",
                                       "add_sibling", None, "cut", "copy", "duplicate",
                                       "delete"]  # fmt: skip
            if len(self.session.selected_nodes()) > 1:
                names += [None, "menu:align", "distribute_horizontal", "distribute_vertical"]
        else:
            names = ["paste", None, "add_position", "add_claim", "add_question", "add_note",
                     None, "select_all", "zoom_fit", "auto_layout"]  # fmt: skip
        for name in names:
            if name is None:
                menu.addSeparator()
            elif name.startswith("menu:"):
                menu.addMenu(self.menus[name[5:]])
            else:
                menu.addAction(act[name])
        for hook in self.context_menu_hooks:
            hook(menu, item_id)
        menu.popup(global_pos)

    # ================================================================ files
    def new_map(self) -> None:
        if self.maybe_save():
            self.set_session(MapSession())

    def new_window(self) -> MainWindow:
        window = MainWindow(theme=self.theme)
        window.show()
        return window

    def open_dialog(self) -> None:
        path = self._choose_open_path()
        if path:
            self.open_path(Path(path))

    def _choose_open_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        folder = str(self.session.path.parent) if self.session.path else ""
        filters = ";;".join(
            [*_readable_map_filters(), "Documents (*.txt *.md *.html *.htm)", "All files (*)"]
        )
        path, _ = QFileDialog.getOpenFileName(self, "Open Map", folder, filters)
        return path

    def open_path(self, path: Path) -> bool:
        """Open a map file, or import documents, by the file's suffix."""
        if path.suffix.lower() in DOCUMENT_SUFFIXES:
            self.import_documents([path])
            return True
        return self.open_file(path)

    def open_file(self, path: str | Path) -> bool:
        """Load a map into this window; on error say why and keep the current map."""
        from mapping.formats.registry import find_format

        path = Path(path)
        if not self.maybe_save():
            return False
        try:
            # Argdown, AIF, GraphML ... open as new maps; Save then asks where to keep the map.
            argument_map = find_format(None, path, reading=True).reader()(path)
        except MappingError as error:
            self.show_error(f"DebateMap could not open {path.name}.", str(error))
            return False
        except OSError as error:
            self.show_error(f"DebateMap could not open {path.name}.", f"{path}: {error.strerror}")
            return False
        self.set_session(MapSession(argument_map, path))
        remember_recent(path)
        return True

    def save(self) -> bool:
        if self.session.path is None or self.session.path.suffix != ".debatemap":
            return self.save_as()
        return self.save_to(self.session.path)

    def save_as(self) -> bool:
        path = self._choose_save_path()
        if not path:
            return False
        if not path.endswith(".debatemap"):
            path += ".debatemap"
        return self.save_to(Path(path))

    def _choose_save_path(self) -> str:
        from PySide6.QtWidgets import QFileDialog

        start = str(self.session.path) if self.session.path else "Untitled.debatemap"
        path, _ = QFileDialog.getSaveFileName(self, "Save Map", start, MAP_FILTER)
        return path

    def save_to(self, path: Path) -> bool:
        from mapping.formats.debatemap import save_map

        try:
            save_map(self.session.map, path)
        except MappingError as error:
            self.show_error(f"DebateMap could not save {path.name}.", str(error))
            return False
        self.session.mark_saved(path)
        self.autosaver.discard()
        remember_recent(path)
        self._show_message(f"Saved {path}")
        return True

    def maybe_save(self) -> bool:
        """Offer to save unsaved changes; False means the user cancelled."""
        from PySide6.QtWidgets import QMessageBox

        if not self.session.is_modified:
            return True
        answer = self._ask_save_changes()
        if answer == QMessageBox.StandardButton.Save:
            return self.save()
        return answer == QMessageBox.StandardButton.Discard

    def _ask_save_changes(self) -> QMessageBox.StandardButton:
        from PySide6.QtWidgets import QMessageBox

        name = self.session.path.name if self.session.path else "this map"
        buttons = (
            QMessageBox.StandardButton.Save
            | QMessageBox.StandardButton.Discard
            | QMessageBox.StandardButton.Cancel
        )
        return QMessageBox.question(
            self, "DebateMap", f"Save the changes to {name}?", buttons,
            QMessageBox.StandardButton.Save,
        )  # fmt: skip

    def show_error(self, summary: str, detail: str) -> None:
        from PySide6.QtWidgets import QMessageBox

        box = QMessageBox(QMessageBox.Icon.Warning, "DebateMap", summary,
                          QMessageBox.StandardButton.Ok, self)  # fmt: skip
        box.setInformativeText(detail)
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.last_error = detail
        box.open()

    def _fill_recent_menu(self) -> None:
        menu = self.menus["recent"]
        menu.clear()
        files = recent_files()
        for index, name in enumerate(files, 1):
            action = menu.addAction(f"&{index % 10} {Path(name).name}")
            action.setToolTip(name)
            action.triggered.connect(lambda *_, p=name: self.open_file(p))
        if not files:
            menu.addAction("No recent files").setEnabled(False)
        else:
            menu.addSeparator()
            menu.addAction("Clear List", lambda: settings().remove("recentFiles"))

    # ================================================================ import
    def import_dialog(self) -> None:
        from PySide6.QtWidgets import QFileDialog

        paths, _ = QFileDialog.getOpenFileNames(
            self, "Import Documents", "", "Documents (*.txt *.md *.markdown *.html *.htm)"
        )
        if paths:
            self.import_documents([Path(p) for p in paths])

    def import_documents(self, paths: Sequence[str | Path]) -> None:
        """Seed the map from documents: the import wizard (``document_importer``) when present."""
        from PySide6.QtWidgets import QMessageBox

        paths = [Path(p) for p in paths]
        importer = type(self).document_importer
        if importer is not None:
            importer(self, paths)
            return
        QMessageBox.information(
            self,
            "DebateMap",
            "Importing documents needs the import wizard, which this build does not include.",
        )

    # ================================================================ recovery
    def recover(self, map_path: Path, original: Path | None) -> bool:
        """Show an autosaved map, marked as modified so that closing asks to save it."""
        from mapping.formats.debatemap import load_map

        try:
            argument_map = load_map(map_path)
        except MappingError as error:
            self.show_error("The autosaved map could not be read.", str(error))
            return False
        session = MapSession(argument_map, original)
        self.set_session(session)
        session.undo_stack.resetClean()
        return True

    # ================================================================ drag and drop
    def dragEnterEvent(self, event) -> None:
        if any(_is_openable(url.toLocalFile()) for url in event.mimeData().urls()):
            event.acceptProposedAction()

    def dropEvent(self, event) -> None:
        paths = [Path(u.toLocalFile()) for u in event.mimeData().urls() if u.isLocalFile()]
        maps = [p for p in paths if p.suffix.lower() == ".debatemap"]
        documents = [p for p in paths if p.suffix.lower() in DOCUMENT_SUFFIXES]
        event.acceptProposedAction()
        if maps:
            self.open_file(maps[0])
            for extra in maps[1:]:
                self.new_window().open_file(extra)
        if documents:
            self.import_documents(documents)

    # ================================================================ closing
    def closeEvent(self, event: QCloseEvent) -> None:
        if not self.maybe_save():
            event.ignore()
            return
        settings().setValue("window/geometry", self.saveGeometry())
        self.view.close_label_editor(commit=False)
        self.autosaver.stop()
        self.scene.detach()
        self.session.close()
        if self in _open_windows:
            _open_windows.remove(self)
        event.accept()

    def quit_application(self) -> None:
        for window in list(_open_windows):
            if not window.close():
                return
        QApplication.quit()

    # ================================================================ help
    def show_shortcuts(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        rows = [
            ("Double-click empty canvas", "New claim"),
            ("Double-click a node, F2", "Edit its label"),
            ("Enter / Tab / Shift+Tab", "Sibling / supporting claim / objection"),
            ("Arrow keys", "Move the selection along the relations"),
            ("Drag from a node's top handle", "Connect (hold Shift for an attack)"),
            ("Ctrl+wheel, Ctrl+0, Ctrl+1", "Zoom, fit the map, 100 %"),
            ("Middle-drag or Space+drag", "Pan"),
            ("Ctrl+F", "Find"),
            ("Ctrl+Shift+E", "Evaluate mode: which positions and claims stand"),
        ]
        text = "\n".join(f"{keys}:  {what}" for keys, what in rows)
        box = QMessageBox(QMessageBox.Icon.NoIcon, "Keyboard Shortcuts", text,
                          QMessageBox.StandardButton.Close, self)  # fmt: skip
        box.setTextFormat(Qt.TextFormat.PlainText)
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()

    def show_about(self) -> None:
        from desktop.about import show_about

        show_about(self)


def _is_openable(path: str) -> bool:
    from mapping.formats.registry import FORMATS

    lower = path.lower()
    readable = (ext for f in FORMATS if f.can_read for ext in f.extensions)
    return Path(path).suffix.lower() in DOCUMENT_SUFFIXES or any(map(lower.endswith, readable))


def _readable_map_filters() -> list[str]:
    """File-dialog filters for every format the registry reads: all maps first, then each."""
    from mapping.formats.registry import FORMATS

    readable = [f for f in FORMATS if f.can_read]
    patterns = [" ".join(f"*{ext}" for ext in f.extensions) for f in readable]
    return [f"All maps ({' '.join(patterns)})"] + [
        f"{f.title} ({pattern})" for f, pattern in zip(readable, patterns, strict=True)
    ]


def open_window(argument_map: ArgumentMap | None = None, path: Path | None = None) -> MainWindow:
    """A shown window on ``argument_map`` (an empty map if None)."""
    window = MainWindow(MapSession(argument_map, path))
    window.show()
    return window
