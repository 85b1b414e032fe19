"""Front matter: the YAML block between two ``---`` lines at the top of a blog's Markdown post.

Static-site generators (Jekyll, Hugo, Eleventy, Pelican's Markdown reader) keep a post's title,
author and date there, so it is the most reliable place to find them. The block itself is not
part of the article: it gives metadata and no sentences.
"""

from __future__ import annotations

import re
from datetime import date, datetime

from mapping.documents.lines import Line

_OPEN = "---"
_CLOSE = ("---", "...")
_AUTHOR_KEYS = ("author", "authors", "byline", "creator")
_DATE_KEYS = ("date", "published", "pubdate", "publishdate", "created")
_MAX_LINES = 200
"""A document's front matter is short; an opening ``---`` with no close this near is a rule."""
_YAML_LINE = re.compile(r"[A-Za-z_][\w .-]*:(?:\s|$)|- |#")
"""How each unindented line of front matter starts: a key, a list item or a comment. An
article that merely opens with a horizontal rule has prose there and is left alone."""


def read_front_matter(lines: list[Line], name: str) -> tuple[dict[str, str], int, list[str]]:
    """(metadata, how many of ``lines`` the block takes, warnings) for a Markdown document.

    ``lines`` are the document's lines from :func:`split_lines`; with no front matter the
    result is ``({}, 0, [])``. A block that is not valid YAML still ends the metadata (it
    is clearly not prose) and gives a warning naming the line.

    >>> from mapping.documents.lines import split_lines
    >>> text = '---\\ntitle: "Rents: who pays?"\\nauthor: [Ann Lee, Bo Ek]\\ndate: 2024-05-03\\n---\\nHi.'
    >>> read_front_matter(split_lines(text), "post.md")
    ({'title': 'Rents: who pays?', 'author': 'Ann Lee and Bo Ek', 'date': '2024-05-03'}, 5, [])
    """
    if not lines or lines[0].text != _OPEN or lines[0].indent:
        return {}, 0, []
    ends = (i for i, line in enumerate(lines[1:_MAX_LINES], 1) if line.text in _CLOSE)
    close = next((i for i in ends if not lines[i].indent), None)
    if close is None or close == 1:
        return {}, 0, []
    if not all(
        _YAML_LINE.match(line.text) for line in lines[1:close] if line.text and not line.indent
    ):
        return {}, 0, []
    import yaml  # lazily: only Markdown with front matter needs it

    source = "\n".join(_line_text(line) for line in lines[1:close])
    try:
        data = yaml.safe_load(source)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 2}" if mark is not None else f"lines 2-{close}"
        problem = getattr(exc, "problem", None) or "not valid YAML"
        return {}, close + 1, [f"{name}, {where}: front matter ignored ({problem})"]
    if not isinstance(data, dict):
        where = f"lines 2-{close}"
        return {}, close + 1, [f"{name}, {where}: front matter ignored (not key: value pairs)"]
    keys = {str(key).strip().lower(): value for key, value in data.items()}
    metadata: dict[str, str] = {}
    if title := _text(keys.get("title")):
        metadata["title"] = title
    for key in _AUTHOR_KEYS:
        if author := _names(keys.get(key)):
            metadata["author"] = author
            break
    for key in _DATE_KEYS:
        if when := _date(keys.get(key)):
            metadata["date"] = when
            break
    return metadata, close + 1, []


def _line_text(line: Line) -> str:
    """The line as written, its indent kept (YAML nests by indentation)."""
    return " " * line.indent + line.text


def _text(value: object) -> str:
    if isinstance(value, str | int | float) and not isinstance(value, bool):
        return re.sub(r"\s+", " ", str(value)).strip()
    return ""


def _names(value: object) -> str:
    """One name, a list of names, or a list of ``{name: ...}`` records, as one byline."""
    if isinstance(value, dict):
        value = value.get("name")
    if isinstance(value, list):
        names = [name for name in (_names(item) for item in value) if name]
        if len(names) > 1:
            return ", ".join(names[:-1]) + " and " + names[-1]
        return names[0] if names else ""
    return _text(value)


def _date(value: object) -> str:
    """YAML reads ``2024-05-03`` as a date (and with a time as a datetime): back to text."""
    if isinstance(value, datetime):
        return value.isoformat(sep=" ", timespec="minutes")
    if isinstance(value, date):
        return value.isoformat()
    return _text(value)
