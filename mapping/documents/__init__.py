"""Read the documents people paste or save (.txt, .md, .html) into plain records.

`read_document(path)` returns a `ParsedDocument`: the exact text, metadata, layout blocks, the
comment threads, and sentences with speakers and character offsets into that text.
"""

from mapping.documents.reader import is_question, parse_text, read_document
from mapping.documents.records import (
    BLOCK_KINDS,
    Block,
    Comment,
    CommentSection,
    ParsedDocument,
    Section,
    Sentence,
)

__all__ = [
    "BLOCK_KINDS",
    "Block",
    "Comment",
    "CommentSection",
    "ParsedDocument",
    "Section",
    "Sentence",
    "is_question",
    "parse_text",
    "read_document",
]
