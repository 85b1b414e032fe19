"""Mouse modes of the canvas, one object each: start, update, finish, cancel.

The view creates an interaction on a mouse press and forwards moves and the release to it, so
each gesture's state lives in one small object rather than in flags inside ``mousePressEvent``.
Only ``finish`` changes the map, and it does so with one editor call (one undo step).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QLineF, QPoint, QPointF, QRectF, Qt
from PySide6.QtGui import QMouseEvent, QPainterPath, QTransform
from PySide6.QtWidgets import QApplication

from desktop.canvas.items import NodeItem, move_boxes

if TYPE_CHECKING:
    from desktop.canvas.view import MapView


class Interaction:
    """A gesture in progress on ``view``."""

    cursor: Qt.CursorShape | None = None

    def __init__(self, view: MapView) -> None:
        self.view = view

    def start(self, event: QMouseEvent) -> None:
        pass

    def update(self, event: QMouseEvent) -> None:
        pass

    def finish(self, event: QMouseEvent) -> None:
        pass

    def cancel(self) -> None:
        pass

    def paint_overlay(self, painter, rect: QRectF) -> None:
        """Draw feedback above the scene (in scene coordinates); the scene itself is untouched."""


class PanInteraction(Interaction):
    """Drag the canvas with the middle button, or with the left button while Space is held."""

    cursor = Qt.CursorShape.ClosedHandCursor

    def start(self, event: QMouseEvent) -> None:
        self._last = event.position().toPoint()

    def update(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        delta: QPoint = point - self._last
        self._last = point
        view = self.view
        view.horizontalScrollBar().setValue(view.horizontalScrollBar().value() - delta.x())
        view.verticalScrollBar().setValue(view.verticalScrollBar().value() - delta.y())


class MoveInteraction(Interaction):
    """Drag the selected nodes; the release pushes one "Move N Claims" step."""

    def __init__(self, view: MapView, items: list[NodeItem], anchor: NodeItem) -> None:
        super().__init__(view)
        self.items = items
        self.anchor = anchor
        self.moved = False

    def start(self, event: QMouseEvent) -> None:
        self._press_view = event.position().toPoint()
        self._press = self.view.mapToScene(self._press_view)
        self._origins = {item: QPointF(item.pos()) for item in self.items}

    def update(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if not self.moved:
            distance = (point - self._press_view).manhattanLength()
            if distance < QApplication.startDragDistance():
                return
            self.moved = True
        delta = self.view.mapToScene(point) - self._press
        origin = self._origins[self.anchor]
        x, y = self.view.editor.snapped(origin.x() + delta.x(), origin.y() + delta.y())
        dx, dy = x - origin.x(), y - origin.y()
        move_boxes(
            {item: (start.x() + dx, start.y() + dy) for item, start in self._origins.items()}
        )

    def finish(self, event: QMouseEvent) -> None:
        if not self.moved:
            return
        positions = {item.node_id: (item.pos().x(), item.pos().y()) for item in self.items}
        self.view.editor.move_nodes(positions)
        self._restore_unchanged()

    def cancel(self) -> None:
        self._restore_unchanged()

    def _restore_unchanged(self) -> None:
        # After a refused or cancelled move the items go back to where the model has them.
        model = self.view.editor.map
        for item in self.items:
            node = model.nodes.get(item.node_id)
            if node is not None and (item.pos().x(), item.pos().y()) != (node.x, node.y):
                item.move_to(node.x, node.y)


class RubberBandInteraction(Interaction):
    """Drag on empty canvas to select everything the rectangle touches (Ctrl adds)."""

    cursor = Qt.CursorShape.CrossCursor

    def start(self, event: QMouseEvent) -> None:
        self._origin = self.view.mapToScene(event.position().toPoint())
        self._current = QPointF(self._origin)
        self._adding = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        self._before = list(self.view.scene().selectedItems()) if self._adding else []

    def rect(self) -> QRectF:
        return QRectF(self._origin, self._current).normalized()

    def update(self, event: QMouseEvent) -> None:
        self._current = self.view.mapToScene(event.position().toPoint())
        path = QPainterPath()
        path.addRect(self.rect())
        scene = self.view.scene()
        scene.setSelectionArea(
            path,
            Qt.ItemSelectionOperation.ReplaceSelection,
            Qt.ItemSelectionMode.IntersectsItemShape,
            QTransform(),
        )
        for item in self._before:
            item.setSelected(True)
        self.view.viewport().update()

    def finish(self, event: QMouseEvent) -> None:
        self.view.viewport().update()

    def cancel(self) -> None:
        self.view.viewport().update()

    def paint_overlay(self, painter, rect: QRectF) -> None:
        from PySide6.QtGui import QColor, QPen

        color = QColor(self.view.scene().theme.selection)
        pen = QPen(color, 0)
        fill = QColor(color)
        fill.setAlphaF(0.12)
        painter.setPen(pen)
        painter.setBrush(fill)
        painter.drawRect(self.rect())


class ConnectInteraction(Interaction):
    """Drag from a node's handle to another node: support, or attack with Shift held."""

    cursor = Qt.CursorShape.CrossCursor
    ATTACK_MODIFIERS = Qt.KeyboardModifier.ShiftModifier | Qt.KeyboardModifier.AltModifier

    def __init__(self, view: MapView, source: NodeItem) -> None:
        super().__init__(view)
        self.source = source
        self.target: NodeItem | None = None
        self._end = QPointF()
        self._attack = False

    def start(self, event: QMouseEvent) -> None:
        self._end = self.view.mapToScene(event.position().toPoint())

    def update(self, event: QMouseEvent) -> None:
        self._end = self.view.mapToScene(event.position().toPoint())
        self._attack = bool(event.modifiers() & self.ATTACK_MODIFIERS)
        target = self.view.node_at(event.position().toPoint())
        self.target = target if target is not self.source else None
        self.view.viewport().update()

    def finish(self, event: QMouseEvent) -> None:
        self.update(event)
        self.view.viewport().update()
        if self.target is None:
            return
        relation = "attack" if self._attack else "support"
        self.view.editor.connect_nodes(self.source.node_id, self.target.node_id, relation)

    def cancel(self) -> None:
        self.target = None
        self.view.viewport().update()

    def paint_overlay(self, painter, rect: QRectF) -> None:
        from PySide6.QtGui import QColor, QPen

        theme = self.view.scene().theme
        color = QColor(theme.attack if self._attack else theme.support)
        pen = QPen(color, 2.0)
        if self._attack:
            pen.setDashPattern([5.0, 3.0])
        painter.setPen(pen)
        start = self.source.mapToScene(self.source.handle_center())
        painter.drawLine(QLineF(start, self._end))
        if self.target is not None:
            painter.setPen(QPen(color, 2.5))
            painter.setBrush(Qt.BrushStyle.NoBrush)
            painter.drawRect(self.target.scene_box().adjusted(-4, -4, 4, 4))
