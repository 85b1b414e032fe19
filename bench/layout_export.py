"""Benchmark: automatic layout (built-in and Graphviz) and picture export for 100–5,000 nodes.

    uv run python bench/layout_export.py [--sizes 100 1000 5000] [--repeat 3]

Targets: a 1,000-node map lays out in under 2 s with the built-in engine and exports to PNG and
SVG in under 2 s each. Maps come from :mod:`synthetic` (positions with trees of claims and some
cross attacks). Layout uses the real node sizes from the canvas; export draws the laid-out map
with the same renderer as the window, headless. Times are the best of ``--repeat`` runs.
"""

from __future__ import annotations

import argparse
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from synthetic import synthetic_map


def best(repeat: int, run: Callable[[], object]) -> tuple[float, object]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return min(times), result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 5000])
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()

    from desktop.canvas import node_size, theme_named
    from desktop.render import RenderOptions, ensure_application, export_image
    from mapping.layout import layout_map
    from mapping.model import move_nodes

    ensure_application()
    theme = theme_named("light")
    has_dot = shutil.which("dot") is not None
    rows = []
    with tempfile.TemporaryDirectory() as folder:
        for size in args.sizes:
            argument_map = synthetic_map(size)
            sizes = {n.id: node_size(n, theme) for n in argument_map.nodes.values()}
            built_in, result = best(
                args.repeat, lambda m=argument_map, s=sizes: layout_map(m, s, "builtin")
            )
            graphviz = None
            if has_dot:
                graphviz, _ = best(1, lambda m=argument_map, s=sizes: layout_map(m, s, "graphviz"))
            argument_map.execute(move_nodes(result.positions, "Auto Layout"))
            row = {"nodes": size, "edges": len(argument_map.edges), "builtin": built_in,
                   "graphviz": graphviz}  # fmt: skip
            for suffix in (".png", ".svg", ".pdf"):
                path = Path(folder) / f"map{suffix}"
                options = RenderOptions(legend=True)
                row[suffix], _ = best(
                    args.repeat, lambda m=argument_map, p=path, o=options: export_image(m, p, o)
                )
                row[suffix + " MB"] = path.stat().st_size / 1e6
                if options.notes:
                    row[suffix + " note"] = options.notes[-1]
            rows.append(row)
            print(_line(row), flush=True)
    return 0


def _line(row: dict) -> str:
    graphviz = f"{row['graphviz']:.2f} s" if row["graphviz"] is not None else "n/a"
    text = (
        f"{row['nodes']:>5,} nodes, {row['edges']:>5,} edges | layout built-in "
        f"{row['builtin']:.2f} s, Graphviz {graphviz} | export PNG {row['.png']:.2f} s "
        f"({row['.png MB']:.1f} MB), SVG {row['.svg']:.2f} s ({row['.svg MB']:.1f} MB), "
        f"PDF {row['.pdf']:.2f} s ({row['.pdf MB']:.1f} MB)"
    )
    if ".png note" in row:
        text += f" [PNG: {row['.png note']}]"
    return text


if __name__ == "__main__":
    sys.exit(main())
