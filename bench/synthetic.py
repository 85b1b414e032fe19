"""Synthetic argument maps of a given size for benchmarks: positions with trees of claims."""

from __future__ import annotations

import random

from mapping.model import ArgumentMap, Edge, Node
from mapping.model.operations import AddEdge, AddNode


def synthetic_map(size: int, seed: int = 1) -> ArgumentMap:
    """``size`` nodes: about one position per 50 nodes, claims supporting or attacking earlier
    nodes, plus a few cross links (some closing cycles) so the layout has real work to do."""
    rng = random.Random(seed)
    argument_map = ArgumentMap(f"Synthetic map of {size} nodes")
    positions = max(1, size // 50)
    words = ("tax", "school", "war", "peace", "union", "wage", "rent", "vote", "law", "court")
    for i in range(size):
        kind = "position" if i < positions else "claim"
        label = " ".join(rng.choice(words) for _ in range(rng.randint(3, 12)))
        argument_map.execute(AddNode(Node(f"n{i}", kind=kind, label=f"{i}: {label}")))
    count = 0
    for i in range(positions, size):
        target = rng.randrange(0, i) if rng.random() < 0.8 else rng.randrange(0, positions)
        relation = "support" if rng.random() < 0.6 else "attack"
        argument_map.execute(AddEdge(Edge(f"e{count}", f"n{i}", f"n{target}", relation)))
        count += 1
    for _ in range(size // 20):
        a, b = rng.randrange(positions, size), rng.randrange(0, size)
        if a != b:
            argument_map.execute(AddEdge(Edge(f"e{count}", f"n{a}", f"n{b}", "attack")))
            count += 1
    return argument_map
