"""The app icon (every size, from the current SVG) and the About box (version and icon)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest
from PySide6.QtCore import QSize
from PySide6.QtGui import QImage

from desktop.about import about_box, about_text
from desktop.icons import ICON_SIZES, app_icon, icon_png_paths, icon_svg_path
from mapping import __version__

REPO = Path(__file__).resolve().parents[2]


def test_every_icon_png_exists_at_its_size(qapp) -> None:
    paths = icon_png_paths()
    assert sorted(paths) == sorted(ICON_SIZES)
    for size, path in paths.items():
        image = QImage(str(path))
        assert not image.isNull(), path
        assert (image.width(), image.height()) == (size, size), path
        assert image.hasAlphaChannel(), f"{path}: the rounded corners need transparency"


def test_app_icon_offers_every_size_without_scaling(qapp) -> None:
    icon = app_icon()
    assert not icon.isNull()
    available = {(s.width(), s.height()) for s in icon.availableSizes()}
    assert available == {(size, size) for size in ICON_SIZES}
    assert icon.pixmap(QSize(48, 48)).size() == QSize(48, 48)


def test_committed_pngs_are_rendered_from_the_current_svg(qapp, tmp_path: Path) -> None:
    spec = importlib.util.spec_from_file_location(
        "render_icons", REPO / "packaging" / "render_icons.py"
    )
    assert spec is not None and spec.loader is not None
    render_icons = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(render_icons)
    fresh = render_icons.render_icons(icon_svg_path(), tmp_path, sizes=(32, 128))
    for path in fresh:
        size = int(path.stem.rsplit("-", 1)[1])
        committed = QImage(str(icon_png_paths()[size])).convertToFormat(QImage.Format.Format_ARGB32)
        rendered = QImage(str(path)).convertToFormat(QImage.Format.Format_ARGB32)
        difference = _mean_difference(committed, rendered)
        # Anti-aliasing may differ by a step between Qt versions; a changed drawing differs a lot.
        assert difference < 3.0, f"{size}px PNG is stale (mean difference {difference:.1f})"


def test_about_box_shows_the_version_and_the_icon(qtbot) -> None:
    box = about_box(None)
    qtbot.addWidget(box)
    assert __version__ in box.text()
    assert "DebateMap" in box.windowTitle()
    assert not box.iconPixmap().isNull()
    assert box.iconPixmap().width() == 96
    heading, body = about_text()
    assert box.text() == heading
    assert box.informativeText() == body
    assert "GPL-3.0-or-later" in body


@pytest.mark.parametrize("size", [16, 512])
def test_icon_is_not_blank(qapp, size: int) -> None:
    image = QImage(str(icon_png_paths()[size]))
    colours = {image.pixel(x, y) for x in range(0, size, max(1, size // 16)) for y in range(size)}
    assert len(colours) > 4, "the icon renders as a flat colour"


def _mean_difference(a: QImage, b: QImage) -> float:
    assert a.size() == b.size()
    total = 0
    for y in range(a.height()):
        for x in range(a.width()):
            pa, pb = a.pixel(x, y), b.pixel(x, y)
            total += sum(abs(((pa >> s) & 0xFF) - ((pb >> s) & 0xFF)) for s in (0, 8, 16, 24))
    return total / (a.width() * a.height() * 4)
