"""The parsed form of a document: plain frozen records, no behaviour beyond small conveniences.

Every `start`/`end` pair is an index into `ParsedDocument.text`, the exact decoded string (for
HTML, the extracted plain text) that a map stores as `Document.text`, so a span found here
highlights the same characters in the app.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: What a block of the text is. "boilerplate" blocks are kept (offsets stay honest) but never seeded.
BLOCK_KINDS = (
    "title",
    "subtitle",
    "byline",
    "date",
    "heading",
    "paragraph",
    "bullet",
    "caption",
    "quote",
    "boilerplate",
    "comments_header",
    "comment_header",
    "signature",
)

#: Who a speaker is relative to the document.
SPEAKER_ROLES = ("author", "quoted", "commenter", "unknown")


@dataclass(frozen=True)
class Block:
    """A run of text with one layout role (a paragraph, a heading, a bullet item ...)."""

    kind: str
    start: int
    end: int
    comment: str | None = None  # the number of the comment the block belongs to, e.g. "4.1"
    level: int = 0  # a title's or heading's level (1–6) from its markup; 0 when it has none


@dataclass(frozen=True)
class Section:
    """A heading of the article: its words (no "#" marks or underline) and where they stand.

    ``text[start:end]`` is the heading as written; ``title`` is the same with its line breaks
    and runs of blanks made single spaces.
    """

    title: str
    level: int
    start: int
    end: int


@dataclass(frozen=True)
class Comment:
    """One comment of a thread; `number` is its dotted position ("4", "4.2"), unique per document.

    `author` and `timestamp` are None when the comment has no header: the reader never guesses.
    """

    number: str
    parent: str | None
    depth: int
    author: str | None
    timestamp: str | None
    start: int
    end: int

    @property
    def thread(self) -> str:
        """The number of the top-level comment that starts this comment's thread."""
        return self.number.split(".", 1)[0]


@dataclass(frozen=True)
class CommentSection:
    """Where the comments start, and the count the page declared ("24 comments:"), if any."""

    start: int
    end: int
    declared_count: int | None


@dataclass(frozen=True)
class Sentence:
    """A sentence with its speaker; `clauses` splits it where it holds two claims."""

    start: int
    end: int
    block: int  # index into ParsedDocument.blocks
    speaker: str
    role: str  # one of SPEAKER_ROLES
    comment: str | None = None
    clauses: tuple[tuple[int, int], ...] = ()
    speech_cue: str = ""  # what made the speaker: 'said, “…”', 'comment header' ...


@dataclass(frozen=True)
class ParsedDocument:
    """Everything the reader found in one file."""

    name: str
    text: str
    format: str  # "text", "markdown" or "html"
    encoding: str
    metadata: dict = field(default_factory=dict)  # title, subtitle, author, date
    blocks: tuple[Block, ...] = ()
    comment_section: CommentSection | None = None
    comments: tuple[Comment, ...] = ()
    sentences: tuple[Sentence, ...] = ()
    warnings: tuple[str, ...] = ()

    def span_text(self, start: int, end: int) -> str:
        """The characters a span covers."""
        return self.text[start:end]

    def block_text(self, block: Block) -> str:
        """The text of one block."""
        return self.text[block.start : block.end]

    @property
    def sections(self) -> tuple[Section, ...]:
        """The article's headings in reading order (the title and the comments are not sections)."""
        return tuple(
            Section(" ".join(self.text[b.start : b.end].split()), b.level, b.start, b.end)
            for b in self.blocks
            if b.kind == "heading" and b.comment is None
        )

    def comment(self, number: str) -> Comment:
        """The comment with this dotted number; KeyError when there is none."""
        for comment in self.comments:
            if comment.number == number:
                return comment
        raise KeyError(number)
