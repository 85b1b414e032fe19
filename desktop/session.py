"""One open map as the window sees it: the model, a QUndoStack over its operations, the selection.

Every edit anywhere in the GUI goes through :meth:`MapSession.push`, so undo covers everything and
the canvas and panels only ever follow model events.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack

from mapping.model import ArgumentMap, Compound, Edge, Node, Operation

_MERGE_ID = 0x444D
"""The Qt command id of every command that has a merge key (the keys themselves decide)."""


class OperationCommand(QUndoCommand):
    """Adapts a core operation to Qt's undo stack; the command only ever touches the model.

    A command with a ``merge_key`` takes in, once, the next command pushed right after it with
    the same key: the two become one step under the first one's name.
    """

    def __init__(
        self,
        argument_map: ArgumentMap,
        operation: Operation,
        *,
        applied: bool,
        merge_key: str | None = None,
    ) -> None:
        super().__init__(operation.description)
        self.map = argument_map
        self.operation = operation
        self.merge_key = merge_key
        self._skip_redo = applied

    def id(self) -> int:
        return _MERGE_ID if self.merge_key is not None else -1

    def mergeWith(self, other: QUndoCommand) -> bool:
        if not isinstance(other, OperationCommand) or other.merge_key != self.merge_key:
            return False
        self.operation = Compound([self.operation, other.operation], self.operation.description)
        self.merge_key = None  # once only: later commands stay steps of their own
        return True

    def redo(self) -> None:
        if self._skip_redo:  # push() already applied it, so validation errors reach the caller
            self._skip_redo = False
            return
        self.operation.apply(self.map)

    def undo(self) -> None:
        self.operation.revert(self.map)


class MapSession(QObject):
    """The open map, its file, its undo history and what is selected."""

    selectionChanged = Signal()
    fileChanged = Signal()
    """The path or the modified state changed (the window title follows this)."""

    def __init__(
        self,
        argument_map: ArgumentMap | None = None,
        path: str | Path | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.map = argument_map if argument_map is not None else ArgumentMap()
        self.path: Path | None = Path(path) if path is not None else None
        self.undo_stack = QUndoStack(self)
        # Signal to signal: Qt drops the connection when the session dies (a lambda would outlive
        # it and fire into a deleted object while the undo stack is torn down).
        self.undo_stack.cleanChanged.connect(self.fileChanged)
        self._selection: tuple[str, ...] = ()
        # Weakly: a map that held its session would put the session in a reference cycle,
        # and PySide mishandles the history when a cycle frees it (see close()).
        handler = weakref.WeakMethod(self._on_item_removed)

        def on_item_removed(event: object) -> None:
            method = handler()
            if method is not None:
                method(event)

        self._unsubscribe = self.map.subscribe(
            on_item_removed, names=("node_removed", "edge_removed")
        )

    def close(self) -> None:
        """Done with this session (its window closed, or another map took its place).

        The history's commands are deleted now, by Qt, and PySide forgets them. Left to the
        garbage collector, a session in a reference cycle (any object that subscribes to the
        map and keeps the session) can have a command freed twice: PySide frees it when the
        cycle is broken, then the session's QUndoStack deletes it again (a crash). The map and
        the selection stay readable; nothing can be undone afterwards.
        """
        self.undo_stack.clear()
        self._unsubscribe()

    # --------------------------------------------------------------- editing
    def push(self, operation: Operation, *, merge_key: str | None = None) -> Operation:
        """Apply ``operation`` and record it for undo; raises (map untouched) if it is invalid.

        With ``merge_key``, the step joins the one before it if that was pushed with the same
        key and nothing came between (a new claim and the label typed into it), else it
        waits for the next push with that key.
        """
        operation.apply(self.map)
        command = OperationCommand(self.map, operation, applied=True, merge_key=merge_key)
        self.undo_stack.push(command)
        return operation

    @property
    def is_modified(self) -> bool:
        return not self.undo_stack.isClean()

    def mark_saved(self, path: str | Path) -> None:
        self.path = Path(path)
        self.undo_stack.setClean()
        self.fileChanged.emit()

    # ------------------------------------------------------------- selection
    @property
    def selection(self) -> tuple[str, ...]:
        """Selected node and edge ids, in the order they were selected."""
        return self._selection

    def select(self, ids: Iterable[str]) -> None:
        wanted = tuple(dict.fromkeys(i for i in ids if self.map.has_id(i)))
        if wanted != self._selection:
            self._selection = wanted
            self.selectionChanged.emit()

    def selected_nodes(self) -> list[Node]:
        return [self.map.nodes[i] for i in self._selection if i in self.map.nodes]

    def selected_edges(self) -> list[Edge]:
        return [self.map.edges[i] for i in self._selection if i in self.map.edges]

    def _on_item_removed(self, event) -> None:
        if event.id in self._selection:
            self.select(i for i in self._selection if i != event.id)
