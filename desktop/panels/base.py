"""The common frame of the side panels: follow one session, survive it being replaced.

A panel never keeps data of its own: it reads ``session.map`` and redraws on the map's events.
Events that change the structure (many of them arrive at once when an import or a layout is
applied) only mark the panel stale; it redraws once when control returns to the event loop.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QDockWidget, QWidget

from desktop.session import MapSession
from mapping.model import MapEvent, Node

GEOMETRY_FIELDS = frozenset({"x", "y", "pinned"})


def shown_label(node: Node) -> str:
    """What a panel calls a node: its label, else its text; never the internal id ("n7")."""
    return node.label or " ".join(node.text.split()) or f"(unnamed {node.kind})"


def changed_fields(event: MapEvent) -> set[str]:
    """Names of the record fields an ``*_changed`` event altered (all fields for other events)."""
    old, new = event.old, event.new
    if old is None or new is None or type(old) is not type(new):
        return {"*"}
    return {name for name in old.__dataclass_fields__ if getattr(old, name) != getattr(new, name)}


def is_geometry_only(event: MapEvent) -> bool:
    """True for a node that only moved: panels ignore drags and layouts."""
    return event.name == "node_changed" and changed_fields(event) <= GEOMETRY_FIELDS


class SessionDock(QDockWidget):
    """A dock that shows one :class:`MapSession` (or none, while the welcome page is up)."""

    def __init__(self, title: str, session: MapSession | None, parent: QWidget | None = None):
        super().__init__(title, parent)
        self.setObjectName(type(self).__name__)
        self.session: MapSession | None = None
        self._unsubscribe: Callable[[], None] | None = None
        self._stale = False
        self._refresh_timer = QTimer(self)
        self._refresh_timer.setSingleShot(True)
        self._refresh_timer.setInterval(0)
        self._refresh_timer.timeout.connect(self.refresh_now)
        self._build()
        self.set_session(session)

    # ------------------------------------------------------------ subclass hooks
    def _build(self) -> None:
        """Create the widgets (called once)."""

    def _rebuild(self) -> None:
        """Redraw everything from ``self.session`` (which may be None)."""

    def _on_map_event(self, event: MapEvent) -> None:
        """React to one model event; the default redraws soon."""
        self.schedule_refresh()

    def _on_selection_changed(self) -> None:
        """Follow the session's selection."""

    # ------------------------------------------------------------------ plumbing
    def set_session(self, session: MapSession | None) -> None:
        """Show ``session`` instead of the current one (a map was opened, created or closed)."""
        if self.session is not None:
            if self._unsubscribe is not None:
                self._unsubscribe()
            with contextlib.suppress(RuntimeError, TypeError):
                self.session.selectionChanged.disconnect(self._on_selection_changed)
        self.session = session
        self._unsubscribe = None
        if session is not None:
            self._unsubscribe = session.map.subscribe(self._on_map_event)
            session.selectionChanged.connect(self._on_selection_changed)
        self.setEnabled(session is not None)
        self.refresh_now()
        self._on_selection_changed()

    def schedule_refresh(self) -> None:
        """Redraw once the current burst of events is over."""
        self._stale = True
        self._refresh_timer.start()

    def refresh_now(self) -> None:
        self._refresh_timer.stop()
        self._stale = False
        self._rebuild()

    def detach(self) -> None:
        """Stop following the session (the window is closing)."""
        self.set_session(None)
