"""The compare view: a student's map against the reference, differences marked on the canvas.

Each compared relation gets a badge with a symbol — ✓ agreed, ↔ flipped (the student chose the
other relation), − missing (drawn from the reference, ghosted), + extra (the reference has no such
relation) — and a band along its line with its own dash pattern, so the four stay distinguishable
without colour; colour is added on top. Reference nodes the student lacks are ghosted with a −,
student nodes that match nothing get a +. A side panel gives precision, recall, F1 and kappa and
lists the differences; clicking one shows it on the canvas.
"""

from __future__ import annotations

import html
from pathlib import Path

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPainterPath, QPen
from PySide6.QtWidgets import (
    QFileDialog,
    QGraphicsItem,
    QGraphicsView,
    QLabel,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from desktop.canvas.items import EdgeItem
from desktop.canvas.scene import MapScene
from desktop.canvas.theme import LIGHT, Theme
from desktop.contrast import ink_on
from mapping.compare_overlay import AGREED, EXTRA, FLIPPED, MISSING, Overlay, build_overlay
from mapping.model import ArgumentMap

MARKS: dict[str, tuple[str, str, str]] = {
    # status: (symbol, colour (Okabe–Ito), what it means)
    AGREED: ("✓", "#009E73", "agreed: same ends, same relation"),
    FLIPPED: ("↔", "#E69F00", "flipped: same ends, the other relation"),
    MISSING: ("−", "#7F7F7F", "missing: in the reference, not in the student's map"),
    EXTRA: ("+", "#CC79A7", "extra: in the student's map, not in the reference"),
}
BAND_PATTERNS: dict[str, list[float] | None] = {
    AGREED: None,  # no band: most relations agree, and the ✓ says so
    FLIPPED: [6.0, 2.0, 1.0, 2.0],  # dash-dot
    MISSING: [1.0, 2.0],  # dotted
    EXTRA: [4.0, 2.0],  # dashed
}
GHOST_OPACITY = 0.45


class BadgeItem(QGraphicsItem):
    """A round marker with a symbol; its shape, not its colour, says what it marks."""

    RADIUS = 10.0

    def __init__(self, status: str, tooltip: str = "", z: float = 5.0) -> None:
        super().__init__()
        self.status = status
        self.symbol, self.color, meaning = MARKS[status]
        self.setToolTip(tooltip or meaning)
        self.setZValue(z)

    def boundingRect(self) -> QRectF:
        r = self.RADIUS + 2.0
        return QRectF(-r, -r, 2 * r, 2 * r)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(QPen(QColor("#000000"), 1.2))
        painter.setBrush(QColor(self.color))
        painter.drawEllipse(QPointF(0, 0), self.RADIUS, self.RADIUS)
        font = QFont()
        font.setPixelSize(15)
        font.setBold(True)
        painter.setFont(font)
        painter.setPen(ink_on(QColor(self.color)))  # (white on the pink and green: 2.9:1, 3.4:1)
        painter.drawText(self.boundingRect(), int(Qt.AlignmentFlag.AlignCenter), self.symbol)


class BandItem(QGraphicsItem):
    """A wide translucent stroke under an edge, in its status's dash pattern."""

    WIDTH = 9.0

    def __init__(self, edge_item: EdgeItem, status: str) -> None:
        super().__init__()
        self.status = status
        line = edge_item.line
        self.path = QPainterPath(line.p1())
        self.path.lineTo(line.p2())
        self.setZValue(-1.0)

    def boundingRect(self) -> QRectF:
        w = self.WIDTH
        return self.path.boundingRect().adjusted(-w, -w, w, w)

    def paint(self, painter: QPainter, option, widget=None) -> None:
        color = QColor(MARKS[self.status][1])
        color.setAlphaF(0.45)
        pen = QPen(color, self.WIDTH, Qt.PenStyle.SolidLine, Qt.PenCapStyle.FlatCap)
        pattern = BAND_PATTERNS[self.status]
        if pattern:
            pen.setDashPattern(pattern)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(pen)
        painter.drawPath(self.path)


class CompareScene(MapScene):
    """The overlay map drawn by the editor's scene, with bands and badges for every status."""

    def __init__(self, overlay: Overlay, theme: Theme | None = None, parent=None) -> None:
        super().__init__(overlay.map, theme or LIGHT, parent)
        self.detach()  # a snapshot: the overlay map never changes
        self.overlay = overlay
        self.badges: dict[str, BadgeItem] = {}
        self.bands: dict[str, BandItem] = {}
        for item in self.node_items():
            item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
            status = overlay.node_status.get(item.node_id)
            if status is None:
                continue
            if status == MISSING:
                item.setOpacity(GHOST_OPACITY)
            badge = BadgeItem(status, f"{MARKS[status][2]} (node)")
            box = item.scene_box()
            badge.setPos(box.right() - 2.0, box.top() + 2.0)
            self.addItem(badge)
            self.badges[item.node_id] = badge
        for item in self.edge_items():
            status = overlay.edge_status.get(item.edge_id)
            if status is None:
                continue
            if status == MISSING:
                item.setOpacity(GHOST_OPACITY)
            tip = MARKS[status][2]
            if status == FLIPPED:
                tip += (
                    f" (student: {item.edge.relation}, "
                    f"reference: {overlay.reference_relation[item.edge_id]})"
                )
            if BAND_PATTERNS[status] is not None:
                band = BandItem(item, status)
                self.addItem(band)
                self.bands[item.edge_id] = band
            # Under the boxes (z 1), over the lines (z 0): a badge never hides a label.
            badge = BadgeItem(status, tip, z=0.5)
            badge.setPos(item.line.pointAt(0.5))
            self.addItem(badge)
            self.badges[item.edge_id] = badge

    def status_of(self, item_id: str) -> str | None:
        return self.overlay.edge_status.get(item_id) or self.overlay.node_status.get(item_id)


def lay_out(argument_map: ArgumentMap) -> str:
    """Arrange the (throwaway) overlay map automatically; returns the engine used."""
    from desktop.canvas.items import node_size
    from mapping.layout import layout_map
    from mapping.model import move_nodes

    sizes = {n.id: node_size(n, LIGHT) for n in argument_map.nodes.values()}
    result = layout_map(argument_map, sizes)
    argument_map.execute(move_nodes(result.positions, "Auto Layout"))
    return result.engine


def _describe(argument_map: ArgumentMap, edge_id: str) -> str:
    edge = argument_map.edge(edge_id)

    def label(node_id: str) -> str:
        text = argument_map.node(node_id).label or node_id
        return text if len(text) <= 48 else text[:47] + "…"

    return f"{label(edge.source)}  —{edge.relation}→  {label(edge.target)}"


class CompareWindow(QWidget):
    """A window: the compared map on the left, scores, legend and difference lists on the right."""

    def __init__(
        self,
        reference: ArgumentMap,
        student: ArgumentMap,
        reference_name: str = "reference",
        student_name: str = "student",
        parent: QWidget | None = None,
        *,
        auto_layout: bool = False,
        theme: Theme | None = None,
    ) -> None:
        super().__init__(parent, Qt.WindowType.Window)
        self.theme = theme
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(f"{student_name} compared with {reference_name} — DebateMap")
        self.overlay = build_overlay(reference, student)
        if auto_layout:
            lay_out(self.overlay.map)
        self.scene = CompareScene(self.overlay, theme, parent=self)
        self.view = QGraphicsView(self.scene, self)
        self.view.setRenderHints(
            QPainter.RenderHint.Antialiasing | QPainter.RenderHint.TextAntialiasing
        )
        self.view.setDragMode(QGraphicsView.DragMode.ScrollHandDrag)
        self.view.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.summary = QLabel(self)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        self.summary.setWordWrap(True)
        self.summary.setText(self._summary_html(reference_name, student_name))
        self.layout_button = QPushButton("&Auto Layout", self)
        self.layout_button.setToolTip(
            "Arrange the compared map automatically (the student's file is not changed)"
        )
        self.layout_button.clicked.connect(self.auto_layout)
        self.tree = QTreeWidget(self)
        self.tree.setHeaderHidden(True)
        self.tree.itemActivated.connect(self._show_item)
        self.tree.itemClicked.connect(self._show_item)
        self._fill_tree()
        panel = QWidget(self)
        column = QVBoxLayout(panel)
        column.setContentsMargins(8, 8, 8, 8)
        column.addWidget(self.summary)
        column.addWidget(self.layout_button)
        column.addWidget(self.tree, 1)
        splitter = QSplitter(self)
        splitter.addWidget(self.view)
        splitter.addWidget(panel)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([900, 380])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(splitter)
        self.resize(1320, 820)

    def _summary_html(self, reference_name: str, student_name: str) -> str:
        c = self.overlay.comparison
        kappa = "n/a" if c.kappa is None else f"{c.kappa:.2f}"
        rows = [
            ("Precision", f"{c.precision:.2f}", "agreed ÷ student's relations"),
            ("Recall", f"{c.recall:.2f}", "agreed ÷ reference's relations"),
            ("F1", f"{c.f1:.2f}", ""),
            ("Kappa", kappa, "support vs attack, relations both have"),
        ]
        table = "".join(
            f"<tr><td><b>{name}</b></td><td align='right'>&nbsp;{value}&nbsp;</td>"
            f"<td><small>{note}</small></td></tr>"
            for name, value, note in rows
        )
        legend = "".join(
            f"<tr><td><span style='background:{color}; color:{ink_on(QColor(color)).name()}'>"
            f"&nbsp;{symbol}&nbsp;</span></td><td>{html.escape(meaning)}</td></tr>"
            for symbol, color, meaning in MARKS.values()
        )
        matched = len(c.node_matches)
        return (
            f"<p><b>{html.escape(student_name)}</b> against <b>{html.escape(reference_name)}</b>"
            f"<br>{matched} nodes matched · {c.student_edges} student relations · "
            f"{c.reference_edges} reference relations · {len(c.agreed)} agreed</p>"
            f"<table>{table}</table><p><b>On the canvas</b></p><table>{legend}</table>"
            "<p><small>Ghosted boxes and lines come from the reference.</small></p>"
        )

    def _fill_tree(self) -> None:
        overlay = self.overlay
        for status, title in (
            (FLIPPED, "Flipped"),
            (MISSING, "Missing"),
            (EXTRA, "Extra"),
            (AGREED, "Agreed"),
        ):
            ids = overlay.ids_with(status)
            symbol = MARKS[status][0]
            group = QTreeWidgetItem(self.tree, [f"{symbol} {title} ({len(ids)})"])
            group.setData(0, Qt.ItemDataRole.UserRole, status)
            for edge_id in ids:
                child = QTreeWidgetItem(group, [_describe(overlay.map, edge_id)])
                child.setData(0, Qt.ItemDataRole.UserRole + 1, edge_id)
                child.setToolTip(0, self.scene.badges[edge_id].toolTip())
            group.setExpanded(status != AGREED)

    def _show_item(self, tree_item: QTreeWidgetItem, _column: int = 0) -> None:
        edge_id = tree_item.data(0, Qt.ItemDataRole.UserRole + 1)
        item = self.scene.edge_item(edge_id) if edge_id else None
        if item is None:
            return
        self.scene.clearSelection()
        item.setSelected(True)
        self.view.centerOn(item)

    def auto_layout(self) -> None:
        """Lay the overlay out and draw it again (badges and bands follow the new places)."""
        lay_out(self.overlay.map)
        old = self.scene
        self.scene = CompareScene(self.overlay, self.theme, parent=self)
        self.view.setScene(self.scene)
        old.deleteLater()
        self.zoom_fit()

    def zoom_fit(self) -> None:
        self.view.fitInView(self.scene.map_rect(), Qt.AspectRatioMode.KeepAspectRatio)

    def showEvent(self, event) -> None:
        super().showEvent(event)
        self.zoom_fit()


def open_comparison(
    reference_path: str | Path, student: ArgumentMap, student_name: str, parent=None
) -> CompareWindow:
    """Load the reference and show the student's map against it (raises MappingError)."""
    from mapping.formats.debatemap import load_map

    reference = load_map(reference_path)
    window = CompareWindow(
        reference,
        student,
        Path(reference_path).name,
        student_name,
        parent,
        theme=getattr(parent, "theme", None),
    )  # (the editor's: dark stays dark)
    window.show()
    return window


def choose_reference(parent: QWidget | None, folder: str = "") -> str:
    path, _ = QFileDialog.getOpenFileName(
        parent, "Compare with Reference", folder, "DebateMap maps (*.debatemap)"
    )
    return path
