"""Screenshots of every part of the window a user meets, in one theme, without a display.

    uv run python bench/theme_tour.py [--theme dark] [-o tour/] [DOCUMENT ...]

The main window on the example map, the welcome page, the import wizard's three pages (on the
documents given, else on a short text written here), Settings, Export, Evaluate, presentation
mode and its step list, the find bar, the label editor, a canvas context menu, a menu, a tooltip
and a message box: one PNG each, to look at after changing a theme.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

SAMPLE = (
    "Shade for the Schoolyard\n\nBy Ines Molnar\n\n"
    "The school should plant trees along the yard. Because the children have nowhere cool to "
    "stand in June, the yard is empty at noon. However, roots may lift the paving.\n"
)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("documents", nargs="*", help="texts for the import wizard")
    parser.add_argument("-o", "--output", default="tour")
    parser.add_argument("--theme", default="dark")
    args = parser.parse_args()

    from PySide6.QtCore import QCoreApplication, QEvent, QPoint, Qt
    from PySide6.QtWidgets import QApplication, QMessageBox, QToolTip, QWidget

    from desktop.app import application
    from desktop.dialogs.settings_dialog import AppSettings, apply_settings
    from desktop.main_window import MainWindow
    from mapping.resources import example_map_path

    out = Path(args.output)
    out.mkdir(parents=True, exist_ok=True)
    app = application()
    chosen = AppSettings(theme=args.theme)
    apply_settings(chosen, [])

    def settle() -> None:
        for _ in range(5):  # (and what deleteLater() waits for: the event loop would run it)
            app.processEvents()
            QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)

    def shoot(name: str, widget: QWidget) -> None:
        settle()
        path = out / f"{args.theme}-{name}.png"
        widget.grab().save(str(path))
        print("wrote", path)

    def wait(condition, limit_s: float = 20.0) -> None:
        deadline = time.monotonic() + limit_s
        while not condition() and time.monotonic() < deadline:
            app.processEvents()

    # The welcome page (a window with no map), with two recent files (one missing).
    from desktop import main_window

    store = main_window.settings()
    recent = store.value("recentFiles")
    store.setValue("recentFiles", [str(example_map_path()), "/nowhere/gone.debatemap"])
    welcome = MainWindow()
    store.setValue("recentFiles", recent) if recent is not None else store.remove("recentFiles")
    apply_settings(chosen, [welcome])  # (the window takes the stored theme, not this one)
    welcome.resize(1100, 760)
    welcome.show()
    shoot("welcome", welcome)
    welcome.activateWindow()
    wait(welcome.isActiveWindow, 5.0)
    from PySide6.QtTest import QTest

    welcome.welcome_page.buttons["example"].setFocus()
    QTest.keyClick(welcome.welcome_page.buttons["example"], Qt.Key.Key_Tab)
    shoot("welcome-focus", welcome)

    # The main window on the example map.
    window = MainWindow()
    apply_settings(chosen, [window])
    window.resize(1400, 900)
    window.show()
    window.open_file(example_map_path())
    settle()
    window.view.zoom_fit()
    shoot("main", window)
    node_ids = list(window.session.map.nodes)
    window.editor.select(node_ids[4:5])
    shoot("main-selected", window)

    # Find bar and label editor.
    window.view.show_find()
    window.view.find_bar.field.setText("Iran")
    shoot("find", window)
    window.view.clear_find()
    window.view.edit_label(node_ids[4])
    shoot("label-editor", window)
    if window.view.label_editor is not None:
        window.view.close_label_editor(commit=False)

    # Menus: the File menu and the canvas context menu over a claim.
    menu = window.menus["file"]
    menu.popup(window.mapToGlobal(QPoint(10, 30)))
    shoot("menu-file", menu)
    menu.hide()
    item = window.scene.node_item(node_ids[4])
    point = window.view.mapFromScene(item.scene_box().center())
    window._show_context_menu(window.view.viewport().mapToGlobal(point),
                              item.scene_box().center(), node_ids[4])  # fmt: skip
    popup = QApplication.activePopupWidget()
    if popup is not None:
        shoot("menu-context", popup)
        popup.close()

    # A tooltip and a message box.
    QToolTip.showText(window.mapToGlobal(QPoint(200, 200)), "Fit the whole map in view", window)
    settle()
    tips = [w for w in app.allWidgets() if w.inherits("QLabel") and w.isWindow() and w.isVisible()]
    if tips:
        shoot("tooltip", tips[0])
    QToolTip.hideText()
    box = QMessageBox(QMessageBox.Icon.Warning, "Save changes?",
                      "The map has unsaved changes. Save them before closing?",
                      QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                      | QMessageBox.StandardButton.Cancel, window)  # fmt: skip
    box.show()
    shoot("message-box", box)
    box.close()

    # Settings and Export.
    window.actions["settings"].trigger()
    shoot("settings", window.settings_dialog)
    window.settings_dialog.close()
    from desktop.export_actions import ExportDialog

    export = ExportDialog(window)
    export.show()
    shoot("export", export)
    export.close()

    # Evaluate.
    window.actions["evaluate"].setChecked(True)
    settle()
    shoot("evaluate", window)
    window.actions["evaluate"].setChecked(False)

    # Presentation mode and its step list.
    from desktop.presentation import ArrangeStepsDialog

    steps = ArrangeStepsDialog(window.session, window)
    steps.show()
    shoot("steps", steps)
    steps.close()
    presentation = window.teaching.present(full_screen=False)
    presentation.resize(1200, 800)
    presentation.show()
    presentation.next_step()
    presentation.next_step()
    shoot("presentation", presentation)
    presentation.close()

    # Compare with Reference: the example against itself with one claim taken out.
    student = window.session.map
    reference = Path(tempfile.mkdtemp()) / "reference.debatemap"
    from mapping.formats.debatemap import save_map

    save_map(student, reference)
    window.editor.select(node_ids[5:6])
    window.actions["delete"].trigger()
    comparison = window.teaching.compare_with_reference(reference)
    if comparison is not None:
        comparison.resize(1300, 800)
        shoot("compare", comparison)
        comparison.close()
    window.session.undo_stack.undo()

    # A combo box's list, open.
    chooser = window.panels.documents.chooser
    chooser.showPopup()
    settle()
    popup = chooser.view().window()
    if popup.isVisible():
        shoot("combo-popup", popup)
    chooser.hidePopup()

    # The import wizard's three pages.
    from desktop.dialogs.import_wizard import ImportWizard

    documents = list(args.documents)
    if not documents:
        sample = Path(tempfile.mkdtemp()) / "schoolyard.txt"
        sample.write_text(SAMPLE, encoding="utf-8")
        documents = [str(sample)]
    wizard = ImportWizard(window, documents, can_add=True)
    wizard.show()
    shoot("wizard-1-choose", wizard)
    wizard.next()
    wait(wizard.structure_page.isComplete)
    shoot("wizard-2-structure", wizard)
    wizard.next()
    wait(wizard.proposal_page.isComplete)
    shoot("wizard-3-proposal", wizard)
    from desktop.dialogs.import_wizard import apply_import

    wizard.hide()  # a new map with its texts: the Documents panel shows them
    window.set_session(apply_import(wizard, None))
    settle()
    claims = [n.id for n in window.session.map.nodes.values() if n.sources]
    if claims:
        window.editor.select(claims[len(claims) // 2 : len(claims) // 2 + 1])
    shoot("imported", window)

    for widget in (window, welcome):
        widget._ask_save_changes = lambda: QMessageBox.StandardButton.Discard
        widget.close()
    settle()
    return 0


if __name__ == "__main__":
    sys.exit(main())
