"""Render the app icon's PNG sizes from ``resources/icons/debatemap.svg`` with Qt's own SVG renderer.

The PNGs are committed, so neither the app nor the bundle needs the SVG plugin at run time;
run this again after editing the SVG::

    uv run python packaging/render_icons.py

Qt draws the SVG exactly as the window would, so what the desktop shows matches the app.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
ICONS = REPO / "resources" / "icons"
SVG = ICONS / "debatemap.svg"
SIZES: tuple[int, ...] = (16, 32, 48, 64, 128, 256, 512)


def png_name(size: int) -> str:
    """The file name of one rendered size, e.g. ``debatemap-48.png``."""
    return f"debatemap-{size}.png"


def render_icons(
    svg: Path = SVG, out_dir: Path = ICONS, sizes: Iterable[int] = SIZES
) -> list[Path]:
    """Draw ``svg`` at each size into ``out_dir`` and return the files written."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QGuiApplication, QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    _app = QGuiApplication.instance() or QGuiApplication([])
    renderer = QSvgRenderer(str(svg))
    if not renderer.isValid():
        raise SystemExit(f"{svg}: Qt cannot read this SVG")
    out_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for size in sizes:
        image = QImage(size, size, QImage.Format.Format_ARGB32_Premultiplied)
        image.fill(Qt.GlobalColor.transparent)
        painter = QPainter(image)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        renderer.render(painter)
        painter.end()
        path = out_dir / png_name(size)
        if not image.save(str(path), "PNG"):
            raise SystemExit(f"{path}: could not write the PNG")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--svg", type=Path, default=SVG, help="the source SVG")
    parser.add_argument("--out", type=Path, default=ICONS, help="folder for the PNGs")
    args = parser.parse_args(argv)
    for path in render_icons(args.svg, args.out):
        print(path.relative_to(REPO) if path.is_relative_to(REPO) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
