"""Evaluate an argument map under a semantics: which positions and claims stand, and how strongly.

This is the entry point for the command line and the window's Evaluate mode. It reads the map and
returns plain data; nothing is written into the map.

>>> from mapping.model import ArgumentMap
>>> m = ArgumentMap()
>>> _ = m.add_node(id="p", kind="position"); _ = m.add_node(id="c", kind="claim")
>>> _ = m.add_edge("c", "p", "attack")
>>> evaluate_map(m).labels()
{'p': <Label.OUT: 'OUT'>, 'c': <Label.IN: 'IN'>}
>>> evaluate_map(m, assume={"c": False}).labels()["p"]
<Label.IN: 'IN'>
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from mapping.semantics.bipolar import (
    DEFAULT_SUPPORT,
    SUPPORT_READINGS,
    BipolarGraph,
    bipolar_graph,
    dung_framework,
)
from mapping.semantics.dung import LABELLING_SEMANTICS, Label, labellings
from mapping.semantics.gradual import GRADUAL_SEMANTICS, strengths

SEMANTICS = (*LABELLING_SEMANTICS, *GRADUAL_SEMANTICS)
SEMANTICS_TITLES = {
    "grounded": "Grounded (sceptical, one answer)",
    "complete": "Complete (every defensible stance)",
    "preferred": "Preferred (largest defensible stances)",
    "stable": "Stable (stances that reject everything else)",
    "dfquad": "DF-QuAD strengths",
    "quadratic": "Quadratic energy strengths",
}

Assumption = bool | Label | str


@dataclass(frozen=True)
class MapEvaluation:
    """The outcome of one evaluation, keyed by node id.

    For labelling semantics ``labellings`` holds one node id → Label mapping per extension
    (grounded: exactly one; stable: possibly none). For gradual semantics ``strengths`` maps node
    id → strength in [0, 1]. ``excluded`` lists nodes that take no part (questions, notes).
    """

    semantics: str
    support: str
    node_ids: tuple[str, ...]
    excluded: tuple[str, ...] = ()
    labellings: tuple[Mapping[str, Label], ...] = ()
    strengths: Mapping[str, float] | None = None
    converged: bool = True
    truncated: bool = False
    assumed: Mapping[str, Label] = field(default_factory=dict)

    @property
    def is_gradual(self) -> bool:
        return self.semantics in GRADUAL_SEMANTICS

    def labels(self, extension: int = 0) -> dict[str, Label]:
        """Node id → label in one extension (empty when the semantics gives none)."""
        if extension >= len(self.labellings):
            return {}
        return dict(self.labellings[extension])

    def sceptical(self) -> dict[str, Label]:
        """IN where every extension says IN, OUT where every one says OUT, else UNDEC."""
        if not self.labellings:
            return {}
        result = {}
        for node_id in self.node_ids:
            seen = {lab[node_id] for lab in self.labellings}
            result[node_id] = seen.pop() if len(seen) == 1 else Label.UNDEC
        return result

    def to_json(self) -> dict[str, Any]:
        """A JSON-ready dict (labels as "IN"/"OUT"/"UNDEC")."""
        data: dict[str, Any] = {
            "semantics": self.semantics,
            "support": self.support,
            "nodes": list(self.node_ids),
            "excluded": list(self.excluded),
            "assumed": {k: str(v) for k, v in self.assumed.items()},
        }
        if self.is_gradual:
            data["strengths"] = dict(self.strengths or {})
            data["converged"] = self.converged
        else:
            data["labellings"] = [{k: str(v) for k, v in lab.items()} for lab in self.labellings]
            data["truncated"] = self.truncated
        return data


def _as_label(value: Assumption, node_id: str) -> Label:
    if value is True:
        return Label.IN
    if value is False:
        return Label.OUT
    label = Label(str(value).upper())
    if label is Label.UNDEC:
        raise ValueError(f"node {node_id!r}: an assumption is IN or OUT, not UNDEC")
    return label


def evaluate_map(
    argument_map: Any,
    semantics: str = "grounded",
    *,
    support: str = DEFAULT_SUPPORT,
    assume: Mapping[str, Assumption] | None = None,
    limit: int | None = None,
    graph: BipolarGraph | None = None,
) -> MapEvaluation:
    """Evaluate ``argument_map`` (an ArgumentMap) and return the result as data.

    ``support`` picks the support reading for labelling semantics (see SUPPORT_READINGS; gradual
    semantics use supports directly). ``assume`` maps node ids to True/IN (accepted) or
    False/OUT (rejected) for "what if". ``limit`` caps how many extensions are enumerated.
    ``graph`` may pass a BipolarGraph already extracted from the map, to skip that step.
    """
    if semantics not in SEMANTICS:
        raise ValueError(f"unknown semantics {semantics!r}; choose from {', '.join(SEMANTICS)}")
    if support not in SUPPORT_READINGS:
        choices = ", ".join(SUPPORT_READINGS)
        raise ValueError(f"unknown support reading {support!r}; choose from {choices}")
    graph = graph if graph is not None else bipolar_graph(argument_map)
    index = {node_id: i for i, node_id in enumerate(graph.ids)}
    assumed: dict[str, Label] = {}
    for node_id, value in (assume or {}).items():
        if node_id not in index:
            why = "takes no part" if node_id in graph.excluded else "is not in the map"
            raise ValueError(f"cannot assume anything about node {node_id!r}: it {why}")
        assumed[node_id] = _as_label(value, node_id)
    common = {
        "semantics": semantics,
        "support": support,
        "node_ids": graph.ids,
        "excluded": graph.excluded,
        "assumed": assumed,
    }
    if semantics in GRADUAL_SEMANTICS:
        fixed = {index[k]: 1.0 if v is Label.IN else 0.0 for k, v in assumed.items()}
        result = strengths(graph, semantics, fixed)
        values = dict(zip(graph.ids, result.strengths, strict=True))
        return MapEvaluation(**common, strengths=values, converged=result.converged)
    framework = dung_framework(graph, support)
    clamp = {index[k]: v for k, v in assumed.items()}
    # Ask for one more than the limit, to know whether the list was cut.
    found = labellings(framework, semantics, clamp, None if limit is None else limit + 1)
    truncated = limit is not None and len(found) > limit
    return MapEvaluation(
        **common,
        labellings=tuple(lab.as_dict() for lab in found[:limit]),
        truncated=truncated,
    )
