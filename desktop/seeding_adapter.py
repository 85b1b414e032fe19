"""The GUI's one door to ``mapping.documents`` and ``mapping.seeding``.

Both core packages are young; everything the panels and the import wizard need from them goes
through the few functions here, converted into the small records below, so a change in their API
is fixed in this file alone. When a package is missing the functions fall back to plain reading
(whole text, no structure) and an empty proposal, and say so in ``warnings``.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from mapping.errors import MappingError
from mapping.model import AddDocument, AddEdge, AddNode, ArgumentMap, Compound, Document, Edge, Node
from mapping.model import SourceSpan as Span

Cancelled = Callable[[], bool]


class ImportCancelled(MappingError):
    """The person pressed Cancel while documents were read or seeded."""


@dataclass(frozen=True)
class Thread:
    """A top-level comment and the replies under it."""

    number: str
    author: str
    timestamp: str
    replies: int
    start: int


@dataclass(frozen=True)
class ParsedText:
    """What the wizard shows about one document, and what the map will embed."""

    name: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: tuple[tuple[str, int], ...] = ()  # (heading, start offset)
    threads: tuple[Thread, ...] = ()
    sentences: int = 0
    warnings: tuple[str, ...] = ()
    parsed: Any = None  # the core's ParsedDocument, handed back to seeding untouched


@dataclass(frozen=True)
class ProposedNode:
    """A position or claim the seeder suggests; ``document`` indexes the proposal's documents."""

    key: str
    kind: str
    label: str
    text: str = ""
    speaker: str = ""
    document: int | None = None
    start: int = 0
    end: int = 0
    reason: str = ""


@dataclass(frozen=True)
class ProposedRelation:
    key: str
    source: str
    target: str
    relation: str
    confidence: float | None = None
    reason: str = ""


@dataclass
class Proposal:
    documents: list[ParsedText]
    nodes: list[ProposedNode] = field(default_factory=list)
    relations: list[ProposedRelation] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def positions(self) -> list[ProposedNode]:
        return [n for n in self.nodes if n.kind == "position"]

    @property
    def claims(self) -> list[ProposedNode]:
        return [n for n in self.nodes if n.kind != "position"]


# --------------------------------------------------------------------------- reading
def _documents_module() -> Any | None:
    try:
        import mapping.documents as documents
    except ImportError:
        return None
    return documents if hasattr(documents, "parse_text") else None


def read_file(path: str | Path) -> ParsedText:
    """Read and parse one .txt/.md/.html file; MappingError names the file when it cannot."""
    path = Path(path)
    documents = _documents_module()
    if documents is not None:
        return _from_parsed(documents.read_document(path))
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except OSError as error:
        raise MappingError(f"{path}: cannot read ({error.strerror or error})") from None
    except UnicodeDecodeError as error:
        raise MappingError(f"{path}: not UTF-8 text (byte {error.start})") from None
    return parse_text(path.name, text)


def parse_text(name: str, text: str) -> ParsedText:
    """Parse text already in memory (the document panel uses it to guess speakers)."""
    documents = _documents_module()
    if documents is not None:
        return _from_parsed(documents.parse_text(text, name))
    first = next((line.strip() for line in text.splitlines() if line.strip()), name)
    return ParsedText(
        name, text, {"title": first[:120]}, warnings=("document structure reader unavailable",)
    )


def _from_parsed(parsed: Any) -> ParsedText:
    text = parsed.text
    sections = tuple(
        (text[b.start : b.end].strip(), b.start)
        for b in parsed.blocks
        if b.kind == "heading" and b.comment is None
    )
    replies: dict[str, int] = {}
    for comment in parsed.comments:
        if comment.parent is not None:
            top = comment.number.split(".", 1)[0]
            replies[top] = replies.get(top, 0) + 1
    threads = tuple(
        Thread(c.number, c.author or "", c.timestamp or "", replies.get(c.number, 0), c.start)
        for c in parsed.comments
        if c.parent is None
    )
    return ParsedText(
        parsed.name, text, dict(parsed.metadata), sections, threads,
        len(parsed.sentences), tuple(parsed.warnings), parsed,
    )  # fmt: skip


@lru_cache(maxsize=8)
def _parsed_for_speakers(name: str, text: str) -> Any:
    documents = _documents_module()
    return None if documents is None else documents.parse_text(text, name)


def speaker_at(name: str, text: str, start: int, end: int) -> str:
    """Who speaks the sentence around ``start:end`` according to the document's structure, or ''."""
    try:
        parsed = _parsed_for_speakers(name, text)
    except Exception:  # a guess must never stop the person from making the claim
        return ""
    if parsed is None:
        return ""
    for sentence in parsed.sentences:
        if sentence.start <= start < max(sentence.end, sentence.start + 1):
            speaker = sentence.speaker or ""
            return "" if speaker.startswith("unknown") else speaker
    return ""


# --------------------------------------------------------------------------- seeding
Proposer = Callable[[list[ParsedText], Cancelled], Proposal]


def propose(documents: list[ParsedText], cancelled: Cancelled = lambda: False) -> Proposal:
    """Ask ``mapping.seeding`` for positions, claims and relations over ``documents``."""
    try:
        import mapping.seeding as seeding
    except ImportError:
        return Proposal(
            documents, warnings=["Seeding is not available: only the documents are added."]
        )
    if cancelled():
        raise ImportCancelled("import cancelled")
    result = seeding.propose([d.parsed if d.parsed is not None else d.text for d in documents])
    return _from_seeding(documents, result)


def _from_seeding(documents: list[ParsedText], result: Any) -> Proposal:
    """Convert the seeder's proposal (duck-typed: ``positions``, ``claims``, ``relations``)."""
    proposal = Proposal(documents, warnings=list(getattr(result, "warnings", ())))
    names = {d.name: i for i, d in enumerate(documents)}
    for kind, items in (("position", result.positions), ("claim", result.claims)):
        for item in items:
            span = getattr(item, "span", None) or (getattr(item, "sources", None) or [None])[0]
            document = start = end = None
            if span is not None:
                document = (
                    span.document if isinstance(span.document, int) else names.get(span.document)
                )
                start, end = span.start, span.end
            proposal.nodes.append(ProposedNode(
                str(item.id), kind, item.label, getattr(item, "text", "") or item.label,
                getattr(item, "speaker", "") or "", document, start or 0, end or 0,
                getattr(item, "reason", "") or "",
            ))  # fmt: skip
    for item in result.relations:
        proposal.relations.append(ProposedRelation(
            str(getattr(item, "id", f"{item.source}->{item.target}")), str(item.source),
            str(item.target), item.relation, getattr(item, "confidence", None),
            getattr(item, "reason", "") or "",
        ))  # fmt: skip
    return proposal


# ----------------------------------------------------------------------- applying
def build_operation(
    argument_map: ArgumentMap, proposal: Proposal, accepted: Iterable[str] | None = None,
    origin: tuple[float, float] | None = None,
) -> Compound:  # fmt: skip
    """One operation that adds the documents and the accepted proposal items to ``argument_map``.

    Relations whose ends were not accepted are dropped. New items are laid out below whatever the
    map already holds: positions in a row, each with its claims in a column underneath.
    """
    keep = {n.key for n in proposal.nodes} if accepted is None else set(accepted)
    nodes = [n for n in proposal.nodes if n.key in keep]
    kept_nodes = {n.key for n in nodes}
    relations = [
        r for r in proposal.relations
        if (accepted is None or r.key in keep) and r.source in kept_nodes and r.target in kept_nodes
    ]  # fmt: skip
    children: list[Any] = []
    document_ids: list[str] = []
    taken = set(argument_map.documents)
    for number, parsed in enumerate(proposal.documents, start=1):
        doc_id = f"d{number}"
        counter = number
        while doc_id in taken or argument_map.has_id(doc_id):
            counter += 1
            doc_id = f"d{counter}"
        taken.add(doc_id)
        document_ids.append(doc_id)
        metadata = {k: v for k, v in parsed.metadata.items() if isinstance(v, str | int | float)}
        children.append(AddDocument(Document.from_text(doc_id, parsed.name, parsed.text, metadata)))

    ids = _fresh_ids(argument_map, len(nodes) + len(relations))
    node_ids = {node.key: ids.pop(0) for node in nodes}
    places = _places(nodes, relations, argument_map, origin)
    for proposed in nodes:
        sources: Sequence[Span] = ()
        if proposed.document is not None and proposed.end > proposed.start:
            sources = (Span(document_ids[proposed.document], proposed.start, proposed.end),)
        x, y = places[proposed.key]
        children.append(AddNode(Node(
            node_ids[proposed.key], kind=proposed.kind, label=proposed.label,
            text=proposed.text, speaker=proposed.speaker, sources=sources, x=x, y=y,
        )))  # fmt: skip
    for relation in relations:
        children.append(AddEdge(Edge(
            ids.pop(0), node_ids[relation.source], node_ids[relation.target], relation.relation,
            origin="seeded", confidence=relation.confidence, reason=relation.reason,
        )))  # fmt: skip
    count = len(proposal.documents)
    noun = "Document" if count == 1 else "Documents"
    return Compound(children, f"Import {count} {noun}" if count != 1 else f"Import {noun}")


def _fresh_ids(argument_map: ArgumentMap, count: int) -> list[str]:
    taken = set(argument_map.nodes) | set(argument_map.edges) | set(argument_map.documents)
    ids, number = [], 0
    while len(ids) < count:
        number += 1
        candidate = f"n{number}"
        if candidate not in taken:
            ids.append(candidate)
    return ids


def _places(
    nodes: list[ProposedNode], relations: list[ProposedRelation], argument_map: ArgumentMap,
    origin: tuple[float, float] | None,
) -> dict[str, tuple[float, float]]:  # fmt: skip
    if origin is None:
        bottom = max((n.y for n in argument_map.nodes.values()), default=-300.0)
        origin = (0.0, bottom + 300.0)
    x0, y0 = origin
    target_of: dict[str, str] = {}
    for relation in relations:
        target_of.setdefault(relation.source, relation.target)
    positions = [n.key for n in nodes if n.kind == "position"]
    columns: dict[str, list[str]] = {key: [] for key in positions}
    loose: list[str] = []
    for node in nodes:
        if node.kind == "position":
            continue
        seen, current = {node.key}, node.key
        while current in target_of and target_of[current] not in seen and current not in columns:
            current = target_of[current]
            seen.add(current)
        (columns.get(current, loose)).append(node.key)
    places: dict[str, tuple[float, float]] = {}
    width = 320.0
    for column, key in enumerate([*positions, None]):
        members = columns.get(key, []) if key is not None else loose
        x = x0 + column * width
        if key is not None:
            places[key] = (x, y0)
        for row, member in enumerate(members, start=1):
            places[member] = (x, y0 + row * 130.0)
    return places
