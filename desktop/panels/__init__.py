"""The side panels around the canvas: Documents, Inspector, Positions, Outline.

The main window calls :func:`install_panels` once; the returned :class:`Panels` follows whatever
session the window shows next (``panels.set_session``), so the window never talks to a panel.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from PySide6.QtWidgets import QDockWidget, QMainWindow

from desktop.dock_layout import arrange, fill_frames
from desktop.panels.base import SessionDock
from desktop.panels.documents import DocumentsDock
from desktop.panels.inspector import InspectorDock
from desktop.panels.outline import OutlineDock
from desktop.panels.positions import PositionsDock
from desktop.session import MapSession

__all__ = [
    "DocumentsDock",
    "InspectorDock",
    "OutlineDock",
    "Panels",
    "PositionsDock",
    "SessionDock",
    "install_panels",
]


@dataclass
class Panels:
    documents: DocumentsDock
    inspector: InspectorDock
    positions: PositionsDock
    outline: OutlineDock

    @property
    def docks(self) -> list[SessionDock]:
        return [self.documents, self.inspector, self.positions, self.outline]

    def set_session(self, session: MapSession | None) -> None:
        """Show another map (opened, new, or None when the welcome page is up)."""
        for dock in self.docks:
            dock.set_session(session)


def install_panels(
    window: QMainWindow,
    session: MapSession | None = None,
    frames: Mapping[str, QDockWidget] | None = None,
) -> Panels:
    """Create the docks, put them around ``window``'s canvas and wire them to what it offers.

    Optional extension points, used when the window has them: ``window.session`` (the current
    session), ``window.sessionChanged(session)`` (a signal), ``window.scene.set_hidden(ids)``
    (the positions filter), ``window.add_dock(dock, area)`` (which also lists the dock in
    View ▸ Panels); and for the full main window the welcome page, the import wizard and
    Edit ▸ Settings (:mod:`desktop.panels.window_hooks`). ``frames`` are the empty docks that
    held the panels' places during the first paint (:func:`desktop.dock_layout.reserve_frames`).
    """
    if session is None:
        session = getattr(window, "session", None)
    panels = Panels(
        DocumentsDock(session, window),
        InspectorDock(session, window),
        PositionsDock(session, window),
        OutlineDock(session, window),
    )
    docks = {"positions": panels.positions, "outline": panels.outline,
             "documents": panels.documents, "inspector": panels.inspector}  # fmt: skip
    add = getattr(window, "add_dock", None)  # also lists the dock in View ▸ Panels
    if frames:
        fill_frames(window, frames, docks, add)
    else:
        arrange(window, docks, add)

    # The window swaps its scene with its session, so look the scene up at each change.
    panels.positions.hiddenChanged.connect(lambda ids: _hide(window, ids))
    changed = getattr(window, "sessionChanged", None)
    if changed is not None:
        changed.connect(panels.set_session)
    window.panels = panels
    if hasattr(window, "central_stack"):  # the full main window, not a bare QMainWindow
        from desktop.panels import window_hooks

        window_hooks.install_welcome(window)
        window_hooks.install_settings(window)
        type(window).document_importer = staticmethod(window_hooks.run_import_wizard)
    return panels


def _hide(window: QMainWindow, ids: frozenset[str]) -> None:
    hide = getattr(getattr(window, "scene", None), "set_hidden", None)
    if hide is not None:
        hide(ids)
