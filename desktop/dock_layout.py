"""Where the side panels sit, and the empty frames that hold their places at start-up.

The first paint shows the whole window: canvas, menus, toolbar, and an empty frame where each
side panel goes. Building the panels (and importing their modules) is about a fifth of start-up,
so :func:`desktop.app.run_application` does it just after that paint; :func:`fill_frames` puts
each panel exactly where its frame was, so nothing on screen moves when they arrive (unless a
very large font makes a panel need more width than its frame had).

This module stays light: the main window imports it before its first paint.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import NamedTuple

import shiboken6
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QDockWidget, QMainWindow, QWidget

_LEFT, _RIGHT = Qt.DockWidgetArea.LeftDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea


class SidePanel(NamedTuple):  # not a dataclass: ~0.5 ms less before the first paint
    object_name: str
    """The dock's object name (the panel's class name): how a frame and its panel are matched."""
    title: str
    area: Qt.DockWidgetArea


SIDE_PANELS: dict[str, SidePanel] = {
    "positions": SidePanel("PositionsDock", "Positions", _LEFT),
    "outline": SidePanel("OutlineDock", "Outline", _LEFT),
    "documents": SidePanel("DocumentsDock", "Documents", _RIGHT),
    "inspector": SidePanel("InspectorDock", "Inspector", _RIGHT),
}
"""A short positions list over a tall outline on the left; the text over the inspector on the
right (the documents pane is what a reader looks at most, so it gets the height)."""

AddDock = Callable[[QDockWidget, Qt.DockWidgetArea], object]


def arrange(window: QMainWindow, docks: Mapping[str, QDockWidget], add: AddDock | None = None,
            *, size_again: bool = True) -> None:  # fmt: skip
    """Put the side panels (``docks``, keyed as :data:`SIDE_PANELS`) around the canvas."""
    add_dock = add or (lambda dock, area: window.addDockWidget(area, dock))
    for key, panel in SIDE_PANELS.items():
        add_dock(docks[key], panel.area)
    window.splitDockWidget(docks["positions"], docks["outline"], Qt.Orientation.Vertical)
    window.splitDockWidget(docks["documents"], docks["inspector"], Qt.Orientation.Vertical)
    _size(window, docks)
    if size_again:  # the first sizing is approximate until the window is laid out
        QTimer.singleShot(0, window, lambda: _size(window, docks))


def _size(window: QMainWindow, docks: Mapping[str, QDockWidget]) -> None:
    if not all(shiboken6.isValid(dock) for dock in docks.values()):
        return  # the frames were already replaced by the panels
    vertical, horizontal = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    window.resizeDocks([docks["positions"], docks["outline"]], [160, 500], vertical)
    window.resizeDocks([docks["documents"], docks["inspector"]], [520, 280], vertical)
    # The canvas keeps at least half the width: panels grow with the window up to a limit.
    width = window.width()
    left, right = min(max(int(width * 0.19), 220), 380), min(max(int(width * 0.25), 280), 440)
    window.resizeDocks([docks["positions"], docks["documents"]], [left, right], horizontal)


def reserve_frames(window: QMainWindow) -> dict[str, QDockWidget]:
    """Empty, disabled docks with the panels' titles, in the panels' places."""
    frames: dict[str, QDockWidget] = {}
    for key, panel in SIDE_PANELS.items():
        frame = QDockWidget(panel.title, window)
        frame.setObjectName(panel.object_name)
        frame.setWidget(QWidget(frame))
        frame.setEnabled(False)
        frames[key] = frame
    arrange(window, frames)
    return frames


def fill_frames(window: QMainWindow, frames: Mapping[str, QDockWidget],
                docks: Mapping[str, QDockWidget], add: AddDock | None = None) -> None:  # fmt: skip
    """Replace each frame by its panel, in the frame's place and size.

    The window's state (which records every dock's place and size by object name) is taken
    with the frames and given back with the panels, all before the next paint.
    """
    state = window.saveState()
    for frame in frames.values():
        window.removeDockWidget(frame)
        frame.setParent(None)
        frame.deleteLater()
    arrange(window, docks, add, size_again=False)
    window.restoreState(state)
