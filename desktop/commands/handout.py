"""``debatemap handout MAP -o OUT.pdf``: a printable handout or exercise sheet of a map."""

from __future__ import annotations

import argparse

NAME = "handout"
HELP = "print a map as a PDF handout (map, then each position's claims) or an exercise sheet"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("map", metavar="MAP", help="the .debatemap to print")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", required=True, help="the PDF to write")
    parser.add_argument(
        "--exercise",
        choices=("edges", "claims"),
        help="an exercise sheet instead: edges = claims without relations, "
        "claims = positions and the texts only",
    )
    parser.add_argument(
        "--theme", choices=("print", "light"), default="print", help="colours of the map page"
    )


def run(args: argparse.Namespace) -> int:
    from desktop.handout import write_handout
    from mapping.errors import MappingError
    from mapping.formats.debatemap import load_map

    if not str(args.output).lower().endswith(".pdf"):
        raise MappingError(f"{args.output}: a handout is a .pdf file")
    argument_map = load_map(args.map)
    pages = write_handout(argument_map, args.output, exercise=args.exercise, theme=args.theme)
    kind = f"{args.exercise} exercise" if args.exercise else "handout"
    print(f"wrote {args.output}: {kind}, {pages} page{'s' if pages != 1 else ''}")
    return 0
