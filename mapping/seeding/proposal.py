"""A seed proposal as plain data, and the one reversible operation that applies it to a map."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from mapping.documents import ParsedDocument

if TYPE_CHECKING:
    from mapping.model import ArgumentMap, Compound


_COLUMNS = 8


@dataclass(frozen=True)
class ProposedNode:
    """A position, claim, question or note; `document` indexes Proposal.documents (None: no source)."""

    key: str
    kind: str
    label: str
    text: str = ""
    speaker: str = ""
    document: int | None = None
    start: int | None = None
    end: int | None = None
    tags: tuple[str, ...] = ()
    data: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class ProposedRelation:
    """An edge source → target with a confidence and the cue that produced it."""

    source: str
    target: str
    relation: str  # support | attack
    confidence: float
    reason: str
    cue: str  # the family of cue: "discourse marker", "reply", "profile cue", "named holder" ...


@dataclass(frozen=True)
class Proposal:
    """What the seeder found; nothing is applied until `operation()` is executed on a map."""

    documents: tuple[ParsedDocument, ...]
    nodes: tuple[ProposedNode, ...]
    relations: tuple[ProposedRelation, ...]
    profile: str = ""

    def node(self, key: str) -> ProposedNode:
        for node in self.nodes:
            if node.key == key:
                return node
        raise KeyError(key)

    def operation(self, argument_map: ArgumentMap, description: str = "") -> Compound:
        """One Compound of AddDocument/AddNode/AddEdge; ids are fresh for `argument_map`."""
        from mapping.model import (
            AddDocument,
            AddEdge,
            AddNode,
            Compound,
            Document,
            Edge,
            Node,
            SourceSpan,
        )

        taken = set(argument_map.nodes) | set(argument_map.edges) | set(argument_map.documents)
        counters: dict[str, int] = {}

        def fresh(prefix: str) -> str:
            count = counters.get(prefix, 0)
            while True:
                count += 1
                candidate = f"{prefix}{count}"
                if candidate not in taken:
                    taken.add(candidate)
                    counters[prefix] = count
                    return candidate

        children = []
        document_ids: list[str] = []
        for parsed in self.documents:
            doc_id = fresh("d")
            document_ids.append(doc_id)
            metadata = {key: value for key, value in parsed.metadata.items() if value}
            metadata.update(format=parsed.format, encoding=parsed.encoding)
            children.append(
                AddDocument(Document.from_text(doc_id, parsed.name, parsed.text, metadata))
            )
        node_ids: dict[str, str] = {}
        # A plain grid so nothing overlaps before a layout runs: positions on top, then claims.
        slots = {"position": 0, "other": 0}
        for proposed in self.nodes:
            node_id = fresh("p" if proposed.kind == "position" else "n")
            node_ids[proposed.key] = node_id
            row_kind = "position" if proposed.kind == "position" else "other"
            slot = slots[row_kind]
            slots[row_kind] += 1
            if row_kind == "position":
                x, y = slot * 260.0, 0.0
            else:
                x, y = (slot % _COLUMNS) * 220.0, 140.0 + (slot // _COLUMNS) * 90.0
            sources = ()
            if (
                proposed.document is not None
                and proposed.start is not None
                and proposed.end is not None
            ):
                sources = (
                    SourceSpan(document_ids[proposed.document], proposed.start, proposed.end),
                )
            children.append(
                AddNode(
                    Node(
                        id=node_id,
                        kind=proposed.kind,
                        label=proposed.label,
                        text=proposed.text,
                        speaker=proposed.speaker,
                        sources=sources,
                        tags=proposed.tags,
                        x=x,
                        y=y,
                        data=dict(proposed.data),
                    )
                )
            )
        for relation in self.relations:
            children.append(
                AddEdge(
                    Edge(
                        id=fresh("e"),
                        source=node_ids[relation.source],
                        target=node_ids[relation.target],
                        relation=relation.relation,
                        origin="seeded",
                        confidence=round(relation.confidence, 2),
                        reason=relation.reason,
                        data={"cue": relation.cue},
                    )
                )
            )
        claims = sum(1 for node in self.nodes if node.kind != "position")
        return Compound(
            children,
            description or f"Seed Map from {len(self.documents)} Documents ({claims} Claims)",
        )
