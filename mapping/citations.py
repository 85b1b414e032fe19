"""What a node quotes and where from: the words of its source span and a reference to them.

Handouts, presentation captions and exercises all cite the same way: the quotation is the span's
text when the document is embedded in the map, the reference names the document, the line and the
character range, so a student can find the sentence in a printed copy of the text.
"""

from __future__ import annotations

from dataclasses import dataclass

from mapping.model import ArgumentMap, Node, SourceSpan


def line_of(text: str, offset: int) -> int:
    """1-based line of character ``offset`` in ``text``.

    >>> line_of("one\\ntwo\\nthree", 4)
    2
    """
    return text.count("\n", 0, max(0, offset)) + 1


def quotation(argument_map: ArgumentMap, span: SourceSpan) -> str | None:
    """The span's words with whitespace tidied, or None when the text is not in the map."""
    document = argument_map.documents.get(span.document)
    if document is None or document.text is None:
        return None
    if not 0 <= span.start < span.end <= len(document.text):
        return None
    return " ".join(document.text[span.start : span.end].split())


def reference(argument_map: ArgumentMap, span: SourceSpan) -> str:
    """Where the span is: "name, line 14, characters 812–976" (no line without the text)."""
    document = argument_map.documents.get(span.document)
    if document is None:
        return f"{span.document} (document missing), characters {span.start}–{span.end}"
    if document.text is None:
        return f"{document.name}, characters {span.start}–{span.end}"
    return f"{document.name}, line {line_of(document.text, span.start)}, characters {span.start}–{span.end}"


@dataclass(frozen=True)
class ArgumentRow:
    """One claim in a position's argument, as a handout lists it."""

    node: Node
    relation: str
    """How it relates to ``parent``: support, attack or rephrase."""
    parent: str
    depth: int
    """0 for claims about the position itself, 1 for claims about those, and so on."""


def argument_rows(argument_map: ArgumentMap, position_id: str, relation: str) -> list[ArgumentRow]:
    """The claims that ``relation`` the position directly, each followed by what argues about it.

    Every node appears once (the first place it is reached); positions are never listed as a
    position's claims, and cycles end where they return.
    """
    rows: list[ArgumentRow] = []
    seen = {position_id}

    def visit(target: str, depth: int, only: str | None) -> None:
        for edge in argument_map.in_edges(target):
            if only is not None and edge.relation != only:
                continue
            node = argument_map.node(edge.source)
            if node.id in seen or node.kind == "position":
                continue
            seen.add(node.id)
            rows.append(ArgumentRow(node, edge.relation, target, depth))
            visit(node.id, depth + 1, None)

    visit(position_id, 0, relation)
    return rows


def number_nodes(argument_map: ArgumentMap) -> dict[str, str]:
    """Short printed names: positions P1, P2 …, everything else 1, 2 … in map order."""
    numbers: dict[str, str] = {}
    positions = claims = 0
    for node in argument_map.nodes.values():
        if node.kind == "position":
            positions += 1
            numbers[node.id] = f"P{positions}"
        else:
            claims += 1
            numbers[node.id] = str(claims)
    return numbers
