"""How claims hang together around positions: which position a claim serves, and its family.

The documents panel colours a span by its claim's position, the positions panel counts and filters
by position, the outline nests claims under positions; all three ask the same questions, so the
answers live here, without Qt.

>>> from mapping.model import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.add_node("p", kind="position"); _ = m.add_node("a"); _ = m.add_node("b")
>>> _ = m.add_edge("a", "p", "attack"); _ = m.add_edge("b", "a", "support")
>>> position_of(m, "b")
'p'
>>> sorted(family(m, "p"))
['a', 'b', 'p']
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable

from mapping.model import ArgumentMap, Edge

ARGUMENT_RELATIONS = ("support", "attack", "rephrase")


def positions(argument_map: ArgumentMap) -> list[str]:
    """Ids of the position nodes, in map order."""
    return [node.id for node in argument_map.nodes.values() if node.kind == "position"]


def position_of(argument_map: ArgumentMap, node_id: str) -> str | None:
    """The position ``node_id`` argues about, following edges forward; or None.

    A position is its own position. Support (and rephrase) chains are tried first, so a claim
    that attacks one position and supports another belongs to the one it supports; failing that
    any chain counts. Breadth first: the nearest position wins, ties go to the edge added first.
    """
    if node_id not in argument_map.nodes:
        return None
    return _nearest_position(argument_map, node_id, ("support", "rephrase")) or _nearest_position(
        argument_map, node_id, ARGUMENT_RELATIONS
    )


def _nearest_position(
    argument_map: ArgumentMap, node_id: str, relations: tuple[str, ...]
) -> str | None:
    seen = {node_id}
    queue = deque([node_id])
    while queue:
        current = queue.popleft()
        if argument_map.nodes[current].kind == "position":
            return current
        for edge in argument_map.out_edges(current):
            if edge.relation in relations and edge.target not in seen:
                seen.add(edge.target)
                queue.append(edge.target)
    return None


def family(argument_map: ArgumentMap, position_id: str) -> set[str]:
    """The position and every node that supports or attacks it, directly or through others."""
    if position_id not in argument_map.nodes:
        return set()
    seen = {position_id}
    queue = deque([position_id])
    while queue:
        current = queue.popleft()
        for edge in argument_map.in_edges(current):
            if edge.relation in ARGUMENT_RELATIONS and edge.source not in seen:
                seen.add(edge.source)
                queue.append(edge.source)
    return seen


def hidden_items(argument_map: ArgumentMap, hidden_positions: Iterable[str]) -> set[str]:
    """Node and edge ids to hide when ``hidden_positions`` are switched off.

    A claim that also serves a position still shown stays visible; an edge hides with either end.
    """
    hidden_positions = set(hidden_positions)
    if not hidden_positions:
        return set()
    shown: set[str] = set()
    for position in positions(argument_map):
        if position not in hidden_positions:
            shown |= family(argument_map, position)
    hidden: set[str] = set()
    for position in hidden_positions:
        hidden |= family(argument_map, position)
    hidden -= shown
    for edge in argument_map.edges.values():
        if edge.source in hidden or edge.target in hidden:
            hidden.add(edge.id)
    return hidden


def counts(argument_map: ArgumentMap, node_id: str) -> tuple[int, int]:
    """(supporters, attackers) pointing directly at ``node_id``."""
    support = attack = 0
    for edge in argument_map.in_edges(node_id):
        if edge.relation == "support":
            support += 1
        elif edge.relation == "attack":
            attack += 1
    return support, attack


def children(argument_map: ArgumentMap, node_id: str) -> list[Edge]:
    """The edges into ``node_id`` that the outline nests under it: supports first, then attacks."""
    order = {relation: index for index, relation in enumerate(("support", "attack", "rephrase"))}
    edges = [e for e in argument_map.in_edges(node_id) if e.relation in order]
    return sorted(edges, key=lambda e: order[e.relation])
