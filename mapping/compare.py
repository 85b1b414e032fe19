"""How close a student's map comes to a reference map of the same texts.

Nodes are matched first by the source spans they cite (students who mark the same sentence mean the
same claim, whatever they call it), then by label similarity. An edge agrees when both of its ends
match and the relation is the same; a flipped edge has matching ends and the other relation.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from difflib import SequenceMatcher

from mapping.model import ArgumentMap, Edge, Node

SPAN_THRESHOLD = 0.5
"""Minimum overlap (shared characters / characters in either span set) to match by spans."""
LABEL_THRESHOLD = 0.6
"""Minimum label similarity (0..1) to match nodes that share no span."""
EVALUATED = ("support", "attack")


@dataclass(frozen=True)
class EdgeDifference:
    """One edge the two maps disagree on, described in the reference's and the student's ids."""

    kind: str  # "missing", "extra" or "flipped"
    reference: Edge | None
    student: Edge | None


@dataclass
class Comparison:
    node_matches: dict[str, str]
    """Student node id → reference node id."""
    agreed: list[tuple[Edge, Edge]] = field(default_factory=list)
    flipped: list[EdgeDifference] = field(default_factory=list)
    missing: list[EdgeDifference] = field(default_factory=list)
    extra: list[EdgeDifference] = field(default_factory=list)
    reference_edges: int = 0
    student_edges: int = 0
    kappa: float | None = None

    @property
    def precision(self) -> float:
        return len(self.agreed) / self.student_edges if self.student_edges else 0.0

    @property
    def recall(self) -> float:
        return len(self.agreed) / self.reference_edges if self.reference_edges else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def to_dict(self) -> dict:
        def edge(e: Edge | None) -> dict | None:
            return (
                None
                if e is None
                else {"id": e.id, "source": e.source, "target": e.target, "relation": e.relation}
            )

        return {
            "precision": self.precision,
            "recall": self.recall,
            "f1": self.f1,
            "kappa": self.kappa,
            "reference_edges": self.reference_edges,
            "student_edges": self.student_edges,
            "agreed": len(self.agreed),
            "node_matches": self.node_matches,
            "flipped": [
                {"reference": edge(d.reference), "student": edge(d.student)} for d in self.flipped
            ],
            "missing": [edge(d.reference) for d in self.missing],
            "extra": [edge(d.student) for d in self.extra],
        }


def _normalise(label: str) -> str:
    return " ".join(re.findall(r"\w+", label.lower()))


def label_similarity(a: str, b: str) -> float:
    """Similarity of two labels in 0..1, insensitive to case, punctuation and spacing."""
    a, b = _normalise(a), _normalise(b)
    if not a or not b:
        return 0.0
    return SequenceMatcher(None, a, b, autojunk=False).ratio()


def span_overlap(a: Node, b: Node) -> float:
    """Shared characters over all characters the two nodes cite (0 when either cites nothing)."""

    def characters(node: Node) -> set[tuple[str, int]]:
        return {(s.document, i) for s in node.sources for i in range(s.start, s.end)}

    if not a.sources or not b.sources:
        return 0.0
    left, right = characters(a), characters(b)
    return len(left & right) / len(left | right)


def match_nodes(reference: ArgumentMap, student: ArgumentMap) -> dict[str, str]:
    """A one-to-one matching student id → reference id, best pairs first (spans, then labels)."""
    candidates: list[tuple[int, float, str, str]] = []
    for s in student.nodes.values():
        for r in reference.nodes.values():
            if s.id == r.id and s.label == r.label and s.sources == r.sources:
                candidates.append((3, 1.0, s.id, r.id))
                continue
            overlap = span_overlap(s, r)
            if overlap >= SPAN_THRESHOLD:
                candidates.append((2, overlap, s.id, r.id))
                continue
            similarity = label_similarity(s.label or s.text, r.label or r.text)
            if similarity >= LABEL_THRESHOLD:
                candidates.append((1, similarity, s.id, r.id))
    candidates.sort(key=lambda c: (-c[0], -c[1], c[2], c[3]))
    matches: dict[str, str] = {}
    taken: set[str] = set()
    for _tier, _score, s_id, r_id in candidates:
        if s_id not in matches and r_id not in taken:
            matches[s_id] = r_id
            taken.add(r_id)
    return matches


def _evaluated(edges: Iterable[Edge]) -> list[Edge]:
    return [e for e in edges if e.relation in EVALUATED]


def cohens_kappa(pairs: list[tuple[str, str]]) -> float | None:
    """Cohen's kappa of two raters' labels; None without pairs, 1.0 for perfect agreement."""
    if not pairs:
        return None
    n = len(pairs)
    observed = sum(a == b for a, b in pairs) / n
    labels = {label for pair in pairs for label in pair}
    expected = sum(
        (sum(a == label for a, _ in pairs) / n) * (sum(b == label for _, b in pairs) / n)
        for label in labels
    )
    if expected == 1.0:
        return 1.0 if observed == 1.0 else 0.0
    return (observed - expected) / (1 - expected)


def compare_maps(reference: ArgumentMap, student: ArgumentMap) -> Comparison:
    """Scores and edge lists for a student's map against the reference (support and attack only)."""
    matches = match_nodes(reference, student)
    reference_edges = _evaluated(reference.edges.values())
    student_edges = _evaluated(student.edges.values())
    by_ends: dict[tuple[str, str], list[Edge]] = {}
    for edge in reference_edges:
        by_ends.setdefault((edge.source, edge.target), []).append(edge)

    result = Comparison(
        matches, reference_edges=len(reference_edges), student_edges=len(student_edges)
    )
    used: set[str] = set()
    both: list[tuple[str, str]] = []
    pending_flips: list[tuple[Edge, Edge]] = []
    for edge in student_edges:
        ends = (matches.get(edge.source), matches.get(edge.target))
        counterparts = (
            [e for e in by_ends.get(ends, []) if e.id not in used] if None not in ends else []
        )
        same = next((e for e in counterparts if e.relation == edge.relation), None)
        if same is not None:
            used.add(same.id)
            result.agreed.append((same, edge))
            both.append((same.relation, edge.relation))
        elif counterparts:
            pending_flips.append((counterparts[0], edge))
        else:
            result.extra.append(EdgeDifference("extra", None, edge))
    for ref_edge, edge in pending_flips:
        if ref_edge.id in used:  # an agreed edge claimed it meanwhile
            result.extra.append(EdgeDifference("extra", None, edge))
            continue
        used.add(ref_edge.id)
        result.flipped.append(EdgeDifference("flipped", ref_edge, edge))
        both.append((ref_edge.relation, edge.relation))
    result.missing = [
        EdgeDifference("missing", e, None) for e in reference_edges if e.id not in used
    ]
    result.kappa = cohens_kappa(both)
    return result
