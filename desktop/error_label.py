"""A label for an error message: plain text, wrapped, in a red that reads in every theme."""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QLabel, QWidget

from desktop.contrast import readable

ERROR_RED = "#B2182B"
"""On a light window; lightened as far as it takes to read on a dark one."""


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)  # messages quote file contents
        self._recolour()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:  # the theme changed
            self._recolour()

    def _recolour(self) -> None:
        palette = self.palette()
        red = readable(QColor(ERROR_RED), palette.color(QPalette.ColorRole.Window))
        if palette.color(QPalette.ColorRole.WindowText) != red:  # (else: no endless events)
            palette.setColor(QPalette.ColorRole.WindowText, red)
            self.setPalette(palette)
