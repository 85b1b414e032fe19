"""The window's Export dialog, Copy as Picture and printing (driven through their APIs)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import networkx as nx
import pytest
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QApplication

from desktop.export_actions import ExportDialog, copy_to_clipboard, show_export_dialog
from desktop.render import RenderOptions, print_map


def test_the_window_offers_export_copy_and_print(window):
    for name in ("export_picture", "copy_picture", "print", "print_tiled"):
        assert name in window.actions
    export_menu = window.menus["export"]
    assert export_menu.menuAction().isVisible()
    texts = [a.text() for a in export_menu.actions()]
    assert "&Export…" in texts and "&Print…" in texts


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".dot", ".graphml"])
def test_dialog_exports_every_format(window, tmp_path, suffix):
    dialog = ExportDialog(window)
    dialog.path.setText(str(tmp_path / f"map{suffix}"))
    dialog._sync_format_from_path()
    assert dialog.suffix() == suffix
    dialog.accept()
    out = tmp_path / f"map{suffix}"
    assert out.exists() and out.stat().st_size > 100
    if suffix == ".graphml":
        graph = nx.read_graphml(out, force_multigraph=True)
        assert set(graph.nodes) == set(window.session.map.nodes)
    dialog.deleteLater()


def test_dialog_selection_only_draws_the_selection(window, tmp_path):
    window.session.select(["c2"])
    dialog = ExportDialog(window)
    assert dialog.selection_only.isChecked()
    dialog.path.setText(str(tmp_path / "sel.svg"))
    dialog._sync_format_from_path()
    dialog.title.setChecked(False)
    dialog.accept()
    text = " ".join(ET.parse(tmp_path / "sel.svg").getroot().itertext())
    assert "It costs too much" in text
    assert "It shortens the commute" not in text and "Build the bridge" not in text
    dialog.deleteLater()


def test_dialog_lists_every_writable_format(window):
    dialog = ExportDialog(window)
    suffixes = [dialog.format.itemData(i) for i in range(dialog.format.count())]
    assert suffixes[:5] == [".png", ".svg", ".pdf", ".dot", ".graphml"]
    dialog.path.setText("/tmp/x.aif.json")
    dialog._sync_format_from_path()
    if ".aif.json" in suffixes:
        assert dialog.suffix() == ".aif.json"
        dialog.format.setCurrentIndex(dialog.format.findData(".png"))
        assert dialog.path.text() == "/tmp/x.png"
    dialog.deleteLater()


def test_dialog_position_choice_and_format_switch(window, tmp_path):
    dialog = ExportDialog(window)
    dialog.path.setText(str(tmp_path / "pos.png"))
    dialog._sync_format_from_path()
    dialog.position.setCurrentIndex(dialog.position.findData("p1"))
    assert dialog.options().only == frozenset({"p1", "c1", "c2", "e1", "e2"})
    dialog.format.setCurrentIndex(dialog.format.findData(".pdf"))
    assert dialog.path.text().endswith("pos.pdf")
    assert not dialog.dpi.isEnabled()
    dialog.format.setCurrentIndex(dialog.format.findData(".dot"))
    assert not dialog.legend.isEnabled()
    dialog.deleteLater()


def test_show_export_dialog_opens_for_a_map(window):
    dialog = show_export_dialog(window)
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_copy_puts_an_image_and_svg_on_the_clipboard(window):
    window.session.select(["c1"])
    copy_to_clipboard(window)
    mime = QApplication.clipboard().mimeData()
    assert mime.hasImage()
    svg = bytes(mime.data("image/svg+xml").data())
    assert b"It shortens the commute" in svg and b"Build the bridge" not in svg


@pytest.mark.parametrize(("tiled", "at_least"), [(False, 1), (True, 2)])
def test_printing_fits_or_tiles(argument_map, qapp, tmp_path, tiled, at_least):
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    path = tmp_path / "printed.pdf"
    printer.setOutputFileName(str(path))
    sheets = print_map(argument_map, printer, RenderOptions(theme="print", scale=3.0), tiled=tiled)
    assert sheets >= at_least and (sheets == 1) == (not tiled)
    pages = re.findall(rb"/Type\s*/Page\b", path.read_bytes())
    assert len(pages) == sheets
