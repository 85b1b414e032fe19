"""The Inspector: the fields of the selected nodes or relations, edited in place.

Every edit becomes one model operation on the session's undo stack (several selected items: one
Compound); model events refill the fields with their signals blocked, so nothing echoes back.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QColorDialog,
    QComboBox,
    QDoubleSpinBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.contrast import swatch_style
from desktop.panels.base import SessionDock, shown_label
from desktop.session import MapSession
from mapping.errors import MappingError
from mapping.model import (
    NODE_KINDS,
    RELATIONS,
    ChangeEdge,
    ChangeNode,
    Compound,
    MapEvent,
    Operation,
    describe,
)

MIXED = "(several values)"
UNSET = "—"


class CommitTextEdit(QPlainTextEdit):
    """A plain-text box that reports when the person leaves it, like QLineEdit.editingFinished."""

    editingFinished = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setTabChangesFocus(True)
        self.setMaximumHeight(90)
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

    def focusOutEvent(self, event) -> None:
        super().focusOutEvent(event)
        self.editingFinished.emit()


def _optional_spin(parent: QWidget) -> QDoubleSpinBox:
    """A 0–1 spin box whose lowest step means "not set"."""
    spin = QDoubleSpinBox(parent)
    spin.setRange(-0.05, 1.0)
    spin.setSingleStep(0.05)
    spin.setDecimals(2)
    spin.setSpecialValueText(UNSET)
    spin.setKeyboardTracking(False)
    return spin


def _spin_value(spin: QDoubleSpinBox) -> float | None:
    return None if spin.value() <= spin.minimum() else round(spin.value(), 2)


def _common(values: list[Any]) -> tuple[bool, Any]:
    """(True, value) when all ``values`` agree, else (False, None)."""
    if values and all(v == values[0] for v in values[1:]):
        return True, values[0]
    return False, None


class ColorButton(QPushButton):
    """Shows a colour; clicking picks another; ``colorPicked`` gives a name or None (cleared)."""

    colorPicked = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._color: str | None = None
        self.clicked.connect(self._pick)
        self.set_color(None)

    def set_color(self, color: str | None, mixed: bool = False) -> None:
        self._color = color
        if color and QColor.isValidColorName(color):
            self.setText(color)
            self._restyle()
        else:
            self.setText(MIXED if mixed else "By position")
            self.setStyleSheet("")

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange and self._color:
            self._restyle()  # the new theme's frame colour

    def _restyle(self) -> None:
        # The surroundings' palette: this button's own is the style sheet's once it has one.
        around = self.parentWidget().palette() if self.parentWidget() else self.palette()
        style = swatch_style(str(self._color), around)
        if style != self.styleSheet():  # (a style sheet changes the palette: no loop)
            self.setStyleSheet(style)

    def _pick(self) -> None:
        chosen = QColorDialog.getColor(QColor(self._color or "#ffffff"), self, "Node colour")
        if chosen.isValid():
            self.colorPicked.emit(chosen.name())


def _scrolled(page: QWidget) -> QScrollArea:
    scroller = QScrollArea()
    scroller.setWidgetResizable(True)
    scroller.setFrameShape(QFrame.Shape.NoFrame)
    scroller.setWidget(page)
    return scroller


class InspectorDock(SessionDock):
    """Fields of the selection: nodes, relations, or the fields several selected items share."""

    error_reported = Signal(str)
    """An edit the model refused (e.g. a base score out of range); the window shows it."""

    def __init__(self, session: MapSession | None, parent: QWidget | None = None) -> None:
        super().__init__("Inspector", session, parent)

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        self.pages = QStackedWidget(self)
        self.empty = QLabel("Select a position, claim or relation to see its details.")
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.empty.setMargin(8)
        self.pages.addWidget(self.empty)
        # Forms scroll, so the dock can be as short as the user likes (and its height is the
        # layout's choice, not the form's): the documents above it need the room more.
        self.pages.addWidget(_scrolled(self._build_node_page()))
        self.pages.addWidget(_scrolled(self._build_edge_page()))
        self.setWidget(self.pages)

    def _build_node_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        self.node_heading = QLabel(page)
        self.node_heading.setTextFormat(Qt.TextFormat.PlainText)
        font = self.node_heading.font()
        font.setBold(True)
        self.node_heading.setFont(font)
        outer.addWidget(self.node_heading)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.label_edit = QLineEdit(page)
        self.text_edit = CommitTextEdit(page)
        self.speaker_edit = QLineEdit(page)
        self.kind_combo = QComboBox(page)
        for kind in NODE_KINDS:
            self.kind_combo.addItem(kind.capitalize(), kind)
        self.tags_edit = QLineEdit(page)
        self.tags_edit.setToolTip("Comma-separated tags")
        colour_row = QHBoxLayout()
        self.color_button = ColorButton(page)
        self.color_clear = QPushButton("Reset", page)
        self.color_clear.setToolTip("Use the colour of the node's position")
        colour_row.addWidget(self.color_button, 1)
        colour_row.addWidget(self.color_clear)
        self.note_edit = CommitTextEdit(page)
        self.score_spin = _optional_spin(page)
        self.score_spin.setToolTip("Base score between 0 and 1 (for weighted semantics)")
        self.sources_label = QLabel(page)
        self.sources_label.setWordWrap(True)
        self.sources_label.setTextFormat(Qt.TextFormat.PlainText)
        form.addRow("&Label", self.label_edit)
        form.addRow("&Text", self.text_edit)
        form.addRow("&Speaker", self.speaker_edit)
        form.addRow("&Kind", self.kind_combo)
        form.addRow("T&ags", self.tags_edit)
        form.addRow("Colour", colour_row)
        form.addRow("&Note", self.note_edit)
        form.addRow("&Base score", self.score_spin)
        form.addRow("Source", self.sources_label)

        self.label_edit.editingFinished.connect(
            lambda: self._commit_node("label", self.label_edit.text())
        )
        self.text_edit.editingFinished.connect(
            lambda: self._commit_node("text", self.text_edit.toPlainText())
        )
        self.speaker_edit.editingFinished.connect(
            lambda: self._commit_node("speaker", self.speaker_edit.text().strip())
        )
        self.kind_combo.activated.connect(
            lambda _i: self._commit_node("kind", self.kind_combo.currentData())
        )
        self.tags_edit.editingFinished.connect(
            lambda: self._commit_node("tags", _split_tags(self.tags_edit.text()))
        )
        self.color_button.colorPicked.connect(lambda c: self._commit_node("color", c))
        self.color_clear.clicked.connect(lambda: self._commit_node("color", None))
        self.note_edit.editingFinished.connect(
            lambda: self._commit_node("note", self.note_edit.toPlainText())
        )
        self.score_spin.valueChanged.connect(
            lambda _v: self._commit_node("base_score", _spin_value(self.score_spin))
        )
        return page

    def _build_edge_page(self) -> QWidget:
        page = QWidget()
        outer = QVBoxLayout(page)
        self.edge_heading = QLabel(page)
        self.edge_heading.setWordWrap(True)
        self.edge_heading.setTextFormat(Qt.TextFormat.PlainText)
        outer.addWidget(self.edge_heading)
        form = QFormLayout()
        outer.addLayout(form)
        outer.addStretch(1)
        self.relation_combo = QComboBox(page)
        for relation in RELATIONS:
            self.relation_combo.addItem(relation.capitalize(), relation)
        self.confidence_spin = _optional_spin(page)
        self.edge_note_edit = CommitTextEdit(page)
        self.origin_label = QLabel(page)
        self.confirm_button = QPushButton("Confirm", page)
        self.confirm_button.setToolTip("Accept a seeded relation as your own")
        origin_row = QHBoxLayout()
        origin_row.addWidget(self.origin_label, 1)
        origin_row.addWidget(self.confirm_button)
        self.reason_view = QLabel(page)
        self.reason_view.setWordWrap(True)
        self.reason_view.setTextFormat(Qt.TextFormat.PlainText)
        self.reason_view.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        form.addRow("&Relation", self.relation_combo)
        form.addRow("C&onfidence", self.confidence_spin)
        form.addRow("&Note", self.edge_note_edit)
        form.addRow("Origin", origin_row)
        form.addRow("Why seeded", self.reason_view)
        self.relation_combo.activated.connect(
            lambda _i: self._commit_edge("relation", self.relation_combo.currentData())
        )
        self.confidence_spin.valueChanged.connect(
            lambda _v: self._commit_edge("confidence", _spin_value(self.confidence_spin))
        )
        self.edge_note_edit.editingFinished.connect(
            lambda: self._commit_edge("note", self.edge_note_edit.toPlainText())
        )
        self.confirm_button.clicked.connect(lambda: self._commit_edge("origin", "user"))
        return page

    # --------------------------------------------------------------- following
    def _on_map_event(self, event: MapEvent) -> None:
        if self.session is not None and event.id in self.session.selection:
            self._fill()

    def _on_selection_changed(self) -> None:
        self._fill()

    def _rebuild(self) -> None:
        self._fill()

    def _fill(self) -> None:
        nodes = self.session.selected_nodes() if self.session else []
        edges = self.session.selected_edges() if self.session else []
        widgets = self.pages.findChildren(QWidget)
        for widget in widgets:
            widget.blockSignals(True)
        try:
            if nodes:
                self._fill_nodes(nodes, len(edges))
                self.pages.setCurrentIndex(1)
            elif edges:
                self._fill_edges(edges)
                self.pages.setCurrentIndex(2)
            else:
                self.pages.setCurrentIndex(0)
        finally:
            for widget in widgets:
                widget.blockSignals(False)

    def _fill_nodes(self, nodes: list, edge_count: int) -> None:
        single = len(nodes) == 1
        heading = describe("", nodes).strip() if not single else nodes[0].kind.capitalize()
        if not single:
            heading = f"{len(nodes)} selected: {heading}"
        if edge_count:
            heading += f" (and {edge_count} relation{'s' if edge_count > 1 else ''}, not shown)"
        self.node_heading.setText(heading)

        def put_line(edit: QLineEdit, values: list[str]) -> None:
            same, value = _common(values)
            edit.setText(value if same else "")
            edit.setPlaceholderText("" if same else MIXED)

        for edit, name in ((self.label_edit, "label"), (self.text_edit, "text")):
            edit.setEnabled(single)
            if isinstance(edit, QLineEdit):
                edit.setText(nodes[0].label if single else "")
                edit.setCursorPosition(0)
                edit.setPlaceholderText("" if single else MIXED)
            else:
                edit.setPlainText(getattr(nodes[0], name) if single else "")
                edit.setPlaceholderText("" if single else MIXED)
        put_line(self.speaker_edit, [n.speaker for n in nodes])
        put_line(self.tags_edit, [", ".join(n.tags) for n in nodes])
        same, kind = _common([n.kind for n in nodes])
        self.kind_combo.setCurrentIndex(self.kind_combo.findData(kind) if same else -1)
        same, color = _common([n.color for n in nodes])
        self.color_button.set_color(color if same else None, mixed=not same)
        same, note = _common([n.note for n in nodes])
        self.note_edit.setPlainText(note if same else "")
        self.note_edit.setPlaceholderText("" if same else MIXED)
        same, score = _common([n.base_score for n in nodes])
        self.score_spin.setValue(score if same and score is not None else self.score_spin.minimum())
        if single and self.session is not None:
            documents = self.session.map.documents
            self.sources_label.setText(
                "\n".join(
                    f"{documents[s.document].name if s.document in documents else s.document}, "
                    f"characters {s.start}–{s.end}"
                    for s in nodes[0].sources
                )
                or "none"
            )
        else:
            self.sources_label.setText("")

    def _fill_edges(self, edges: list) -> None:
        argument_map = self.session.map
        if len(edges) == 1:
            edge = edges[0]
            source, target = argument_map.nodes[edge.source], argument_map.nodes[edge.target]
            self.edge_heading.setText(
                f"{edge.relation.capitalize()}\nfrom: {shown_label(source)}\n"
                f"to: {shown_label(target)}"
            )
        else:
            self.edge_heading.setText(f"{len(edges)} relations selected")
        same, relation = _common([e.relation for e in edges])
        self.relation_combo.setCurrentIndex(self.relation_combo.findData(relation) if same else -1)
        same, confidence = _common([e.confidence for e in edges])
        self.confidence_spin.setValue(
            confidence if same and confidence is not None else self.confidence_spin.minimum()
        )
        same, note = _common([e.note for e in edges])
        self.edge_note_edit.setPlainText(note if same else "")
        self.edge_note_edit.setPlaceholderText("" if same else MIXED)
        same, origin = _common([e.origin for e in edges])
        self.origin_label.setText(origin if same else MIXED)
        self.confirm_button.setEnabled(any(e.origin == "seeded" for e in edges))
        reasons = sorted({e.reason for e in edges if e.reason})
        self.reason_view.setText("\n".join(reasons) if reasons else "—")

    # ---------------------------------------------------------------- editing
    def _commit_node(self, name: str, value: Any) -> None:
        if self.session is None:
            return
        nodes = [n for n in self.session.selected_nodes() if getattr(n, name) != value]
        if not nodes or (name in ("label", "text") and len(self.session.selected_nodes()) > 1):
            return
        if name == "kind" and value is None:
            return
        self._push(
            [ChangeNode(n.id, **{name: value}) for n in nodes],
            describe("Edit", nodes),
        )

    def _commit_edge(self, name: str, value: Any) -> None:
        if self.session is None or (name == "relation" and value is None):
            return
        edges = [e for e in self.session.selected_edges() if getattr(e, name) != value]
        if not edges:
            return
        noun = "Relation" if len(edges) == 1 else f"{len(edges)} Relations"
        if name == "relation":
            description = f"Make {noun} {value.capitalize()}"
        else:
            description = f"{'Confirm' if name == 'origin' else 'Edit'} {noun}"
        self._push([ChangeEdge(e.id, **{name: value}) for e in edges], description)

    def _push(self, operations: list[Operation], description: str) -> None:
        operation = operations[0] if len(operations) == 1 else Compound(operations, description)
        operation.description = description
        try:
            self.session.push(operation)
        except MappingError as error:
            self.error_reported.emit(str(error))
            self._fill()


def _split_tags(text: str) -> tuple[str, ...]:
    return tuple(dict.fromkeys(t.strip() for t in text.split(",") if t.strip()))
