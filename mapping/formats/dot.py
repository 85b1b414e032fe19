"""Graphviz DOT: write a map that ``dot -Tsvg`` renders as it looks in DebateMap; read DOT back.

Every string goes out double-quoted and escaped by :func:`quote` (backslashes, quotes, newlines,
control characters), never through pydot's own guessing, which would take a label such as
``<b>`` for an HTML label or leave a lone backslash to start an escape sequence. Labels are
wrapped and shortened for the picture; the exact label, kind, speaker and text travel in
``dm_*`` attributes, which Graphviz ignores, so a map read back loses nothing that DOT can hold.
Edges point from the argument to what it argues about, with ``rankdir=BT`` so positions sit on
top. Node places go out as ``pos`` in points (y up, as Graphviz has it) and come back in.
"""

from __future__ import annotations

import contextlib
import html
import io
import re
import textwrap
from pathlib import Path
from typing import Any

from mapping.errors import FileFormatError, ModelError
from mapping.formats.files import decode_text, read_bounded
from mapping.model import NODE_KINDS, ORIGINS, RELATIONS, ArgumentMap, Node

MAX_FILE_BYTES = 32 * 1024 * 1024
WRAP_COLUMNS = 28
MAX_SHOWN_CHARACTERS = 280
"""Longer labels are cut in the picture (the full text stays in ``dm_label``)."""

# The light theme's colours (desktop/canvas/theme.py), so a Graphviz drawing reads like the app's.
KIND_FILL = {"position": "#FFF8E6", "claim": "#FFFFFF", "question": "#EEF6FB", "note": "#FFFBD6"}
RELATION_STYLE = {
    "support": {"color": "#0072B2", "style": "solid", "arrowhead": "normal"},
    "attack": {"color": "#D55E00", "style": "dashed", "arrowhead": "tee"},
    "rephrase": {"color": "#6E6E6E", "style": "dotted", "arrowhead": "empty"},
}
TINT = 0.25
"""How much of a node's own colour goes into its fill; the full colour draws its border."""
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_HEX_COLOR = re.compile(r"#[0-9A-Fa-f]{6}([0-9A-Fa-f]{2})?")


def quote(text: str) -> str:
    """``text`` as a DOT double-quoted string whose Graphviz label shows exactly ``text``.

    >>> print(quote('say "hi" \\\\ {x} <b>\\nnext'))
    "say \\"hi\\" \\\\ {x} <b>\\nnext"
    """
    text = _CONTROL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))
    text = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n")
    return f'"{text}"'


def quote_label(text: str) -> str:
    """Like :func:`quote`, for attributes Graphviz shows (it turns ``&amp;`` into ``&``)."""
    return quote(text.replace("&", "&amp;"))


def unquote_label(value: str) -> str:
    """The text Graphviz shows for a label attribute: entities such as ``&amp;`` decoded."""
    return html.unescape(unquote(value))


def unquote(value: str) -> str:
    """The text a DOT id or attribute value stands for (the inverse of :func:`quote`)."""
    value = value.strip()
    if len(value) >= 2 and value[0] == value[-1] == '"':
        value = re.sub(r"\\\r?\n", "", value[1:-1])  # line continuations

        def unescape(match: re.Match[str]) -> str:
            char = match.group(1)
            return {"n": "\n", "l": "\n", "r": "\n", '"': '"', "\\": "\\"}.get(char, "\\" + char)

        return re.sub(r"\\(.)", unescape, value, flags=re.S)
    if len(value) >= 2 and value[0] == "<" and value[-1] == ">":
        return value[1:-1]  # an HTML-like label: keep its markup as text
    return value


def shown_label(node: Node) -> str:
    """The label as the picture shows it: wrapped, shortened, with the speaker under it."""
    label = node.label or node.text or node.id
    if len(label) > MAX_SHOWN_CHARACTERS:
        label = label[: MAX_SHOWN_CHARACTERS - 1].rstrip() + "…"
    lines = []
    for paragraph in label.splitlines() or [""]:
        lines.extend(textwrap.wrap(paragraph, WRAP_COLUMNS, break_long_words=True) or [""])
    if node.speaker:
        lines.append(f"— {node.speaker}")
    return "\n".join(lines)


# --------------------------------------------------------------------------- writing
def dumps(argument_map: ArgumentMap) -> str:
    """The map as DOT text."""
    import pydot

    graph = pydot.Dot("debatemap", graph_type="digraph")
    graph.set_graph_defaults(rankdir="BT", nodesep="0.4", ranksep="0.8", charset='"UTF-8"')
    if argument_map.title:
        graph.set("label", quote_label(argument_map.title))
        graph.set("labelloc", "t")
        graph.set("fontsize", "20")
        graph.set("fontname", '"Helvetica-Bold"')
    graph.set_node_defaults(shape="box", style='"rounded,filled"', fontname="Helvetica",
                            fontsize="11", margin='"0.15,0.08"')  # fmt: skip
    graph.set_edge_defaults(fontname="Helvetica", fontsize="9")
    for node in argument_map.nodes.values():
        attributes = {
            "label": quote_label(shown_label(node)),
            "dm_label": quote(node.label),
            "dm_kind": quote(node.kind),
            "fillcolor": quote(tint(node.color, KIND_FILL[node.kind])),
            "pos": quote(f"{node.x:.2f},{-node.y:.2f}"),
        }
        if node.kind == "position":
            attributes.update(penwidth="2", fontname='"Helvetica-Bold"')
        if _is_color(node.color):
            attributes["color"] = quote(str(node.color)[:7])
        for name in ("text", "speaker", "note"):
            if getattr(node, name):
                attributes[f"dm_{name}"] = quote(getattr(node, name))
        if node.text:
            attributes["tooltip"] = quote_label(node.text[:1000])
        if node.color is not None:
            attributes["dm_color"] = quote(node.color)
        if node.pinned:
            attributes["dm_pinned"] = "true"
        if node.tags:
            attributes["dm_tags"] = quote(" ".join(node.tags))
        graph.add_node(pydot.Node(quote(node.id), **attributes))
    for edge in argument_map.edges.values():
        attributes = {
            "id": quote(edge.id),
            "dm_relation": quote(edge.relation),
            "dm_origin": quote(edge.origin),
            **{key: quote(value) for key, value in RELATION_STYLE[edge.relation].items()},
        }
        if edge.confidence is not None:
            attributes["dm_confidence"] = f"{edge.confidence:g}"
        for name in ("note", "reason"):
            if getattr(edge, name):
                attributes[f"dm_{name}"] = quote(getattr(edge, name))
        graph.add_edge(pydot.Edge(quote(edge.source), quote(edge.target), **attributes))
    return graph.to_string()


def write(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write ``argument_map`` to ``path`` as DOT (atomically)."""
    from mapping.formats.debatemap import write_atomically

    write_atomically(Path(path), dumps(argument_map).encode("utf-8"), backup=False)


def tint(color: str | None, base: str) -> str:
    """``base`` with a little of ``color`` mixed in (text stays readable on any colour)."""
    if not _is_color(color):
        return base
    mixed = [
        round(int(base[i : i + 2], 16) * (1 - TINT) + int(str(color)[i : i + 2], 16) * TINT)
        for i in (1, 3, 5)
    ]
    return "#{:02X}{:02X}{:02X}".format(*mixed)


def _is_color(value: str | None) -> bool:
    return value is not None and _HEX_COLOR.fullmatch(value) is not None


# --------------------------------------------------------------------------- reading
def read(path: str | Path) -> ArgumentMap:
    """Read a DOT file: nodes and edges with labels, and positions when ``pos`` is given."""
    name = str(path)
    text = decode_text(read_bounded(path, MAX_FILE_BYTES, "DOT files"), name, "DOT text")
    return loads(text, source=name)


def loads(text: str, source: str = "<dot>") -> ArgumentMap:
    """Parse DOT text (the first graph in it) into a new map."""
    import pydot

    messages = io.StringIO()
    try:
        with contextlib.redirect_stdout(messages):  # pydot prints its parse errors
            graphs = pydot.graph_from_dot_data(text)
    except Exception as error:  # pyparsing and pydot raise many kinds; all mean "bad DOT"
        raise FileFormatError(f"not valid DOT: {error}", file=source) from None
    if not graphs:
        detail = messages.getvalue().strip().splitlines()
        where = next((line.strip() for line in detail if "line:" in line), None)
        reason = detail[-1].strip() if detail else "no graph found"
        raise FileFormatError(f"not valid DOT: {reason}", file=source, where=where)
    graph = graphs[0]
    label = graph.get("label")
    title = unquote_label(label) if isinstance(label, str) else ""
    argument_map = ArgumentMap(title)
    nodes: dict[str, dict[str, str]] = {}
    edges: list[tuple[str, str, dict[str, str]]] = []
    _collect(graph, nodes, edges)
    try:
        for node_id, attributes in nodes.items():
            argument_map.add_node(**_node_fields(node_id, attributes))
        for source_id, target_id, attributes in edges:
            if source_id == target_id:
                continue  # the model has no self loops; DOT allows them
            fields = _edge_fields(attributes)
            edge_id = fields.pop("id", None)
            if not edge_id or argument_map.has_id(edge_id):
                edge_id = argument_map.new_id("e")
            argument_map.add_edge(source_id, target_id, id=edge_id, **fields)
    except ModelError as error:
        raise FileFormatError(error.message, file=source) from None
    return argument_map


def _collect(graph: Any, nodes: dict, edges: list) -> None:
    for node in graph.get_node_list():
        name = unquote(node.get_name())
        if name in ("node", "edge", "graph") or not name:
            continue
        nodes.setdefault(name, {}).update(
            {key: unquote(str(value)) for key, value in node.get_attributes().items()}
        )
    for edge in graph.get_edge_list():
        ends = [_end(edge.get_source()), _end(edge.get_destination())]
        if any(end is None for end in ends):
            continue  # an edge to a whole subgraph: DOT shorthand we do not expand
        for end in ends:
            nodes.setdefault(end, {})
        attributes = {key: unquote(str(value)) for key, value in edge.get_attributes().items()}
        edges.append((ends[0], ends[1], attributes))
    for subgraph in graph.get_subgraph_list():
        _collect(subgraph, nodes, edges)


def _end(value: object) -> str | None:
    if not isinstance(value, str):
        return None
    value = value.strip()
    if value.startswith('"'):
        return unquote(value)
    return value.split(":")[0]  # an unquoted "node:port"


def _node_fields(node_id: str, attributes: dict[str, str]) -> dict[str, object]:
    label = attributes.get("dm_label")
    if label is None:
        label = html.unescape(attributes.get("label", node_id))
        if label in ("\\N", ""):
            label = node_id
    kind = attributes.get("dm_kind", attributes.get("kind", "claim"))
    fields: dict[str, object] = {
        "id": node_id,
        "kind": kind if kind in NODE_KINDS else "claim",
        "label": label,
        "text": attributes.get("dm_text", ""),
        "speaker": attributes.get("dm_speaker", ""),
        "note": attributes.get("dm_note", ""),
        "pinned": attributes.get("dm_pinned", "false").lower() == "true",
        "tags": tuple(attributes.get("dm_tags", "").split()),
    }
    color = attributes.get("dm_color") or attributes.get("color")
    if color and (attributes.get("dm_color") or _is_color(color)):
        fields["color"] = color
    place = _point(attributes.get("pos", ""))
    if place is not None:
        fields["x"], fields["y"] = place[0], -place[1]
    return fields


def _edge_fields(attributes: dict[str, str]) -> dict[str, object]:
    relation = attributes.get("dm_relation") or attributes.get("relation")
    if relation not in RELATIONS:
        style = attributes.get("style", "")
        relation = (
            "attack" if "dashed" in style or attributes.get("arrowhead") == "tee" else "support"
        )
    origin = attributes.get("dm_origin")
    fields: dict[str, object] = {
        "relation": relation,
        "origin": origin if origin in ORIGINS else "imported",
        "note": attributes.get("dm_note", ""),
        "reason": attributes.get("dm_reason", ""),
    }
    if attributes.get("id"):
        fields["id"] = attributes["id"]
    try:
        confidence = float(attributes["dm_confidence"])
        if 0.0 <= confidence <= 1.0:
            fields["confidence"] = confidence
    except (KeyError, ValueError):
        pass
    return fields


def _point(value: str) -> tuple[float, float] | None:
    parts = value.rstrip("!").split(",")
    if len(parts) < 2:
        return None
    try:
        x, y = float(parts[0]), float(parts[1])
    except ValueError:
        return None
    return (x, y) if abs(x) < 1e9 and abs(y) < 1e9 else None
