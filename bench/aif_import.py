"""Benchmark: import a generated 20 MB AIF dialogue map (target: under 5 s).

    uv run python bench/aif_import.py [--megabytes 20]

The file mimics a QT30-style analysis: every claim has a locution (L) asserting it through a YA,
locutions are chained by TA transitions, and claims are linked by RA (often with two premises),
CA and MA nodes, with AIFdb-style timestamps and locutions.
"""

from __future__ import annotations

import argparse
import json
import random
import tempfile
import time
from pathlib import Path


def generate(megabytes: float, seed: int = 7) -> dict:
    random.seed(seed)
    words = [
        "tax",
        "rent",
        "vote",
        "school",
        "nurse",
        "budget",
        "river",
        "market",
        "council",
        "wage",
        "bus",
        "housing",
    ]
    speakers = [f"Speaker {i}" for i in range(40)]
    nodes, edges, locutions = [], [], []
    size, next_id, claims, last_l = 0, 1, [], None

    def new(kind: str, text: str) -> str:
        nonlocal next_id, size
        node_id = str(next_id)
        next_id += 1
        nodes.append({"nodeID": node_id, "text": text, "type": kind,
                      "timestamp": "2024-03-01 20:15:00"})  # fmt: skip
        size += 117 + len(text)
        return node_id

    def link(a: str, b: str) -> None:
        nonlocal size
        edges.append({"edgeID": str(len(edges) + 1), "fromID": a, "toID": b, "formEdgeID": None})
        size += 93

    while size < megabytes * 1_000_000:
        speaker = random.choice(speakers)
        text = " ".join(random.choice(words) for _ in range(random.randint(6, 18)))
        claim = new("I", text)
        loc = new("L", f"{speaker}: {text}")
        locutions.append({"nodeID": loc, "personID": speakers.index(speaker), "timestamp": None,
                          "start": None, "end": None, "source": None})  # fmt: skip
        ya = new("YA", "Asserting")
        link(loc, ya)
        link(ya, claim)
        if last_l is not None:
            ta = new("TA", "Default Transition")
            link(last_l, ta)
            link(ta, loc)
        last_l = loc
        if claims:
            kind = random.choices(("RA", "CA", "MA"), (6, 3, 1))[0]
            text_of = {
                "RA": "Default Inference",
                "CA": "Default Conflict",
                "MA": "Default Rephrase",
            }
            s = new(kind, text_of[kind])
            link(claim, s)
            if kind == "RA" and len(claims) > 2 and random.random() < 0.3:
                link(random.choice(claims[-50:]), s)
            link(s, random.choice(claims[-50:]))
        claims.append(claim)
    return {"nodes": nodes, "edges": edges, "locutions": locutions}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--megabytes", type=float, default=20.0)
    args = parser.parse_args()
    from mapping.formats import aif

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.json"
        path.write_text(json.dumps(generate(args.megabytes), indent=1), encoding="utf-8")
        mb = path.stat().st_size / 1_000_000
        started = time.perf_counter()
        argument_map = aif.read(path)
        seconds = time.perf_counter() - started
    print(f"AIF import: {mb:.1f} MB, {len(argument_map.nodes):,} claims, "
          f"{len(argument_map.edges):,} edges in {seconds:.2f} s (target < 5 s)")  # fmt: skip


if __name__ == "__main__":
    main()
