"""``debatemap export MAP -o OUT``: a picture (PNG, SVG, PDF) or a graph file (DOT, GraphML).

Pictures come from the editor's own scene (:mod:`desktop.render`), so they look like the window;
no display is needed. Maps whose nodes all sit at one place are laid out first (on a copy).
"""

from __future__ import annotations

import argparse
from pathlib import Path

# Parsing must stay light: the choices come from the evaluate command, not from the semantics.
from mapping.commands.evaluate import _READINGS, _SEMANTICS

NAME = "export"
HELP = "export a map as a picture (.png .svg .pdf) or a graph (.dot .graphml)"
GRAPH_SUFFIXES = (".dot", ".gv", ".graphml")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "map", metavar="MAP", help="the map to export (.debatemap or any readable format)"
    )
    parser.add_argument(
        "-o",
        "--output",
        metavar="OUT",
        required=True,
        help="the file to write: .png, .svg, .pdf, .dot or .graphml",
    )
    parser.add_argument(
        "--dpi",
        type=float,
        default=96.0,
        help="pixels per inch of a PNG (default 96: one pixel per scene unit)",
    )
    parser.add_argument("--scale", type=float, default=1.0, help="zoom factor (default 1)")
    parser.add_argument(
        "--max-megapixels",
        type=float,
        default=50.0,
        metavar="N",
        help="scale a bigger PNG down to N megapixels (default 50, at most 200)",
    )
    parser.add_argument(
        "--theme",
        choices=("light", "dark", "print"),
        default="light",
        help="colours (default light; print is black on white)",
    )
    parser.add_argument("--transparent", action="store_true", help="no background (PNG, SVG, PDF)")
    parser.add_argument("--legend", action="store_true", help="add a legend of the edge styles")
    parser.add_argument("--no-title", action="store_true", help="leave out the map's title")
    parser.add_argument(
        "--position",
        metavar="KEY",
        help="only this position (id or label) and what supports or attacks it",
    )
    parser.add_argument(
        "--evaluate",
        metavar="SEMANTICS",
        choices=_SEMANTICS,
        help="colour the nodes IN/OUT/UNDEC (or draw strengths) as Evaluate mode does: "
        + ", ".join(_SEMANTICS),
    )
    parser.add_argument(
        "--support",
        choices=_READINGS,
        default=None,
        help="with --evaluate: how supports become attacks (default: as 'debatemap evaluate', "
        "deductive)",
    )
    parser.add_argument(
        "--extension",
        type=int,
        default=1,
        metavar="N",
        help="with --evaluate: which extension to draw (default 1, the first)",
    )
    parser.add_argument(
        "--layout",
        action="store_true",
        help="lay the map out automatically first (the map file is not changed)",
    )


def run(args: argparse.Namespace) -> int:
    from desktop.render import IMAGE_FORMATS, ExportError
    from mapping.formats.registry import find_format
    from mapping.layout import needs_layout

    output = Path(args.output)
    suffix = output.suffix.lower()
    if suffix not in (*IMAGE_FORMATS, *GRAPH_SUFFIXES):
        raise ExportError(
            f"{output}: export writes .png, .svg, .pdf, .dot or .graphml, not {suffix or 'no extension'}"
        )
    argument_map = find_format(path=args.map, reading=True).reader()(args.map)
    if not argument_map.nodes:
        raise ExportError(f"{args.map}: the map has no nodes to export")
    # Importing desktop.render starts Qt; graph formats need it only for node sizes in layout.
    from desktop.render import (
        RenderOptions,
        argument_of,
        ensure_application,
        export_image,
        find_position,
        laid_out_copy,
        submap,
    )

    ensure_application()
    remarks = []
    if args.layout or needs_layout(argument_map):
        argument_map, engine = laid_out_copy(argument_map, args.theme)
        remarks.append(f"laid out with the {engine} engine")
    only = None
    if args.position:
        position = find_position(argument_map, args.position)
        only = argument_of(argument_map, position.id)
        count = len(only & set(argument_map.nodes)) - 1
        remarks.append(f"only position {position.id!r} and the {count} nodes arguing about it")
    if suffix in GRAPH_SUFFIXES:
        if only is not None:
            argument_map = submap(argument_map, only)
        find_format(path=output, reading=False).writer()(argument_map, output)
        what = "GraphML" if suffix == ".graphml" else "DOT"
    else:
        evaluation = _evaluation(argument_map, args) if args.evaluate else None
        if evaluation is not None:
            remarks.append(evaluation.caption)
        options = RenderOptions(
            theme=args.theme,
            dpi=args.dpi,
            scale=args.scale,
            max_pixels=args.max_megapixels * 1_000_000,
            transparent=args.transparent,
            legend=args.legend,
            title=not args.no_title,
            only=only,
            evaluation=evaluation,
        )
        export_image(argument_map, output, options)
        remarks.extend(options.notes)
        what = suffix[1:].upper() + _size(output, suffix)
    shown = len(only & set(argument_map.nodes)) if only is not None else len(argument_map.nodes)
    extra = f" ({'; '.join(remarks)})" if remarks else ""
    print(f"{output}: {what}, {shown} nodes{extra}")
    return 0


def _evaluation(argument_map, args: argparse.Namespace):
    """The overlay of ``--evaluate`` (one extension of the map's evaluation)."""
    from desktop.canvas.verdicts import EvaluationOverlay
    from desktop.render import ExportError
    from mapping.semantics import DEFAULT_SUPPORT, evaluate_map

    limit = max(args.extension, 1)
    support = args.support or DEFAULT_SUPPORT
    evaluation = evaluate_map(argument_map, args.evaluate, support=support, limit=limit)
    count = len(evaluation.labellings)
    if not evaluation.is_gradual and args.extension != 1 and not 1 <= args.extension <= count:
        raise ExportError(
            f"--extension {args.extension}: the {args.evaluate} semantics gives {count} "
            f"extension{'s' * (count != 1)} of this map"
        )
    return EvaluationOverlay.from_evaluation(evaluation, args.extension - 1)


def _size(path: Path, suffix: str) -> str:
    if suffix != ".png":
        return ""
    from PySide6.QtGui import QImageReader

    size = QImageReader(str(path)).size()
    return f" {size.width()}×{size.height()} px"
