"""Mouse events delivered to the canvas as a hand would, for the GUI tests and bench/editor.py."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPointF, Qt
from PySide6.QtGui import QMouseEvent
from PySide6.QtWidgets import QApplication, QGraphicsView


def send_mouse(
    view: QGraphicsView,
    kind: QEvent.Type,
    scene_point: QPointF,
    button: Qt.MouseButton = Qt.MouseButton.LeftButton,
    modifiers: Qt.KeyboardModifier = Qt.KeyboardModifier.NoModifier,
) -> None:
    """Deliver a mouse event at a scene point to the canvas viewport (the button is held on
    press and move, released on release), bypassing the window system's event queue."""
    point = QPointF(view.mapFromScene(scene_point))
    buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else button
    event = QMouseEvent(kind, point, view.viewport().mapToGlobal(point), button, buttons, modifiers)
    QApplication.sendEvent(view.viewport(), event)
