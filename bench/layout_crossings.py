"""Benchmark: how many boxes the edges pass behind after Auto Layout (fewer is more readable).

    uv run python bench/layout_crossings.py [--shared ../shared] [--engines builtin graphviz]
        [--estimate]

For each map, lays it out as the editor's Auto Layout does (``layout_map`` with the canvas's
node sizes; ``--estimate`` uses the Qt-free estimate instead) and counts the (edge, box) pairs
where an edge's straight line, centre to centre and cut at its end boxes, crosses a box that is
neither end (:func:`mapping.layout.crossings.map_crossings`). Also prints the edges crossing at
least one box, the drawing's width × height and the layout time.

Maps: the seeded sample (``debatemap seed`` on the two seed documents, as saved and after Auto
Layout), the bundled example, maps built from the arg-microtexts gold annotations (every text on
its own, summed; the texts of the largest topics in one map each, one position per text; the 23
texts without a topic in one map), and synthetic maps of 100 and 1,000 nodes.
Data is read in place from the shared folder (``$DEBATEMAP_SHARED`` or ``../shared``).
"""

from __future__ import annotations

import argparse
import collections
import json
import os
import shutil
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from mapping.layout import estimate_size, layout_map  # noqa: E402
from mapping.layout.crossings import map_crossings  # noqa: E402
from mapping.model import ArgumentMap  # noqa: E402


def microtext_map(records: list[dict], title: str) -> ArgumentMap:
    """One map of the gold structure of ``records``: central claims are positions."""
    m = ArgumentMap(title)
    for record in records:
        for unit in record["units"]:
            m.add_node(
                id=f"{record['id']}.{unit['id']}",
                kind="position" if unit["central"] else "claim",
                label=unit["text"] or unit["id"],
            )
        for relation in record["relations"]:
            m.add_edge(
                f"{record['id']}.{relation['source']}",
                f"{record['id']}.{relation['target']}",
                relation["type"],
                id=f"{record['id']}.{relation['id']}",
            )
    return m


def maps(shared: Path) -> list[tuple[str, list[ArgumentMap], bool]]:
    """(name, maps, keep_saved) — keep_saved also measures the map where its file put it."""
    from synthetic import synthetic_map

    from mapping.cli import main as cli
    from mapping.formats.debatemap import load_map
    from mapping.resources import example_map_path

    found = []
    seeds = sorted((shared / "seeds").glob("*.txt"))
    if seeds:
        with tempfile.TemporaryDirectory() as folder:
            out = Path(folder) / "seeds.debatemap"
            cli(["seed", *map(str, seeds), "-o", str(out)])
            found.append(("seeded sample (2 seed documents)", [load_map(out)], True))
    found.append(("bundled example (iran-debate)", [load_map(example_map_path())], True))
    corpus = shared / "corpora" / "arg-microtexts" / "microtexts.jsonl"
    if corpus.is_file():
        records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
        found.append((f"arg-microtexts, {len(records)} texts one by one",
                      [microtext_map([r], r["id"]) for r in records], False))  # fmt: skip
        topics = collections.defaultdict(list)
        for record in records:
            topics[record["topic_id"]].append(record)
        named = sorted((t for t in topics if t), key=lambda t: (-len(topics[t]), t))
        for topic in named[:3]:
            found.append((f"arg-microtexts topic {topic} ({len(topics[topic])} texts)",
                          [microtext_map(topics[topic], topic)], False))  # fmt: skip
        if topics[None]:
            found.append((f"arg-microtexts without topic ({len(topics[None])} texts)",
                          [microtext_map(topics[None], "no topic")], False))  # fmt: skip
    for size in (100, 1000):
        found.append((f"synthetic {size:,} nodes", [synthetic_map(size)], False))
    return found


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shared", type=Path,
                        default=Path(os.environ.get("DEBATEMAP_SHARED") or ROOT.parent / "shared"))  # fmt: skip
    parser.add_argument("--engines", nargs="+", default=["builtin", "graphviz"])
    parser.add_argument("--estimate", action="store_true", help="Qt-free estimated node sizes")
    args = parser.parse_args()
    engines = [e for e in args.engines if e != "graphviz" or shutil.which("dot")]
    if args.estimate:
        size_of = estimate_size
    else:
        from desktop.canvas import node_size, theme_named
        from desktop.render import ensure_application

        ensure_application()
        theme = theme_named("light")

        def size_of(node):
            return node_size(node, theme)

    print(f"sizes: {'estimated' if args.estimate else 'canvas'}; shared data: {args.shared}")
    for name, group, keep_saved in maps(args.shared):
        nodes = sum(len(m.nodes) for m in group)
        edges = sum(len(m.edges) for m in group)
        print(f"{name}: {nodes:,} nodes, {edges:,} edges")
        all_sizes = [{n.id: size_of(n) for n in m.nodes.values()} for m in group]
        if keep_saved:
            pairs = [map_crossings(m, s) for m, s in zip(group, all_sizes, strict=True)]
            print("  as saved        " + _figures(group, all_sizes, None, pairs))
        for engine in engines:
            start = time.perf_counter()
            places = [layout_map(m, s, engine).positions
                      for m, s in zip(group, all_sizes, strict=True)]  # fmt: skip
            seconds = time.perf_counter() - start
            pairs = [map_crossings(m, s, p)
                     for m, s, p in zip(group, all_sizes, places, strict=True)]  # fmt: skip
            print(f"  {engine:<15} " + _figures(group, all_sizes, places, pairs, seconds))
    return 0


def _figures(group, all_sizes, places, pairs, seconds=None) -> str:
    crossings = sum(len(p) for p in pairs)
    crossing_edges = sum(len({edge for edge, _ in p}) for p in pairs)
    if len(group) == 1:
        m, sizes = group[0], all_sizes[0]
        where = places[0] if places else {n.id: (n.x, n.y) for n in m.nodes.values()}
        left = min(where[i][0] - sizes[i][0] / 2 for i in where)
        right = max(where[i][0] + sizes[i][0] / 2 for i in where)
        top = min(where[i][1] - sizes[i][1] / 2 for i in where)
        bottom = max(where[i][1] + sizes[i][1] / 2 for i in where)
        extent = f" | {right - left:,.0f} × {bottom - top:,.0f}"
    else:
        extent = ""
    time_text = f" | {seconds:.2f} s" if seconds is not None else ""
    return (f"{crossings:>5,} edge-box crossings, {crossing_edges:>4,} edges crossing a box"
            f"{extent}{time_text}")  # fmt: skip


if __name__ == "__main__":
    sys.exit(main())
