"""Image export: PNG, SVG and PDF drawn by the editor's own scene, with or without a window.

There is one renderer: :class:`desktop.canvas.MapScene`, the class the editor shows. Export
builds a fresh scene on the map (so the window's selection, hover and find halos never leak into
a picture), hides what is not wanted (a selection, one position's argument), and paints a page:
the map's title on top, the scene in the middle, an optional legend of the edge styles below.
Text stays text in SVG (QSvgGenerator) and PDF (QPdfWriter). Everything works under
``QT_QPA_PLATFORM=offscreen``, which :func:`ensure_application` sets when there is no display.
"""

from __future__ import annotations

import math
import os
import re
import sys
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QIODevice,
    QMarginsF,
    QPointF,
    QRect,
    QRectF,
    QSize,
    QSizeF,
    Qt,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontInfo,
    QFontMetricsF,
    QImage,
    QPagedPaintDevice,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QPen,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QApplication, QGraphicsItem, QStyleOptionGraphicsItem

from desktop.canvas import EdgeItem, MapScene, NodeItem, Theme, node_size, theme_named
from desktop.canvas.items import (
    LABEL_PEN_STYLES,
    paint_assumption_pin,
    paint_badge,
    paint_strength_bar,
)
from desktop.canvas.verdicts import LABEL_WORDS, LABELS, EvaluationOverlay
from mapping.errors import MappingError
from mapping.model import ArgumentMap, Edge, Node

IMAGE_FORMATS = (".png", ".svg", ".pdf")
THEME_NAMES = ("light", "dark", "print")
MAX_SIDE_PIXELS = 30000
PNG_QUALITY = 80
MAX_PIXELS = 200_000_000
"""No PNG is bigger, whatever the caller asks: beyond this a picture costs gigabytes."""
DEFAULT_MAX_PIXELS = 50_000_000
"""PNGs are scaled down to this unless the caller asks for more. Many image viewers and browsers
refuse larger pictures, and compressing one takes seconds per 50 megapixels; SVG and PDF keep
every detail of a big map at any size."""


class ExportError(MappingError):
    """The picture cannot be made as asked (unknown position, empty selection, bad size)."""


@dataclass
class RenderOptions:
    """How a map becomes a picture; the export dialog and ``debatemap export`` fill the same."""

    theme: str = "light"
    dpi: float = 96.0
    """Pixels per inch of a PNG; 96 draws one scene unit as one pixel (at scale 1)."""
    scale: float = 1.0
    transparent: bool = False
    legend: bool = False
    title: bool = True
    only: frozenset[str] | None = None
    """Node and edge ids to draw (a selection or one position's argument); None draws all."""
    margin: float = 30.0
    max_pixels: float = DEFAULT_MAX_PIXELS
    """A bigger PNG is scaled down to this many pixels (at most :data:`MAX_PIXELS`)."""
    evaluation: EvaluationOverlay | None = None
    """Evaluate mode's labels or strengths to draw on the nodes, with their legend; None: none."""
    notes: list[str] = field(default_factory=list)
    """Filled while rendering: what the caller should tell the user (a PNG was scaled down)."""

    def check(self) -> None:
        if self.theme not in THEME_NAMES:
            raise ExportError(f"unknown theme {self.theme!r} (choose {', '.join(THEME_NAMES)})")
        for name in ("dpi", "scale"):
            value = getattr(self, name)
            if not (isinstance(value, int | float) and math.isfinite(value) and value > 0):
                raise ExportError(f"--{name} must be a positive number, not {value!r}")
        if self.dpi > 2400 or self.scale > 50:
            raise ExportError("--dpi above 2400 or --scale above 50 makes no sensible picture")
        if not 1_000_000 <= self.max_pixels <= MAX_PIXELS:
            raise ExportError(
                f"--max-megapixels must be between 1 and {MAX_PIXELS // 1_000_000}, "
                f"not {self.max_pixels / 1e6:g}"
            )


# ----------------------------------------------------------------------- choosing what to draw
def find_position(argument_map: ArgumentMap, key: str) -> Node:
    """The position whose id is ``key``, else whose label is or contains it (case-insensitive)."""
    positions = [n for n in argument_map.nodes.values() if n.kind == "position"]
    for node in positions:
        if node.id == key:
            return node
    folded = key.casefold().strip()
    exact = [n for n in positions if n.label.casefold().strip() == folded]
    if len(exact) == 1:
        return exact[0]
    partial = [n for n in positions if folded and folded in n.label.casefold()]
    if len(partial) == 1:
        return partial[0]
    known = "; ".join(f"{n.id} ({n.label[:40]})" for n in positions) or "the map has none"
    if len(partial) > 1:
        raise ExportError(f"{key!r} matches {len(partial)} positions; use an id: {known}")
    raise ExportError(f"there is no position {key!r}; positions: {known}")


def argument_of(argument_map: ArgumentMap, node_id: str) -> frozenset[str]:
    """``node_id`` and everything that supports or attacks it, directly or through others."""
    seen = {node_id}
    queue = [node_id]
    while queue:
        for edge in argument_map.in_edges(queue.pop()):
            if edge.source not in seen:
                seen.add(edge.source)
                queue.append(edge.source)
    edges = {e.id for n in seen for e in argument_map.in_edges(n) if e.source in seen}
    return frozenset(seen | edges)


def closed_selection(argument_map: ArgumentMap, ids: Iterable[str]) -> frozenset[str]:
    """Selected nodes, selected edges with their two ends, and edges between selected nodes."""
    chosen = set()
    for item_id in ids:
        if item_id in argument_map.nodes:
            chosen.add(item_id)
        elif item_id in argument_map.edges:
            edge = argument_map.edge(item_id)
            chosen.update((item_id, edge.source, edge.target))
    nodes = {i for i in chosen if i in argument_map.nodes}
    chosen.update(
        e.id for e in argument_map.edges.values() if e.source in nodes and e.target in nodes
    )
    return frozenset(chosen)


def submap(argument_map: ArgumentMap, keep: frozenset[str]) -> ArgumentMap:
    """A copy of the map with only the nodes and edges in ``keep`` (for graph-file exports)."""
    from mapping.formats.debatemap import map_from_dict, map_to_dict

    data = map_to_dict(argument_map)
    data["nodes"] = [n for n in data["nodes"] if n["id"] in keep]
    data["edges"] = [e for e in data["edges"] if e["id"] in keep]
    return map_from_dict(data, source="<export>")


def laid_out_copy(argument_map: ArgumentMap, theme_name: str = "light") -> tuple[ArgumentMap, str]:
    """A copy of the map with an automatic layout (the user's map is never changed by export)."""
    from mapping.formats.debatemap import map_from_dict, map_to_dict
    from mapping.layout import layout_map
    from mapping.model import move_nodes

    copy = map_from_dict(map_to_dict(argument_map), source="<export>")
    theme = theme_named(theme_name)
    sizes = {n.id: node_size(n, theme) for n in copy.nodes.values()}
    result = layout_map(copy, sizes)
    copy.execute(move_nodes(result.positions, "Auto Layout"))
    return copy, result.engine


# -------------------------------------------------------------------------------- the page
def ensure_application() -> QApplication:
    """A Q(Gui)Application, made offscreen when there is no display (command line, CI)."""

    app = QApplication.instance()
    if app is None:
        if sys.platform.startswith("linux") and not (
            os.environ.get("DISPLAY") or os.environ.get("WAYLAND_DISPLAY")
        ):
            os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
        app = QApplication(sys.argv[:1])
    return app


class MapPage:
    """The picture of a map in scene units: title, the scene's items, the legend."""

    TITLE_GAP = 14.0
    LEGEND_GAP = 18.0

    def __init__(self, argument_map: ArgumentMap, options: RenderOptions) -> None:

        options.check()
        ensure_application()
        self.map = argument_map
        self.options = options
        # Name the font Qt really uses, so an SVG viewer picks the same one (not "Sans Serif").
        theme = theme_named(options.theme)
        if not theme.font_family:
            theme = theme._replace(font_family=QFontInfo(QFont()).family())
        self.theme = theme
        self.scene = MapScene(argument_map, self.theme)
        self.scene.detach()  # a snapshot: the picture does not follow later edits
        for node_item in self.scene.node_items():
            # The window caches boxes as pixmaps; a picture must get vectors and real text.
            node_item.setCacheMode(QGraphicsItem.CacheMode.NoCache)
        if options.evaluation is not None:
            overlay = options.evaluation
            if options.only is not None:  # the legend counts only what the picture shows
                verdicts = {k: v for k, v in overlay.verdicts.items() if k in options.only}
                overlay = replace(overlay, verdicts=verdicts)
            self.scene.set_evaluation(overlay)
        if options.transparent:
            self.scene.setBackgroundBrush(QColor(0, 0, 0, 0))
        if options.only is not None:
            if not any(i in argument_map.nodes for i in options.only):
                raise ExportError("nothing to draw: the selection has no nodes")
            for item in self.scene.node_items():
                item.setVisible(item.node_id in options.only)
            for item in self.scene.edge_items():
                item.setVisible(item.edge_id in options.only)
            self.scene.lay_out_ports()
        self.source = self.scene.map_rect(options.margin)
        self.title = argument_map.title.strip() if options.title else ""
        self.title_font = QFont(self.theme.font_family) if self.theme.font_family else QFont()
        self.title_font.setPixelSize(round(self.theme.font_size * 2.0 * 96 / 72))
        self.title_font.setBold(True)
        width, top = self.source.width(), 0.0
        self.title_rect = QRectF()
        if self.title:
            metrics = QFontMetricsF(self.title_font)
            lines = self._title_lines(metrics, max(width, 600.0) - 2 * options.margin)
            height = len(lines) * metrics.lineSpacing()
            text_width = max(metrics.horizontalAdvance(line) for line in lines)
            width = max(width, text_width + 2 * options.margin)
            self.title_rect = QRectF(options.margin, options.margin, text_width, height)
            self.title_lines = lines
            top = options.margin + height + self.TITLE_GAP - options.margin / 2
        self.map_rect = QRectF(0.0, max(top, 0.0), self.source.width(), self.source.height())
        self.legend = None
        if options.legend or options.evaluation is not None:
            relations = self._relations() if options.legend else []
            self.legend = _Legend(self.theme, relations, self.scene.evaluation)
        height = self.map_rect.bottom()
        if self.legend is not None:
            width = max(width, self.legend.width + 2 * options.margin)
            self.legend_origin = (options.margin, height)
            height += self.legend.height + options.margin
        self.size = (math.ceil(width), math.ceil(height))

    def _relations(self) -> list[tuple[str, bool]]:
        shown = [
            e
            for e in self.map.edges.values()
            if self.options.only is None or e.id in self.options.only
        ]
        relations = [("support", False), ("attack", False), ("rephrase", False)]
        if any(e.origin == "seeded" for e in shown):
            relations.append(("support", True))
        return relations

    def _title_lines(self, metrics: QFontMetricsF, width: float) -> list[str]:

        words, lines, line = self.title.split(), [], ""
        for word in words:
            trial = f"{line} {word}".strip()
            if line and metrics.horizontalAdvance(trial) > width:
                lines.append(line)
                line = word
            else:
                line = trial
        lines.append(line)
        if len(lines) > 3:
            rest = " ".join(lines[2:])
            lines = [*lines[:2], metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width)]
        return lines

    def paint(self, painter: QPainter, scale: float) -> None:
        """Draw the page with ``painter`` at ``scale`` device units per scene unit."""

        p = painter
        p.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        p.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        p.scale(scale, scale)
        width, height = self.size
        if not self.options.transparent:
            p.fillRect(QRectF(0, 0, width, height), QColor(self.theme.background))
        self.scene.render(p, self.map_rect, self.source)
        if self.title:
            p.setFont(self.title_font)
            p.setPen(QColor(self.theme.text))
            metrics = QFontMetricsF(self.title_font)
            y = self.title_rect.top() + metrics.ascent()
            for line in self.title_lines:
                p.drawText(QPointF(self.title_rect.left(), y), line)
                y += metrics.lineSpacing()
        if self.legend is not None:
            p.save()
            p.translate(*self.legend_origin)
            self.legend.paint(p)
            p.restore()

    def close(self) -> None:
        self.scene.clear()
        self.scene.deleteLater()


LEGEND_MEANING = {
    ("support", False): "supports",
    ("attack", False): "attacks",
    ("rephrase", False): "rephrases (says the same)",
    ("support", True): "proposed by the seeder, not yet confirmed",
}


class _Legend:
    """Sample arrows drawn by the scene's own EdgeItem, each with what it means; in Evaluate
    mode also the label badges (or the strength bar) drawn by the node items' own painters."""

    ROW = 26.0
    SAMPLE = 70.0

    def __init__(
        self,
        theme: Theme,
        relations: list[tuple[str, bool]],
        evaluation: EvaluationOverlay | None = None,
    ) -> None:

        self.theme = theme
        self.relations = relations
        self.evaluation = evaluation
        self.font = QFont(theme.font_family) if theme.font_family else QFont()
        self.font.setPixelSize(round(theme.font_size * 96 / 72))
        metrics = QFontMetricsF(self.font)
        texts = [LEGEND_MEANING[r] for r in relations] + [t for _, t in self._evaluation_rows()]
        widest = max(metrics.horizontalAdvance(t) for t in texts)
        self.width = 20.0 + self.SAMPLE + 12.0 + widest + 20.0
        self.height = 12.0 + len(texts) * self.ROW + 8.0

    def _evaluation_rows(self) -> list[tuple[str, str]]:
        """(what to draw, what it means) rows for the evaluation overlay."""
        overlay = self.evaluation
        if overlay is None:
            return []
        rows = [("caption", f"Evaluated: {overlay.caption}")]
        if overlay.gradual:
            rows.append(("strength", "strength from 0 to 1 (the filled part of the bar)"))
        else:
            counts = overlay.counts()
            rows += [(label, f"{LABEL_WORDS[label]}: {counts[label]}") for label in LABELS]
        if any(v.assumed for v in overlay.verdicts.values()):
            rows.append(("pin", "what if: assumed by the user"))
        return rows

    def paint(self, painter: QPainter) -> None:

        t = self.theme
        p = painter
        frame = QRectF(0, 0, self.width, self.height)
        border = QColor(t.border)
        border.setAlphaF(0.6)
        p.setPen(QPen(border, 1.0))
        p.setBrush(Qt.BrushStyle.NoBrush)
        p.drawRoundedRect(frame, 6.0, 6.0)
        metrics = QFontMetricsF(self.font)
        option = QStyleOptionGraphicsItem()
        for row, (relation, seeded) in enumerate(self.relations):
            y = 12.0 + row * self.ROW + self.ROW / 2 - 4.0
            # Two invisible end boxes; only the edge between them is painted.
            left = NodeItem(Node("a", kind="note"), t)
            right = NodeItem(Node("b", kind="note"), t)
            left.setPos(20.0 - left.box.width() / 2, y)
            right.setPos(20.0 + self.SAMPLE + right.box.width() / 2, y)
            origin = "seeded" if seeded else "user"
            edge = EdgeItem(Edge("e", "a", "b", relation, origin=origin), left, right, t)
            edge.paint(p, option)
            p.setFont(self.font)
            p.setPen(QColor(t.text))
            p.drawText(
                QPointF(20.0 + self.SAMPLE + 12.0, y + metrics.ascent() / 2 - 1.0),
                LEGEND_MEANING[(relation, seeded)],
            )
        for row, (what, text) in enumerate(self._evaluation_rows(), len(self.relations)):
            y = 12.0 + row * self.ROW + self.ROW / 2 - 4.0
            centre = QPointF(20.0 + self.SAMPLE / 2, y)
            if what in LABELS:
                pen = QPen(QColor(t.label_color(what)), 2.4)
                pen.setStyle(LABEL_PEN_STYLES[what])
                p.setPen(pen)
                p.drawLine(QPointF(40.0, y), QPointF(20.0 + self.SAMPLE, y))
                paint_badge(p, QPointF(28.0, y), what, t)
            elif what == "strength":
                bar = QRectF(20.0, y - 2.0, self.SAMPLE, 4.0)
                paint_strength_bar(p, bar, 0.7, t)
            elif what == "pin":
                paint_assumption_pin(p, QPointF(centre.x(), y + 7.0), "IN", t)
            p.setFont(self.font)
            p.setPen(QColor(t.text))
            x = 20.0 if what == "caption" else 20.0 + self.SAMPLE + 12.0
            p.drawText(QPointF(x, y + metrics.ascent() / 2 - 1.0), text)


# ------------------------------------------------------------------------------ the formats
def render_image(argument_map: ArgumentMap, options: RenderOptions) -> QImage:
    """The map as a QImage (ARGB32, premultiplied) at ``options.dpi`` and ``options.scale``."""

    page = MapPage(argument_map, options)
    try:
        factor = options.scale * options.dpi / 96.0
        width, height = page.size
        limit = min(
            MAX_SIDE_PIXELS / (width * factor),
            MAX_SIDE_PIXELS / (height * factor),
            math.sqrt(options.max_pixels / (width * height * factor * factor)),
        )
        if limit < 1.0:
            factor *= limit
            options.notes.append(
                f"the picture was scaled down to {limit:.0%} to stay under "
                f"{MAX_SIDE_PIXELS:,} pixels a side and {options.max_pixels / 1e6:.0f} megapixels; "
                "SVG and PDF keep full detail"
            )
        # Round up to keep the whole drawing, but down when scaled to fit a pixel budget.
        rounded = math.floor if limit < 1.0 else math.ceil
        image = QImage(
            max(1, rounded(width * factor)),
            max(1, rounded(height * factor)),
            QImage.Format.Format_ARGB32_Premultiplied,
        )
        if image.isNull():
            raise ExportError("not enough memory for a picture this large; lower --scale")
        dots_per_meter = round(options.dpi / 0.0254)
        image.setDotsPerMeterX(dots_per_meter)
        image.setDotsPerMeterY(dots_per_meter)
        image.fill(0)
        painter = QPainter(image)
        try:
            page.paint(painter, factor)
        finally:
            painter.end()
        return image
    finally:
        page.close()


def write_png(argument_map: ArgumentMap, path: str | Path, options: RenderOptions) -> None:
    image = render_image(argument_map, options)
    # Quality 80 is zlib level 2: half the time of the default for about 15 % more bytes.
    _save_atomically(Path(path), lambda target: image.save(str(target), "PNG", PNG_QUALITY))


def svg_bytes(argument_map: ArgumentMap, options: RenderOptions) -> bytes:
    """The map as SVG: shapes as paths, text as <text> elements."""

    page = MapPage(argument_map, options)
    try:
        width, height = page.size
        data = QByteArray()
        buffer = QBuffer(data)
        buffer.open(QIODevice.OpenModeFlag.WriteOnly)
        generator = QSvgGenerator()
        generator.setOutputDevice(buffer)
        size = QSize(math.ceil(width * options.scale), math.ceil(height * options.scale))
        generator.setSize(size)
        generator.setViewBox(QRect(0, 0, size.width(), size.height()))
        generator.setResolution(96)
        generator.setTitle(argument_map.title or "Argument map")
        generator.setDescription("Made with DebateMap")
        painter = QPainter(generator)
        try:
            page.paint(painter, options.scale)
        finally:
            painter.end()
        buffer.close()
        svg = bytes(data.data())
        # Qt gives the size in mm for 90 dpi viewers; browsers and editors expect pixels.
        svg = re.sub(
            rb'<svg width="[^"]*" height="[^"]*"',
            f'<svg width="{size.width()}" height="{size.height()}"'.encode(),
            svg,
            count=1,
        )
        return re.sub(rb'font-family="([^"]*)"', rb'font-family="\1, sans-serif"', svg)
    finally:
        page.close()


def write_svg(argument_map: ArgumentMap, path: str | Path, options: RenderOptions) -> None:
    from mapping.formats.debatemap import write_atomically

    write_atomically(Path(path), svg_bytes(argument_map, options), backup=False)


def write_pdf(argument_map: ArgumentMap, path: str | Path, options: RenderOptions) -> None:
    """One PDF page exactly the size of the picture (scene units at 96 per inch, times scale)."""

    page = MapPage(argument_map, options)
    try:
        width, height = page.size
        points = QSizeF(width * options.scale * 72 / 96, height * options.scale * 72 / 96)

        def paint(target: Path) -> bool:
            writer = QPdfWriter(str(target))
            writer.setCreator("DebateMap")
            writer.setTitle(argument_map.title or "Argument map")
            writer.setResolution(1200)
            size = QPageSize(points, QPageSize.Unit.Point, "", QPageSize.SizeMatchPolicy.ExactMatch)
            orientation = QPageLayout.Orientation.Portrait
            writer.setPageLayout(QPageLayout(size, orientation, QMarginsF(0, 0, 0, 0)))
            painter = QPainter(writer)
            if not painter.isActive():
                return False
            try:
                page.paint(painter, options.scale * writer.resolution() / 96.0)
            finally:
                painter.end()
            return True

        _save_atomically(Path(path), paint)
    finally:
        page.close()


def export_image(
    argument_map: ArgumentMap, path: str | Path, options: RenderOptions | None = None
) -> None:
    """Write a PNG, SVG or PDF picture of the map, chosen by ``path``'s extension."""
    options = options or RenderOptions()
    suffix = Path(path).suffix.lower()
    writers = {".png": write_png, ".svg": write_svg, ".pdf": write_pdf}
    if suffix not in writers:
        raise ExportError(
            f"{path}: pictures are .png, .svg or .pdf, not {suffix or 'no extension'}"
        )
    writers[suffix](argument_map, path, options)


def _save_atomically(path: Path, save: Callable[[Path], bool]) -> None:
    """Let ``save(temporary)`` write next to ``path``, then move it into place."""
    import tempfile

    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{path.name}.", suffix=path.suffix, dir=directory)
    except OSError as error:
        raise ExportError(f"cannot write here: {error.strerror}", file=str(path)) from None
    os.close(fd)
    temporary = Path(name)
    try:
        if not save(temporary):
            raise ExportError("Qt could not write the picture", file=str(path))
        os.chmod(temporary, 0o644)
        os.replace(temporary, path)
    except OSError as error:
        raise ExportError(f"could not write: {error.strerror or error}", file=str(path)) from None
    finally:
        temporary.unlink(missing_ok=True)


def print_map(
    argument_map: ArgumentMap, printer: QPagedPaintDevice, options: RenderOptions, *,
    tiled: bool = False,
) -> int:  # fmt: skip
    """Print the page on ``printer``: fitted to one sheet, or tiled at true size; returns sheets.

    Tiled printing draws one scene unit as 1/96 inch times ``options.scale``, across as many
    sheets as that takes (left to right, then top to bottom).
    """
    page = MapPage(argument_map, options)
    painter = QPainter()
    try:
        if not painter.begin(printer):
            raise ExportError("the printer could not start a job")
        dpi = printer.logicalDpiX()
        area = printer.pageLayout().paintRectPixels(dpi)
        width, height = page.size
        if not tiled:
            scale = min(area.width() / width, area.height() / height)
            painter.translate(
                (area.width() - width * scale) / 2, (area.height() - height * scale) / 2
            )
            page.paint(painter, scale)
            return 1
        scale = options.scale * dpi / 96.0
        columns = max(1, math.ceil(width * scale / area.width()))
        rows = max(1, math.ceil(height * scale / area.height()))
        for row in range(rows):
            for column in range(columns):
                if row or column:
                    printer.newPage()
                painter.save()
                painter.setClipRect(QRectF(0, 0, area.width(), area.height()))
                painter.translate(-column * area.width(), -row * area.height())
                page.paint(painter, scale)
                painter.restore()
        return rows * columns
    finally:
        if painter.isActive():
            painter.end()
        page.close()
