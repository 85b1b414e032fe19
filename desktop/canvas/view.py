"""The canvas widget: a view on a MapScene that turns mouse and keys into editor calls."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QPoint, QPointF, QRectF, Qt, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QWheelEvent,
)
from PySide6.QtWidgets import QFrame, QGraphicsItem, QGraphicsView, QWidget

from desktop.canvas.editor import GRID, MapEditor
from desktop.canvas.interactions import (
    ConnectInteraction,
    Interaction,
    MoveInteraction,
    PanInteraction,
    RubberBandInteraction,
)
from desktop.canvas.items import LOW_DETAIL, EdgeItem, NodeItem
from desktop.canvas.scene import MapScene

if TYPE_CHECKING:
    from desktop.canvas.overlays import FindBar, LabelEditor

MIN_ZOOM = 0.03
MAX_ZOOM = 8.0
ZOOM_STEP = 1.15


READABLE_ZOOM = 0.6
"""The least zoom a map opens at: labels stay legible (text is drawn from 35 %, LOW_DETAIL)."""


def is_tab_press(event: QEvent) -> bool:
    """Tab or Shift+Tab: Qt would move the focus before keyPressEvent sees either."""
    return event.type() == QEvent.Type.KeyPress and event.key() in (
        Qt.Key.Key_Tab,
        Qt.Key.Key_Backtab,
    )


class MapView(QGraphicsView):
    """The canvas: select, drag, connect, zoom, pan, find and edit labels in place."""

    zoomChanged = Signal(float)
    contextMenuRequested = Signal(QPoint, QPointF, str)
    """Global position, scene position and the id under the mouse ("" for empty canvas)."""

    def __init__(self, scene: MapScene, editor: MapEditor, parent: QWidget | None = None):
        super().__init__(scene, parent)
        # Our own viewport widget: wrapping the one Qt makes costs PySide ~7 ms the first time.
        self.setViewport(QWidget())
        self.editor = editor
        self.interaction: Interaction | None = None
        self._space_held = False
        self.label_editor: LabelEditor | None = None
        self._find_bar: FindBar | None = None  # built on first use (start-up time)
        self._found: list[str] = []
        self._found_index = -1
        self.setRenderHints(QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing)
        self.setViewportUpdateMode(QGraphicsView.ViewportUpdateMode.MinimalViewportUpdate)
        self.setOptimizationFlag(QGraphicsView.OptimizationFlag.DontAdjustForAntialiasing, True)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.setResizeAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setAcceptDrops(False)  # dropped files go to the window
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        editor.editLabelRequested.connect(self.edit_label)
        editor.selectionSet.connect(self.show_selection)
        scene.sceneRectChanged.connect(self._place_label_editor)

    def set_editor(self, scene: MapScene, editor: MapEditor) -> None:
        """Show another map (the window opened a file)."""
        self.cancel_interaction()
        self.close_label_editor(commit=False)
        self.clear_find()
        self.editor.editLabelRequested.disconnect(self.edit_label)
        self.editor.selectionSet.disconnect(self.show_selection)
        self.editor = editor
        editor.editLabelRequested.connect(self.edit_label)
        editor.selectionSet.connect(self.show_selection)
        self.setScene(scene)
        scene.sceneRectChanged.connect(self._place_label_editor)

    def map_scene(self) -> MapScene:
        return self.scene()  # type: ignore[return-value]

    # ----------------------------------------------------------------- hit tests
    def node_at(self, point: QPoint) -> NodeItem | None:
        for item in self.items(point):
            if isinstance(item, NodeItem):
                return item
        return None

    def map_item_at(self, point: QPoint) -> QGraphicsItem | None:
        for item in self.items(point):
            if isinstance(item, NodeItem | EdgeItem):
                return item
        return None

    def show_selection(self) -> None:
        """Bring the first selected node into view unless a selected node is already visible.

        A claim picked in the Outline or made from a document's text may lie anywhere on the
        map; the canvas goes to it, but never jumps while part of the selection is in sight.
        """
        scene = self.map_scene()
        items = [
            item
            for item in (scene.node_item(i) for i in self.editor.session.selection)
            if item is not None and item.isVisible()
        ]
        if not items:
            return
        shown = self.mapToScene(self.viewport().rect()).boundingRect()
        if not any(shown.intersects(item.scene_box()) for item in items):
            # A node just added may lie outside the scroll range, which Qt widens only later.
            self.updateSceneRect(scene.sceneRect())
            self.centerOn(items[0])

    # -------------------------------------------------------------------- zoom
    @property
    def zoom(self) -> float:
        return self.transform().m11()

    def set_zoom(self, factor: float, anchor: QPoint | None = None) -> None:
        factor = max(MIN_ZOOM, min(MAX_ZOOM, factor))
        if anchor is None:
            self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorViewCenter)
        scale = factor / self.zoom
        self.scale(scale, scale)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.zoomChanged.emit(self.zoom)

    def zoom_in(self) -> None:
        self.set_zoom(self.zoom * ZOOM_STEP)

    def zoom_out(self) -> None:
        self.set_zoom(self.zoom / ZOOM_STEP)

    def zoom_actual(self) -> None:
        """100 %."""
        self.set_zoom(1.0)

    def zoom_fit(self, max_zoom: float = 1.25) -> None:
        """Show the whole map (never magnified beyond ``max_zoom``)."""
        rect = self.map_scene().map_rect()
        self.fitInView(rect, Qt.AspectRatioMode.KeepAspectRatio)
        if self.zoom > max_zoom:
            self.set_zoom(max_zoom)
        self.centerOn(rect.center())
        self.zoomChanged.emit(self.zoom)

    def zoom_to_read(self, readable: float = READABLE_ZOOM) -> None:
        """Fit the map when it stays legible; otherwise zoom to read and show its top (positions).

        A freshly opened map should greet the user with words, not a sketch of boxes.
        """
        self.zoom_fit()
        if self.zoom >= readable:
            return
        rect = self.map_scene().map_rect()
        self.set_zoom(readable)
        visible_height = self.viewport().height() / self.zoom
        self.centerOn(rect.center().x(), rect.top() + visible_height / 2)
        self.zoomChanged.emit(self.zoom)

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120.0
            if steps:
                self.set_zoom(self.zoom * ZOOM_STEP**steps, anchor=event.position().toPoint())
            event.accept()
            return
        super().wheelEvent(event)

    # ------------------------------------------------------------------- mouse
    def _begin(self, interaction: Interaction, event: QMouseEvent) -> None:
        self.interaction = interaction
        interaction.start(event)
        if interaction.cursor is not None:
            self.viewport().setCursor(interaction.cursor)

    def cancel_interaction(self) -> None:
        if self.interaction is not None:
            self.interaction.cancel()
            self._end_interaction()

    def _end_interaction(self) -> None:
        self.interaction = None
        self.viewport().setCursor(
            Qt.CursorShape.OpenHandCursor if self._space_held else Qt.CursorShape.ArrowCursor
        )
        self.viewport().update()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self.close_label_editor(commit=True)
        if self.interaction is not None:
            self.cancel_interaction()
        button = event.button()
        point = event.position().toPoint()
        if button == Qt.MouseButton.MiddleButton or (
            button == Qt.MouseButton.LeftButton and self._space_held
        ):
            self._begin(PanInteraction(self), event)
            return
        if button != Qt.MouseButton.LeftButton:
            super().mousePressEvent(event)
            return
        scene = self.map_scene()
        toggle = bool(event.modifiers() & Qt.KeyboardModifier.ControlModifier)
        node = self.node_at(point)
        if node is not None and not toggle and node.handle_contains(self.mapToScene(point)):
            self._begin(ConnectInteraction(self, node), event)
            return
        item = self.map_item_at(point)
        if item is None:
            if not toggle:
                scene.clearSelection()
            self._begin(RubberBandInteraction(self), event)
            return
        if toggle:
            item.setSelected(not item.isSelected())
            return
        if not item.isSelected():
            scene.select_ids([scene.item_id(item) or ""])
        if isinstance(item, NodeItem):
            nodes = [i for i in scene.selectedItems() if isinstance(i, NodeItem)]
            self._begin(MoveInteraction(self, nodes, item), event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self.interaction is not None:
            self.interaction.update(event)
            return
        node = self.node_at(event.position().toPoint())
        over_handle = node is not None and node.handle_contains(
            self.mapToScene(event.position().toPoint())
        )
        if not self._space_held:
            self.viewport().setCursor(
                Qt.CursorShape.CrossCursor if over_handle else Qt.CursorShape.ArrowCursor
            )
        super().mouseMoveEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        interaction = self.interaction
        if interaction is None:
            super().mouseReleaseEvent(event)
            return
        try:
            interaction.finish(event)
        finally:
            # A click on one of several selected nodes selects just that node.
            if (
                isinstance(interaction, MoveInteraction)
                and not interaction.moved
                and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
            ):
                self.map_scene().select_ids([interaction.anchor.node_id])
            self._end_interaction()

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton:
            return
        point = event.position().toPoint()
        node = self.node_at(point)
        if node is not None:
            self.edit_label(node.node_id)
            return
        if self.map_item_at(point) is None:
            scene_point = self.mapToScene(point)
            self.editor.add_node(scene_point.x(), scene_point.y(), "claim", edit=True)

    def contextMenuEvent(self, event) -> None:
        item = self.map_item_at(event.pos())
        item_id = self.map_scene().item_id(item) if item is not None else ""
        if item is not None and not item.isSelected():
            self.map_scene().select_ids([item_id or ""])
        self.contextMenuRequested.emit(
            event.globalPos(), self.mapToScene(event.pos()), item_id or ""
        )

    # --------------------------------------------------------------------- keys
    def event(self, event: QEvent) -> bool:
        # Tab and Shift+Tab add claims (as in Rationale) instead of moving the focus.
        if is_tab_press(event):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        modifiers = event.modifiers() & ~Qt.KeyboardModifier.KeypadModifier
        plain = modifiers == Qt.KeyboardModifier.NoModifier
        if key == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            return
        if key == Qt.Key.Key_Escape:
            if self.interaction is not None:
                self.cancel_interaction()
            elif self._find_bar is not None and self._find_bar.isVisible():
                self.clear_find()
            else:
                self.map_scene().clearSelection()
            return
        if key == Qt.Key.Key_Backtab or (
            key == Qt.Key.Key_Tab and modifiers == Qt.KeyboardModifier.ShiftModifier
        ):
            self.editor.add_objection()
            return
        if key == Qt.Key.Key_Tab and plain:
            self.editor.add_supporting_claim()
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and plain:
            self.editor.add_sibling()
            return
        if key in (Qt.Key.Key_Delete, Qt.Key.Key_Backspace) and plain:
            self.editor.delete()
            return
        if key == Qt.Key.Key_F2 and plain:
            nodes = self.editor.selected_node_ids()
            if nodes:
                self.edit_label(nodes[-1])
            return
        directions = {
            Qt.Key.Key_Up: "up",
            Qt.Key.Key_Down: "down",
            Qt.Key.Key_Left: "left",
            Qt.Key.Key_Right: "right",
        }
        if key in directions and plain:
            target = self.editor.navigate(directions[key])
            if target:
                item = self.map_scene().node_item(target)
                if item is not None:
                    self.ensureVisible(item, 40, 40)
            return
        super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space_held = False
            if self.interaction is None:
                self.viewport().setCursor(Qt.CursorShape.ArrowCursor)
            return
        super().keyReleaseEvent(event)

    def focusOutEvent(self, event) -> None:
        self._space_held = False
        super().focusOutEvent(event)

    # ----------------------------------------------------------------- drawing
    def uses_sketch(self) -> bool:
        """True when the map is drawn as a batched sketch (low zoom, no drag in progress).

        Items show no text below ``LOW_DETAIL``; drawing 15,000 of them one by one costs far
        more than drawing their boxes and lines in a few batches. A drag moves items ahead of
        the model, so while one runs the items paint themselves.
        """
        return self.zoom < LOW_DETAIL and not isinstance(self.interaction, MoveInteraction)

    def paintEvent(self, event: QPaintEvent) -> None:
        if not self.uses_sketch():
            super().paintEvent(event)
            return
        scene = self.map_scene()
        painter = QPainter(self.viewport())
        exposed = event.region().boundingRect()
        painter.setClipRect(exposed)
        painter.setTransform(self.viewportTransform())
        scene_rect = self.mapToScene(exposed).boundingRect()
        self.drawBackground(painter, scene_rect)
        sketch = scene.sketch()
        sketch.paint(painter, self.zoom, self.viewport().devicePixelRatioF())
        theme = scene.theme
        if self._found:
            sketch.draw_marked(painter, self._found, QColor(theme.highlight))
        selected = [i.node_id for i in scene.selectedItems() if isinstance(i, NodeItem)]
        sketch.draw_marked(painter, selected, QColor(theme.selection))
        self.drawForeground(painter, scene_rect)
        painter.end()

    def drawBackground(self, painter: QPainter, rect: QRectF) -> None:
        super().drawBackground(painter, rect)
        if not self.editor.snap_to_grid or self.zoom < 0.4:
            return
        painter.setPen(QPen(QColor(self.map_scene().theme.grid), 0))
        left = int(rect.left() // GRID) * GRID
        top = int(rect.top() // GRID) * GRID
        x = left
        lines = []
        from PySide6.QtCore import QLineF

        while x < rect.right():
            lines.append(QLineF(x, rect.top(), x, rect.bottom()))
            x += GRID
        y = top
        while y < rect.bottom():
            lines.append(QLineF(rect.left(), y, rect.right(), y))
            y += GRID
        painter.drawLines(lines)

    def drawForeground(self, painter: QPainter, rect: QRectF) -> None:
        if self.interaction is not None:
            painter.save()
            self.interaction.paint_overlay(painter, rect)
            painter.restore()

    # ------------------------------------------------------------ label editor
    def edit_label(self, node_id: str) -> None:
        """Type a node's label in place: Enter keeps it, Shift+Enter breaks a line, Esc cancels."""
        item = self.map_scene().node_item(node_id)
        if item is None:
            return
        self.close_label_editor(commit=True)
        self.ensureVisible(item, 30, 30)
        from desktop.canvas.overlays import LabelEditor

        self.label_editor = LabelEditor(self, item)
        self.label_editor.show()
        self.label_editor.setFocus()

    def close_label_editor(self, *, commit: bool) -> None:
        editor, self.label_editor = self.label_editor, None
        if editor is None:
            return
        text = editor.toPlainText().strip()
        node_id = editor.node_id
        editor.hide()
        editor.deleteLater()
        self.editor.finish_label_edit(node_id, text if commit else None)
        self.setFocus()

    def scrollContentsBy(self, dx: int, dy: int) -> None:
        super().scrollContentsBy(dx, dy)
        self._place_label_editor()

    def _place_label_editor(self) -> None:
        """Keep the label editor on its box. Besides scrolling, a scene that grows (a node
        added near its edge) moves everything while it is smaller than the view, with no
        scrollContentsBy: the view re-aligns the scene itself."""
        if self.label_editor is not None:
            self.label_editor.place()

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        if self._find_bar is not None:
            self._find_bar.place()

    # -------------------------------------------------------------------- find
    @property
    def find_bar(self) -> FindBar:
        """The find bar over the canvas' top right corner (made when first needed)."""
        if self._find_bar is None:
            from desktop.canvas.overlays import FindBar

            self._find_bar = FindBar(self)
            self._find_bar.hide()
        return self._find_bar

    def show_find(self) -> None:
        self.find_bar.show()
        self.find_bar.place()
        self.find_bar.field.setFocus()
        self.find_bar.field.selectAll()

    def clear_find(self) -> None:
        self._set_found([])
        if self._find_bar is not None:
            self._find_bar.hide()
        self.setFocus()

    def _set_found(self, ids: list[str]) -> None:
        scene = self.map_scene()
        for node_id in self._found:
            item = scene.node_item(node_id)
            if item is not None:
                item.set_highlighted(False)
        self._found = ids
        self._found_index = -1
        for node_id in ids:
            item = scene.node_item(node_id)
            if item is not None:
                item.set_highlighted(True)

    def find(self, text: str) -> list[str]:
        """Highlight every node matching ``text``; returns their ids in reading order."""
        found = self.editor.find(text)
        self._set_found(found)
        self.find_bar.set_count(len(found), text)
        return found

    def find_next(self, backwards: bool = False) -> str | None:
        """Select the next (or previous) match and bring it into view."""
        if not self._found:
            return None
        step = -1 if backwards else 1
        self._found_index = (self._found_index + step) % len(self._found)
        node_id = self._found[self._found_index]
        self.editor.select([node_id])
        item = self.map_scene().node_item(node_id)
        if item is not None:
            self.centerOn(item)
        self.find_bar.set_count(len(self._found), self.find_bar.field.text(), self._found_index)
        return node_id

    @property
    def found(self) -> list[str]:
        return list(self._found)
