"""Render the panels around a placeholder canvas to a PNG, offscreen (until the editor lands).

QT_QPA_PLATFORM=offscreen python -m desktop.panels.demo out.png [--seeds DIR] [--select ID]
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from PySide6.QtWidgets import QApplication, QGraphicsScene, QGraphicsView, QMainWindow

from desktop.panels import install_panels
from desktop.session import MapSession
from mapping.formats.debatemap import load_map
from mapping.resources import example_map_path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("output")
    parser.add_argument("--seeds", help="folder holding the example's source documents")
    parser.add_argument("--select", action="append", default=[])
    args = parser.parse_args(argv)
    app = QApplication.instance() or QApplication(sys.argv[:1])
    window = QMainWindow()
    session = MapSession(load_map(example_map_path()), parent=window)
    window.scene = QGraphicsScene(window)
    window.setCentralWidget(QGraphicsView(window.scene))
    window.resize(1600, 1000)
    panels = install_panels(window, session)
    if args.seeds:
        first = next(iter(session.map.documents.values()))
        panels.documents.show_document(first.id)
        error = panels.documents.locate_file(Path(args.seeds) / first.name)
        if error:
            print(error, file=sys.stderr)
    window.show()
    app.processEvents()
    session.select(args.select)
    for _ in range(3):
        app.processEvents()
    window.grab().save(args.output)
    print(args.output)
    return 0


if __name__ == "__main__":
    sys.exit(main())
