"""Tooltips that show a user's text as it was written."""

from __future__ import annotations

import html
import textwrap

WRAP_AT = 80
"""Characters per tooltip line: a long title wraps instead of running off the screen."""


def plain_tooltip(text: str) -> str:
    """``text`` as a tooltip that shows it literally, in lines of up to :data:`WRAP_AT`.

    Qt takes a tooltip that looks like HTML (``Qt.mightBeRichText``) as rich text, so a title
    containing "<b>" would turn bold and an "<img>" would be loaded. Escaped, it reads as typed.
    The lines are wrapped here (and kept with ``pre``): left to Qt, a rich tooltip of one
    sentence wraps at a quarter of that width, a narrow column of words.
    """
    if not text:
        return ""
    lines = []
    for line in text.splitlines():
        short = line.expandtabs().rstrip()  # as textwrap leaves a line that fits
        if len(short) <= WRAP_AT:  # most labels, every speaker: textwrap is slow, and a panel
            lines.append(short)  # sets thousands of tooltips on a big map
        else:
            lines.extend(textwrap.wrap(line, WRAP_AT, break_long_words=False) or [""])
    shown = html.escape("\n".join(lines))
    return f'<p style="white-space: pre">{shown}</p>'
