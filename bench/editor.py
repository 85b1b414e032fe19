"""Editor benchmarks: start-up against a bare Qt window, a big map, pan/zoom, dragging a hub.

    uv run python bench/editor.py [--quick]

Results go under "## Editor" in docs/BENCHMARKS.md. Every number is a median of several runs
on the machine at hand; start-up is measured side by side with a bare PySide6 window.
"""

from __future__ import annotations

import argparse
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

_BARE = """
import time; t0 = time.perf_counter()
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow
app = QApplication([])
w = QMainWindow(); w.setCentralWidget(QGraphicsView(QGraphicsScene())); w.show()
QTimer.singleShot(0, app.quit); app.exec()
print(time.perf_counter() - t0)
"""

_DEBATEMAP = """
import time; t0 = time.perf_counter()
import sys
from desktop.app import application
from PySide6.QtCore import QTimer
app = application()
QTimer.singleShot(0, app.quit)
from desktop.cli import main
main([])
print(time.perf_counter() - t0)
assert 'networkx' not in sys.modules and 'pydot' not in sys.modules, 'heavy import at start-up'
"""


def _run(code: str) -> float:
    """Wall time of a fresh interpreter running ``code`` (including the interpreter start)."""
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], cwd=REPO, check=True, capture_output=True)
    return time.perf_counter() - start


def bench_startup(runs: int) -> dict[str, float]:
    bare, ours = [], []
    for _ in range(runs):  # alternate, so both see the same machine load
        bare.append(_run(_BARE))
        ours.append(_run(_DEBATEMAP))
    b, o = statistics.median(bare), statistics.median(ours)
    return {"bare window (s)": b, "debatemap with example (s)": o, "ratio": o / b}


def big_map(nodes: int, edges: int, seed: int = 1):
    from mapping.model import ArgumentMap

    rng = random.Random(seed)
    m = ArgumentMap("big")
    columns = int(nodes**0.5) + 1
    for i in range(nodes):
        kind = "position" if i % 50 == 0 else "claim"
        m.add_node(id=f"n{i}", kind=kind, label=f"Claim number {i} about something debatable",
                   speaker="Speaker" if i % 3 else "", x=(i % columns) * 260.0,
                   y=(i // columns) * 140.0)  # fmt: skip
    made = 0
    while made < edges:
        a = rng.randrange(nodes)
        b = min(nodes - 1, max(0, a + rng.choice((-1, 1, -columns, columns, 2, -2))))
        if a == b:
            continue
        m.add_edge(f"n{a}", f"n{b}", rng.choice(("support", "attack")), id=f"e{made}")
        made += 1
    return m


def bench_big_map(app, window_class) -> dict[str, float]:
    from mapping.formats.debatemap import save_map

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.debatemap"
        save_map(big_map(5000, 10000), path, backup=False)
        window = window_class()
        window.resize(1400, 900)
        window.show()
        app.processEvents()
        start = time.perf_counter()
        window.open_file(path)
        window.view.zoom_fit()
        window.view.viewport().repaint()
        opened = time.perf_counter() - start
        view = window.view
        view.zoom_actual()
        view.centerOn(3000.0, 3000.0)
        view.viewport().repaint()
        pans = []
        for i in range(40):
            t = time.perf_counter()
            bar = view.horizontalScrollBar()
            bar.setValue(bar.value() + (60 if i % 2 else -60))
            view.viewport().repaint()
            pans.append(time.perf_counter() - t)
        zooms = []
        for i in range(20):
            t = time.perf_counter()
            view.set_zoom(view.zoom * (1.15 if i % 2 else 1 / 1.15))
            view.viewport().repaint()
            zooms.append(time.perf_counter() - t)
        view.zoom_fit()
        view.viewport().repaint()
        fits = []
        for i in range(10):
            t = time.perf_counter()
            bar = view.horizontalScrollBar()
            bar.setValue(bar.value() + (30 if i % 2 else -30))
            view.viewport().repaint()
            fits.append(time.perf_counter() - t)
        window.session.undo_stack.setClean()
        window.close()
        app.processEvents()
    return {
        "open + first paint, 5,000 nodes / 10,000 edges (s)": opened,
        "pan repaint at 100 % (ms, median)": statistics.median(pans) * 1000,
        "zoom step repaint at ~100 % (ms, median)": statistics.median(zooms) * 1000,
        "pan repaint with the whole map in view (ms, median)": statistics.median(fits) * 1000,
    }


def bench_drag(app, window_class) -> dict[str, float]:
    from PySide6.QtCore import QEvent, QPointF, Qt
    from PySide6.QtGui import QMouseEvent
    from PySide6.QtWidgets import QApplication

    from desktop.session import MapSession
    from mapping.model import ArgumentMap

    m = ArgumentMap("hub")
    m.add_node(id="hub", kind="position", label="The hub everyone argues about", x=0.0, y=0.0)
    for i in range(50):
        angle = i / 50 * 6.283
        import math

        m.add_node(id=f"c{i}", label=f"Claim {i}", x=600 * math.cos(angle), y=600 * math.sin(angle))
        m.add_edge(f"c{i}", "hub", "support" if i % 2 else "attack", id=f"e{i}")
    window = window_class(MapSession(m))
    window.resize(1400, 900)
    window.show()
    view = window.view
    view.zoom_fit()
    app.processEvents()

    def send(kind, scene_point):
        point = QPointF(view.mapFromScene(scene_point))
        buttons = Qt.MouseButton.NoButton if kind == QEvent.Type.MouseButtonRelease else (
            Qt.MouseButton.LeftButton)  # fmt: skip
        event = QMouseEvent(kind, point, view.viewport().mapToGlobal(point),
                            Qt.MouseButton.LeftButton, buttons, Qt.KeyboardModifier.NoModifier)  # fmt: skip
        QApplication.sendEvent(view.viewport(), event)

    send(QEvent.Type.MouseButtonPress, QPointF(0.0, 10.0))
    handled, painted = [], []
    for i in range(1, 201):
        target = QPointF(2.0 * i, 10.0 + (i % 40))
        t = time.perf_counter()
        send(QEvent.Type.MouseMove, target)
        handled.append(time.perf_counter() - t)
        view.viewport().repaint()
        painted.append(time.perf_counter() - t)
    send(QEvent.Type.MouseButtonRelease, QPointF(30.0, 30.0))
    steps = window.session.undo_stack.count()
    window.session.undo_stack.setClean()
    window.close()
    app.processEvents()
    assert steps == 1, f"a drag must be one undo step, not {steps}"
    return {
        "drag hub with 50 edges: handle a mouse move (ms, median)": statistics.median(handled)
        * 1000,
        "drag hub with 50 edges: move + full repaint (ms, median)": statistics.median(painted)
        * 1000,
    }


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer start-up runs")
    args = parser.parse_args()
    results: dict[str, float] = {}
    results.update(bench_startup(3 if args.quick else 9))
    from desktop.app import application
    from desktop.main_window import MainWindow

    app = application()
    results.update(bench_big_map(app, MainWindow))
    results.update(bench_drag(app, MainWindow))
    width = max(map(len, results))
    for name, value in results.items():
        print(f"{name:<{width}}  {value:8.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
