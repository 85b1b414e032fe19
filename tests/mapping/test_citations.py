"""Quotations, references and the argument rows handouts list."""

from dataclasses import replace

from teaching_maps import TEXT, seminar_map

from mapping.citations import argument_rows, line_of, number_nodes, quotation, reference
from mapping.model import ArgumentMap, Document


def test_line_of_counts_newlines_before_the_offset():
    assert line_of("a\nb\nc", 0) == 1
    assert line_of("a\nb\nc", 2) == 2
    assert line_of("a\nb\nc", 4) == 3


def test_quotation_and_reference_of_an_embedded_span():
    m = seminar_map()
    node = m.node("c5")
    assert quotation(m, node.sources[0]) == "Buses are stuck in the same traffic as cars."
    start = TEXT.index("Buses are stuck")
    assert reference(m, node.sources[0]) == (
        f"tram-meeting.txt, line 6, characters {start}–{start + 44}"
    )


def test_without_the_text_there_is_no_quotation_and_no_line():
    m = seminar_map()
    span = m.node("c1").sources[0]
    bare = ArgumentMap("bare")
    bare.add_document(replace(Document.from_text("d1", "tram-meeting.txt", TEXT), text=None,
                              sha256=None))  # fmt: skip
    assert quotation(bare, span) is None
    assert reference(bare, span) == f"tram-meeting.txt, characters {span.start}–{span.end}"


def test_argument_rows_follow_the_relation_then_everything_below():
    m = seminar_map()
    support = argument_rows(m, "p1", "support")
    attack = argument_rows(m, "p1", "attack")
    assert [(r.node.id, r.relation, r.parent, r.depth) for r in support] == [
        ("c1", "support", "p1", 0)
    ]
    assert [(r.node.id, r.relation, r.parent, r.depth) for r in attack] == [
        ("c2", "attack", "p1", 0),
        ("c3", "attack", "c2", 1),
        ("c6", "attack", "p1", 0),
    ]


def test_argument_rows_end_cycles_and_skip_positions():
    m = seminar_map()
    m.add_edge("c2", "c3", "attack", id="loop")  # c2 and c3 attack each other
    m.add_edge("p2", "c2", "support", id="pos")  # a position arguing about a claim
    rows = argument_rows(m, "p1", "attack")
    assert [r.node.id for r in rows] == ["c2", "c3", "c6"]


def test_numbers_positions_and_claims_separately():
    numbers = number_nodes(seminar_map())
    assert numbers["p1"] == "P1" and numbers["p2"] == "P2"
    assert [numbers[f"c{i}"] for i in range(1, 7)] == ["1", "2", "3", "4", "5", "6"]
