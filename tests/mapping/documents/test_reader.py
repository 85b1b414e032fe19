"""The document reader on invented fixtures in common layouts, and on raw bytes."""

from pathlib import Path

import pytest

from mapping.documents import is_question, parse_text, read_document
from mapping.documents.decode import decode_bytes
from mapping.errors import MappingError

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"


def sentence_with(doc, fragment):
    found = [s for s in doc.sentences if fragment in doc.text[s.start : s.end]]
    assert found, f"no sentence contains {fragment!r}"
    return found[0]


def assert_spans_exact(doc):
    for sentence in doc.sentences:
        piece = doc.text[sentence.start : sentence.end]
        assert piece == piece.strip() and piece, (sentence, piece)
        block = doc.blocks[sentence.block]
        assert block.start <= sentence.start < sentence.end <= block.end
        for start, end in sentence.clauses:
            assert sentence.start <= start < end <= sentence.end


def test_crlf_text_keeps_its_line_breaks_and_offsets():
    raw = (FIXTURES / "oped.txt").read_bytes()
    doc = read_document(FIXTURES / "oped.txt")
    assert "\r\n" in doc.text and doc.text == raw.decode("utf-8")
    assert doc.metadata == {"title": "Our city needs more trees", "author": "Marta Quinn",
                            "date": "12 May 2023"}  # fmt: skip
    sentence = sentence_with(doc, "should plant a tree")
    assert doc.text[sentence.start : sentence.end] == (
        "The council should plant a tree on every street by 2030."
    )
    # a hard-wrapped paragraph is one block, and its sentence crosses the line break
    wrapped = sentence_with(doc, "Streets without trees")
    assert "\r\n" in doc.text[wrapped.start : wrapped.end]
    assert_spans_exact(doc)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("Taxes fund schools.\r\nWe need them.".encode("utf-8-sig"), "utf-8-sig"),
        ("Caf\u00e9s close early.\r\nThat hurts.".encode("utf-16"), "utf-16"),
        ("Na\u00efve plans fail.".encode(), "utf-8"),
    ],
)
def test_byte_order_marks_and_utf8(data, encoding):
    text, used, warnings = decode_bytes(data, "x.txt")
    assert used == encoding and not warnings
    assert not text.startswith("\ufeff")


def test_cp1252_fallback_is_reported(tmp_path):
    path = tmp_path / "old.txt"
    path.write_bytes("\u201cFair rents\u201d now \u2013 caf\u00e9 owners agree.".encode("cp1252"))
    doc = read_document(path)
    assert doc.encoding == "cp1252"
    assert doc.text.startswith("\u201cFair rents\u201d")
    assert len(doc.warnings) == 1 and "old.txt" in doc.warnings[0]


def test_undecodable_bytes_raise_a_mapping_error_naming_the_file(tmp_path):
    path = tmp_path / "broken.txt"
    path.write_bytes(b"ok \x81\x8d\xff")
    with pytest.raises(MappingError, match=r"broken\.txt"):
        read_document(path)
    with pytest.raises(MappingError, match=r"bad\.txt"):
        decode_bytes(b"\xff\xfe\x00\xd8", "bad.txt")  # UTF-16 BOM, then a lone surrogate


def test_missing_file_is_a_mapping_error(tmp_path):
    with pytest.raises(MappingError, match=r"nothing\.txt"):
        read_document(tmp_path / "nothing.txt")


def test_wordpress_comments_with_headers_on_one_or_two_lines():
    doc = read_document(FIXTURES / "wordpress.txt")
    assert doc.metadata["title"] == "Free buses are a bargain for Millbrook"
    assert doc.metadata["author"] == "Harriet Osei"
    assert doc.comment_section.declared_count == 3
    tree = [(c.number, c.parent, c.author, c.timestamp) for c in doc.comments]
    assert tree == [
        ("1", None, "Gareth Lowe", "12 March 2024 at 9:15 am"),
        ("1.1", "1", "Harriet Osei", "12 March 2024 at 11:02 am"),
        ("2", None, "Priya Nair", "13 March 2024 at 8:40 pm"),
    ]
    reply = sentence_with(doc, "fewer cars")
    assert (reply.speaker, reply.role, reply.comment) == ("Harriet Osei", "commenter", "1.1")
    quoted = sentence_with(doc, "hot meal")
    assert quoted.speaker == "Dev Patel" and quoted.role == "quoted"
    assert is_question(doc, sentence_with(doc, "pensioner"))
    assert_spans_exact(doc)


def test_disqus_nesting_and_chrome():
    doc = read_document(FIXTURES / "disqus.txt")
    tree = [(c.number, c.parent, c.depth, c.author, c.timestamp) for c in doc.comments]
    assert tree == [
        ("1", None, 0, "Tomasz K", "3 years ago"),
        ("1.1", "1", 1, "Lena Brandt", "3 years ago"),
        ("1.1.1", "1.1", 2, "Tomasz K", "2 years ago"),
    ]
    chrome = [doc.text[b.start : b.end] for b in doc.blocks if b.kind == "boilerplate"]
    assert chrome == ["Reply • Share ›"] * 3


def test_reddit_indentation_gives_parents():
    doc = read_document(FIXTURES / "reddit.txt")
    assert doc.metadata["title"] == "Should the library open on Sundays?"
    parents = {c.number: (c.parent, c.author) for c in doc.comments}
    assert parents == {
        "1": (None, "maple_reader"),
        "1.1": ("1", "quietfox"),
        "1.1.1": ("1.1", "maple_reader"),
        "1.2": ("1", "stackhound"),
        "2": (None, "gullwing"),
    }


def test_markdown_layout():
    doc = read_document(FIXTURES / "notes.md")
    assert doc.format == "markdown"
    assert doc.metadata["title"] == "Four-day week for council staff"
    assert doc.metadata["author"] == "Sam Okafor"
    kinds = [b.kind for b in doc.blocks]
    assert kinds.count("heading") == 2 and kinds.count("bullet") == 5 and "quote" in kinds
    bullet = sentence_with(doc, "Sick leave fell")
    assert doc.text[bullet.start : bullet.end] == "Sick leave fell by a quarter."
    assert_spans_exact(doc)


def test_html_drops_navigation_and_keeps_the_article():
    doc = read_document(FIXTURES / "page.html")
    for chrome in ("Home", "do not read me", "All rights reserved", "Ten cheap days", "Share on"):
        assert chrome not in doc.text
    assert doc.metadata["title"] == "Rent caps would help tenants"
    assert doc.metadata["author"] == "Ines Duarte"
    assert doc.metadata["date"] == "2024-09-02"
    kinds = {doc.text[b.start : b.end]: b.kind for b in doc.blocks}
    assert kinds["Terraced houses on Quay Street (Photo: Gazette)"] == "caption"
    assert kinds["What the council can do"] == "heading"
    quote = sentence_with(doc, "rents we can plan around")
    assert quote.speaker == "Bo Lindqvist"
    assert_spans_exact(doc)


def test_reported_speech_forms():
    text = (
        "Transit chief Alma Reyes said, \u201cWe will run trains all night from May.\u201d\n\n"
        "\u201cNobody will be left waiting in the cold,\u201d she said.\n\n"
        "According to the union, the plan needs forty more drivers.\n\n"
        "Mayor Lars Holm warned that the budget cannot cover it.\n\n"
        "The rota looks thin."
    )
    doc = parse_text(text, "speech.txt")
    speakers = [s.speaker for s in doc.sentences]
    assert speakers == ["Alma Reyes", "Alma Reyes", "the union", "Lars Holm", "unknown author"]


def test_text_without_comments_has_no_section():
    doc = parse_text("Why we strike\n\nBy Ann Lee\n\nWages fell. We must act.", "x.txt")
    assert doc.comment_section is None and doc.comments == ()
    assert [doc.text[s.start : s.end] for s in doc.sentences][-2:] == [
        "Wages fell.",
        "We must act.",
    ]
