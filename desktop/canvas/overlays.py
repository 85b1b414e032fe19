"""What opens over the canvas on demand: the in-place label editor and the find bar.

They live apart from :mod:`desktop.canvas.view` because the canvas is built before the first
paint and these are not: their Qt classes cost about 1.5 ms to load.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, Qt
from PySide6.QtGui import QFont, QKeyEvent
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QLineEdit, QPlainTextEdit, QToolButton

from desktop.canvas.items import label_font
from desktop.canvas.view import is_tab_press

if TYPE_CHECKING:
    from desktop.canvas.items import NodeItem
    from desktop.canvas.view import MapView


class LabelEditor(QPlainTextEdit):
    """A plain-text box laid over a node while its label is typed (no markup can get in)."""

    def __init__(self, view: MapView, item: NodeItem) -> None:
        super().__init__(view.viewport())
        self.view = view
        self.item = item
        self.node_id = item.node_id
        self.setPlainText(item.node.label)
        self.selectAll()
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        self.setFrameShape(QFrame.Shape.Box)
        self.setTabChangesFocus(False)
        self.place()

    def place(self) -> None:
        box = self.item.scene_box()
        rect = self.view.mapFromScene(box).boundingRect()
        rect.setHeight(max(rect.height(), 60))
        rect.setWidth(max(rect.width(), 160))
        self.setGeometry(rect)
        font = QFont(label_font(self.item.node.kind, self.item.theme))  # the cached one is shared
        font.setPixelSize(max(8, round(font.pixelSize() * min(self.view.zoom, 3.0))))
        self.setFont(font)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key == Qt.Key.Key_Escape:
            self.view.close_label_editor(commit=False)
            return
        if key in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and not (
            event.modifiers() & Qt.KeyboardModifier.ShiftModifier
        ):
            self.view.close_label_editor(commit=True)
            return
        if key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            self.view.close_label_editor(commit=True)
            self.view.keyPressEvent(event)
            return
        super().keyPressEvent(event)

    def event(self, event: QEvent) -> bool:
        if is_tab_press(event):
            self.keyPressEvent(event)
            return True
        return super().event(event)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        if self.view.label_editor is self and event.reason() != Qt.FocusReason.PopupFocusReason:
            self.view.close_label_editor(commit=True)


class FindBar(QFrame):
    """Ctrl+F: a search field over the top-right corner of the canvas."""

    def __init__(self, view: MapView) -> None:
        super().__init__(view)
        self.view = view
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAutoFillBackground(True)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(6, 4, 6, 4)
        self.field = QLineEdit(self)
        self.field.setPlaceholderText("Find in labels, texts, speakers…")
        self.field.setClearButtonEnabled(True)
        self.field.setMinimumWidth(220)
        self.count = QLabel(self)
        previous = QToolButton(self)
        previous.setText("▲")
        previous.setToolTip("Previous match (Shift+Enter)")
        following = QToolButton(self)
        following.setText("▼")
        following.setToolTip("Next match (Enter)")
        close = QToolButton(self)
        close.setText("✕")
        close.setToolTip("Close (Esc)")
        for widget in (self.field, self.count, previous, following, close):
            layout.addWidget(widget)
        self.field.textChanged.connect(view.find)
        previous.clicked.connect(lambda: view.find_next(backwards=True))
        following.clicked.connect(lambda: view.find_next())
        close.clicked.connect(view.clear_find)
        self.field.installEventFilter(self)

    def eventFilter(self, watched, event) -> bool:
        if watched is self.field and event.type() == QEvent.Type.KeyPress:
            if event.key() == Qt.Key.Key_Escape:
                self.view.clear_find()
                return True
            # Handled here, not by returnPressed: the field passes Enter on to its parents,
            # and the canvas would add a sibling to the claim just found.
            backwards = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
            if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter):
                self.view.find_next(backwards=backwards)
                return True
            if event.key() in (Qt.Key.Key_Down, Qt.Key.Key_Up):
                self.view.find_next(backwards=event.key() == Qt.Key.Key_Up)
                return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Keys the field ignores stop here: on the canvas they would edit the map.
        event.accept()

    def set_count(self, total: int, text: str, index: int = -1) -> None:
        if not text.strip():
            self.count.setText("")
        elif total == 0:
            self.count.setText("No matches")
        elif index >= 0:
            self.count.setText(f"{index + 1} of {total}")
        else:
            self.count.setText(f"{total} found")
        if self.isVisible():
            self.place()  # the count's text changed width: make room for it

    def place(self) -> None:
        self.adjustSize()
        viewport = self.view.viewport().geometry()
        self.move(viewport.right() - self.width() - 12, viewport.top() + 8)
        self.raise_()
