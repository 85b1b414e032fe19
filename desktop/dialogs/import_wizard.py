"""Import documents: choose files → check their structure → pick what the seeder proposes → apply.

Reading and seeding run in the thread pool (:mod:`desktop.dialogs.background`) with a progress
bar and a Cancel button; the result is one operation, so a single Undo takes the import back.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QProgressBar,
    QPushButton,
    QRadioButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from desktop import seeding_adapter
from desktop.dialogs.background import BackgroundJob
from desktop.error_label import ErrorLabel
from desktop.seeding_adapter import ParsedText, Proposal
from desktop.session import MapSession
from desktop.tooltips import plain_tooltip
from mapping.model import ArgumentMap, Compound

DOCUMENT_FILTER = "Documents (*.txt *.md *.markdown *.html *.htm);;All files (*)"
KEY_ROLE = Qt.ItemDataRole.UserRole
NO_PROFILE = ""


class _WorkPanel(QWidget):
    """A progress bar, a message and a Cancel button for one background job."""

    def __init__(self, parent: QWidget) -> None:
        super().__init__(parent)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.bar = QProgressBar(self)
        self.message = QLabel(self)
        self.cancel_button = QPushButton("Cancel", self)
        layout.addWidget(self.message, 1)
        layout.addWidget(self.bar, 1)
        layout.addWidget(self.cancel_button)


class ChooseDocumentsPage(QWizardPage):
    def __init__(self, files: Sequence[str | Path], can_add: bool) -> None:
        super().__init__()
        self.setTitle("Choose documents")
        self.setSubTitle("Texts (.txt, .md, .html) to read; their full text is stored in the map.")
        layout = QVBoxLayout(self)
        self.list = QListWidget(self)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        buttons = QHBoxLayout()
        add = QPushButton("Add…", self)
        add.clicked.connect(self._choose)
        remove = QPushButton("Remove", self)
        remove.clicked.connect(self._remove)
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        self.new_map = QRadioButton("Create a new map", self)
        self.add_to_map = QRadioButton("Add to the current map", self)
        self.add_to_map.setEnabled(can_add)
        (self.add_to_map if can_add else self.new_map).setChecked(True)
        layout.addWidget(self.list, 1)
        layout.addLayout(buttons)
        layout.addWidget(self.new_map)
        layout.addWidget(self.add_to_map)
        self.add_files(files)

    def add_files(self, files: Iterable[str | Path]) -> None:
        present = set(self.files())
        for file in files:
            path = str(Path(file))
            if path not in present:
                self.list.addItem(path)
                present.add(path)
        self.completeChanged.emit()

    def files(self) -> list[str]:
        return [self.list.item(row).text() for row in range(self.list.count())]

    def _choose(self) -> None:
        files, _filter = QFileDialog.getOpenFileNames(self, "Import documents", "", DOCUMENT_FILTER)
        self.add_files(files)

    def _remove(self) -> None:
        for item in self.list.selectedItems():
            self.list.takeItem(self.list.row(item))
        self.completeChanged.emit()

    def isComplete(self) -> bool:
        return self.list.count() > 0


class StructurePage(QWizardPage):
    """What the reader found in each document: title, author, date, sections, comment threads."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Document structure")
        self.setSubTitle("Check what was read from each document before seeding the map.")
        self.documents: list[ParsedText] = []
        self.job: BackgroundJob | None = None
        self._files: list[str] = []
        layout = QVBoxLayout(self)
        self.work = _WorkPanel(self)
        self.work.cancel_button.clicked.connect(self.cancel)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Document", "Details"])
        # Titles and headings longer than the column end in "…"; their tooltips hold them whole.
        self.tree.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.tree.header().setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        profile_row = QHBoxLayout()
        self.profile = QComboBox(self)
        profile_row.addWidget(QLabel("Debate &profile:", self))
        profile_row.itemAt(0).widget().setBuddy(self.profile)
        profile_row.addWidget(self.profile, 1)
        self.error = ErrorLabel(self)
        layout.addWidget(self.work)
        layout.addWidget(self.tree, 1)
        layout.addLayout(profile_row)
        layout.addWidget(self.error)

    def initializePage(self) -> None:
        files = self.wizard().choose_page.files()
        if files == self._files and self.documents:
            return
        self._files = files
        self.documents = []
        self.tree.clear()
        self.error.clear()
        self.work.bar.setRange(0, len(files))
        self.work.bar.setValue(0)
        self.work.message.setText("Reading…")
        self.work.show()

        def read(progress, cancelled) -> list[ParsedText]:
            parsed = []
            for done, file in enumerate(files):
                if cancelled():
                    return parsed
                progress(done, len(files), f"Reading {Path(file).name}…")
                parsed.append(seeding_adapter.read_file(file))
            progress(len(files), len(files), "Choosing a debate profile…")
            return parsed

        seeding_adapter.preload()
        self.job = BackgroundJob(read)
        self.job.signals.progress.connect(self._on_progress)
        self.job.signals.finished.connect(self._on_read)
        self.job.signals.failed.connect(self._on_failed)
        self.job.signals.cancelled.connect(self._on_cancelled)
        self.job.start()
        self.completeChanged.emit()

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.work.bar.setRange(0, total)
        self.work.bar.setValue(done)
        self.work.message.setText(message)

    def _on_read(self, documents: list[ParsedText]) -> None:
        self.job = None
        self.documents = documents
        self.work.hide()
        for document in documents:
            self._show(document)
        self._fit_first_column()
        self.profile.clear()
        self.profile.addItem("None: seed from the documents' structure alone", NO_PROFILE)
        for key, title in seeding_adapter.profile_titles().items():
            self.profile.addItem(title, key)
        guessed = seeding_adapter.guess_profile(documents)
        if guessed is not None:
            key, title, hits = guessed
            index = self.profile.findData(key)
            self.profile.setItemText(index, f"{title} ({hits} of its cue phrases occur)")
            self.profile.setCurrentIndex(index)
        self.completeChanged.emit()

    def _show(self, document: ParsedText) -> None:
        meta = document.metadata
        top = self._row(self.tree, document.name, str(meta.get("title", "")))
        for key in ("title", "subtitle", "author", "date"):
            if meta.get(key):
                self._row(top, key.capitalize(), str(meta[key]))
        self._row(top, "Sentences", str(document.sentences))
        if document.sections:
            sections = self._row(top, "Sections", str(len(document.sections)))
            for heading, _start in document.sections:
                self._row(sections, "", heading)
        if document.threads:
            replies = sum(t.replies for t in document.threads)
            threads = self._row(
                top, "Comment threads", f"{len(document.threads)} threads, {replies} replies"
            )
            for thread in document.threads:
                who = thread.author or "unknown author"
                when = f", {thread.timestamp}" if thread.timestamp else ""
                count = f" — {thread.replies} repl{'y' if thread.replies == 1 else 'ies'}"
                self._row(threads, f"#{thread.number}", f"{who}{when}{count}")
        for warning in document.warnings:
            self._row(top, "Warning", warning)
        top.setExpanded(True)

    @staticmethod
    def _row(parent: QTreeWidget | QTreeWidgetItem, name: str, details: str) -> QTreeWidgetItem:
        """A row whose tooltips show its texts whole (and as typed: they come from the files)."""
        item = QTreeWidgetItem(parent, [name, details])
        for column, text in enumerate((name, details)):
            item.setToolTip(column, plain_tooltip(text))
        return item

    def _fit_first_column(self) -> None:
        """Names as wide as they need, up to two fifths of the tree: the details need room."""
        self.tree.resizeColumnToContents(0)
        widest = max(self.tree.viewport().width() * 2 // 5, 120)
        self.tree.setColumnWidth(0, min(self.tree.columnWidth(0), widest))

    def _on_failed(self, message: str) -> None:
        self.job = None
        self.work.hide()
        self.error.setText(f"The documents could not be read: {message}")
        self.completeChanged.emit()

    def _on_cancelled(self) -> None:
        self.job = None
        self._files = []
        self.work.hide()
        self.error.setText("Reading was cancelled. Go back to change the documents.")

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def profile_key(self) -> str | None:
        return self.profile.currentData() or None

    def isComplete(self) -> bool:
        return self.job is None and bool(self.documents)


class ProposalPage(QWizardPage):
    """The seeder's positions, claims and relations, each with a checkbox."""

    def __init__(self) -> None:
        super().__init__()
        self.setTitle("Seed proposal")
        self.setSubTitle(
            "Untick what you do not want. Relations whose ends are unticked are left out too."
        )
        self.proposal: Proposal | None = None
        self.job: BackgroundJob | None = None
        self._request: tuple | None = None
        layout = QVBoxLayout(self)
        self.work = _WorkPanel(self)
        self.work.cancel_button.clicked.connect(self.cancel)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderLabels(["Item", "Speaker / relation", "Confidence", "Source / reason"])
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Interactive)
        header.resizeSection(0, 440)
        header.resizeSection(1, 160)
        header.resizeSection(2, 80)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.tree.itemChanged.connect(lambda *_: self._count())
        layout.addWidget(self.work)
        layout.addWidget(self.tree, 1)
        layout.addWidget(self.summary)

    def initializePage(self) -> None:
        structure = self.wizard().structure_page
        request = (id(structure.documents), structure.profile_key())
        if request == self._request and self.proposal is not None:
            return
        self._request = request
        self.proposal = None
        self.tree.clear()
        self.work.bar.setRange(0, 0)  # busy: the seeder does not report steps
        self.work.message.setText("Seeding…")
        self.work.show()
        documents, profile = structure.documents, structure.profile_key()

        def seed(progress, cancelled) -> Proposal:
            return seeding_adapter.propose(documents, profile)

        self.job = BackgroundJob(seed)
        self.job.signals.finished.connect(self._on_proposal)
        self.job.signals.failed.connect(self._on_failed)
        self.job.signals.cancelled.connect(self._on_cancelled)
        self.job.start()
        self.completeChanged.emit()

    def _on_proposal(self, proposal: Proposal) -> None:
        self.job = None
        self.proposal = proposal
        self.work.hide()
        self.tree.blockSignals(True)
        labels = {n.key: n.label for n in proposal.nodes}
        groups = (
            (f"Positions ({len(proposal.positions)})", proposal.positions),
            (f"Claims ({len(proposal.claims)})", proposal.claims),
        )
        for title, nodes in groups:
            group = self._group(title)
            for node in nodes:
                where = ""
                if node.document is not None:
                    where = proposal.documents[node.document].name
                item = QTreeWidgetItem(group, [node.label, node.speaker, "", where])
                item.setToolTip(0, plain_tooltip(node.text))
                self._checkable(item, node.key)
        group = self._group(f"Relations ({len(proposal.relations)})")
        for relation in proposal.relations:
            text = f"{labels.get(relation.source, '?')}  →  {labels.get(relation.target, '?')}"
            confidence = "" if relation.confidence is None else f"{relation.confidence:.2f}"
            item = QTreeWidgetItem(group, [text, relation.relation, confidence, relation.reason])
            item.setToolTip(0, plain_tooltip(text))
            item.setToolTip(3, plain_tooltip(relation.reason))
            self._checkable(item, relation.key)
        self.tree.blockSignals(False)
        self._count()
        self.completeChanged.emit()

    def _group(self, title: str) -> QTreeWidgetItem:
        group = QTreeWidgetItem(self.tree, [title])
        group.setFlags(
            group.flags() | Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsAutoTristate
        )
        group.setCheckState(0, Qt.CheckState.Checked)
        group.setExpanded(True)
        return group

    def _checkable(self, item: QTreeWidgetItem, key: str) -> None:
        item.setData(0, KEY_ROLE, key)
        item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
        item.setCheckState(0, Qt.CheckState.Checked)

    def items(self) -> dict[str, QTreeWidgetItem]:
        found = {}
        for index in range(self.tree.topLevelItemCount()):
            group = self.tree.topLevelItem(index)
            for row in range(group.childCount()):
                item = group.child(row)
                found[item.data(0, KEY_ROLE)] = item
        return found

    def accepted_keys(self) -> set[str]:
        return {
            k for k, item in self.items().items() if item.checkState(0) == Qt.CheckState.Checked
        }

    def _count(self) -> None:
        if self.proposal is None:
            return
        keys = self.accepted_keys()
        nodes = [n for n in self.proposal.nodes if n.key in keys]
        kept = {n.key for n in nodes}
        relations = [
            r for r in self.proposal.relations
            if r.key in keys and r.source in kept and r.target in kept
        ]  # fmt: skip
        positions = sum(1 for n in nodes if n.kind == "position")
        self.summary.setText(
            f"Will add {len(self.proposal.documents)} documents, {positions} positions, "
            f"{len(nodes) - positions} claims and {len(relations)} relations as one step."
        )

    def _on_failed(self, message: str) -> None:
        self.job = None
        self.work.hide()
        self.summary.setText(f"Seeding failed: {message}")

    def _on_cancelled(self) -> None:
        self.job = None
        self._request = None
        self.work.hide()
        self.summary.setText("Seeding was cancelled. Go back and try again, or close the wizard.")

    def cancel(self) -> None:
        if self.job is not None:
            self.job.cancel()

    def isComplete(self) -> bool:
        return self.job is None and self.proposal is not None


class ImportWizard(QWizard):
    """Choose documents, check their structure, choose from the seed proposal."""

    def __init__(self, parent: QWidget | None = None, files: Sequence[str | Path] = (),
                 can_add: bool = False) -> None:  # fmt: skip
        super().__init__(parent)
        self.setWindowTitle("Import Documents")
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnStartPage)
        self.choose_page = ChooseDocumentsPage(files, can_add)
        self.structure_page = StructurePage()
        self.proposal_page = ProposalPage()
        for page in (self.choose_page, self.structure_page, self.proposal_page):
            self.addPage(page)
        self.setButtonText(QWizard.WizardButton.FinishButton, "Import")
        self.resize(1000, 660)

    @property
    def creates_new_map(self) -> bool:
        return self.choose_page.new_map.isChecked()

    def reject(self) -> None:
        self.structure_page.cancel()
        self.proposal_page.cancel()
        super().reject()

    def operation(self, argument_map: ArgumentMap) -> Compound:
        """The import as one operation on ``argument_map`` (call after the wizard is accepted)."""
        proposal = self.proposal_page.proposal
        if proposal is None:
            raise RuntimeError("the wizard has no proposal yet")
        return seeding_adapter.build_operation(
            argument_map, proposal, self.proposal_page.accepted_keys()
        )

    def title(self) -> str:
        """A title for a new map: the profile's, else the first document's."""
        proposal = self.proposal_page.proposal
        if proposal is not None and proposal.profile:
            return proposal.profile
        documents = self.structure_page.documents
        return str(documents[0].metadata.get("title", documents[0].name)) if documents else ""


def apply_import(wizard: ImportWizard, session: MapSession | None) -> MapSession:
    """Carry out an accepted wizard: into ``session`` or a new one; either way one undo step.

    Returns the session that now holds the import (the window shows it if it is new).
    """
    if wizard.creates_new_map or session is None:
        session = MapSession(ArgumentMap(wizard.title()))
    session.push(wizard.operation(session.map))
    return session
