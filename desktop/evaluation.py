"""Evaluate mode: which positions and claims stand, shown live on the canvas.

View ▸ Evaluate (Ctrl+Shift+E, also on the toolbar) turns the mode on and shows the Evaluate
dock: pick a semantics and a support reading, browse the extensions, and play "what if" by
marking nodes accepted or rejected (dock buttons or the canvas context menu). Every model event
schedules a re-evaluation for the next turn of the event loop, so a burst of events (an import,
an undo of a big step) costs one evaluation.

Results come from :mod:`mapping.semantics` as data and go to the scene as an
:class:`~desktop.canvas.verdicts.EvaluationOverlay`; nothing is written into the map, and
what-if marks are view state of this window, gone when another map is opened.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QPointF, QSize, Qt, Signal
from PySide6.QtGui import QAction, QColor, QIcon, QPainter, QPen, QPixmap
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QGridLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMenu,
    QPushButton,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from desktop.canvas.items import (
    LABEL_PEN_STYLES,
    paint_assumption_pin,
    paint_badge,
    paint_strength_bar,
)
from desktop.canvas.theme import Theme
from desktop.canvas.verdicts import LABEL_WORDS, LABELS, EvaluationOverlay
from desktop.panels.base import SessionDock, changed_fields
from desktop.session import MapSession
from mapping.model import MapEvent

EXTENSION_LIMIT = 100
"""The window enumerates at most this many extensions (the dock then says "100+")."""
_SEMANTIC_FIELDS = {
    "node_changed": frozenset({"kind", "base_score", "*"}),
    "edge_changed": frozenset({"relation", "confidence", "source", "target", "*"}),
}
"""Field changes that can alter a result; moving or relabelling a node cannot."""


def _matters(event: MapEvent) -> bool:
    fields = _SEMANTIC_FIELDS.get(event.name)
    return fields is None or bool(changed_fields(event) & fields)


_ICONS: dict[tuple[str, Theme, int], QIcon] = {}


def badge_icon(label: str, theme: Theme, size: int = 18) -> QIcon:
    """The canvas badge as an icon, for the dock's lists and legend."""
    key = (label, theme, size)
    if key not in _ICONS:
        centre = QPointF(size / 2, size / 2)
        _ICONS[key] = QIcon(_pixmap(size, lambda p: paint_badge(p, centre, label, theme)))
    return _ICONS[key]


def _pixmap(size: int | QSize, paint, width: int | None = None) -> QPixmap:
    pixmap = QPixmap(QSize(width or size, size) if isinstance(size, int) else size)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    try:
        paint(painter)
    finally:
        painter.end()
    return pixmap


class EvaluateDock(SessionDock):
    """Evaluate mode's controls and its state: semantics, support reading, extension, what-ifs."""

    evaluated = Signal(object)
    """A new overlay is on the canvas (an EvaluationOverlay, or None when the mode went off)."""

    def __init__(self, window: Any, session: MapSession | None) -> None:
        self.window_ = window
        self.enabled = False
        self.semantics = "grounded"
        from mapping.semantics import DEFAULT_SUPPORT

        self.support = DEFAULT_SUPPORT  # one default for the window and the command line
        self.extension = 0
        self.assumptions: dict[str, str] = {}
        """Node id → "IN" (accepted) or "OUT" (rejected): this window's what-if marks."""
        self.evaluation: Any = None
        """The last mapping.semantics.MapEvaluation (None while the mode is off)."""
        self.overlay: EvaluationOverlay | None = None
        self.last_seconds = 0.0
        """How long the last evaluation and repaint took (the benchmark reads it)."""
        super().__init__("Evaluate", session, window)

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        from mapping.semantics import SEMANTICS, SEMANTICS_TITLES, SUPPORT_READINGS

        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 6, 8, 6)
        self.toggle = QToolButton(body)
        self.toggle.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        layout.addWidget(self.toggle)

        form = QFormLayout()
        self.semantics_box = QComboBox(body)
        for name in SEMANTICS:
            self.semantics_box.addItem(SEMANTICS_TITLES.get(name, name), name)
        self.semantics_box.setToolTip("Which stances count as defensible (docs/SEMANTICS.md)")
        self.support_box = QComboBox(body)
        for name, meaning in SUPPORT_READINGS.items():
            self.support_box.addItem(name.capitalize(), name)
            self.support_box.setItemData(
                self.support_box.count() - 1, meaning, Qt.ItemDataRole.ToolTipRole
            )
        self.support_box.setToolTip("How a support turns into attacks for the labelling semantics")
        form.addRow("&Semantics:", self.semantics_box)
        form.addRow("S&upport:", self.support_box)
        layout.addLayout(form)

        browse = QHBoxLayout()
        self.previous_button = QPushButton("◀", body)
        self.previous_button.setToolTip("Previous extension")
        self.next_button = QPushButton("▶", body)
        self.next_button.setToolTip("Next extension")
        for button in (self.previous_button, self.next_button):
            button.setFixedWidth(34)
        self.extension_label = QLabel(body)
        self.extension_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        browse.addWidget(self.previous_button)
        browse.addWidget(self.extension_label, 1)
        browse.addWidget(self.next_button)
        layout.addLayout(browse)

        self.summary = QLabel(body)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.positions = QListWidget(body)
        self.positions.setToolTip("The positions and their result; click one to find it")
        self.positions.setIconSize(QSize(18, 18))
        self.positions.setWordWrap(True)
        self.positions.setMinimumHeight(96)
        layout.addWidget(self.positions, 1)

        what_if = QGroupBox("What if…", body)
        grid = QGridLayout(what_if)
        self.accept_button = QPushButton("✓ Accept", what_if)
        self.accept_button.setToolTip("Take the selected nodes as accepted and see what follows")
        self.reject_button = QPushButton("✗ Reject", what_if)
        self.reject_button.setToolTip("Take the selected nodes as rejected and see what follows")
        self.forget_button = QPushButton("Forget", what_if)
        self.forget_button.setToolTip("Drop the what-if marks of the selected nodes")
        self.forget_all_button = QPushButton("Forget All", what_if)
        self.assumed_label = QLabel(what_if)
        self.assumed_label.setWordWrap(True)
        grid.addWidget(self.accept_button, 0, 0)
        grid.addWidget(self.reject_button, 0, 1)
        grid.addWidget(self.forget_button, 1, 0)
        grid.addWidget(self.forget_all_button, 1, 1)
        grid.addWidget(self.assumed_label, 2, 0, 1, 2)
        layout.addWidget(what_if)

        self.legend = QGroupBox("Legend", body)
        self.legend_layout = QGridLayout(self.legend)
        self.legend_layout.setHorizontalSpacing(8)
        layout.addWidget(self.legend)
        self.setWidget(body)
        self._fill_legend()

        self.semantics_box.currentIndexChanged.connect(
            lambda: self.set_semantics(str(self.semantics_box.currentData()))
        )
        self.support_box.currentIndexChanged.connect(
            lambda: self.set_support(str(self.support_box.currentData()))
        )
        self.previous_button.clicked.connect(lambda: self.step_extension(-1))
        self.next_button.clicked.connect(lambda: self.step_extension(1))
        self.accept_button.clicked.connect(lambda: self.assume_selected("IN"))
        self.reject_button.clicked.connect(lambda: self.assume_selected("OUT"))
        self.forget_button.clicked.connect(lambda: self.assume_selected(None))
        self.forget_all_button.clicked.connect(self.forget_all)
        self.positions.itemClicked.connect(self._show_position)

    def _theme(self) -> Theme:
        return self.window_.scene.theme

    def _fill_legend(self) -> None:
        grid = self.legend_layout
        while grid.count():
            widget = grid.takeAt(0).widget()
            if widget is not None:
                widget.deleteLater()
        theme = self._legend_theme = self._theme()
        rows: list[tuple[str, QPixmap, str]] = []
        for label in LABELS:
            badge = badge_icon(label, theme).pixmap(18, 18)
            rows.append((label, self._border_sample(label, theme, badge), LABEL_WORDS[label]))
        rows.append(
            (
                "strength",
                _pixmap(18, lambda p: paint_strength_bar(p, _bar_rect(), 0.7, theme), width=56),
                "strength 0–1 (hover a node for the number)",
            )
        )
        rows.append(
            (
                "pin",
                _pixmap(18, lambda p: paint_assumption_pin(p, QPointF(28, 16), "IN", theme), 56),
                "what if: your assumption",
            )
        )
        self.legend_rows: dict[str, tuple[QLabel, QLabel]] = {}
        for row, (what, pixmap, text) in enumerate(rows):
            icon = QLabel(self.legend)
            icon.setPixmap(pixmap)
            words = QLabel(text, self.legend)
            words.setWordWrap(True)
            grid.addWidget(icon, row, 0)
            grid.addWidget(words, row, 1)
            self.legend_rows[what] = (icon, words)
        grid.setColumnStretch(1, 1)

    @staticmethod
    def _border_sample(label: str, theme: Theme, badge: QPixmap) -> QPixmap:
        def paint(p: QPainter) -> None:
            pen = QPen(QColor(theme.label_color(label)), 2.4)
            pen.setStyle(LABEL_PEN_STYLES[label])
            p.setPen(pen)
            p.drawLine(QPointF(22, 9), QPointF(54, 9))
            p.drawPixmap(0, 0, badge)

        return _pixmap(18, paint, width=56)

    # -------------------------------------------------------------------- state
    def set_enabled(self, enabled: bool) -> None:
        """Turn Evaluate mode on (colour the canvas now) or off (remove the colouring)."""
        if enabled == self.enabled:
            return
        self.enabled = enabled
        if enabled:
            self.show()
            self.raise_()
        self.refresh_now()

    def set_semantics(self, semantics: str) -> None:
        if semantics != self.semantics:
            self.semantics = semantics
            self.extension = 0
            self.refresh_now()

    def set_support(self, support: str) -> None:
        if support != self.support:
            self.support = support
            self.extension = 0
            self.refresh_now()

    def extension_count(self) -> int:
        return len(self.evaluation.labellings) if self.evaluation is not None else 0

    def set_extension(self, index: int) -> None:
        """Show extension ``index`` (0-based) of the current result; wraps around."""
        count = self.extension_count()
        if count:
            self.extension = index % count
            self._show()

    def step_extension(self, step: int) -> None:
        self.set_extension(self.extension + step)

    def assume(self, node_ids: Iterable[str], label: str | None) -> None:
        """What if: take these nodes as accepted ("IN"), rejected ("OUT"), or forget (None)."""
        changed = False
        for node_id in node_ids:
            if label is None:
                changed |= self.assumptions.pop(node_id, None) is not None
            elif self.assumptions.get(node_id) != label:
                self.assumptions[node_id] = label
                changed = True
        if changed:
            self.extension = 0
            self.refresh_now()

    def assume_selected(self, label: str | None) -> None:
        if self.session is not None:
            self.assume(self._arguable(n.id for n in self.session.selected_nodes()), label)

    def forget_all(self) -> None:
        if self.assumptions:
            self.assumptions.clear()
            self.extension = 0
            self.refresh_now()

    def _arguable(self, node_ids: Iterable[str]) -> list[str]:
        """Only positions and claims take part; a question or note cannot be assumed."""
        from mapping.semantics import ARGUMENT_KINDS

        m = self.session.map if self.session is not None else None
        return [i for i in node_ids if m is not None and i in m.nodes
                and m.node(i).kind in ARGUMENT_KINDS]  # fmt: skip

    # ----------------------------------------------------------------- plumbing
    def set_session(self, session: MapSession | None) -> None:
        if session is not getattr(self, "session", None):
            self.assumptions.clear()  # what-ifs belong to the map they were made on
            self.extension = 0
        super().set_session(session)
        scene = getattr(self.window_, "scene", None)
        if scene is not None:  # a new scene comes with each session; Qt drops the old link
            scene.themeChanged.connect(self._on_theme_changed)

    def _on_theme_changed(self) -> None:
        """Settings changed the theme: redraw the legend's samples in its colours."""
        self._fill_legend()
        self._update_widgets()

    def stop_following(self) -> None:
        """End the map subscription without touching the canvas (the window is going away)."""
        self.enabled = False
        if self._unsubscribe is not None:
            self._unsubscribe()
            self._unsubscribe = None

    def _on_map_event(self, event: MapEvent) -> None:
        if self.enabled and _matters(event):
            self.schedule_refresh()

    def _on_selection_changed(self) -> None:
        nodes = self._arguable(self.session.selection) if self.session is not None else []
        on = self.enabled and bool(nodes)
        for button in (self.accept_button, self.reject_button):
            button.setEnabled(on)
        self.forget_button.setEnabled(on and any(n in self.assumptions for n in nodes))

    def _rebuild(self) -> None:
        """Evaluate the map again and show the result (called one event-loop turn after edits)."""
        if not self.enabled or self.session is None:
            self.evaluation = None
            self._show()
            return
        from mapping.semantics import bipolar_graph, evaluate_map

        started = time.perf_counter()
        argument_map = self.session.map
        graph = bipolar_graph(argument_map)
        known = set(graph.ids)
        for node_id in [n for n in self.assumptions if n not in known]:
            del self.assumptions[node_id]  # deleted, or became a question or note
        self.evaluation = evaluate_map(
            argument_map,
            self.semantics,
            support=self.support,
            assume={k: v == "IN" for k, v in self.assumptions.items()},
            limit=None if self.semantics == "grounded" else EXTENSION_LIMIT,
            graph=graph,
        )
        if self.extension >= self.extension_count():
            self.extension = 0
        self._show()
        self.last_seconds = time.perf_counter() - started

    def _show(self) -> None:
        """Put the current result on the canvas and into the dock's widgets."""
        evaluation = self.evaluation
        overlay = None
        if evaluation is not None:
            overlay = EvaluationOverlay.from_evaluation(evaluation, self.extension)
        self.overlay = overlay
        scene = getattr(self.window_, "scene", None)
        if scene is not None:
            scene.set_evaluation(overlay)
            if scene.theme is not self._legend_theme:
                self._fill_legend()
        self._update_widgets()
        self.evaluated.emit(overlay)

    def _update_widgets(self) -> None:
        evaluation = self.evaluation
        on = evaluation is not None
        self.support_box.setEnabled(on is False or not evaluation.is_gradual)
        with _blocked(self.semantics_box, self.support_box):
            self.semantics_box.setCurrentIndex(self.semantics_box.findData(self.semantics))
            self.support_box.setCurrentIndex(self.support_box.findData(self.support))
        count = self.extension_count()
        many = on and not evaluation.is_gradual and self.semantics != "grounded"
        for widget in (self.previous_button, self.next_button, self.extension_label):
            widget.setVisible(many)
        self.previous_button.setEnabled(count > 1)
        self.next_button.setEnabled(count > 1)
        if many:
            more = "+" if evaluation.truncated else ""
            self.extension_label.setText(
                f"Extension {self.extension + 1} of {count}{more}" if count
                else f"No {self.semantics} extension"
            )  # fmt: skip
        self._fill_positions()
        self._update_summary()
        self._update_legend()
        names = []
        if self.session is not None:
            for node_id, label in self.assumptions.items():
                node = self.session.map.nodes.get(node_id)
                text = (node.label or node.text or node_id) if node is not None else node_id
                names.append(f"{'✓' if label == 'IN' else '✗'} {_short(text)}")
        self.assumed_label.setText(
            "\n".join(names) if names else "Select a position or claim, then accept or reject it."
        )
        self.forget_all_button.setEnabled(bool(self.assumptions))
        self._on_selection_changed()

    def _update_legend(self) -> None:
        """Only the rows that apply: labels or strengths, and the pin while there are what-ifs."""
        gradual = self.evaluation is not None and self.evaluation.is_gradual
        for what, widgets in self.legend_rows.items():
            shown = (what == "strength") == gradual if what != "pin" else bool(self.assumptions)
            for widget in widgets:
                widget.setVisible(shown)

    def _update_summary(self) -> None:
        overlay = self.overlay
        if overlay is None:
            self.summary.setText("Evaluate mode is off: turn it on to colour the map.")
            return
        if overlay.gradual:
            converged = self.evaluation.converged
            self.summary.setText(
                "Strengths from each node's base score (Inspector), moved by its supporters "
                "and attackers." + ("" if converged else " The iteration did not settle.")
            )
            return
        if not overlay.verdicts and self.evaluation.node_ids:
            self.summary.setText(f"The {self.semantics} semantics accepts no stance here.")
            return
        counts = overlay.counts()
        self.summary.setText(
            f"{counts['IN']} accepted · {counts['OUT']} rejected · {counts['UNDEC']} undecided"
        )

    def _fill_positions(self) -> None:
        self.positions.clear()
        overlay = self.overlay
        if overlay is None or self.session is None:
            return
        theme = self._theme()
        for node in self.session.map.nodes.values():
            if node.kind != "position":
                continue
            verdict = overlay.verdict(node.id)
            if verdict is None:
                continue
            if verdict.label is not None:
                text = f"{node.label or node.id}  — {LABEL_WORDS[verdict.label].split(' ')[0]}"
                item = QListWidgetItem(badge_icon(verdict.label, theme), text)
            else:
                item = QListWidgetItem(f"{node.label or node.id}  — {verdict.strength:.2f}")
            item.setData(Qt.ItemDataRole.UserRole, node.id)
            item.setToolTip(verdict.describe())
            self.positions.addItem(item)

    def _show_position(self, item: QListWidgetItem) -> None:
        node_id = item.data(Qt.ItemDataRole.UserRole)
        if self.session is None or node_id not in self.session.map.nodes:
            return
        self.session.select([node_id])
        node_item = self.window_.scene.node_item(node_id)
        if node_item is not None:
            self.window_.view.centerOn(node_item)


def _bar_rect():
    from PySide6.QtCore import QRectF

    return QRectF(4.0, 7.0, 48.0, 4.0)


@contextlib.contextmanager
def _blocked(*widgets: QWidget):
    states = [w.blockSignals(True) for w in widgets]
    try:
        yield
    finally:
        for widget, state in zip(widgets, states, strict=True):
            widget.blockSignals(state)


# ------------------------------------------------------------------------- the window
def install_evaluation(window: Any) -> EvaluateDock:
    """View ▸ Evaluate, its toolbar toggle and dock, and what-if entries in the context menu."""
    dock = EvaluateDock(window, window.session)
    dock.hide()
    window.add_dock(dock, Qt.DockWidgetArea.RightDockWidgetArea)
    action = QAction("E&valuate", window)
    action.setCheckable(True)
    action.setShortcut("Ctrl+Shift+E")
    action.setStatusTip("Colour the nodes by which positions and claims stand (IN, OUT, UNDEC)")
    action.setToolTip("Evaluate: which positions stand? (Ctrl+Shift+E)")
    action.toggled.connect(dock.set_enabled)
    dock.toggle.setDefaultAction(action)
    window.actions["evaluate"] = action
    for name, text, label in (
        ("what_if_accept", "What If &Accepted", "IN"),
        ("what_if_reject", "What If &Rejected", "OUT"),
        ("what_if_forget", "&Forget Assumption", None),
    ):
        what_if = QAction(text, window)
        what_if.triggered.connect(lambda *_, label=label: dock.assume_selected(label))
        window.actions[name] = what_if
    for name, text, step in (("next_extension", "&Next Extension", 1),
                             ("previous_extension", "&Previous Extension", -1)):  # fmt: skip
        browse = QAction(text, window)
        browse.triggered.connect(lambda *_, step=step: dock.step_extension(step))
        window.actions[name] = browse
    view_menu: QMenu | None = window.menus.get("view")
    if view_menu is not None:
        panels = window.menus["panels"].menuAction()
        view_menu.insertAction(panels, action)
        view_menu.insertSeparator(panels)
    toolbar = getattr(window, "toolbar", None)
    if toolbar is not None:
        toolbar.addSeparator()
        toolbar.addAction(action)
    hooks = getattr(window, "context_menu_hooks", None)
    if hooks is not None:
        hooks.append(lambda menu, item_id: _add_what_if(window, dock, menu, item_id))
    window.sessionChanged.connect(dock.set_session)
    window.evaluate_dock = dock
    # The dock follows the map through a subscription; end it with the window.
    window.destroyed.connect(lambda *_: dock.stop_following() if _alive(dock) else None)
    return dock


def _alive(obj: Any) -> bool:
    from shiboken6 import isValid

    return isValid(obj)


def _add_what_if(window: Any, dock: EvaluateDock, menu: QMenu, item_id: str) -> None:
    """Canvas context menu in Evaluate mode: what-if entries for a position or claim."""
    if not dock.enabled or not dock._arguable([item_id]):
        return
    menu.addSeparator()
    for name in ("what_if_accept", "what_if_reject"):
        menu.addAction(window.actions[name])
    if item_id in dock.assumptions:
        menu.addAction(window.actions["what_if_forget"])


def _short(text: str, size: int = 48) -> str:
    text = " ".join(text.split())
    return text if len(text) <= size else text[: size - 1] + "…"
