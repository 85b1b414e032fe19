"""Find a comment section and rebuild its threads: numbers, nesting, authors, timestamps, parents.

Comment widgets copy out of a browser in a few shapes, all handled by the same steps:
numbered items (Blogger: "1. Name15 January 2026 at 18:19", replies renumbered under their
parent and indented), header lines ("Name says: 12 March 2024 at 9:15 am" in WordPress,
"Name • 3 years ago" in Disqus, "name · 5h" in Reddit), nesting shown by indentation. A comment
without a header has no known author: the reader never guesses one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.documents.lines import DATE, RELATIVE_TIME, Line
from mapping.documents.records import Block, Comment, CommentSection

SECTION_HEADER = re.compile(
    r"^(?:(?P<count>\d+)\s+(?:comments?|responses?|replies|thoughts?)(?:\s+(?:on|to)\s.*)?"
    r"|comments?(?:\s*\((?P<count2>\d+)\))?)"
    r"\s*:?\s*$",
    re.IGNORECASE,
)
#: Widget chrome inside a comment section; kept as boilerplate blocks, never part of a comment.
COMMENT_CHROME = re.compile(
    r"^(?:Reply|ReplyDelete|Delete|Replies|Share|Report|Edit|Like|Upvote|Downvote|Permalink|"
    r"Reply\s*[•·]\s*Share\s*›?|Load more comments|Show more replies|Hide replies|"
    r"level \d+|Vote Up\d*Vote Down|[−+-]|\d+\s*(?:points?|likes?|votes?)|"
    r"Please submit your comments below|Post a Comment|Leave a (?:comment|reply)|Cancel reply|"
    r"Newer Post|Older Post|Home|Subscribe to:.*|Log in to [Rr]eply)\s*$",
    re.IGNORECASE,
)
_NUMBERED = re.compile(r"^(?P<num>\d{1,3})\.\s+(?P<rest>.*)$")
_NAME = r"[A-Za-z0-9_\-.'’ ]{1,60}?"
# One regex per header style; each yields author and (maybe empty) timestamp.
_HEADERS = (
    re.compile(rf"^(?P<author>{_NAME})\s+says:\s*(?P<ts>{DATE})?\s*$", re.IGNORECASE),
    re.compile(
        rf"^(?P<author>{_NAME})\s*[•·|]\s*(?P<ts>{RELATIVE_TIME}|{DATE})\s*$", re.IGNORECASE
    ),
    re.compile(rf"^(?:u/)?(?P<author>{_NAME})\s*(?:on\s+)?(?P<ts>{DATE})\s*$", re.IGNORECASE),
)
_TIMESTAMP_LINE = re.compile(rf"^(?:{DATE}|{RELATIVE_TIME})\s*$", re.IGNORECASE)


@dataclass
class _Start:
    line: int  # index into the section's lines
    indent: int
    local: str | None  # the number printed before it, if any
    author: str | None
    timestamp: str | None
    body_from: int  # offset where the body begins
    header_end: int | None  # offset where the header ends, if there is one


def parse_header(text: str) -> tuple[str, str | None] | None:
    """(author, timestamp) when `text` is a comment header line, else None.

    >>> parse_header("Advocatus diaboli15 January 2026 at 18:19")
    ('Advocatus diaboli', '15 January 2026 at 18:19')
    """
    for pattern in _HEADERS:
        match = pattern.match(text)
        if match:
            author = match.group("author").strip(" .,-")
            if not re.search(r"[^\W\d_]", author) or len(author.split()) > 5:
                continue
            timestamp = match.group("ts")
            return author, timestamp.strip() if timestamp else None
    return None


def find_section(lines: list[Line]) -> int | None:
    """Index of the line that opens the comment section ("24 comments:"), or None."""
    for index, line in enumerate(lines):
        if line.text and SECTION_HEADER.match(line.text):
            return index
    return None


def parse_comments(
    text: str, lines: list[Line], header_index: int
) -> tuple[CommentSection, list[Comment], list[Block]]:
    """Comments and their blocks from the lines after the section header at `header_index`."""
    header = lines[header_index]
    match = SECTION_HEADER.match(header.text)
    count = (match.group("count") or match.group("count2")) if match else None
    body = lines[header_index + 1 :]
    starts = _find_starts(body)
    blocks: list[Block] = [Block("comments_header", header.start, header.end)]
    comments: list[Comment] = []
    if not starts:
        for line in body:
            if line.text:
                kind = "boilerplate" if COMMENT_CHROME.match(line.text) else "paragraph"
                blocks.append(Block(kind, line.start, line.end))
        end = body[-1].end if body else header.end
        return CommentSection(header.start, end, int(count) if count else None), [], blocks

    numbered = all(start.local is not None for start in starts)
    indents = sorted({start.indent for start in starts})
    stack: list[tuple[int, str]] = []  # (depth, number) of the open ancestors
    child_counts: dict[str | None, int] = {}
    for position, start in enumerate(starts):
        depth = indents.index(start.indent)
        while stack and stack[-1][0] >= depth:
            stack.pop()
        parent = stack[-1][1] if stack else None
        depth = len(stack)  # a skipped indent level nests one step, never two
        child_counts[parent] = child_counts.get(parent, 0) + 1
        local = start.local if numbered and start.local else str(child_counts[parent])
        number = f"{parent}.{local}" if parent else local
        stack.append((depth, number))

        last = starts[position + 1].line if position + 1 < len(starts) else len(body)
        comment_end = start.body_from
        first_offset = body[start.line].start
        if start.header_end is not None:
            blocks.append(Block("comment_header", first_offset, start.header_end, number))
        for index in range(start.line, last):
            line = body[index]
            if not line.text:
                continue
            line_from = max(line.start, start.body_from) if index == start.line else line.start
            if line_from >= line.end:
                continue
            # A timestamp on the line under the header (WordPress, Disqus)
            if (
                index > start.line
                and _TIMESTAMP_LINE.match(line.text)
                and comment_end <= line.start
                and start.timestamp is None
                and not any(b.comment == number and b.kind == "paragraph" for b in blocks)
            ):
                start.timestamp = line.text
                blocks.append(Block("comment_header", line.start, line.end, number))
                continue
            if COMMENT_CHROME.match(line.text):
                blocks.append(Block("boilerplate", line.start, line.end, number))
                continue
            blocks.append(Block("paragraph", line_from, line.end, number))
            comment_end = line.end
        comments.append(
            Comment(
                number=number,
                parent=parent,
                depth=depth,
                author=start.author,
                timestamp=start.timestamp,
                start=first_offset,
                end=max(comment_end, start.header_end or first_offset),
            )
        )
    end = max(block.end for block in blocks)
    section = CommentSection(header.start, end, int(count) if count else None)
    return section, comments, blocks


def _find_starts(lines: list[Line]) -> list[_Start]:
    """Where each comment begins: numbered items if the section has them, else header lines."""
    numbered: list[_Start] = []
    for index, line in enumerate(lines):
        match = _NUMBERED.match(line.text)
        if not match:
            continue
        rest_from = line.start + match.start("rest")
        header = parse_header(match.group("rest"))
        if header:
            numbered.append(
                _Start(
                    index, line.indent, match.group("num"), header[0], header[1], line.end, line.end
                )
            )
        else:
            numbered.append(
                _Start(index, line.indent, match.group("num"), None, None, rest_from, None)
            )
    if len(numbered) >= 2 or (numbered and numbered[0].line == _first_text(lines)):
        return numbered
    headed: list[_Start] = []
    for index, line in enumerate(lines):
        if not line.text or COMMENT_CHROME.match(line.text):
            continue
        header = parse_header(line.text)
        if header:
            headed.append(
                _Start(index, line.indent, None, header[0], header[1], line.end, line.end)
            )
    return headed


def _first_text(lines: list[Line]) -> int:
    return next((index for index, line in enumerate(lines) if line.text), -1)
