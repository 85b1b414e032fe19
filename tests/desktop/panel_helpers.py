"""A small map of our own words for the panel tests (no text of the seed documents)."""

from __future__ import annotations

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
