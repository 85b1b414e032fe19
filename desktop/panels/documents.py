"""The Documents panel: the source texts, with the spans that claims came from highlighted.

Spans are Python string offsets into ``Document.text``; Qt counts UTF-16 units and folds "\\r\\n"
into one paragraph break, so :class:`OffsetMap` translates in both directions.
"""

from __future__ import annotations

import bisect
from pathlib import Path

from PySide6.QtCore import QEvent, Qt, QTimer, Signal
from PySide6.QtGui import (
    QAction,
    QColor,
    QKeySequence,
    QPalette,
    QTextCharFormat,
    QTextCursor,
    QTextFormat,
)
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from desktop.contrast import contrast, ink_on
from desktop.error_label import ErrorLabel
from desktop.panels.base import SessionDock, is_geometry_only
from desktop.panels.colors import node_color
from desktop.session import MapSession
from desktop.tooltips import plain_tooltip
from mapping.errors import MappingError
from mapping.model import (
    AddNode,
    ChangeDocument,
    Compound,
    Document,
    MapEvent,
    Node,
    SourceSpan,
    text_sha256,
)

# Not Ctrl+Shift+C: the window uses it for Insert ▸ Claim, and two shortcuts on one key cancel out.
CLAIM_SHORTCUT = QKeySequence("Ctrl+Shift+M")
FLASH_MS = 260
LABEL_LIMIT = 90


class OffsetMap:
    """Converts between Python string indices and QTextDocument positions for one text."""

    def __init__(self, text: str) -> None:
        self.length = len(text)
        self._identity = "\r" not in text and (text.isascii() or max(map(ord, text)) <= 0xFFFF)
        if self._identity:
            return
        to_qt: list[int] = []
        position = 0
        for index, char in enumerate(text):
            to_qt.append(position)
            if char == "\r" and text[index + 1 : index + 2] == "\n":
                continue  # Qt turns "\r\n" into a single paragraph break
            position += 2 if ord(char) > 0xFFFF else 1
        to_qt.append(position)
        self._to_qt = to_qt

    def to_qt(self, index: int) -> int:
        index = min(max(index, 0), self.length)
        return index if self._identity else self._to_qt[index]

    def to_python(self, position: int) -> int:
        if self._identity:
            return min(max(position, 0), self.length)
        # The first Python index at or after this Qt position.
        return min(bisect.bisect_left(self._to_qt, position), self.length)


def claim_label(text: str, limit: int = LABEL_LIMIT) -> str:
    """A one-line label: the text itself, cut at a word boundary when it is long."""
    flat = " ".join(text.split())
    if len(flat) <= limit:
        return flat
    cut = flat.rfind(" ", 0, limit)
    return flat[: cut if cut > limit // 2 else limit].rstrip(" ,;:") + "…"


class SourceTextView(QPlainTextEdit):
    """A read-only text that reports plain clicks (not drags that select) by character position."""

    clicked = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.extra_actions: list[QAction] = []

    def mouseReleaseEvent(self, event) -> None:
        super().mouseReleaseEvent(event)
        if event.button() == Qt.MouseButton.LeftButton and not self.textCursor().hasSelection():
            self.clicked.emit(self.cursorForPosition(event.position().toPoint()).position())

    def contextMenuEvent(self, event) -> None:
        menu = self.createStandardContextMenu(event.pos())
        if self.extra_actions:
            menu.insertActions(menu.actions()[0] if menu.actions() else None, self.extra_actions)
            menu.insertSeparator(menu.actions()[len(self.extra_actions)])
        menu.exec(event.globalPos())
        menu.deleteLater()


class DocumentsDock(SessionDock):
    """Source documents; spans coloured by position; click a span to select its claim."""

    def __init__(self, session: MapSession | None, parent: QWidget | None = None) -> None:
        self._document_id: str | None = None
        self._shown_text: str | None = None
        self._offsets = OffsetMap("")
        self._spans: list[tuple[int, int, str]] = []  # (start, end, node id), Python offsets
        self._flash: tuple[int, int, QColor] | None = None
        self._flash_steps = 0
        super().__init__("Documents", session, parent)

    # ------------------------------------------------------------------ widgets
    def _build(self) -> None:
        body = QWidget(self)
        layout = QVBoxLayout(body)
        layout.setContentsMargins(4, 4, 4, 4)
        self.chooser = QComboBox(body)
        self.chooser.setAccessibleName("Document")
        self.chooser.currentIndexChanged.connect(self._on_chooser_changed)
        self.details = QLabel(body)
        self.details.setWordWrap(True)
        self.details.setTextFormat(Qt.TextFormat.PlainText)
        # A palette role, not a style sheet: "palette(...)" in a style sheet is read once and
        # stayed the light theme's grey on the dark and high-contrast backgrounds.
        self.details.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self.banner = QWidget(body)
        banner_layout = QVBoxLayout(self.banner)
        banner_layout.setContentsMargins(0, 0, 0, 0)
        self.banner_text = QLabel(self.banner)
        self.banner_text.setWordWrap(True)
        self.banner_text.setTextFormat(Qt.TextFormat.PlainText)
        row = QHBoxLayout()
        self.locate_button = QPushButton("Locate file…", self.banner)
        self.locate_button.clicked.connect(self.choose_file)
        row.addWidget(self.locate_button)
        row.addStretch(1)
        banner_layout.addWidget(self.banner_text)
        banner_layout.addLayout(row)
        self.error_text = ErrorLabel(self.banner)
        banner_layout.addWidget(self.error_text)
        self.view = SourceTextView(body)
        self.view.clicked.connect(self._on_text_clicked)
        self.view.selectionChanged.connect(self._update_claim_action)
        self.claim_action = QAction("Claim from Selection", self)
        self.claim_action.setShortcut(CLAIM_SHORTCUT)
        self.claim_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.claim_action.setStatusTip("Make the selected text a claim that keeps its source")
        self.claim_action.triggered.connect(self.claim_from_selection)
        self.view.extra_actions.append(self.claim_action)
        self.view.addAction(self.claim_action)
        layout.addWidget(self.chooser)
        layout.addWidget(self.details)
        layout.addWidget(self.banner)
        layout.addWidget(self.view, 1)
        self.setWidget(body)
        self._flash_timer = QTimer(self)
        self._flash_timer.setInterval(FLASH_MS)
        self._flash_timer.timeout.connect(self._flash_step)

    # --------------------------------------------------------------- following
    def _on_map_event(self, event: MapEvent) -> None:
        if is_geometry_only(event) or event.name in ("title_changed", "setting_changed"):
            return
        self.schedule_refresh()

    def _rebuild(self) -> None:
        argument_map = self.session.map if self.session else None
        documents = list(argument_map.documents.values()) if argument_map else []
        self.chooser.blockSignals(True)
        self.chooser.clear()
        for document in documents:
            title = document.metadata.get("title") or document.name
            self.chooser.addItem(str(title), document.id)
            self.chooser.setItemData(
                self.chooser.count() - 1,
                plain_tooltip(document.name),
                Qt.ItemDataRole.ToolTipRole,
            )
        if self._document_id not in {d.id for d in documents}:
            self._document_id = documents[0].id if documents else None
        if self._document_id is not None:
            self.chooser.setCurrentIndex(self.chooser.findData(self._document_id))
        self.chooser.blockSignals(False)
        self._show_document()

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == QEvent.Type.PaletteChange:
            self._highlight()  # another theme: the spans' text colours are chosen against it

    def _show_document(self) -> None:
        document = self.current_document()
        self.chooser.setVisible(self.chooser.count() > 0)
        if document is None:
            self.details.setText("This map has no source documents yet." if self.session else "")
            self.banner.hide()
            self._set_text(None)
            return
        meta = document.metadata
        parts = [str(meta[k]) for k in ("author", "date", "kind") if meta.get(k)]
        self.details.setText(" · ".join([*parts, document.name]))
        if document.text is None:
            self.banner_text.setText(
                f"The text of “{document.name}” is not stored in this map. Locate the file to "
                "see the passages the claims come from."
            )
            self.banner.show()
        else:
            self.banner.hide()
            self.error_text.clear()
        self._set_text(document.text)
        self._highlight()

    def _set_text(self, text: str | None) -> None:
        if text is self._shown_text and text is not None:
            return
        self._shown_text = text
        self._offsets = OffsetMap(text or "")
        self.view.setPlainText(text or "")
        self._update_claim_action()

    def current_document(self) -> Document | None:
        if self.session is None or self._document_id is None:
            return None
        return self.session.map.documents.get(self._document_id)

    def show_document(self, document_id: str) -> None:
        """Switch to ``document_id`` (no-op for an unknown id)."""
        if self.session is None or document_id not in self.session.map.documents:
            return
        self._document_id = document_id
        self.chooser.blockSignals(True)
        self.chooser.setCurrentIndex(self.chooser.findData(document_id))
        self.chooser.blockSignals(False)
        self._show_document()

    def _on_chooser_changed(self, index: int) -> None:
        self._document_id = self.chooser.itemData(index)
        self._show_document()

    # -------------------------------------------------------------- highlights
    def _highlight(self) -> None:
        document = self.current_document()
        self._spans = []
        if document is None or document.text is None or self.session is None:
            self.view.setExtraSelections([])
            return
        argument_map = self.session.map
        selected = set(self.session.selection)
        selections = []
        for node in argument_map.nodes_citing(document.id):
            color = node_color(argument_map, node.id)
            for span in node.sources:
                if span.document != document.id:
                    continue
                self._spans.append((span.start, span.end, node.id))
                selections.append(self._selection(span.start, span.end, color, node.id in selected))
        if self._flash is not None and self._flash_steps % 2 == 1:
            start, end, color = self._flash
            flash = self._selection(start, end, color, True)
            flash.format.setBackground(color)
            flash.format.setForeground(ink_on(color))  # (by lightness: white on orange, 2.3:1)
            selections.append(flash)
        self.view.setExtraSelections(selections)

    def _selection(
        self, start: int, end: int, color: QColor, strong: bool
    ) -> QTextEdit.ExtraSelection:
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self._offsets.to_qt(start))
        cursor.setPosition(self._offsets.to_qt(end), QTextCursor.MoveMode.KeepAnchor)
        char_format = QTextCharFormat()
        background = QColor(color)
        background.setAlpha(150 if strong else 70)
        char_format.setBackground(background)
        palette = self.view.palette()
        shown = _blend(background, palette.color(QPalette.ColorRole.Base))
        if contrast(palette.color(QPalette.ColorRole.Text), shown) < 4.5:
            # a bright colour, strongly tinted, under the dark themes' light text (yellow: 2.7:1)
            char_format.setForeground(ink_on(shown))
        char_format.setUnderlineStyle(QTextCharFormat.UnderlineStyle.SingleUnderline)
        char_format.setUnderlineColor(color)
        char_format.setProperty(QTextFormat.Property.FullWidthSelection, False)
        char_format.setToolTip("")
        selection = QTextEdit.ExtraSelection()
        selection.cursor = cursor
        selection.format = char_format
        return selection

    def node_at(self, index: int) -> str | None:
        """The node whose span covers Python offset ``index`` (the shortest such span)."""
        hits = [(end - start, node) for start, end, node in self._spans if start <= index < end]
        return min(hits)[1] if hits else None

    def _on_text_clicked(self, position: int) -> None:
        if self.session is None:
            return
        node_id = self.node_at(self._offsets.to_python(position))
        if node_id is not None:
            self.session.select([node_id])

    # --------------------------------------------------------------- selection
    def _on_selection_changed(self) -> None:
        if self.session is None:
            return
        nodes = self.session.selected_nodes()
        span = next((s for n in nodes for s in n.sources), None)
        if span is not None and span.document != self._document_id:
            self.show_document(span.document)
        else:
            self._highlight()
        if span is not None:
            self.reveal(span, node_color(self.session.map, nodes[0].id))

    def reveal(self, span: SourceSpan, color: QColor | None = None) -> None:
        """Scroll to ``span`` and flash it a few times so the eye finds it."""
        document = self.current_document()
        if document is None or document.text is None or span.document != document.id:
            return
        cursor = QTextCursor(self.view.document())
        cursor.setPosition(self._offsets.to_qt(span.end))
        self.view.setTextCursor(cursor)
        cursor.setPosition(self._offsets.to_qt(span.start))
        self.view.setTextCursor(cursor)
        self.view.centerCursor()
        self._flash = (span.start, span.end, QColor(color or "#FFD54F"))
        self._flash_steps = 5
        self._highlight()
        self._flash_timer.start()

    def _flash_step(self) -> None:
        self._flash_steps -= 1
        if self._flash_steps <= 0:
            self._flash_timer.stop()
            self._flash = None
        self._highlight()

    # ------------------------------------------------------- claim from text
    def selected_span(self) -> SourceSpan | None:
        """The selected text as a span, trimmed of surrounding white space; None if empty."""
        document = self.current_document()
        cursor = self.view.textCursor()
        if document is None or document.text is None or not cursor.hasSelection():
            return None
        start = self._offsets.to_python(cursor.selectionStart())
        end = self._offsets.to_python(cursor.selectionEnd())
        text = document.text
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        return SourceSpan(document.id, start, end) if end > start else None

    def _update_claim_action(self) -> None:
        self.claim_action.setEnabled(self.selected_span() is not None)

    def claim_from_selection(self) -> str | None:
        """Make the selected text a claim keeping its span; returns the new node's id."""
        span = self.selected_span()
        document = self.current_document()
        if span is None or document is None or self.session is None:
            return None
        argument_map = self.session.map
        text = document.text[span.start : span.end]
        from desktop import seeding_adapter  # the core's text tools: loaded when needed

        speaker = seeding_adapter.speaker_at(document.name, document.text, span.start, span.end)
        x, y = self._free_place()
        node = Node(
            argument_map.new_id("n"), kind="claim", label=claim_label(text), text=text,
            speaker=speaker, sources=(span,), x=x, y=y,
        )  # fmt: skip
        operation = AddNode(node)
        operation.description = "Claim from Selection"
        self.session.push(operation)
        self.session.select([node.id])
        return node.id

    def _free_place(self) -> tuple[float, float]:
        """Below the map's lowest node, so a new claim never lands on top of another."""
        nodes = list(self.session.map.nodes.values()) if self.session else []
        if not nodes:
            return 0.0, 0.0
        lowest = max(nodes, key=lambda n: n.y)
        return lowest.x, lowest.y + 140.0

    # --------------------------------------------------------- locate a file
    def choose_file(self) -> None:
        document = self.current_document()
        if document is None:
            return
        start = str(self.session.path.parent) if self.session and self.session.path else ""
        path, _filter = QFileDialog.getOpenFileName(
            self, f"Locate “{document.name}”", str(Path(start) / document.name) if start else document.name,
            "Texts (*.txt *.md *.markdown *.html *.htm);;All files (*)",
        )  # fmt: skip
        if path:
            self.locate_file(path)

    def locate_file(self, path: str | Path) -> str | None:
        """Embed the current document's text from ``path`` after checking its SHA-256.

        Other documents of the map still missing their text are looked for beside ``path`` under
        their own names and embedded in the same undo step. Returns an error message (also shown
        in the panel) or None on success.
        """
        document = self.current_document()
        if document is None or self.session is None:
            return "No document is shown."
        path = Path(path)
        try:
            text = _checked_text(document, path)
        except MappingError as error:
            self.error_text.setText(str(error))
            return str(error)
        changes = [ChangeDocument(document.id, text=text, sha256=text_sha256(text))]
        for other in self.session.map.documents.values():
            sibling = path.with_name(other.name)
            if other.id == document.id or other.text is not None or not sibling.is_file():
                continue
            try:
                other_text = _checked_text(other, sibling)
            except MappingError:
                continue
            changes.append(
                ChangeDocument(other.id, text=other_text, sha256=text_sha256(other_text))
            )
        noun = "Document" if len(changes) == 1 else f"{len(changes)} Documents"
        try:
            self.session.push(Compound(changes, f"Embed {noun}"))
        except MappingError as error:
            self.error_text.setText(f"{path}: {error}")
            return str(error)
        self.error_text.clear()
        return None


def _checked_text(document: Document, path: Path) -> str:
    """The file's text if its SHA-256 matches what the map recorded for ``document``."""
    try:
        raw = path.read_bytes()
    except OSError as error:
        raise MappingError(f"{path}: cannot read it ({error.strerror or error}).") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise MappingError(f"{path}: not UTF-8 text (byte {error.start}).") from None
    candidates = [text, text.removeprefix("\ufeff")]
    if document.sha256 is None:
        return candidates[-1]
    for candidate in candidates:
        if text_sha256(candidate) == document.sha256.lower():
            return candidate
    raise MappingError(
        f"{path.name} is not the text this map was made from: its SHA-256 checksum differs "
        f"from the one recorded for “{document.name}”. The file was refused."
    )


def _blend(color: QColor, base: QColor) -> QColor:
    """What ``color`` (with its alpha) looks like painted over ``base``."""
    alpha = color.alphaF()
    return QColor.fromRgbF(*(
        getattr(color, channel)() * alpha + getattr(base, channel)() * (1 - alpha)
        for channel in ("redF", "greenF", "blueF")
    ))  # fmt: skip
