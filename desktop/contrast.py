"""Text colours that stay readable on whatever background the theme gives (WCAG contrast)."""

from __future__ import annotations

import functools

from PySide6.QtGui import QColor, QPalette


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
    # A panel asks once per row, thousands of times on a big map, for a handful of colours.
    return QColor.fromRgba(_readable_rgba(color.rgba(), background.rgba(), minimum))


@functools.lru_cache(maxsize=256)
def _readable_rgba(color_rgba: int, background_rgba: int, minimum: float) -> int:
    color, background = QColor.fromRgba(color_rgba), QColor.fromRgba(background_rgba)
    shown = QColor(color)
    dark_background = background.lightnessF() < 0.5
    for _ in range(12):
        if contrast(shown, background) >= minimum:
            break
        shown = shown.lighter(125) if dark_background else shown.darker(125)
        if dark_background and shown.lightness() >= 250:
            return (
                QColor("#FFFFFF").rgba() if contrast(shown, background) < minimum else shown.rgba()
            )
    return shown.rgba()


def ink_on(background: QColor) -> QColor:
    """Black or white, whichever reads better on ``background`` (never below 4.58:1)."""
    black, white = QColor("#000000"), QColor("#FFFFFF")
    return black if contrast(black, background) >= contrast(white, background) else white


def swatch_style(color: str, palette: QPalette) -> str:
    """A style sheet for a button that shows ``color``: flat in exactly that colour, its text
    in :func:`ink_on` it, framed in the text colour (the focused one: in the highlight).

    With only a background set, the platform draws its gradient over it: #0072B2 showed as a
    sky blue under white text (2.5:1), and the button showed another colour than the one set.
    """
    ink = ink_on(QColor(color)).name()
    edge = palette.color(QPalette.ColorRole.WindowText).name()
    focus = palette.color(QPalette.ColorRole.Highlight).name()
    return (
        f"QPushButton {{ background: {color}; color: {ink}; border: 1px solid {edge};"
        " border-radius: 3px; padding: 2px 8px; }"
        f" QPushButton:focus {{ border: 2px solid {focus}; padding: 1px 7px; }}"
    )
