"""Kialo discussion outlines: our own fixture, arguebuf as an oracle, round trips, bad input."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import pytest

from mapping.errors import FileFormatError
from mapping.formats import kialo
from mapping.formats.debatemap import load_map
from mapping.model import ArgumentMap

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
TRAM = DATA / "tram.kialo.txt"


def test_outline_becomes_a_tree_of_claims() -> None:
    argument_map = kialo.read(TRAM)
    assert argument_map.title == "Should Eastfield build a tram line?"
    assert argument_map.node("k1").kind == "position"
    assert len(argument_map.nodes) == 9
    relations = Counter(e.relation for e in argument_map.edges.values())
    assert relations == {"support": 5, "attack": 4}
    assert {(e.source, e.target) for e in argument_map.in_edges("k1.2")} == {
        ("k1.2.1", "k1.2"),
        ("k1.1.1", "k1.2"),  # "-> See 1.1.1." links the existing claim, no copy
    }
    multi_line = argument_map.node("k1.2").text
    assert multi_line.splitlines()[1] == "Shops on the high street already struggle,"
    sources = argument_map.node("k1.1.2").data["kialo"]["sources"]
    assert sources[0] == "Eastfield air quality survey, spring report."
    assert "Sources" not in argument_map.node("k1.1.2").text


def test_export_reproduces_the_outline(tmp_path: Path) -> None:
    out = tmp_path / "again.kialo.txt"
    kialo.write(kialo.read(TRAM), out)
    assert out.read_text(encoding="utf-8") == TRAM.read_text(encoding="utf-8")


def test_counts_agree_with_arguebuf() -> None:
    arguebuf = pytest.importorskip("arguebuf")
    theirs = arguebuf.load.kialo(io.StringIO(TRAM.read_text(encoding="utf-8")))
    ours = kialo.read(TRAM)
    assert len(theirs.atom_nodes) == len(ours.nodes)
    kinds = Counter(type(s.scheme).__name__ for s in theirs.scheme_nodes.values())
    relations = Counter(e.relation for e in ours.edges.values())
    assert kinds == {"Support": relations["support"], "Attack": relations["attack"]}
    assert theirs.major_claim.plain_text == ours.node("k1").text


def test_a_native_map_round_trips_its_claims_and_relations(tmp_path: Path) -> None:
    before = load_map(REPO / "resources" / "examples" / "iran-debate.debatemap")
    out = tmp_path / "iran.kialo.txt"
    kialo.write(before, out)
    after = kialo.read(out)
    assert sorted(n.text for n in after.nodes.values()) == sorted(
        n.text for n in before.nodes.values()
    )

    def triples(m: ArgumentMap) -> Counter:
        return Counter(
            (m.node(e.source).text, m.node(e.target).text, e.relation) for e in m.edges.values()
        )

    assert triples(after) == triples(before)


def test_cycles_and_awkward_text_survive(tmp_path: Path) -> None:
    argument_map = ArgumentMap("Loop")
    argument_map.add_node("a", text="First line\n2. looks numbered\nSources:")
    argument_map.add_node("b", text="B")
    argument_map.add_edge("a", "b", "support")
    argument_map.add_edge("b", "a", "attack")
    out = tmp_path / "loop.kialo.txt"
    kialo.write(argument_map, out)
    again = kialo.read(out)
    assert sorted(n.text for n in again.nodes.values()) == [
        "B",
        "First line\n2. looks numbered\nSources:",
    ]
    assert Counter(e.relation for e in again.edges.values()) == {"support": 1, "attack": 1}


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        ("just some notes\n", None, "no numbered claims"),
        ("", None, "no numbered claims"),
        ("1. Thesis\n1.2.1. Pro: orphan\n", "line 2", "no parent"),
        ("1. Thesis\n1.1. Pro: a\n1.1. Con: b\n", "line 3", "used twice"),
        ("1. Thesis\n1.1. Pro: -> See 1.9.\n", "line 2", "points at no claim"),
        ("1. Thesis\n1.1. Pro:\n", "line 2", "no text"),
    ],
)
def test_bad_outlines_name_file_and_line(tmp_path: Path, text: str, where, message) -> None:
    path = tmp_path / "bad.kialo.txt"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(FileFormatError) as caught:
        kialo.read(path)
    assert str(path) in str(caught.value) and message in str(caught.value)
    assert caught.value.where == where


def test_binary_and_non_utf8_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "bin.kialo.txt"
    path.write_bytes(b"\x00\x01\x02")
    with pytest.raises(FileFormatError, match="binary"):
        kialo.read(path)
    path.write_bytes(b"1. caf\xe9\n")
    with pytest.raises(FileFormatError, match="UTF-8"):
        kialo.read(path)
