"""Plain text out of an HTML page, without its navigation, scripts, sidebars and footers.

The standard library's HTMLParser is enough here: the layout roles come from the tags (h1, li,
blockquote, figcaption), and what to drop comes from the tag and its class/id names. A
readability library would guess the same from the same signals, with a dependency to keep.
The extracted text, one block per paragraph with blank lines between, becomes `Document.text`.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

_DROP_TAGS = {
    "script", "style", "nav", "aside", "form", "noscript", "svg", "iframe", "button", "menu",
    "template", "select", "head", "canvas", "video", "audio",
}  # fmt: skip
_DROP_UNLESS_CONTENT = {"header", "footer"}  # site chrome, unless inside the article or a comment
_DROP_CLASS = re.compile(
    r"(?:^|[\s_-])(?:nav|navbar|menu|sidebar|share|sharing|social|cookie|advert|ads?|promo|"
    r"related|newsletter|subscribe|breadcrumbs?|skip-link|site-footer|site-header|popup|"
    r"reply-link|comment-reply-link|screen-reader-text)(?:$|[\s_-])",
    re.IGNORECASE,
)
_BLOCK_TAGS = {
    "p", "div", "section", "article", "main", "li", "blockquote", "figcaption", "pre", "h1", "h2",
    "h3", "h4", "h5", "h6", "td", "dt", "dd", "address", "header", "footer", "figure", "ol", "ul",
    "table", "tr", "time",
}  # fmt: skip
_HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
#: Class names of the element holding an article's byline (not a comment's author line).
_BYLINE_CLASS = re.compile(
    r"(?:^|\s)(?:byline|author|post-author|entry-author|article-author|author-name)(?:$|\s)",
    re.IGNORECASE,
)
_VOID = {"br", "img", "hr", "meta", "link", "input", "source", "wbr", "area", "base", "col"}


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hints: dict[int, str] = {}
        self.levels: dict[int, int] = {}
        self.current_level = 0
        self.metadata: dict[str, str] = {}
        self.stack: list[tuple[str, bool]] = []  # (tag, dropped)
        self.drop_depth = 0
        self.current: list[str] = []
        self.current_kind = "paragraph"
        self.list_depth = 0
        self.comment_depth = 0
        self.in_content = 0
        self.in_title = False
        self.title_tag = ""
        self.seen_h1 = False
        self.length = 0

    # -- tags -----------------------------------------------------------------------------
    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        attributes = {name: value or "" for name, value in attrs}
        if tag == "meta":
            self._meta(attributes)
            return
        if tag == "title":
            self.in_title = True
            return
        if tag in _VOID:
            if tag == "br" and not self.drop_depth:
                self.current.append("\n")
            return
        names = f"{attributes.get('class', '')} {attributes.get('id', '')}"
        is_comment = bool(
            re.search(r"(?:^|\s)(?:comment|comments|comment-list|children)(?:$|\s)", names)
        )
        dropped = (
            tag in _DROP_TAGS
            or (tag in _DROP_UNLESS_CONTENT and not self.in_content and not self.comment_depth)
            or (bool(_DROP_CLASS.search(names)) and not is_comment)
            or attributes.get("aria-hidden") == "true"
            or attributes.get("role") in ("navigation", "banner", "contentinfo", "complementary")
        )
        self.stack.append((tag, dropped, is_comment))
        if dropped:
            self.drop_depth += 1
            return
        if self.drop_depth:
            return
        if tag in ("article", "main"):
            self.in_content += 1
        if is_comment and tag in ("ol", "ul", "li", "div", "article", "section"):
            self.comment_depth += 1
        if tag in ("ul", "ol"):
            self.list_depth += 1
        if tag == "time" and attributes.get("datetime"):
            self.metadata.setdefault("date", attributes["datetime"])
        if tag in _BLOCK_TAGS:
            self._flush()
            self.current_kind = {
                "h1": "title" if not self.seen_h1 else "heading",
                "h2": "heading", "h3": "heading", "h4": "heading", "h5": "heading", "h6": "heading",
                "blockquote": "quote", "figcaption": "caption", "li": "bullet",
            }.get(tag, "paragraph")  # fmt: skip
            self.current_level = int(tag[1]) if tag in _HEADINGS else 0
            if _BYLINE_CLASS.search(names) and not self.comment_depth and tag not in _HEADINGS:
                self.current_kind = "byline"
            if tag == "h1":
                self.seen_h1 = True
            if tag == "li" and not self.comment_depth:
                self.current.append("• ")
        elif (
            (_BYLINE_CLASS.search(names) or attributes.get("rel") == "author")
            and self.current_kind == "paragraph"
            and not self.comment_depth
        ):
            self.current_kind = "byline"  # <span class="author"> inside the paragraph

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
            return
        if tag in _VOID:
            return
        # pop to the matching tag; browsers forgive unclosed tags, so do we
        for index in range(len(self.stack) - 1, -1, -1):
            if self.stack[index][0] == tag:
                for open_tag, dropped, is_comment in reversed(self.stack[index:]):
                    self._close(open_tag, dropped, is_comment)
                del self.stack[index:]
                return

    def _close(self, tag: str, dropped: bool, is_comment: bool) -> None:
        if dropped:
            self.drop_depth -= 1
            return
        if self.drop_depth:
            return
        if tag in _BLOCK_TAGS:
            self._flush()
        if tag in ("article", "main"):
            self.in_content -= 1
        if is_comment and tag in ("ol", "ul", "li", "div", "article", "section"):
            self.comment_depth -= 1
        if tag in ("ul", "ol"):
            self.list_depth -= 1

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title_tag += data
            return
        if self.drop_depth:
            return
        self.current.append(data)

    # -- output ---------------------------------------------------------------------------
    def _flush(self) -> None:
        raw = "".join(self.current)
        self.current = []
        lines = [" ".join(line.split()) for line in raw.split("\n")]
        body = "\n".join(line for line in lines if line)
        if not body or body == "•":
            return
        indent = "    " * max(0, self.comment_depth - 2) if self.comment_depth else ""
        body = "\n".join(indent + line for line in body.split("\n"))
        if self.parts:
            self.parts.append("\n\n")
            self.length += 2
        self.hints[self.length + len(indent)] = self.current_kind
        if self.current_level:
            self.levels[self.length + len(indent)] = self.current_level
        if self.current_kind == "title":
            self.metadata.setdefault("title", body.strip())
        self.parts.append(body)
        self.length += len(body)
        self.current_kind = "paragraph"
        self.current_level = 0

    def _meta(self, attributes: dict[str, str]) -> None:
        key = (attributes.get("name") or attributes.get("property") or "").lower()
        content = attributes.get("content", "").strip()
        if not content:
            return
        if key in ("author", "article:author"):
            self.metadata.setdefault("author", content)
        elif key in ("article:published_time", "date", "dc.date"):
            self.metadata.setdefault("date", content)
        elif key in ("og:title",):
            self.metadata.setdefault("page_title", content)


def extract_html(source: str) -> tuple[str, dict[int, str], dict[str, str], dict[int, int]]:
    """(plain text, {offset of a block: its kind}, metadata, {offset of a heading: its level})."""
    parser = _Extractor()
    parser.feed(source)
    parser.close()
    parser._flush()
    metadata = dict(parser.metadata)
    if "title" not in metadata and parser.title_tag.strip():
        metadata["title"] = re.split(r"\s+[|–—-]\s+", parser.title_tag.strip())[0]
    return "".join(parser.parts), parser.hints, metadata, parser.levels
