"""The Positions panel: every position with its supporters and attackers, and a visibility filter.

Which positions are shown is a view setting, not part of the map: it lives here and reaches the
canvas through :attr:`PositionsDock.hiddenChanged` (the window connects it to
``scene.set_hidden``). Hiding a position hides every claim that serves only hidden positions.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.panels.base import SessionDock, changed_fields, is_geometry_only, shown_label
from desktop.panels.colors import position_color
from desktop.session import MapSession
from desktop.tooltips import plain_tooltip
from mapping.model import MapEvent
from mapping.structure import counts, family, hidden_items, positions

ID_ROLE = Qt.ItemDataRole.UserRole


def swatch(color: QColor, size: int = 12) -> QIcon:
    pixmap = QPixmap(size, size)
    pixmap.fill(color)
    return QIcon(pixmap)


class PositionsDock(SessionDock):
    """A checkable list of positions: uncheck to hide a position and the claims around it."""

    hiddenChanged = Signal(frozenset)
    """Node and edge ids the canvas should hide now (empty: show everything)."""

    def __init__(self, session: MapSession | None, parent: QWidget | None = None) -> None:
        self._hidden_positions: set[str] = set()
        self._hidden_items: frozenset[str] = frozenset()
        super().__init__("Positions", session, parent)

    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.tree = QTreeWidget(body)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels(["Position", "Support", "Attack"])
        self.tree.setRootIsDecorated(False)
        self.tree.setUniformRowHeights(True)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.tree.headerItem().setToolTip(1, "Claims that support it directly")
        self.tree.headerItem().setToolTip(2, "Claims that attack it directly")
        header = self.tree.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in (1, 2):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
            self.tree.headerItem().setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
        self.tree.itemChanged.connect(self._on_item_changed)
        self.tree.itemSelectionChanged.connect(self._on_tree_selection)
        buttons = QHBoxLayout()
        self.only_button = QPushButton("Show Only Selected", body)
        self.only_button.setToolTip("Hide every position except the selected ones")
        self.only_button.clicked.connect(self.show_only_selected)
        self.all_button = QPushButton("Show All", body)
        self.all_button.clicked.connect(self.show_all)
        for button in (self.only_button, self.all_button):
            # The text may be cut rather than the buttons setting the dock's narrowest width:
            # the window, not this row, decides how wide the side panels are.
            button.setMinimumWidth(24)
            buttons.addWidget(button)
        buttons.addStretch(1)
        layout.addWidget(self.tree, 1)
        layout.addLayout(buttons)
        self.setWidget(body)

    # --------------------------------------------------------------- following
    def set_session(self, session: MapSession | None) -> None:
        self._hidden_positions = set()
        super().set_session(session)

    def _on_map_event(self, event: MapEvent) -> None:
        if is_geometry_only(event) or event.name.startswith(("document", "title", "setting")):
            return
        if event.name == "node_changed" and not changed_fields(event) & {"kind", "label", "color"}:
            return
        self.schedule_refresh()

    def _rebuild(self) -> None:
        self.tree.blockSignals(True)
        self.tree.clear()
        argument_map = self.session.map if self.session else None
        if argument_map is not None:
            ids = positions(argument_map)
            self._hidden_positions &= set(ids)
            for position_id in ids:
                node = argument_map.nodes[position_id]
                support, attack = counts(argument_map, position_id)
                item = QTreeWidgetItem([shown_label(node), str(support), str(attack)])
                item.setData(0, ID_ROLE, position_id)
                item.setIcon(0, swatch(position_color(argument_map, position_id)))
                claims = len(family(argument_map, position_id)) - 1
                item.setToolTip(0, plain_tooltip(f"{node.label}\n{claims} claims in all"))
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                hidden = position_id in self._hidden_positions
                item.setCheckState(0, Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked)
                for column in (1, 2):
                    item.setTextAlignment(column, Qt.AlignmentFlag.AlignRight)
                self.tree.addTopLevelItem(item)
        self.tree.blockSignals(False)
        self._sync_selection()
        self._publish()

    def _on_selection_changed(self) -> None:
        self._sync_selection()

    def _sync_selection(self) -> None:
        selected = set(self.session.selection) if self.session else set()
        self.tree.blockSignals(True)
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            item.setSelected(item.data(0, ID_ROLE) in selected)
        self.tree.blockSignals(False)

    # ------------------------------------------------------------ user input
    def _on_tree_selection(self) -> None:
        if self.session is not None and self.tree.isVisible():  # see OutlineDock
            self.session.select(item.data(0, ID_ROLE) for item in self.tree.selectedItems())

    def _on_item_changed(self, item: QTreeWidgetItem, column: int) -> None:
        if column != 0:
            return
        self.set_position_visible(
            item.data(0, ID_ROLE), item.checkState(0) == Qt.CheckState.Checked
        )

    # ------------------------------------------------------------------ filter
    def set_position_visible(self, position_id: str, visible: bool) -> None:
        if visible:
            self._hidden_positions.discard(position_id)
        else:
            self._hidden_positions.add(position_id)
        self._apply_filter()

    def show_only_selected(self) -> None:
        chosen = {item.data(0, ID_ROLE) for item in self.tree.selectedItems()}
        if not chosen or self.session is None:
            return
        self._hidden_positions = set(positions(self.session.map)) - chosen
        self._apply_filter()

    def show_all(self) -> None:
        self._hidden_positions.clear()
        self._apply_filter()

    def _apply_filter(self) -> None:
        """Tick the rows to match and tell the canvas. Rows are updated in place, never rebuilt:
        this runs inside the tree's own itemChanged signal, where clearing it would free the
        item Qt is still using."""
        self.tree.blockSignals(True)
        for index in range(self.tree.topLevelItemCount()):
            item = self.tree.topLevelItem(index)
            hidden = item.data(0, ID_ROLE) in self._hidden_positions
            item.setCheckState(0, Qt.CheckState.Unchecked if hidden else Qt.CheckState.Checked)
        self.tree.blockSignals(False)
        self._publish()

    @property
    def hidden_positions(self) -> frozenset[str]:
        return frozenset(self._hidden_positions)

    def hidden_ids(self) -> frozenset[str]:
        """Node and edge ids currently filtered out of the canvas."""
        return self._hidden_items

    def _publish(self) -> None:
        argument_map = self.session.map if self.session else None
        hidden = (
            frozenset(hidden_items(argument_map, self._hidden_positions))
            if argument_map
            else frozenset()
        )
        if hidden != self._hidden_items:
            self._hidden_items = hidden
            self.hiddenChanged.emit(hidden)
