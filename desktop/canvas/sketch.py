"""The whole map at low zoom, drawn in a handful of calls instead of one call per item.

Below :data:`~desktop.canvas.items.LOW_DETAIL` a box is a few pixels wide and shows no text, so
thousands of items painting themselves one by one through Python is all overhead. A
:class:`MapSketch` collects what the items would draw at that size (filled boxes, hairline
arrows without heads) into batches grouped by colour, and keeps a picture of the whole map at
the current zoom while it is small enough, so panning is a copy of pixels.

The sketch reads the items (not the model), so it shows what the scene shows: hidden items
stay hidden and a theme change recolours it. The scene drops it whenever its content, theme or
filter changes (:meth:`MapScene.sketch`). Exports never use it: they draw items at full detail.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPointF, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainter, QPen, QPixmap

if TYPE_CHECKING:
    from desktop.canvas.scene import MapScene

MAX_PICTURE_PIXELS = 2048 * 2048
"""A bigger picture of the map costs more memory than drawing the batches on each paint."""


class MapSketch:
    """Boxes (fill and hairline border) and lines of every visible node and edge, by colour."""

    def __init__(self, scene: MapScene) -> None:
        # Plain attribute reads, not Qt calls: this runs over every item after each edit.
        hidden = scene.hidden_ids()
        boxes: dict[tuple[str, tuple[int, Qt.BrushStyle]], list[QRectF]] = {}
        self.box_of: dict[str, QRectF] = {}
        for item in scene.node_items():
            if item.node_id in hidden:
                continue
            node, layout = item.node, item.layout
            box = QRectF(node.x - layout.width / 2, node.y - layout.height / 2, layout.width,
                         layout.height)  # fmt: skip
            self.box_of[item.node_id] = box
            key = (item.low_detail_color(), item.low_detail_fill())
            boxes.setdefault(key, []).append(box)
        lines: dict[tuple[str, float], list[QLineF]] = {}
        for edge_item in scene.edge_items():
            if edge_item.edge_id in hidden:
                continue
            lines.setdefault(edge_item.low_detail_color(), []).append(edge_item.segment())
        self.boxes = [
            (QPen(QColor(border), 0), QBrush(QColor.fromRgba(rgba), pattern), rects)
            for (border, (rgba, pattern)), rects in boxes.items()
        ]
        self.lines = []
        for (color, alpha), segments in lines.items():
            pen_color = QColor(color)
            pen_color.setAlphaF(alpha)
            self.lines.append((QPen(pen_color, 0), segments))
        rect = QRectF()
        for box in self.box_of.values():
            rect = rect.united(box)
        self.rect = rect.adjusted(-4.0, -4.0, 4.0, 4.0)
        self._picture: QPixmap | None = None
        self._picture_key: tuple[float, float] | None = None

    # ---------------------------------------------------------------------- drawing
    def draw(self, painter: QPainter) -> None:
        """Draw the batches in scene coordinates (the painter maps scene to device)."""
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
        for pen, segments in self.lines:
            painter.setPen(pen)
            painter.drawLines(segments)
        for pen, fill, rects in self.boxes:
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRects(rects)

    def paint(self, painter: QPainter, scale: float, device_ratio: float) -> None:
        """Draw the map at ``scale`` (view zoom): from a cached picture when it is small enough."""
        width = self.rect.width() * scale * device_ratio
        height = self.rect.height() * scale * device_ratio
        if self.rect.isEmpty() or width * height > MAX_PICTURE_PIXELS:
            self.draw(painter)
            return
        key = (scale, device_ratio)
        if self._picture is None or self._picture_key != key:
            self._picture = self._render(scale, device_ratio, int(width) + 1, int(height) + 1)
            self._picture_key = key
        painter.save()
        # One picture pixel per device pixel: draw it untransformed at the map's corner.
        corner = painter.transform().map(self.rect.topLeft())
        painter.resetTransform()
        painter.drawPixmap(QPointF(round(corner.x()), round(corner.y())), self._picture)
        painter.restore()

    def _render(self, scale: float, ratio: float, width: int, height: int) -> QPixmap:
        picture = QPixmap(width, height)
        picture.setDevicePixelRatio(ratio)
        picture.fill(Qt.GlobalColor.transparent)
        painter = QPainter(picture)
        painter.scale(scale, scale)
        painter.translate(-self.rect.topLeft())
        self.draw(painter)
        painter.end()
        return picture

    def draw_marked(self, painter: QPainter, ids: list[str], color: QColor) -> None:
        """Draw the boxes of ``ids`` (the selection, find results) over the sketch."""
        rects = [self.box_of[i] for i in ids if i in self.box_of]
        if rects:
            painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.setBrush(color)
            painter.drawRects(rects)
