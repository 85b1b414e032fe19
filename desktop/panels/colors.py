"""Colours that tie a claim to its position in every panel (the canvas uses the same rule)."""

from __future__ import annotations

from PySide6.QtGui import QColor

from mapping.model import ArgumentMap
from mapping.structure import position_of, positions

# Okabe–Ito: distinguishable with the common forms of colour blindness.
POSITION_PALETTE = ("#E69F00", "#0072B2", "#CC79A7", "#009E73", "#D55E00", "#56B4E9", "#F0E442")
NEUTRAL = "#9E9E9E"


def position_color(argument_map: ArgumentMap, position_id: str | None) -> QColor:
    """The position's own colour, else one from the palette by its rank, else neutral grey."""
    if position_id is None or position_id not in argument_map.nodes:
        return QColor(NEUTRAL)
    node = argument_map.nodes[position_id]
    if node.color and QColor.isValidColorName(node.color):
        return QColor(node.color)
    try:
        rank = positions(argument_map).index(position_id)
    except ValueError:
        return QColor(NEUTRAL)
    return QColor(POSITION_PALETTE[rank % len(POSITION_PALETTE)])


def node_color(argument_map: ArgumentMap, node_id: str) -> QColor:
    """The colour a node's source spans are highlighted in."""
    return position_color(argument_map, position_of(argument_map, node_id))


def contrast(a: QColor, b: QColor) -> float:
    """The WCAG contrast ratio of two colours (1 to 21)."""

    def luminance(color: QColor) -> float:
        def channel(value: float) -> float:
            return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

        red, green, blue = (channel(v) for v in (color.redF(), color.greenF(), color.blueF()))
        return 0.2126 * red + 0.7152 * green + 0.0722 * blue

    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def readable(color: QColor, background: QColor, minimum: float = 4.5) -> QColor:
    """``color`` made lighter on a dark background (darker on a light one) until it reads.

    Position and relation colours are chosen for the canvas; as text on a panel in the dark
    or high-contrast theme some of them (Okabe–Ito blue) nearly vanish.
    """
    shown = QColor(color)
    dark_background = background.lightnessF() < 0.5
    for _ in range(12):
        if contrast(shown, background) >= minimum:
            break
        shown = shown.lighter(125) if dark_background else shown.darker(125)
        if dark_background and shown.lightness() >= 250:
            return QColor("#FFFFFF") if contrast(shown, background) < minimum else shown
    return shown
