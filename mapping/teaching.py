"""Seminar material from a map: presentation steps and exercise variants for students.

Steps are plain data stored in the map file (setting ``presentation``), so the order a teacher
chose travels with the map; when none is stored, :func:`default_steps` derives one.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from mapping.errors import MappingError
from mapping.model import ArgumentMap, Operation, SetMapSetting

PRESENTATION_KEY = "presentation"


@dataclass(frozen=True)
class Step:
    """One click of a presentation: ``focus`` is highlighted, ``reveal`` becomes visible."""

    title: str
    focus: str
    reveal: tuple[str, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {"title": self.title, "focus": self.focus, "reveal": list(self.reveal)}


def default_steps(argument_map: ArgumentMap) -> list[Step]:
    """Each position, then its supporters, then its attackers; loose nodes at the end."""
    steps: list[Step] = []
    shown: set[str] = set()
    for position in (n for n in argument_map.nodes.values() if n.kind == "position"):
        steps.append(Step(position.label or position.id, position.id, (position.id,)))
        shown.add(position.id)
        for relation, word in (("support", "For"), ("attack", "Against")):
            group = _tree_of(argument_map, position.id, relation, shown)
            if group:
                steps.append(Step(f"{word}: {position.label or position.id}", position.id, group))
                shown.update(group)
    rest = tuple(n for n in argument_map.nodes if n not in shown)
    if rest:
        steps.append(Step("Other claims", rest[0], rest))
    return steps


def _tree_of(
    argument_map: ArgumentMap, root: str, relation: str, shown: set[str]
) -> tuple[str, ...]:
    """Nodes that ``relation`` the root directly, with everything that argues about them."""
    found: dict[str, None] = {}
    frontier = [e.source for e in argument_map.in_edges(root) if e.relation == relation]
    while frontier:
        node_id = frontier.pop(0)
        if node_id in found or node_id in shown or argument_map.node(node_id).kind == "position":
            continue
        found[node_id] = None
        frontier.extend(e.source for e in argument_map.in_edges(node_id))
    return tuple(found)


def presentation_steps(argument_map: ArgumentMap) -> list[Step]:
    """The steps stored in the map (ids that no longer exist are dropped), or the default ones."""
    stored = argument_map.settings.get(PRESENTATION_KEY)
    if not isinstance(stored, dict) or not isinstance(stored.get("steps"), list):
        return default_steps(argument_map)
    steps = []
    for raw in stored["steps"]:
        if not isinstance(raw, dict):
            continue
        reveal = tuple(i for i in raw.get("reveal", []) if i in argument_map.nodes)
        focus = raw.get("focus")
        if focus not in argument_map.nodes:
            focus = reveal[0] if reveal else None
        if focus is not None:
            steps.append(Step(str(raw.get("title", "")), focus, reveal))
    return steps or default_steps(argument_map)


def set_presentation_steps(steps: list[Step]) -> Operation:
    """The operation that stores a teacher's order of steps in the map (one undo step)."""
    return SetMapSetting(
        PRESENTATION_KEY, {"steps": [s.to_dict() for s in steps]}, "Reorder Presentation"
    )


def _copy(argument_map: ArgumentMap, title: str) -> ArgumentMap:
    from mapping.formats.debatemap import map_from_dict, map_to_dict

    data = map_to_dict(argument_map)
    data["title"] = title
    data.pop(PRESENTATION_KEY, None)
    return map_from_dict(data, source=title)


def exercise_without_edges(argument_map: ArgumentMap) -> ArgumentMap:
    """Positions and claims with no relations: students draw support and attack themselves."""
    exercise = _copy(argument_map, f"{argument_map.title} — exercise: draw the relations")
    for edge_id in list(exercise.edges):
        exercise.remove_edge(edge_id)
    return exercise


def exercise_without_claims(argument_map: ArgumentMap) -> ArgumentMap:
    """Only the positions (and the texts): students find the claims and connect them."""
    if not any(n.kind == "position" for n in argument_map.nodes.values()):
        raise MappingError("this map has no positions to keep for the exercise")
    exercise = _copy(argument_map, f"{argument_map.title} — exercise: find the claims")
    for node in list(exercise.nodes.values()):
        if node.kind != "position":
            exercise.remove_node(node.id)
    return exercise
