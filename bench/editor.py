"""Editor benchmarks: start-up against a bare Qt window, a big map, pan/zoom, dragging a hub,
paste and duplicate on the big map.

    uv run python bench/editor.py [--quick] [--start-up-only | --paste-only] [--baseline CHECKOUT]

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

# Both programs print the wall-clock time (time.time(), comparable across processes) once
# their canvas has finished its first paint: a zero-delay timer queued by the viewport's first
# Paint event fires after that paint. The parent subtracts the moment it launched them, so the
# figure runs from launch to a painted window and leaves out the interpreter's exit.
_WATCH = """
from PySide6.QtCore import QEvent, QObject, QTimer
class Watch(QObject):
    def eventFilter(self, watched, event):
        if event.type() == QEvent.Type.Paint:
            watched.removeEventFilter(self)
            QTimer.singleShot(0, painted)
        return False
"""
_WATCH_LATER = "\n".join("    " + line for line in _WATCH.splitlines())
"""The same, defined inside a function: DebateMap reads its map before it imports Qt."""

_BARE = (
    """
import time
from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow, QWidget
app = QApplication([])
window = QMainWindow(); view = QGraphicsView(QGraphicsScene()); canvas = QWidget()
view.setViewport(canvas)  # as MapView does; wrapping Qt's own viewport costs PySide ~7 ms
window.setCentralWidget(view); window.show()
def painted():
    print("painted", time.time()); app.quit()
"""
    + _WATCH
    + """
watch = Watch(); canvas.installEventFilter(watch)
app.exec()
"""
)

# DebateMap exactly as `debatemap` starts (desktop.cli.main with no arguments); the watch is
# put on the canvas through run_application's own first-paint hook, and add_tools is timed too
# (the side panels, export, teaching and Evaluate arrive just after the first paint).
_DEBATEMAP = (
    """
import sys, time
import desktop.app
def painted():
    print("painted", time.time())
def timed(add_tools):
    def timed_add_tools(window):
        from PySide6.QtCore import QTimer
        add_tools(window)
        print("ready", time.time())
        QTimer.singleShot(0, window.close)
    return timed_add_tools
hook = desktop.app.call_after_first_paint
def call_after_first_paint(widget, callback, *args):
"""
    + _WATCH_LATER
    + """
    hook(widget, callback, *args)
    widget.installEventFilter(Watch(widget))  # installed last, so it sees the paint first
    window = type(widget.window())  # the main window is imported by now: time its add_tools
    window.add_tools = timed(window.add_tools)
desktop.app.call_after_first_paint = call_after_first_paint
from desktop.cli import main
main([])
heavy = [m for m in ('networkx', 'pydot', 'yaml', 'syntok') if m in sys.modules]
assert not heavy, f'heavy import at start-up: {heavy}'
"""
)


_PYCACHE = Path(tempfile.gettempdir()) / "debatemap-bench-pycache"


def _run(code: str, cwd: Path = REPO) -> dict[str, float]:
    """Milliseconds from launching a fresh interpreter on ``code`` to each time it printed.

    Byte-code caching is on (in a folder of its own), as for an installed program, even when
    the calling shell sets PYTHONDONTWRITEBYTECODE: otherwise every run compiles DebateMap's
    modules from source while PySide6's extension modules need no compiling.
    """
    env = dict(os.environ, PYTHONPYCACHEPREFIX=str(_PYCACHE))
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    launched = time.time()
    out = subprocess.run([sys.executable, "-c", code], cwd=cwd, check=True, capture_output=True,
                         env=env, text=True).stdout  # fmt: skip
    return {
        name: (float(at) - launched) * 1000
        for name, at in (line.split() for line in out.splitlines() if line.strip())
    }


def bench_startup(runs: int, baseline: Path | None = None) -> dict[str, float]:
    """Start-up against the bare window; with ``baseline`` (another checkout of DebateMap, e.g.
    from ``git archive``), that one too, in the same alternation, for a before/after."""
    programs = {"bare": (_BARE, REPO), "debatemap": (_DEBATEMAP, REPO)}
    if baseline is not None:
        programs["baseline"] = (_DEBATEMAP, baseline)
    for code, cwd in programs.values():  # warm the byte-code cache and the file system cache
        _run(code, cwd)
    times: dict[str, list[float]] = {}
    for _ in range(runs):  # alternate, so all see the same machine load
        for name, (code, cwd) in programs.items():
            for event, at in _run(code, cwd).items():
                times.setdefault(f"{name} {event}", []).append(at)
    median = {name: statistics.median(values) for name, values in times.items()}
    results = {
        "bare window, launch to painted (ms)": median["bare painted"],
        "debatemap, launch to the example map painted (ms)": median["debatemap painted"],
        "ratio": median["debatemap painted"] / median["bare painted"],
        "debatemap, launch to side panels in (ms)": median["debatemap ready"],
    }
    if baseline is not None:
        results["baseline, launch to the example map painted (ms)"] = median["baseline painted"]
        results["baseline ratio"] = median["baseline painted"] / median["bare painted"]
        results["baseline, launch to side panels in (ms)"] = median["baseline ready"]
    return results


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
        fit_zooms = []
        for i in range(10):
            t = time.perf_counter()
            view.set_zoom(view.zoom * (1.15 if i % 2 else 1 / 1.15))
            view.viewport().repaint()
            fit_zooms.append(time.perf_counter() - t)
        # An edit while the whole map is in view: the low-zoom sketch is made again.
        edits = []
        for i in range(5):
            t = time.perf_counter()
            window.session.map.change_node(f"n{i}", label=f"Edited {i}")
            view.viewport().repaint()
            edits.append(time.perf_counter() - t)
        window.session.undo_stack.setClean()
        window.close()
        app.processEvents()
    return {
        "open + first paint, 5,000 nodes / 10,000 edges (s)": opened,
        "pan repaint at 100 % (ms, median)": statistics.median(pans) * 1000,
        "zoom step repaint at ~100 % (ms, median)": statistics.median(zooms) * 1000,
        "pan repaint with the whole map in view (ms, median)": statistics.median(fits) * 1000,
        "zoom step repaint with the whole map in view (ms, median)": statistics.median(fit_zooms)
        * 1000,
        "edit + repaint with the whole map in view (ms, median)": statistics.median(edits) * 1000,
    }


def bench_drag(app, window_class) -> dict[str, float]:
    from PySide6.QtCore import QEvent, QPointF

    from desktop.session import MapSession
    from mapping.model import ArgumentMap
    from tests.desktop.canvas_mouse import send_mouse  # the GUI tests drive the canvas so too

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
        send_mouse(view, kind, scene_point)

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
    # A claim of the hub (c25, left of it): the hub's 50 ports are laid out again on each move.
    send(QEvent.Type.MouseButtonPress, QPointF(-600.0, 0.0))
    leaf = []
    for i in range(1, 201):
        t = time.perf_counter()
        send(QEvent.Type.MouseMove, QPointF(-600.0 + 2.0 * i, 3.0 * (i % 60)))
        leaf.append(time.perf_counter() - t)
    send(QEvent.Type.MouseButtonRelease, QPointF(-200.0, 0.0))
    leaf_steps = window.session.undo_stack.count() - steps
    window.session.undo_stack.setClean()
    window.close()
    app.processEvents()
    assert steps == 1, f"a drag must be one undo step, not {steps}"
    assert leaf_steps == 1, f"the claim's drag must be one undo step, not {leaf_steps}"
    return {
        "drag hub with 50 edges: handle a mouse move (ms, median)": statistics.median(handled)
        * 1000,
        "drag hub with 50 edges: move + full repaint (ms, median)": statistics.median(painted)
        * 1000,
        "drag a claim of that hub: handle a mouse move (ms, median)": statistics.median(leaf)
        * 1000,
    }


def bench_paste(app, window_class) -> dict[str, str]:
    """Paste and Duplicate on the 5,000-node map: the search for a spot clear of nodes and lines.

    Three connected claims from the middle are copied; each figure is the median of 7 runs of
    the whole action (search, the one undo step, the scene following), undone in between, and
    the median of the search alone.
    """
    from PySide6.QtCore import QPointF

    from desktop.session import MapSession

    m = big_map(5000, 10000)
    window = window_class(MapSession(m))
    window.resize(1400, 900)
    window.show()
    app.processEvents()
    columns = int(5000**0.5) + 1
    middle = 35 * columns + 35
    group = [f"n{middle}", f"n{middle + 1}", f"n{middle + columns}"]
    editor = window.editor
    editor.select(group)
    editor.copy()
    right = (columns - 1) * 260.0  # the map's right-hand column: free space beside it

    searching: list[float] = []
    search = editor._free_offset

    def timed_search(*args, **kwargs):
        t = time.perf_counter()
        found = search(*args, **kwargs)
        searching.append(time.perf_counter() - t)
        return found

    editor._free_offset = timed_search

    def timed(action) -> str:
        """'whole action / the search for a free spot', medians in ms."""
        runs = []
        searching.clear()
        for _ in range(7):
            t = time.perf_counter()
            action()
            runs.append(time.perf_counter() - t)
            window.session.undo_stack.undo()
        whole = statistics.median(runs) * 1000
        return f"{whole:6.1f} / {statistics.median(searching) * 1000:5.1f}"

    def duplicate() -> None:
        editor.select(group)
        editor.duplicate()

    results = {
        "paste 3 claims in the middle of 5,000 nodes, no room near (ms)": timed(editor.paste),
        "paste 3 claims at the map's edge, beside its lines (ms)": timed(
            lambda: editor.paste(QPointF(right, 35 * 140.0))
        ),
        "duplicate 3 claims in the middle (ms)": timed(duplicate),
    }
    from PySide6.QtGui import QGuiApplication

    QGuiApplication.clipboard().setText("\n".join(f"Pasted line {i}" for i in range(200)))
    results["paste 200 lines of text (200 claims) in the middle (ms)"] = timed(
        lambda: editor.paste(QPointF(35 * 260.0, 35 * 140.0))
    )
    window.session.undo_stack.setClean()
    window.close()
    app.processEvents()
    return results


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--quick", action="store_true", help="fewer start-up runs")
    parser.add_argument("--baseline", type=Path, help="another checkout to time start-up against")
    parser.add_argument("--start-up-only", action="store_true", help="skip the big-map figures")
    parser.add_argument("--paste-only", action="store_true", help="only the paste figures")
    args = parser.parse_args()
    results: dict[str, float | str] = {}
    if not args.paste_only:
        results.update(bench_startup(5 if args.quick else 21, args.baseline))
    from desktop.app import application
    from desktop.main_window import MainWindow

    app = application()
    if not args.start_up_only and not args.paste_only:
        results.update(bench_big_map(app, MainWindow))
        results.update(bench_drag(app, MainWindow))
    if not args.start_up_only:
        results.update(bench_paste(app, MainWindow))
    width = max(map(len, results))
    for name, value in results.items():
        print(
            f"{name:<{width}}  {value:8.3f}"
            if isinstance(value, float)
            else f"{name:<{width}}  {value}"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
