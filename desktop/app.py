"""Starting the Qt application: one QApplication, the main window, the files to open."""

from __future__ import annotations

import sys
from collections.abc import Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QBrush, QColor, QFont, QPainter, QPen
from PySide6.QtWidgets import (
    QApplication,
    QGraphicsScene,
    QGraphicsView,
    QMainWindow,
    QMessageBox,
)

from mapping import __version__
from mapping.errors import MappingError
from mapping.formats.debatemap import load_map
from mapping.model import ArgumentMap
from mapping.resources import example_map_path


class MapViewer(QMainWindow):
    """A read-only window on a map (the editor replaces it)."""

    def __init__(self, argument_map: ArgumentMap, file_name: str) -> None:
        super().__init__()
        self.map = argument_map
        self.setWindowTitle(f"{argument_map.title or file_name} — DebateMap")
        self.scene = QGraphicsScene(self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHint(QPainter.RenderHint.Antialiasing)
        self.setCentralWidget(self.view)
        self._draw()
        self.resize(1200, 800)
        self.statusBar().showMessage(
            f"{len(argument_map.nodes)} nodes, {len(argument_map.edges)} edges"
        )

    def _draw(self) -> None:
        boxes = {}
        for node in self.map.nodes.values():
            width = 220.0 if node.kind == "position" else 180.0
            item = self.scene.addRect(
                node.x - width / 2, node.y - 30, width, 60, QPen(QColor("#444")),
                QBrush(QColor("#fdf6e3" if node.kind == "position" else "#ffffff")),
            )  # fmt: skip
            text = self.scene.addText("")
            text.setPlainText(node.label)
            text.setTextWidth(width - 10)
            font = QFont()
            font.setBold(node.kind == "position")
            text.setFont(font)
            text.setPos(node.x - width / 2 + 5, node.y - 28)
            boxes[node.id] = item
        for edge in self.map.edges.values():
            source, target = self.map.node(edge.source), self.map.node(edge.target)
            pen = QPen(QColor("#1b7837" if edge.relation == "support" else "#b2182b"), 2)
            if edge.relation == "attack":
                pen.setStyle(Qt.PenStyle.DashLine)
            line = self.scene.addLine(source.x, source.y - 30, target.x, target.y + 30, pen)
            line.setZValue(-1)


def run_application(files: Sequence[str], *, debug: bool = False) -> int:
    app = QApplication.instance() or QApplication(sys.argv[:1])
    app.setApplicationName("DebateMap")
    app.setOrganizationName("DebateMap")
    app.setApplicationVersion(__version__)
    path = files[0] if files else str(example_map_path())
    try:
        argument_map = load_map(path)
    except MappingError as error:
        QMessageBox.critical(None, "DebateMap", str(error))
        return 2
    window = MapViewer(argument_map, path)
    window.show()
    return app.exec()
