"""Lines with their offsets, and the patterns shared by the layout and comment readers."""

from __future__ import annotations

import re
from dataclasses import dataclass

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n|$)")


@dataclass(frozen=True)
class Line:
    """One line: `start`/`end` cover its text without the line break or surrounding blanks."""

    start: int
    end: int
    indent: int  # leading blank characters (a tab counts as four)
    text: str  # the stripped text, text == document[start:end]

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str, start: int = 0, end: int | None = None) -> list[Line]:
    """The lines of text[start:end], each stripped, with offsets into `text`."""
    end = len(text) if end is None else end
    lines: list[Line] = []
    for match in _LINE.finditer(text, start, end):
        raw = match.group().rstrip("\r\n")
        if not match.group() and match.start() >= end:
            break
        body = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        indent = sum(4 if ch == "\t" else 1 for ch in raw[:lead])
        line_start = match.start() + lead
        lines.append(Line(line_start, line_start + len(body), indent, body))
        if match.end() >= end:
            break
    return lines


MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
_TIME = r"(?:\s*(?:at|,|@)?\s*\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?"
#: A calendar date, optionally with a time: "15 January 2026 at 18:19", "March 12, 2024, 9:15 am".
DATE = (
    r"(?:(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*,?\s+)?"
    rf"(?:\d{{1,2}}(?:st|nd|rd|th)?\s+(?:{MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2})?)?"
    rf"|\d{{1,2}}/\d{{1,2}}/\d{{2,4}}){_TIME}"
)
DATE_ONLY = re.compile(
    rf"^(?:Posted on\s+|Published:?\s+|Updated:?\s+)?(?P<date>{DATE})$", re.IGNORECASE
)
#: A relative time as comment widgets print it: "3 years ago", "5h", "2 hr. ago".
RELATIVE_TIME = r"(?:\d+\s*(?:years?|months?|weeks?|days?|hours?|hrs?\.?|minutes?|mins?\.?|[ymwdh])\s*ago|\d+\s*[ymwdh]|just now)"

BULLET = re.compile(r"^(?:[·•‣◦▪●*+\-–]|\d{1,2}[.)])(?=\s)\s*")
