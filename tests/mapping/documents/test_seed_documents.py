"""The two shared seed documents: metadata, the exact comment tree, speakers, exact spans."""

import itertools

import pytest
from shared_data import seeds_dir

from mapping.documents import read_document


@pytest.fixture(scope="module")
def article():
    return read_document(next(seeds_dir().glob("000_*.txt")))


@pytest.fixture(scope="module")
def blog():
    return read_document(next(seeds_dir().glob("003_*.txt")))


def speaker_of(doc, fragment):
    found = [s for s in doc.sentences if fragment in doc.text[s.start : s.end]]
    assert found, fragment
    return found[0].speaker


def test_article_metadata_and_boilerplate(article):
    assert article.metadata["author"] == "Nick Clark"
    assert article.metadata["title"].startswith("Resist Trump")
    dropped = [article.text[b.start : b.end] for b in article.blocks if b.kind == "boilerplate"]
    assert any(line.startswith("Downloading PDF") for line in dropped)
    assert "Read More" in dropped
    assert any(
        "(Pic:" in article.text[b.start : b.end] for b in article.blocks if b.kind == "caption"
    )
    spoken = {article.text[s.start : s.end] for s in article.sentences}
    assert not any("Sign up for" in s or "Make a donation" in s for s in spoken)


def test_article_speakers(article):
    assert speaker_of(article, "act of war and it will lead") == "Lindsey German"
    assert speaker_of(article, "serious threat of war") == "Lindsey German"  # quote continued
    assert speaker_of(article, "outright condemnation") == "John McDonnell"
    assert speaker_of(article, "harsh retaliation") == "Ayatollah Ali Khamenei"
    assert speaker_of(article, "sympathetic to the situation") == "Dominic Raab"  # "he said"
    assert speaker_of(article, "biggest threat to peace") == "Nick Clark"


def test_blog_metadata(blog):
    assert blog.metadata["author"] == "Tony Greenstein"  # from the signature line
    assert blog.metadata["date"] == "15 January 2026"
    assert blog.metadata["title"].startswith("Why Socialists")
    assert blog.metadata["subtitle"].startswith("Liberation for the Palestinians")


def test_blog_comment_tree_exactly(blog):
    # The page declares 24 comments; 22 are present in the saved text, in 8 threads.
    assert blog.comment_section.declared_count == 24
    tree = [(c.number, c.parent, c.author, c.timestamp) for c in blog.comments]
    advocatus, richard = "Advocatus diaboli", "Richard Lightbown"
    assert tree == [
        ("1", None, advocatus, "15 January 2026 at 18:19"),
        ("1.1", "1", advocatus, "15 January 2026 at 23:03"),
        ("1.2", "1", None, None),
        ("2", None, None, None),
        ("2.1", "2", None, None),
        ("3", None, None, None),
        ("3.1", "3", None, None),
        ("4", None, None, None),
        ("4.1", "4", None, None),
        ("4.2", "4", None, None),
        ("4.3", "4", None, None),
        ("4.4", "4", None, None),
        ("5", None, richard, "16 January 2026 at 14:09"),
        ("5.1", "5", None, None),
        ("6", None, None, None),
        ("6.1", "6", richard, "17 January 2026 at 11:39"),
        ("6.2", "6", None, None),
        ("7", None, None, None),
        ("7.1", "7", None, None),
        ("7.2", "7", None, None),
        ("7.3", "7", None, None),
        ("8", None, None, None),
    ]
    assert len({c.thread for c in blog.comments}) == 8
    for comment in blog.comments:
        body = [b for b in blog.blocks if b.comment == comment.number and b.kind == "paragraph"]
        assert body, comment.number
        assert all(comment.start <= b.start and b.end <= comment.end for b in body)


def test_blog_speakers(blog):
    assert speaker_of(blog, "fabricated protest") == "Advocatus diaboli"
    assert speaker_of(blog, "accept this is a colour revolution") == "unknown commenter (4.1)"
    assert speaker_of(blog, "trained by the CIA") == "Alastair Crooke"
    assert speaker_of(blog, "front lines of anti-imperialism") == "David Miller"
    assert speaker_of(blog, "enemy of my enemy") == "Tony Greenstein"
    assert speaker_of(blog, "Tell the world") == "a journalist from Tehran"


def test_seed_spans_are_exact(article, blog):
    for doc in (article, blog):
        for sentence in doc.sentences:
            piece = doc.text[sentence.start : sentence.end]
            assert piece and piece == piece.strip()
        ends = [(s.start, s.end) for s in doc.sentences]
        assert all(a[1] <= b[0] for a, b in itertools.pairwise(ends))
