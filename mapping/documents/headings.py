"""The words of a heading without its markup, as a span of the document's text.

Markdown marks headings two ways: ATX ("## Title", "### Title ###", levels 1–6) and setext (a
line underlined with "=====" for level 1 or "-----" for level 2). Plain-text articles borrow both.
A heading's block covers only its words, so the section title, the sentence the seeder reads and
the span the app highlights are all the same characters, with no "#" or underline in them.
"""

from __future__ import annotations

import re

from mapping.documents.lines import Line

ATX = re.compile(r"^(#{1,6})(?:\s+|$)")
_ATX_CLOSE = re.compile(r"(?:^|\s+)#+\s*$")
#: A setext underline: three or more "=" (level 1) or "-" (level 2) and nothing else.
UNDERLINE = re.compile(r"^(?:={3,}|-{3,})$")
_EMPHASIS = re.compile(r"^(\*{1,3}|_{1,3})(?=\S)(.*\S)\1$", re.DOTALL)


def is_underline(line: Line) -> bool:
    return bool(UNDERLINE.match(line.text))


def marked_level(text: str, group: list[Line]) -> int:
    """The level (1–6) the markup gives this block, or 0 when it is not marked as a heading."""
    if len(group) >= 2 and is_underline(group[-1]):
        return 1 if group[-1].text.startswith("=") else 2
    atx = ATX.match(group[0].text)
    if len(group) == 1 and atx and heading_span(text, group)[1] > heading_span(text, group)[0]:
        return len(atx.group(1))
    return 0


def heading_span(text: str, group: list[Line]) -> tuple[int, int]:
    """(start, end) of a heading's words: without "#" marks, an underline or emphasis stars.

    >>> from mapping.documents.lines import split_lines
    >>> t = "### **Why it matters** ##"
    >>> a, b = heading_span(t, split_lines(t))
    >>> t[a:b]
    'Why it matters'
    """
    lines = group[:-1] if len(group) >= 2 and is_underline(group[-1]) else group
    start, end = lines[0].start, lines[-1].end
    if len(lines) == 1:
        atx = ATX.match(lines[0].text)
        if atx:
            start += atx.end()
            close = _ATX_CLOSE.search(text[start:end])
            if close:
                end = start + close.start()
    emphasis = _EMPHASIS.match(text[start:end])
    if emphasis:
        marks = len(emphasis.group(1))
        start, end = start + marks, end - marks
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
