"""The GUI's one door to ``mapping.documents`` and ``mapping.seeding``.

Both core packages are young; everything the panels and the import wizard need from them goes
through the few functions here, converted into the small records below, so a change in their API
is fixed in this file alone. Proposed nodes are the seeder's own ``ProposedNode`` (the wizard reads
the same fields), with the label standing in for a missing text. The core is imported inside the
functions: the first window does not need it.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mapping.model import ArgumentMap, Compound

if TYPE_CHECKING:  # the seeder's own node record; imported when seeding, not at start-up
    from mapping.seeding.proposal import ProposedNode


@dataclass(frozen=True)
class Thread:
    """A top-level comment and the replies under it."""

    number: str
    author: str
    timestamp: str
    replies: int
    start: int


@dataclass(frozen=True)
class ParsedText:
    """What the wizard shows about one document, and what the map will embed."""

    name: str
    text: str
    metadata: dict[str, Any] = field(default_factory=dict)
    sections: tuple[tuple[str, int], ...] = ()  # (heading, start offset)
    threads: tuple[Thread, ...] = ()
    sentences: int = 0
    warnings: tuple[str, ...] = ()
    parsed: Any = None  # the core's ParsedDocument, handed back to seeding untouched


@dataclass(frozen=True)
class ProposedRelation:
    key: str
    source: str
    target: str
    relation: str
    confidence: float | None = None
    reason: str = ""


@dataclass
class Proposal:
    """The seeder's suggestion in the wizard's terms; ``raw`` is the core's own proposal."""

    documents: list[ParsedText]
    nodes: list[ProposedNode] = field(default_factory=list)
    relations: list[ProposedRelation] = field(default_factory=list)
    profile: str = ""
    raw: Any = None

    @property
    def positions(self) -> list[ProposedNode]:
        return [n for n in self.nodes if n.kind == "position"]

    @property
    def claims(self) -> list[ProposedNode]:
        return [n for n in self.nodes if n.kind != "position"]


# --------------------------------------------------------------------------- reading
def preload() -> None:
    """Import the reader and the seeder on the GUI thread, before any worker thread needs them.

    PySide's import hook is not safe when a worker thread imports a module for the first time
    while the GUI thread runs Python (it crashed the interpreter in testing), so background jobs
    only ever use modules that are already loaded.
    """
    import mapping.documents
    import mapping.seeding
    import mapping.seeding.profiles  # noqa: F401


def read_file(path: str | Path) -> ParsedText:
    """Read and parse one .txt/.md/.html file; MappingError names the file when it cannot."""
    from mapping.documents import read_document

    return _from_parsed(read_document(path))


def _from_parsed(parsed: Any) -> ParsedText:
    text = parsed.text
    sections = tuple((section.title, section.start) for section in parsed.sections)
    replies: dict[str, int] = {}
    for comment in parsed.comments:
        if comment.parent is not None:
            replies[comment.thread] = replies.get(comment.thread, 0) + 1
    threads = tuple(
        Thread(c.number, c.author or "", c.timestamp or "", replies.get(c.number, 0), c.start)
        for c in parsed.comments
        if c.parent is None
    )
    return ParsedText(
        parsed.name, text, dict(parsed.metadata), sections, threads,
        len(parsed.sentences), tuple(parsed.warnings), parsed,
    )  # fmt: skip


@lru_cache(maxsize=8)
def _parsed_for_speakers(name: str, text: str) -> Any:
    from mapping.documents import parse_text

    return parse_text(text, name)


def speaker_at(name: str, text: str, start: int, end: int) -> str:
    """Who speaks the sentence around ``start:end`` according to the document's structure, or ''."""
    try:
        parsed = _parsed_for_speakers(name, text)
    except Exception:  # a guess must never stop the person from making the claim
        return ""
    for sentence in parsed.sentences:
        if sentence.start <= start < max(sentence.end, sentence.start + 1):
            speaker = sentence.speaker or ""
            return "" if speaker.startswith("unknown") else speaker
    return ""


# --------------------------------------------------------------------------- seeding
def guess_profile(documents: list[ParsedText]) -> tuple[str, str, int] | None:
    """The bundled debate profile that fits the texts: (key, title, cue phrases found), or None."""
    from mapping.seeding.profiles import bundled_profiles, load_profile
    from mapping.seeding.profiles import guess_profile as guess

    guessed = guess([d.text for d in documents])
    if guessed is None:
        return None
    profile, hits = guessed
    for key, path in bundled_profiles().items():
        if load_profile(path).name == profile.name:
            return key, profile.name, hits
    return None


def profile_titles() -> dict[str, str]:
    """Key → title of every bundled debate profile."""
    from mapping.seeding.profiles import bundled_profiles, load_profile

    return {key: load_profile(path).name for key, path in bundled_profiles().items()}


def propose(documents: list[ParsedText], profile: str | None = None) -> Proposal:
    """Ask the seeder for positions, claims and relations.

    ``profile`` is a bundled profile's key or a .toml path; None seeds from structure alone.
    """
    from mapping.seeding import load_profile
    from mapping.seeding import propose as seed

    loaded = load_profile(profile) if profile else None
    raw = seed([d.parsed for d in documents], loaded)
    proposal = Proposal(documents, profile=raw.profile, raw=raw)
    for node in raw.nodes:  # the wizard shows the label where a node has no text of its own
        proposal.nodes.append(
            replace(node, text=node.text or node.label, speaker=node.speaker or "")
        )
    for index, relation in enumerate(raw.relations):
        proposal.relations.append(ProposedRelation(
            f"r{index}", relation.source, relation.target, relation.relation,
            relation.confidence, relation.reason,
        ))  # fmt: skip
    return proposal


# ----------------------------------------------------------------------- applying
def build_operation(
    argument_map: ArgumentMap, proposal: Proposal, accepted: Iterable[str] | None = None
) -> Compound:
    """One operation adding the documents and the accepted items of ``proposal`` to the map.

    ``accepted`` holds node and relation keys (None: everything); a relation whose end was left
    out is dropped. New nodes are laid out (:func:`mapping.layout.place_new_nodes`, with the
    canvas's real box sizes) below whatever the map holds, so nothing starts on another box and
    the map reads well without an Auto Layout.
    """
    from desktop.canvas.items import node_size
    from mapping.layout import place_new_nodes

    keep = None if accepted is None else set(accepted)
    nodes = [n for n in proposal.nodes if keep is None or n.key in keep]
    kept = {n.key for n in nodes}
    chosen = [
        index for index, r in enumerate(proposal.relations)
        if (keep is None or r.key in keep) and r.source in kept and r.target in kept
    ]  # fmt: skip
    raw = replace(
        proposal.raw,
        nodes=tuple(n for n in proposal.raw.nodes if n.key in kept),
        relations=tuple(proposal.raw.relations[i] for i in chosen),
    )
    count = len(proposal.documents)
    description = f"Import {count} Document{'s' if count != 1 else ''}"
    operation = raw.operation(argument_map, description)
    return place_new_nodes(operation, argument_map, node_size)
