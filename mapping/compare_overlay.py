"""One map that shows a comparison: the student's map plus what the reference has and it lacks.

The compare view draws this map. Student nodes and edges keep their ids; reference nodes the
student has no match for come in as ghosts (ids ``ref:<id>``, no sources), and missing reference
edges are drawn between the matched (or ghost) ends. Every item carries a status the view marks.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from mapping.compare import Comparison, compare_maps
from mapping.model import ArgumentMap, Edge

AGREED, FLIPPED, MISSING, EXTRA = "agreed", "flipped", "missing", "extra"
STATUSES = (AGREED, FLIPPED, MISSING, EXTRA)
GHOST_PREFIX = "ref:"


@dataclass
class Overlay:
    """The combined map, the status of its items, and the comparison it came from."""

    map: ArgumentMap
    comparison: Comparison
    edge_status: dict[str, str] = field(default_factory=dict)
    """Overlay edge id → agreed, flipped, missing or extra (rephrase edges have none)."""
    node_status: dict[str, str] = field(default_factory=dict)
    """Overlay node id → missing (a reference node the student lacks) or extra (no match)."""
    reference_relation: dict[str, str] = field(default_factory=dict)
    """Flipped overlay edge id → the relation the reference has."""

    def ids_with(self, status: str) -> list[str]:
        return [i for i, s in self.edge_status.items() if s == status]


def _fresh(argument_map: ArgumentMap, wanted: str) -> str:
    candidate, n = wanted, 2
    while argument_map.has_id(candidate):
        candidate, n = f"{wanted}~{n}", n + 1
    return candidate


def build_overlay(
    reference: ArgumentMap, student: ArgumentMap, comparison: Comparison | None = None
) -> Overlay:
    """The student's map with the comparison against ``reference`` laid over it."""
    from mapping.formats.debatemap import map_from_dict, map_to_dict

    comparison = comparison or compare_maps(reference, student)
    combined = map_from_dict(map_to_dict(student), source="<comparison>")
    overlay = Overlay(combined, comparison)
    to_student = {r: s for s, r in comparison.node_matches.items()}
    for node in student.nodes.values():
        if node.id not in comparison.node_matches:
            overlay.node_status[node.id] = EXTRA
    for node in reference.nodes.values():
        if node.id in to_student:
            continue
        ghost_id = _fresh(combined, GHOST_PREFIX + node.id)
        ghost = replace(node, id=ghost_id, sources=(), data={})
        combined.add_node(**{k: getattr(ghost, k) for k in ghost.__dataclass_fields__})
        to_student[node.id] = ghost_id
        overlay.node_status[ghost_id] = MISSING
    for _reference_edge, student_edge in comparison.agreed:
        overlay.edge_status[student_edge.id] = AGREED
    for difference in comparison.flipped:
        overlay.edge_status[difference.student.id] = FLIPPED
        overlay.reference_relation[difference.student.id] = difference.reference.relation
    for difference in comparison.extra:
        overlay.edge_status[difference.student.id] = EXTRA
    for difference in comparison.missing:
        edge: Edge = difference.reference
        source, target = to_student[edge.source], to_student[edge.target]
        if source == target:  # two reference nodes matched one student node: nothing to draw
            continue
        edge_id = _fresh(combined, GHOST_PREFIX + edge.id)
        combined.add_edge(source, target, edge.relation, id=edge_id, origin=edge.origin)
        overlay.edge_status[edge_id] = MISSING
    return overlay
