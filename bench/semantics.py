"""Benchmarks for mapping.semantics, beside python-argumentation (py_arg) on the same inputs.

Run:  uv run python bench/semantics.py            (everything, a few minutes)
      uv run python bench/semantics.py --quick    (smaller sizes, for a smoke run)

Results go by hand into docs/BENCHMARKS.md under "## Semantics".
"""

from __future__ import annotations

import argparse
import multiprocessing
import random
import resource
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from mapping.semantics.dung import grounded, preferred, stable
from mapping.semantics.framework import Framework

PY_ARG_TIMEOUT = 60.0  # grounded
SEARCH_TIMEOUT = 30.0  # preferred and stable, per instance


def chain_af(n: int, per_argument: int, seed: int) -> Framework:
    """n arguments, each attacking ``per_argument`` distinct random arguments (self allowed)."""
    rng = random.Random(seed)
    picks = rng.choices(range(n), k=n * per_argument)
    targets = []
    for i in range(n):
        row = picks[i * per_argument : (i + 1) * per_argument]
        if len(set(row)) < per_argument:
            row = list(dict.fromkeys(row))
        targets.append(row)
    return Framework.from_adjacency([f"a{i}" for i in range(n)], targets)


def random_af(n: int, mean_out: float, seed: int) -> Framework:
    """Erdős–Rényi: each ordered pair (self-attacks included) is an attack with p = mean_out / n."""
    rng = random.Random(seed)
    p = mean_out / n
    attacks = [(i, j) for i in range(n) for j in range(n) if rng.random() < p]
    return Framework([f"a{i}" for i in range(n)], attacks)


def timed(function: Callable[[], object]) -> tuple[float, object]:
    start = time.perf_counter()
    result = function()
    return time.perf_counter() - start, result


def _py_arg_child(names, attacks, semantics, queue) -> None:
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension
    from py_arg.algorithms.semantics.get_preferred_extensions import get_preferred_extensions
    from py_arg.algorithms.semantics.get_stable_extensions import get_stable_extensions

    arguments = {name: Argument(name) for name in names}
    defeats = [Defeat(arguments[a], arguments[b]) for a, b in attacks]
    af = AbstractArgumentationFramework("bench", list(arguments.values()), defeats)
    solve = {
        "grounded": lambda: [get_grounded_extension(af)],
        "preferred": lambda: get_preferred_extensions(af),
        "stable": lambda: get_stable_extensions(af),
    }[semantics]
    seconds, result = timed(solve)
    queue.put((seconds, len(result)))


def py_arg_time(af: Framework, semantics: str, timeout: float = PY_ARG_TIMEOUT):
    """(seconds, number of extensions) for py_arg, or None when it exceeds ``timeout``."""
    queue: multiprocessing.Queue = multiprocessing.Queue()
    child = multiprocessing.Process(
        target=_py_arg_child, args=(af.names, af.attack_names(), semantics, queue)
    )
    child.start()
    child.join(timeout)
    if child.is_alive():
        child.terminate()
        child.join()
        return None
    return queue.get()


def bench_grounded_million(size: int) -> None:
    print(f"\n### Grounded, {size:,} arguments, {3 * size:,} attacks (3 random targets each)")
    build, af = timed(lambda: chain_af(size, 3, seed=1))
    runs = [timed(lambda: grounded(af)) for _ in range(3)]
    seconds = min(r[0] for r in runs)
    labelling = runs[0][1]
    counts = {str(label): len(labelling.members(label)) for label in ("IN", "OUT", "UNDEC")}
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"build framework: {build:.2f} s; grounded (best of 3): {seconds:.2f} s; {counts}")
    print(f"peak memory of the process: {peak:.0f} MB")


def bench_grounded_vs_py_arg(sizes: list[int]) -> None:
    print("\n### Grounded beside py_arg (3 attacks per argument), same inputs")
    print("| arguments | attacks | ours | py_arg | ratio |")
    print("| ---: | ---: | ---: | ---: | ---: |")
    for size in sizes:
        af = chain_af(size, 3, seed=2)
        ours = min(timed(lambda af=af: grounded(af))[0] for _ in range(5))
        theirs = py_arg_time(af, "grounded")
        if theirs is None:
            print(
                f"| {size:,} | {af.attack_count:,} | {ours * 1000:.2f} ms | > {PY_ARG_TIMEOUT:.0f} s | |"
            )
        else:
            print(
                f"| {size:,} | {af.attack_count:,} | {ours * 1000:.2f} ms | "
                f"{theirs[0] * 1000:.0f} ms | {theirs[0] / ours:,.0f}× |"
            )


def bench_search(sizes: list[int], degrees: list[float], seeds: int) -> None:
    print(f"\n### Preferred and stable on random frameworks ({seeds} seeds each)")
    print(
        "| arguments | mean attacks per argument | semantics | ours mean | ours max "
        f"| py_arg (timeout {SEARCH_TIMEOUT:.0f} s per instance) |"
    )
    print("| ---: | ---: | --- | ---: | ---: | --- |")
    for size in sizes:
        for degree in degrees:
            frameworks = [random_af(size, degree, seed) for seed in range(seeds)]
            for semantics, solve in (("preferred", preferred), ("stable", stable)):
                ours = []
                counts = []
                for af in frameworks:
                    seconds, found = timed(lambda af=af, solve=solve: solve(af))
                    ours.append(seconds)
                    counts.append(len(found))
                theirs = []
                for af, count in zip(frameworks, counts, strict=True):
                    result = py_arg_time(af, semantics, SEARCH_TIMEOUT)
                    if result is None:
                        break
                    if result[1] != count:
                        raise SystemExit(
                            f"py_arg disagrees on {size}/{degree}: {result} vs {count}"
                        )
                    theirs.append(result[0])
                if len(theirs) == len(frameworks):
                    py = f"mean {statistics.mean(theirs) * 1000:,.1f} ms"
                else:
                    py = f"timed out on instance {len(theirs) + 1} of {len(frameworks)}"
                print(
                    f"| {size} | {degree:g} | {semantics} | {statistics.mean(ours) * 1000:,.1f} ms "
                    f"| {max(ours) * 1000:,.1f} ms | {py} |",
                    flush=True,
                )


def synthetic_map(size: int, seed: int):
    """A map shaped like a real one: positions, claims under them, some cross attacks."""
    from mapping.model import ArgumentMap

    rng = random.Random(seed)
    argument_map = ArgumentMap("benchmark")
    positions = max(4, size // 12)
    ids = []
    for i in range(size):
        kind = "position" if i < positions else "claim"
        node = argument_map.add_node(id=f"n{i}", kind=kind, label=f"node {i}")
        if ids:
            relation = "support" if rng.random() < 0.6 else "attack"
            argument_map.add_edge(node.id, rng.choice(ids), relation)
        ids.append(node.id)
    for _ in range(size // 5):
        a, b = rng.sample(ids, 2)
        argument_map.add_edge(a, b, "attack")
    return argument_map


def bench_map(size: int) -> None:
    from mapping.semantics.evaluate import evaluate_map

    argument_map = synthetic_map(size, seed=3)
    print(
        f"\n### Re-evaluating a {size}-node map ({len(argument_map.edges)} edges), "
        "median of 50 runs, graph extraction included"
    )
    print("| semantics | support | median | max |")
    print("| --- | --- | ---: | ---: |")
    for semantics, support in (
        ("grounded", "general"),
        ("grounded", "deductive"),
        ("grounded", "none"),
        ("preferred", "deductive"),
        ("dfquad", "general"),
        ("quadratic", "general"),
    ):
        runs = [
            timed(
                lambda s=semantics, r=support: evaluate_map(argument_map, s, support=r, limit=50)
            )[0]
            for _ in range(50)
        ]
        print(
            f"| {semantics} | {support} | {statistics.median(runs) * 1000:.1f} ms "
            f"| {max(runs) * 1000:.1f} ms |"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--quick", action="store_true", help="small sizes for a smoke run")
    args = parser.parse_args()
    print(f"Python {sys.version.split()[0]}")
    if args.quick:
        bench_grounded_million(100_000)
        bench_grounded_vs_py_arg([100, 300])
        bench_search([20, 50], [2, 4], 2)
        bench_map(500)
        return
    bench_grounded_million(1_000_000)
    bench_grounded_vs_py_arg([100, 300, 1000, 3000])
    bench_search([20, 30, 50, 100, 200], [2, 4], 5)
    bench_map(500)


if __name__ == "__main__":
    main()
