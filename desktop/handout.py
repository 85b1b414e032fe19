"""Handouts and exercise sheets: multi-page PDFs drawn headless with QPdfWriter and QPainter.

A handout starts with the map on a landscape page (the whole map fitted; a big map then also on
tiled pages at a readable size), followed, for each position, by its claims grouped into support
and attack, each with its speaker, its quotation (when the text is embedded) and where it comes
from. Nodes carry printed numbers (P1, P2 … for positions, 1, 2 … for claims) that the map and the
lists share. The map is drawn by the editor's own scene (:class:`desktop.render.MapPage`).

Exercise sheets: ``edges`` prints the claims without relations for students to connect;
``claims`` prints only the positions and then the texts with line numbers.
"""

from __future__ import annotations

import html
import math
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QMarginsF, QPointF, QRectF, QSizeF
from PySide6.QtGui import (
    QColor,
    QFont,
    QPageLayout,
    QPageSize,
    QPainter,
    QPdfWriter,
    QTextDocument,
)

from mapping.citations import argument_rows, number_nodes, quotation, reference
from mapping.errors import MappingError
from mapping.model import ArgumentMap

EXERCISES = ("edges", "claims")
HANDOUT_THEMES = ("print", "light")
RESOLUTION = 300
"""Device units per inch of the PDF (text stays vector; this only sets the painter's grid)."""
MARGIN_MM = 15.0
READABLE_SCALE = 0.62
"""Points per scene unit below which the fitted map is also printed in tiles (claim labels are
about 13 scene units high, so this keeps them near 8 pt)."""
TILE_OVERLAP = 40.0
"""Scene units shared by neighbouring tiles, so a box cut at one edge is whole on the next."""
MAX_TILES = 24


@dataclass(frozen=True)
class Tile:
    """The part of the map picture (scene units) printed on one page."""

    source: QRectF
    row: int
    column: int
    rows: int
    columns: int


def _abbreviates(label: str, quoted: str) -> bool:
    """Whether ``label`` is the start of ``quoted`` (perhaps ending in an ellipsis)."""
    start = " ".join(label.split()).rstrip("….").rstrip()
    return bool(start) and quoted.startswith(start)


def _numbered_copy(argument_map: ArgumentMap, numbers: dict[str, str]) -> ArgumentMap:
    """A throwaway copy whose labels start with their printed numbers."""
    from mapping.formats.debatemap import map_from_dict, map_to_dict

    copy = map_from_dict(map_to_dict(argument_map), source="<handout>")
    for node in list(copy.nodes.values()):
        copy.change_node(node.id, label=f"{numbers[node.id]} · {node.label or node.text}")
    return copy


def plan_tiles(size: tuple[float, float], page: QSizeF, scale: float) -> list[Tile]:
    """Tiles covering a picture of ``size`` scene units at ``scale`` page units per unit."""
    width, height = size
    step_x = page.width() / scale - TILE_OVERLAP
    step_y = page.height() / scale - TILE_OVERLAP
    columns = max(1, math.ceil((width - TILE_OVERLAP) / step_x))
    rows = max(1, math.ceil((height - TILE_OVERLAP) / step_y))
    tiles = []
    for row in range(rows):
        for column in range(columns):
            source = QRectF(
                column * step_x, row * step_y, page.width() / scale, page.height() / scale
            )
            tiles.append(Tile(source, row, column, rows, columns))
    return tiles


class Handout:
    """Builds the pages of one handout or exercise sheet and writes them to a PDF."""

    def __init__(
        self, argument_map: ArgumentMap, exercise: str | None = None, theme: str = "print"
    ) -> None:
        if exercise not in (None, *EXERCISES):
            raise MappingError(f"unknown exercise {exercise!r} (choose {', '.join(EXERCISES)})")
        if theme not in HANDOUT_THEMES:
            raise MappingError(f"unknown handout theme {theme!r} (choose print or light)")
        self.source_map = argument_map
        self.exercise = exercise
        self.theme = theme
        if exercise == "edges":
            from mapping.teaching import exercise_without_edges

            self.map = exercise_without_edges(argument_map)
        elif exercise == "claims":
            from mapping.teaching import exercise_without_claims

            self.map = exercise_without_claims(argument_map)
        else:
            self.map = argument_map
        self.numbers = number_nodes(self.map)

    # ------------------------------------------------------------------ text pages
    def html(self) -> str:
        """The text part of the handout as Qt rich text (every map string escaped)."""
        if self.exercise == "edges":
            return self._edges_exercise_html()
        if self.exercise == "claims":
            return self._claims_exercise_html()
        return self._handout_html()

    def _title(self) -> str:
        return html.escape(self.source_map.title or "Argument map")

    def _entry(self, node_id: str, lead: str = "", depth: int = 0) -> str:
        node = self.map.node(node_id)
        indent = 22 * depth
        said = node.label or node.text or "(no label)"
        quotes = [quotation(self.map, span) for span in node.sources]
        label = html.escape(said)
        if quotes and quotes[0] and _abbreviates(said, quotes[0]):
            # The label is the quotation cut short: print the whole quotation instead.
            label = f"<i>“{html.escape(quotes[0])}”</i>"
            quotes[0] = None
        speaker = f" — {html.escape(node.speaker)}" if node.speaker else ""
        parts = [
            f'<p style="margin-left:{indent}px; margin-top:7px; margin-bottom:0px">'
            f"{lead}<b>[{self.numbers[node_id]}]</b> {label}{speaker}</p>"
        ]
        for span, quoted in zip(node.sources, quotes, strict=True):
            if quoted and " ".join(said.split()) != quoted:
                parts.append(
                    f'<p style="margin-left:{indent + 18}px; margin-top:1px; margin-bottom:0px">'
                    f"<i>“{html.escape(quoted)}”</i></p>"
                )
            parts.append(
                f'<p style="margin-left:{indent + 18}px; margin-top:1px; margin-bottom:0px; '
                f'color:#444444">Source: {html.escape(reference(self.map, span))}</p>'
            )
        return "".join(parts)

    def _handout_html(self) -> str:
        positions = [n for n in self.map.nodes.values() if n.kind == "position"]
        listed: set[str] = {p.id for p in positions}
        out: list[str] = []
        for index, position in enumerate(positions):
            brk = "page-break-before: always; " if index else ""
            out.append(
                f'<h2 style="{brk}margin-bottom:2px">Position {self.numbers[position.id]}: '
                f"{html.escape(position.label or position.id)}</h2>"
            )
            if position.note:
                out.append(f"<p>{html.escape(position.note)}</p>")
            for relation, heading in (("support", "For"), ("attack", "Against")):
                rows = argument_rows(self.map, position.id, relation)
                direct = sum(1 for r in rows if r.depth == 0)
                out.append(f"<h3>{heading} ({direct} claim{'s' if direct != 1 else ''})</h3>")
                if not rows:
                    out.append("<p><i>None in this map.</i></p>")
                for row in rows:
                    listed.add(row.node.id)
                    lead = ""
                    if row.depth:
                        verb = {"support": "supports", "attack": "attacks"}.get(
                            row.relation, "rephrases"
                        )
                        lead = f"↳ {verb} [{self.numbers[row.parent]}]: "
                    out.append(self._entry(row.node.id, lead, row.depth))
        rest = [n for n in self.map.nodes if n not in listed]
        if rest:
            brk = "page-break-before: always; " if positions else ""
            out.append(f'<h2 style="{brk}">Other claims</h2>')
            out.append(
                "<p><i>Claims that support or attack no position, directly or through "
                "others.</i></p>"
            )
            out.extend(self._entry(node_id) for node_id in rest)
        if not self.map.nodes:
            out.append("<p><i>This map is empty.</i></p>")
        return "".join(out)

    def _exercise_opening(self, task: str) -> list[str]:
        """The title, the task, then the numbered positions: how every exercise sheet starts."""
        out = [f"<h2>Exercise: {self._title()}</h2>", f"<p>{task}</p>", "<h3>Positions</h3>"]
        out.extend(self._entry(n.id) for n in self.map.nodes.values() if n.kind == "position")
        return out

    def _edges_exercise_html(self) -> str:
        out = self._exercise_opening(
            "The map shows the positions and claims of the debate without their relations. "
            "Draw an arrow from each claim to the position or claim it is about: a solid arrow "
            "when it <b>supports</b> it, a dashed line ending in a bar when it <b>attacks</b> "
            "it. The numbers on the map are the numbers below."
        )
        out.append("<h3>Claims</h3>")
        out.extend(self._entry(n.id) for n in self.map.nodes.values() if n.kind != "position")
        return "".join(out)

    def _claims_exercise_html(self) -> str:
        out = self._exercise_opening(
            "The map shows only the positions. Read the texts that follow, find the claims "
            "made for and against each position, and add them to the map with the speaker and "
            "the line where each is made."
        )
        for document in self.map.documents.values():
            out.append(f'<h2 style="page-break-before: always">{html.escape(document.name)}</h2>')
            if document.text is None:
                out.append(
                    "<p><i>This map does not contain the text of this document; hand it out "
                    "separately.</i></p>"
                )
                continue
            out.append('<table cellspacing="0" cellpadding="1" width="100%">')
            for number, line in enumerate(document.text.split("\n"), 1):
                if line.strip():
                    out.append(
                        '<tr><td align="right" width="34" style="color:#666666; '
                        f'padding-right:8px">{number}</td><td>{html.escape(line)}</td></tr>'
                    )
            out.append("</table>")
        return "".join(out)

    # ------------------------------------------------------------------ writing
    def write(self, path: str | Path) -> int:
        """Write the PDF; returns its number of pages."""
        from desktop.render import MapPage, RenderOptions, _save_atomically, ensure_application

        ensure_application()
        numbered = _numbered_copy(self.map, self.numbers)
        options = RenderOptions(theme=self.theme, legend=self.exercise != "claims")
        page = MapPage(numbered, options)
        pages = 0

        def paint(target: Path) -> bool:
            nonlocal pages
            writer = QPdfWriter(str(target))
            writer.setCreator("DebateMap")
            writer.setTitle(self.source_map.title or "Argument map")
            writer.setResolution(RESOLUTION)
            margins = QMarginsF(MARGIN_MM, MARGIN_MM, MARGIN_MM, MARGIN_MM)
            a4 = QPageSize(QPageSize.PageSizeId.A4)
            landscape = QPageLayout(
                a4, QPageLayout.Orientation.Landscape, margins, QPageLayout.Unit.Millimeter
            )
            portrait = QPageLayout(
                a4, QPageLayout.Orientation.Portrait, margins, QPageLayout.Unit.Millimeter
            )
            writer.setPageLayout(landscape)
            painter = QPainter(writer)
            if not painter.isActive():
                return False
            try:
                pages = self._paint(painter, writer, page, portrait)
            finally:
                painter.end()
            return True

        try:
            _save_atomically(Path(path), paint)
        finally:
            page.close()
        return pages

    def _paint(self, painter: QPainter, writer: QPdfWriter, page, portrait: QPageLayout) -> int:
        dpi = writer.resolution()
        footer_height = 14 / 72 * dpi
        area = writer.pageLayout().paintRectPixels(dpi)
        map_area = QSizeF(area.width(), area.height() - footer_height)
        width, height = page.size
        fit = min(map_area.width() / width, map_area.height() / height)
        readable = READABLE_SCALE * dpi / 72
        tiles = plan_tiles((width, height), map_area, readable) if fit < readable else []
        if len(tiles) > MAX_TILES:  # a huge map: fewer, smaller tiles rather than a ream
            tiles = plan_tiles((width, height), map_area, fit * math.sqrt(MAX_TILES) * 0.9)

        document = QTextDocument()
        document.documentLayout().setPaintDevice(writer)
        font = QFont()
        font.setPointSizeF(10.0)
        document.setDefaultFont(font)
        document.setDefaultStyleSheet("h2 { font-size: 15pt; } h3 { font-size: 12pt; }")
        document.setHtml(self.html())
        text_area = portrait.paintRectPixels(dpi)
        text_size = QSizeF(text_area.width(), text_area.height() - footer_height)
        document.setPageSize(text_size)
        total = 1 + len(tiles) + document.pageCount()
        number = 1

        def footer(rect_width: float, rect_height: float, where: str = "") -> None:
            painter.save()
            small = QFont()
            small.setPointSizeF(8.0)
            painter.setFont(small)
            painter.setPen(QColor("#555555"))
            y = rect_height - footer_height * 0.2
            title = (self.source_map.title or "Argument map")[:80]
            painter.drawText(QPointF(0, y), f"{where} — {title}" if where else title)
            label = f"Page {number} of {total}"
            advance = painter.fontMetrics().horizontalAdvance(label)
            painter.drawText(QPointF(rect_width - advance, y), label)
            painter.restore()

        # Page 1: the whole map.
        painter.save()
        offset_x = (map_area.width() - width * fit) / 2
        painter.translate(offset_x, 0)
        page.paint(painter, fit)
        painter.restore()
        footer(area.width(), area.height())
        # Tiles at a readable size.
        for tile in tiles:
            writer.newPage()
            number += 1
            painter.save()
            painter.setClipRect(QRectF(0, 0, map_area.width(), map_area.height()))
            painter.translate(-tile.source.left() * readable, -tile.source.top() * readable)
            page.paint(painter, readable)
            painter.restore()
            where = (
                f"Map, part {tile.row * tile.columns + tile.column + 1} of {len(tiles)} "
                f"(row {tile.row + 1} of {tile.rows}, column {tile.column + 1} of {tile.columns})"
            )
            footer(area.width(), area.height(), where)
        # The text pages.
        writer.setPageLayout(portrait)
        for index in range(document.pageCount()):
            writer.newPage()
            number += 1
            painter.save()
            painter.setClipRect(QRectF(0, 0, text_size.width(), text_size.height()))
            painter.translate(0, -index * text_size.height())
            document.drawContents(
                painter,
                QRectF(0, index * text_size.height(), text_size.width(), text_size.height()),
            )
            painter.restore()
            footer(text_area.width(), text_area.height())
        return number


def write_handout(
    argument_map: ArgumentMap,
    path: str | Path,
    *,
    exercise: str | None = None,
    theme: str = "print",
) -> int:
    """Write a handout (or an exercise sheet) of ``argument_map`` as a PDF; returns its pages."""
    return Handout(argument_map, exercise, theme).write(path)
