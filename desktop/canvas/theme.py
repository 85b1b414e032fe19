"""Colours, line widths and the base font of the canvas, for the screen, projectors and print.

The palette follows Okabe and Ito (2008), which stays distinguishable for the common forms of
colour blindness. Support and attack never rely on colour alone: support is a solid line with a
filled arrowhead, attack a dashed line ending in a bar, rephrase a dotted line with an open head.
"""

from __future__ import annotations

from typing import NamedTuple

# Okabe–Ito
ORANGE = "#E69F00"
SKY_BLUE = "#56B4E9"
BLUISH_GREEN = "#009E73"
YELLOW = "#F0E442"
BLUE = "#0072B2"
VERMILLION = "#D55E00"
REDDISH_PURPLE = "#CC79A7"
BLACK = "#000000"

PALETTE: tuple[str, ...] = (
    ORANGE,
    BLUE,
    REDDISH_PURPLE,
    BLUISH_GREEN,
    VERMILLION,
    SKY_BLUE,
    YELLOW,
)
"""Colours offered for positions, in the order new positions receive them."""


class Theme(NamedTuple):
    """Everything the scene needs to draw a map; items read it, they never hard-code colours.

    Change one with ``theme._replace(...)``. (A NamedTuple, not a frozen dataclass: the canvas
    imports this before its first paint, and a dataclass costs ~1 ms more to create.)
    """

    name: str
    background: str
    grid: str
    text: str
    secondary_text: str
    claim_fill: str
    position_fill: str
    question_fill: str
    note_fill: str
    border: str
    selection: str
    highlight: str
    support: str
    attack: str
    rephrase: str
    handle: str
    font_family: str = ""
    font_size: float = 10.0
    line_width: float = 1.6
    seeded_opacity: float = 0.45
    """Opacity of an edge the seeder proposed that nobody has confirmed yet."""
    tint: float = 0.22
    """How much of a node's own colour goes into its fill (the rest is the kind's fill)."""
    accepted: str = BLUISH_GREEN
    """Evaluate mode: a node labelled IN (also marked ✓ and drawn with a solid border)."""
    rejected: str = VERMILLION
    """Evaluate mode: a node labelled OUT (also marked ✗ and drawn with a dashed border)."""
    undecided: str = "#7D7D78"
    """Evaluate mode: a node labelled UNDEC (also marked ? and drawn with a dotted border)."""

    def with_font_size(self, size: float) -> Theme:
        return self._replace(font_size=float(size))

    def relation_color(self, relation: str) -> str:
        return {"support": self.support, "attack": self.attack}.get(relation, self.rephrase)

    def label_color(self, label: str) -> str:
        """The colour of an evaluation label ("IN", "OUT" or "UNDEC")."""
        return {"IN": self.accepted, "OUT": self.rejected}.get(label, self.undecided)


LIGHT = Theme(
    name="light",
    background="#FBFBF8",
    grid="#E6E6E0",
    text="#1A1A1A",
    secondary_text="#55554F",
    claim_fill="#FFFFFF",
    position_fill="#FFF8E6",
    question_fill="#EEF6FB",
    note_fill="#FFFBD6",
    border="#5A5A55",
    selection="#0072B2",
    highlight="#F0E442",
    support=BLUE,
    attack=VERMILLION,
    rephrase="#6E6E6E",
    handle="#0072B2",
)

DARK = Theme(
    name="dark",
    background="#1E1F22",
    grid="#2C2D31",
    text="#ECECEC",
    secondary_text="#B4B4B4",
    claim_fill="#2B2D31",
    position_fill="#35302A",
    question_fill="#26323A",
    note_fill="#38371F",
    border="#9A9A9A",
    selection="#56B4E9",
    highlight="#F0E442",
    support=SKY_BLUE,
    attack=ORANGE,
    rephrase="#A0A0A0",
    handle="#56B4E9",
    tint=0.30,
    undecided="#A8A8A8",
)

PRINT = Theme(
    name="print",
    background="#FFFFFF",
    grid="#FFFFFF",
    text="#000000",
    secondary_text="#333333",
    claim_fill="#FFFFFF",
    position_fill="#F2F2F2",
    question_fill="#FFFFFF",
    note_fill="#FAFAFA",
    border="#000000",
    selection="#0072B2",
    highlight="#F0E442",
    support=BLUE,
    attack=VERMILLION,
    rephrase="#555555",
    handle="#0072B2",
    line_width=1.4,
    seeded_opacity=0.6,
    tint=0.15,
)

HIGH_CONTRAST = Theme(
    name="high-contrast",
    background="#000000",
    grid="#000000",
    text="#FFFFFF",
    secondary_text="#FFFF00",
    claim_fill="#000000",
    position_fill="#101010",
    question_fill="#000000",
    note_fill="#000000",
    border="#FFFFFF",
    selection="#00FFFF",
    highlight="#FFFF00",
    support="#56B4E9",
    attack="#FFB000",
    rephrase="#FFFFFF",
    handle="#00FFFF",
    font_size=12.0,
    line_width=2.4,
    seeded_opacity=0.7,
    tint=0.0,
    accepted="#00D19A",
    rejected="#FF7A3D",
    undecided="#C8C8C8",
)

THEMES: dict[str, Theme] = {t.name: t for t in (LIGHT, DARK, PRINT, HIGH_CONTRAST)}


def theme_named(name: str) -> Theme:
    """The built-in theme called ``name``; unknown names fall back to the light theme."""
    return THEMES.get(name, LIGHT)
