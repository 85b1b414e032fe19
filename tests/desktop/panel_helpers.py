"""A small map of our own words for the panel tests (no text of the seed documents), and a
window that holds only the side panels."""

from __future__ import annotations

from PySide6.QtWidgets import QGraphicsScene, QMainWindow

from mapping.model import ArgumentMap, Document, SourceSpan

TEXT = (
    "Town Hall Notes\n\n"
    "By Mara Quill\n\n"
    "The library should stay open on Sundays. Families use it when schools are shut. "
    "Opening costs too much for a small town. Volunteers could staff the desk.\n"
)


def span_of(phrase: str, document: str = "d1") -> SourceSpan:
    start = TEXT.index(phrase)
    return SourceSpan(document, start, start + len(phrase))


def small_map() -> ArgumentMap:
    """A position, two supporters (one of them second-hand) and an attacker, each with a span."""
    argument_map = ArgumentMap("Library hours")
    argument_map.add_document(
        Document.from_text("d1", "notes.txt", TEXT, {"title": "Town Hall Notes"})
    )
    argument_map.add_node(
        "p1", kind="position", label="Open on Sundays",
        sources=[span_of("The library should stay open on Sundays.")],
    )  # fmt: skip
    argument_map.add_node(
        "c1", label="Families need it", speaker="Mara Quill",
        sources=[span_of("Families use it when schools are shut.")],
    )  # fmt: skip
    argument_map.add_node(
        "c2", label="Too costly", sources=[span_of("Opening costs too much for a small town.")]
    )
    argument_map.add_node(
        "c3", label="Volunteers", sources=[span_of("Volunteers could staff the desk.")]
    )
    argument_map.add_edge("c1", "p1", "support", id="e1")
    argument_map.add_edge("c2", "p1", "attack", id="e2", origin="seeded", confidence=0.6,
                          reason="cue 'costs too much' contradicts the position")  # fmt: skip
    argument_map.add_edge("c3", "c2", "attack", id="e3")
    return argument_map


class FakeScene(QGraphicsScene):
    """Stands in for the canvas: records what the positions filter asks it to hide."""

    def __init__(self) -> None:
        super().__init__()
        self.hidden: frozenset[str] = frozenset()

    def set_hidden(self, ids) -> None:
        self.hidden = frozenset(ids)


def open_panels_window(qtbot, argument_map: ArgumentMap) -> QMainWindow:
    """The side panels in a shown main window on ``argument_map``, with a FakeScene as canvas
    (the panels without the rest of the window, so a test sees only what they do)."""
    from desktop.panels import install_panels
    from desktop.session import MapSession

    window = QMainWindow()
    window.scene = FakeScene()
    window.session = MapSession(argument_map, parent=window)
    install_panels(window)
    window.resize(1200, 800)
    qtbot.addWidget(window)
    window.show()
    qtbot.waitExposed(window)
    return window
