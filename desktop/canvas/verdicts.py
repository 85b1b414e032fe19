"""What Evaluate mode shows on a node: its label or strength, and whether the user assumed it.

An :class:`EvaluationOverlay` is view state made from a :class:`mapping.semantics.MapEvaluation`;
the scene draws it on its node items and image export draws the same. It is never map data.
Labels are shown three ways at once, so nobody has to tell colours apart: a colour, a badge
(✓ IN, ✗ OUT, ? UNDEC) and a border style (solid, dashed, dotted).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

LABELS = ("IN", "OUT", "UNDEC")
BADGES: dict[str, str] = {"IN": "✓", "OUT": "✗", "UNDEC": "?"}
LABEL_WORDS: dict[str, str] = {
    "IN": "accepted (IN)",
    "OUT": "rejected (OUT)",
    "UNDEC": "undecided (UNDEC)",
}


@dataclass(frozen=True, slots=True)
class Verdict:
    """One node's result: ``label`` for labelling semantics, ``strength`` for gradual ones."""

    label: str | None = None
    strength: float | None = None
    assumed: str | None = None
    """"IN" or "OUT" when the user played "what if" on this node, else None."""

    @property
    def takes_no_part(self) -> bool:
        """A question or note: shown faded in Evaluate mode, with no label or strength."""
        return self.label is None and self.strength is None

    def describe(self) -> str:
        """One line for tooltips: 'Evaluation: accepted (IN); what if: assumed accepted'."""
        if self.takes_no_part:
            return "Evaluation: takes no part (only positions and claims are evaluated)"
        parts = []
        if self.label is not None:
            parts.append(f"Evaluation: {LABEL_WORDS.get(self.label, self.label)}")
        if self.strength is not None:
            parts.append(f"Strength: {self.strength:.3f}")
        if self.assumed is not None:
            word = "accepted" if self.assumed == "IN" else "rejected"
            parts.append(f"what if: assumed {word}")
        return "; ".join(parts)


@dataclass(frozen=True)
class EvaluationOverlay:
    """Verdicts by node id, and a caption naming the semantics (for legends and exports)."""

    verdicts: Mapping[str, Verdict] = field(default_factory=dict)
    caption: str = ""
    gradual: bool = False

    @classmethod
    def from_evaluation(cls, evaluation: Any, extension: int = 0) -> EvaluationOverlay:
        """The overlay of one extension of ``evaluation`` (a mapping.semantics.MapEvaluation).

        A labelling semantics with no extension at all (stable can have none) gives no labels.
        """
        from mapping.semantics import SEMANTICS_TITLES

        assumed = {k: str(v) for k, v in evaluation.assumed.items()}
        verdicts: dict[str, Verdict] = {}
        if evaluation.is_gradual:
            for node_id, value in (evaluation.strengths or {}).items():
                verdicts[node_id] = Verdict(None, float(value), assumed.get(node_id))
        else:
            for node_id, label in evaluation.labels(extension).items():
                verdicts[node_id] = Verdict(str(label), None, assumed.get(node_id))
        for node_id in evaluation.excluded:
            verdicts[node_id] = Verdict()
        title = SEMANTICS_TITLES.get(evaluation.semantics, evaluation.semantics)
        caption = title.split(" (")[0]
        if not evaluation.is_gradual:
            count = len(evaluation.labellings)
            if evaluation.semantics != "grounded":
                more = "+" if evaluation.truncated else ""
                caption += (
                    f", extension {extension + 1} of {count}{more}" if count else ", no extension"
                )
            caption += f"; support read as '{evaluation.support}'"
        if assumed:
            caption += f"; {len(assumed)} what-if assumption{'s' * (len(assumed) != 1)}"
        return cls(verdicts, caption, evaluation.is_gradual)

    def verdict(self, node_id: str) -> Verdict | None:
        return self.verdicts.get(node_id)

    def counts(self) -> dict[str, int]:
        """How many nodes carry each label (gradual overlays count nothing)."""
        result = dict.fromkeys(LABELS, 0)
        for verdict in self.verdicts.values():
            if verdict.label is not None and verdict.label in result:
                result[verdict.label] += 1
        return result
