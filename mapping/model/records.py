"""The plain records an argument map is made of.

Records are frozen so that an operation can keep the old record for undo without copying it,
and so that nothing outside the model can change a map behind its observers' backs.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field, fields, replace
from typing import Any

NODE_KINDS = ("position", "claim", "question", "note")
RELATIONS = ("support", "attack", "rephrase")
ORIGINS = ("seeded", "user", "imported")


@dataclass(frozen=True, slots=True)
class SourceSpan:
    """Characters ``start:end`` of a document's text, as Python string indices."""

    document: str
    start: int
    end: int


def _freeze_sources(value: Iterable[Any]) -> tuple[SourceSpan, ...]:
    spans = []
    for item in value:
        if isinstance(item, SourceSpan):
            spans.append(item)
        elif isinstance(item, Mapping):
            spans.append(SourceSpan(item["document"], item["start"], item["end"]))
        else:
            spans.append(SourceSpan(*item))
    return tuple(spans)


@dataclass(frozen=True, slots=True)
class Document:
    """A source text; ``text`` may be absent when a map only references its file."""

    id: str
    name: str
    text: str | None = None
    sha256: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def from_text(
        cls, id: str, name: str, text: str, metadata: Mapping[str, Any] | None = None
    ) -> Document:
        """A document that embeds ``text``, with its checksum filled in."""
        return cls(id, name, text, text_sha256(text), dict(metadata or {}))

    def __post_init__(self) -> None:
        object.__setattr__(self, "metadata", dict(self.metadata))


def text_sha256(text: str) -> str:
    """The checksum that ties a map's spans to a document: SHA-256 of the text's UTF-8 bytes."""
    import hashlib  # here: OpenSSL takes a few ms to load, and opening a map rarely needs it

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@dataclass(frozen=True, slots=True)
class Node:
    """A position, claim, question or note on the map."""

    id: str
    kind: str = "claim"
    label: str = ""
    text: str = ""
    speaker: str = ""
    sources: tuple[SourceSpan, ...] = ()
    tags: tuple[str, ...] = ()
    color: str | None = None
    x: float = 0.0
    y: float = 0.0
    pinned: bool = False
    note: str = ""
    base_score: float | None = None
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "sources", _freeze_sources(self.sources))
        object.__setattr__(self, "tags", tuple(self.tags))
        object.__setattr__(self, "x", float(self.x))
        object.__setattr__(self, "y", float(self.y))
        object.__setattr__(self, "data", dict(self.data))


@dataclass(frozen=True, slots=True)
class Edge:
    """A support, attack or rephrase relation from ``source`` to ``target``."""

    id: str
    source: str
    target: str
    relation: str = "support"
    origin: str = "user"
    confidence: float | None = None
    note: str = ""
    reason: str = ""
    data: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        object.__setattr__(self, "data", dict(self.data))


NODE_FIELDS = tuple(f.name for f in fields(Node))
EDGE_FIELDS = tuple(f.name for f in fields(Edge))
DOCUMENT_FIELDS = tuple(f.name for f in fields(Document))


def check_node(node: Node) -> None:
    """Raise ValueError naming the first field of ``node`` that no map may hold."""
    if not isinstance(node.id, str) or not node.id:
        raise ValueError("a node needs a non-empty string id")
    if node.kind not in NODE_KINDS:
        raise ValueError(
            f"node {node.id!r}: kind {node.kind!r} is not one of {', '.join(NODE_KINDS)}"
        )
    for name in ("label", "text", "speaker", "note"):
        if not isinstance(getattr(node, name), str):
            raise ValueError(f"node {node.id!r}: {name} must be text")
    if not all(isinstance(tag, str) for tag in node.tags):
        raise ValueError(f"node {node.id!r}: tags must be text")
    if node.color is not None and not isinstance(node.color, str):
        raise ValueError(f"node {node.id!r}: color must be text such as '#1f77b4'")
    if not (math.isfinite(node.x) and math.isfinite(node.y)):
        raise ValueError(f"node {node.id!r}: x and y must be finite numbers")
    if node.base_score is not None and not 0.0 <= node.base_score <= 1.0:
        raise ValueError(f"node {node.id!r}: base score {node.base_score} is not between 0 and 1")
    for span in node.sources:
        if not (isinstance(span.start, int) and isinstance(span.end, int)):
            raise ValueError(f"node {node.id!r}: span offsets must be whole numbers")
        if not 0 <= span.start < span.end:
            raise ValueError(
                f"node {node.id!r}: span {span.start}..{span.end} must satisfy 0 <= start < end"
            )


def check_edge(edge: Edge) -> None:
    """Raise ValueError naming the first field of ``edge`` that no map may hold."""
    if not isinstance(edge.id, str) or not edge.id:
        raise ValueError("an edge needs a non-empty string id")
    if edge.relation not in RELATIONS:
        raise ValueError(
            f"edge {edge.id!r}: relation {edge.relation!r} is not one of {', '.join(RELATIONS)}"
        )
    if edge.origin not in ORIGINS:
        raise ValueError(
            f"edge {edge.id!r}: origin {edge.origin!r} is not one of {', '.join(ORIGINS)}"
        )
    if edge.source == edge.target:
        raise ValueError(f"edge {edge.id!r}: a claim cannot support or attack itself")
    if edge.confidence is not None and not (
        isinstance(edge.confidence, int | float) and 0.0 <= edge.confidence <= 1.0
    ):
        raise ValueError(f"edge {edge.id!r}: confidence {edge.confidence!r} is not between 0 and 1")


def updated(record: Any, changes: Mapping[str, Any]) -> Any:
    """``record`` with ``changes`` applied; unknown field names are an error, not ignored."""
    return replace(record, **changes)
