"""Argdown (``.argdown``, ``.ad``) import and export.

Reading goes through :mod:`mapping.formats.argdown_syntax`, which follows ``@argdown/cli`` 1.7.5,
so a file opens with the same statements, arguments and relations Argdown's own tools show.

How Argdown maps onto a DebateMap map (docs/FORMATS.md, "Argdown", says the same for users):

- every statement equivalence class (all ``[Title]`` occurrences) → one claim; every argument
  (``<Title>``) → one claim marked ``data["argdown"]["type"] == "argument"``; the Argdown title is
  kept in ``data["argdown"]["title"]`` (and as the label unless Argdown made it up, "Untitled 3");
- relations → edges (origin "imported"), the Argdown type in ``data["argdown"]["relation"]``:
  support and entails → support; attack, undercut, contrary, contradictory → attack;
- a premise–conclusion structure → support edges from each inference step's premises to its
  conclusion and from the argument to its main conclusion, marked ``data["argdown"]["pcs"]``; the
  structure itself (order, inference rules) is kept on the argument for export;
- headings → groups: the innermost heading's title becomes a tag of the claims defined under it;
  the heading tree and the YAML front matter are kept in ``settings["argdown"]``;
- ``#tags`` → tags (and are taken out of the text); ``{…}`` data → ``data["argdown"]["data"]``.

Writing produces Argdown that the reference parser reads back to the same claims, arguments and
relations: definitions grouped under their headings, premise–conclusion structures, then one
paragraph of relations per source claim.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from mapping.errors import FileFormatError
from mapping.formats.argdown_syntax import (
    ArgdownModel,
    ArgdownSyntaxError,
    Argument,
    EquivalenceClass,
    Inference,
    Section,
    is_data_token,
    parse,
)
from mapping.formats.files import decode_text, read_bounded
from mapping.model import ArgumentMap, Edge, Node, SetMapSetting
from mapping.model.records import NODE_KINDS

MAX_FILE_BYTES = 32 * 1024 * 1024
SETTINGS_KEY = "argdown"

# The reference's relation types → (DebateMap relation, Argdown symbol written below the source).
RELATION_TYPES: dict[str, tuple[str, str]] = {
    "support": ("support", "+>"),
    "entails": ("support", "+>"),
    "attack": ("attack", "->"),
    "contrary": ("attack", "->"),
    "undercut": ("attack", "_>"),
    "contradictory": ("attack", "><"),
}


# --------------------------------------------------------------------------- reading
def read(path: str | os.PathLike[str]) -> ArgumentMap:
    """Import an Argdown file; a syntax error names the file, line and column."""
    name = str(path)
    text = decode_text(read_bounded(path, MAX_FILE_BYTES, "Argdown files"), name, "Argdown text")
    return loads(text, name=name, default_title=Path(name).stem)


def loads(text: str, *, name: str = "<text>", default_title: str = "") -> ArgumentMap:
    """Build a map from Argdown ``text``; ``name`` is what error messages call the source."""
    try:
        model = parse(text)
    except ArgdownSyntaxError as error:
        raise FileFormatError(
            f"Argdown syntax error: {error.message}",
            file=name,
            where=f"line {error.line}, column {error.column}",
        ) from None
    except RecursionError:
        raise FileFormatError(
            "Argdown relations are nested too deeply to import", file=name
        ) from None
    return model_to_map(model, default_title=default_title)


def model_to_map(model: ArgdownModel, *, default_title: str = "") -> ArgumentMap:
    """A new map holding ``model``; built completely before anyone sees it."""
    front_matter = model.front_matter or {}
    title = front_matter.get("title")
    title = " ".join(str(title).split()) if title else default_title
    argument_map = ArgumentMap(title)

    section_titles: dict[str, str] = {}
    sections: list[dict[str, Any]] = []
    for section in _walk_sections(model.sections):
        section_titles[section.id] = section.title
        entry: dict[str, Any] = {"id": section.id, "title": section.title, "level": section.level}
        if section.parent is not None:
            entry["parent"] = section.parent.id
        if section.tags:
            entry["tags"] = list(section.tags)
        if isinstance(section.data, dict) and section.data:
            entry["data"] = section.data
        sections.append(entry)
    settings: dict[str, Any] = {}
    if model.front_matter is not None:
        settings["front_matter"] = model.front_matter
    if sections:
        settings["sections"] = sections
    if settings:
        argument_map.execute(SetMapSetting(SETTINGS_KEY, settings))

    node_of: dict[int, str] = {}  # id(EC or argument) → node id
    for ec in model.statements.values():
        node_of[id(ec)] = _add_claim(argument_map, ec, "statement", section_titles)
    for argument in model.arguments.values():
        node_of[id(argument)] = _add_claim(argument_map, argument, "argument", section_titles)

    def node_for(member: Any) -> tuple[str, dict[str, Any]]:
        if isinstance(member, Inference):
            argument = model.arguments[member.argument_title]
            return node_of[id(argument)], {"target": "inference"}
        return node_of[id(member)], {}

    dropped = 0
    for relation in model.relations:
        source, _ = node_for(relation.source)
        target, extra = node_for(relation.target)
        if source == target:
            dropped += 1  # a map has no self loops; Argdown rarely writes one
            continue
        argument_map.add_edge(
            source,
            target,
            RELATION_TYPES[relation.type][0],
            origin="imported",
            data={SETTINGS_KEY: {"relation": relation.type, **extra}},
        )
    for argument in model.arguments.values():
        _add_pcs_edges(argument_map, model, argument, node_of)
    if dropped:
        argument_map.execute(SetMapSetting(SETTINGS_KEY, {**settings, "self_relations": dropped}))
    return argument_map


def _walk_sections(sections: Iterable[Section]) -> Iterable[Section]:
    for section in sections:
        yield section
        yield from _walk_sections(section.children)


def _add_claim(
    argument_map: ArgumentMap,
    item: EquivalenceClass | Argument,
    kind: str,
    section_titles: dict[str, str],
) -> str:
    info: dict[str, Any] = {"type": kind, "title": item.title}
    if item.untitled:
        info["untitled"] = True
    texts = [" ".join(m.text.split()) for m in item.members if m.text.strip()]
    extra_texts = [t for i, t in enumerate(texts) if t not in texts[:i]][1:]
    if extra_texts:
        info["texts"] = extra_texts  # Argdown lets one title carry several wordings
    tags = list(item.tags)
    if item.section is not None:
        info["section"] = item.section.id
        group = section_titles.get(item.section.id)
        if group and group not in tags:
            tags.append(group)
    if item.data:
        info["data"] = item.data
    if isinstance(item, Argument) and item.pcs:
        info["pcs"] = [_pcs_entry(statement) for statement in item.pcs]
    node_kind = item.data.get("kind") if isinstance(item.data, dict) else None
    node = argument_map.add_node(
        kind=node_kind if node_kind in NODE_KINDS else "claim",
        label="" if item.untitled else item.title,
        text=texts[0] if texts else "",
        tags=tags,
        data={SETTINGS_KEY: info},
    )
    return node.id


def _pcs_entry(statement: Any) -> dict[str, Any]:
    entry: dict[str, Any] = {"title": statement.title, "role": statement.role}
    inference = statement.inference
    if inference is not None:
        entry["rules"] = list(inference.rules)
        if isinstance(inference.data, dict) and inference.data:
            entry["data"] = inference.data
    return entry


def _add_pcs_edges(
    argument_map: ArgumentMap, model: ArgdownModel, argument: Argument, node_of: dict[int, str]
) -> None:
    """Premises support the conclusion of their inference step; the argument its conclusion."""
    if not argument.pcs:
        return
    seen: set[tuple[str, str]] = set()
    step: list[str] = []
    for statement in argument.pcs:
        node = node_of[id(model.statements[statement.title])]
        if statement.inference is None:
            step.append(node)
            continue
        for premise in step:
            if premise != node and (premise, node) not in seen:
                seen.add((premise, node))
                argument_map.add_edge(
                    premise,
                    node,
                    "support",
                    origin="imported",
                    data={SETTINGS_KEY: {"pcs": argument.title, "role": "inference"}},
                )
        step = [node]  # an intermediary conclusion is a premise of the next step
    conclusion = node_of[id(model.statements[argument.pcs[-1].title])]
    argument_map.add_edge(
        node_of[id(argument)],
        conclusion,
        "support",
        origin="imported",
        data={SETTINGS_KEY: {"pcs": argument.title, "role": "conclusion"}},
    )


# --------------------------------------------------------------------------- writing
def write(argument_map: ArgumentMap, path: str | os.PathLike[str]) -> None:
    """Export ``argument_map`` as Argdown, atomically."""
    from mapping.formats.debatemap import write_atomically

    write_atomically(Path(path), dumps(argument_map).encode("utf-8"), backup=False)


_TITLE_FORBIDDEN = re.compile(r"[\[\]<>\r\n\u2028\u2029]")
_ESCAPE = set("\\@#*_[]<>{}/=")
_MENTION = re.compile(r"@\[[^\]\r\n]+\]|@<[^>\r\n]+>")


def escape_text(text: str, *, inference: bool = False) -> str:
    """``text`` on one line, with every character Argdown could read as syntax escaped."""
    text = " ".join(text.split())
    out: list[str] = []
    position = 0
    while position < len(text):
        mention = None if inference else _MENTION.match(text, position)
        if mention:  # mentions stay mentions
            out.append(mention.group())
            position = mention.end()
            continue
        char = text[position]
        following = text[position + 1 : position + 2]
        if (
            char in _ESCAPE
            or (char in ".:" and following and not following.isspace())
            or (inference and char in "-,")
        ):
            out.append("\\")
        out.append(char)
        position += 1
    return "".join(out)


def _info(item: Node | Edge) -> dict[str, Any]:
    value = item.data.get(SETTINGS_KEY)
    return value if isinstance(value, dict) else {}


class _Writer:
    def __init__(self, argument_map: ArgumentMap) -> None:
        self.map = argument_map
        settings = argument_map.settings.get(SETTINGS_KEY)
        self.settings = settings if isinstance(settings, dict) else {}
        self.titles: dict[str, str] = {}
        self.is_argument: dict[str, bool] = {}
        self.sections = [
            s for s in self.settings.get("sections", []) if isinstance(s, dict) and s.get("id")
        ]
        self.section_ids = {s["id"] for s in self.sections}
        self._assign_titles()

    def _assign_titles(self) -> None:
        used: dict[bool, set[str]] = {True: set(), False: set()}
        for node in self.map.nodes.values():
            info = _info(node)
            is_argument = info.get("type") == "argument"
            self.is_argument[node.id] = is_argument
            wanted = info.get("title") if isinstance(info.get("title"), str) else ""
            if not wanted or not _usable_title(wanted):
                wanted = _make_title(node)
            title, number = wanted, 1
            while title in used[is_argument]:
                number += 1
                title = f"{wanted} ({number})"
            used[is_argument].add(title)
            self.titles[node.id] = title

    def ref(self, node_id: str) -> str:
        title = self.titles[node_id]
        return f"<{title}>" if self.is_argument[node_id] else f"[{title}]"

    def front_matter(self) -> str:
        import yaml

        front = dict(self.settings.get("front_matter") or {})
        if self.map.title:
            front["title"] = self.map.title
        semantic = {_info(e).get("relation") for e in self.map.edges.values()}
        if semantic & {"contrary", "entails"}:
            model = front.get("model") if isinstance(front.get("model"), dict) else {}
            front["model"] = {**model, "mode": "strict"}
        if not front:
            return ""
        body = yaml.safe_dump(front, sort_keys=False, allow_unicode=True, width=1000)
        if "===" in body:  # it would end the block early; keep only the title
            body = yaml.safe_dump({"title": self.map.title}, allow_unicode=True, width=1000)
        return f"===\n{body}===\n"

    def definition(self, node: Node) -> str:
        info = _info(node)
        group = self._section_title(info.get("section"))
        line = self.ref(node.id)
        text = escape_text(node.text)
        if text:
            line += f": {text}"
        for tag in node.tags:
            if tag == group or not tag.strip() or ")" in tag or _TITLE_FORBIDDEN.search(tag):
                continue
            line += f" #({tag.strip()})"
        data = dict(info.get("data") or {})
        if node.kind != "claim":
            data["kind"] = node.kind
        return line + _data_suffix(data)

    def _section_title(self, section_id: Any) -> str | None:
        for section in self.sections:
            if section["id"] == section_id:
                return str(section.get("title", ""))
        return None

    def pcs(self, node: Node) -> list[str] | None:
        """The argument's premise–conclusion structure as lines, or None if it no longer fits."""
        entries = _info(node).get("pcs")
        if not isinstance(entries, list) or len(entries) < 2:
            return None
        by_title = {
            _info(n).get("title"): n.id
            for n in self.map.nodes.values()
            if _info(n).get("type") != "argument" and _info(n).get("title")
        }
        lines: list[str] = []
        for number, entry in enumerate(entries, 1):
            node_id = by_title.get(entry.get("title")) if isinstance(entry, dict) else None
            if node_id is None:
                return None
            is_conclusion = entry.get("role") in ("intermediary-conclusion", "main-conclusion")
            if number == 1 and is_conclusion:
                return None
            if is_conclusion:
                rules = [escape_text(str(r), inference=True) for r in entry.get("rules") or []]
                rules = [r for r in rules if r]
                middle = ", ".join(rules) + _data_suffix(entry.get("data"))
                lines.append(f"-- {middle.strip()} --" if middle.strip() else "----")
            lines.append(f"({number}) {self.ref(node_id)}")
        last = entries[-1]
        if last.get("role") not in ("intermediary-conclusion", "main-conclusion"):
            return None
        return lines

    def render(self) -> str:
        paragraphs: list[str] = []
        front = self.front_matter()
        if front:
            paragraphs.append(front)
        groups: dict[str | None, list[Node]] = {}
        for node in self.map.nodes.values():
            section = _info(node).get("section")
            groups.setdefault(section if section in self.section_ids else None, []).append(node)
        written_pcs: set[str] = set()

        def emit(nodes: list[Node]) -> None:
            for node in nodes:
                paragraphs.append(self.definition(node))
                if self.is_argument[node.id]:
                    lines = self.pcs(node)
                    if lines:
                        written_pcs.add(str(_info(node).get("title")))
                        paragraphs.append("\n".join(lines))

        emit(groups.get(None, []))
        for section in self.sections:
            level = section.get("level") if isinstance(section.get("level"), int) else 1
            title = escape_text(str(section.get("title") or "")) or "Section"
            heading = "#" * max(1, min(level, 6)) + " " + title
            paragraphs.append(heading + _data_suffix(section.get("data")))
            emit(groups.get(section["id"], []))

        outgoing: dict[str, list[Edge]] = {}
        notes: list[str] = []
        for edge in self.map.edges.values():
            info = _info(edge)
            if info.get("pcs") in written_pcs:
                continue  # the premise–conclusion structure above says it
            if edge.relation == "rephrase":
                notes.append(
                    f"// {self.ref(edge.source)} rephrases {self.ref(edge.target)}"
                    " (Argdown 1.7 has no rephrase relation)"
                )
                continue
            outgoing.setdefault(edge.source, []).append(edge)
        for source, edges in outgoing.items():
            lines = [self.ref(source)]
            for edge in edges:
                lines.append(f"  {self.symbol(edge)} {self.ref(edge.target)}")
            paragraphs.append("\n".join(lines))
        if notes:
            paragraphs.append("\n".join(notes))
        if not self.map.nodes and not self.sections:
            # Argdown needs at least one element; a heading adds no statement or argument.
            paragraphs.append("# " + (escape_text(self.map.title) or "Empty map"))
        return "\n\n".join(p.rstrip("\n") for p in paragraphs) + "\n"

    def symbol(self, edge: Edge) -> str:
        kind = _info(edge).get("relation")
        if kind not in RELATION_TYPES or RELATION_TYPES[kind][0] != edge.relation:
            kind = edge.relation  # edited in DebateMap since import, or never Argdown
        if kind == "contradictory" and (
            self.is_argument[edge.source] or self.is_argument[edge.target]
        ):
            kind = "attack"  # >< joins statements only
        return RELATION_TYPES.get(kind, RELATION_TYPES["support"])[1]


def _usable_title(title: str) -> bool:
    return bool(title.strip()) and not title.startswith("-") and not _TITLE_FORBIDDEN.search(title)


def _make_title(node: Node) -> str:
    source = node.label or node.text or node.id
    words = _TITLE_FORBIDDEN.sub(" ", source).split()
    title = " ".join(words[:8]).lstrip("-").strip()
    return title or node.id


def _data_suffix(data: Any) -> str:
    """`` {json}`` when ``data`` is a non-empty mapping the Argdown lexer reads back whole."""
    if not isinstance(data, dict) or not data:
        return ""
    text = json.dumps(data, ensure_ascii=False)
    if "\n" in text or not is_data_token(text):
        return ""
    return " " + text


def dumps(argument_map: ArgumentMap) -> str:
    """``argument_map`` as Argdown text."""
    return _Writer(argument_map).render()
