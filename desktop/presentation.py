"""Presentation mode (F5): the map on a projector, revealed one step at a time.

Steps come from :func:`mapping.teaching.presentation_steps` (stored in the map, or derived): each
position, then its supporters, then its attackers. Everything revealed so far stays on screen; the
current node's neighbourhood is bright, the rest is dimmed, and a caption shows the current node's
source sentence with its speaker and document. The presentation has its own scene, so dimming and
hiding never touch the editor's canvas or the map.

Keys (presenter clickers send PageUp/PageDown): Right, Down, Space, PageDown, Enter: next step;
Left, Up, PageUp, Backspace: previous; Home/End: first/last; Tab/Shift+Tab: next/previous node of
the step; C: dark or high-contrast; Escape: leave. Clicking a node makes it the current node.
"""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QEvent, QObject, QRectF, Qt, Signal
from PySide6.QtGui import QFont, QKeyEvent, QPainter
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFrame,
    QGraphicsView,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from desktop.canvas.items import NodeItem
from desktop.canvas.scene import MapScene
from desktop.canvas.theme import DARK, HIGH_CONTRAST, Theme
from desktop.tooltips import plain_tooltip
from mapping.model import ArgumentMap, Node
from mapping.teaching import Step, default_steps, presentation_steps, set_presentation_steps

PROJECTOR_THEMES: dict[str, Theme] = {
    # Boxes keep the editor's size (the teacher's layout must not start to overlap); type is
    # large on screen because each step is framed as closely as the projector allows.
    "dark": DARK._replace(name="projector-dark", line_width=2.6),
    "high-contrast": HIGH_CONTRAST._replace(
        name="projector-high-contrast", font_size=10.0, line_width=3.2
    ),
}
"""Themes for a projector: dark backgrounds, larger type and thicker lines than on screen."""
DIMMED = 0.18
"""Opacity of revealed nodes and relations outside the current neighbourhood."""
MAX_ZOOM = 2.2
"""A step that shows one small node is not blown up beyond this."""
FIT_MARGIN = 60.0

NEXT_KEYS = {
    Qt.Key.Key_Right,
    Qt.Key.Key_Down,
    Qt.Key.Key_Space,
    Qt.Key.Key_PageDown,
    Qt.Key.Key_Return,
    Qt.Key.Key_Enter,
}
PREVIOUS_KEYS = {Qt.Key.Key_Left, Qt.Key.Key_Up, Qt.Key.Key_PageUp, Qt.Key.Key_Backspace}


# ------------------------------------------------------------------------------- state
@dataclass
class PresentationState:
    """Where a presentation is: the step, the current node, what is revealed and bright."""

    map: ArgumentMap
    steps: list[Step]
    index: int = 0
    current: str | None = None

    def __post_init__(self) -> None:
        self.go(self.index)

    @property
    def step(self) -> Step | None:
        return self.steps[self.index] if self.steps else None

    def go(self, index: int) -> bool:
        """Show step ``index`` (clamped); False when that is where we already were."""
        index = max(0, min(index, len(self.steps) - 1)) if self.steps else 0
        changed = index != self.index or self.current is None
        self.index = index
        self.current = self.step.focus if self.step else None
        return changed

    def revealed(self) -> set[str]:
        """Every node shown by the steps up to and including the current one."""
        shown: set[str] = set()
        for step in self.steps[: self.index + 1]:
            shown.add(step.focus)
            shown.update(step.reveal)
        return {i for i in shown if i in self.map.nodes}

    def step_nodes(self) -> list[str]:
        """The nodes of the current step, focus first (Tab walks through them)."""
        step = self.step
        if step is None:
            return []
        return [i for i in dict.fromkeys((step.focus, *step.reveal)) if i in self.map.nodes]

    def bright(self) -> set[str]:
        """The current node's neighbourhood: what is not dimmed."""
        revealed = self.revealed()
        if self.current is None:
            return revealed
        if self.step is not None and self.current == self.step.focus:
            bright = set(self.step_nodes())
        else:
            bright = {self.current}
        for edge in (*self.map.in_edges(self.current), *self.map.out_edges(self.current)):
            bright.update((edge.source, edge.target))
        return bright & revealed

    def set_current(self, node_id: str) -> bool:
        if node_id not in self.revealed() or node_id == self.current:
            return False
        self.current = node_id
        return True

    def cycle(self, backwards: bool = False) -> bool:
        """Make the next (or previous) node of the step the current one."""
        nodes = self.step_nodes()
        if len(nodes) < 2:
            return False
        position = nodes.index(self.current) if self.current in nodes else -1
        self.current = nodes[(position + (-1 if backwards else 1)) % len(nodes)]
        return True


def line_number(text: str, offset: int) -> int:
    """1-based line of character ``offset`` in ``text``."""
    return text.count("\n", 0, max(0, offset)) + 1


def caption_parts(argument_map: ArgumentMap, node: Node) -> tuple[str, str, bool]:
    """The caption for ``node``: (what was said, who said it and where, is it a quotation).

    The source sentence when the document text is embedded; otherwise the label. Positions
    without a source say how many claims support and attack them.
    """
    said = node.label or node.text
    quoted = False
    where: list[str] = []
    if node.speaker:
        where.append(node.speaker)
    span = node.sources[0] if node.sources else None
    if span is not None and span.document in argument_map.documents:
        document = argument_map.document(span.document)
        if document.text is not None and 0 <= span.start < span.end <= len(document.text):
            said = " ".join(document.text[span.start : span.end].split())
            quoted = True
            where.append(f"{document.name}, line {line_number(document.text, span.start)}")
        else:
            where.append(document.name)
    if not node.sources and node.kind == "position":
        relations = [e.relation for e in argument_map.in_edges(node.id)]
        where.append(
            f"Position · {relations.count('support')} for, {relations.count('attack')} against"
        )
    return said, " · ".join(where), quoted


# ------------------------------------------------------------------------------- window
class PresentationWindow(QWidget):
    """A full-screen, chrome-free view of the map that walks through the presentation steps."""

    stepChanged = Signal(int)
    finished = Signal()

    def __init__(
        self,
        argument_map: ArgumentMap,
        steps: list[Step] | None = None,
        theme: str = "dark",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{argument_map.title or 'Map'} — Presentation")
        self.map = argument_map
        self.state = PresentationState(
            argument_map, steps if steps is not None else presentation_steps(argument_map)
        )
        self.theme_name = theme if theme in PROJECTOR_THEMES else "dark"
        self.scene = MapScene(argument_map, PROJECTOR_THEMES[self.theme_name], self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setFrameShape(QFrame.Shape.NoFrame)
        self.view.setInteractive(False)  # nothing moves or gets selected; clicks are ours
        self.view.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.NoAnchor)
        self.view.viewport().installEventFilter(self)
        self.title_label = QLabel(self)
        self.counter_label = QLabel(self)
        self.caption_label = QLabel(self)
        self.source_label = QLabel(self)
        for label in (self.title_label, self.caption_label, self.source_label):
            label.setWordWrap(True)
            label.setTextFormat(Qt.TextFormat.PlainText)
        self.counter_label.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        header = QHBoxLayout()
        header.addWidget(self.title_label, 1)
        header.addWidget(self.counter_label)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(32, 20, 32, 24)
        layout.setSpacing(10)
        layout.addLayout(header)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.caption_label)
        layout.addWidget(self.source_label)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self._apply_theme()
        self._show()

    # ----------------------------------------------------------------- navigation
    def next_step(self) -> None:
        self.go(self.state.index + 1)

    def previous_step(self) -> None:
        self.go(self.state.index - 1)

    def go(self, index: int) -> None:
        if self.state.go(index):
            self._show()
            self.stepChanged.emit(self.state.index)

    def set_current(self, node_id: str) -> None:
        if self.state.set_current(node_id):
            self._show()

    def toggle_theme(self) -> None:
        self.theme_name = "high-contrast" if self.theme_name == "dark" else "dark"
        self.scene.set_theme(PROJECTOR_THEMES[self.theme_name])
        self._apply_theme()
        self._show()

    # ------------------------------------------------------------------- drawing
    def _apply_theme(self) -> None:
        theme = PROJECTOR_THEMES[self.theme_name]
        self.setStyleSheet(f"background: {theme.background}; color: {theme.text};")
        big = QFont()
        big.setPixelSize(40)
        big.setBold(True)
        self.title_label.setFont(big)
        caption = QFont()
        caption.setPixelSize(34)
        self.caption_label.setFont(caption)
        small = QFont()
        small.setPixelSize(24)
        self.counter_label.setFont(small)
        self.source_label.setFont(small)
        self.source_label.setStyleSheet(f"color: {theme.secondary_text};")
        self.counter_label.setStyleSheet(f"color: {theme.secondary_text};")

    def _show(self, refit: bool = True) -> None:
        state = self.state
        revealed, bright = state.revealed(), state.bright()
        for item in self.scene.node_items():
            shown = item.node_id in revealed
            item.setVisible(shown)
            item.setOpacity(1.0 if item.node_id in bright else DIMMED)
            item.set_highlighted(item.node_id == state.current)
        step = state.step
        focus = step.focus if step else None
        for item in self.scene.edge_items():
            edge = item.edge
            item.setVisible(edge.source in revealed and edge.target in revealed)
            lit = (
                edge.source in bright
                and edge.target in bright
                and (state.current in (edge.source, edge.target) or state.current == focus)
            )
            item.setOpacity(1.0 if lit else DIMMED)
        self.scene.lay_out_ports()  # the arrows shown share the boxes' sides
        self.title_label.setText(step.title if step else "This map has nothing to present")
        total = len(state.steps)
        self.counter_label.setText(
            f"{state.index + 1} / {total}\n→ next · ← back · Esc ends" if total else "Esc ends"
        )
        if state.current is not None:
            said, where, quoted = caption_parts(self.map, self.map.node(state.current))
            self.caption_label.setText(f"“{said}”" if quoted else said)
            self.source_label.setText(where)
        else:
            self.caption_label.setText("")
            self.source_label.setText("")
        if refit:
            self._fit()
        self.view.viewport().update()

    def bright_rect(self) -> QRectF:
        """Scene rectangle of the bright nodes (what the view frames)."""
        rect = QRectF()
        for node_id in self.state.bright() or self.state.revealed():
            item = self.scene.node_item(node_id)
            if item is not None:
                rect = rect.united(item.sceneBoundingRect())
        return rect

    def _fit(self) -> None:
        rect = self.bright_rect()
        if rect.isNull():
            return
        rect = rect.adjusted(-FIT_MARGIN, -FIT_MARGIN, FIT_MARGIN, FIT_MARGIN)
        viewport = self.view.viewport().rect()
        scale = min(viewport.width() / rect.width(), viewport.height() / rect.height(), MAX_ZOOM)
        # The view may only scroll within its scene rect: make that exactly the framed area,
        # so a node near the edge of the map can still sit in the middle of the screen.
        shown = QRectF(0.0, 0.0, viewport.width() / scale, viewport.height() / scale)
        shown.moveCenter(rect.center())
        self.view.setSceneRect(shown)
        self.view.resetTransform()
        self.view.scale(scale, scale)
        self.view.centerOn(rect.center())

    # ------------------------------------------------------------------- events
    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        if key in NEXT_KEYS:
            self.next_step()
        elif key in PREVIOUS_KEYS:
            self.previous_step()
        elif key == Qt.Key.Key_Home:
            self.go(0)
        elif key == Qt.Key.Key_End:
            self.go(len(self.state.steps) - 1)
        elif key in (Qt.Key.Key_Tab, Qt.Key.Key_Backtab):
            if self.state.cycle(backwards=key == Qt.Key.Key_Backtab):
                self._show()
        elif key == Qt.Key.Key_C:
            self.toggle_theme()
        elif key == Qt.Key.Key_Escape:
            self.close()
        else:
            super().keyPressEvent(event)

    def focusNextPrevChild(self, next: bool) -> bool:
        return False  # Tab walks through the step's nodes instead of the widgets

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.view.viewport() and event.type() == QEvent.Type.Resize:
            self._fit()
        elif watched is self.view.viewport() and event.type() == QEvent.Type.MouseButtonPress:
            scene_pos = self.view.mapToScene(event.position().toPoint())
            for item in self.scene.items(scene_pos):
                if isinstance(item, NodeItem) and item.isVisible():
                    self.set_current(item.node_id)
                    return True
            return True
        return super().eventFilter(watched, event)

    def closeEvent(self, event) -> None:
        self.scene.detach()
        self.finished.emit()
        super().closeEvent(event)


def start_presentation(
    argument_map: ArgumentMap,
    parent: QWidget | None = None,
    *,
    full_screen: bool = True,
    theme: str = "dark",
) -> PresentationWindow:
    """Open presentation mode on ``argument_map`` (full screen unless told otherwise), in the
    projector ``theme`` ("dark" or "high-contrast"; C switches)."""
    window = PresentationWindow(argument_map, theme=theme, parent=parent)
    if full_screen:
        window.showFullScreen()
    else:
        window.show()
    window.activateWindow()
    window.setFocus()
    return window


# ------------------------------------------------------------------------ arranging steps
class ArrangeStepsDialog(QDialog):
    """Reorder the presentation steps (drag, or Up/Down); OK stores them as one undo step."""

    def __init__(self, session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Arrange Presentation Steps")
        self.session = session
        self.list = QListWidget(self)
        self.list.setDragDropMode(QAbstractItemView.DragDropMode.InternalMove)
        self.list.setDefaultDropAction(Qt.DropAction.MoveAction)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.up_button = QPushButton("Move &Up", self)
        self.down_button = QPushButton("Move &Down", self)
        self.reset_button = QPushButton("&Default Order", self)
        self.up_button.clicked.connect(lambda: self.move_current(-1))
        self.down_button.clicked.connect(lambda: self.move_current(1))
        self.reset_button.clicked.connect(lambda: self._fill(default_steps(self.session.map)))
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        side = QVBoxLayout()
        for button in (self.up_button, self.down_button, self.reset_button):
            side.addWidget(button)
        side.addStretch(1)
        row = QHBoxLayout()
        row.addWidget(self.list, 1)
        row.addLayout(side)
        layout = QVBoxLayout(self)
        hint = QLabel("Drag the steps, or select one and move it up or down.", self)
        layout.addWidget(hint)
        layout.addLayout(row, 1)
        layout.addWidget(buttons)
        self.original = presentation_steps(session.map)
        self._fill(self.original)
        self.resize(620, 460)

    def _fill(self, steps: list[Step]) -> None:
        self.list.clear()
        for step in steps:
            count = len(set(step.reveal) | {step.focus})
            item = QListWidgetItem(f"{step.title}   ({count} node{'s' if count != 1 else ''})")
            item.setData(Qt.ItemDataRole.UserRole, step)
            item.setToolTip(plain_tooltip(step.title))
            self.list.addItem(item)
        self.list.setCurrentRow(0)

    def steps(self) -> list[Step]:
        """The steps in the order shown."""
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())]

    def move_current(self, delta: int) -> None:
        row = self.list.currentRow()
        target = row + delta
        if row < 0 or not 0 <= target < self.list.count():
            return
        item = self.list.takeItem(row)
        self.list.insertItem(target, item)
        self.list.setCurrentRow(target)

    def accept(self) -> None:
        steps = self.steps()
        if steps != self.original:
            self.session.push(set_presentation_steps(steps))
        super().accept()
