"""Evaluate mode in the window: re-evaluating a map after an edit, against one frame (16.7 ms).

    uv run python bench/evaluate_window.py [--sizes 500 5000] [--runs 30]

Results go under "## Semantics" (the "Window" paragraph) in docs/BENCHMARKS.md. For each size a
synthetic map (bench/synthetic.py) is shown in an offscreen main window with Evaluate mode on;
an undoable edit (an attack added and taken back) is pushed and the time until the new colouring
is on the canvas is measured: the evaluation by mapping.semantics, the overlay put on the node
items and the dock's lists. A full repaint of the canvas at 100 % is timed separately.
"""

from __future__ import annotations

import argparse
import math
import os
import statistics
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
sys.path.insert(0, str(REPO / "bench"))


def _grid(argument_map) -> None:
    """Spread the nodes on a grid (the synthetic map puts them all at one point)."""
    from mapping.model import ChangeNode

    side = math.ceil(math.sqrt(len(argument_map.nodes)))
    for i, node_id in enumerate(list(argument_map.nodes)):
        argument_map.execute(ChangeNode(node_id, x=(i % side) * 260.0, y=(i // side) * 140.0))


def bench(size: int, semantics: str | None, runs: int) -> dict[str, float]:
    """Medians in seconds; ``semantics`` None measures the same edits with Evaluate mode off."""
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QMessageBox
    from synthetic import synthetic_map

    from desktop.main_window import MainWindow
    from desktop.session import MapSession
    from mapping.model import AddEdge, Edge

    app = QApplication.instance() or QApplication([])
    argument_map = synthetic_map(size)
    _grid(argument_map)
    window = MainWindow(MapSession(argument_map))
    window._ask_save_changes = lambda: QMessageBox.StandardButton.Discard
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    window.view.zoom_actual()
    dock = window.evaluate_dock
    if semantics is not None:
        window.actions["evaluate"].setChecked(True)
        dock.set_semantics(semantics)
    app.processEvents()
    done = []
    if semantics is not None:
        dock.evaluated.connect(done.append)
    else:  # the end of the burst: every panel has redrawn once the undo stack has settled
        window.session.undo_stack.indexChanged.connect(
            lambda *_: QTimer.singleShot(0, lambda: done.append(None))
        )
    updates, evaluations, repaints = [], [], []
    ids = list(argument_map.nodes)
    for run in range(runs):
        for step in ("do", "undo"):
            done.clear()
            start = time.perf_counter()
            if step == "do":
                source, target = ids[-1 - run], ids[run % 10]
                window.session.push(AddEdge(Edge("bench_edge", source, target, "attack")))
            else:
                window.session.undo_stack.undo()
            while not done:
                app.processEvents()
            updates.append(time.perf_counter() - start)
            evaluations.append(dock.last_seconds)
        start = time.perf_counter()
        window.view.viewport().repaint()
        repaints.append(time.perf_counter() - start)
    assert window.session.undo_stack.index() == 0
    window.close()
    app.processEvents()
    result = {"edit to new colouring": statistics.median(updates)}
    if semantics is not None:
        result["of which evaluate + overlay + dock"] = statistics.median(evaluations)
    result["full canvas repaint at 100 %"] = statistics.median(repaints)
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5000])
    parser.add_argument("--semantics", nargs="+", default=["off", "grounded", "dfquad"])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    for size in args.sizes:
        for semantics in args.semantics:
            result = bench(size, None if semantics == "off" else semantics, args.runs)
            for what, seconds in result.items():
                print(f"{size:>6} nodes  {semantics:<9} {what:<36} {seconds * 1000:8.2f} ms")


if __name__ == "__main__":
    main()
