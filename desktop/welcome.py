"""The page a window shows while it has no map: open the example, import, new, recent files."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QPainter, QPalette, QPen
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

PATH_ROLE = Qt.ItemDataRole.UserRole


class Choice(QCommandLinkButton):
    """A command link that shows when it has the keyboard focus: Fusion draws no focus frame
    for command links in any theme, so Tab moved through the page invisibly."""

    def paintEvent(self, event) -> None:
        super().paintEvent(event)
        if not (
            self.hasFocus()
            and self.window().testAttribute(Qt.WidgetAttribute.WA_KeyboardFocusChange)
        ):  # (as the platform does: only once the keyboard has been used to move)
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setPen(QPen(self.palette().color(QPalette.ColorRole.Highlight), 2))
        painter.drawRoundedRect(QRectF(self.rect()).adjusted(1, 1, -1, -1), 4, 4)
        painter.end()


class WelcomePage(QWidget):
    """Big, plain choices; every one is also in the File menu."""

    openExample = Signal()
    importDocuments = Signal()
    newMap = Signal()
    openMap = Signal()
    openRecent = Signal(str)
    mapEdited = Signal()
    """The blank map behind the page was edited (e.g. from the Insert menu): show the canvas."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("WelcomePage")
        outer = QHBoxLayout(self)
        outer.addStretch(1)
        column = QVBoxLayout()
        outer.addLayout(column, 3)
        outer.addStretch(1)
        title = QLabel("DebateMap", self)
        font = QFont(title.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        font.setBold(True)
        title.setFont(font)
        subtitle = QLabel(
            "Map the positions of a debate, the claims for and against them, and where in the "
            "texts each claim was made.", self,
        )  # fmt: skip
        subtitle.setWordWrap(True)
        column.addStretch(1)
        column.addWidget(title)
        column.addWidget(subtitle)
        column.addSpacing(16)
        self.buttons: dict[str, QCommandLinkButton] = {}
        for name, text, detail, signal in (
            ("example", "Open the example", "A finished map of a debate about Iran, with its two "
             "source texts", self.openExample),
            ("import", "Import documents…", "Seed a new map from .txt, .md or .html texts",
             self.importDocuments),
            ("new", "New map", "Start from an empty canvas", self.newMap),
            ("open", "Open a map…", "A .debatemap file", self.openMap),
        ):  # fmt: skip
            button = Choice(text, detail, self)
            button.clicked.connect(signal.emit)
            self.buttons[name] = button
            column.addWidget(button)
        column.addSpacing(16)
        self.recent_title = QLabel("Recent files", self)
        bold = QFont(self.recent_title.font())
        bold.setBold(True)
        self.recent_title.setFont(bold)
        self.recent = QListWidget(self)
        self.recent.setAccessibleName("Recent files")
        self.recent.itemActivated.connect(lambda item: self.openRecent.emit(item.data(PATH_ROLE)))
        self.recent.itemClicked.connect(lambda item: self.openRecent.emit(item.data(PATH_ROLE)))
        column.addWidget(self.recent_title)
        column.addWidget(self.recent, 1)
        column.addStretch(1)
        self._recoloured = False
        self._follow_palette()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._follow_palette()

    def _follow_palette(self) -> None:
        """Arrows in the text colour on a dark window: the platform's are black (1.1:1 on the
        high-contrast theme's black, 1.4:1 on the dark one). The light theme keeps the platform's
        arrows untouched, and loads no icon code for it before the first paint."""
        palette = self.palette()
        dark = palette.color(QPalette.ColorRole.Window).lightnessF() < 0.5
        if not dark and not self._recoloured:
            return
        from desktop.icons import tinted_icon  # (QIcon: not on the light theme's first paint)

        for button in self.buttons.values():
            platform = button.style().standardIcon(
                button.style().StandardPixmap.SP_CommandLink, None, button
            )
            if dark:
                ink = palette.color(QPalette.ColorRole.ButtonText)
                button.setIcon(tinted_icon(platform, button.iconSize(), ink))
            else:
                button.setIcon(platform)
        self._recoloured = dark

    def on_map_edited(self, *_args: object) -> None:
        """A slot on the page itself, so Qt drops the connection when the page goes away."""
        stack = self.parentWidget()
        if stack is not None and getattr(stack, "currentWidget", lambda: None)() is self:
            self.mapEdited.emit()

    def set_recent_files(self, paths: list[str]) -> None:
        self.recent.clear()
        for path in paths:
            item = QListWidgetItem(f"{Path(path).name}  —  {Path(path).parent}")
            item.setData(PATH_ROLE, path)
            item.setToolTip(path)
            if not Path(path).exists():
                item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEnabled)
                item.setToolTip(f"{path} (not found)")
            self.recent.addItem(item)
        self.recent_title.setVisible(bool(paths))
        self.recent.setVisible(bool(paths))
