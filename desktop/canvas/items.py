"""The graphics items of a map: a box per node, an arrow per edge.

Items draw a model record; they never own data. A node's ``(x, y)`` is the centre of its box, and
the box's size follows from wrapping its label (:func:`node_size`, which layout also uses). Labels
are always drawn as plain text, so markup typed or imported by a user is shown, never interpreted.
"""

from __future__ import annotations

import math
from functools import lru_cache
from typing import TYPE_CHECKING, NamedTuple

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import (
    QBrush,
    QColor,
    QFont,
    QFontMetricsF,
    QPainter,
    QPainterPath,
    QPainterPathStroker,
    QPen,
    QPolygonF,
    QTextLayout,
    QTextOption,
)
from PySide6.QtWidgets import QGraphicsItem, QStyleOptionGraphicsItem, QWidget

from desktop.canvas.ports import (
    BAR,
    BOTTOM,
    CORNER_MARGIN,
    POINTED,
    RIGHT,
    TAIL,
    TOP,
    head_room,
    side_of,
    spread,
    untangle,
)
from desktop.canvas.theme import Theme
from mapping.model import Edge, Node

if TYPE_CHECKING:
    from collections.abc import Collection, Mapping

    from desktop.canvas.verdicts import Verdict

SELECTION_MARGIN = 5.0
"""Room around a box for the selection outline and the find halo."""
HANDLE_RADIUS = 5.5
LOW_DETAIL = 0.35
"""Below this zoom factor the canvas draws boxes without text and arrows without heads.

Only on screen: exported pictures draw full detail at any scale."""
BADGE_RADIUS = 8.0
"""Evaluate mode: the label badge (✓ ✗ ?) sits on a node's top-left corner."""
LOW_DETAIL_PATTERNS = {
    "IN": Qt.BrushStyle.SolidPattern,
    "OUT": Qt.BrushStyle.BDiagPattern,
    "UNDEC": Qt.BrushStyle.Dense5Pattern,
}
"""Evaluate mode at low zoom: too small for badges, so a texture per label besides its colour."""
LABEL_PEN_STYLES = {
    "IN": Qt.PenStyle.SolidLine,
    "OUT": Qt.PenStyle.DashLine,
    "UNDEC": Qt.PenStyle.DotLine,
}


# KindStyle and NodeLayout are NamedTuples rather than frozen dataclasses: this module is
# imported before the first paint, and creating a dataclass costs about 0.5 ms.
class KindStyle(NamedTuple):
    max_text_width: float
    min_width: float
    padding: float
    font_scale: float
    bold: bool
    italic: bool
    max_lines: int
    border_scale: float


KIND_STYLES: dict[str, KindStyle] = {
    "position": KindStyle(230.0, 150.0, 12.0, 1.3, True, False, 5, 1.8),
    "claim": KindStyle(190.0, 90.0, 9.0, 1.0, False, False, 7, 1.0),
    "question": KindStyle(180.0, 90.0, 9.0, 1.0, False, False, 6, 1.0),
    "note": KindStyle(170.0, 80.0, 9.0, 0.92, False, True, 7, 0.8),
}
_QUESTION_POINT = 10.0
"""How far a question's pointed sides reach beyond its text box."""


# ----------------------------------------------------------------------------- text layout
@lru_cache(maxsize=64)
def _font(family: str, pixel_size: int, bold: bool, italic: bool) -> QFont:
    # Pixel sizes, not point sizes: scene units then mean the same on screen, in PNGs and in PDFs.
    font = QFont(family) if family else QFont()
    font.setPixelSize(max(1, pixel_size))
    font.setBold(bold)
    font.setItalic(italic)
    return font


def _pixels(points: float) -> int:
    return round(points * 96.0 / 72.0)


def label_font(kind: str, theme: Theme) -> QFont:
    style = KIND_STYLES.get(kind, KIND_STYLES["claim"])
    return _font(
        theme.font_family, _pixels(theme.font_size * style.font_scale), style.bold, style.italic
    )


def speaker_font(theme: Theme) -> QFont:
    return _font(theme.font_family, _pixels(theme.font_size * 0.85), False, True)


def _font_key(font: QFont) -> tuple[str, int, bool, bool]:
    return (font.family(), font.pixelSize(), font.bold(), font.italic())


@lru_cache(maxsize=20000)
def _wrap(
    text: str, font_key: tuple[str, int, bool, bool], width: float, max_lines: int
) -> tuple[tuple[str, ...], float]:
    """``text`` broken into at most ``max_lines`` lines of ``width``; and the widest line."""
    font = _font(*font_key)
    metrics = QFontMetricsF(font)
    lines: list[str] = []
    for paragraph in text.split("\n") or [""]:
        layout = QTextLayout(paragraph, font)
        option = QTextOption()
        option.setWrapMode(QTextOption.WrapMode.WrapAtWordBoundaryOrAnywhere)
        layout.setTextOption(option)
        layout.beginLayout()
        while True:
            line = layout.createLine()
            if not line.isValid():
                break
            line.setLineWidth(width)
            start = line.textStart()
            lines.append(paragraph[start : start + line.textLength()].rstrip())
        layout.endLayout()
        if not paragraph:
            lines.append("")
    if len(lines) > max_lines:
        last = " ".join(lines[max_lines - 1 :])
        lines = [
            *lines[: max_lines - 1],
            metrics.elidedText(last, Qt.TextElideMode.ElideRight, width),
        ]
    widest = max((metrics.horizontalAdvance(line) for line in lines), default=0.0)
    return tuple(lines), widest


class NodeLayout(NamedTuple):
    """Where a node's box and text go, relative to the node's centre."""

    width: float
    height: float
    lines: tuple[str, ...]
    speaker: str
    line_height: float
    speaker_height: float
    text_left: float
    text_top: float


def node_layout(node: Node, theme: Theme) -> NodeLayout:
    style = KIND_STYLES.get(node.kind, KIND_STYLES["claim"])
    font = label_font(node.kind, theme)
    metrics = QFontMetricsF(font)
    label = node.label or node.text or ""
    lines, widest = _wrap(label, _font_key(font), style.max_text_width, style.max_lines)
    line_height = metrics.lineSpacing()
    speaker = node.speaker if node.kind in ("claim", "question") else ""
    speaker_height = 0.0
    if speaker:
        speaker_metrics = QFontMetricsF(speaker_font(theme))
        speaker = speaker_metrics.elidedText(
            speaker, Qt.TextElideMode.ElideRight, style.max_text_width
        )
        widest = max(widest, speaker_metrics.horizontalAdvance(speaker))
        speaker_height = speaker_metrics.lineSpacing() + 2.0
    side = style.padding + (_QUESTION_POINT if node.kind == "question" else 0.0)
    width = max(style.min_width, math.ceil(widest) + 2 * side)
    height = max(line_height, len(lines) * line_height) + speaker_height + 2 * style.padding
    height = math.ceil(height)
    return NodeLayout(
        width=float(width),
        height=float(height),
        lines=lines,
        speaker=speaker,
        line_height=line_height,
        speaker_height=speaker_height,
        text_left=-width / 2 + side,
        text_top=-height / 2 + style.padding,
    )


def node_size(node: Node, theme: Theme | None = None) -> tuple[float, float]:
    """Width and height of ``node``'s box in scene units (layout engines space nodes by it)."""
    if theme is None:
        from desktop.canvas.theme import LIGHT

        theme = LIGHT
    layout = node_layout(node, theme)
    return layout.width, layout.height


def _mix(color: str, other: str, amount: float) -> QColor:
    """``amount`` of ``color`` over ``other``."""
    a, b = QColor(color), QColor(other)
    if not a.isValid():
        return b
    return QColor.fromRgbF(
        a.redF() * amount + b.redF() * (1 - amount),
        a.greenF() * amount + b.greenF() * (1 - amount),
        a.blueF() * amount + b.blueF() * (1 - amount),
    )


def _plain_tooltip(*parts: str) -> str:
    import html  # tooltips are built on hover

    body = "<br>".join(html.escape(p).replace("\n", "<br>") for p in parts if p)
    return f"<p style='white-space:pre-wrap'>{body}</p>" if body else ""


def badge_font(theme: Theme) -> QFont:
    return _font(theme.font_family, round(BADGE_RADIUS * 1.5), True, False)


def paint_badge(painter: QPainter, center: QPointF, label: str, theme: Theme) -> None:
    """The round badge of an evaluation label: its colour with ✓, ✗ or ? in the background colour.

    The glyph is drawn as text, so an SVG export keeps it as text.
    """
    r = BADGE_RADIUS
    painter.setPen(QPen(QColor(theme.background), 1.5))
    painter.setBrush(QColor(theme.label_color(label)))
    painter.drawEllipse(center, r, r)
    painter.setFont(badge_font(theme))
    painter.setPen(QColor(theme.background))
    rect = QRectF(center.x() - r, center.y() - r, 2 * r, 2 * r)
    from desktop.canvas.verdicts import BADGES  # Evaluate mode only (start-up time)

    painter.drawText(rect, int(Qt.AlignmentFlag.AlignCenter), BADGES.get(label, "?"))


def paint_assumption_pin(painter: QPainter, tip: QPointF, label: str, theme: Theme) -> None:
    """A map marker standing on ``tip``: the user fixed this node for "what if"."""
    r = 5.5
    centre = QPointF(tip.x(), tip.y() - 2.2 * r)
    marker = QPainterPath()
    marker.moveTo(tip)
    # From the tip up to the round head's left side, round over the top, and back down.
    marker.lineTo(centre.x() - r * 0.92, centre.y() + r * 0.4)
    marker.arcTo(QRectF(centre.x() - r, centre.y() - r, 2 * r, 2 * r), 204.0, -228.0)
    marker.closeSubpath()
    painter.setPen(QPen(QColor(theme.background), 1.4))
    painter.setBrush(QColor(theme.label_color(label)))
    painter.drawPath(marker)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(QColor(theme.background))
    painter.drawEllipse(centre, r * 0.4, r * 0.4)


def paint_strength_bar(painter: QPainter, rect: QRectF, strength: float, theme: Theme) -> None:
    """A small bar: a track the width of ``rect``, filled in proportion to ``strength``."""
    strength = min(max(strength, 0.0), 1.0)
    track = QColor(theme.border)
    track.setAlphaF(0.25)
    painter.setPen(Qt.PenStyle.NoPen)
    painter.setBrush(track)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)
    if strength > 0:
        filled = QRectF(rect.left(), rect.top(), max(rect.height(), rect.width() * strength),
                        rect.height())  # fmt: skip
        painter.setBrush(QColor(theme.support))
        painter.drawRoundedRect(filled, rect.height() / 2, rect.height() / 2)
    painter.setPen(QPen(QColor(theme.border), 0.8))
    painter.setBrush(Qt.BrushStyle.NoBrush)
    painter.drawRoundedRect(rect, rect.height() / 2, rect.height() / 2)


# ----------------------------------------------------------------------------------- nodes
class NodeItem(QGraphicsItem):
    """A node's box: its kind's shape, its colour, its speaker and its word-wrapped label."""

    Type = QGraphicsItem.UserType + 1

    def __init__(self, node: Node, theme: Theme) -> None:
        super().__init__()
        self.node_id = node.id
        self.node = node
        self.theme = theme
        self.edges: set[EdgeItem] = set()
        self._ports: dict[EdgeItem, tuple[float, float, float]] = {}
        """Where each edge meets this box, relative to the box's centre (see ports.py), and
        the room there for the arrowhead (:meth:`head_room`)."""
        self.crowded = False
        """Some side of the box has more than one arrow end (its ports were untangled)."""
        self._highlighted = False
        self._hovered = False
        self._verdict: Verdict | None = None
        self.setFlags(
            QGraphicsItem.GraphicsItemFlag.ItemIsSelectable
            | QGraphicsItem.GraphicsItemFlag.ItemSendsGeometryChanges
        )
        self.setAcceptHoverEvents(True)
        self.setCacheMode(QGraphicsItem.CacheMode.DeviceCoordinateCache)
        self.setZValue(1.0)
        self._apply(node, first=True)

    def type(self) -> int:
        return self.Type

    # ----------------------------------------------------------- following the model
    def set_node(self, node: Node) -> None:
        """Show ``node`` (the model changed it)."""
        self._apply(node, first=False)

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self._apply(self.node, first=True)

    def _apply(self, node: Node, *, first: bool) -> None:
        old = self.node
        self.node = node
        looks_changed = first or (
            (old.kind, old.label, old.text, old.speaker, old.color, old.pinned)
            != (node.kind, node.label, node.text, node.speaker, node.color, node.pinned)
        )
        if looks_changed:
            self.prepareGeometryChange()
            self.layout = node_layout(node, self.theme)
            self._build_paths()
            self._fill = self._fill_color()
            self._border = self._border_color()
            self.update()
        if first or (old.x, old.y) != (node.x, node.y):
            self.move_to(node.x, node.y)
        elif looks_changed:
            self.adjust_edges()

    def _build_paths(self) -> None:
        w, h = self.layout.width, self.layout.height
        rect = QRectF(-w / 2, -h / 2, w, h)
        self.box = rect
        self._half_size = (w / 2, h / 2)
        """The box's half width and height as numbers (the port layout reads them often)."""
        path = QPainterPath()
        kind = self.node.kind
        if kind == "position":
            path.addRoundedRect(rect, 8.0, 8.0)
        elif kind == "question":
            p = _QUESTION_POINT
            path.addPolygon(
                QPolygonF(
                    [
                        QPointF(rect.left() + p, rect.top()),
                        QPointF(rect.right() - p, rect.top()),
                        QPointF(rect.right(), 0.0),
                        QPointF(rect.right() - p, rect.bottom()),
                        QPointF(rect.left() + p, rect.bottom()),
                        QPointF(rect.left(), 0.0),
                    ]
                )
            )
            path.closeSubpath()
        elif kind == "note":
            fold = 10.0
            path.moveTo(rect.topLeft())
            path.lineTo(rect.right() - fold, rect.top())
            path.lineTo(rect.right(), rect.top() + fold)
            path.lineTo(rect.bottomRight())
            path.lineTo(rect.bottomLeft())
            path.closeSubpath()
        else:
            path.addRoundedRect(rect, 4.0, 4.0)
        self.outline = path
        handle = QPainterPath()
        handle.addEllipse(self.handle_center(), HANDLE_RADIUS + 3.0, HANDLE_RADIUS + 3.0)
        # United, not added: an added disc overlapping the box is a hole under the odd-even rule,
        # and a click on the lower half of the handle fell through to the empty canvas.
        self._shape = path.united(handle)
        margin = SELECTION_MARGIN + HANDLE_RADIUS
        self._bounds = rect.adjusted(-margin, -margin, margin, margin)

    def _fill_color(self) -> QColor:
        t = self.theme
        base = {
            "position": t.position_fill,
            "question": t.question_fill,
            "note": t.note_fill,
        }.get(self.node.kind, t.claim_fill)
        if self.node.color and t.tint > 0:
            amount = t.tint * (1.6 if self.node.kind == "position" else 1.0)
            return _mix(self.node.color, base, min(amount, 0.6))
        return QColor(base)

    def low_detail_color(self) -> str:
        """The colour of the box's border (a hairline around the fill at low zoom)."""
        label = self._verdict.label if self._verdict is not None else None
        return self.theme.label_color(label) if label is not None else self._border

    def low_detail_fill(self) -> tuple[int, Qt.BrushStyle]:
        """The box's fill at low zoom as (rgba, pattern): the sketch groups boxes by it.

        In Evaluate mode the fill is the label's colour in the label's texture, so that a zoomed
        out map still tells IN, OUT and UNDEC apart without relying on colour.
        """
        label = self._verdict.label if self._verdict is not None else None
        if label is None:
            return self._fill.rgba(), Qt.BrushStyle.SolidPattern
        return QColor(self.theme.label_color(label)).rgba(), LOW_DETAIL_PATTERNS[label]

    def low_detail_brush(self) -> QBrush:
        rgba, pattern = self.low_detail_fill()
        return QBrush(QColor.fromRgba(rgba), pattern)

    def _border_color(self) -> str:
        t = self.theme
        color = self.node.color
        if not color or not QColor(color).isValid() or (self.node.kind != "position"
                                                        and t.tint == 0):  # fmt: skip
            return t.border
        return color

    def tooltip_text(self) -> str:
        """Plain text made safe for Qt's rich-text tooltips; built on hover, not for every item."""
        return self._tooltip()

    def _tooltip(self) -> str:
        node = self.node
        parts = []
        if node.text and node.text != node.label:
            parts.append(node.text)
        if node.speaker:
            parts.append(f"— {node.speaker}")
        if node.tags:
            parts.append("Tags: " + ", ".join(node.tags))
        if node.note:
            parts.append(f"Note: {node.note}")
        if self._verdict is not None:
            parts.append(self._verdict.describe())
            if self._verdict.strength is not None:
                base = 0.5 if node.base_score is None else node.base_score
                parts[-1] += f" (base score {base:.2f})"
        return _plain_tooltip(*parts)

    # ------------------------------------------------------------------- state
    def set_verdict(self, verdict: Verdict | None) -> None:
        """Show an evaluation result on the node (Evaluate mode; view state, not map data)."""
        if verdict != self._verdict:
            self._verdict = verdict
            self.update()

    @property
    def verdict(self) -> Verdict | None:
        return self._verdict

    def set_highlighted(self, highlighted: bool) -> None:
        """Mark the node as a find result (view state, not map data)."""
        if highlighted != self._highlighted:
            self._highlighted = highlighted
            self.update()

    @property
    def highlighted(self) -> bool:
        return self._highlighted

    def scene_box(self) -> QRectF:
        """The node's box in scene coordinates (without the selection margin)."""
        return self.box.translated(self.pos())

    def handle_center(self) -> QPointF:
        """Where the connect handle sits, in item coordinates (top centre of the box)."""
        return QPointF(0.0, self.box.top())

    def handle_contains(self, scene_pos: QPointF) -> bool:
        local = self.mapFromScene(scene_pos)
        return QLineF(local, self.handle_center()).length() <= HANDLE_RADIUS + 3.0

    def move_to(self, x: float, y: float) -> None:
        """Put the box's centre at ``(x, y)`` and bring the arrows along.

        Edges follow here rather than in ``itemChange``: overriding ``itemChange`` in PySide6
        6.12 loses a reference to ``None`` on each call, which crashes Python 3.11 after a
        few thousand moves.
        """
        self.setPos(x, y)
        self.adjust_edges()

    def adjust_edges(self) -> None:
        """Lay out the ports of this box and of the boxes at the other ends of its edges, then
        redraw this box's arrows and those of the neighbours whose ends moved (no others)."""
        if self.edges:
            _follow({self})

    # ------------------------------------------------------------------- ports
    def port(self, edge: EdgeItem) -> QPointF:
        """Where ``edge`` meets this box, in scene coordinates."""
        local = self._ports.get(edge)
        if local is None:  # a new edge: lay out anew (the caller adjusts the other arrows)
            self._ports = self._lay_out_ports()
            local = self._ports[edge]
        pos = self.pos()
        return QPointF(pos.x() + local[0], pos.y() + local[1])

    def head_room(self, edge: EdgeItem) -> float:
        """How wide (half) ``edge``'s head may be at this box without running into the heads
        of its neighbours on the side (inf when it has none)."""
        local = self._ports.get(edge)
        return math.inf if local is None else local[2]

    def reflow_ports(self, *, rough: bool = False) -> list[EdgeItem]:
        """Lay out this box's ports again; return the edges whose end on this box moved.

        ``rough``: a first draft while a whole scene is laid out, neither untangled nor with
        room for the heads (final for boxes that are not :attr:`crowded`).
        """
        old = self._ports
        new = self._ports = self._lay_out_ports(rough)
        return [edge for edge, point in new.items() if old.get(edge) != point]

    def _lay_out_ports(
        self, rough: bool = False, where: Mapping[NodeItem, tuple[float, float]] | None = None
    ) -> dict[EdgeItem, tuple[float, float, float]]:
        # Each end goes on the side facing the node at its other end; ends sharing a side are
        # spread along it in the order of their natural places (desktop/canvas/ports.py).
        # Written for speed: a scene of 10,000 edges lays out every box when it opens, with
        # ``where`` holding every box's centre (one Qt call per box, not one per arrow end).
        box = self.box
        half_width, half_height = box.width() * 0.5, box.height() * 0.5
        if where is None:
            here = self.pos()
            x0, y0 = here.x(), here.y()
        else:
            x0, y0 = where[self]
        sides: dict[int, list] = {}
        ports: dict[EdgeItem, tuple[float, float, float]] = {}
        self.crowded = False
        for edge in self.edges:
            incoming = edge.target is self
            other = edge.source if incoming else edge.target
            if where is None:
                there = other.pos()
                dx, dy = there.x() - x0, there.y() - y0
            else:
                ox, oy = where[other]
                dx, dy = ox - x0, oy - y0
            if dx == 0.0 and dy == 0.0:
                ports[edge] = (0.0, 0.0, math.inf)
                continue
            gap = 2.0 if incoming else 1.0  # as _side_point: a lone arrow joins the centres
            side, natural = side_of(dx, dy, half_width + gap, half_height + gap)
            if not edge.isVisible():  # a hidden edge takes no room from the shown ones
                ports[edge] = (*self._side_point(side, natural, incoming), math.inf)
                continue
            # Untangling looks at where the arrow really goes: the other end's port, once that
            # box has one (else its centre).
            far = None if rough else other._ports.get(edge)
            if far is not None:
                dx, dy = dx + far[0], dy + far[1]
            end = (natural, edge.edge_id, edge, incoming, dx, dy)
            ends = sides.get(side)
            if ends is None:
                sides[side] = [end]
            else:
                ends.append(end)
        for side, ends in sides.items():
            length = 2.0 * (half_width if side in (TOP, BOTTOM) else half_height)
            if len(ends) == 1:  # the common case, without spread()'s lists
                end = ends[0]
                reach = length * 0.5 - min(CORNER_MARGIN, length * 0.25)
                offset = min(max(end[0], -reach), reach)
                ports[end[2]] = (*self._side_point(side, offset, end[3]), math.inf)
                continue
            self.crowded = True
            ends.sort(key=_by_place)
            offsets = spread([end[0] for end in ends], length)
            if rough:
                for end, offset in zip(ends, offsets, strict=True):
                    ports[end[2]] = (*self._side_point(side, offset, end[3]), math.inf)
                continue
            # The far ends in the side's frame: along it, and outward from it.
            if side == TOP:
                targets = [(e[4], -e[5] - half_height) for e in ends]
            elif side == BOTTOM:
                targets = [(e[4], e[5] - half_height) for e in ends]
            elif side == RIGHT:
                targets = [(e[5], e[4] - half_width) for e in ends]
            else:
                targets = [(e[5], -e[4] - half_width) for e in ends]
            ends = [ends[i] for i in untangle(offsets, targets)]
            shapes = [
                (BAR if end[2].edge.relation == "attack" else POINTED) if end[3] else TAIL
                for end in ends
            ]
            rooms = head_room(offsets, shapes)
            for end, offset, room in zip(ends, offsets, rooms, strict=True):
                ports[end[2]] = (*self._side_point(side, offset, end[3]), room)
        return ports

    def _side_point(self, side: int, offset: float, incoming: bool) -> tuple[float, float]:
        """The point ``offset`` along ``side``, just outside the outline (arrowheads get a
        little more room than the tails)."""
        gap = 2.0 if incoming else 1.0
        half_width, half_height = self._half_size
        if side == TOP:
            return offset, -half_height - gap
        if side == BOTTOM:
            return offset, half_height + gap
        x = half_width + gap
        if self.node.kind == "question" and half_height > 0:  # its sides come to a point
            x -= _QUESTION_POINT * min(abs(offset) / half_height, 1.0)
        return (x, offset) if side == RIGHT else (-x, offset)

    # ------------------------------------------------------------ QGraphicsItem
    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        return self._shape

    def hoverEnterEvent(self, event) -> None:
        self.prepareGeometryChange()
        self._hovered = True
        self.update()
        super().hoverEnterEvent(event)

    def hoverLeaveEvent(self, event) -> None:
        self.prepareGeometryChange()
        self._hovered = False
        self.update()
        super().hoverLeaveEvent(event)

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        t = self.theme
        style = KIND_STYLES.get(self.node.kind, KIND_STYLES["claim"])
        selected = self.isSelected()  # not option.state: QStyle costs start-up time
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        border = QColor(self.low_detail_color())
        verdict = self._verdict
        label = verdict.label if verdict is not None else None
        if verdict is not None and verdict.takes_no_part:
            painter.setOpacity(0.4)  # Evaluate mode: a question or note takes no part
        # Low detail only on screen: exports (scene.render, no widget) always draw everything.
        if lod < LOW_DETAIL and widget is not None:  # as the view's sketch (sketch.py)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(border, 0))
            painter.setBrush(QColor(t.selection) if selected else self.low_detail_brush())
            painter.drawRect(self.box)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if self._highlighted:
            halo = QColor(t.highlight)
            painter.setPen(QPen(halo, 2 * SELECTION_MARGIN - 1))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawPath(self.outline)
        if label is None:
            painter.setPen(QPen(border, t.line_width * style.border_scale))
            painter.setBrush(self._fill)  # a QColor: building a QBrush loads QGradient (2.5 ms)
        else:
            # The label as a border style too: solid IN, dashed OUT, dotted UNDEC.
            pen = QPen(border, max(2.4, t.line_width * style.border_scale * 1.3))
            pen.setStyle(LABEL_PEN_STYLES.get(label, Qt.PenStyle.DotLine))
            pen.setCapStyle(Qt.PenCapStyle.FlatCap)
            painter.setPen(pen)
            painter.setBrush(_mix(t.label_color(label), self._fill.name(), 0.12))
        painter.drawPath(self.outline)
        if self.node.kind == "position" and self.node.color:
            # A band in the position's colour keeps it recognisable when the fill is faint.
            band = QRectF(self.box.left(), self.box.top(), self.box.width(), 5.0)
            clip = QPainterPath()
            clip.addRect(band)
            painter.fillPath(self.outline.intersected(clip), QColor(self.node.color))
        if selected:
            pen = QPen(QColor(t.selection), 2.5)
            painter.setPen(pen)
            painter.setBrush(Qt.BrushStyle.NoBrush)
            m = SELECTION_MARGIN - 1.5
            painter.drawRoundedRect(self.box.adjusted(-m, -m, m, m), 6.0, 6.0)
        layout = self.layout
        y = layout.text_top
        if layout.speaker:
            painter.setFont(speaker_font(t))
            painter.setPen(QColor(t.secondary_text))
            ascent = QFontMetricsF(speaker_font(t)).ascent()
            painter.drawText(QPointF(layout.text_left, y + ascent), layout.speaker)
            y += layout.speaker_height
        font = label_font(self.node.kind, t)
        painter.setFont(font)
        painter.setPen(QColor(t.text))
        ascent = QFontMetricsF(font).ascent()
        centered = self.node.kind in ("position", "question")
        text_width = layout.width - 2 * (layout.text_left + layout.width / 2)
        for line in layout.lines:
            if centered:
                rect = QRectF(layout.text_left, y, text_width, layout.line_height)
                painter.drawText(
                    rect, int(Qt.AlignmentFlag.AlignHCenter | Qt.AlignmentFlag.AlignTop), line
                )
            else:
                painter.drawText(QPointF(layout.text_left, y + ascent), line)
            y += layout.line_height
        if self.node.pinned:
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(QColor(t.secondary_text))
            painter.drawEllipse(QPointF(self.box.right() - 7.0, self.box.top() + 7.0), 2.5, 2.5)
        if verdict is not None:
            self._paint_verdict(painter, verdict)
        if selected or self._hovered:
            painter.setPen(QPen(QColor(t.background), 1.5))
            painter.setBrush(QColor(t.handle))
            painter.drawEllipse(self.handle_center(), HANDLE_RADIUS, HANDLE_RADIUS)

    def _paint_verdict(self, painter: QPainter, verdict: Verdict) -> None:
        box = self.box
        if verdict.strength is not None:
            inset = 8.0
            bar = QRectF(box.left() + inset, box.bottom() - 6.5, box.width() - 2 * inset, 4.0)
            paint_strength_bar(painter, bar, verdict.strength, self.theme)
        if verdict.label is not None:
            corner = QPointF(box.left() + 3.0, box.top() + 3.0)
            paint_badge(painter, corner, verdict.label, self.theme)
        if verdict.assumed is not None:
            tip = QPointF(box.right() - 16.0, box.top() + 2.0)
            paint_assumption_pin(painter, tip, verdict.assumed, self.theme)


def move_boxes(moves: dict[NodeItem, tuple[float, float]]) -> None:
    """Put each box's centre where ``moves`` says, then bring the arrows along: as
    :meth:`NodeItem.move_to` for each, but every box's ports are laid out once and every arrow
    redrawn once (a group drag moves many boxes on each mouse move)."""
    for item, (x, y) in moves.items():
        item.setPos(x, y)
    _follow(set(moves))


def lay_out_all_ports(items: Collection[NodeItem]) -> None:
    """Lay out the ports of every box in ``items`` (a whole scene) without redrawing arrows.

    Boxes that share a side between arrows go twice: the second time they untangle their
    arrows against the ports the other boxes took (desktop/canvas/ports.py).
    """
    where = {item: (at.x(), at.y()) for item in items for at in (item.pos(),)}
    for item in items:
        item._ports = item._lay_out_ports(True, where)
    for item in items:
        if item.crowded:
            item._ports = item._lay_out_ports(False, where)


def _follow(moved: set[NodeItem]) -> None:
    """Lay out the ports of the ``moved`` boxes and of their neighbours; redraw the arrows of
    the moved boxes and the neighbours' arrows whose ends moved."""
    changed: set[EdgeItem] = set()
    neighbours: set[NodeItem] = set()
    for item in moved:
        item._ports = item._lay_out_ports()
        changed.update(item.edges)
        for edge in item.edges:
            neighbours.add(edge.source if edge.target is item else edge.target)
    for other in neighbours - moved:
        changed.update(other.reflow_ports())
    for edge in changed:
        edge.adjust()


# ----------------------------------------------------------------------------------- edges
def _by_place(end: tuple) -> tuple[float, str]:
    """Ends on a side in the order of their natural places (ties: by edge id, the same order
    on both boxes, so parallel arrows stay parallel)."""
    return end[0], end[1]


class EdgeItem(QGraphicsItem):
    """An arrow from the supporting or attacking node to the node it is about.

    Support: solid line, filled arrowhead. Attack: dashed line, a bar across the end. Rephrase:
    dotted line, open arrowhead. A seeded edge nobody has confirmed is drawn faded.
    """

    Type = QGraphicsItem.UserType + 2
    HEAD_LENGTH = 12.0
    HEAD_WIDTH = 10.0
    BAR_WIDTH = 18.0
    MIN_HEAD_HALF = 3.5
    MIN_BAR_HALF = 4.0
    """Crowded heads narrow down to these half widths, no further (they may then touch)."""
    PICK_WIDTH = 9.0

    def __init__(
        self,
        edge: Edge,
        source: NodeItem,
        target: NodeItem,
        theme: Theme,
        *,
        lay_out: bool = True,
    ) -> None:
        """``lay_out=False`` leaves the arrow and its ends' ports to the caller (a scene adding
        many edges at once calls :meth:`adjust` on each afterwards, or :meth:`reflow_ends`)."""
        super().__init__()
        self.edge_id = edge.id
        self.edge = edge
        self.source = source
        self.target = target
        self.theme = theme
        self.setFlags(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable)
        self.setZValue(0.0)
        self._line = QLineF()
        self._bounds = QRectF()
        self._shape: QPainterPath | None = None
        self._head = QPolygonF()
        source.edges.add(self)
        target.edges.add(self)
        if lay_out:
            self.reflow_ends()

    def type(self) -> int:
        return self.Type

    def set_edge(self, edge: Edge) -> None:
        """Show ``edge`` (the model changed it)."""
        self.edge = edge
        self.adjust()

    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.adjust()

    def detach(self) -> None:
        """Leave both boxes; the arrows left there move into the room this one made."""
        self.source.edges.discard(self)
        self.target.edges.discard(self)
        for edge in {*self.source.reflow_ports(), *self.target.reflow_ports()}:
            edge.adjust()

    def reflow_ends(self) -> None:
        """Lay out the ports of both ends' boxes (this edge came or went, or was shown or
        hidden) and redraw this arrow and the others whose ends moved."""
        for edge in {self, *self.source.reflow_ports(), *self.target.reflow_ports()}:
            edge.adjust()

    def low_detail_color(self) -> tuple[str, float]:
        """Colour and opacity of the hairline that is all of the arrow at low zoom."""
        t = self.theme
        alpha = t.seeded_opacity if self.edge.origin == "seeded" else 1.0
        return t.relation_color(self.edge.relation), alpha

    def tooltip_text(self) -> str:
        """Plain text made safe for Qt's rich-text tooltips; built on hover, not for every item."""
        return self._tooltip()

    def _tooltip(self) -> str:
        edge = self.edge
        parts = [edge.relation.capitalize()]
        if edge.origin == "seeded":
            parts[0] += " (proposed by the seeder, not yet confirmed)"
        if edge.confidence is not None:
            parts.append(f"Confidence: {edge.confidence:.0%}")
        if edge.reason:
            parts.append(f"Reason: {edge.reason}")
        if edge.note:
            parts.append(f"Note: {edge.note}")
        return _plain_tooltip(*parts)

    def segment(self) -> QLineF:
        """The visible segment itself (not a copy): for reading only."""
        return self._line

    @property
    def line(self) -> QLineF:
        """The visible segment, from the source's border to the target's border."""
        return QLineF(self._line)

    def adjust(self) -> None:
        """Recompute the arrow after an end moved or resized."""
        start = self.source.port(self)
        end = self.target.port(self)
        self.prepareGeometryChange()
        self._line = QLineF(start, end)
        self._head = self._head_polygon()
        self._shape = None  # built when first asked: a drag moves many edges
        extra = max(self.BAR_WIDTH, self.HEAD_WIDTH) / 2 + 2.0
        self._bounds = QRectF(start, end).normalized().adjusted(-extra, -extra, extra, extra)
        self.update()

    def _head_polygon(self) -> QPolygonF:
        line = self._line
        length = line.length()
        if length < 1.0:
            return QPolygonF()
        ux, uy = line.dx() / length, line.dy() / length
        nx, ny = -uy, ux
        end = line.p2()
        # Narrower where the ports are close, so neighbouring heads stay apart.
        room = self.target.head_room(self)
        if self.edge.relation == "attack":
            half, depth = min(self.BAR_WIDTH / 2, max(room, self.MIN_BAR_HALF)), 3.5
            return QPolygonF(
                [
                    QPointF(end.x() + nx * half, end.y() + ny * half),
                    QPointF(end.x() - nx * half, end.y() - ny * half),
                    QPointF(end.x() - nx * half - ux * depth, end.y() - ny * half - uy * depth),
                    QPointF(end.x() + nx * half - ux * depth, end.y() + ny * half - uy * depth),
                ]
            )
        back = QPointF(end.x() - ux * self.HEAD_LENGTH, end.y() - uy * self.HEAD_LENGTH)
        half = min(self.HEAD_WIDTH / 2, max(room, self.MIN_HEAD_HALF))
        return QPolygonF(
            [
                end,
                QPointF(back.x() + nx * half, back.y() + ny * half),
                QPointF(back.x() - nx * half, back.y() - ny * half),
            ]
        )

    def boundingRect(self) -> QRectF:
        return self._bounds

    def shape(self) -> QPainterPath:
        """The line widened for easy clicking, plus the arrowhead or bar."""
        if self._shape is None:
            path = QPainterPath(self._line.p1())
            path.lineTo(self._line.p2())
            stroker = QPainterPathStroker()
            stroker.setWidth(self.PICK_WIDTH)
            shape = stroker.createStroke(path)
            if not self._head.isEmpty():
                head = QPainterPath()
                head.addPolygon(self._head)
                head.closeSubpath()
                shape = shape.united(head)
            self._shape = shape
        return self._shape

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionGraphicsItem,
        widget: QWidget | None = None,
    ) -> None:
        t = self.theme
        edge = self.edge
        selected = self.isSelected()  # not option.state: QStyle costs start-up time
        color = QColor(t.relation_color(edge.relation))
        width = t.line_width
        if edge.origin == "seeded":
            color.setAlphaF(t.seeded_opacity)
            width *= 0.85
        lod = option.levelOfDetailFromTransform(painter.worldTransform())
        if lod < LOW_DETAIL and widget is not None:  # on screen only, as for nodes
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(QPen(color, 0))
            painter.drawLine(self._line)
            return
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        if selected:
            glow = QColor(t.selection)
            glow.setAlphaF(0.35)
            painter.setPen(QPen(glow, width + 6, Qt.PenStyle.SolidLine, Qt.PenCapStyle.RoundCap))
            painter.drawLine(self._line)
        pen = QPen(color, width, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        if edge.relation == "attack":
            pen.setDashPattern([5.0, 3.0])
        elif edge.relation == "rephrase":
            pen.setDashPattern([1.0, 2.5])
        shaft = QLineF(self._line)
        if edge.relation != "attack" and shaft.length() > self.HEAD_LENGTH:
            # Stop the shaft inside the head so its end does not poke through the tip.
            shaft.setLength(shaft.length() - self.HEAD_LENGTH * 0.6)
        painter.setPen(pen)
        painter.drawLine(shaft)
        if self._head.isEmpty():
            return
        if edge.relation == "support":
            painter.setPen(QPen(color, 1.0))
            painter.setBrush(color)
        elif edge.relation == "attack":
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
        else:
            painter.setPen(QPen(color, width, Qt.PenStyle.SolidLine))
            painter.setBrush(QColor(t.background))
        painter.drawPolygon(self._head)
