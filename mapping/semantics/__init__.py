"""Argumentation semantics over abstract frameworks and argument maps; results are plain data.

The window and the command line call :func:`evaluate_map`; abstract frameworks (ICCMA files) go
through :class:`Framework` and :func:`labellings`. See docs/SEMANTICS.md.
"""

from mapping.semantics.bipolar import (
    ARGUMENT_KINDS,
    DEFAULT_SUPPORT,
    SUPPORT_READINGS,
    BipolarGraph,
    bipolar_graph,
    derived_attacks,
    dung_framework,
)
from mapping.semantics.dung import (
    LABELLING_SEMANTICS,
    Label,
    Labelling,
    complete,
    grounded,
    labellings,
    preferred,
    stable,
)
from mapping.semantics.evaluate import SEMANTICS, SEMANTICS_TITLES, MapEvaluation, evaluate_map
from mapping.semantics.framework import Framework
from mapping.semantics.gradual import GRADUAL_SEMANTICS, GradualResult, strengths

__all__ = [
    "ARGUMENT_KINDS",
    "DEFAULT_SUPPORT",
    "GRADUAL_SEMANTICS",
    "LABELLING_SEMANTICS",
    "SEMANTICS",
    "SEMANTICS_TITLES",
    "SUPPORT_READINGS",
    "BipolarGraph",
    "Framework",
    "GradualResult",
    "Label",
    "Labelling",
    "MapEvaluation",
    "bipolar_graph",
    "complete",
    "derived_attacks",
    "dung_framework",
    "evaluate_map",
    "grounded",
    "labellings",
    "preferred",
    "stable",
    "strengths",
]
