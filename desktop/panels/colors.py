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
