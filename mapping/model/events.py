"""Past-tense events a map sends to whoever follows it (the canvas, panels, autosave)."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from mapping.model.records import FrozenRecord, record

EVENT_NAMES = (
    "node_added",
    "node_removed",
    "node_changed",
    "edge_added",
    "edge_removed",
    "edge_changed",
    "document_added",
    "document_removed",
    "document_changed",
    "title_changed",
    "setting_changed",
)


@record
class MapEvent(FrozenRecord):
    """What changed: ``old`` is None for additions, ``new`` is None for removals."""

    name: str
    id: str
    old: Any = None
    new: Any = None

    def __init__(self, name: str, id: str, old: Any = None, new: Any = None) -> None:
        _set = object.__setattr__
        _set(self, "name", name)
        _set(self, "id", id)
        _set(self, "old", old)
        _set(self, "new", new)


Listener = Callable[[MapEvent], None]


class EventSource:
    """A minimal observer list; a plain-Python stand-in for Qt signals in the core."""

    def __init__(self) -> None:
        self._listeners: list[tuple[Listener, frozenset[str] | None]] = []

    def subscribe(
        self, callback: Listener, names: Iterable[str] | None = None
    ) -> Callable[[], None]:
        """Call ``callback`` for every event (or only ``names``); returns a function that stops it."""
        wanted = None if names is None else frozenset(names)
        if wanted is not None and not wanted <= set(EVENT_NAMES):
            unknown = ", ".join(sorted(wanted - set(EVENT_NAMES)))
            raise ValueError(f"unknown event name(s): {unknown}")
        entry = (callback, wanted)
        self._listeners.append(entry)

        def unsubscribe() -> None:
            if entry in self._listeners:
                self._listeners.remove(entry)

        return unsubscribe

    def emit(self, event: MapEvent) -> None:
        for callback, wanted in tuple(self._listeners):
            if wanted is None or event.name in wanted:
                callback(event)
