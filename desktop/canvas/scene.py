"""The scene: a projection of one argument map, kept in step with the map's events.

The scene holds one item per node and edge, keyed by model id, and nothing the model does not
have. It needs no view or window, so image export draws the very same scene without a display.
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QGraphicsItem, QGraphicsScene

from desktop.canvas.items import EdgeItem, NodeItem, lay_out_all_ports
from desktop.canvas.theme import LIGHT, Theme
from mapping.model import ArgumentMap, MapEvent

if TYPE_CHECKING:
    from desktop.canvas.sketch import MapSketch
    from desktop.canvas.verdicts import EvaluationOverlay

MAP_MARGIN = 40.0
_FOLLOWED = (
    "node_added",
    "node_removed",
    "node_changed",
    "edge_added",
    "edge_removed",
    "edge_changed",
)


class MapScene(QGraphicsScene):
    """Items for every node and edge of ``argument_map``, updated as the map changes."""

    themeChanged = Signal()
    evaluationChanged = Signal()
    """Evaluate mode's overlay was set, changed or removed."""
    contentChanged = Signal()
    """Items were added, removed or changed (status bars and minimaps listen)."""

    def __init__(
        self,
        argument_map: ArgumentMap,
        theme: Theme | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.map = argument_map
        self.theme = theme or LIGHT
        self._nodes: dict[str, NodeItem] = {}
        self._edges: dict[str, EdgeItem] = {}
        self._hidden: frozenset[str] = frozenset()
        self._evaluation: EvaluationOverlay | None = None
        self.setItemIndexMethod(QGraphicsScene.ItemIndexMethod.BspTreeIndex)
        self.setBackgroundBrush(QColor(self.theme.background))
        self._sketch: MapSketch | None = None
        self.contentChanged.connect(self._drop_sketch)
        self.themeChanged.connect(self._drop_sketch)
        self.evaluationChanged.connect(self._drop_sketch)
        self._build()
        handlers = {name: f"_on_{name}" for name in _FOLLOWED}
        # A weak reference, so a scene nobody keeps (an export) is not kept alive by the map;
        # the listener removes itself at the first event after the scene is gone.
        ref = weakref.ref(self)

        def follow(event: MapEvent) -> None:
            scene = ref()
            if scene is None:
                unsubscribe()
            else:
                getattr(scene, handlers[event.name])(event)

        unsubscribe = argument_map.subscribe(follow, names=handlers)
        self._unsubscribe: Callable[[], None] | None = unsubscribe

    def detach(self) -> None:
        """Stop following the map and go quiet: the scene is being thrown away.

        Qt's scene destructor removes items and would emit ``selectionChanged`` into Python
        slots while half destroyed; blocking signals first makes the destruction safe.
        """
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None
        self.blockSignals(True)

    # --------------------------------------------------------------------- lookup
    def node_item(self, node_id: str) -> NodeItem | None:
        return self._nodes.get(node_id)

    def edge_item(self, edge_id: str) -> EdgeItem | None:
        return self._edges.get(edge_id)

    def node_items(self) -> Iterable[NodeItem]:
        return self._nodes.values()

    def edge_items(self) -> Iterable[EdgeItem]:
        return self._edges.values()

    def item_id(self, item: QGraphicsItem) -> str | None:
        """The model id behind a node or edge item, else None."""
        if isinstance(item, NodeItem):
            return item.node_id
        if isinstance(item, EdgeItem):
            return item.edge_id
        return None

    def selected_ids(self) -> list[str]:
        return [i for i in (self.item_id(item) for item in self.selectedItems()) if i]

    def select_ids(self, ids: Iterable[str]) -> None:
        """Select exactly the items of ``ids`` (one selectionChanged signal)."""
        wanted = set(ids)
        blocked = self.blockSignals(True)
        try:
            for item in self.selectedItems():
                if self.item_id(item) not in wanted:
                    item.setSelected(False)
            for item_id in wanted:
                item = self._nodes.get(item_id) or self._edges.get(item_id)
                if item is not None and not item.isSelected():
                    item.setSelected(True)
        finally:
            self.blockSignals(blocked)
        self.selectionChanged.emit()

    def map_rect(self, margin: float = MAP_MARGIN) -> QRectF:
        """The bounding rectangle of all nodes and edges, plus ``margin`` on every side."""
        rect = QRectF()
        for item in self._nodes.values():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        for item in self._edges.values():
            if item.isVisible():
                rect = rect.united(item.sceneBoundingRect())
        if rect.isNull():
            rect = QRectF(-200.0, -150.0, 400.0, 300.0)
        return rect.adjusted(-margin, -margin, margin, margin)

    def sketch(self) -> MapSketch:
        """The whole map batched for drawing at low zoom (made again after any change)."""
        if self._sketch is None:
            from desktop.canvas.sketch import MapSketch

            self._sketch = MapSketch(self)
        return self._sketch

    def _drop_sketch(self) -> None:
        self._sketch = None

    def helpEvent(self, event) -> None:
        # Tooltips are built when asked for: making 15,000 of them up front slows opening.
        for item in self.items(event.scenePos()):
            if isinstance(item, NodeItem | EdgeItem):
                item.setToolTip(item.tooltip_text())
                break
        super().helpEvent(event)

    # ---------------------------------------------------------------------- theme
    def set_theme(self, theme: Theme) -> None:
        self.theme = theme
        self.setBackgroundBrush(QColor(theme.background))
        for node_item in self._nodes.values():
            node_item.set_theme(theme)
        for edge_item in self._edges.values():
            edge_item.set_theme(theme)
        self.themeChanged.emit()
        self.update()

    def hidden_ids(self) -> frozenset[str]:
        return self._hidden

    @property
    def evaluation(self) -> EvaluationOverlay | None:
        """The overlay Evaluate mode shows (None when the mode is off)."""
        return self._evaluation

    def set_evaluation(self, overlay: EvaluationOverlay | None) -> None:
        """Draw labels or strengths on the nodes (None removes them); the map is not touched."""
        self._evaluation = overlay
        for node_id, item in self._nodes.items():
            item.set_verdict(overlay.verdict(node_id) if overlay is not None else None)
        self.evaluationChanged.emit()

    def set_hidden(self, ids: Iterable[str]) -> None:
        """Hide these nodes and edges (a view filter, e.g. the positions panel); show the rest."""
        self._hidden = frozenset(ids)
        for item_id, item in (*self._nodes.items(), *self._edges.items()):
            item.setVisible(item_id not in self._hidden)
        self.lay_out_ports()  # hidden arrows give up their ports
        self.contentChanged.emit()

    # ------------------------------------------------------------ building items
    def _build(self) -> None:
        for node in self.map.nodes.values():
            self._add_node_item(node)
        for edge in self.map.edges.values():
            self._add_edge_item(edge, lay_out=False)
        self.lay_out_ports()

    def lay_out_ports(self) -> None:
        """Lay out where the arrows meet every box, and redraw them: after items were shown
        or hidden directly (hidden arrows take no room on a box's side)."""
        lay_out_all_ports(self._nodes.values())
        for edge_item in self._edges.values():
            edge_item.adjust()

    def _add_node_item(self, node) -> NodeItem:
        item = NodeItem(node, self.theme)
        item.setVisible(node.id not in self._hidden)
        if self._evaluation is not None:
            item.set_verdict(self._evaluation.verdict(node.id))
        self._nodes[node.id] = item
        self.addItem(item)
        return item

    def _add_edge_item(self, edge, *, lay_out: bool = True) -> EdgeItem:
        source, target = self._nodes[edge.source], self._nodes[edge.target]
        item = EdgeItem(edge, source, target, self.theme, lay_out=False)
        item.setVisible(edge.id not in self._hidden)
        self._edges[edge.id] = item
        self.addItem(item)
        if lay_out:
            item.reflow_ends()
        return item

    # ------------------------------------------------------------- model events
    def _on_node_added(self, event: MapEvent) -> None:
        self._add_node_item(event.new)
        self.contentChanged.emit()

    def _on_node_removed(self, event: MapEvent) -> None:
        item = self._nodes.pop(event.id, None)
        if item is not None:
            self.removeItem(item)
        self.contentChanged.emit()

    def _on_node_changed(self, event: MapEvent) -> None:
        item = self._nodes.get(event.id)
        if item is not None:
            item.set_node(event.new)
        self.contentChanged.emit()

    def _on_edge_added(self, event: MapEvent) -> None:
        self._add_edge_item(event.new)
        self.contentChanged.emit()

    def _on_edge_removed(self, event: MapEvent) -> None:
        item = self._edges.pop(event.id, None)
        if item is not None:
            item.detach()
            self.removeItem(item)
        self.contentChanged.emit()

    def _on_edge_changed(self, event: MapEvent) -> None:
        item = self._edges.get(event.id)
        if item is not None:
            item.set_edge(event.new)
        self.contentChanged.emit()
