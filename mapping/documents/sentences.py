"""Sentences and clauses with character offsets, using syntok for the sentence boundaries.

syntok keeps each token's offset into the string it was given, so a sentence span is exact
without searching the text again; clause splits are a small rule set on top.
"""

from __future__ import annotations

import re

from mapping.documents.lines import BULLET

_CLAUSE_BREAK = re.compile(
    r"(?:;\s+|\s+[-–—]\s+|,\s+(?=(?:but|yet|whereas|although|though|because|since|so that|"
    r"while|which is why|and therefore|therefore|as|even if|even though)\s)|\s+(?=but\s))",
    re.IGNORECASE,
)
_MIN_CLAUSE_WORDS = 4
#: Layout marks before a block's first word: bullets, Markdown heading hashes, quote bars.
_MARKER = re.compile(rf"^(?:#{{1,6}}\s+|>\s?|(?:{BULLET.pattern[1:]}))")


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentence spans inside text[start:end], trimmed of blanks and bullet marks.

    >>> t = "By now it is clear. Dr. Lee said so, and the U.S. agreed!"
    >>> [t[a:b] for a, b in split_sentences(t, 0, len(t))]
    ['By now it is clear.', 'Dr. Lee said so, and the U.S. agreed!']
    """
    from syntok import segmenter

    chunk = text[start:end]
    marker = _MARKER.match(chunk)
    skip = marker.end() if marker else 0
    spans: list[tuple[int, int]] = []
    for paragraph in segmenter.analyze(chunk[skip:]):
        for sentence in paragraph:
            first = start + skip + sentence[0].offset
            last = sentence[-1]
            stop = start + skip + last.offset + len(last.value)
            # syntok leaves a closing quote or bracket after the full stop as the next token
            while stop < end and text[stop] in '”"’)]':
                stop += 1
            if spans and first < spans[-1][1]:
                first = spans[-1][1]
            while first < stop and text[first].isspace():
                first += 1
            if stop > first:
                spans.append((first, stop))
    return _merge_fragments(text, spans)


def _merge_fragments(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Glue a stray closing quote or a lone bracket onto the sentence before it."""
    merged: list[tuple[int, int]] = []
    for start, end in spans:
        piece = text[start:end]
        if merged and (len(piece) <= 2 or not any(ch.isalnum() for ch in piece)):
            merged[-1] = (merged[-1][0], end)
        else:
            merged.append((start, end))
    return merged


def split_clauses(text: str, start: int, end: int) -> tuple[tuple[int, int], ...]:
    """Clauses of one sentence where it joins two claims ("…; …", "… - …", "…, but …").

    Returns () when the sentence is one clause. A clause keeps its leading connective ("but",
    "because") so the seeder can read the relation from it.

    >>> t = "Sanctions hurt ordinary workers, but the regime grows richer."
    >>> [t[a:b] for a, b in split_clauses(t, 0, len(t))]
    ['Sanctions hurt ordinary workers', 'but the regime grows richer.']
    """
    pieces: list[tuple[int, int]] = []
    cursor = start
    for match in _CLAUSE_BREAK.finditer(text, start, end):
        left = (cursor, match.start())
        if (
            _words(text, *left) >= _MIN_CLAUSE_WORDS
            and _words(text, match.end(), end) >= _MIN_CLAUSE_WORDS
            and not _inside_quote_or_brackets(text, start, match.start())
        ):
            pieces.append(left)
            cursor = match.end()
    if not pieces:
        return ()
    pieces.append((cursor, end))
    return tuple((a, b) for a, b in pieces if b > a)


def _words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


def _inside_quote_or_brackets(text: str, start: int, position: int) -> bool:
    before = text[start:position]
    return before.count("(") > before.count(")") or before.count("“") > before.count("”")
