"""Layered layout by Graphviz ``dot``: the graph is built with pydot, ``dot -Tjson0`` places it.

Nodes go to dot as fixed-size boxes of their real size (1 scene unit = 1 point) under
neutral names (``n0``, ``n1`` …), so no label or id ever needs escaping here. dot runs as a
subprocess with a time limit, so a huge map cannot hang the editor.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections.abc import Mapping, Sequence
from typing import Any

from mapping.errors import MappingError

Size = tuple[float, float]
Point = tuple[float, float]

TIMEOUT_SECONDS = 60.0


class GraphvizUnavailable(MappingError):
    """dot is missing, failed or took too long; the caller may fall back to the built-in engine."""


def dot_program() -> str | None:
    """The path of Graphviz ``dot``, or None when it is not installed."""
    return shutil.which("dot")


def layout(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    direction: str = "TB",
    node_gap: float = 40.0,
    layer_gap: float = 90.0,
    groups: Sequence[Sequence[str]] | None = None,
) -> dict[str, Point]:
    """Centres for ``ids`` with every edge ``(upper, lower)`` pointing down (or right for LR)."""
    program = dot_program()
    if program is None:
        raise GraphvizUnavailable("Graphviz 'dot' is not installed")
    source = build_dot(ids, edges, sizes, direction, node_gap, layer_gap, groups)
    try:
        finished = subprocess.run(
            [program, "-Tjson0"],
            input=source.encode("utf-8"),
            capture_output=True,
            timeout=TIMEOUT_SECONDS,
            check=False,
        )
    except subprocess.TimeoutExpired:
        raise GraphvizUnavailable(f"Graphviz took longer than {TIMEOUT_SECONDS:.0f} s") from None
    except OSError as error:
        raise GraphvizUnavailable(f"Graphviz could not run: {error}") from None
    if finished.returncode != 0:
        message = finished.stderr.decode("utf-8", "replace").strip().splitlines()
        raise GraphvizUnavailable(f"Graphviz failed: {message[-1] if message else 'no message'}")
    try:
        data = json.loads(finished.stdout)
    except ValueError:
        raise GraphvizUnavailable("Graphviz gave output that is not JSON") from None
    positions: dict[str, Point] = {}
    for item in data.get("objects", ()):
        name, pos = item.get("name", ""), item.get("pos")
        if pos and name.startswith("n") and name[1:].isdigit():
            x, y = (float(v) for v in pos.split(",")[:2])
            positions[ids[int(name[1:])]] = (x, -y)  # dot's y grows upwards
    if len(positions) != len(ids):
        raise GraphvizUnavailable("Graphviz did not place every node")
    return positions


def build_dot(
    ids: Sequence[str],
    edges: Sequence[tuple[str, str]],
    sizes: Mapping[str, Size],
    direction: str = "TB",
    node_gap: float = 40.0,
    layer_gap: float = 90.0,
    groups: Sequence[Sequence[str]] | None = None,
) -> str:
    """The DOT text dot lays out: boxes of the given sizes, edges upper → lower."""
    import pydot

    index = {node_id: i for i, node_id in enumerate(ids)}
    graph = pydot.Dot("layout", graph_type="digraph")
    graph.set_graph_defaults(
        rankdir=direction, nodesep=f"{node_gap / 72:.4f}", ranksep=f"{layer_gap / 72:.4f}",
        splines="false", ordering="out",
    )  # fmt: skip
    graph.set_node_defaults(shape="box", fixedsize="true", label='""')
    grouped: dict[str, int] = {}
    for number, group in enumerate(groups or ()):
        cluster = pydot.Cluster(f"cluster_{number}", margin="16")
        for node_id in group:
            grouped[node_id] = number
            cluster.add_node(_box(pydot, index[node_id], sizes[node_id]))
        graph.add_subgraph(cluster)
    for node_id in ids:
        if node_id not in grouped:
            graph.add_node(_box(pydot, index[node_id], sizes[node_id]))
    for upper, lower in edges:
        graph.add_edge(pydot.Edge(f"n{index[upper]}", f"n{index[lower]}"))
    return graph.to_string()


def _box(pydot: Any, number: int, size: Size) -> Any:
    width, height = size
    return pydot.Node(
        f"n{number}", width=f"{max(width, 1.0) / 72:.4f}", height=f"{max(height, 1.0) / 72:.4f}"
    )
