"""``debatemap info MAP``: what a map holds, for a quick look or a script."""

from __future__ import annotations

import argparse
import json
from collections import Counter
from typing import Any

NAME = "info"
HELP = "print a map's title, documents and counts of positions, claims, supports and attacks"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", metavar="MAP", nargs="?", help="a map in any format DebateMap reads")
    parser.add_argument(
        "--example",
        action="store_true",
        help="describe the example map shipped with DebateMap and print where it is",
    )
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")


def summarize(argument_map: Any) -> dict[str, Any]:
    """The figures ``info`` prints, as data."""
    kinds = Counter(node.kind for node in argument_map.nodes.values())
    relations = Counter(edge.relation for edge in argument_map.edges.values())
    return {
        "title": argument_map.title,
        "documents": [
            {
                "id": d.id,
                "name": d.name,
                "embedded": d.text is not None,
                "characters": len(d.text) if d.text is not None else None,
                "title": d.metadata.get("title", ""),
            }
            for d in argument_map.documents.values()
        ],
        "positions": kinds["position"],
        "claims": kinds["claim"],
        "questions": kinds["question"],
        "notes": kinds["note"],
        "supports": relations["support"],
        "attacks": relations["attack"],
        "rephrases": relations["rephrase"],
        "nodes": len(argument_map.nodes),
        "edges": len(argument_map.edges),
    }


def run(args: argparse.Namespace) -> int:
    from mapping.errors import MappingError
    from mapping.formats.registry import find_format
    from mapping.resources import example_map_path

    if args.example == (args.map is not None):
        raise MappingError("info: give either a MAP file or --example")
    path = str(example_map_path()) if args.example else args.map
    summary = summarize(find_format(None, path, reading=True).reader()(path))
    if args.example:  # the installed location differs per install, so say where it is
        summary = {"file": path, **summary}
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=2))
        return 0
    if args.example:
        print(f"File:      {path}")
    print(f"Title:     {summary['title'] or '(untitled)'}")
    print(f"Documents: {len(summary['documents'])}")
    for document in summary["documents"]:
        where = (
            f"{document['characters']:,} characters embedded"
            if document["embedded"]
            else "referenced, not embedded"
        )
        print(f"  - {document['name']} ({where})")
    for key in ("positions", "claims", "questions", "notes", "supports", "attacks", "rephrases"):
        if summary[key] or key in ("positions", "claims", "supports", "attacks"):
            print(f"{key.capitalize() + ':':<11}{summary[key]}")
    return 0
