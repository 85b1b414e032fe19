"""``debatemap convert IN OUT``: move a map between formats (by extension or --from/--to)."""

from __future__ import annotations

import argparse

NAME = "convert"
HELP = "convert a map between formats (.debatemap, Argdown, AIF, GraphML, DOT, Kialo ...)"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("input", metavar="IN", help="the file to read")
    parser.add_argument("output", metavar="OUT", help="the file to write")
    parser.add_argument(
        "--from",
        dest="source_format",
        metavar="FORMAT",
        help="the input's format, when its extension does not say",
    )
    parser.add_argument(
        "--to",
        dest="target_format",
        metavar="FORMAT",
        help="the output's format, when its extension does not say",
    )


def run(args: argparse.Namespace) -> int:
    from mapping.formats.registry import find_format

    source = find_format(args.source_format, args.input, reading=True)
    target = find_format(args.target_format, args.output, reading=False)
    argument_map = source.reader()(args.input)
    target.writer()(argument_map, args.output)
    print(
        f"{args.output}: {len(argument_map.nodes)} nodes and {len(argument_map.edges)} edges "
        f"written as {target.title}"
    )
    return 0
