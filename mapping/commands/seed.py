"""``debatemap seed FILE... -o OUT.debatemap``: a first argument map from articles and comments."""

from __future__ import annotations

import argparse
from collections import Counter
from typing import Any

NAME = "seed"
HELP = "seed a map from .txt/.md/.html documents: positions, claims, support and attack"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", metavar="FILE", nargs="+", help="documents to read")
    parser.add_argument(
        "--profile",
        metavar="NAME|PATH",
        help="a debate profile: a bundled name (e.g. iran-2026), a .toml file, or 'none'; "
        "by default the bundled profile that fits the documents best, if one fits",
    )
    parser.add_argument("-o", "--output", metavar="OUT.debatemap", help="where to write the map")
    parser.add_argument(
        "--report", action="store_true", help="print what was found: metadata, threads, claims ..."
    )
    parser.add_argument("--title", help="the map's title (default: the first document's title)")


def run(args: argparse.Namespace) -> int:
    from mapping.documents import read_document
    from mapping.errors import MappingError
    from mapping.formats.debatemap import save_map
    from mapping.layout import place_new_nodes
    from mapping.model import ArgumentMap
    from mapping.seeding import load_profile, propose
    from mapping.seeding.profiles import guess_profile

    if not args.output and not args.report:
        raise MappingError("say where to write the map with -o OUT.debatemap, or ask for --report")
    documents = [read_document(path) for path in args.files]
    profile = None
    if args.profile and args.profile.lower() != "none":
        profile = load_profile(args.profile)
    elif not args.profile:
        guessed = guess_profile([document.text for document in documents])
        if guessed is not None:
            profile = guessed[0]
            print(
                f"debatemap: using profile {profile.name!r} ({guessed[1]} of its cue phrases occur; "
                "--profile none seeds without one)"
            )
    proposal = propose(documents, profile)
    argument_map = ArgumentMap(title=args.title or _title(documents, profile))
    # Laid out already (sizes estimated from the labels), so it opens and exports readably.
    argument_map.execute(place_new_nodes(proposal.operation(argument_map), argument_map))
    for document in documents:
        for warning in document.warnings:
            print(f"debatemap: warning: {warning}")
    if args.report:
        print(report(proposal))
    if args.output:
        save_map(argument_map, args.output, backup=False)
        kinds = Counter(node.kind for node in argument_map.nodes.values())
        print(
            f"wrote {args.output}: {kinds['position']} positions, {kinds['claim']} claims, "
            f"{kinds['question']} questions, {kinds['note']} notes, {len(argument_map.edges)} relations"
        )
    return 0


def _title(documents: list[Any], profile: Any) -> str:
    if profile is not None:
        return profile.name
    return documents[0].metadata.get("title", documents[0].name) if documents else ""


def report(proposal: Any) -> str:
    """A plain-text account of what the seeder found, for checking it before opening the map."""
    lines: list[str] = []
    for document in proposal.documents:
        lines.append(f"== {document.name} ({document.format}, {document.encoding})")
        for key in ("title", "subtitle", "author", "date"):
            if document.metadata.get(key):
                lines.append(f"  {key}: {document.metadata[key]}")
        sections = [section.title for section in document.sections]
        if sections:
            lines.append(f"  sections ({len(sections)}): " + " | ".join(sections))
        kinds = Counter(block.kind for block in document.blocks)
        lines.append(
            "  blocks: " + ", ".join(f"{kind} {count}" for kind, count in sorted(kinds.items()))
        )
        if document.comment_section is not None:
            declared = document.comment_section.declared_count
            threads = [c for c in document.comments if c.parent is None]
            lines.append(
                f"  comments: {len(document.comments)} found in {len(threads)} threads"
                + (f" (the page says {declared})" if declared is not None else "")
            )
            for comment in document.comments:
                who = comment.author or "unknown author"
                when = f", {comment.timestamp}" if comment.timestamp else ""
                parent = f" → {comment.parent}" if comment.parent else ""
                lines.append(f"    {'  ' * comment.depth}{comment.number}{parent}: {who}{when}")
        speakers = Counter(s.speaker for s in document.sentences)
        lines.append(
            "  speakers: "
            + ", ".join(f"{name} ({count})" for name, count in speakers.most_common())
        )
        lines.append(f"  sentences: {len(document.sentences)}")
        for warning in document.warnings:
            lines.append(f"  warning: {warning}")
    positions = [node for node in proposal.nodes if node.kind == "position"]
    lines.append(f"== positions ({len(positions)})")
    lines.extend(f"  [{node.key}] {node.label}" for node in positions)
    others = [node for node in proposal.nodes if node.kind != "position"]
    lines.append(f"== claims, questions and notes ({len(others)})")
    for node in others:
        where = f"d{node.document}:{node.start}-{node.end}"
        lines.append(f"  [{node.key}] {node.kind} {where} — {node.speaker}: {node.label}")
    by_cue = Counter((relation.cue, relation.relation) for relation in proposal.relations)
    lines.append(f"== relations ({len(proposal.relations)}) by cue")
    lines.extend(
        f"  {cue}: {relation} {count}" for (cue, relation), count in sorted(by_cue.items())
    )
    for relation in proposal.relations:
        lines.append(
            f"  {relation.source} —{relation.relation}→ {relation.target} "
            f"({relation.confidence:.2f}, {relation.reason})"
        )
    return "\n".join(lines)
