"""``debatemap exercise MAP --variant edges|claims -o OUT.debatemap``: a map for students to complete.

``edges`` keeps every node and drops the relations (students draw support and attack); ``claims``
keeps only the positions and the texts (students find the claims). Grade the completed file with
``debatemap compare MAP COMPLETED``.
"""

from __future__ import annotations

import argparse

NAME = "exercise"
HELP = "write an exercise for students: the map without its relations, or without its claims"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", metavar="MAP", help="the teacher's .debatemap")
    parser.add_argument(
        "--variant",
        choices=("edges", "claims"),
        default="edges",
        help="edges: claims without relations (default); claims: positions only",
    )
    parser.add_argument(
        "-o", "--output", metavar="OUT.debatemap", required=True, help="where to write it"
    )


def run(args: argparse.Namespace) -> int:
    from mapping.errors import MappingError
    from mapping.formats.debatemap import load_map, save_map
    from mapping.teaching import exercise_without_claims, exercise_without_edges

    if str(args.output) == str(args.map):
        raise MappingError(f"{args.output}: refusing to overwrite the reference map")
    reference = load_map(args.map)
    make = exercise_without_edges if args.variant == "edges" else exercise_without_claims
    exercise = make(reference)
    save_map(exercise, args.output)
    print(
        f"wrote {args.output}: {len(exercise.nodes)} nodes, {len(exercise.edges)} relations, "
        f"{len(exercise.documents)} documents (grade it with: debatemap compare {args.map} "
        f"COMPLETED.debatemap)"
    )
    return 0
