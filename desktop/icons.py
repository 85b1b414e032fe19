"""The application icon for windows, dialogs and the desktop, from the bundled PNGs.

The PNGs are rendered from ``resources/icons/debatemap.svg`` by ``packaging/render_icons.py``.
Using PNGs rather than the SVG means the icon shows even where Qt's SVG icon plugin is missing
(a trimmed bundle, a minimal system).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from mapping.resources import resource_path

if TYPE_CHECKING:
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QIcon

APP_ID = "org.debatemap.DebateMap"
"""The reverse-DNS id shared by the desktop entry, the AppStream metainfo and the icon name."""

ICON_SIZES: tuple[int, ...] = (16, 32, 48, 64, 128, 256, 512)


def icon_svg_path() -> Path:
    """The scalable source of the icon (installed as the hicolor ``scalable`` icon)."""
    return resource_path("icons", "debatemap.svg")


def icon_png_paths() -> dict[int, Path]:
    """Pixel size → PNG file, for every size shipped."""
    return {size: resource_path("icons", f"debatemap-{size}.png") for size in ICON_SIZES}


def app_icon() -> QIcon:
    """DebateMap's icon with every shipped size, so Qt never scales a blurry one up.

    Needs a QGuiApplication (QIcon loads pixmaps lazily, but Qt requires the app object).
    """
    from PySide6.QtCore import QSize  # here: the window shows before its icon (start-up time)
    from PySide6.QtGui import QIcon

    icon = QIcon()
    for size, path in icon_png_paths().items():
        if path.is_file():
            icon.addFile(str(path), QSize(size, size))
    return icon


def tinted_icon(icon: QIcon, size: QSize, color: QColor) -> QIcon:
    """``icon``'s shape (its pixels' opacity, so edges stay smooth) filled with ``color``.

    For the platform's black arrows and the like on a dark theme, where they would vanish.
    """
    from PySide6.QtGui import QIcon, QPainter, QPixmap

    tinted = QIcon()
    for scale in (1.0, 2.0):  # (the 2x pixmap for high-density screens)
        pixmap = QPixmap(icon.pixmap(size, scale))
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), color)
        painter.end()
        tinted.addPixmap(pixmap)
    return tinted
