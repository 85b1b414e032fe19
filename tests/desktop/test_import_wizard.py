"""The import wizard reads off the GUI thread and applies the accepted proposal as one step."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from shared_data import seeds_dir

from desktop.dialogs.background import BackgroundJob
from desktop.dialogs.import_wizard import ImportWizard, apply_import
from desktop.session import MapSession
from mapping.model import ArgumentMap

ARTICLE = (
    "Bike Lanes for Main Street\n\n"
    "By Ona Reed\n\n"
    "Main Street needs protected bike lanes. Because riders are hurt there every month, "
    "the council should act. However, shop owners fear losing parking.\n"
)


@pytest.fixture
def article(tmp_path):
    path = tmp_path / "lanes.txt"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


def run_to_proposal(qtbot, wizard: ImportWizard) -> None:
    wizard.show()
    wizard.next()
    qtbot.waitUntil(wizard.structure_page.isComplete, timeout=10000)
    wizard.next()
    qtbot.waitUntil(wizard.proposal_page.isComplete, timeout=20000)


def test_wizard_shows_structure_and_creates_a_new_map_as_one_step(qtbot, article):
    wizard = ImportWizard(files=[article])
    qtbot.addWidget(wizard)
    run_to_proposal(qtbot, wizard)
    top = wizard.structure_page.tree.topLevelItem(0)
    details = {top.child(i).text(0): top.child(i).text(1) for i in range(top.childCount())}
    assert details["Title"] == "Bike Lanes for Main Street"
    assert details["Author"] == "Ona Reed"
    proposal = wizard.proposal_page.proposal
    assert proposal.claims, "the seeder should find claims in the article"
    session = apply_import(wizard, None)
    assert session.undo_stack.count() == 1
    argument_map = session.map
    assert len(argument_map.documents) == 1
    (document,) = argument_map.documents.values()
    assert document.text == ARTICLE
    assert len(argument_map.nodes) == len(proposal.nodes)
    for node in argument_map.nodes.values():
        for span in node.sources:  # every claim points at real text of its document
            assert argument_map.document(span.document).text[span.start : span.end].strip()
    session.undo_stack.undo()
    assert len(argument_map.nodes) == 0 and len(argument_map.documents) == 0


def test_unticked_items_are_left_out_with_their_relations(qtbot, article):
    session = MapSession(ArgumentMap("Existing"))
    session.map.add_node("x1", label="Already here")
    wizard = ImportWizard(files=[article], can_add=True)
    qtbot.addWidget(wizard)
    assert not wizard.creates_new_map
    run_to_proposal(qtbot, wizard)
    proposal = wizard.proposal_page.proposal
    items = wizard.proposal_page.items()
    dropped = proposal.nodes[0].key
    items[dropped].setCheckState(0, Qt.CheckState.Unchecked)
    result = apply_import(wizard, session)
    assert result is session and session.undo_stack.count() == 1
    assert len(session.map.nodes) == 1 + len(proposal.nodes) - 1
    expected = [r for r in proposal.relations if dropped not in (r.source, r.target)]
    assert len(session.map.edges) == len(expected)
    assert "x1" in session.map.nodes
    session.undo_stack.undo()
    assert list(session.map.nodes) == ["x1"]


def test_seed_documents_show_their_comment_threads(qtbot):
    seeds = sorted(seeds_dir().glob("*.txt"))
    wizard = ImportWizard(files=seeds)
    qtbot.addWidget(wizard)
    run_to_proposal(qtbot, wizard)
    blog = wizard.structure_page.tree.topLevelItem(1)
    labels = [blog.child(i).text(0) for i in range(blog.childCount())]
    assert "Comment threads" in labels and "Sections" in labels
    threads = blog.child(labels.index("Comment threads"))
    assert threads.childCount() >= 2 and threads.child(0).text(1)
    assert wizard.structure_page.profile_key() is not None  # a bundled profile fits the seeds
    assert wizard.proposal_page.proposal.positions


def test_a_background_job_can_be_cancelled(qtbot):
    gate = threading.Event()
    steps: list[int] = []

    def work(progress, cancelled):
        for step in range(1000):
            gate.wait()
            if cancelled():
                return steps
            steps.append(step)
            progress(step, 1000, "working")
        return steps

    job = BackgroundJob(work)
    finished = []
    job.signals.finished.connect(finished.append)
    with qtbot.waitSignal(job.signals.cancelled, timeout=5000):
        job.start()
        job.cancel()
        gate.set()
    assert not finished and len(steps) < 1000


def test_failures_are_reported_not_raised(qtbot, tmp_path):
    wizard = ImportWizard(files=[tmp_path / "absent.txt"])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.structure_page.error.text() != "", timeout=5000)
    assert "absent.txt" in wizard.structure_page.error.text()
    assert not wizard.structure_page.isComplete()
    assert not wizard.button(QWizard.WizardButton.NextButton).isEnabled()


LONG_TITLE = (
    "Why the Riverside Council Should Rebuild the Old Harbour Bridge Before the Next Flood "
    "Season Arrives and Not a Full Year Later as the Current Plan for the Whole River Foresees"
)
MARKUP_SUBTITLE = "The <b>ferry</b> is no answer for the schools on the far bank"
LONG_AUTHOR = "Bartholomew Featherstonehaugh-Worthington the Younger"


@pytest.fixture
def long_titled(tmp_path):
    """A post with a long title, markup in its subtitle and a commenter with a long name."""
    path = tmp_path / "bridge.txt"
    path.write_text(
        f"3 March 2026\n\n{LONG_TITLE}\n\n{MARKUP_SUBTITLE}\n\n"
        "The bridge carries most of the traffic across the river. Because the ferry is slow, "
        "the council should rebuild the bridge this spring. However, the repair is expensive.\n\n"
        "Ona Reed\n\n2 comments:\n\n"
        f"  1. {LONG_AUTHOR}3 March 2026 at 09:15\n\n"
        "    The bridge matters more than anything else this year.\n\n    Reply\n\n"
        "  2. Kit3 March 2026 at 10:02\n\n    Buses first.\n\n    Reply\n",
        encoding="utf-8",
    )
    return path


def _shown(tooltip: str) -> str:
    """The text a tooltip shows (Qt renders it as HTML when it looks like HTML), in one line."""
    from PySide6.QtGui import Qt as GuiQt  # (mightBeRichText lives in QtGui)
    from PySide6.QtGui import QTextDocument

    document = QTextDocument()
    if GuiQt.mightBeRichText(tooltip):
        document.setHtml(tooltip)
    else:
        document.setPlainText(tooltip)
    return " ".join(document.toPlainText().split())


def test_structure_page_cuts_long_titles_and_shows_them_whole_and_as_typed(qtbot, long_titled):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    wizard = ImportWizard(files=[long_titled])
    qtbot.addWidget(wizard)
    wizard.resize(800, 560)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(wizard.structure_page.isComplete, timeout=10000)
    tree = wizard.structure_page.tree
    top = tree.topLevelItem(0)
    rows = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
    title = rows["Title"]
    assert title.text(1) == LONG_TITLE
    # Too long for its column, so it is cut with "…", and the tooltip carries it whole.
    assert tree.fontMetrics().horizontalAdvance(LONG_TITLE) > tree.columnWidth(1)
    assert tree.textElideMode() != Qt.TextElideMode.ElideNone
    assert _shown(title.toolTip(1)) == LONG_TITLE
    assert _shown(top.toolTip(1)) == LONG_TITLE
    assert _shown(top.toolTip(0)) == "bridge.txt"
    # Markup from the file is shown as typed, never rendered.
    assert _shown(rows["Subtitle"].toolTip(1)) == MARKUP_SUBTITLE
    threads = rows["Comment threads"]
    assert threads.childCount() == 2
    assert _shown(threads.child(0).toolTip(1)).startswith(f"{LONG_AUTHOR}, 3 March 2026")
    # Hovering shows it: the same help event a resting mouse sends.
    rect = tree.visualItemRect(title)
    point = QPoint(tree.columnViewportPosition(1) + 10, rect.center().y())
    event = QHelpEvent(QEvent.Type.ToolTip, point, tree.viewport().mapToGlobal(point))
    QApplication.sendEvent(tree.viewport(), event)
    try:
        assert QToolTip.isVisible()
        assert _shown(QToolTip.text()) == LONG_TITLE
    finally:
        QToolTip.hideText()


def test_structure_page_shows_heading_words_and_the_byline_as_author(qtbot, tmp_path):
    path = tmp_path / "harbour.md"
    path.write_text(
        "Quiet hours for the harbour\n===========================\n\n"
        "by Jane Doe, 3 May 2021\n\nThe port should stop cranes at ten.\n\n"
        "## Why nights matter ##\n\nNeighbours cannot sleep.\n\n"
        "What it costs\n-------------\n\nLittle.\n",
        encoding="utf-8",
    )
    wizard = ImportWizard(files=[path])
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.next()
    qtbot.waitUntil(wizard.structure_page.isComplete, timeout=10000)
    top = wizard.structure_page.tree.topLevelItem(0)
    rows = {top.child(i).text(0): top.child(i) for i in range(top.childCount())}
    assert rows["Title"].text(1) == "Quiet hours for the harbour"
    assert rows["Author"].text(1) == "Jane Doe"
    assert rows["Date"].text(1) == "3 May 2021"
    sections = rows["Sections"]
    headings = [sections.child(i).text(1) for i in range(sections.childCount())]
    assert headings == ["Why nights matter", "What it costs"]
