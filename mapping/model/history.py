"""An undo history for the core, so scripts and tests can undo without Qt."""

from __future__ import annotations

from mapping.model.argument_map import ArgumentMap
from mapping.model.operations import Operation


class History:
    """A linear undo/redo stack of applied operations with a "clean" (saved) mark."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self._done: list[Operation] = []
        self._undone: list[Operation] = []
        self._clean_index: int | None = 0

    def do(self, operation: Operation) -> Operation:
        """Apply ``operation``; redo steps are dropped, as in every editor."""
        operation.apply(self.map)
        self._done.append(operation)
        self._undone.clear()
        if self._clean_index is not None and self._clean_index > len(self._done) - 1:
            self._clean_index = None
        return operation

    def undo(self) -> Operation:
        if not self._done:
            raise IndexError("nothing to undo")
        operation = self._done.pop()
        operation.revert(self.map)
        self._undone.append(operation)
        return operation

    def redo(self) -> Operation:
        if not self._undone:
            raise IndexError("nothing to redo")
        operation = self._undone.pop()
        operation.apply(self.map)
        self._done.append(operation)
        return operation

    @property
    def can_undo(self) -> bool:
        return bool(self._done)

    @property
    def can_redo(self) -> bool:
        return bool(self._undone)

    @property
    def undo_text(self) -> str:
        return self._done[-1].description if self._done else ""

    @property
    def redo_text(self) -> str:
        return self._undone[-1].description if self._undone else ""

    @property
    def is_clean(self) -> bool:
        """True when the map is as it was at the last :meth:`set_clean` (e.g. the last save)."""
        return self._clean_index == len(self._done)

    def set_clean(self) -> None:
        self._clean_index = len(self._done)
