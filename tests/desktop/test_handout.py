"""Handout and exercise PDFs: the expected pages, in the expected order, with the expected text."""

import re
import shutil
import subprocess

import pytest
from teaching_maps import seminar_map

from desktop.cli import main
from desktop.handout import Handout, write_handout
from mapping.formats.debatemap import save_map
from mapping.model import ArgumentMap


def pdf_pages(path) -> int:
    """Page objects in the PDF file (the page tree's /Type /Pages is not counted)."""
    return len(re.findall(rb"/Type\s*/Page(?![a-zA-Z])", path.read_bytes()))


def pdf_text(path) -> str:
    if shutil.which("pdftotext") is None:
        pytest.skip("pdftotext (poppler-utils) is not installed")
    return subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout


def test_handout_is_the_map_then_a_page_per_position(tmp_path):
    path = tmp_path / "handout.pdf"
    assert write_handout(seminar_map(), path) == 3
    assert pdf_pages(path) == 3
    pages = pdf_text(path).split("\f")
    assert "P1 · Build the tram" in pages[0]
    assert "Position P1: Build the tram" in pages[1]
    assert "Position P2: Run more buses instead" in pages[2]
    # grouped by support and attack, with speaker, quotation and reference
    first = " ".join(pages[1].split())
    assert first.index("For (1 claim)") < first.index("Against (2 claims)")
    assert "[2] The high street closes for two years — Ben Okafor" in first
    assert "“Building it closes the high street for two years.”" in first
    assert "Source: tram-meeting.txt, line 3" in first
    assert "↳ attacks [2]: [3]" in first


def test_edges_exercise_has_no_relations_and_lists_every_claim(tmp_path):
    path = tmp_path / "edges.pdf"
    assert write_handout(seminar_map(), path, exercise="edges") == 2
    assert pdf_pages(path) == 2
    text = " ".join(pdf_text(path).split())
    assert "draw the relations" in text
    for number in range(1, 7):
        assert f"[{number}]" in text
    assert "Against (" not in text


def test_claims_exercise_prints_positions_and_the_numbered_text(tmp_path):
    path = tmp_path / "claims.pdf"
    assert write_handout(seminar_map(), path, exercise="claims") == 3
    pages = pdf_text(path).split("\f")
    assert "Less traffic" not in pages[0]
    assert "tram-meeting.txt" in pages[2]
    assert re.search(r"\b6\s+Dev Patel: Buses are stuck", pages[2])


def test_a_big_map_is_fitted_then_tiled(tmp_path):
    m = ArgumentMap("A wide debate")
    m.add_node(id="p1", kind="position", label="The one position", x=0.0, y=0.0)
    for i in range(60):
        m.add_node(id=f"c{i}", label=f"Claim number {i} with some words", x=(i % 20) * 260.0,
                   y=200.0 + (i // 20) * 150.0)  # fmt: skip
        m.add_edge(f"c{i}", "p1", "support" if i % 3 else "attack", id=f"e{i}")
    path = tmp_path / "wide.pdf"
    pages = write_handout(m, path)
    assert pdf_pages(path) == pages
    text = pdf_text(path)
    tiles = re.findall(r"Map, part (\d+) of (\d+)", text)
    assert tiles, "the wide map was not tiled"
    count = int(tiles[0][1])
    assert [int(t[0]) for t in tiles] == list(range(1, count + 1))
    split = text.split("\f")
    assert "Map, part" not in split[0]  # page 1 is the whole map
    assert "Position P1: The one position" in split[1 + count]  # the text follows the tiles
    assert "Claim number 59" in " ".join(split[1 + count :])


def test_map_text_is_escaped_not_interpreted():
    m = seminar_map()
    m.change_node("c1", label="<b>bold</b> & <script>")
    assert "&lt;b&gt;bold&lt;/b&gt; &amp; &lt;script&gt;" in Handout(m).html()


def test_handout_command(tmp_path, capsys):
    source, out = tmp_path / "tram.debatemap", tmp_path / "out.pdf"
    save_map(seminar_map(), source)
    assert main(["handout", str(source), "-o", str(out), "--exercise", "edges"]) == 0
    assert "2 pages" in capsys.readouterr().out
    assert pdf_pages(out) == 2
    assert main(["handout", str(source), "-o", str(tmp_path / "out.png")]) == 2
    assert "a handout is a .pdf file" in capsys.readouterr().err
