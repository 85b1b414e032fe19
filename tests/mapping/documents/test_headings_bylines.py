"""Headings become sections by their words (no "#" or underline); bylines set the author.

All texts here are invented for these tests.
"""

from __future__ import annotations

import pytest

from mapping.cli import main
from mapping.documents import parse_text, read_document
from mapping.documents.bylines import parse_byline
from mapping.formats.debatemap import load_map

INTRO = "# Quiet hours for the harbour\n\nThe port works all night. Neighbours cannot sleep.\n\n"
BODY = "\n\nCranes could stop at ten. Ships would wait until six.\n"


def assert_exact(doc, markup_free: bool = True):
    """Every block, sentence and section indexes the stored text, without markup at its ends."""
    for block in doc.blocks:
        piece = doc.text[block.start : block.end]
        assert piece and piece == piece.strip(), block
    for sentence in doc.sentences:
        piece = doc.text[sentence.start : sentence.end]
        assert piece and piece == piece.strip(), sentence
        if markup_free:
            assert piece[0] not in "#=" and piece[-1] not in "#=-", piece
    for section in doc.sections:
        assert " ".join(doc.text[section.start : section.end].split()) == section.title


@pytest.mark.parametrize("level", range(2, 7))
@pytest.mark.parametrize("closing", ["", " " + "#", " ####", "  ##  "])
def test_atx_sections_are_their_words_at_every_level(level, closing):
    doc = parse_text(f"{INTRO}{'#' * level} Why nights matter{closing}{BODY}", "h.md", "markdown")
    assert doc.metadata["title"] == "Quiet hours for the harbour"
    assert [(s.title, s.level) for s in doc.sections] == [("Why nights matter", level)]
    (section,) = doc.sections
    assert doc.text[section.start : section.end] == "Why nights matter"
    assert_exact(doc)


def test_a_second_level_one_heading_is_a_section_and_hashes_inside_words_stay():
    text = f"{INTRO}# Part two: C# and F#\n\nMore.\n\n## Costs#\n\n### Emphasis ###\n{BODY}"
    doc = parse_text(text, "h.md", "markdown")
    assert [(s.title, s.level) for s in doc.sections] == [
        ("Part two: C# and F#", 1),
        ("Costs#", 2),  # no blank before the '#': it belongs to the word (CommonMark)
        ("Emphasis", 3),
    ]
    assert_exact(doc, markup_free=False)


def test_setext_headings_title_and_sections():
    text = (
        "Quiet hours for the harbour\n===========================\n\n"
        "The port works all night.\n\n"
        "What neighbours say\n-------------------\n\n"
        "They want cranes to stop at ten.\n\n"
        "A heading that runs\nover two lines\n===\n\n"
        "Ships would wait.\n"
    )
    doc = parse_text(text, "s.md", "markdown")
    assert doc.metadata["title"] == "Quiet hours for the harbour"
    assert [(s.title, s.level) for s in doc.sections] == [
        ("What neighbours say", 2),
        ("A heading that runs over two lines", 1),
    ]
    title = next(b for b in doc.blocks if b.kind == "title")
    assert doc.text[title.start : title.end] == "Quiet hours for the harbour"
    assert (
        doc.text[doc.sections[1].start : doc.sections[1].end]
        == "A heading that runs\nover two lines"
    )
    assert_exact(doc)


def test_crlf_markdown_keeps_offsets_exact():
    text = "# Tolls on the ring road #\r\n\r\nBy Ines Marlow\r\n\r\nTolls would cut queues.\r\n\r\n"
    text += "The case against\r\n----------------\r\n\r\nDrivers already pay enough.\r\n"
    doc = parse_text(text, "crlf.md", "markdown")
    assert doc.metadata["title"] == "Tolls on the ring road"
    assert doc.metadata["author"] == "Ines Marlow"
    assert [s.title for s in doc.sections] == ["The case against"]
    assert_exact(doc)


@pytest.mark.parametrize(
    ("line", "author", "date"),
    [
        ("By Jane Doe", "Jane Doe", None),
        ("by Jane Doe, 3 May 2021", "Jane Doe", "3 May 2021"),
        ("**By Jane Doe**", "Jane Doe", None),
        ("_by Jane Doe | May 3, 2021_", "Jane Doe", "May 3, 2021"),
        ("By Jane Doe and Tomás Ruiz", "Jane Doe and Tomás Ruiz", None),
        ("By Jane Doe, Tomás Ruiz and Li Wei", "Jane Doe, Tomás Ruiz and Li Wei", None),
        ("By Ana de la Cruz, Transport Correspondent", "Ana de la Cruz", None),
        ("Written by J. R. Okoro on 2021-05-03", "J. R. Okoro", "2021-05-03"),
    ],
)
@pytest.mark.parametrize("suffix", [".md", ".txt"])
def test_bylines_set_author_and_date_not_a_section(tmp_path, line, author, date, suffix):
    path = tmp_path / f"article{suffix}"
    title = "# Quiet hours for the harbour" if suffix == ".md" else "Quiet hours for the harbour"
    path.write_text(f"{title}\n\n{line}\n\nThe port works all night. Neighbours cannot sleep.\n")
    doc = read_document(path)
    assert doc.metadata["title"] == "Quiet hours for the harbour"
    assert doc.metadata["author"] == author
    assert doc.metadata.get("date") == date
    assert doc.sections == ()
    assert [b.kind for b in doc.blocks] == ["title", "byline", "paragraph"]
    assert {s.speaker for s in doc.sentences if doc.blocks[s.block].kind == "paragraph"} == {author}
    assert_exact(doc)


def test_byline_and_date_run_into_the_first_paragraph_in_markdown():
    text = "# Quiet hours\n\nBy Jane Doe\n3 May 2021\nThe port works all night.\n"
    doc = parse_text(text, "m.md", "markdown")
    assert (doc.metadata["author"], doc.metadata["date"]) == ("Jane Doe", "3 May 2021")
    assert [b.kind for b in doc.blocks] == ["title", "byline", "date", "paragraph"]
    assert [doc.text[s.start : s.end] for s in doc.sentences][1:] == ["The port works all night."]


@pytest.mark.parametrize(
    "line", ["By now the port is the loudest place in town.", "By Monday we will know more."]
)
def test_sentences_opening_with_by_stay_sentences(line):
    assert parse_byline(line) is None
    doc = parse_text(f"Quiet hours\n\n{line}\n\nMore follows.", "x.txt")
    assert "author" not in doc.metadata
    assert any(doc.text[s.start : s.end] == line for s in doc.sentences)


def test_html_headings_have_levels_and_bylines_in_tags_set_the_author():
    page = (
        "<html><body><article><h1>Ferry fares should be frozen</h1>"
        '<div class="meta"><span class="author">Élodie Ågren</span></div>'
        "<h3>By Someone Quoted</h3>"
        "<h2>Why now</h2><p>Fares rose twice this year.</p>"
        "<h4>What it would cost</h4><p>Less than one new road.</p></article></body></html>"
    )
    doc = parse_text(page, "f.html", "html")
    assert doc.metadata["title"] == "Ferry fares should be frozen"
    assert doc.metadata["author"] == "Élodie Ågren"
    assert [(s.title, s.level) for s in doc.sections] == [("Why now", 2), ("What it would cost", 4)]
    assert "byline" in [b.kind for b in doc.blocks]
    assert_exact(doc)


def test_seeded_map_has_metadata_and_exact_spans(tmp_path, capsys):
    source = tmp_path / "harbour.md"
    source.write_text(
        "# Quiet hours for the harbour #\n\nby Jane Doe, 3 May 2021\n\n"
        "The port should stop cranes at ten. Neighbours cannot sleep, because the noise "
        "goes on all night.\n\n"
        "## What the port says ##\n\nHowever, night shifts keep the port competitive.\n\n"
        "Costs\n=====\n\nA quiet night costs the port little.\n\n"
        "2 comments:\n\n"
        "1. Ravi Patel 4 May 2021 at 08:10\nI disagree, the port brings jobs.\n\n"
        "2. Mo Ellis 4 May 2021 at 09:30\nThe noise is real, I live there.\n",
        encoding="utf-8",
    )
    out = tmp_path / "harbour.debatemap"
    assert main(["seed", str(source), "-o", str(out), "--profile", "none"]) == 0
    argument_map = load_map(out)
    (document,) = argument_map.documents.values()
    assert document.text == source.read_text(encoding="utf-8")
    assert document.metadata["author"] == "Jane Doe"
    assert document.metadata["date"] == "3 May 2021"
    assert argument_map.title == "Quiet hours for the harbour"
    assert argument_map.nodes
    for node in argument_map.nodes.values():
        for span in node.sources:
            piece = document.text[span.start : span.end]
            assert " ".join(piece.split()) == node.text, (node, piece)
            assert not piece.startswith(("#", "By", "by")) and not piece.endswith(("#", "="))
    thesis = [n for n in argument_map.nodes.values() if n.kind == "position"]
    assert [n.text for n in thesis] == ["Quiet hours for the harbour"]
    speakers = {n.speaker for n in argument_map.nodes.values()}
    assert "Jane Doe" in speakers and {"Ravi Patel", "Mo Ellis"} & speakers
    capsys.readouterr()


def test_docstring_examples():
    import doctest

    from mapping.documents import bylines, headings

    for module in (bylines, headings):
        failures, tried = doctest.testmod(module)
        assert tried and not failures, module.__name__
