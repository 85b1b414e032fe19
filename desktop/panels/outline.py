"""The Outline: positions, and under each the claims that support (+) or attack (−) it, nested.

A claim reached twice (it serves two positions) is listed under both but nested only at its first
place, so the tree stays as large as the map even when arguments share premises.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, QItemSelection, QItemSelectionModel, QModelIndex, Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPalette, QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QAbstractItemView, QHeaderView, QTreeView, QWidget

from desktop.contrast import readable
from desktop.panels.base import SessionDock, changed_fields, is_geometry_only, shown_label
from desktop.panels.colors import position_color
from desktop.session import MapSession
from desktop.tooltips import plain_tooltip
from mapping.model import ArgumentMap, MapEvent, Node
from mapping.structure import ARGUMENT_RELATIONS, children, positions

ID_ROLE = Qt.ItemDataRole.UserRole
EDGE_ROLE = Qt.ItemDataRole.UserRole + 1
MARKS = {"support": "+", "attack": "−", "rephrase": "="}
# Okabe–Ito bluish green and vermillion: apart for the common colour blindnesses; the marks
# above carry the meaning anyway.
RELATION_COLORS = {"support": "#009E73", "attack": "#D55E00", "rephrase": "#56B4E9"}
OTHER = "Not linked to a position"


class OutlineDock(SessionDock):
    """A keyboard-navigable tree of the argument, in step with the canvas selection."""

    def __init__(self, session: MapSession | None, parent: QWidget | None = None) -> None:
        self._rows: dict[str, list[QStandardItem]] = {}
        self._collapsed: set[str] = set()
        self._syncing = False
        super().__init__("Outline", session, parent)

    def _build(self) -> None:
        self.model = QStandardItemModel(self)
        self.model.setHorizontalHeaderLabels(["Argument", "Speaker"])
        self.tree = QTreeView(self)
        self.tree.setModel(self.model)
        self.tree.setUniformRowHeights(True)
        self.tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.tree.setAllColumnsShowFocus(True)
        self.tree.header().setStretchLastSection(False)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.tree.header().setSectionResizeMode(1, QHeaderView.ResizeMode.Interactive)
        self.tree.header().resizeSection(1, 110)
        self.tree.selectionModel().selectionChanged.connect(self._on_tree_selection)
        self.tree.collapsed.connect(lambda index: self._remember(index, collapsed=True))
        self.tree.expanded.connect(lambda index: self._remember(index, collapsed=False))
        self.setWidget(self.tree)

    def _base(self) -> QColor:
        return self.tree.palette().color(QPalette.ColorRole.Base)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self.schedule_refresh()  # the theme changed: colour the rows for its background

    # --------------------------------------------------------------- following
    def _on_map_event(self, event: MapEvent) -> None:
        if is_geometry_only(event) or event.name.startswith(("document", "title", "setting")):
            return
        if event.name == "node_changed":
            fields = changed_fields(event)
            if fields <= {"label", "speaker", "text", "note", "tags", "sources", "x", "y", "pinned",
                          "base_score", "data"}:  # fmt: skip
                self._update_labels(event.new)
                return
        if event.name == "edge_changed" and not changed_fields(event) & {"relation"}:
            return
        self.schedule_refresh()

    def _update_labels(self, node: Node) -> None:
        for item in self._rows.get(node.id, []):
            item.setText(self._text(node, item.data(EDGE_ROLE)))
            speaker = self.model.itemFromIndex(item.index().siblingAtColumn(1))
            if speaker is not None:
                speaker.setText(node.speaker)
            _set_tooltips(item, speaker, node)

    def _rebuild(self) -> None:
        self._syncing = True
        self.model.removeRows(0, self.model.rowCount())
        self._rows = {}
        argument_map = self.session.map if self.session else None
        if argument_map is not None:
            self._fill(argument_map)
        self._apply_expansion(self.model.invisibleRootItem())
        self._syncing = False
        self._on_selection_changed()

    def _fill(self, argument_map: ArgumentMap) -> None:
        expanded: set[str] = set()
        root = self.model.invisibleRootItem()
        for position_id in positions(argument_map):
            self._add(root, argument_map, position_id, None, expanded)
        loose = [
            node.id for node in argument_map.nodes.values()
            if node.kind != "position"
            and not any(e.relation in ARGUMENT_RELATIONS for e in argument_map.out_edges(node.id))
        ]  # fmt: skip
        # Claims caught in a cycle with no way out to a position are listed here too.
        unreached = [n for n in argument_map.nodes if n not in expanded and n not in loose]
        if loose or unreached:
            group = QStandardItem(OTHER)
            group.setData("", ID_ROLE)
            font = group.font()
            font.setItalic(True)
            group.setFont(font)
            root.appendRow([group, QStandardItem("")])
            for node_id in loose:
                self._add(group, argument_map, node_id, None, expanded)
            for node_id in argument_map.nodes:
                if node_id not in expanded:
                    self._add(group, argument_map, node_id, None, expanded)

    def _add(self, parent: QStandardItem, argument_map: ArgumentMap, node_id: str,
             edge_id: str | None, expanded: set[str]) -> None:  # fmt: skip
        node = argument_map.nodes[node_id]
        item = QStandardItem(self._text(node, edge_id))
        item.setData(node_id, ID_ROLE)
        item.setData(edge_id, EDGE_ROLE)
        speaker = QStandardItem(node.speaker)
        speaker.setData(node_id, ID_ROLE)
        _set_tooltips(item, speaker, node)
        if node.kind == "position":
            font = QFont(item.font())
            font.setBold(True)
            item.setFont(font)
            color = position_color(argument_map, node_id).darker(130)
            item.setForeground(QBrush(readable(color, self._base())))
        elif edge_id is not None:
            relation = argument_map.edges[edge_id].relation
            color = QColor(RELATION_COLORS.get(relation, "#555555"))
            item.setForeground(QBrush(readable(color, self._base())))
        parent.appendRow([item, speaker])
        self._rows.setdefault(node_id, []).append(item)
        if node_id in expanded:
            if argument_map.in_edges(node_id):
                item.setText(item.text() + "  (see above)")
            return
        expanded.add(node_id)
        for edge in children(argument_map, node_id):
            self._add(item, argument_map, edge.source, edge.id, expanded)

    def _text(self, node: Node, edge_id: str | None) -> str:
        label = shown_label(node)
        if edge_id is None or self.session is None or edge_id not in self.session.map.edges:
            return label
        return f"{MARKS.get(self.session.map.edges[edge_id].relation, '?')} {label}"

    def _apply_expansion(self, parent: QStandardItem) -> None:
        for row in range(parent.rowCount()):
            item = parent.child(row)
            if item.hasChildren():
                self.tree.setExpanded(item.index(), item.data(ID_ROLE) not in self._collapsed)
                self._apply_expansion(item)

    def _remember(self, index: QModelIndex, collapsed: bool) -> None:
        if self._syncing:
            return
        node_id = index.data(ID_ROLE)
        if collapsed:
            self._collapsed.add(node_id)
        else:
            self._collapsed.discard(node_id)

    # --------------------------------------------------------------- selection
    def _on_selection_changed(self) -> None:
        if self._syncing:
            return
        selected = self.session.selection if self.session else ()
        wanted = QItemSelection()
        first: QModelIndex | None = None
        for node_id in selected:
            rows = self._rows.get(node_id)
            if rows:
                index = rows[0].index()
                wanted.select(index, index.siblingAtColumn(1))
                first = first or index
        self._syncing = True
        try:
            model = self.tree.selectionModel()
            model.select(wanted, QItemSelectionModel.SelectionFlag.ClearAndSelect)
            if first is not None:
                model.setCurrentIndex(first, QItemSelectionModel.SelectionFlag.NoUpdate)
                self.tree.scrollTo(first)
        finally:
            self._syncing = False

    def _on_tree_selection(self) -> None:
        # A hidden tree is not being used; its selection also changes while Qt tears the window
        # down, when the canvas the session would update may already be gone.
        if self._syncing or self.session is None or not self.tree.isVisible():
            return
        ids = [index.data(ID_ROLE) for index in self.tree.selectionModel().selectedRows(0)]
        self._syncing = True
        try:
            self.session.select(i for i in ids if i)
        finally:
            self._syncing = False

    def current_node(self) -> str | None:
        index = self.tree.currentIndex()
        return index.siblingAtColumn(0).data(ID_ROLE) if index.isValid() else None


def _set_tooltips(item: QStandardItem, speaker: QStandardItem | None, node: Node) -> None:
    """The claim's whole text and its speaker, shown as typed (markup is never rendered)."""
    item.setToolTip(plain_tooltip(node.text or node.label))
    if speaker is not None:
        speaker.setToolTip(plain_tooltip(node.speaker))
