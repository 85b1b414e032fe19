"""Help ▸ About: the version, the icon and where DebateMap comes from, in one dialog.

The version is ``mapping.__version__``, the same string that ``debatemap --version``, the
bundle and the AppStream metainfo carry.
"""

from __future__ import annotations

import html
import platform

import PySide6
from PySide6.QtCore import qVersion
from PySide6.QtWidgets import QMessageBox, QWidget

from desktop.icons import app_icon
from mapping import __version__

LICENCE = "GPL-3.0-or-later"


def about_text() -> tuple[str, str]:
    """The dialog's heading and body, as rich text (kept apart for tests and translations)."""
    heading = f"<h3>DebateMap {html.escape(__version__)}</h3>"
    body = (
        "<p>Argument maps of political texts: positions, claims with their speakers and "
        "sources, and the support and attack between them.</p>"
        f"<p>Licence: {LICENCE}.</p>"
        f"<p><small>Python {html.escape(platform.python_version())}, "
        f"Qt {html.escape(qVersion())}, PySide6 {html.escape(PySide6.__version__)}</small></p>"
    )
    return heading, body


def about_box(parent: QWidget | None = None) -> QMessageBox:
    """Build the About dialog without showing it (the window calls ``show_about``)."""
    heading, body = about_text()
    box = QMessageBox(parent)
    box.setObjectName("aboutDebateMap")
    box.setWindowTitle("About DebateMap")
    icon = app_icon()
    box.setWindowIcon(icon)
    box.setIconPixmap(icon.pixmap(96, 96))
    box.setText(heading)
    box.setInformativeText(body)
    box.setStandardButtons(QMessageBox.StandardButton.Ok)
    return box


def show_about(parent: QWidget | None = None) -> None:
    """Show the About dialog modally over ``parent``."""
    box = about_box(parent)
    box.exec()
    box.deleteLater()
