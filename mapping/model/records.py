"""The plain records an argument map is made of.

Records are frozen so that an operation can keep the old record for undo without copying it,
and so that nothing outside the model can change a map behind its observers' backs.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping
from dataclasses import FrozenInstanceError, dataclass, field, fields, replace
from operator import attrgetter
from typing import Any, TypeVar

NODE_KINDS = ("position", "claim", "question", "note")
RELATIONS = ("support", "attack", "rephrase")
ORIGINS = ("seeded", "user", "imported")
R = TypeVar("R", bound="FrozenRecord")


class FrozenRecord:
    """What ``@dataclass(frozen=True)`` gives a record (immutability, equality by value, a hash,
    a repr, copying and pickling), written out once for all records.

    The records stay dataclasses, so ``dataclasses.fields`` and ``replace`` work on them, but
    are declared with :func:`record`, and each writes its own ``__init__``: the decorator would
    otherwise build these methods with ``exec`` at import, about 2.5 ms of the editor's
    start-up for the model's five records.
    """

    __slots__ = ()
    __match_args__: tuple[str, ...] = ()  # the fields in order (set by the decorator)
    _values: Callable[[Any], tuple[Any, ...]]  # all fields at once (set by record)

    def __eq__(self, other: object) -> bool:
        if other.__class__ is not self.__class__:
            return NotImplemented
        values = self._values
        return values(self) == values(other)

    def __hash__(self) -> int:
        return hash(self._values(self))

    def __repr__(self) -> str:
        shown = ", ".join(f"{name}={getattr(self, name)!r}" for name in self.__match_args__)
        return f"{type(self).__qualname__}({shown})"

    def __setattr__(self, name: str, value: Any) -> None:
        raise FrozenInstanceError(f"cannot assign to field {name!r}")

    def __delattr__(self, name: str) -> None:
        raise FrozenInstanceError(f"cannot delete field {name!r}")

    def __reduce__(self) -> tuple[type, tuple[Any, ...]]:
        return type(self), self._values(self)


_fields_and_slots = dataclass(init=False, repr=False, eq=False, slots=True)


def record(cls: type[R]) -> type[R]:
    """The decorator for a :class:`FrozenRecord`: fields and slots, no generated methods."""
    cls = _fields_and_slots(cls)
    cls._values = attrgetter(*cls.__match_args__)  # built in C: equality and hashing stay quick
    return cls


_set = object.__setattr__


@record
class SourceSpan(FrozenRecord):
    """Characters ``start:end`` of a document's text, as Python string indices."""

    document: str
    start: int
    end: int

    def __init__(self, document: str, start: int, end: int) -> None:
        _set(self, "document", document)
        _set(self, "start", start)
        _set(self, "end", end)


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


@record
class Document(FrozenRecord):
    """A source text; ``text`` may be absent when a map only references its file."""

    id: str
    name: str
    text: str | None = None
    sha256: str | None = None
    metadata: Mapping[str, Any] = field(default_factory=dict)

    def __init__(self, id: str, name: str, text: str | None = None, sha256: str | None = None,
                 metadata: Mapping[str, Any] | None = None) -> None:  # fmt: skip
        _set(self, "id", id)
        _set(self, "name", name)
        _set(self, "text", text)
        _set(self, "sha256", sha256)
        _set(self, "metadata", dict(metadata or {}))

    @classmethod
    def from_text(
        cls, id: str, name: str, text: str, metadata: Mapping[str, Any] | None = None
    ) -> Document:
        """A document that embeds ``text``, with its checksum filled in."""
        return cls(id, name, text, text_sha256(text), metadata)


def text_sha256(text: str) -> str:
    """The checksum that ties a map's spans to a document: SHA-256 of the text's UTF-8 bytes."""
    import hashlib  # here: OpenSSL takes a few ms to load, and opening a map rarely needs it

    return hashlib.sha256(text.encode("utf-8")).hexdigest()


@record
class Node(FrozenRecord):
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

    def __init__(self, id: str, kind: str = "claim", label: str = "", text: str = "",
                 speaker: str = "", sources: Iterable[Any] = (), tags: Iterable[str] = (),
                 color: str | None = None, x: float = 0.0, y: float = 0.0, pinned: bool = False,
                 note: str = "", base_score: float | None = None,
                 data: Mapping[str, Any] | None = None) -> None:  # fmt: skip
        _set(self, "id", id)
        _set(self, "kind", kind)
        _set(self, "label", label)
        _set(self, "text", text)
        _set(self, "speaker", speaker)
        _set(self, "sources", _freeze_sources(sources))
        _set(self, "tags", tuple(tags))
        _set(self, "color", color)
        _set(self, "x", float(x))
        _set(self, "y", float(y))
        _set(self, "pinned", pinned)
        _set(self, "note", note)
        _set(self, "base_score", base_score)
        _set(self, "data", dict(data or {}))


@record
class Edge(FrozenRecord):
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

    def __init__(self, id: str, source: str, target: str, relation: str = "support",
                 origin: str = "user", confidence: float | None = None, note: str = "",
                 reason: str = "", data: Mapping[str, Any] | None = None) -> None:  # fmt: skip
        _set(self, "id", id)
        _set(self, "source", source)
        _set(self, "target", target)
        _set(self, "relation", relation)
        _set(self, "origin", origin)
        _set(self, "confidence", confidence)
        _set(self, "note", note)
        _set(self, "reason", reason)
        _set(self, "data", dict(data or {}))


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
