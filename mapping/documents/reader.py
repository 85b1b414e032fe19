"""Read a .txt, .md or .html file into a ParsedDocument."""

from __future__ import annotations

from pathlib import Path

from mapping.documents.comments import find_section, parse_comments
from mapping.documents.decode import decode_bytes
from mapping.documents.layout import classify, group_lines
from mapping.documents.lines import split_lines
from mapping.documents.records import Block, ParsedDocument, Sentence
from mapping.documents.sentences import split_clauses, split_sentences
from mapping.documents.speech import attribute
from mapping.errors import MappingError

FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown",
           ".html": "html", ".htm": "html", ".xhtml": "html"}  # fmt: skip
#: Blocks whose sentences can carry claims; the rest (boilerplate, captions ...) only keep offsets.
SENTENCE_KINDS = ("title", "subtitle", "heading", "paragraph", "bullet", "quote")
UNKNOWN_AUTHOR = "unknown author"


def read_document(path: str | Path) -> ParsedDocument:
    """Parse one file; the format follows the suffix (anything unknown is read as plain text)."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise MappingError(f"cannot read: {exc.strerror or exc}", file=str(path)) from exc
    text, encoding, warnings = decode_bytes(data, str(path))
    return parse_text(text, path.name, FORMATS.get(path.suffix.lower(), "text"), encoding, warnings)


def parse_text(
    text: str,
    name: str,
    format: str = "text",
    encoding: str = "utf-8",
    warnings: list[str] | tuple[str, ...] = (),
) -> ParsedDocument:
    """Parse decoded text. For HTML the extracted plain text becomes the document's text.

    >>> doc = parse_text("Why we strike\\n\\nBy Ann Lee\\n\\nWages fell. We must act.", "x.txt")
    >>> doc.metadata["title"], doc.metadata["author"], len(doc.sentences)
    ('Why we strike', 'Ann Lee', 3)
    """
    hints: dict[int, str] = {}
    levels: dict[int, int] | None = None  # heading levels from HTML tags; else from markup
    metadata: dict[str, str] = {}
    if format == "html":
        from mapping.documents.html import extract_html

        text, hints, metadata, levels = extract_html(text)
    lines = split_lines(text)
    section_at = find_section(lines)
    article = lines if section_at is None else lines[:section_at]
    groups = group_lines(article, markdown=format == "markdown")
    blocks, found = classify(text, groups, format == "markdown", hints, levels)
    for key, value in found.items():
        metadata.setdefault(key, value)
    section, comments = None, []
    if section_at is not None:
        section, comments, comment_blocks = parse_comments(text, lines, section_at)
        blocks.extend(comment_blocks)
    blocks.sort(key=lambda block: block.start)

    author = metadata.get("author") or UNKNOWN_AUTHOR
    by_number = {comment.number: comment for comment in comments}
    default: list[tuple[str, str]] = []
    for block in blocks:
        if block.comment is None:
            default.append((author, "author"))
        else:
            commenter = by_number[block.comment].author
            default.append((commenter or f"unknown commenter ({block.comment})", "commenter"))

    units: list[tuple[int, int, int, str]] = []
    for index, block in enumerate(blocks):
        if block.kind in SENTENCE_KINDS:
            for start, end in split_sentences(text, block.start, block.end):
                units.append((start, end, index, block.kind))
    attributions = attribute(text, units, [block.kind for block in blocks], default)
    sentences = tuple(
        Sentence(
            start=start,
            end=end,
            block=block_index,
            speaker=attribution.speaker,
            role=attribution.role,
            comment=blocks[block_index].comment,
            clauses=split_clauses(text, start, end),
            speech_cue=attribution.cue,
        )
        for (start, end, block_index, _kind), attribution in zip(units, attributions, strict=True)
    )
    return ParsedDocument(
        name=name,
        text=text,
        format=format,
        encoding=encoding,
        metadata=metadata,
        blocks=tuple(blocks),
        comment_section=section,
        comments=tuple(comments),
        sentences=sentences,
        warnings=tuple(warnings),
    )


def is_question(document: ParsedDocument, sentence: Sentence | Block) -> bool:
    """True when the writer ends the sentence with a question mark (closing quotes ignored)."""
    return document.text[sentence.start : sentence.end].rstrip("”\"’') ").endswith("?")


__all__ = ["Block", "ParsedDocument", "Sentence", "is_question", "parse_text", "read_document"]
