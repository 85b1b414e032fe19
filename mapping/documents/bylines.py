"""Bylines: "By Jane Doe", "by Jane Doe, 3 May 2021", "Words by Ana de la Cruz and Li Wei | Editor".

A byline names the article's author(s), so it sets the document's author and is never read as a
heading or a claim. The names are checked word by word (capitals, with the small particles of
names such as "de", "van", "bin" inside), so "By now it is clear" or "By Monday we will know" stay
sentences; a date found after the names becomes the document's date, any other trailer (a job
title, the paper's name) is dropped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from mapping.documents.lines import DATE

_LEAD = re.compile(
    r"^(?:by|written by|words by|story by|posted by|reporting by|reported by|authors?:|words:)"
    r"\s+",
    re.IGNORECASE,
)
#: Markdown emphasis marks around words (not inside them, as in snake_case).
_EMPHASIS = re.compile(r"(?<!\w)[*_]+|[*_]+(?!\w)")
#: Where a byline's names end and its trailer (date, job, paper) begins.
_TRAILER = re.compile(r"\s*(?:[,|·•–—/]|\s-\s|\bon\b|\bat\b)\s*", re.IGNORECASE)
_JOIN = re.compile(r"\s+(?:and|&)\s+|\s*&\s*", re.IGNORECASE)
_DATE = re.compile(DATE, re.IGNORECASE)
_PARTICLES = frozenset(
    [
        "de",
        "del",
        "della",
        "der",
        "den",
        "di",
        "du",
        "da",
        "das",
        "dos",
        "la",
        "le",
        "van",
        "von",
        "ter",
        "ten",
        "bin",
        "bint",
        "ibn",
        "al",
        "el",
        "y",
        "zu",
    ]
)
_JOBS = re.compile(
    r"\b(?:editor|correspondent|reporter|writer|columnist|staff|contributor|journalist|"
    r"professor|news|press|times|post|herald|guardian|agency|desk|team)\b",
    re.IGNORECASE,
)
_NAME_WORD = re.compile(r"^[^\W\d_][\w.'’-]*$")
MAX_LENGTH = 120


@dataclass(frozen=True)
class Byline:
    """The author(s) as written ("Jane Doe and Li Wei") and the date, if the byline has one."""

    author: str
    date: str | None = None


def parse_byline(line: str) -> Byline | None:
    """The byline in ``line``, or None when the line is not one.

    >>> parse_byline("by Jane Doe, 3 May 2021")
    Byline(author='Jane Doe', date='3 May 2021')
    >>> parse_byline("**By Ana de la Cruz and Li Wei** | Political editor")
    Byline(author='Ana de la Cruz and Li Wei', date=None)
    >>> parse_byline("By Monday we will know.") is None
    True
    """
    line = " ".join(_EMPHASIS.sub("", line).split())
    lead = _LEAD.match(line)
    if not lead or len(line) > MAX_LENGTH:
        return None
    rest = line[lead.end() :]
    pieces = _TRAILER.split(rest)
    names = [name.strip() for name in _JOIN.split(pieces[0])]
    if not all(is_name(name) for name in names):
        return None
    # "By Jane Doe, Li Wei and Ann Lee": a list of names ends with "and"; "By Jane Doe,
    # Political Editor" does not, so its second piece is a job, not a name.
    listed: list[str] = []
    for piece in pieces[1:]:
        more = [name.strip() for name in _JOIN.split(piece)]
        if not all(is_name(name) for name in more) or _JOBS.search(piece):
            break
        listed.extend(more)
        if len(more) > 1:
            names.extend(listed)
            break
    date = _DATE.search(rest, len(pieces[0]))
    author = _join_names(names)
    return Byline(author, date.group().strip() if date else None)


def is_name(name: str) -> bool:
    """Whether ``name`` reads as a person's name: capitalised words, small particles inside."""
    words = name.split()
    if not 1 <= len(words) <= 6:
        return False
    if not (words[0][0].isupper() and words[-1][0].isupper()):
        return False
    return all(
        _NAME_WORD.match(word) and (word[0].isupper() or word.lower() in _PARTICLES)
        for word in words
    )


def _join_names(names: list[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]
