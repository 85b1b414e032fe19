"""File ▸ Export, Edit ▸ Copy as Picture and File ▸ Print for the main window.

Everything here calls :mod:`desktop.render` (the same renderer as ``debatemap export``) or the
format writers; the window only contributes its map, its theme and its selection.
:func:`install_export_actions` adds the actions through the window's ``actions``/``menus``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QMimeData, QSettings, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from mapping.errors import MappingError

if TYPE_CHECKING:
    from desktop.main_window import MainWindow
    from desktop.render import RenderOptions
    from mapping.model import ArgumentMap

PICTURE_FORMATS = (("PNG picture", ".png"), ("SVG drawing", ".svg"), ("PDF document", ".pdf"))
PICTURES = (".png", ".svg", ".pdf")
# desktop.render (and Qt SVG) is imported where it is used: the window starts without it.


def export_formats() -> list[tuple[str, str]]:
    """Pictures first, then every format the registry writes (DOT, GraphML, Argdown, AIF …)."""
    from mapping.formats.registry import FORMATS

    graphs = [(f.title, f.extensions[0]) for f in FORMATS if f.can_write and f.name != "debatemap"]
    return [*PICTURE_FORMATS, *graphs]


def install_export_actions(window: MainWindow) -> None:
    """Add Export…, Copy as Picture, Copy as SVG, Print… and Print Tiled… to ``window``."""

    def add(name: str, text: str, slot: Callable[[], object], shortcut: str | None,
            tip: str) -> None:  # fmt: skip
        action = QAction(text, window)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
        action.setStatusTip(tip)
        action.setToolTip(tip)
        action.triggered.connect(lambda *_: slot())
        window.actions[name] = action

    add("export_picture", "&Export…", lambda: show_export_dialog(window), "Ctrl+E",
        "Save the map as PNG, SVG, PDF, DOT or GraphML")  # fmt: skip
    add("copy_picture", "Copy as &Picture", lambda: copy_to_clipboard(window), "Ctrl+Alt+C",
        "Copy the selection (or the whole map) as a picture and as SVG")  # fmt: skip
    add("print", "&Print…", lambda: print_dialog(window, tiled=False), "Ctrl+P",
        "Print the map fitted to one page")  # fmt: skip
    add("print_tiled", "Print &Tiled…", lambda: print_dialog(window, tiled=True), None,
        "Print the map at full size across several pages")  # fmt: skip
    menu = window.menus["export"]
    menu.addAction(window.actions["export_picture"])
    menu.addSeparator()
    menu.addAction(window.actions["copy_picture"])
    menu.addSeparator()
    menu.addAction(window.actions["print"])
    menu.addAction(window.actions["print_tiled"])
    menu.menuAction().setVisible(True)
    window.menus["edit"].addAction(window.actions["copy_picture"])


def _window_theme(window: MainWindow) -> str:
    from desktop.render import THEME_NAMES

    name = getattr(window.theme, "name", "light")
    return name if name in THEME_NAMES else "light"


def _selection(window: MainWindow) -> frozenset[str] | None:
    from desktop.render import closed_selection

    ids = window.session.selection
    return closed_selection(window.session.map, ids) if ids else None


# ------------------------------------------------------------------------------ clipboard
def copy_to_clipboard(window: MainWindow) -> None:
    """The selection (or the whole map) as an image and as SVG, in the window's theme."""
    from desktop.render import RenderOptions

    argument_map = window.session.map
    if not argument_map.nodes:
        window.statusBar().showMessage("The map is empty: nothing to copy.", 4000)
        return
    only = _selection(window)
    options = RenderOptions(theme=_window_theme(window), only=only, title=only is None,
                            evaluation=window.scene.evaluation)  # fmt: skip
    try:
        mime = picture_mime_data(argument_map, options)
    except MappingError as error:
        window.show_error("The picture could not be made.", str(error))
        return
    QApplication.clipboard().setMimeData(mime)
    what = "the selection" if only is not None else "the map"
    window.statusBar().showMessage(f"Copied {what} as a picture and as SVG.", 4000)


def picture_mime_data(argument_map: ArgumentMap, options: RenderOptions) -> QMimeData:
    from desktop.render import render_image, svg_bytes

    mime = QMimeData()
    mime.setImageData(render_image(argument_map, options))
    svg = svg_bytes(argument_map, options)
    mime.setData("image/svg+xml", svg)
    return mime


# ---------------------------------------------------------------------------------- print
def print_dialog(window: MainWindow, *, tiled: bool) -> None:
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from desktop.render import RenderOptions, print_map

    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    dialog = QPrintDialog(printer, window)
    dialog.setWindowTitle("Print Map" + (" (tiled)" if tiled else ""))
    if dialog.exec() != QDialog.DialogCode.Accepted:
        return
    options = RenderOptions(theme="print", only=_selection(window), legend=True,
                            evaluation=window.scene.evaluation)  # fmt: skip
    try:
        sheets = print_map(window.session.map, printer, options, tiled=tiled)
    except MappingError as error:
        window.show_error("The map could not be printed.", str(error))
        return
    window.statusBar().showMessage(f"Printed on {sheets} page{'s' * (sheets != 1)}.", 4000)


# ---------------------------------------------------------------------------- the dialog
class ExportDialog(QDialog):
    """Where to, which format (pictures and every format the registry writes), and the same
    options as ``debatemap export``."""

    def __init__(self, window: MainWindow, parent: QWidget | None = None) -> None:
        from desktop.render import THEME_NAMES

        super().__init__(parent or window)
        self.window_ = window
        self.map = window.session.map
        self.setWindowTitle("Export Map")
        store = QSettings()
        self.path = QLineEdit(self)
        self.path.setText(str(store.value("export/path", "") or self._default_path(".png")))
        browse = QPushButton("Browse…", self)
        browse.clicked.connect(self._browse)
        self.format = QComboBox(self)
        self.formats = export_formats()
        for title, suffix in self.formats:
            self.format.addItem(f"{title} ({suffix})", suffix)
        self.theme = QComboBox(self)
        for name in THEME_NAMES:
            self.theme.addItem(name.capitalize(), name)
        self.theme.setCurrentIndex(THEME_NAMES.index(_window_theme(window)))
        self.dpi = QSpinBox(self)
        self.dpi.setRange(24, 2400)
        self.dpi.setValue(96)
        self.dpi.setSuffix(" dpi")
        self.scale = QDoubleSpinBox(self)
        self.scale.setRange(0.1, 20.0)
        self.scale.setSingleStep(0.25)
        self.scale.setValue(1.0)
        self.scale.setSuffix(" ×")
        self.transparent = QCheckBox("Transparent background", self)
        self.legend = QCheckBox("Legend of the edge styles", self)
        self.title = QCheckBox("The map's title on top", self)
        self.title.setChecked(True)
        self.selection_only = QCheckBox("Selection only", self)
        self.selection_only.setEnabled(bool(window.session.selection))
        self.selection_only.setChecked(bool(window.session.selection))
        self.position = QComboBox(self)
        self.position.addItem("The whole map", None)
        for node in self.map.nodes.values():
            if node.kind == "position":
                self.position.addItem(node.label[:60] or node.id, node.id)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)

        where = QHBoxLayout()
        where.addWidget(self.path, 1)
        where.addWidget(browse)
        form = QFormLayout()
        form.addRow("File:", where)
        form.addRow("Format:", self.format)
        form.addRow("Colours:", self.theme)
        form.addRow("Resolution:", self.dpi)
        form.addRow("Scale:", self.scale)
        form.addRow("Show:", self.position)
        for box in (self.selection_only, self.title, self.legend, self.transparent):
            form.addRow("", box)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)

        self._sync_format_from_path()
        self.path.textEdited.connect(lambda *_: self._sync_format_from_path())
        self.format.currentIndexChanged.connect(lambda *_: self._on_format_changed())
        self.selection_only.toggled.connect(lambda on: on and self.position.setCurrentIndex(0))
        self.position.currentIndexChanged.connect(
            lambda i: i and self.selection_only.setChecked(False)
        )
        self._update_enabled()

    # ----------------------------------------------------------------- choices
    def _default_path(self, suffix: str) -> str:
        base = self.window_.session.path
        name = (base.stem if base else "map") + suffix
        return str((base.parent if base else Path.home()) / name)

    def suffix(self) -> str:
        return str(self.format.currentData())

    def _known_suffix(self, text: str) -> str:
        """The longest format suffix ``text`` ends with ('' if none)."""
        lower = text.lower()
        return max((s for _, s in self.formats if lower.endswith(s)), key=len, default="")

    def _sync_format_from_path(self) -> None:
        suffix = self._known_suffix(self.path.text())
        if suffix:
            blocked = self.format.blockSignals(True)
            self.format.setCurrentIndex(self.format.findData(suffix))
            self.format.blockSignals(blocked)
        self._update_enabled()

    def _on_format_changed(self) -> None:
        text = self.path.text().strip() or self._default_path(self.suffix())
        known = self._known_suffix(text)
        stem = text[: len(text) - len(known)] if known else text
        self.path.setText(stem + self.suffix())
        self._update_enabled()

    def _update_enabled(self) -> None:
        picture = self.suffix() in PICTURES
        for widget in (self.theme, self.scale, self.transparent, self.legend, self.title):
            widget.setEnabled(picture)
        self.dpi.setEnabled(self.suffix() == ".png")
        self.summary.setText(
            "The picture is drawn exactly as the map looks in the window."
            if picture
            else "A map file for other tools: nodes, edges and labels (and places where the "
            "format has them)."
        )

    def _browse(self) -> None:
        filters = ";;".join(f"{t} (*{s})" for t, s in self.formats)
        chosen, _ = QFileDialog.getSaveFileName(self, "Export Map", self.path.text(), filters)
        if chosen:
            self.path.setText(chosen)
            self._sync_format_from_path()

    def options(self) -> RenderOptions:
        from desktop.render import RenderOptions, argument_of

        only = None
        if self.selection_only.isChecked():
            only = _selection(self.window_)
        elif self.position.currentData():
            only = argument_of(self.map, self.position.currentData())
        return RenderOptions(
            theme=str(self.theme.currentData()),
            dpi=float(self.dpi.value()),
            scale=float(self.scale.value()),
            transparent=self.transparent.isChecked(),
            legend=self.legend.isChecked(),
            title=self.title.isChecked(),
            only=only,
            evaluation=self.window_.scene.evaluation,  # Evaluate mode's colouring, when on
        )

    # -------------------------------------------------------------------- doing
    def accept(self) -> None:
        path = Path(self.path.text().strip()).expanduser()
        if not path.name or path.is_dir():
            self.window_.show_error("Choose a file name to export to.", str(path))
            return
        if not path.name.lower().endswith(self.suffix()):
            path = path.with_name(path.name + self.suffix())
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            notes = export_map(self.map, path, self.options())
        except (MappingError, OSError) as error:
            QApplication.restoreOverrideCursor()
            self.window_.show_error("The map could not be exported.", str(error))
            return
        QApplication.restoreOverrideCursor()
        QSettings().setValue("export/path", str(path))
        remark = f" ({'; '.join(notes)})" if notes else ""
        self.window_.statusBar().showMessage(f"Exported to {path}{remark}.", 6000)
        super().accept()


def export_map(argument_map: ArgumentMap, path: Path, options: RenderOptions) -> list[str]:
    """Write ``path`` by its extension: a picture through the renderer, else a graph format.

    A map whose nodes all sit at one place (just imported) is laid out first, on a copy.
    """
    from desktop.render import export_image, laid_out_copy, submap
    from mapping.layout import needs_layout

    if needs_layout(argument_map):
        argument_map, engine = laid_out_copy(argument_map, options.theme)
        options.notes.append(f"laid out with the {engine} engine")
    if path.suffix.lower() in PICTURES:
        export_image(argument_map, path, options)
        return options.notes
    from mapping.formats.registry import find_format

    if options.only is not None:
        argument_map = submap(argument_map, options.only)
    find_format(path=path, reading=False).writer()(argument_map, path)
    return options.notes


def show_export_dialog(window: MainWindow) -> ExportDialog | None:
    if not window.session.map.nodes:
        window.statusBar().showMessage("The map is empty: nothing to export.", 4000)
        return None
    dialog = ExportDialog(window)
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    return dialog
