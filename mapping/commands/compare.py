"""``debatemap compare REFERENCE STUDENT``: grade a student's map against the teacher's."""

from __future__ import annotations

import argparse
import json

NAME = "compare"
HELP = "score a student's map against a reference map (precision, recall, F1, kappa; edge lists)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("reference", metavar="REFERENCE", help="the teacher's .debatemap")
    parser.add_argument("student", metavar="STUDENT", help="the student's .debatemap")
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def run(args: argparse.Namespace) -> int:
    from mapping.compare import compare_maps
    from mapping.formats.debatemap import load_map

    reference, student = load_map(args.reference), load_map(args.student)
    result = compare_maps(reference, student)
    if args.json:
        print(json.dumps(result.to_dict(), ensure_ascii=False, indent=2))
        return 0

    def describe(argument_map, edge) -> str:
        def label(node_id: str) -> str:
            text = argument_map.node(node_id).label or node_id
            return text if len(text) <= 50 else text[:49] + "…"

        return f"{label(edge.source)!r} --{edge.relation}--> {label(edge.target)!r}"

    kappa = "n/a" if result.kappa is None else f"{result.kappa:.3f}"
    print(
        f"Matched nodes: {len(result.node_matches)} of {len(student.nodes)} (student) / "
        f"{len(reference.nodes)} (reference)"
    )
    print(
        f"Edges:     {result.student_edges} student, {result.reference_edges} reference, "
        f"{len(result.agreed)} agreed"
    )
    print(f"Precision: {result.precision:.3f}")
    print(f"Recall:    {result.recall:.3f}")
    print(f"F1:        {result.f1:.3f}")
    print(f"Kappa:     {kappa}  (support vs attack over edges both maps have)")
    for title, items, side in (
        ("Flipped", result.flipped, "student"),
        ("Missing", result.missing, "reference"),
        ("Extra", result.extra, "student"),
    ):
        print(f"{title} ({len(items)}):")
        for difference in items:
            edge = getattr(difference, side)
            print(f"  - {describe(student if side == 'student' else reference, edge)}")
    return 0
