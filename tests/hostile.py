"""Labels that break naive exporters: quoting, markup, braces, newlines, huge, RTL, emoji."""

from __future__ import annotations

from mapping.model import ArgumentMap

HOSTILE_LABELS = (
    'She said "no" twice',
    "<script>alert('boom')</script>",
    "closing } brace and { opening",
    "first line\nsecond line\nthird",
    "back\\slash and \\n that is not a newline \\",
    "long " * 2048,  # 10 KB
    "الحرية للعمال — חופש לעובדים",
    "peace 🕊️ fist ✊🏽 fire 🔥",
    "&amp; &lt; ]]> <![CDATA[ x ]]>",
    "\\N \\G \\E %s {0} $x",
    "<b>bold?</b> <i>",
)


def hostile_map() -> ArgumentMap:
    """A chain of nodes with every hostile label; odd ids are hostile too."""
    argument_map = ArgumentMap('A title with "quotes", <tags> & } braces {')
    previous = None
    for i, label in enumerate(HOSTILE_LABELS):
        node_id = f'node "{i}" <{i}>:{{x}}' if i % 2 else f"n{i}"
        node = argument_map.add_node(
            id=node_id,
            kind="position" if i == 0 else "claim",
            label=label,
            speaker='Speaker "Q"' if i == 3 else "",
            x=float(i * 250),
            y=float((i % 3) * 150),
        )
        if previous is not None:
            argument_map.add_edge(node.id, previous.id, "attack" if i % 2 else "support")
        previous = node
    return argument_map
