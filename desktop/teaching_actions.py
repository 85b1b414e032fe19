"""The teaching commands in the main window: Present (F5), Arrange Steps, handouts, exercises,
Compare with Reference.

:func:`install_teaching` adds the actions to a window's menus once; every action reads
``window.session`` when it runs, so it always works on the map the window shows now.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QFileDialog, QMainWindow, QMenu

from mapping.errors import MappingError

PDF_FILTER = "PDF documents (*.pdf)"
MAP_FILTER = "DebateMap maps (*.debatemap)"
EXERCISE_TITLES = {
    "edges": "draw the relations",
    "claims": "find the claims",
}


class Teaching:
    """The teaching actions of one window."""

    def __init__(self, window: QMainWindow) -> None:
        self.window = window
        self.presentation = None
        self.compare_windows: list = []

    # ---------------------------------------------------------------- helpers
    @property
    def session(self):
        return self.window.session

    def _folder(self) -> str:
        path = self.session.path
        return str(path.parent) if path else ""

    def _stem(self) -> str:
        path = self.session.path
        return path.stem if path else "map"

    def _say(self, text: str) -> None:
        self.window.statusBar().showMessage(text, 8000)

    def _fail(self, summary: str, error: Exception) -> None:
        show = getattr(self.window, "show_error", None)
        if show is not None:
            show(summary, str(error))
        else:  # a bare QMainWindow (tests)
            self._say(f"{summary} {error}")

    # ---------------------------------------------------------------- presenting
    def present(self, *, full_screen: bool = True):
        """Open presentation mode on the window's map."""
        from desktop.presentation import start_presentation

        if self.presentation is not None:
            self.presentation.close()
        # Someone who works in high contrast presents in it too (the dark one is the default).
        chosen = getattr(getattr(self.window, "theme", None), "name", "")
        self.presentation = start_presentation(
            self.session.map, self.window, full_screen=full_screen,
            theme="high-contrast" if chosen == "high-contrast" else "dark",
        )  # fmt: skip
        self.presentation.finished.connect(self._presentation_ended)
        return self.presentation

    def _presentation_ended(self) -> None:
        self.presentation = None
        self.window.activateWindow()

    def arrange_steps(self):
        """The Arrange Presentation Steps dialog (OK stores the order as one undo step)."""
        from desktop.presentation import ArrangeStepsDialog

        dialog = ArrangeStepsDialog(self.session, self.window)
        dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dialog.open()
        return dialog

    # ---------------------------------------------------------------- handouts
    def export_handout(self, path: str | Path | None = None, exercise: str | None = None) -> bool:
        """Write a handout (or an exercise sheet) PDF; asks for the file when ``path`` is None."""
        from desktop.handout import write_handout

        if path is None:
            suffix = f"-exercise-{exercise}" if exercise else "-handout"
            start = str(Path(self._folder()) / f"{self._stem()}{suffix}.pdf")
            title = (
                f"Export Exercise Sheet ({EXERCISE_TITLES[exercise]})"
                if exercise
                else "Export Handout"
            )
            path, _ = QFileDialog.getSaveFileName(self.window, title, start, PDF_FILTER)
            if not path:
                return False
            if not path.lower().endswith(".pdf"):
                path += ".pdf"
        try:
            pages = write_handout(self.session.map, path, exercise=exercise)
        except (MappingError, OSError) as error:
            self._fail(f"DebateMap could not write {Path(path).name}.", error)
            return False
        self._say(f"Wrote {path} ({pages} pages).")
        return True

    def save_exercise(self, variant: str, path: str | Path | None = None) -> bool:
        """Save the exercise map students open and complete (the open map is not changed)."""
        from mapping.formats.debatemap import save_map
        from mapping.teaching import exercise_without_claims, exercise_without_edges

        if path is None:
            start = str(Path(self._folder()) / f"{self._stem()}-exercise-{variant}.debatemap")
            path, _ = QFileDialog.getSaveFileName(
                self.window, f"Save Exercise Map ({EXERCISE_TITLES[variant]})", start, MAP_FILTER
            )
            if not path:
                return False
            if not path.endswith(".debatemap"):
                path += ".debatemap"
        make = exercise_without_edges if variant == "edges" else exercise_without_claims
        try:
            save_map(make(self.session.map), path)
        except (MappingError, OSError) as error:
            self._fail(f"DebateMap could not write {Path(path).name}.", error)
            return False
        self._say(f"Wrote the exercise {path}.")
        return True

    # ---------------------------------------------------------------- comparing
    def compare_with_reference(self, reference: str | Path | None = None):
        """Show the window's map (a student's) against a reference map chosen by the teacher."""
        from desktop.compare_view import choose_reference, open_comparison

        if reference is None:
            reference = choose_reference(self.window, self._folder())
            if not reference:
                return None
        name = self.session.path.name if self.session.path else "this map"
        try:
            window = open_comparison(reference, self.session.map, name, self.window)
        except (MappingError, OSError) as error:
            self._fail(f"DebateMap could not open {Path(reference).name}.", error)
            return None
        self.compare_windows = [w for w in self.compare_windows if w.isVisible()] + [window]
        return window


def install_teaching(window: QMainWindow) -> Teaching:
    """Add the teaching actions to ``window``'s File and View menus (and its ``actions``)."""
    teaching = Teaching(window)
    found = getattr(window, "actions", None)
    actions: dict[str, QAction] = found if isinstance(found, dict) else {}
    found = getattr(window, "menus", None)
    menus: dict[str, QMenu] = found if isinstance(found, dict) else {}

    def action(name: str, text: str, slot, shortcut: str | None = None, tip: str = "") -> QAction:
        act = QAction(text, window)
        if shortcut:
            act.setShortcut(QKeySequence(shortcut))
        if tip:
            act.setStatusTip(tip)
            act.setToolTip(tip)
        act.triggered.connect(lambda *_: slot())
        window.addAction(act)  # shortcuts work even while the menu bar is hidden
        actions[name] = act
        return act

    present = action("present", "&Present", teaching.present, "F5",
                     "Show the map full screen, step by step (Esc ends)")  # fmt: skip
    arrange = action("arrange_steps", "Arrange Presentation &Steps…", teaching.arrange_steps,
                     None, "Choose the order of the presentation steps")  # fmt: skip
    handout = action("export_handout", "Export &Handout…", teaching.export_handout, None,
                     "A PDF for students: the map, then each position's claims with sources")  # fmt: skip
    compare = action("compare_reference", "Compare with &Reference…",
                     teaching.compare_with_reference, None,
                     "Grade this map (a student's) against a reference map")  # fmt: skip
    exercises = QMenu("E&xercises", window)
    menus["exercises"] = exercises
    for variant, title in EXERCISE_TITLES.items():
        exercises.addAction(
            action(
                f"exercise_sheet_{variant}",
                f"Exercise Sheet: {title.capitalize()} (PDF)…",
                lambda v=variant: teaching.export_handout(exercise=v),
            )
        )
    exercises.addSeparator()
    for variant, title in EXERCISE_TITLES.items():
        exercises.addAction(
            action(
                f"exercise_map_{variant}",
                f"Exercise Map: {title.capitalize()}…",
                lambda v=variant: teaching.save_exercise(v),
                tip="A .debatemap students open and complete",
            )
        )

    file_menu = menus.get("file")
    if file_menu is not None:
        before = actions.get("save")
        for item in (handout, exercises.menuAction(), compare):
            file_menu.insertAction(before, item) if before else file_menu.addAction(item)
        if before is not None:
            file_menu.insertSeparator(before)
    view_menu = menus.get("view")
    if view_menu is not None:
        view_menu.addSeparator()
        view_menu.addAction(present)
        view_menu.addAction(arrange)
    window.teaching = teaching
    return teaching
