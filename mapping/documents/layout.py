"""Tell the blocks of an article apart: title, byline, headings, paragraphs, bullets, captions ...

Pasted web articles keep little markup, so the reader goes by what a human sees: a short line
without a full stop between blank lines is a heading, a line that repeats the one above with
"(Pic: …)" is a caption, "By X" is a byline, "Read More" drops the teaser above it. Markup that
is there counts first: "## Heading" and underlined headings (in .md and .txt alike), HTML tags.
"""

from __future__ import annotations

import re

from mapping.documents.bylines import is_name, parse_byline
from mapping.documents.headings import heading_span, is_underline, marked_level
from mapping.documents.lines import BULLET, DATE_ONLY, Line
from mapping.documents.records import Block

BOILERPLATE = re.compile(
    r"^(?:Downloading PDF\..*|This article is over .* old|Read More|Read more:?.*|Continue reading.*|"
    r"Sign up for .*|Make a donation.*|Help fund .*|Donate( now)?|Subscribe( now)?( to .*)?|"
    r"Issue \d+|ReplyDelete|Delete|Replies|Reply|Share( this( article)?)?( on .*)?|Tweet|"
    r"Please submit your comments below|Advertisement|Related( articles| posts)?:?|"
    r"Skip to (?:main )?content|Cookie(s| policy| settings).*|Accept( all)?( cookies)?|"
    r"Print( this)?|Email( this)?|Copy link|Loading\.\.\.|Back to top|Newer Post|Older Post|"
    r"Take action:.*|See (?:also )?[A-Z][^.!?]*|Posted in .*|Tags?: .*|Filed under:? .*|Follow us( on .*)?|\*\*\*|---+|___+|===+)\s*$",
    re.IGNORECASE,
)
_CAPTION = re.compile(
    r"\((?:Pic|Photo|Picture|Image|Credit|Source|Photograph)s?:[^)]*\)\s*$|^(?:Photo|Picture|Image):",
    re.IGNORECASE,
)
_NAME_LINE = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){0,3}$")
_TERMINAL = tuple('.!?:;,”"’)…')
_MD_HEADING = re.compile(r"^(#{1,6})\s+")
_MD_QUOTE = re.compile(r"^>\s?")


def group_lines(lines: list[Line], markdown: bool) -> list[list[Line]]:
    """Group non-blank lines into blocks: Markdown paragraphs, or hard-wrapped plain text."""
    lengths = sorted(len(line.text) for line in lines if line.text)
    width = lengths[int(len(lengths) * 0.95)] if lengths else 0
    wrapped = 40 <= width <= 100 and len(lengths) >= 4
    groups: list[list[Line]] = []
    current: list[Line] = []
    for line in lines:
        if not line.text:
            if current:
                groups.append(current)
            current = []
            continue
        if current and is_underline(line) and _underlined_heading(current, markdown):
            groups.append([*current, line])  # the underline ends the heading
            current = []
            continue
        if current and _joins(current[-1], line, markdown, wrapped, width):
            current.append(line)
            continue
        if current:
            groups.append(current)
        current = [line]
    if current:
        groups.append(current)
    return groups


def _underlined_heading(current: list[Line], markdown: bool) -> bool:
    """Whether an underline below ``current`` makes it a heading (Markdown's setext heading).

    In Markdown any paragraph can be underlined; plain text is stricter, because a row of
    dashes under a long paragraph there is a separator: only one short headline-like line.
    """
    first = current[0].text
    if BULLET.match(first) or _MD_QUOTE.match(first) or _MD_HEADING.match(first):
        return False
    return markdown or (len(current) == 1 and _headline(first, 100))


def _joins(previous: Line, line: Line, markdown: bool, wrapped: bool, width: int) -> bool:
    if BULLET.match(line.text) or _MD_HEADING.match(line.text) or _MD_HEADING.match(previous.text):
        return False
    if markdown:
        return bool(_MD_QUOTE.match(line.text)) == bool(_MD_QUOTE.match(previous.text))
    if line.text.startswith(previous.text):  # a caption repeating the line above
        return False
    return wrapped and len(previous.text) >= 0.6 * width and previous.text[-1] not in '.!?:”"'


def classify(
    text: str,
    groups: list[list[Line]],
    markdown: bool,
    hints: dict[int, str] | None = None,
    levels: dict[int, int] | None = None,
) -> tuple[list[Block], dict[str, str]]:
    """Blocks of the article part and the metadata found in them (title, subtitle, author, date).

    ``hints`` and ``levels`` come from HTML tags (kind and heading level by block offset); without
    them (.md and .txt) heading levels are read from the markup ("## …", underlines).
    """
    hints = hints or {}
    groups = _split_byline_lines(groups)
    if levels is None:
        marked = [marked_level(text, group) for group in groups]
    else:
        marked = [levels.get(group[0].start, 0) for group in groups]
    kinds: list[str] = []
    metadata: dict[str, str] = {}
    block_texts = [text[group[0].start : group[-1].end] for group in groups]
    # The words alone: a heading without its "#" marks or underline, other blocks as they are.
    words = [
        block_texts[i] if levels is not None else _span_text(text, heading_span(text, group))
        for i, group in enumerate(groups)
    ]
    for index, group in enumerate(groups):
        hint = hints.get(group[0].start)
        kinds.append(_first_guess(words[index], hint, markdown, metadata, marked[index]))

    for index, body in enumerate(block_texts):
        if kinds[index] != "boilerplate" and index + 1 < len(groups):
            nxt = block_texts[index + 1]
            if nxt.startswith(body) and _CAPTION.search(nxt):
                kinds[index] = "caption"
        if body.strip().lower() == "read more":
            # The teaser of a related article sits right above its "Read More" link.
            back = index - 1
            while back >= 0 and not _blank_between(
                text, groups[back][-1].end, groups[back + 1][0].start
            ):
                if kinds[back] in ("paragraph", "heading"):
                    kinds[back] = "boilerplate"
                back -= 1

    content = [
        i
        for i, kind in enumerate(kinds)
        if kind not in ("boilerplate", "byline", "date", "caption")
    ]
    # Title and subtitle: the first content blocks, if they read like headlines.
    if (
        "title" not in kinds
        and content
        and _headline(words[content[0]], 250, question=True)
        and not markdown
    ):
        kinds[content[0]] = "title"
    if "title" in kinds:
        title_index = kinds.index("title")
        metadata.setdefault("title", _clean(words[title_index]))
        following = [i for i in content if i > title_index]
        if (
            following
            and kinds[following[0]] in ("paragraph", "heading")
            and not marked[following[0]]
        ):
            candidate = block_texts[following[0]]
            if _headline(candidate, 320) and len(candidate.split()) >= 5 and not markdown:
                kinds[following[0]] = "subtitle"
                metadata["subtitle"] = _clean(candidate)
    # A name alone after the last paragraph signs the article (a marked heading never does).
    last = [i for i in content if kinds[i] in ("paragraph", "heading") and not marked[i]]
    if last and _NAME_LINE.match(block_texts[last[-1]].strip()) and last[-1] == content[-1]:
        kinds[last[-1]] = "signature"
        metadata.setdefault("author", block_texts[last[-1]].strip())
    # Remaining short standalone lines are headings; a block after "...:" is a quotation.
    for index, kind in enumerate(kinds):
        body = block_texts[index]
        if kind == "paragraph" and _headline(body, 100) and len(body.split()) <= 14:
            previous = _previous_content(kinds, index)
            if previous is None or not block_texts[previous].rstrip().endswith(":"):
                kinds[index] = "heading"
                continue
        if kind == "paragraph":
            previous = _previous_content(kinds, index)
            if previous is not None and kinds[previous] in ("paragraph", "quote"):
                before = block_texts[previous].rstrip()
                if (before.endswith(":") and kinds[previous] == "paragraph") or (
                    body[:1].islower() and not before.endswith(":")
                ):
                    kinds[index] = "quote"
    blocks = []
    for kind, group, level in zip(kinds, groups, marked, strict=True):
        start, end = group[0].start, group[-1].end
        if kind in ("title", "heading"):
            if levels is None:
                start, end = heading_span(text, group)
            blocks.append(Block(kind, start, end, level=level))
        else:
            blocks.append(Block(kind, start, end))
    return blocks, metadata


def _split_byline_lines(groups: list[list[Line]]) -> list[list[Line]]:
    """Byline and date lines run into the paragraph below them (Markdown joins lines without a
    blank between): give each its own block, so "By X" is never read as part of a claim."""
    result: list[list[Line]] = []
    for group in groups:
        if len(group) > 1 and parse_byline(group[0].text):
            while len(group) > 1 and (
                parse_byline(group[0].text) or DATE_ONLY.match(group[0].text)
            ):
                result.append([group[0]])
                group = group[1:]
        result.append(group)
    return result


def _first_guess(
    body: str, hint: str | None, markdown: bool, metadata: dict[str, str], level: int = 0
) -> str:
    """The kind a block has on its own; ``body`` is its text, a heading's without markup."""
    stripped = body.strip()
    if hint in ("heading", "byline", "paragraph", None):
        # A byline or a date set as a heading (an HTML <h3>, "## By …") is still metadata.
        byline = parse_byline(stripped)
        if byline:
            metadata.setdefault("author", byline.author)
            if byline.date:
                metadata.setdefault("date", byline.date)
            return "byline"
        date = DATE_ONLY.match(stripped)
        if date and hint != "byline":
            metadata.setdefault("date", date.group("date"))
            return "date"
        if hint == "byline":
            # A block the page marks as the byline, without "By": the name alone, if it is one.
            if is_name(stripped):
                metadata.setdefault("author", stripped)
            return "byline"
    if hint and hint != "paragraph":
        if hint == "title":
            metadata.setdefault("title", _clean(body))
        return hint
    if BOILERPLATE.match(stripped):
        return "boilerplate"
    if _CAPTION.search(stripped):
        return "caption"
    if level:
        if markdown and level == 1 and "title" not in metadata:
            metadata["title"] = _clean(stripped)
            return "title"
        return "heading"
    if markdown and _MD_QUOTE.match(stripped):
        return "quote"
    if BULLET.match(stripped) and len(stripped) > 2:
        return "bullet"
    return "paragraph"


def _headline(body: str, limit: int, question: bool = False) -> bool:
    stripped = body.strip().strip("*_#").strip()
    return (
        bool(stripped)
        and len(stripped) <= limit
        and "\n" not in stripped
        and (not stripped.endswith(_TERMINAL) or (question and stripped.endswith("?")))
        and (stripped[0].isupper() or stripped[0].isdigit() or stripped[0] in "“\"'‘")
    )


def _previous_content(kinds: list[str], index: int) -> int | None:
    for back in range(index - 1, -1, -1):
        if kinds[back] not in ("boilerplate", "caption"):
            return back
    return None


def _blank_between(text: str, start: int, end: int) -> bool:
    return text[start:end].count("\n") >= 2


def _span_text(text: str, span: tuple[int, int]) -> str:
    return text[span[0] : span[1]]


def _clean(body: str) -> str:
    return " ".join(body.strip().strip("#*_").split())
