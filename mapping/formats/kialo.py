"""Kialo's exported discussion outline (``.kialo.txt``), read and written.

Kialo exports a discussion as numbered lines::

    Discussion Title: Should the town build a tram line?

    1. The town should build a tram line.
    1.1. Pro: Trams take cars off the central streets.
    1.1.1. Con: Buses could do that for far less money.
    1.2. Con: -> See 1.1.1.

Each numbered line is a claim; its parent is the number without the last part. ``Pro:`` becomes a
support edge from the claim to its parent, ``Con:`` an attack, and a line without a stance (a
thesis under a multi-thesis question) a rephrase edge, as arguebuf reads it too. ``-> See 1.1.1.``
links an existing claim to one more parent, so the map gets an edge and no duplicate claim.
Lines that are not numbered continue the claim above; a ``Sources:`` line starts that claim's list
of sources (kept in ``node.data["kialo"]["sources"]``). Top-level claims become positions.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from pathlib import Path
from typing import Any

from mapping.errors import FileFormatError, ModelError
from mapping.formats.files import decode_text, read_bounded
from mapping.model import AddEdge, AddNode, ArgumentMap, Edge, Node, SetMapSetting

MAX_FILE_BYTES = 64 * 1024 * 1024

_NUMBERED = re.compile(r"^((?:\d+\.)+)(?: (.*))?$")
_STANCE = re.compile(r"^(Pro|Con):\s?(.*)$", re.DOTALL)
_LINK = re.compile(r"^->\s*See\s+((?:\d+\.)+)\s*$")
_HEADER = re.compile(r"^([A-Z][A-Za-z ]{0,40}):\s*(.*)$")
_RELATION = {"Pro": "support", "Con": "attack", None: "rephrase"}
_STANCE_OF = {"support": "Pro", "attack": "Con", "rephrase": None}


def read(path: str | os.PathLike[str], *, max_bytes: int = MAX_FILE_BYTES) -> ArgumentMap:
    """Read a Kialo text export; errors name the file and the line."""
    name = str(path)
    raw = read_bounded(path, max_bytes, "Kialo exports")
    return loads(decode_text(raw, name, "a Kialo text export"), source=name)


class _Claim:
    def __init__(self, number: str, stance: str | None, line: int) -> None:
        self.number = number
        self.stance = stance
        self.line = line
        self.lines: list[str] = []
        self.sources: list[str] | None = None
        self.link: str | None = None

    @property
    def parent(self) -> str:
        return self.number[: self.number.rstrip(".").rfind(".") + 1]


def loads(text: str, source: str = "<kialo>") -> ArgumentMap:
    """Parse the text of a Kialo export."""
    lines = text.removeprefix("\ufeff").splitlines()
    headers: dict[str, str] = {}
    preamble: list[str] = []
    claims: list[_Claim] = []
    by_number: dict[str, _Claim] = {}
    for index, line in enumerate(lines, start=1):
        match = _NUMBERED.match(line)
        if match:
            number, rest = match.group(1), (match.group(2) or "")
            stance = None
            stance_match = _STANCE.match(rest)
            if stance_match and number.count(".") > 1:
                stance, rest = stance_match.group(1), stance_match.group(2)
            claim = _Claim(number, stance, index)
            link = _LINK.match(rest.strip())
            if link:
                claim.link = link.group(1)
            else:
                claim.lines.append(rest)
            if number in by_number:
                raise FileFormatError(
                    f'the number "{number}" is used twice (also line {by_number[number].line})',
                    file=source,
                    where=f"line {index}",
                )
            if number.count(".") > 1 and claim.parent not in by_number:
                raise FileFormatError(
                    f'"{number}" has no parent: there is no claim "{claim.parent}" above it',
                    file=source,
                    where=f"line {index}",
                )
            by_number[number] = claim
            claims.append(claim)
            continue
        if not claims:
            header = _HEADER.match(line)
            if header:
                headers[header.group(1)] = header.group(2)
            elif line.strip():
                preamble.append(line)
            continue
        current = claims[-1]
        if line.rstrip() == "Sources:":
            current.sources = []
        elif current.sources is not None:
            if line.strip():
                current.sources.append(line.strip())
        elif current.link is None:
            current.lines.append(
                line[1:] if line.startswith(" ") and _looks_special(line[1:]) else line
            )
    if not claims:
        raise FileFormatError(
            'no numbered claims ("1. …", "1.1. Pro: …") were found: this is not a Kialo export',
            file=source,
        )

    argument_map = ArgumentMap(headers.pop("Discussion Title", ""))
    ids = {c.number: "k" + c.number.rstrip(".") for c in claims}
    nodes: list[Node] = []
    edges: list[Edge] = []
    for claim in claims:
        if claim.link is not None:
            continue
        body = "\n".join(claim.lines).strip()
        if not body:
            raise FileFormatError(
                f'claim "{claim.number}" has no text', file=source, where=f"line {claim.line}"
            )
        data: dict[str, Any] = {"number": claim.number}
        if claim.sources:
            data["sources"] = claim.sources
        nodes.append(
            Node(
                ids[claim.number],
                kind="position" if claim.number.count(".") == 1 else "claim",
                label=body,
                text=body,
                data={"kialo": data},
            )
        )
    for claim in claims:
        if claim.number.count(".") == 1:
            continue
        if claim.link is not None:
            target = by_number.get(claim.link)
            if target is None or target.link is not None:
                raise FileFormatError(
                    f'"-> See {claim.link}" points at no claim', file=source,
                    where=f"line {claim.line}",
                )  # fmt: skip
            origin = ids[claim.link]
        else:
            origin = ids[claim.number]
        parent = by_number[claim.parent]
        if parent.link is not None:
            raise FileFormatError(
                f'"{claim.number}" sits under a "-> See" line, which cannot have children',
                file=source,
                where=f"line {claim.line}",
            )
        if origin == ids[claim.parent]:
            continue  # a link back to its own parent adds nothing
        data = {"number": claim.number, "stance": claim.stance}
        if claim.link is not None:
            data["link"] = True
        edges.append(
            Edge(
                "e" + ids[claim.number],
                origin,
                ids[claim.parent],
                relation=_RELATION[claim.stance],
                origin="imported",
                data={"kialo": data},
            )
        )
    from dataclasses import replace

    from mapping.formats.placement import place_in_layers

    placed = place_in_layers([n.id for n in nodes], [(e.source, e.target) for e in edges])
    nodes = [replace(n, x=placed[n.id][0], y=placed[n.id][1]) for n in nodes]
    try:
        for node in nodes:
            argument_map.execute(AddNode(node))
        for edge in edges:
            argument_map.execute(AddEdge(edge))
        if headers or preamble:
            argument_map.execute(SetMapSetting("kialo", {"headers": headers, "preamble": preamble}))
    except ModelError as error:
        raise FileFormatError(error.message, file=source) from None
    return argument_map


def _looks_special(line: str) -> bool:
    """Would this continuation line be read as a numbered claim or a Sources: header?"""
    return bool(_NUMBERED.match(line)) or line.rstrip() == "Sources:" or line.startswith(" ")


def dumps(argument_map: ArgumentMap) -> str:
    """The map as a Kialo outline: trees hang from nodes that support or attack nothing."""
    children: dict[str, list[Edge]] = defaultdict(list)
    for edge in argument_map.edges.values():
        children[edge.target].append(edge)

    def order_key(edge: Edge) -> tuple[Any, ...]:
        parts = _parts((edge.data.get("kialo") or {}).get("number"))
        return (0, parts) if parts else (1, ())

    for edges in children.values():
        edges.sort(key=order_key)
    roots = [n for n in argument_map.nodes.values() if not argument_map.out_edges(n.id)]
    roots.sort(key=lambda n: (n.kind != "position", _number_parts(n)))
    placed: dict[str, str] = {}
    out = [f"Discussion Title: {argument_map.title or 'Untitled discussion'}"]
    kept = argument_map.settings.get("kialo") or {}
    for key, value in (kept.get("headers") or {}).items():
        out.append(f"{key}: {value}")
    out.append("")

    def emit(node: Node, number: str, stance: str | None, depth: int) -> None:
        prefix = f"{number} " + (f"{stance}: " if stance and depth > 0 else "")
        if node.id in placed:
            out.append(f"{prefix}-> See {placed[node.id]}")
            return
        placed[node.id] = number
        text = (node.text or node.label).strip() or node.id
        first, *rest = text.split("\n")
        out.append(prefix + first)
        out.extend(" " + line if _looks_special(line) else line for line in rest)
        sources = (node.data.get("kialo") or {}).get("sources")
        if sources:
            out.append("Sources:")
            out.extend(sources)
        for k, edge in enumerate(children.get(node.id, ()), start=1):
            emit(argument_map.node(edge.source), f"{number}{k}.", _STANCE_OF[edge.relation],
                 depth + 1)  # fmt: skip

    for k, root in enumerate(roots, start=1):
        emit(root, f"{k}.", None, 0)
    # Nodes only reachable through a cycle (A supports B supports A) still get written.
    for node in argument_map.nodes.values():
        if node.id not in placed:
            emit(node, f"{len(roots) + 1}.", None, 0)
            roots.append(node)
    return "\n".join(out) + "\n"


def _number_parts(node: Node) -> tuple[int, ...]:
    return _parts((node.data.get("kialo") or {}).get("number"))


def _parts(number: Any) -> tuple[int, ...]:
    """``(1, 2)`` for ``"1.2."``; anything else (hand-edited data) sorts as unnumbered."""
    if not isinstance(number, str):
        return ()
    return tuple(int(p) for p in number.rstrip(".").split(".") if p.isdigit())


def write(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Write ``argument_map`` as a Kialo outline, atomically."""
    from mapping.formats.debatemap import write_atomically

    write_atomically(Path(path), dumps(argument_map).encode("utf-8"), backup=False)
