"""Argdown text → statements, arguments and relations, the way ``@argdown/cli`` 1.7.5 reads it.

Argdown's meaning depends on details of its reference lexer (which token wins at a line start,
when an indentation opens or closes, when a newline continues a statement), so this module follows
that lexer's rules token by token rather than approximating them with line-based regexes. The
result is checked against the reference parser's JSON for every example in the shared corpora.

Three stages, each plain Python with no model dependency:

- :func:`tokenize` turns text into tokens (with virtual Indent/Dedent tokens for relation trees);
- :class:`_Parser` builds a tree of :class:`Rule` nodes (recursive descent over the same grammar);
- :class:`_ModelBuilder` walks the tree and collects equivalence classes, arguments, relations
  and sections (:class:`ArgdownModel`).

Errors are :class:`ArgdownSyntaxError` with a 1-based line and column.

Argdown has no grammar document besides its reference implementation, so the token patterns here
follow those of ``@argdown/core`` 1.7.5 (MIT licence, copyright 2017 Christian Voigt), quirks
included, so that a file splits into the same tokens; the lexer, parser and model builder around
them are written for this project.
"""

from __future__ import annotations

import bisect
import datetime
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

# --------------------------------------------------------------------------- errors


class ArgdownSyntaxError(Exception):
    """The text is not Argdown the reference parser accepts; ``line``/``column`` are 1-based."""

    def __init__(self, message: str, line: int, column: int) -> None:
        super().__init__(f"{line}:{column}: {message}")
        self.message = message
        self.line = line
        self.column = column


# --------------------------------------------------------------------------- tokens

EMPTYLINE = "Emptyline"
NEWLINE = "Newline"
INDENT = "Indent"
DEDENT = "Dedent"
EOF = "EOF"
COMMENT = "Comment"
SPACES = "Spaces"
FRONT_MATTER = "FrontMatter"
DATA = "Data"
LIST_DELIMITER = "ListDelimiter"
INFERENCE_START = "InferenceStart"
INFERENCE_END = "InferenceEnd"
INCOMING_SUPPORT = "IncomingSupport"
INCOMING_ATTACK = "IncomingAttack"
OUTGOING_SUPPORT = "OutgoingSupport"
OUTGOING_ATTACK = "OutgoingAttack"
CONTRADICTION = "Contradiction"
INCOMING_UNDERCUT = "IncomingUndercut"
OUTGOING_UNDERCUT = "OutgoingUndercut"
HEADING_START = "HeadingStart"
STATEMENT_NUMBER = "StatementNumber"
ORDERED_LIST_ITEM = "OrderedListItem"
UNORDERED_LIST_ITEM = "UnorderedListItem"
ASTERISK_BOLD_END = "AsteriskBoldEnd"
UNDERSCORE_BOLD_END = "UnderscoreBoldEnd"
ASTERISK_ITALIC_END = "AsteriskItalicEnd"
UNDERSCORE_ITALIC_END = "UnderscoreItalicEnd"
ASTERISK_BOLD_START = "AsteriskBoldStart"
UNDERSCORE_BOLD_START = "UnderscoreBoldStart"
ASTERISK_ITALIC_START = "AsteriskItalicStart"
UNDERSCORE_ITALIC_START = "UnderscoreItalicStart"
LINK = "Link"
TAG = "Tag"
STATEMENT_DEFINITION = "StatementDefinition"
STATEMENT_REFERENCE = "StatementReference"
STATEMENT_MENTION = "StatementMention"
ARGUMENT_DEFINITION = "ArgumentDefinition"
ARGUMENT_REFERENCE = "ArgumentReference"
ARGUMENT_MENTION = "ArgumentMention"
ESCAPED_CHAR = "EscapedChar"
SPECIAL_CHAR = "SpecialChar"
FREESTYLE = "Freestyle"
UNUSED_CONTROL_CHAR = "UnusedControlChar"

RELATION_TOKENS = (
    INCOMING_SUPPORT,
    INCOMING_ATTACK,
    OUTGOING_SUPPORT,
    OUTGOING_ATTACK,
    CONTRADICTION,
    INCOMING_UNDERCUT,
    OUTGOING_UNDERCUT,
)
_LABELS = {
    INCOMING_SUPPORT: "+>",
    INCOMING_ATTACK: "->",
    OUTGOING_SUPPORT: "<+ or +",
    OUTGOING_ATTACK: "<- or -",
    CONTRADICTION: "><",
    INCOMING_UNDERCUT: "_>",
    OUTGOING_UNDERCUT: "<_ or _",
    EOF: "the end of the file",
    EMPTYLINE: "an empty line",
    NEWLINE: "a line break",
    INFERENCE_END: "-- (end of the inference line)",
    DEDENT: "the end of an indented block",
}

# JavaScript's "." does not match any line terminator; Python's only excludes "\n".
_DOT = r"[^\n\r\u2028\u2029]"
_LINEBREAK = re.compile(r"\r\n|\n|\r")


@dataclass(slots=True)
class Token:
    type: str
    image: str
    start: int
    """Offset of the first character; virtual Indent/Dedent tokens carry their own position."""
    end: int
    line: int = 0
    column: int = 0
    end_line: int = 0
    end_column: int = 0


class _Lines:
    """Offset → (line, column), counting ``\\r\\n``, ``\\n`` and ``\\r`` as one break each."""

    def __init__(self, text: str) -> None:
        self.starts = [0] + [m.end() for m in _LINEBREAK.finditer(text)]

    def position(self, offset: int) -> tuple[int, int]:
        index = bisect.bisect_right(self.starts, offset) - 1
        return index + 1, offset - self.starts[index] + 1


def _regex(pattern: str) -> Any:
    """A matcher for a plain token pattern, stored on the lexer class as a static method."""
    compiled = re.compile(pattern)

    def match(text: str, offset: int) -> int | None:
        found = compiled.match(text, offset)
        return found.end() if found else None

    return staticmethod(match)


class _Lexer:
    """The reference lexer's rules: first matching token wins, in a fixed order, with state."""

    _COMMENT_BODY = r"(?:<!--[\s\S]*?-->|/\*[\s\S]*?\*/|//" + _DOT + r"*?(?=\r\n|\n|\r))"
    _comment_plain = re.compile(_COMMENT_BODY)
    _comment_all_breaks = re.compile(_COMMENT_BODY + r"(?:[ \t]*\r\n|\n|\r)*")
    _comment_one_break = re.compile(
        _COMMENT_BODY + r"(?:[ \t]*(?:\r\n|\n|\r)(?![ \t]*(?:\r\n|\n|\r)))?"
    )
    _front_matter = _regex(r"===+[\s\S]*?===+")
    _data = _regex(r"\{(?:(?!\}\s[^,}])(?:" + _DOT + r"|\n))*\}(?!\s*(?:,|\}))")
    _escaped = _regex(r"\\" + _DOT + r"(?: )*")
    _special = _regex(r"(?:\.[^\s]+?\.[ \t]?)|(?::[^\s]+?:[ \t]?)")
    _emptyline = re.compile(r"(?:[ \t]*(?:\r\n|\n)){2,}")
    _newline = _regex(r"[ \t]*(?:\r\n|\n|\r)")
    _inference_start = re.compile(r"[ \t]*-{2}")
    _relations = (
        (INCOMING_SUPPORT, re.compile(r"([ \t]*)(\+>)")),
        (INCOMING_ATTACK, re.compile(r"([ \t]*)(->)")),
        (OUTGOING_SUPPORT, re.compile(r"([ \t]*)(<?\+)")),
        (OUTGOING_ATTACK, re.compile(r"([ \t]*)(<?-)")),
        (CONTRADICTION, re.compile(r"([ \t]*)(><)")),
        (INCOMING_UNDERCUT, re.compile(r"([ \t]*)(_>)")),
        (OUTGOING_UNDERCUT, re.compile(r"([ \t]*)(<_|(?:_(?=\s)))")),
    )
    _heading = re.compile(r"(#+) ")
    _statement_number = re.compile(r"[ \t]*\(\d+\)")
    _ordered_item = re.compile(r"([ \t]*)\d+\.(?=\s)")
    _unordered_item = re.compile(r"([ \t]*)\*(?=\s)")
    _range_end = r"(?:[ \t]|(?=\n|\r|\)|\}|_|\.|,|!|\?|;|:|-|\*|$))"
    _ranges = (
        (ASTERISK_BOLD_END, "AsteriskBold", re.compile(r"\*\*" + _range_end), True),
        (UNDERSCORE_BOLD_END, "UnderscoreBold", re.compile(r"__" + _range_end), True),
        (ASTERISK_ITALIC_END, "AsteriskItalic", re.compile(r"\*" + _range_end), True),
        (UNDERSCORE_ITALIC_END, "UnderscoreItalic", re.compile(r"_" + _range_end), True),
        (ASTERISK_BOLD_START, "AsteriskBold", re.compile(r"\*\*(?!\s)"), False),
        (UNDERSCORE_BOLD_START, "UnderscoreBold", re.compile(r"__(?!\s)"), False),
        (ASTERISK_ITALIC_START, "AsteriskItalic", re.compile(r"\*(?!\s)"), False),
        (UNDERSCORE_ITALIC_START, "UnderscoreItalic", re.compile(r"_(?!\s)"), False),
    )
    _link = _regex(r"\[[^\]]+?\]\([^)]+?\)[ \t]?")
    _tag = _regex(r"#(?:\([^)]+\)|[a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)[ \t]?")
    _statement_definition = _regex(r"\[" + _DOT + r"+?\]:")
    _statement_reference = _regex(r"\[[^-]" + _DOT + r"*?\]")
    _statement_mention = _regex(r"@\[" + _DOT + r"+?\][ \t]?")
    _argument_definition = _regex(r"<" + _DOT + r"+?>:")
    _argument_reference = _regex(r"<[^-]" + _DOT + r"*?>")
    _argument_mention = _regex(r"@<" + _DOT + r"+?>[ \t]?")
    _spaces = _regex(r"[ \t]+")
    _freestyle = _regex(r"[^\\@#*_\[\],.:</>(){}\r\n;-]+")
    _unused = _regex(r"[@#*_\[\],.:</>(){};-][ \t]?")
    _inference_end = _regex(r"-{2,}")
    _list_delimiter = _regex(r",")

    def __init__(self, text: str) -> None:
        self.text = text
        self.lines = _Lines(text)
        self.tokens: list[Token] = []
        self.indent_stack = [0]
        self.ranges_stack: list[str] = []
        self.inference_mode = False

    # -- helpers mirroring the reference lexer's state checks
    def _last(self) -> Token | None:
        return self.tokens[-1] if self.tokens else None

    def _last_is(self, *types: str) -> bool:
        last = self._last()
        return last is not None and last.type in types

    def _at_line_start(self, *, after_emptyline: bool = True) -> bool:
        if not self.tokens:
            return True
        return self._last_is(NEWLINE, EMPTYLINE) if after_emptyline else self._last_is(NEWLINE)

    def _current_line(self) -> int:
        last = self._last()
        if last is None:
            return 1
        return last.end_line + 1 if last.type in (EMPTYLINE, NEWLINE) else last.end_line

    def _virtual(self, kind: str, line: int, column: int, offset: int) -> None:
        self.tokens.append(Token(kind, "", offset, offset, line, column, line, column))

    def _dedent_all(self) -> None:
        if len(self.indent_stack) <= 1:
            return
        last = self._last()
        line = self._current_line()
        column = last.end_column if last else 0
        offset = last.end if last else 0
        while len(self.indent_stack) > 1:
            self._virtual(DEDENT, line, column, offset)
            self.indent_stack.pop()

    def _indent_or_dedent(self, indentation: str) -> None:
        level = len(indentation)
        line = self._current_line()
        offset = self._last().end if self.tokens else 0
        if level > self.indent_stack[-1]:
            self.indent_stack.append(level)
            self._virtual(INDENT, line, 1, offset)
        else:
            while len(self.indent_stack) > 1 and level < self.indent_stack[-1]:
                self.indent_stack.pop()
                self._virtual(DEDENT, line, 1, offset)

    # -- the token rules, each returning the end offset of its match or None
    def _match_comment(self, offset: int) -> int | None:
        if self._last_is(EMPTYLINE):
            pattern = self._comment_all_breaks
        elif self._last_is(NEWLINE):
            pattern = self._comment_one_break
        else:
            pattern = self._comment_plain
        found = pattern.match(self.text, offset)
        return found.end() if found else None

    def _match_emptyline(self, offset: int) -> int | None:
        if self._last_is(EMPTYLINE):
            return None
        found = self._emptyline.match(self.text, offset)
        if found is None:
            return None
        if found.end() < len(self.text):
            self._dedent_all()
        return found.end()

    def _match_pcs_line(
        self, pattern: re.Pattern[str], offset: int, *, after_emptyline: bool = True
    ) -> int | None:
        """A ``(1)`` or ``--`` at a line start: a premise–conclusion line ends any relation tree."""
        if not self._at_line_start(after_emptyline=after_emptyline):
            return None
        found = pattern.match(self.text, offset)
        if found is None:
            return None
        self._dedent_all()
        return found.end()

    def _match_relation(self, pattern: re.Pattern[str], offset: int) -> int | None:
        if not self._at_line_start():
            return None
        found = pattern.match(self.text, offset)
        if found is None:
            return None
        self._indent_or_dedent(found.group(1))
        return found.end()

    def _match_heading(self, offset: int) -> int | None:
        if not self._at_line_start():
            return None
        found = self._heading.match(self.text, offset)
        return found.end() if found else None

    def _match_list_item(self, pattern: re.Pattern[str], offset: int) -> int | None:
        if not self._at_line_start():
            return None
        found = pattern.match(self.text, offset)
        if found is None:
            return None
        # Lists may start at column 1, so one space is added before comparing indentation.
        self._indent_or_dedent(found.group(1) + " ")
        return found.end()

    def _match_range(self, name: str, pattern: re.Pattern[str], is_end: bool, offset: int) -> int | None:  # fmt: skip
        if is_end:
            if not self.ranges_stack or self.ranges_stack[-1] != name:
                return None
            # The reference also means to refuse an end right after skipped spaces, but its
            # lexer never records skipped tokens, so that check has no effect there either.
            if self._last() is None:
                return None
            found = pattern.match(self.text, offset)
            if found is None:
                return None
            self.ranges_stack.pop()
            return found.end()
        found = pattern.match(self.text, offset)
        if found is None:
            return None
        self.ranges_stack.append(name)
        return found.end()

    def _build_inference_rules(self) -> None:
        text = self.text
        self._inference_rules = [
            (COMMENT, self._match_comment),
            (NEWLINE, lambda o: self._newline(text, o)),
            (ESCAPED_CHAR, lambda o: self._escaped(text, o)),
            (SPECIAL_CHAR, lambda o: self._special(text, o)),
            (INFERENCE_END, lambda o: self._inference_end(text, o)),
            (DATA, lambda o: self._data(text, o)),
            (LIST_DELIMITER, lambda o: self._list_delimiter(text, o)),
            (SPACES, lambda o: self._spaces(text, o)),
            (FREESTYLE, lambda o: self._freestyle(text, o)),
            (UNUSED_CONTROL_CHAR, lambda o: self._unused(text, o)),
        ]

    def _build_default_rules(self) -> None:
        text = self.text
        rules: list[tuple[str, Callable[[int], int | None]]] = [
            (COMMENT, self._match_comment),
            (FRONT_MATTER, lambda o: self._front_matter(text, o)),
            (DATA, lambda o: self._data(text, o)),
            (ESCAPED_CHAR, lambda o: self._escaped(text, o)),
            (SPECIAL_CHAR, lambda o: self._special(text, o)),
            (EMPTYLINE, self._match_emptyline),
            (NEWLINE, lambda o: self._newline(text, o)),
            (
                INFERENCE_START,
                lambda o: self._match_pcs_line(self._inference_start, o, after_emptyline=False),
            ),
        ]
        for kind, pattern in self._relations:
            rules.append((kind, lambda o, p=pattern: self._match_relation(p, o)))
        rules += [
            (HEADING_START, self._match_heading),
            (STATEMENT_NUMBER, lambda o: self._match_pcs_line(self._statement_number, o)),
            (ORDERED_LIST_ITEM, lambda o: self._match_list_item(self._ordered_item, o)),
            (UNORDERED_LIST_ITEM, lambda o: self._match_list_item(self._unordered_item, o)),
        ]
        for kind, name, pattern, is_end in self._ranges:
            rules.append(
                (kind, lambda o, n=name, p=pattern, e=is_end: self._match_range(n, p, e, o))
            )
        rules += [
            (LINK, lambda o: self._link(text, o)),
            (TAG, lambda o: self._tag(text, o)),
            (STATEMENT_DEFINITION, lambda o: self._statement_definition(text, o)),
            (STATEMENT_REFERENCE, lambda o: self._statement_reference(text, o)),
            (STATEMENT_MENTION, lambda o: self._statement_mention(text, o)),
            (ARGUMENT_DEFINITION, lambda o: self._argument_definition(text, o)),
            (ARGUMENT_REFERENCE, lambda o: self._argument_reference(text, o)),
            (ARGUMENT_MENTION, lambda o: self._argument_mention(text, o)),
            (SPACES, lambda o: self._spaces(text, o)),
            (FREESTYLE, lambda o: self._freestyle(text, o)),
            (UNUSED_CONTROL_CHAR, lambda o: self._unused(text, o)),
        ]
        self._default_rules = rules

    def run(self) -> list[Token]:
        self._build_default_rules()
        self._build_inference_rules()
        text = self.text
        offset = 0
        while offset < len(text):
            rules = self._inference_rules if self.inference_mode else self._default_rules
            kind = ""
            end = None
            for candidate, rule in rules:
                end = rule(offset)
                if end is not None and end > offset:
                    kind = candidate
                    break
            else:
                line, column = self.lines.position(offset)
                raise ArgdownSyntaxError(f"unexpected character {text[offset]!r}", line, column)
            if kind not in (COMMENT, SPACES):  # skipped: they separate, nothing more
                line, column = self.lines.position(offset)
                end_line, end_column = self.lines.position(end - 1)
                self.tokens.append(
                    Token(kind, text[offset:end], offset, end, line, column, end_line, end_column)
                )
                if kind == INFERENCE_START:
                    self.inference_mode = True
                elif kind == INFERENCE_END:
                    self.inference_mode = False
            offset = end
        if self._last_is(EMPTYLINE):
            self.tokens.pop()  # a trailing empty line ends nothing
        self._dedent_all()
        return self.tokens


def is_data_token(text: str) -> bool:
    """Whether all of ``text`` reads as one ``{…}`` data token (what an exporter may write)."""
    return _Lexer._data(text, 0) == len(text)


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text`` (comments and spaces dropped, Indent/Dedent added)."""
    return _Lexer(text).run()


# --------------------------------------------------------------------------- grammar


@dataclass(eq=False)
class Rule:
    """A grammar rule's match: its name and its children (rules and tokens) in text order."""

    name: str
    children: list[Rule | Token] = field(default_factory=list)
    line: int = 0
    column: int = 0
    # Filled in while building the model:
    data: Any = None
    statement: Statement | None = None
    argument: Argument | None = None
    inference: Inference | None = None
    relation: Relation | None = None


_CONTENT_TOKENS = frozenset(
    {
        FREESTYLE,
        UNUSED_CONTROL_CHAR,
        ESCAPED_CHAR,
        SPECIAL_CHAR,
        LINK,
        UNDERSCORE_BOLD_START,
        ASTERISK_BOLD_START,
        UNDERSCORE_ITALIC_START,
        ASTERISK_ITALIC_START,
        TAG,
        ARGUMENT_MENTION,
        STATEMENT_MENTION,
        NEWLINE,
    }
)
_FREESTYLE_TOKENS = frozenset({FREESTYLE, UNUSED_CONTROL_CHAR, ESCAPED_CHAR, SPECIAL_CHAR})
_STATEMENT_START = _CONTENT_TOKENS | {STATEMENT_REFERENCE, STATEMENT_DEFINITION}
_ARGUMENT_START = frozenset({ARGUMENT_DEFINITION, ARGUMENT_REFERENCE})
_RANGE_ENDS = {
    UNDERSCORE_BOLD_START: UNDERSCORE_BOLD_END,
    ASTERISK_BOLD_START: ASTERISK_BOLD_END,
    UNDERSCORE_ITALIC_START: UNDERSCORE_ITALIC_END,
    ASTERISK_ITALIC_START: ASTERISK_ITALIC_END,
}


class _Parser:
    """Recursive descent over the reference grammar; stops at the first syntax error."""

    def __init__(self, tokens: list[Token], lines: _Lines, text_length: int) -> None:
        # Like the reference, an error at the end of the text is reported at the last token.
        last = tokens[-1] if tokens else None
        line, column = (last.line, last.column) if last else (1, 1)
        self.tokens = [*tokens, Token(EOF, "", text_length, text_length, line, column)]
        self.position = 0

    # -- token access
    def peek(self, ahead: int = 0) -> Token:
        index = min(self.position + ahead, len(self.tokens) - 1)
        return self.tokens[index]

    def at(self, *types: str) -> bool:
        return self.peek().type in types

    def consume(self, kind: str) -> Token:
        token = self.peek()
        if token.type != kind:
            self.fail(f"expected {_LABELS.get(kind, kind)}")
        self.position += 1
        return token

    def fail(self, expected: str) -> None:
        token = self.peek()
        found = _LABELS.get(token.type) if token.type in (EOF, DEDENT, INDENT) else None
        found = found or repr(token.image.strip() or token.image)
        raise ArgdownSyntaxError(f"{expected}, but found {found}", token.line, token.column)

    def rule(self, name: str) -> Rule:
        token = self.peek()
        return Rule(name, [], token.line, token.column)

    # -- rules
    def argdown(self) -> Rule:
        node = self.rule("argdown")
        if self.at(NEWLINE):
            self.position += 1
        if self.at(EMPTYLINE):
            self.position += 1
        if self.at(FRONT_MATTER):
            node.children.append(self.consume(FRONT_MATTER))
            if self.at(NEWLINE):
                self.position += 1
            node.children.append(self.consume(EMPTYLINE))
        node.children.append(self.top_level_element())
        while self.at(EMPTYLINE):
            node.children.append(self.consume(EMPTYLINE))
            node.children.append(self.top_level_element())
        if not self.at(EOF):
            self.fail("expected an empty line or the end of the file")
        return node

    def top_level_element(self) -> Rule:
        kind = self.peek().type
        if kind == HEADING_START:
            return self.heading()
        if kind in _STATEMENT_START:
            return self.statement()
        if kind == STATEMENT_NUMBER:
            return self.pcs()
        if kind in _ARGUMENT_START:
            return self.argument()
        if kind == INDENT and self.peek(1).type == ORDERED_LIST_ITEM:
            return self.list_("orderedList", ORDERED_LIST_ITEM)
        if kind == INDENT and self.peek(1).type == UNORDERED_LIST_ITEM:
            return self.list_("unorderedList", UNORDERED_LIST_ITEM)
        relation = self.peek(1) if kind == INDENT else self.peek()
        if relation.type in RELATION_TOKENS:
            token = self.peek()
            raise ArgdownSyntaxError(
                "a paragraph may not start with a relation: remove the empty line above it, "
                "or start the paragraph with a statement or an argument",
                token.line,
                token.column,
            )
        self.fail("expected a statement, an argument, a heading, a list or (1) a premise")
        raise AssertionError  # unreachable; fail() raises

    def heading(self) -> Rule:
        node = self.rule("heading")
        node.children.append(self.consume(HEADING_START))
        node.children.append(self.statement_content())
        while self.at(*_CONTENT_TOKENS):
            node.children.append(self.statement_content())
        if self.at(NEWLINE) and self.peek(1).type == DATA:
            node.children.append(self.consume(NEWLINE))
        self._data(node)
        return node

    def pcs(self) -> Rule:
        node = self.rule("pcs")
        node.children.append(self.pcs_statement())
        node.children.append(self.pcs_tail())
        while self.at(STATEMENT_NUMBER, INFERENCE_START):
            node.children.append(self.pcs_tail())
        return node

    def pcs_tail(self) -> Rule:
        node = self.rule("pcsTail")
        while self.at(STATEMENT_NUMBER):
            node.children.append(self.pcs_statement())
        node.children.append(self.inference())
        node.children.append(self.pcs_statement())
        return node

    def pcs_statement(self) -> Rule:
        node = self.rule("pcsStatement")
        node.children.append(self.consume(STATEMENT_NUMBER))
        node.children.append(self.statement())
        return node

    def inference(self) -> Rule:
        node = self.rule("inference")
        node.children.append(self.consume(INFERENCE_START))
        if self.at(*_FREESTYLE_TOKENS) or (
            self.at(NEWLINE) and self.peek(1).type in _FREESTYLE_TOKENS
        ):
            if self.at(NEWLINE):
                node.children.append(self.consume(NEWLINE))
            node.children.append(self.inference_rules())
        if self.at(NEWLINE):
            node.children.append(self.consume(NEWLINE))
        self._data(node)
        node.children.append(self.consume(INFERENCE_END))
        node.children.append(self.consume(NEWLINE))
        if self.at(INDENT):
            node.children.append(self.relations(undercuts_only=True))
        return node

    def inference_rules(self) -> Rule:
        node = self.rule("inferenceRules")
        node.children.append(self.freestyle_text())
        while self.at(LIST_DELIMITER):
            self.position += 1
            node.children.append(self.freestyle_text())
        return node

    def list_(self, name: str, item_token: str) -> Rule:
        node = self.rule(name)
        node.children.append(self.consume(INDENT))
        node.children.append(self.list_item(name + "Item", item_token))
        while self.at(item_token):
            node.children.append(self.list_item(name + "Item", item_token))
        self.consume(DEDENT)
        return node

    def list_item(self, name: str, item_token: str) -> Rule:
        node = self.rule(name)
        node.children.append(self.consume(item_token))
        node.children.append(self.statement_or_argument())
        return node

    def statement_or_argument(self) -> Rule:
        if self.at(*_STATEMENT_START):
            return self.statement()
        if self.at(*_ARGUMENT_START):
            return self.argument()
        self.fail("expected a statement or an argument")
        raise AssertionError

    def argument(self) -> Rule:
        node = self.rule("argument")
        if self.at(ARGUMENT_DEFINITION):
            node.children.append(self.consume(ARGUMENT_DEFINITION))
            node.children.append(self.statement_content())
        else:
            self._reference(node, ARGUMENT_REFERENCE)
        self._data_and_relations(node)
        return node

    def statement(self) -> Rule:
        node = self.rule("statement")
        if self.at(STATEMENT_REFERENCE):
            self._reference(node, STATEMENT_REFERENCE)
        elif self.at(STATEMENT_DEFINITION):
            definition = self.rule("statementDefinition")
            definition.children.append(self.consume(STATEMENT_DEFINITION))
            definition.children.append(self.statement_content())
            node.children.append(definition)
        else:
            node.children.append(self.statement_content())
        self._data_and_relations(node)
        return node

    def _reference(self, node: Rule, kind: str) -> None:
        """A ``[Title]`` or ``<Title>`` reference with its tags and the line break after them."""
        node.children.append(self.consume(kind))
        while self.at(TAG):
            node.children.append(self.consume(TAG))
        if self.at(NEWLINE):
            node.children.append(self.consume(NEWLINE))

    def _data(self, node: Rule) -> None:
        """An optional ``{…}`` data block and the line break after it."""
        if self.at(DATA):
            node.children.append(self.consume(DATA))
            if self.at(NEWLINE):
                node.children.append(self.consume(NEWLINE))

    def _data_and_relations(self, node: Rule) -> None:
        self._data(node)
        if self.at(INDENT):
            node.children.append(self.relations())

    def relations(self, *, undercuts_only: bool = False) -> Rule:
        node = self.rule("relations")
        node.children.append(self.consume(INDENT))
        allowed = (OUTGOING_UNDERCUT,) if undercuts_only else RELATION_TOKENS
        if not self.at(*allowed):
            token = self.peek()
            raise ArgdownSyntaxError(
                "expected a relation (+, -, <+, <-, +>, ->, ><, _>, <_) at this indentation; "
                f"found {token.image.strip() or token.type!r}. Only statements and arguments "
                "can have relations, and an indented line needs a relation symbol",
                token.line,
                token.column,
            )
        while self.at(*allowed):
            node.children.append(self.relation())
        self.consume(DEDENT)
        return node

    def relation(self) -> Rule:
        token = self.peek()
        node = self.rule(token.type)
        node.children.append(self.consume(token.type))
        if token.type == CONTRADICTION:
            if not self.at(*_STATEMENT_START):
                self.fail("expected a statement after ><")
            node.children.append(self.statement())
        else:
            node.children.append(self.statement_or_argument())
        return node

    def statement_content(self) -> Rule:
        node = self.rule("statementContent")
        if not self.at(*_CONTENT_TOKENS):
            self.fail("expected text")
        while self.at(*_CONTENT_TOKENS):
            kind = self.peek().type
            if kind in _FREESTYLE_TOKENS:
                node.children.append(self.freestyle_text())
            elif kind in (UNDERSCORE_BOLD_START, ASTERISK_BOLD_START):
                node.children.append(self.emphasis("bold", kind))
            elif kind in (UNDERSCORE_ITALIC_START, ASTERISK_ITALIC_START):
                node.children.append(self.emphasis("italic", kind))
            else:
                node.children.append(self.consume(kind))
        return node

    def emphasis(self, name: str, start: str) -> Rule:
        node = self.rule(name)
        node.children.append(self.consume(start))
        if self.at(*_CONTENT_TOKENS):
            node.children.append(self.statement_content())
        node.children.append(self.consume(_RANGE_ENDS[start]))
        return node

    def freestyle_text(self) -> Rule:
        node = self.rule("freestyleText")
        if not self.at(*_FREESTYLE_TOKENS):
            self.fail("expected text")
        while self.at(*_FREESTYLE_TOKENS):
            node.children.append(self.consume(self.peek().type))
        return node


# --------------------------------------------------------------------------- model


@dataclass(eq=False)
class Statement:
    """One occurrence of a statement (or an argument's description) in the text."""

    title: str = ""
    text: str = ""
    role: str = ""
    """top-level, relation, argument-description, premise, intermediary/main-conclusion."""
    is_reference: bool = False
    tags: list[str] = field(default_factory=list)
    data: Any = None
    section: Section | None = None
    line: int = 0
    column: int = 0
    inference: Inference | None = None


@dataclass(eq=False)
class _Titled:
    """What claims and arguments share: a title, the statements that use it, tags and data."""

    title: str
    untitled: bool = False
    members: list[Statement] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: dict[str, Any] = field(default_factory=dict)
    section: Section | None = None
    relations: list[Relation] = field(default_factory=list)

    @property
    def text(self) -> str:
        """The first non-empty text among the definitions (references have none)."""
        for member in self.members:
            if member.text.strip():
                return member.text.strip()
        return ""


@dataclass(eq=False)
class EquivalenceClass(_Titled):
    """All statements that share a title: one claim of the map."""

    kind = "equivalence-class"


@dataclass(eq=False)
class Inference:
    """The ``----`` line before a conclusion, with its inference rules."""

    rules: list[str] = field(default_factory=list)
    data: Any = None
    argument_title: str = ""
    conclusion_index: int = 0
    relations: list[Relation] = field(default_factory=list)

    kind = "inference"

    @property
    def title(self) -> str:
        return self.argument_title


@dataclass(eq=False)
class Argument(_Titled):
    """An argument: descriptions (``<Title>: text``) and at most one premise–conclusion structure."""

    pcs: list[Statement] = field(default_factory=list)

    kind = "argument"


Member = EquivalenceClass | Argument | Inference


@dataclass(eq=False)
class Relation:
    type: str
    """support, attack, undercut, contradictory, contrary or entails (the reference's names)."""
    source: Member | None = None
    target: Member | None = None
    line: int = 0
    column: int = 0


@dataclass(eq=False)
class Section:
    id: str
    title: str
    level: int
    parent: Section | None = None
    children: list[Section] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    data: Any = None


@dataclass
class ArgdownModel:
    """What the reference parser's JSON export holds, as Python objects."""

    statements: dict[str, EquivalenceClass] = field(default_factory=dict)
    arguments: dict[str, Argument] = field(default_factory=dict)
    relations: list[Relation] = field(default_factory=list)
    sections: list[Section] = field(default_factory=list)
    front_matter: dict[str, Any] | None = None
    tags: list[str] = field(default_factory=list)


_TAG = re.compile(r"#(?:\(([^)]+)\)|([a-zA-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+))")
_RELATION_TYPES = {
    INCOMING_SUPPORT: ("support", "from-parent"),
    INCOMING_ATTACK: ("attack", "from-parent"),
    OUTGOING_SUPPORT: ("support", "to-parent"),
    OUTGOING_ATTACK: ("attack", "to-parent"),
    CONTRADICTION: ("contradictory", "from-parent"),
    INCOMING_UNDERCUT: ("undercut", "from-parent"),
    OUTGOING_UNDERCUT: ("undercut", "to-parent"),
}


def load_yaml(source: str, line: int, column: int) -> Any:
    """YAML (as in front matter and ``{…}`` data) → JSON-ready Python data, or a syntax error."""
    import yaml

    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    try:
        value = yaml.load(source, Loader=loader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        if mark is not None:
            line += mark.line
            column = mark.column + 1 if mark.line else column + mark.column
        problem = getattr(error, "problem", None) or str(error).splitlines()[0]
        raise ArgdownSyntaxError(f"invalid YAML data: {problem}", line, column) from None
    return _json_ready(value)


def _json_ready(value: Any) -> Any:
    """Dates and other YAML-only values become strings, so the map can be saved as JSON."""
    if isinstance(value, dict):
        return {str(key): _json_ready(item) for key, item in value.items()}
    if isinstance(value, list | tuple | set):
        return [_json_ready(item) for item in value]
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if value is None or isinstance(value, bool | int | float | str):
        return value
    return str(value)


class _ModelBuilder:
    """Walks the parse tree once, like the reference model plugin, collecting the model."""

    def __init__(self) -> None:
        self.model = ArgdownModel()
        self.untitled_counter = 0
        self.mode = "loose"
        self.transform_argument_relations = True
        self.current_statement: Statement | None = None
        self.current_heading: dict[str, Any] | None = None
        self.current_relation_parent: Statement | Argument | Inference | None = None
        self.current_argument: Argument | None = None
        self.current_pcs: Argument | None = None
        self.current_inference: Inference | None = None
        self.current_relation: Relation | None = None
        self.relation_parents: list[Member] = []
        self.current_section: Section | None = None
        self.section_counter = 0

    # -- helpers
    def unique_title(self) -> str:
        self.untitled_counter += 1
        return f"Untitled {self.untitled_counter}"

    def equivalence_class(self, title: str, untitled: bool = False) -> EquivalenceClass:
        ec = self.model.statements.get(title)
        if ec is None:
            ec = self.model.statements[title] = EquivalenceClass(title, untitled)
        return ec

    def get_argument(self, title: str | None = None) -> Argument:
        argument = self.model.arguments.get(title) if title else None
        if argument is None:
            untitled = not title
            title = title or self.unique_title()
            argument = self.model.arguments[title] = Argument(title, untitled)
        self.current_argument = argument
        self.current_relation_parent = argument
        return argument

    def relation_member(self, parent: Statement | Argument | Inference) -> Member:
        if isinstance(parent, Statement):
            untitled = not parent.title
            if untitled:
                parent.title = self.unique_title()
            if parent.role == "argument-description":
                return self.get_argument(parent.title)
            ec = self.equivalence_class(parent.title, untitled)
            return ec
        return parent

    def add_member(self, owner: EquivalenceClass | Argument, statement: Statement) -> None:
        """``statement`` joins ``owner``: its tags and data merge in, and it may set the section."""
        for tag in statement.tags:
            if tag not in owner.tags:
                owner.tags.append(tag)
        if isinstance(statement.data, dict):
            _merge(owner.data, statement.data)
        statement.section = self.current_section
        owner.members.append(statement)
        in_group = statement.data.get("isInGroup") if isinstance(statement.data, dict) else None
        if in_group is True or (
            not statement.is_reference and in_group is None and owner.section is None
        ):
            owner.section = statement.section

    def text_target(self) -> Statement | dict[str, Any] | None:
        return self.current_heading if self.current_heading is not None else self.current_statement

    def add_text(self, text: str) -> None:
        target = self.text_target()
        if isinstance(target, Statement):
            target.text += text
        elif target is not None:
            target["text"] += text

    def add_tag(self, tag: str) -> None:
        target = self.text_target()
        if isinstance(target, Statement):
            tags = target.tags
        elif target is not None:
            tags = target["tags"]
        else:
            return
        if tag not in tags:
            tags.append(tag)
        if tag not in self.model.tags:
            self.model.tags.append(tag)

    # -- the walk
    def build(self, tree: Rule) -> ArgdownModel:
        self.walk(tree, None, 0)
        for item in [*self.model.statements.values(), *self.model.arguments.values()]:
            if item.section is None and item.members:
                item.section = item.members[0].section
        if self.transform_argument_relations:
            self.transform_argument_relations_()
        if self.mode == "strict":
            self.transform_statement_relations()
        return self.model

    def walk(self, node: Rule, parent: Rule | None, index: int) -> None:
        enter = getattr(self, f"enter_{node.name}", None)
        if enter:
            enter(node, parent, index)
        for child_index, child in enumerate(node.children):
            if isinstance(child, Rule):
                self.walk(child, node, child_index)
            else:
                self.token(child, node)
        leave = getattr(self, f"exit_{node.name}", None)
        if leave:
            leave(node, parent, index)

    def token(self, token: Token, parent: Rule) -> None:
        kind = token.type
        image = token.image
        if kind == FRONT_MATTER:
            body = re.sub(r"^===+|===+$", "", image)
            value = load_yaml(body, token.line, token.column)
            self.model.front_matter = value if isinstance(value, dict) else {}
            settings = self.model.front_matter.get("model")
            if isinstance(settings, dict):
                if settings.get("mode") in ("strict", "loose"):
                    self.mode = settings["mode"]
                if settings.get("transformArgumentRelations") is False:
                    self.transform_argument_relations = False
        elif kind == DATA:
            parent.data = load_yaml(image, token.line, token.column)
        elif kind == STATEMENT_DEFINITION and self.current_statement:
            self.current_statement.title = image[1:-2]
            parent.statement = self.current_statement
        elif kind == STATEMENT_REFERENCE and self.current_statement:
            self.current_statement.title = image[1:-1]
            self.current_statement.is_reference = True
            parent.statement = self.current_statement
        elif kind == ARGUMENT_DEFINITION and self.current_statement:
            self.current_statement.title = image[1:-2]
        elif kind == ARGUMENT_REFERENCE and self.current_statement:
            self.current_statement.title = image[1:-1]
            self.current_statement.is_reference = True
        elif kind in (STATEMENT_MENTION, ARGUMENT_MENTION):
            self.add_text(image)
        elif kind == LINK:
            self.add_text(image[1 : image.index("]")] + (" " if image[-1] in " \t" else ""))
        elif kind == TAG:
            found = _TAG.match(image)
            if found:  # tags live in ``tags``; the text keeps the words only
                self.add_tag(found.group(1) or found.group(2))
        elif (kind == NEWLINE and parent.name == "statementContent") or (
            kind in _RANGE_ENDS.values() and image[-1] in " \t"
        ):
            self.add_text(" ")  # a line break or a spaced-off emphasis end separates words

    def enter_freestyleText(self, node: Rule, parent: Rule | None, index: int) -> None:
        if parent is not None and parent.name == "inferenceRules":
            return
        text = "".join(
            child.image[1:] if child.type == ESCAPED_CHAR else child.image
            for child in node.children
            if isinstance(child, Token)
        )
        self.add_text(text)

    def enter_heading(self, node: Rule, parent: Rule | None, index: int) -> None:
        self.current_heading = {"text": "", "tags": []}

    def exit_heading(self, node: Rule, parent: Rule | None, index: int) -> None:
        heading = self.current_heading or {"text": "", "tags": []}
        start = node.children[0]
        level = len(start.image) - 1 if isinstance(start, Token) else 1
        self.section_counter += 1
        section = Section(
            f"s{self.section_counter}",
            heading["text"].strip(),
            level,
            tags=heading["tags"],
            data=node.data,
        )
        previous = self.current_section
        while previous is not None and previous.level >= level:
            previous = previous.parent
        if previous is None:
            self.model.sections.append(section)
        else:
            previous.children.append(section)
            section.parent = previous
        self.current_section = section
        self.current_heading = None

    def enter_statement(self, node: Rule, parent: Rule | None, index: int) -> None:
        statement = Statement(line=node.line, column=node.column)
        if parent is not None and parent.name == "argdown":
            statement.role = "top-level"
        elif self.current_relation is not None:
            statement.role = "relation"
        self.current_statement = statement
        self.current_relation_parent = statement
        node.statement = statement

    def exit_statement(self, node: Rule, parent: Rule | None, index: int) -> None:
        statement = node.statement
        if statement is None:
            return
        statement.data = node.data
        untitled = not statement.title
        if untitled:
            statement.title = self.unique_title()
        self.add_member(self.equivalence_class(statement.title, untitled), statement)
        self.current_statement = None

    def enter_argument(self, node: Rule, parent: Rule | None, index: int) -> None:
        description = Statement(role="argument-description", line=node.line, column=node.column)
        description.section = self.current_section
        self.current_statement = description
        self.current_relation_parent = description
        node.statement = description

    def exit_argument(self, node: Rule, parent: Rule | None, index: int) -> None:
        description = node.statement
        assert description is not None
        description.data = node.data
        if not description.title:
            description.title = self.unique_title()
        argument = node.argument = self.get_argument(description.title)
        self.add_member(argument, description)
        self.current_statement = None
        self.current_argument = None

    def enter_pcs(self, node: Rule, parent: Rule | None, index: int) -> None:
        argument = None
        if parent is not None and index > 0:
            before = parent.children[index - 1]
            if isinstance(before, Token) and before.type == EMPTYLINE and index > 1:
                before = parent.children[index - 2]
            if isinstance(before, Rule) and before.name == "argument":
                argument = before.argument
        if argument is None:
            argument = self.get_argument()
        if self.current_section is not None:
            argument.section = self.current_section
        argument.pcs = []
        node.argument = argument
        self.current_pcs = argument

    def exit_pcs(self, node: Rule, parent: Rule | None, index: int) -> None:
        argument = node.argument
        assert argument is not None and argument.pcs
        last = argument.pcs[-1]
        last.role = "main-conclusion"
        self.current_statement = None
        self.current_argument = None
        self.current_pcs = None

    def exit_pcsStatement(self, node: Rule, parent: Rule | None, index: int) -> None:
        pcs = self.current_pcs
        assert pcs is not None
        statement_node = node.children[1]
        assert isinstance(statement_node, Rule) and statement_node.statement is not None
        statement = statement_node.statement
        statement.role = "premise"
        if parent is not None and index > 0:
            before = parent.children[index - 1]
            if isinstance(before, Rule) and before.name == "inference":
                statement.role = "intermediary-conclusion"
                statement.inference = before.inference
                if before.inference is not None:
                    before.inference.conclusion_index = len(pcs.pcs)
                    before.inference.argument_title = pcs.title
        pcs.pcs.append(statement)
        node.statement = statement

    def enter_inference(self, node: Rule, parent: Rule | None, index: int) -> None:
        inference = Inference()
        node.inference = inference
        self.current_inference = inference
        self.current_relation_parent = inference
        self.relation_parents.append(inference)

    def exit_inference(self, node: Rule, parent: Rule | None, index: int) -> None:
        if self.current_inference is not None:
            self.current_inference.data = node.data

    def exit_inferenceRules(self, node: Rule, parent: Rule | None, index: int) -> None:
        if self.current_inference is None:
            return
        for child in node.children:
            if isinstance(child, Rule):
                text = "".join(
                    t.image[1:] if t.type == ESCAPED_CHAR else t.image
                    for t in child.children
                    if isinstance(t, Token)
                )
                self.current_inference.rules.append(text.strip())

    def enter_relations(self, node: Rule, parent: Rule | None, index: int) -> None:
        assert self.current_relation_parent is not None
        self.relation_parents.append(self.relation_member(self.current_relation_parent))

    def exit_relations(self, node: Rule, parent: Rule | None, index: int) -> None:
        self.current_relation = None
        self.relation_parents.pop()

    def _enter_relation(self, node: Rule, parent: Rule | None, index: int) -> None:
        relation_type, direction = _RELATION_TYPES[node.name]
        relation_parent = self.relation_parents[-1]
        token = node.children[0]
        relation = Relation(relation_type, line=token.line, column=token.column)  # type: ignore[union-attr]
        if direction == "from-parent":
            relation.source = relation_parent
        elif node.name == OUTGOING_UNDERCUT and isinstance(relation_parent, EquivalenceClass):
            # The reference aims an undercut below a statement at the latest inference, if any.
            relation.target = self.current_inference or relation_parent
        else:
            relation.target = relation_parent
        self.current_relation = relation
        node.relation = relation

    def _exit_relation(self, node: Rule, parent: Rule | None, index: int) -> None:
        relation = node.relation
        assert relation is not None
        content = node.children[1]
        assert isinstance(content, Rule)
        member_source = content.argument or content.statement
        assert member_source is not None
        member = self.relation_member(member_source)
        if relation.source is not None:
            relation.target = member
        else:
            relation.source = member
        source, target = relation.source, relation.target
        assert source is not None and target is not None
        for existing in source.relations:
            if existing.type == relation.type and (
                existing.target is target
                or (
                    relation.type == "contradictory"
                    and existing.source is target
                    and existing.target is source
                )
            ):
                return
        self.model.relations.append(relation)
        source.relations.append(relation)
        target.relations.append(relation)

    def transform_argument_relations_(self) -> None:
        """Relations of reconstructed arguments move to their conclusion (or last inference)."""
        kept: list[Relation] = []
        for relation in self.model.relations:
            keep = True
            source, target = relation.source, relation.target
            if isinstance(source, Argument) and source.pcs:
                _discard(source.relations, relation)
                conclusion = self.model.statements[source.pcs[-1].title]
                relation.source = conclusion
                duplicate = any(
                    r.target is relation.target and r.type == relation.type
                    for r in conclusion.relations
                )
                if duplicate:
                    _discard(relation.target.relations, relation)  # type: ignore[union-attr]
                    keep = False
                else:
                    conclusion.relations.append(relation)
            if isinstance(target, Argument) and target.pcs and relation.type == "undercut":
                inference = target.pcs[-1].inference
                if inference is not None:
                    _discard(target.relations, relation)
                    relation.target = inference
                    duplicate = any(
                        r.source is relation.source and r.type == relation.type
                        for r in inference.relations
                    )
                    if duplicate:
                        _discard(relation.source.relations, relation)  # type: ignore[union-attr]
                        keep = False
                    else:
                        inference.relations.append(relation)
            if keep:
                kept.append(relation)
        self.model.relations = kept

    def transform_statement_relations(self) -> None:
        """Strict mode: between statements, support means entails and attack means contrary."""
        kept: list[Relation] = []
        for relation in self.model.relations:
            source, target = relation.source, relation.target
            if isinstance(source, EquivalenceClass) and isinstance(target, EquivalenceClass):
                if relation.type == "support":
                    relation.type = "entails"
                elif relation.type == "attack":
                    if any(
                        r.type == "contrary"
                        and (
                            (r.source is source and r.target is target)
                            or (r.source is target and r.target is source)
                        )
                        for r in source.relations
                    ):
                        _discard(source.relations, relation)
                        _discard(target.relations, relation)
                        continue
                    relation.type = "contrary"
            kept.append(relation)
        self.model.relations = kept


for _name in RELATION_TOKENS:
    setattr(_ModelBuilder, f"enter_{_name}", _ModelBuilder._enter_relation)
    setattr(_ModelBuilder, f"exit_{_name}", _ModelBuilder._exit_relation)


def _discard(items: list[Relation], relation: Relation) -> None:
    for position, item in enumerate(items):
        if item is relation:
            del items[position]
            return


def _merge(into: dict[str, Any], new: dict[str, Any]) -> None:
    for key, value in new.items():
        if isinstance(value, dict) and isinstance(into.get(key), dict):
            _merge(into[key], value)
        else:
            into[key] = value


def parse(text: str) -> ArgdownModel:
    """Statements, arguments, relations and sections of Argdown ``text``.

    >>> model = parse("[Tax]: Taxes fund schools.\\n  - <Waste>: Money is wasted.")
    >>> sorted(model.statements), sorted(model.arguments)
    (['Tax'], ['Waste'])
    >>> [(r.type, r.source.title, r.target.title) for r in model.relations]
    [('attack', 'Waste', 'Tax')]
    """
    lexer = _Lexer(text)
    tokens = lexer.run()
    if not tokens:
        return ArgdownModel()
    tree = _Parser(tokens, lexer.lines, len(text)).argdown()
    return _ModelBuilder().build(tree)
