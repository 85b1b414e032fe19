"""The native ``.debatemap`` file: versioned UTF-8 JSON, read strictly and written atomically.

Reading checks everything before building the map and names the JSON path of the first problem,
so a user can fix a hand-edited file. Writing goes through a temporary file in the same folder and
keeps the previous file as ``<name>.bak``, so a crash or a full disk never costs the last good copy.
"""

from __future__ import annotations

import json
import math
import os
import shutil
import tempfile
from collections.abc import Mapping
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
    text_sha256,
)
from mapping.model.records import NODE_KINDS, ORIGINS, RELATIONS

FORMAT_NAME = "debatemap"
FORMAT_VERSION = 1
MAX_FILE_BYTES = 32 * 1024 * 1024
"""Larger files are refused before parsing: a map of thousands of nodes with its texts is ~5 MB."""

_TOP_KEYS = ("format", "version", "title", "documents", "nodes", "edges")
_NODE_KEYS = (
    "id",
    "kind",
    "label",
    "text",
    "speaker",
    "sources",
    "tags",
    "color",
    "x",
    "y",
    "pinned",
    "note",
    "base_score",
    "data",
)
_EDGE_KEYS = (
    "id",
    "source",
    "target",
    "relation",
    "origin",
    "confidence",
    "note",
    "reason",
    "data",
)

# Migrations from version N to N+1 go here as functions of the raw dict, applied one at a time.
_MIGRATIONS: dict[int, Any] = {}


def backup_path(path: str | os.PathLike[str]) -> Path:
    """Where :func:`save_map` keeps the previous version of ``path``."""
    path = Path(path)
    return path.with_name(path.name + ".bak")


# --------------------------------------------------------------------------- writing
def map_to_dict(argument_map: ArgumentMap) -> dict[str, Any]:
    """The map as JSON-ready data in the version-1 layout (see docs/FORMAT.md)."""
    data: dict[str, Any] = {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "title": argument_map.title,
        "documents": [_document_to_dict(d) for d in argument_map.documents.values()],
        "nodes": [_node_to_dict(n) for n in argument_map.nodes.values()],
        "edges": [_edge_to_dict(e) for e in argument_map.edges.values()],
    }
    for key, value in argument_map.settings.items():
        data.setdefault(key, value)
    return data


def _document_to_dict(document: Document) -> dict[str, Any]:
    return {
        "id": document.id,
        "name": document.name,
        "text": document.text,
        "sha256": document.sha256,
        "metadata": dict(document.metadata),
    }


def _node_to_dict(node: Node) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": node.id,
        "kind": node.kind,
        "label": node.label,
        "text": node.text,
        "speaker": node.speaker,
        "sources": [{"document": s.document, "start": s.start, "end": s.end} for s in node.sources],
        "x": node.x,
        "y": node.y,
    }
    if node.tags:
        data["tags"] = list(node.tags)
    if node.color is not None:
        data["color"] = node.color
    if node.pinned:
        data["pinned"] = True
    if node.note:
        data["note"] = node.note
    if node.base_score is not None:
        data["base_score"] = node.base_score
    if node.data:
        data["data"] = dict(node.data)
    return data


def _edge_to_dict(edge: Edge) -> dict[str, Any]:
    data: dict[str, Any] = {
        "id": edge.id,
        "source": edge.source,
        "target": edge.target,
        "relation": edge.relation,
        "origin": edge.origin,
        "confidence": edge.confidence,
    }
    if edge.note:
        data["note"] = edge.note
    if edge.reason:
        data["reason"] = edge.reason
    if edge.data:
        data["data"] = dict(edge.data)
    return data


def dumps(argument_map: ArgumentMap) -> str:
    return json.dumps(map_to_dict(argument_map), ensure_ascii=False, indent=1) + "\n"


def save_map(
    argument_map: ArgumentMap, path: str | os.PathLike[str], *, backup: bool = True
) -> None:
    """Write ``argument_map`` to ``path`` atomically; the old file survives any failure."""
    path = Path(path)
    payload = dumps(argument_map).encode("utf-8")
    write_atomically(path, payload, backup=backup)


def write_atomically(path: Path, payload: bytes, *, backup: bool = True) -> None:
    """Replace ``path`` with ``payload`` so that readers see the old file or the new, never half."""
    directory = path.parent if str(path.parent) else Path(".")
    try:
        fd, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=directory)
    except OSError as error:
        raise FileFormatError(f"cannot save here: {error.strerror}", file=str(path)) from None
    try:
        with os.fdopen(fd, "wb") as stream:
            stream.write(payload)
            stream.flush()
            os.fsync(stream.fileno())
        if path.exists():
            shutil.copymode(path, temporary)
            if backup:
                shutil.copy2(path, backup_path(path))
        else:
            umask = os.umask(0)
            os.umask(umask)
            os.chmod(temporary, 0o666 & ~umask)
        os.replace(temporary, path)
        _fsync_directory(directory)
    except OSError as error:
        Path(temporary).unlink(missing_ok=True)
        raise FileFormatError(
            f"could not save ({error.strerror or error}); the previous file is unchanged",
            file=str(path),
        ) from None


def _fsync_directory(directory: Path) -> None:
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return  # not possible on every platform; the rename itself is still atomic
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


# --------------------------------------------------------------------------- reading
def load_map(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> ArgumentMap:
    """Read a ``.debatemap`` file, refusing anything malformed with the file and JSON path."""
    return loads(read_bounded(path, max_bytes, "maps"), source=str(path))


def loads(raw: bytes | str, source: str = "<map>") -> ArgumentMap:
    """Parse the bytes (or text) of a ``.debatemap`` file."""
    if isinstance(raw, bytes):
        text = decode_text(raw, source, "a DebateMap map (JSON text)")
    else:
        text = raw.removeprefix("\ufeff")
    data = parse_json(text, source, "a DebateMap map")
    return map_from_dict(data, source=source)


class _Reader:
    """Checks raw JSON values and reports the JSON path of the first one that is wrong."""

    def __init__(self, source: str) -> None:
        self.source = source

    def fail(self, where: str, message: str) -> FileFormatError:
        return FileFormatError(message, file=self.source, where=where)

    def obj(self, value: Any, where: str) -> Mapping[str, Any]:
        if not isinstance(value, dict):
            raise self.fail(where, f"expected an object, found {describe_json_value(value)}")
        return value

    def array(self, value: Any, where: str) -> list[Any]:
        if not isinstance(value, list):
            raise self.fail(where, f"expected a list, found {describe_json_value(value)}")
        return value

    def string(self, item: Mapping[str, Any], key: str, where: str, default: Any = ...) -> Any:
        if key not in item:
            if default is ...:
                raise self.fail(where, f'the field "{key}" is missing')
            return default
        value = item[key]
        if value is None and default is None:
            return None
        if not isinstance(value, str):
            raise self.fail(f"{where}.{key}", f"expected text, found {describe_json_value(value)}")
        return value

    def number(self, item: Mapping[str, Any], key: str, where: str, default: Any) -> Any:
        value = item.get(key, default)
        if value is None and default is None:
            return None
        if (
            isinstance(value, bool)
            or not isinstance(value, int | float)
            or not math.isfinite(value)
        ):
            raise self.fail(
                f"{where}.{key}", f"expected a number, found {describe_json_value(value)}"
            )
        return value

    def integer(self, item: Mapping[str, Any], key: str, where: str) -> int:
        if key not in item:
            raise self.fail(where, f'the field "{key}" is missing')
        value = item[key]
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.fail(
                f"{where}.{key}", f"expected a whole number, found {describe_json_value(value)}"
            )
        return value

    def choice(
        self,
        item: Mapping[str, Any],
        key: str,
        where: str,
        allowed: tuple[str, ...],
        default: Any = ...,
    ) -> str:
        value = self.string(item, key, where, default)
        if value not in allowed:
            raise self.fail(
                f"{where}.{key}", f"{json.dumps(value)} is not one of {', '.join(allowed)}"
            )
        return value


def map_from_dict(data: Any, source: str = "<map>") -> ArgumentMap:
    """Build a map from parsed JSON, validating every field first."""
    read = _Reader(source)
    top = read.obj(data, "(top level)")
    if top.get("format") != FORMAT_NAME:
        found = json.dumps(top.get("format")) if "format" in top else "no format field"
        raise read.fail("format", f'expected "debatemap", found {found}: not a DebateMap map')
    version = top.get("version")
    if isinstance(version, bool) or not isinstance(version, int):
        raise read.fail("version", f"expected a whole number, found {describe_json_value(version)}")
    if version > FORMAT_VERSION:
        raise read.fail(
            "version",
            f"the file was written by a newer DebateMap (format version {version}); "
            f"this version reads up to {FORMAT_VERSION}. Please update DebateMap.",
        )
    if version < 1:
        raise read.fail("version", f"unknown format version {version}")
    while version < FORMAT_VERSION:  # pragma: no cover - no older versions exist yet
        top = _MIGRATIONS[version](top)
        version += 1

    title = read.string(top, "title", "(top level)", "")
    documents = [
        _read_document(read, item, f"documents[{i}]")
        for i, item in enumerate(read.array(top.get("documents", []), "documents"))
    ]
    nodes = [
        _read_node(read, item, f"nodes[{i}]")
        for i, item in enumerate(read.array(top.get("nodes", []), "nodes"))
    ]
    edges = [
        _read_edge(read, item, f"edges[{i}]")
        for i, item in enumerate(read.array(top.get("edges", []), "edges"))
    ]
    settings = {k: v for k, v in top.items() if k not in _TOP_KEYS}
    return _assemble(read, title, documents, nodes, edges, settings)


def _read_document(read: _Reader, value: Any, where: str) -> Document:
    item = read.obj(value, where)
    document_id = read.string(item, "id", where)
    text = read.string(item, "text", where, None)
    sha = read.string(item, "sha256", where, None)
    if text is not None and sha is not None and text_sha256(text) != sha.lower():
        raise read.fail(
            f"{where}.sha256",
            f'does not match the text of document "{document_id}": the text was changed '
            "outside DebateMap, so its source spans may point at the wrong characters",
        )
    metadata = read.obj(item.get("metadata", {}), f"{where}.metadata")
    return Document(
        id=document_id,
        name=read.string(item, "name", where, document_id),
        text=text,
        sha256=sha if sha is not None else (text_sha256(text) if text is not None else None),
        metadata=metadata,
    )


def _read_node(read: _Reader, value: Any, where: str) -> Node:
    item = read.obj(value, where)
    sources = []
    for j, span_value in enumerate(read.array(item.get("sources", []), f"{where}.sources")):
        span_where = f"{where}.sources[{j}]"
        span = read.obj(span_value, span_where)
        start = read.integer(span, "start", span_where)
        end = read.integer(span, "end", span_where)
        if start < 0 or end <= start:
            raise read.fail(span_where, f"start {start} and end {end} do not make a span")
        sources.append(SourceSpan(read.string(span, "document", span_where), start, end))
    tags = read.array(item.get("tags", []), f"{where}.tags")
    for j, tag in enumerate(tags):
        if not isinstance(tag, str):
            raise read.fail(
                f"{where}.tags[{j}]", f"expected text, found {describe_json_value(tag)}"
            )
    pinned = item.get("pinned", False)
    if not isinstance(pinned, bool):
        raise read.fail(
            f"{where}.pinned", f"expected true or false, found {describe_json_value(pinned)}"
        )
    extra = {k: v for k, v in item.items() if k not in _NODE_KEYS}
    data = dict(read.obj(item.get("data", {}), f"{where}.data"))
    data.update(extra)  # unknown fields are kept, not dropped
    base_score = read.number(item, "base_score", where, None)
    if base_score is not None and not 0 <= base_score <= 1:
        raise read.fail(f"{where}.base_score", f"{base_score} is not between 0 and 1")
    return Node(
        id=read.string(item, "id", where),
        kind=read.choice(item, "kind", where, NODE_KINDS, "claim"),
        label=read.string(item, "label", where, ""),
        text=read.string(item, "text", where, ""),
        speaker=read.string(item, "speaker", where, "") or "",
        sources=tuple(sources),
        tags=tuple(tags),
        color=read.string(item, "color", where, None),
        x=read.number(item, "x", where, 0.0),
        y=read.number(item, "y", where, 0.0),
        pinned=pinned,
        note=read.string(item, "note", where, ""),
        base_score=base_score,
        data=data,
    )


def _read_edge(read: _Reader, value: Any, where: str) -> Edge:
    item = read.obj(value, where)
    confidence = read.number(item, "confidence", where, None)
    if confidence is not None and not 0 <= confidence <= 1:
        raise read.fail(f"{where}.confidence", f"{confidence} is not between 0 and 1")
    extra = {k: v for k, v in item.items() if k not in _EDGE_KEYS}
    data = dict(read.obj(item.get("data", {}), f"{where}.data"))
    data.update(extra)
    return Edge(
        id=read.string(item, "id", where),
        source=read.string(item, "source", where),
        target=read.string(item, "target", where),
        relation=read.choice(item, "relation", where, RELATIONS),
        origin=read.choice(item, "origin", where, ORIGINS, "user"),
        confidence=confidence,
        note=read.string(item, "note", where, ""),
        reason=read.string(item, "reason", where, ""),
        data=data,
    )


def _assemble(
    read: _Reader,
    title: str,
    documents: list[Document],
    nodes: list[Node],
    edges: list[Edge],
    settings: dict[str, Any],
) -> ArgumentMap:
    """Cross-record checks with JSON paths, then the map, built without a history."""
    by_id: dict[str, Document] = {}
    for i, document in enumerate(documents):
        if document.id in by_id:
            raise read.fail(f"documents[{i}].id", f'"{document.id}" is used twice')
        by_id[document.id] = document
    seen: dict[str, str] = {}
    for i, node in enumerate(nodes):
        if node.id in seen:
            raise read.fail(f"nodes[{i}].id", f'"{node.id}" is used twice (also {seen[node.id]})')
        seen[node.id] = f"nodes[{i}]"
        for j, span in enumerate(node.sources):
            document = by_id.get(span.document)
            where = f"nodes[{i}].sources[{j}]"
            if document is None:
                raise read.fail(f"{where}.document", f'there is no document "{span.document}"')
            if document.text is not None and span.end > len(document.text):
                raise read.fail(
                    f"{where}.end",
                    f'{span.end} is past the end of document "{document.id}" '
                    f"({len(document.text):,} characters)",
                )
    node_ids = set(seen)
    for i, edge in enumerate(edges):
        if edge.id in seen:
            raise read.fail(f"edges[{i}].id", f'"{edge.id}" is used twice (also {seen[edge.id]})')
        seen[edge.id] = f"edges[{i}]"
        for end in ("source", "target"):
            if getattr(edge, end) not in node_ids:
                raise read.fail(f"edges[{i}].{end}", f'there is no node "{getattr(edge, end)}"')

    argument_map = ArgumentMap(title)
    operations = (
        ("documents", documents, AddDocument),
        ("nodes", nodes, AddNode),
        ("edges", edges, AddEdge),
    )
    for kind, records, operation in operations:
        for i, record in enumerate(records):
            try:
                argument_map.execute(operation(record))
            except ModelError as error:
                raise read.fail(f"{kind}[{i}]", error.message) from None
    for key, value in settings.items():
        argument_map.execute(SetMapSetting(key, value))
    return argument_map


# The registry's reader/writer interface (mapping.formats.registry).
read = load_map
write = save_map
