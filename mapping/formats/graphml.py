"""GraphML: write maps that yEd and Gephi open with labels, colours and places; read theirs.

Writing goes through networkx (typed ``<key>`` declarations: strings, doubles, booleans) and then
adds yEd's own drawing data (``y:ShapeNode`` with geometry and label, ``y:PolyLineEdge`` with the
line style of each relation), so yEd shows the map as drawn without any property mapping. Gephi
picks up the ``label``, ``x``/``y`` and ``r``/``g``/``b`` attributes; its y axis points up, so
``y`` holds the negated scene y. Reading accepts our own files, yEd files (labels and geometry
from ``y:NodeLabel``/``y:Geometry``), Gephi files (``label``, ``x``/``y`` or ``viz:position``)
and plain GraphML (node ids become labels).
"""

from __future__ import annotations

import math
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

from mapping.errors import FileFormatError, ModelError
from mapping.formats.files import read_bounded
from mapping.model import NODE_KINDS, ORIGINS, RELATIONS, ArgumentMap

GRAPHML_NS = "http://graphml.graphdrawing.org/xmlns"
YED_NS = "http://www.yworks.com/xml/graphml"
XSI_NS = "http://www.w3.org/2001/XMLSchema-instance"
MAX_FILE_BYTES = 64 * 1024 * 1024

# The light theme's colours (desktop/canvas/theme.py), so yEd shows the map as the app does.
KIND_FILL = {"position": "#FFF8E6", "claim": "#FFFFFF", "question": "#EEF6FB", "note": "#FFFBD6"}
RELATION_LINE = {  # yEd line type, colour and arrowhead per relation
    "support": ("line", "#0072B2", "standard"),
    "attack": ("dashed", "#D55E00", "t_shape"),
    "rephrase": ("dotted", "#6E6E6E", "white_delta"),
}
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_HEX_COLOR = re.compile(r"#([0-9A-Fa-f]{6})([0-9A-Fa-f]{2})?")


def clean(text: str) -> str:
    """``text`` without the characters XML 1.0 cannot hold (control characters)."""
    return _NOT_XML.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


# --------------------------------------------------------------------------- writing
def to_networkx(argument_map: ArgumentMap) -> Any:
    """The map as a networkx MultiDiGraph with plain typed attributes (what GraphML stores)."""
    import networkx as nx

    graph = nx.MultiDiGraph(title=clean(argument_map.title))
    for node in argument_map.nodes.values():
        red, green, blue = _rgb(node.color) or _rgb(KIND_FILL[node.kind]) or (255, 255, 255)
        attributes: dict[str, Any] = {
            "label": clean(node.label),
            "kind": node.kind,
            "x": float(node.x),
            "y": -float(node.y),  # Gephi's y axis points up
            "pinned": bool(node.pinned),
            "r": red,
            "g": green,
            "b": blue,
        }
        for name in ("text", "speaker", "note", "color"):
            value = getattr(node, name)
            if value:
                attributes[name] = clean(value)
        if node.tags:
            attributes["tags"] = clean(", ".join(node.tags))
        if node.base_score is not None:
            attributes["base_score"] = float(node.base_score)
        graph.add_node(clean(node.id), **attributes)
    for edge in argument_map.edges.values():
        attributes = {"relation": edge.relation, "origin": edge.origin, "label": edge.relation}
        if edge.confidence is not None:
            attributes["confidence"] = float(edge.confidence)
        for name in ("note", "reason"):
            if getattr(edge, name):
                attributes[name] = clean(getattr(edge, name))
        graph.add_edge(clean(edge.source), clean(edge.target), key=clean(edge.id), **attributes)
    return graph


def dumps(argument_map: ArgumentMap) -> bytes:
    """The map as GraphML bytes (UTF-8), with yEd drawing data."""
    import networkx as nx

    from mapping.layout import estimate_size

    ET.register_namespace("", GRAPHML_NS)
    ET.register_namespace("y", YED_NS)
    ET.register_namespace("xsi", XSI_NS)
    # networkx writes each multigraph key (our edge id) as the edge's GraphML id
    text = "\n".join(nx.generate_graphml(to_networkx(argument_map)))
    root = ET.fromstring(text)
    graph = root.find(f"{{{GRAPHML_NS}}}graph")
    assert graph is not None
    node_key, edge_key = "yed_node_graphics", "yed_edge_graphics"
    keys = root.findall(f"{{{GRAPHML_NS}}}key")
    booleans = set()
    for key in keys:  # GraphML spells booleans in lower case; Gephi wants colour channels as int
        if key.get("attr.type") == "boolean":
            booleans.add(key.get("id"))
        elif key.get("attr.name") in ("r", "g", "b") and key.get("for") == "node":
            key.set("attr.type", "int")
    for data in graph.iter(f"{{{GRAPHML_NS}}}data"):
        if data.get("key") in booleans and data.text:
            data.text = data.text.lower()
    position = list(root).index(keys[-1]) + 1 if keys else 0
    for offset, (domain, key_id) in enumerate((("node", node_key), ("edge", edge_key))):
        element = ET.Element(f"{{{GRAPHML_NS}}}key", {"for": domain, "id": key_id})
        element.set("yfiles.type", f"{domain}graphics")
        root.insert(position + offset, element)
    nodes = {clean(n.id): n for n in argument_map.nodes.values()}
    relations = {clean(e.id): e.relation for e in argument_map.edges.values()}
    for element in graph.iter(f"{{{GRAPHML_NS}}}node"):
        node = nodes[element.get("id", "")]
        # First, so that readers which let yEd data override plain keys (networkx does)
        # end up with our typed label and x/y, which follow.
        element.insert(0, _yed_node(node_key, node, estimate_size(node)))
    for element in graph.iter(f"{{{GRAPHML_NS}}}edge"):
        element.insert(0, _yed_edge(edge_key, relations[element.get("id", "")]))
    ET.indent(root, space=" ")
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="utf-8")


def write(argument_map: ArgumentMap, path: str | Path) -> None:
    """Write ``argument_map`` to ``path`` as GraphML (atomically)."""
    from mapping.formats.debatemap import write_atomically

    write_atomically(Path(path), dumps(argument_map), backup=False)


def _yed_node(key: str, node: Any, size: tuple[float, float]) -> ET.Element:
    width, height = size
    data = ET.Element(f"{{{GRAPHML_NS}}}data", {"key": key})
    shape = ET.SubElement(data, f"{{{YED_NS}}}ShapeNode")
    ET.SubElement(shape, f"{{{YED_NS}}}Geometry", {
        "x": f"{node.x - width / 2:.2f}", "y": f"{node.y - height / 2:.2f}",
        "width": f"{width:.2f}", "height": f"{height:.2f}",
    })  # fmt: skip
    from mapping.formats.dot import tint

    fill = tint(node.color, KIND_FILL[node.kind])
    border = node.color[:7] if node.color and _rgb(node.color) else "#444444"
    ET.SubElement(shape, f"{{{YED_NS}}}Fill", {"color": fill, "transparent": "false"})
    ET.SubElement(shape, f"{{{YED_NS}}}BorderStyle", {
        "color": border, "type": "line", "width": "2.0" if node.kind == "position" else "1.0",
    })  # fmt: skip
    label = ET.SubElement(shape, f"{{{YED_NS}}}NodeLabel", {
        "alignment": "center", "autoSizePolicy": "content", "fontFamily": "Dialog",
        "fontSize": "12", "fontStyle": "bold" if node.kind == "position" else "plain",
        "modelName": "internal", "modelPosition": "c", "visible": "true",
    })  # fmt: skip
    # The exact label: networkx and other readers take a yEd file's label from here.
    label.text = clean(node.label or node.id)
    ET.SubElement(shape, f"{{{YED_NS}}}Shape", {"type": "roundrectangle"})
    return data


def _yed_edge(key: str, relation: str) -> ET.Element:
    line_type, color, arrow = RELATION_LINE[relation]
    data = ET.Element(f"{{{GRAPHML_NS}}}data", {"key": key})
    edge = ET.SubElement(data, f"{{{YED_NS}}}PolyLineEdge")
    ET.SubElement(edge, f"{{{YED_NS}}}LineStyle", {"color": color, "type": line_type,
                                                   "width": "1.5"})  # fmt: skip
    ET.SubElement(edge, f"{{{YED_NS}}}Arrows", {"source": "none", "target": arrow})
    ET.SubElement(edge, f"{{{YED_NS}}}BendStyle", {"smoothed": "false"})
    return data


def _rgb(color: str | None) -> tuple[int, int, int] | None:
    match = _HEX_COLOR.fullmatch(color or "")
    if match is None:
        return None
    value = match.group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


# --------------------------------------------------------------------------- reading
def read(path: str | Path) -> ArgumentMap:
    """Read a GraphML file (ours, yEd's, Gephi's or plain) into a new map."""
    name = str(path)
    return loads(read_bounded(path, MAX_FILE_BYTES, "GraphML files"), source=name)


def loads(raw: bytes | str, source: str = "<graphml>") -> ArgumentMap:
    """Parse GraphML bytes or text; nothing is half-read (errors name the place)."""
    try:
        root = ET.fromstring(raw)
    except ET.ParseError as error:
        line, column = error.position
        raise FileFormatError(
            f"not well-formed XML ({_reason(error)})",
            file=source,
            where=f"line {line}, column {column + 1}",
        ) from None
    if _local(root.tag) != "graphml":
        raise FileFormatError(
            f"the root element is <{_local(root.tag)}>, not <graphml>", file=source
        )
    keys = _read_keys(root)
    graph = next((child for child in root if _local(child.tag) == "graph"), None)
    if graph is None:
        raise FileFormatError("the file has no <graph> element", file=source)
    title = _data(graph, keys, "graph").get("title") or _data(root, keys, "graphml").get("title")
    argument_map = ArgumentMap(str(title or ""))
    try:
        for number, element in enumerate(e for e in graph.iter() if _local(e.tag) == "node"):
            node_id = element.get("id")
            if not node_id:
                raise FileFormatError("a node has no id", file=source, where=f"node {number + 1}")
            fields = _node_fields(element, _data(element, keys, "node"), node_id)
            if argument_map.has_id(node_id):
                raise FileFormatError(f"node id {node_id!r} is used twice", file=source)
            argument_map.add_node(**fields)
        for number, element in enumerate(e for e in graph.iter() if _local(e.tag) == "edge"):
            where = f"edge {number + 1}" + (
                f" (id {element.get('id')!r})" if element.get("id") else ""
            )
            source_id, target_id = element.get("source"), element.get("target")
            for end in (source_id, target_id):
                if end is None or end not in argument_map.nodes:
                    raise FileFormatError(f"there is no node {end!r}", file=source, where=where)
            if source_id == target_id:
                continue  # the model has no self loops
            fields = _edge_fields(element, _data(element, keys, "edge"))
            edge_id = element.get("id")
            if not edge_id or argument_map.has_id(edge_id):
                edge_id = argument_map.new_id("e")
            argument_map.add_edge(source_id, target_id, id=edge_id, **fields)
    except ModelError as error:
        raise FileFormatError(error.message, file=source) from None
    return argument_map


def _reason(error: ET.ParseError) -> str:
    return str(error).split(":")[0]


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


class _Key:
    __slots__ = ("default", "domain", "name", "type", "yfiles")

    def __init__(self, element: ET.Element) -> None:
        self.domain = element.get("for", "all")
        self.name = element.get("attr.name") or element.get("id", "")
        self.type = element.get("attr.type", "string")
        self.yfiles = element.get("yfiles.type")
        default = next((c for c in element if _local(c.tag) == "default"), None)
        self.default = default.text if default is not None else None


def _read_keys(root: ET.Element) -> dict[str, _Key]:
    return {k.get("id", ""): _Key(k) for k in root if _local(k.tag) == "key"}


def _data(element: ET.Element, keys: dict[str, _Key], domain: str) -> dict[str, Any]:
    """The element's typed data by attribute name (defaults first), yEd graphics under 'yfiles'."""
    values: dict[str, Any] = {}
    for key in keys.values():
        if key.domain in (domain, "all") and key.default is not None and not key.yfiles:
            values[key.name] = _typed(key.default, key.type)
    for child in element:
        if _local(child.tag) != "data":
            continue
        key = keys.get(child.get("key", ""))
        if key is not None and key.yfiles:
            values.setdefault("yfiles", []).append(child)
        elif key is not None:
            values[key.name] = _typed(child.text or "", key.type)
        else:
            values[child.get("key", "")] = child.text or ""
    return values


def _typed(text: str, kind: str) -> Any:
    text = text.strip() if kind != "string" else text
    try:
        if kind == "boolean":
            return text.lower() in ("true", "1")
        if kind in ("int", "long"):
            return int(text)
        if kind in ("float", "double"):
            return float(text)
    except ValueError:
        return None
    return text


def _finite(value: Any) -> float | None:
    try:
        number = float(value)
    except (TypeError, ValueError):
        return None
    return number if math.isfinite(number) and abs(number) < 1e9 else None


def _node_fields(element: ET.Element, data: dict[str, Any], node_id: str) -> dict[str, Any]:
    yed_label, geometry, fill = None, None, None
    for graphics in data.get("yfiles", ()):
        for part in graphics.iter():
            name = _local(part.tag)
            if name == "NodeLabel" and yed_label is None and (part.text or "").strip():
                yed_label = part.text.strip()
            elif name == "Geometry" and geometry is None:
                geometry = part
            elif name == "Fill" and fill is None:
                fill = part.get("color")
    label = data.get("label")
    if not isinstance(label, str) or not label:
        label = yed_label or node_id
    kind = data.get("kind")
    if kind not in NODE_KINDS:  # a yEd group box is a heading, not a claim
        kind = "note" if element.get("yfiles.foldertype") in ("group", "folder") else "claim"
    fields: dict[str, Any] = {
        "id": node_id,
        "kind": kind,
        "label": clean(label),
    }
    for name in ("text", "speaker", "note"):
        if isinstance(data.get(name), str):
            fields[name] = clean(data[name])
    if "text" not in fields and isinstance(data.get("description"), str):
        fields["text"] = clean(data["description"])  # yEd's Description property
    if isinstance(data.get("tags"), str) and data["tags"].strip():
        fields["tags"] = tuple(t.strip() for t in data["tags"].split(",") if t.strip())
    if data.get("pinned") is True:
        fields["pinned"] = True
    score = _finite(data.get("base_score"))
    if score is not None and 0.0 <= score <= 1.0:
        fields["base_score"] = score
    color = data.get("color") if isinstance(data.get("color"), str) else None
    if color is None and fill and _rgb(fill):
        color = fill[:7]
    elif color is None and all(isinstance(data.get(c), int) for c in "rgb"):
        color = "#{:02X}{:02X}{:02X}".format(*(max(0, min(255, data[c])) for c in "rgb"))
    if color and (color != KIND_FILL.get(fields["kind"])):
        fields["color"] = color
    place = _place(element, data, geometry)
    if place is not None:
        fields["x"], fields["y"] = place
    return fields


def _place(
    element: ET.Element, data: dict[str, Any], geometry: ET.Element | None
) -> tuple[float, float] | None:
    """yEd geometry (top-left corner, y down), else Gephi's x/y or viz:position (y up)."""
    if geometry is not None:
        values = [_finite(geometry.get(n, "0")) for n in ("x", "y", "width", "height")]
        if all(v is not None for v in values):
            x, y, width, height = values  # type: ignore[misc]
            return x + width / 2, y + height / 2
    x, y = _finite(data.get("x")), _finite(data.get("y"))
    if x is None or y is None:
        viz = next((e for e in element.iter() if _local(e.tag) == "position"), None)
        if viz is not None:
            x, y = _finite(viz.get("x")), _finite(viz.get("y"))
    if x is None or y is None:
        return None
    return x, -y


def _edge_fields(element: ET.Element, data: dict[str, Any]) -> dict[str, Any]:
    relation = data.get("relation")
    if relation not in RELATIONS:
        relation = _guess_relation(data)
    origin = data.get("origin")
    fields: dict[str, Any] = {
        "relation": relation,
        "origin": origin if origin in ORIGINS else "imported",
    }
    confidence = _finite(data.get("confidence"))
    if confidence is not None and 0.0 <= confidence <= 1.0:
        fields["confidence"] = confidence
    for name in ("note", "reason"):
        if isinstance(data.get(name), str):
            fields[name] = clean(data[name])
    return fields


_ATTACK_WORDS = {"attack", "attacks", "con", "contra", "against", "-", "objection", "rebut"}
_SUPPORT_WORDS = {"support", "supports", "pro", "for", "+", "reason"}


def _guess_relation(data: dict[str, Any]) -> str:
    """A relation from a label such as 'con' or a yEd line style (dashed or red means attack)."""
    words = [v for k, v in data.items() if "label" in k.lower() or k.lower() in ("type", "kind")]
    line_type, color = None, None
    for graphics in data.get("yfiles", ()):
        for part in graphics.iter():
            name = _local(part.tag)
            if name == "EdgeLabel" and part.text:
                words.append(part.text)
            elif name == "LineStyle":
                line_type, color = part.get("type"), (part.get("color") or "").upper()
    for word in words:
        if isinstance(word, str):
            if word.strip().lower() in _ATTACK_WORDS:
                return "attack"
            if word.strip().lower() in _SUPPORT_WORDS:
                return "support"
    rgb = _rgb(color)
    if line_type in ("dashed", "dashed_dotted") or (rgb and rgb[0] > 150 > max(rgb[1], rgb[2])):
        return "attack"
    return "support"
