"""AIF JSON (AIFdb) and OVA3 analyses: read into a map, write back so AIFdb and OVA accept them.

AIF is a graph of information nodes (I: what is claimed) and scheme nodes (S: RA inference,
CA conflict, MA rephrase, PA preference) plus a dialogue layer (L locutions, YA illocutions,
TA transitions). DebateMap has claims and relations, so import makes these choices
(docs/FORMATS.md "## AIF" explains them to users):

- Every I-node becomes a claim with its AIF ``nodeID`` as the node id.
- Every RA / CA / MA becomes one support / attack / rephrase edge *per premise*; the edges of one
  S-node share ``edge.data["aif"]["snode"]`` so export rebuilds one linked argument from them.
- An S-node that points at another S-node (an undercut: "this inference does not hold") becomes an
  edge to each premise of the S-node it targets, with ``data["aif"]["target_snode"]``; export points
  it at the S-node again.
- A non-I node used as a premise or conclusion (an L-node in some QT30 maps) is promoted to a claim
  with ``data["aif"]["type"]`` keeping its AIF type, so no RA or CA is lost.
- L / YA / TA nodes give each claim its speaker (participants, else the ``Name: text`` or
  ``Name says '...'`` prefix of the locution that asserts it) and its place in the dialogue
  (``data["aif"]["order"]``, from the TA chain, then locution times, then file order).
- The dialogue layer itself (L, YA, TA, PA and unlinked S-nodes with their edges, locutions and
  participants) is kept verbatim in ``settings["aif"]`` and written back on export wherever both
  ends of an edge still exist, so an analysis survives a round trip through DebateMap.

OVA3 files (``{"AIF": ..., "OVA": ..., "text": ...}``) add node coordinates and the analysed text,
which becomes a document; claims get a source span where their locution is found in that text.
"""

from __future__ import annotations

import html
import json
import os
import re
from collections import defaultdict
from collections.abc import Iterable, Mapping
from datetime import datetime
from html.parser import HTMLParser
from pathlib import Path
from typing import Any

from mapping.errors import FileFormatError, ModelError
from mapping.formats.files import (
    decode_text,
    describe_json_value,
    parse_json,
    read_bounded,
)
from mapping.model import (
    AddDocument,
    AddEdge,
    AddNode,
    ArgumentMap,
    Document,
    Edge,
    Node,
    SetMapSetting,
    SourceSpan,
)

MAX_FILE_BYTES = 256 * 1024 * 1024
"""Larger files are refused before parsing; AIFdb's biggest corpora export well below this."""

TIMESTAMP_FORMAT = "%Y-%m-%d %H:%M:%S"

# The default schemes of AIFdb / OVA and their scheme ids (as AIFdb itself exports them).
DEFAULT_SCHEMES: dict[str, tuple[str, str, str]] = {
    "support": ("RA", "Default Inference", "72"),
    "attack": ("CA", "Default Conflict", "71"),
    "rephrase": ("MA", "Default Rephrase", "144"),
}
RELATION_OF_TYPE = {"RA": "support", "CA": "attack", "MA": "rephrase"}
ASSERTING = ("Asserting", "74")
TRANSITION = ("Default Transition", "82")

_SCHEME_TYPES = ("RA", "CA", "MA", "PA")
_NODE_DERIVED = ("type", "timestamp", "locutions", "order", "speakers", "preferred_over")
_NODE_EXTRAS = (("tags", ()), ("color", None), ("x", 0.0), ("y", 0.0), ("pinned", False),
                ("note", ""), ("base_score", None))  # fmt: skip
_EDGE_EXTRAS = (("origin", "imported"), ("confidence", None), ("note", ""), ("reason", ""))
_EDGE_DERIVED = ("type", "text", "timestamp", "snode", "linked", "target_snode", "schemeID")
_NODE_KEYS = ("nodeID", "text", "type", "timestamp")
_SPEAKER_COLON = re.compile(r"^\s*([^:\n]{1,80}?)\s*:\s+(.*)$", re.DOTALL)
_SPEAKER_SAYS = re.compile(r"^\s*(.{1,80}?)\s+says\s+'(.*)'\s*$", re.DOTALL)


# =========================================================================== reading
def read(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> ArgumentMap:
    """Read an AIF JSON or OVA3 file; refuse anything malformed naming the file and JSON path."""
    name = str(path)
    raw = read_bounded(path, max_bytes, "AIF files")
    return loads(raw, source=name, title=Path(path).name.split(".")[0])


def loads(raw: bytes | str, source: str = "<aif>", title: str = "") -> ArgumentMap:
    """Parse the bytes (or text) of an AIF JSON or OVA3 file."""
    text = decode_text(raw, source, "AIF JSON") if isinstance(raw, bytes) else raw
    data = parse_json(text, source, "an AIF file")
    return map_from_aif(data, source=source, title=title)


def _fail(source: str, where: str, message: str) -> FileFormatError:
    return FileFormatError(message, file=source, where=where)


def _ident(value: Any, source: str, where: str) -> str:
    """AIF ids are strings, but several tools write numbers; both are accepted as text."""
    if isinstance(value, bool) or not isinstance(value, str | int):
        raise _fail(
            source,
            where,
            f"expected an id (text or a whole number), found {describe_json_value(value)}",
        )
    ident = str(value)
    if not ident:
        raise _fail(source, where, "an id must not be empty")
    return ident


class _Graph:
    """The checked AIF graph: nodes by id in file order, edges as (id, from, to, raw)."""

    def __init__(self) -> None:
        self.nodes: dict[str, dict[str, Any]] = {}
        self.position: dict[str, int] = {}
        self.edges: list[tuple[str, str, str, dict[str, Any]]] = []
        self.outs: dict[str, list[int]] = defaultdict(list)
        self.ins: dict[str, list[int]] = defaultdict(list)
        self.locutions: list[dict[str, Any]] = []
        self.participants: list[dict[str, Any]] = []
        self.top: dict[str, Any] = {}
        self.extras: Any = None

    def type(self, node_id: str) -> str:
        return self.nodes[node_id]["type"]


def _check_graph(aif: Any, source: str, prefix: str) -> _Graph:
    """Validate the AIF part and index it; every problem names its JSON path."""
    if not isinstance(aif, dict):
        raise _fail(
            source, prefix or "(top level)", f"expected an object, found {describe_json_value(aif)}"
        )
    where = prefix or "(top level)"
    if "nodes" not in aif:
        raise _fail(source, where, 'the field "nodes" is missing: this is not AIF JSON')
    graph = _Graph()
    p = f"{prefix}." if prefix else ""
    nodes = aif["nodes"]
    if not isinstance(nodes, list):
        raise _fail(source, f"{p}nodes", f"expected a list, found {describe_json_value(nodes)}")
    for i, item in enumerate(nodes):
        at = f"{p}nodes[{i}]"
        if not isinstance(item, dict):
            raise _fail(source, at, f"expected an object, found {describe_json_value(item)}")
        if "nodeID" not in item:
            raise _fail(source, at, 'the field "nodeID" is missing')
        node_id = _ident(item["nodeID"], source, f"{at}.nodeID")
        if node_id in graph.nodes:
            raise _fail(source, f"{at}.nodeID", f'"{node_id}" is used twice')
        node_type = item.get("type")
        if not isinstance(node_type, str):
            raise _fail(
                source,
                f"{at}.type",
                f'expected a node type such as "I", found {describe_json_value(node_type)}',
            )
        text = item.get("text", "")
        if text is None:
            text = ""
        if not isinstance(text, str):
            raise _fail(source, f"{at}.text", f"expected text, found {describe_json_value(text)}")
        record = dict(item)
        record["nodeID"], record["type"], record["text"] = node_id, node_type.strip(), text
        graph.nodes[node_id] = record
        graph.position[node_id] = i
    edges = aif.get("edges", [])
    if not isinstance(edges, list):
        raise _fail(source, f"{p}edges", f"expected a list, found {describe_json_value(edges)}")
    for i, item in enumerate(edges):
        at = f"{p}edges[{i}]"
        if not isinstance(item, dict):
            raise _fail(source, at, f"expected an object, found {describe_json_value(item)}")
        ends = []
        for key in ("fromID", "toID"):
            if key not in item:
                raise _fail(source, at, f'the field "{key}" is missing')
            end = _ident(item[key], source, f"{at}.{key}")
            if end not in graph.nodes:
                raise _fail(source, f"{at}.{key}", f'there is no node "{end}"')
            ends.append(end)
        edge_id = _ident(item.get("edgeID", f"e{i}"), source, f"{at}.edgeID")
        raw = dict(item)
        raw["edgeID"], raw["fromID"], raw["toID"] = edge_id, ends[0], ends[1]
        graph.edges.append((edge_id, ends[0], ends[1], raw))
        graph.outs[ends[0]].append(i)
        graph.ins[ends[1]].append(i)
    for key in ("locutions", "participants"):
        value = aif.get(key, [])
        if value is None:
            value = []
        if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
            raise _fail(
                source,
                f"{p}{key}",
                f"expected a list of objects, found {describe_json_value(value)}",
            )
        setattr(graph, key, value)
    graph.top = aif
    graph.extras = aif.get("debatemap")
    return graph


def map_from_aif(data: Any, source: str = "<aif>", title: str = "") -> ArgumentMap:
    """Build a map from parsed AIF JSON (or an OVA3 analysis) after checking all of it."""
    if isinstance(data, dict) and "AIF" in data:
        return _from_graph(_check_graph(data["AIF"], source, "AIF"), data, source, title)
    if not isinstance(data, dict):
        raise _fail(
            source, "(top level)", f"expected an AIF object, found {describe_json_value(data)}"
        )
    return _from_graph(_check_graph(data, source, ""), None, source, title)


def _speaker_names(graph: _Graph) -> dict[str, str]:
    """Speaker of every L-node: participants (via locutions) first, else the text prefix."""
    people: dict[str, str] = {}
    for person in graph.participants:
        pid = person.get("participantID", person.get("personID"))
        name = " ".join(str(person.get(k) or "").strip() for k in ("firstname", "surname")).strip()
        if pid is not None and name:
            people[str(pid)] = name
    by_locution = {
        str(loc.get("nodeID")): people[str(loc.get("personID"))]
        for loc in graph.locutions
        if str(loc.get("personID")) in people
    }
    names: dict[str, str] = {}
    for node_id, node in graph.nodes.items():
        if node["type"] != "L":
            continue
        name = by_locution.get(node_id) or split_locution(node["text"])[0]
        if name:
            names[node_id] = name
    return names


def split_locution(text: str) -> tuple[str, str]:
    """``("Bob", "we should act")`` from ``"Bob: we should act"`` or ``"Bob says 'we should act'"``.

    >>> split_locution("CL : taxes are too high")
    ('CL', 'taxes are too high')
    """
    match = _SPEAKER_SAYS.match(text) or _SPEAKER_COLON.match(text)
    if match:
        return match.group(1).strip(), match.group(2).strip()
    return "", text.strip()


def _dialogue_order(graph: _Graph) -> dict[str, int]:
    """Rank of every L-node in the dialogue: TA chain first, then locution time, then file order."""
    times = {
        str(loc.get("nodeID")): str(loc.get("start") or loc.get("timestamp") or "")
        for loc in graph.locutions
    }
    locutions = [n for n, node in graph.nodes.items() if node["type"] == "L"]
    # Ties are broken by the id read naturally ("9" < "10"): AIFdb and OVA number nodes as they
    # are made, and unlike file position the ids survive a round trip through DebateMap.
    key = {n: (times.get(n, ""), _natural(n)) for n in locutions}
    after: dict[str, set[str]] = defaultdict(set)
    waiting = dict.fromkeys(locutions, 0)
    for ta_id, node in graph.nodes.items():
        if node["type"] != "TA":
            continue
        before = [
            graph.edges[i][1] for i in graph.ins[ta_id] if graph.type(graph.edges[i][1]) == "L"
        ]
        later = [
            graph.edges[i][2] for i in graph.outs[ta_id] if graph.type(graph.edges[i][2]) == "L"
        ]
        for a in before:
            for b in later:
                if a != b and b not in after[a]:
                    after[a].add(b)
                    waiting[b] += 1
    import heapq

    ready = [(key[n], n) for n in locutions if waiting[n] == 0]
    heapq.heapify(ready)
    order: dict[str, int] = {}
    while len(order) < len(locutions):
        if not ready:  # a cycle of transitions: continue with the earliest remaining locution
            rest = min((key[n], n) for n in locutions if n not in order)
            waiting[rest[1]] = 0
            ready.append(rest)
        _, current = heapq.heappop(ready)
        if current in order:
            continue
        order[current] = len(order)
        for nxt in after[current]:
            waiting[nxt] -= 1
            if waiting[nxt] == 0 and nxt not in order:
                heapq.heappush(ready, (key[nxt], nxt))
    return order


def _natural(ident: str) -> tuple[tuple[int, int | str], ...]:
    return tuple(
        (0, int(part)) if part.isdigit() else (1, part) for part in re.findall(r"\d+|\D+", ident)
    )


def _asserting_locutions(graph: _Graph, node_id: str) -> list[str]:
    """L-nodes that assert ``node_id`` through a YA (L → YA → I)."""
    found = []
    for i in graph.ins[node_id]:
        ya = graph.edges[i][1]
        if graph.type(ya) != "YA":
            continue
        for j in graph.ins[ya]:
            candidate = graph.edges[j][1]
            if graph.type(candidate) == "L" and candidate not in found:
                found.append(candidate)
    return found


def _scheme_extras(node: Mapping[str, Any]) -> dict[str, Any]:
    extras = {"type": node["type"], "text": node["text"]}
    for key, value in node.items():
        if key not in ("nodeID", "type", "text") and value is not None:
            extras[key] = value
    return extras


def _from_graph(graph: _Graph, ova_file: Any, source: str, title: str) -> ArgumentMap:
    nodes, types = graph.nodes, {k: v["type"] for k, v in graph.nodes.items()}
    claim_ids: list[str] = [n for n, t in types.items() if t == "I"]
    claims = set(claim_ids)
    snodes = [n for n, t in types.items() if t in ("RA", "CA", "MA")]

    def premises(s: str) -> list[str]:
        return [
            graph.edges[i][1] for i in graph.ins[s] if types[graph.edges[i][1]] not in ("YA", "TA")
        ]

    def conclusions(s: str) -> list[str]:
        return [graph.edges[i][2] for i in graph.outs[s]]

    # Non-I nodes standing where a proposition belongs are promoted to claims (see module doc).
    for s in snodes:
        for end in [*premises(s), *conclusions(s)]:
            if types[end] not in _SCHEME_TYPES and end not in claims and types[end] != "YA":
                claims.add(end)
                claim_ids.append(end)

    # ---- edges from S-nodes
    used_ids = set(nodes) - set(snodes)  # an edge may take its own S-node's id
    consumed_nodes: set[str] = set(claims)
    consumed_edges: set[int] = set()
    edges: list[Edge] = []
    unlinked: list[str] = []
    for s in snodes:
        relation = RELATION_OF_TYPE[types[s]]
        sources = [p for p in premises(s) if p in claims]
        targets: list[tuple[str, str | None]] = []
        for c in conclusions(s):
            if c in claims:
                targets.append((c, None))
            elif types[c] in _SCHEME_TYPES:  # undercut or the like: aim at that S-node's premises
                aimed = [p for p in premises(c) if p in claims] or [
                    x for x in conclusions(c) if x in claims
                ]
                targets.extend((a, c) for a in aimed)
        pairs = [(p, t, via) for p in sources for t, via in targets if p != t]
        if not pairs:
            unlinked.append(s)
            continue
        consumed_nodes.add(s)
        for i in graph.ins[s]:
            if graph.edges[i][1] in sources:
                consumed_edges.add(i)
        for i in graph.outs[s]:
            c = graph.edges[i][2]
            if c in claims or types[c] in _SCHEME_TYPES:
                consumed_edges.add(i)
        extras = _scheme_extras(nodes[s])
        extras["snode"] = s
        if len(pairs) > 1:
            extras["linked"] = len(pairs)
        for k, (p, t, via) in enumerate(pairs):
            edge_id = s if len(pairs) == 1 else f"{s}.{k + 1}"
            while edge_id in used_ids:
                edge_id += "'"
            used_ids.add(edge_id)
            data = dict(extras)
            if via is not None:
                data["target_snode"] = via
            edges.append(
                Edge(edge_id, p, t, relation=relation, origin="imported", data={"aif": data})
            )

    # ---- speakers and order from the dialogue layer
    names = _speaker_names(graph)
    order = _dialogue_order(graph)
    preferred: dict[str, list[str]] = defaultdict(list)
    for pa, t in types.items():
        if t != "PA":
            continue
        for i in graph.ins[pa]:
            for j in graph.outs[pa]:
                preferred[graph.edges[i][1]].append(graph.edges[j][2])

    ova_nodes: dict[str, dict[str, Any]] = {}
    if ova_file is not None:
        ova_nodes = _ova_positions(ova_file.get("OVA"), source)
    document, located = (None, {})
    if ova_file is not None:
        document, located = _ova_document(ova_file.get("text"), source)

    placed = {}
    if not ova_nodes:  # plain AIF has no coordinates: give the claims a first placement
        from mapping.formats.placement import place_in_layers

        placed = place_in_layers(claim_ids, [(e.source, e.target) for e in edges])
    node_records: list[Node] = []
    for node_id in claim_ids:
        raw = nodes[node_id]
        text = raw["text"]
        if types[node_id] == "I":
            locs = _asserting_locutions(graph, node_id)
        else:  # a promoted node speaks for itself when it is a locution
            locs = [node_id] if types[node_id] == "L" else []
        locs.sort(key=lambda n: order.get(n, 0))
        speakers = list(dict.fromkeys(names[n] for n in locs if n in names))
        data: dict[str, Any] = {k: v for k, v in raw.items() if k not in ("nodeID", "text")}
        if types[node_id] == "I":
            data.pop("type", None)
        if locs:
            data["locutions"] = locs
            data["order"] = order[locs[0]]
        if len(speakers) > 1:
            data["speakers"] = speakers
        if node_id in preferred:
            data["preferred_over"] = preferred[node_id]
        position = ova_nodes.get(node_id) or dict(
            zip("xy", placed.get(node_id, (0.0, 0.0)), strict=True)
        )
        sources: tuple[SourceSpan, ...] = ()
        if document is not None:
            span = _locate(document.text or "", [*locs, node_id], located, nodes)
            if span is not None:
                sources = (SourceSpan(document.id, *span),)
        label = split_locution(text)[1] if types[node_id] == "L" else text
        node_records.append(
            Node(
                node_id,
                kind="claim",
                label=label,
                text=text,
                speaker=speakers[0] if speakers else "",
                sources=sources,
                x=_number(position.get("x")),
                y=_number(position.get("y")),
                data={"aif": data},
            )
        )

    # ---- what is kept verbatim for export: the dialogue layer and anything not mapped
    layer_nodes = [nodes[n] for n in nodes if n not in consumed_nodes]
    layer_edges = [raw for i, (_, _, _, raw) in enumerate(graph.edges) if i not in consumed_edges]
    kept: dict[str, Any] = {
        "nodes": layer_nodes,
        "edges": layer_edges,
        "locutions": graph.locutions,
        "participants": graph.participants,
    }
    if unlinked:
        kept["unlinked"] = unlinked
    if ova_nodes:
        kept["ova_nodes"] = {n: v for n, v in ova_nodes.items() if n not in claims}
    top = ova_file["AIF"] if ova_file is not None else graph.top
    extra_keys = {
        k: v
        for k, v in top.items()
        if k not in ("nodes", "edges", "locutions", "participants", "debatemap")
    }
    if extra_keys:
        kept["extra"] = extra_keys
    if ova_file is not None:
        kept["ova"] = {
            k: v for k, v in (ova_file.get("OVA") or {}).items() if k not in ("nodes", "edges")
        }

    extras = top.get("debatemap") if ova_file is not None else graph.extras
    if extras is not None:
        title, node_records, edges, documents = _apply_extras(
            extras, title, node_records, edges, source, "AIF.debatemap" if ova_file else "debatemap"
        )
        if documents is not None:  # DebateMap's own documents replace the one read from OVA text
            document = None
            node_records = [n if n.id in _with_sources(extras) else _no_sources(n)
                            for n in node_records]  # fmt: skip
    else:
        documents = None
    argument_map = ArgumentMap(title)
    try:
        for record in documents or ([document] if document is not None else []):
            argument_map.execute(AddDocument(record))
        for record in node_records:
            argument_map.execute(AddNode(record))
        for record in edges:
            argument_map.execute(AddEdge(record))
        argument_map.execute(SetMapSetting("aif", kept))
    except ModelError as error:  # pragma: no cover - the checks above should make this unreachable
        raise _fail(source, "(map)", error.message) from None
    return argument_map


def _apply_extras(extras: Any, title: str, nodes: list[Node], edges: list[Edge], source: str,
                  where: str) -> tuple[str, list[Node], list[Edge], list[Document] | None]:  # fmt: skip
    """Restore what DebateMap wrote under ``"debatemap"`` (kinds, labels, layout, notes)."""
    from dataclasses import replace

    from mapping.model.records import check_edge, check_node

    if not isinstance(extras, dict):
        raise _fail(source, where, f"expected an object, found {describe_json_value(extras)}")
    title = extras.get("title", title)
    if not isinstance(title, str):
        raise _fail(source, f"{where}.title", f"expected text, found {describe_json_value(title)}")
    documents = None
    if "documents" in extras:
        from mapping.formats.debatemap import _read_document, _Reader

        items = extras["documents"]
        if not isinstance(items, list):
            raise _fail(
                source, f"{where}.documents", f"expected a list, found {describe_json_value(items)}"
            )
        reader = _Reader(source)
        documents = [
            _read_document(reader, item, f"{where}.documents[{i}]") for i, item in enumerate(items)
        ]
    results: list[list[Any]] = []
    for key, records, check in (("nodes", nodes, check_node), ("edges", edges, check_edge)):
        table = extras.get(key, {})
        if not isinstance(table, dict):
            raise _fail(
                source, f"{where}.{key}", f"expected an object, found {describe_json_value(table)}"
            )
        updated = []
        for record in records:
            change = table.get(record.id)
            if change is None:
                updated.append(record)
                continue
            at = f"{where}.{key}.{record.id}"
            if not isinstance(change, dict):
                raise _fail(source, at, f"expected an object, found {describe_json_value(change)}")
            change = dict(change)
            other = change.pop("data", {})
            if not isinstance(other, dict):
                raise _fail(
                    source, f"{at}.data", f"expected an object, found {describe_json_value(other)}"
                )
            try:
                new = replace(record, **change, data={**other, **record.data})
                check(new)
            except (TypeError, ValueError, KeyError, IndexError) as error:
                raise _fail(source, at, f"cannot be applied ({error})") from None
            updated.append(new)
        results.append(updated)
    return title, results[0], results[1], documents


def _with_sources(extras: Mapping[str, Any]) -> set[str]:
    table = extras.get("nodes") or {}
    return {k for k, v in table.items() if isinstance(v, dict) and "sources" in v}


def _no_sources(node: Node) -> Node:
    from dataclasses import replace

    return replace(node, sources=())


def _number(value: Any) -> float:
    if isinstance(value, bool) or not isinstance(value, int | float):
        try:
            return float(value)  # OVA sometimes writes coordinates as strings
        except (TypeError, ValueError):
            return 0.0
    return float(value)


def _ova_positions(ova: Any, source: str) -> dict[str, dict[str, Any]]:
    if ova is None:
        return {}
    if not isinstance(ova, dict):
        raise _fail(source, "OVA", f"expected an object, found {describe_json_value(ova)}")
    items = ova.get("nodes", [])
    if not isinstance(items, list):
        raise _fail(source, "OVA.nodes", f"expected a list, found {describe_json_value(items)}")
    positions = {}
    for i, item in enumerate(items):
        if not isinstance(item, dict) or "nodeID" not in item:
            raise _fail(source, f"OVA.nodes[{i}]", "expected an object with a nodeID")
        positions[_ident(item["nodeID"], source, f"OVA.nodes[{i}].nodeID")] = item
    return positions


class _TextExtractor(HTMLParser):
    """Plain text of OVA's HTML, remembering where each ``<span id="node…">`` highlight sits."""

    _BREAKS = frozenset({"br", "p", "div", "li", "tr", "h1", "h2", "h3", "h4", "h5", "h6"})

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.length = 0
        self.open_spans: list[tuple[str | None, int]] = []
        self.highlights: dict[str, tuple[int, int]] = {}

    def _add(self, text: str) -> None:
        self.parts.append(text)
        self.length += len(text)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in self._BREAKS and self.parts and not self.parts[-1].endswith("\n"):
            self._add("\n")
        if tag == "span":
            ident = dict(attrs).get("id") or ""
            self.open_spans.append((ident if ident.startswith("node") else None, self.length))

    def handle_endtag(self, tag: str) -> None:
        if tag == "span" and self.open_spans:
            ident, start = self.open_spans.pop()
            if ident and self.length > start:
                self.highlights[ident[4:]] = (start, self.length)
        elif tag in ("p", "div", "li") and self.parts and not self.parts[-1].endswith("\n"):
            self._add("\n")

    def handle_data(self, data: str) -> None:
        self._add(data)


def _ova_document(value: Any, source: str) -> tuple[Document | None, dict[str, tuple[int, int]]]:
    if isinstance(value, dict):
        markup = value.get("txt", "")
        url = value.get("url") or ""
    else:
        markup, url = value, ""
    if not isinstance(markup, str):
        raise _fail(source, "text.txt", f"expected text, found {describe_json_value(markup)}")
    if not markup.strip():
        return None, {}
    extractor = _TextExtractor()
    extractor.feed(markup)
    extractor.close()
    text = "".join(extractor.parts)
    highlights = extractor.highlights
    if not text.strip():
        return None, {}
    metadata = {"format": "OVA text"}
    if url:
        metadata["url"] = url
    return Document.from_text("d1", Path(source).name + " (text)", text, metadata), highlights


def _locate(
    text: str,
    candidates: Iterable[str],
    highlights: Mapping[str, tuple[int, int]],
    nodes: Mapping[str, Mapping[str, Any]],
) -> tuple[int, int] | None:
    """The span of the first candidate node highlighted in or found verbatim in ``text``."""
    candidates = list(candidates)
    for node_id in candidates:
        if node_id in highlights:
            return highlights[node_id]
    lowered = None
    for node_id in candidates:
        raw = nodes[node_id]
        wanted = split_locution(raw["text"])[1] if raw["type"] == "L" else raw["text"].strip()
        if not wanted:
            continue
        at = text.find(wanted)
        if at < 0:
            lowered = lowered if lowered is not None else text.casefold()
            at = lowered.find(wanted.casefold()) if len(lowered) == len(text) else -1
        if at >= 0:
            return at, at + len(wanted)
    return None


# =========================================================================== writing
def _now() -> str:
    return datetime.now().strftime(TIMESTAMP_FORMAT)


class _Writer:
    """Builds AIF nodes and edges from a map, reusing kept ids and minting fresh string ids."""

    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        self.kept: Mapping[str, Any] = argument_map.settings.get("aif") or {}
        self.stamp = _now()
        self.nodes: list[dict[str, Any]] = []
        self.edges: list[dict[str, Any]] = []
        self.ids: set[str] = set(argument_map.nodes)
        self.ids.update(str(n.get("nodeID")) for n in self.kept.get("nodes", []))
        self.ids.update(argument_map.edges)  # a native edge's id becomes its S-node's id
        for edge in argument_map.edges.values():
            snode = (edge.data.get("aif") or {}).get("snode")
            if snode:
                self.ids.add(str(snode))
        self.edge_ids: set[str] = {str(e.get("edgeID")) for e in self.kept.get("edges", [])}
        self.counter = 0
        self.positions: dict[str, tuple[float, float]] = {}

    def fresh(self, taken: set[str]) -> str:
        while True:
            self.counter += 1
            candidate = str(self.counter)
            if candidate not in taken and candidate not in self.ids:
                taken.add(candidate)
                return candidate

    def edge(self, source: str, target: str) -> None:
        self.edges.append(
            {
                "edgeID": self.fresh(self.edge_ids),
                "fromID": source,
                "toID": target,
                "formEdgeID": None,
            }
        )

    def build(self) -> dict[str, Any]:
        argument_map, kept = self.map, self.kept
        present: set[str] = set()
        for node in argument_map.nodes.values():
            extra = dict(node.data.get("aif") or {})
            record = {
                "nodeID": node.id,
                "text": node.text or node.label,
                "type": extra.get("type", "I") if extra.get("type") in ("L", "I") else "I",
                "timestamp": extra.get("timestamp") or self.stamp,
            }
            record.update({k: v for k, v in extra.items() if k not in _NODE_DERIVED})
            self.nodes.append(record)
            present.add(node.id)
            self.positions[node.id] = (node.x, node.y)

        # S-nodes: edges sharing an S-node id and a relation become one linked S-node again.
        groups: dict[tuple[str, str], list[Edge]] = {}
        for edge in argument_map.edges.values():
            extra = edge.data.get("aif") or {}
            snode = extra.get("snode")
            key = (str(snode), edge.relation) if snode else (f"#{edge.id}", edge.relation)
            groups.setdefault(key, []).append(edge)
        scheme_fulfillments = []
        pending: list[tuple[str, str, str]] = []  # (S-node, wanted target, fallback target)
        for (snode, relation), members in groups.items():
            extra = dict(members[0].data.get("aif") or {})
            node_type, text, scheme_id = DEFAULT_SCHEMES[relation]
            record_extra: dict[str, Any] = {}
            if extra.get("type") == node_type:  # keep the imported scheme exactly as it was
                text = extra.get("text") or text
                scheme_id = str(extra["schemeID"]) if extra.get("schemeID") else ""
                record_extra = {k: v for k, v in extra.items() if k not in _EDGE_DERIVED}
            s_id = snode.removeprefix("#") if snode.removeprefix("#") not in present else None
            if s_id is None:
                s_id = self.fresh(self.ids)
            present.add(s_id)
            record = {"nodeID": s_id, "text": text, "type": node_type,
                      "timestamp": extra.get("timestamp") or self.stamp}  # fmt: skip
            record.update(record_extra)
            if scheme_id:
                record["schemeID"] = scheme_id
                record.setdefault("scheme", text)
                scheme_fulfillments.append({"nodeID": s_id, "schemeID": scheme_id})
            self.nodes.append(record)
            sources = list(dict.fromkeys(e.source for e in members))
            for source in sources:
                self.edge(source, s_id)
            targets: dict[str, str] = {}
            for e in members:
                aimed = (e.data.get("aif") or {}).get("target_snode")
                targets.setdefault(str(aimed) if aimed else e.target, e.target)
            pending.extend((s_id, wanted, fallback) for wanted, fallback in targets.items())
            ends = [*sources, *(e.target for e in members)]
            self.positions[s_id] = (
                sum(self.positions[n][0] for n in ends) / len(ends),
                sum(self.positions[n][1] for n in ends) / len(ends),
            )
        done: set[tuple[str, str]] = set()
        for s_id, wanted, fallback in pending:
            target = wanted if wanted in present else fallback
            if (s_id, target) not in done:
                done.add((s_id, target))
                self.edge(s_id, target)

        # The kept dialogue layer, where both ends of its edges still exist.
        kept_nodes = [dict(n) for n in kept.get("nodes", []) if str(n.get("nodeID")) not in present]
        for record in kept_nodes:
            present.add(str(record["nodeID"]))
        self.nodes.extend(kept_nodes)
        stale = self._stale_assertions()
        for raw in kept.get("edges", []):
            source, target = str(raw.get("fromID")), str(raw.get("toID"))
            if source in present and target in present and (source, target) not in stale:
                self.edges.append(dict(raw))
        locutions = [dict(x) for x in kept.get("locutions", []) if str(x.get("nodeID")) in present]
        participants = [dict(x) for x in kept.get("participants", [])]
        self._add_speakers(locutions, participants, stale)
        aif: dict[str, Any] = {"nodes": self.nodes, "edges": self.edges, "locutions": locutions}
        if participants:
            aif["participants"] = participants
        extras = self._extras()
        if extras:
            aif["debatemap"] = extras
        for key, value in (kept.get("extra") or {}).items():
            aif.setdefault(key, value)
        if scheme_fulfillments and "schemefulfillments" in aif:
            known = {str(x.get("nodeID")) for x in aif["schemefulfillments"]}
            aif["schemefulfillments"] = [
                *[x for x in aif["schemefulfillments"] if str(x.get("nodeID")) in present],
                *[x for x in scheme_fulfillments if x["nodeID"] not in known],
            ]
        self.scheme_fulfillments = scheme_fulfillments
        return aif

    def _extras(self) -> dict[str, Any]:
        """What AIF has no place for (kinds, short labels, layout, notes), keyed by id.

        It sits under a top-level ``"debatemap"`` key that other AIF tools ignore, so a map
        exported to AIF and imported again is the map that was exported.
        """
        nodes: dict[str, Any] = {}
        for node in self.map.nodes.values():
            extra: dict[str, Any] = {}
            if node.kind != "claim":
                extra["kind"] = node.kind
            if node.label and node.label != (node.text or node.label):
                extra["label"] = node.label
            for name, empty in _NODE_EXTRAS:
                value = getattr(node, name)
                if value != empty:
                    extra[name] = list(value) if isinstance(value, tuple) else value
            other = {k: v for k, v in node.data.items() if k != "aif"}
            if other:
                extra["data"] = other
            if node.sources:
                extra["sources"] = [
                    {"document": s.document, "start": s.start, "end": s.end} for s in node.sources
                ]
            if extra:
                nodes[node.id] = extra
        edges: dict[str, Any] = {}
        for edge in self.map.edges.values():
            extra = {name: getattr(edge, name) for name, empty in _EDGE_EXTRAS
                     if getattr(edge, name) != empty}  # fmt: skip
            other = {k: v for k, v in edge.data.items() if k != "aif"}
            if other:
                extra["data"] = other
            if extra:
                edges[edge.id] = extra
        result: dict[str, Any] = {}
        if self.map.title:
            result["title"] = self.map.title
        if self.map.documents:
            result["documents"] = [
                {"id": d.id, "name": d.name, "text": d.text, "sha256": d.sha256,
                 "metadata": dict(d.metadata)}
                for d in self.map.documents.values()
            ]  # fmt: skip
        if nodes:
            result["nodes"] = nodes
        if edges:
            result["edges"] = edges
        return result

    def _stale_assertions(self) -> set[tuple[str, str]]:
        """YA → claim edges whose locution names another speaker than the claim now has."""
        kept = self.kept
        nodes = {str(n.get("nodeID")): n for n in kept.get("nodes", [])}
        into: dict[str, list[str]] = defaultdict(list)
        for raw in kept.get("edges", []):
            into[str(raw.get("toID"))].append(str(raw.get("fromID")))
        graph = _Graph()
        graph.locutions = list(kept.get("locutions", []))
        graph.participants = list(kept.get("participants", []))
        graph.nodes = {k: {**v, "type": str(v.get("type")), "text": str(v.get("text") or "")}
                       for k, v in nodes.items()}  # fmt: skip
        names = _speaker_names(graph)
        stale: set[tuple[str, str]] = set()
        self.asserted: dict[str, str] = {}
        for node in self.map.nodes.values():
            if (node.data.get("aif") or {}).get("type", "I") != "I":
                continue  # a promoted locution: its YA edges are dialogue structure, not speakers
            said = []
            for ya in into.get(node.id, []):
                if nodes.get(ya, {}).get("type") != "YA":
                    continue
                speakers = {names.get(src, "") for src in into.get(ya, []) if src in names}
                allowed = {node.speaker, *(node.data.get("aif") or {}).get("speakers", ())}
                if speakers and not speakers & allowed:
                    stale.add((ya, node.id))
                else:
                    said.extend(speakers)
            if node.speaker in said:
                self.asserted[node.id] = node.speaker
        return stale

    def _add_speakers(self, locutions: list[dict[str, Any]], participants: list[dict[str, Any]],
                      stale: set[tuple[str, str]]) -> None:  # fmt: skip
        """L and YA "Asserting" nodes (with locutions and participants) for speakers not yet said."""
        person_of: dict[str, str] = {}
        for person in participants:
            name = " ".join(str(person.get(k) or "").strip() for k in ("firstname", "surname"))
            person_of.setdefault(name.strip(), str(person.get("participantID")))
        person_ids = set(person_of.values())
        claims = [n for n in self.map.nodes.values() if n.speaker and n.id not in self.asserted]
        claims.sort(key=lambda n: (n.data.get("aif") or {}).get("order", 1 << 30))
        previous: str | None = None
        chain = not self.kept.get("nodes")
        for node in claims:
            if node.speaker not in person_of:
                person_of[node.speaker] = self.fresh(person_ids)
                first, _, rest = node.speaker.partition(" ")
                participants.append(
                    {"participantID": person_of[node.speaker], "firstname": first, "surname": rest}
                )
            l_id, ya_id = self.fresh(self.ids), self.fresh(self.ids)
            x, y = self.positions[node.id]
            self.nodes.append({"nodeID": l_id, "text": f"{node.speaker}: {node.text or node.label}",
                               "type": "L", "timestamp": self.stamp})  # fmt: skip
            self.nodes.append({"nodeID": ya_id, "text": ASSERTING[0], "type": "YA",
                               "timestamp": self.stamp, "scheme": ASSERTING[0],
                               "schemeID": ASSERTING[1]})  # fmt: skip
            self.positions[l_id] = (x + 450.0, y)
            self.positions[ya_id] = (x + 225.0, y)
            self.edge(l_id, ya_id)
            self.edge(ya_id, node.id)
            locutions.append({"nodeID": l_id, "personID": person_of[node.speaker],
                              "timestamp": self.stamp, "start": None, "end": None,
                              "source": None})  # fmt: skip
            if chain and previous is not None:
                ta_id = self.fresh(self.ids)
                self.nodes.append({"nodeID": ta_id, "text": TRANSITION[0], "type": "TA",
                                   "timestamp": self.stamp, "scheme": TRANSITION[0],
                                   "schemeID": TRANSITION[1]})  # fmt: skip
                px, py = self.positions[previous]
                self.positions[ta_id] = ((px + x) / 2 + 450.0, (py + y) / 2)
                self.edge(previous, ta_id)
                self.edge(ta_id, l_id)
            previous = l_id


def map_to_aif(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map as AIF JSON that AIFdb accepts (see the module docstring for the mapping)."""
    return _Writer(argument_map).build()


def map_to_ova(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map as an OVA3 analysis: AIF plus node coordinates and the first document's text."""
    writer = _Writer(argument_map)
    aif = writer.build()
    aif.setdefault("schemefulfillments", writer.scheme_fulfillments)
    kept = writer.kept
    kept_positions = kept.get("ova_nodes") or {}
    ova_nodes = []
    for record in aif["nodes"]:
        node_id = record["nodeID"]
        old = kept_positions.get(node_id)
        if node_id in argument_map.nodes or old is None:
            x, y = writer.positions.get(node_id, (0.0, 0.0))
        else:
            x, y = _number(old.get("x")), _number(old.get("y"))
        ova_nodes.append({"nodeID": node_id, "visible": True, "x": x, "y": y,
                          "timestamp": record.get("timestamp", writer.stamp)})  # fmt: skip
    ova = {"firstname": "", "surname": "", "url": ""}
    ova.update({k: v for k, v in (kept.get("ova") or {}).items() if k not in ("nodes", "edges")})
    ova["nodes"] = ova_nodes
    ova["edges"] = [
        {"fromID": e["fromID"], "toID": e["toID"], "visible": True} for e in aif["edges"]
    ]
    return {"AIF": aif, "OVA": ova, "text": {"txt": _document_html(argument_map), "url": ""}}


def _document_html(argument_map: ArgumentMap) -> str:
    """The first embedded document as OVA's HTML, each claim's first span highlighted."""
    document = next((d for d in argument_map.documents.values() if d.text), None)
    if document is None:
        return ""
    text = document.text or ""
    spans = sorted(
        (s.start, s.end, node.id)
        for node in argument_map.nodes.values()
        for s in node.sources[:1]
        if s.document == document.id
    )
    out, at = [], 0
    for start, end, node_id in spans:
        if start < at:
            continue  # OVA highlights cannot overlap; the first one wins
        out.append(html.escape(text[at:start]))
        out.append(f'<span class="highlighted" id="node{html.escape(node_id)}">')
        out.append(html.escape(text[start:end]) + "</span>")
        at = end
    out.append(html.escape(text[at:]))
    return "".join(out).replace("\n", "<br>")


def _dump(payload: dict[str, Any]) -> bytes:
    return (json.dumps(payload, ensure_ascii=False, indent=1) + "\n").encode("utf-8")


def write(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write ``argument_map`` as AIF JSON, atomically."""
    from mapping.formats.debatemap import write_atomically

    write_atomically(Path(path), _dump(map_to_aif(argument_map)), backup=False)


def write_ova(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write ``argument_map`` as an OVA3 analysis (AIF + coordinates + text), atomically."""
    from mapping.formats.debatemap import write_atomically

    write_atomically(Path(path), _dump(map_to_ova(argument_map)), backup=False)
