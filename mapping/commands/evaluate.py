"""``debatemap evaluate MAP|AF``: which positions and claims stand under a semantics.

For a map it prints each node's label (or strength) in a table; for an abstract framework in an
ICCMA format (.apx, .tgf, .i23/.af) it prints all extensions in ICCMA's syntax, ``[[a,b],[c]]``.
"""

from __future__ import annotations

import argparse
import json
from typing import Any

NAME = "evaluate"
HELP = "label a map's positions and claims IN/OUT/UNDEC (or give strengths); also ICCMA files"

_SEMANTICS = ("grounded", "complete", "preferred", "stable", "dfquad", "quadratic")
_READINGS = ("deductive", "general", "necessary", "none")
_MAX_COLUMNS = 8


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "file", metavar="MAP|AF", help="a .debatemap file or an .apx/.tgf/.i23 file"
    )
    parser.add_argument(
        "--semantics", "-s", choices=_SEMANTICS, default="grounded",
        help="labelling semantics, or dfquad/quadratic for gradual strengths (default: grounded)",
    )  # fmt: skip
    parser.add_argument(
        "--support", choices=_READINGS, default="deductive",
        help="how supports become attacks for labelling semantics (default: deductive; "
        "see docs/SEMANTICS.md)",
    )  # fmt: skip
    parser.add_argument(
        "--accept", action="append", default=[], metavar="ID",
        help="what if: take this node (or argument) as accepted; may be repeated",
    )  # fmt: skip
    parser.add_argument(
        "--reject", action="append", default=[], metavar="ID",
        help="what if: take this node (or argument) as rejected; may be repeated",
    )  # fmt: skip
    parser.add_argument(
        "--limit", type=int, metavar="N", help="enumerate at most N extensions (default: all)"
    )
    parser.add_argument(
        "--format", choices=("apx", "tgf", "i23"), help="read the file as this ICCMA format"
    )
    parser.add_argument("--json", action="store_true", help="print the result as JSON")


def _assumptions(args: argparse.Namespace) -> dict[str, bool]:
    from mapping.errors import MappingError

    assume = {name: True for name in args.accept}
    for name in args.reject:
        if name in assume:
            raise MappingError(f"{name!r} cannot be both accepted and rejected")
        assume[name] = False
    return assume


def run(args: argparse.Namespace) -> int:
    from mapping.errors import MappingError
    from mapping.semantics.iccma import is_iccma_file

    if args.limit is not None and args.limit < 1:
        raise MappingError("--limit must be at least 1")
    try:
        if args.format or is_iccma_file(args.file):
            return _run_framework(args)
        return _run_map(args)
    except ValueError as error:  # an unknown id in --accept/--reject, and the like
        raise MappingError(str(error), file=args.file) from None


def _run_framework(args: argparse.Namespace) -> int:
    from mapping.semantics.bipolar import BipolarGraph
    from mapping.semantics.dung import Label, labellings
    from mapping.semantics.gradual import GRADUAL_SEMANTICS, strengths
    from mapping.semantics.iccma import format_extensions, read_framework

    framework = read_framework(args.file, args.format)
    assume = _assumptions(args)
    for name in assume:
        if name not in framework.index:
            raise ValueError(f"no argument named {name!r}")
    if args.semantics in GRADUAL_SEMANTICS:
        graph = BipolarGraph(
            framework.names,
            tuple((s, t, 1.0) for s, t in framework.attacks()),
            (),
            (0.5,) * framework.size,
        )
        fixed = {framework.index[k]: 1.0 if v else 0.0 for k, v in assume.items()}
        result = strengths(graph, args.semantics, fixed)
        values = dict(zip(framework.names, result.strengths, strict=True))
        if args.json:
            print(json.dumps({"strengths": values, "converged": result.converged}))
        else:
            width = max((len(name) for name in framework.names), default=0)
            for name, value in values.items():
                print(f"{name:<{width}}  {value:.4f}")
        return 0
    clamp = {k: Label.IN if v else Label.OUT for k, v in assume.items()}
    found = labellings(framework, args.semantics, clamp, args.limit)
    extensions = [lab.extension() for lab in found]
    if args.json:
        print(json.dumps({"extensions": extensions}))
    else:
        print(format_extensions(extensions))
    return 0


def _run_map(args: argparse.Namespace) -> int:
    from mapping.formats.debatemap import load_map
    from mapping.semantics.evaluate import evaluate_map

    argument_map = load_map(args.file)
    result = evaluate_map(
        argument_map,
        args.semantics,
        support=args.support,
        assume=_assumptions(args),
        limit=args.limit,
    )
    if args.json:
        data = result.to_json()
        data["kinds"] = {i: argument_map.node(i).kind for i in result.node_ids}
        print(json.dumps(data, ensure_ascii=False, indent=2))
        return 0
    for line in _table(argument_map, result):
        print(line)
    return 0


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _table(argument_map: Any, result: Any) -> list[str]:
    from mapping.semantics.evaluate import SEMANTICS_TITLES

    lines = [f"{SEMANTICS_TITLES[result.semantics]}"]
    if not result.is_gradual:
        lines[0] += f"; support read as {result.support!r}"
    if result.assumed:
        what = ", ".join(f"{k}={v}" for k, v in result.assumed.items())
        lines.append(f"What if: {what}")
    headers = ["id", "kind", "label"]
    columns: list[list[str]] = []
    if result.is_gradual:
        headers.append("strength")
        columns.append([f"{result.strengths[i]:.3f}" for i in result.node_ids])
        if not result.converged:
            lines.append("Warning: the strengths did not settle (cycles); values are approximate")
    else:
        count = len(result.labellings)
        more = "+" if result.truncated else ""
        if count == 0:
            lines.append(f"No {result.semantics} extension exists.")
            return lines
        if count > 1:
            lines.append(f"{count}{more} extensions; columns 1..{min(count, _MAX_COLUMNS)}")
        shown = result.labellings[:_MAX_COLUMNS]
        for number, labelling in enumerate(shown, 1):
            headers.append("result" if count == 1 else f"{number}")
            columns.append([str(labelling[i]) for i in result.node_ids])
        if count > 1:
            headers.append("sceptical")
            sceptical = result.sceptical()
            columns.append([str(sceptical[i]) for i in result.node_ids])
    rows = [
        [i, argument_map.node(i).kind, _shorten(argument_map.node(i).label, 48)]
        + [column[r] for column in columns]
        for r, i in enumerate(result.node_ids)
    ]
    widths = [max(len(h), *(len(row[c]) for row in rows)) if rows else len(h)
              for c, h in enumerate(headers)]  # fmt: skip
    lines.append("  ".join(h.ljust(w) for h, w in zip(headers, widths, strict=True)).rstrip())
    for row in rows:
        lines.append("  ".join(v.ljust(w) for v, w in zip(row, widths, strict=True)).rstrip())
    if result.excluded:
        lines.append(f"Not evaluated (questions, notes): {', '.join(result.excluded)}")
    return lines
