"""The teaching commands in the main window: F5, handouts, exercises, compare."""

import pytest
from PySide6.QtCore import Qt
from teaching_maps import seminar_map

from desktop.main_window import MainWindow
from desktop.session import MapSession
from mapping.formats.debatemap import load_map, save_map


@pytest.fixture
def window(qtbot, tmp_path):
    path = tmp_path / "tram.debatemap"
    save_map(seminar_map(), path)
    w = MainWindow(MapSession(load_map(path), path))
    w.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    qtbot.addWidget(w)
    w.show()
    return w


def test_menus_offer_the_teaching_commands(window):
    file_texts = [a.text() for a in window.menus["file"].actions()]
    assert "Export &Handout…" in file_texts and "Compare with &Reference…" in file_texts
    assert window.actions["present"].shortcut().toString() == "F5"
    assert window.actions["present"] in window.menus["view"].actions()


def test_present_opens_and_escape_returns(qtbot, window):
    window.actions["present"].trigger()
    presentation = window.teaching.presentation
    assert presentation is not None and presentation.isVisible()
    assert presentation.state.steps[0].focus == "p1"
    qtbot.keyClick(presentation, Qt.Key.Key_Escape)
    assert window.teaching.presentation is None


@pytest.mark.parametrize(("window_theme", "projected"), [
    ("light", "dark"), ("dark", "dark"), ("high-contrast", "high-contrast"),
])  # fmt: skip
def test_presenting_keeps_a_high_contrast_theme(qtbot, window, window_theme, projected):
    """Someone working in high contrast was shown the dark projector theme."""
    from desktop.canvas.theme import theme_named

    window.set_theme(theme_named(window_theme))
    presentation = window.teaching.present(full_screen=False)
    try:
        assert presentation.theme_name == projected
    finally:
        qtbot.keyClick(presentation, Qt.Key.Key_Escape)


def test_handout_and_exercises_from_the_window(window, tmp_path):
    assert window.teaching.export_handout(tmp_path / "h.pdf")
    assert (tmp_path / "h.pdf").read_bytes().startswith(b"%PDF")
    assert window.teaching.save_exercise("edges", tmp_path / "ex.debatemap")
    exercise = load_map(tmp_path / "ex.debatemap")
    assert not exercise.edges and len(exercise.nodes) == 8
    assert len(window.session.map.edges) == 6  # the open map is untouched
    assert not window.session.is_modified


def test_compare_with_reference_grades_the_open_map(window, tmp_path):
    reference = tmp_path / "teacher.debatemap"
    save_map(seminar_map(), reference)
    window.session.map.remove_edge("e1")
    compared = window.teaching.compare_with_reference(reference)
    compared.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose, False)
    try:
        assert compared.windowTitle().startswith("tram.debatemap compared with teacher.debatemap")
        assert compared.overlay.comparison.recall == pytest.approx(5 / 6)
    finally:
        compared.close()


def test_a_bad_reference_is_reported_not_raised(window, tmp_path):
    bad = tmp_path / "bad.debatemap"
    bad.write_text("{ not json", encoding="utf-8")
    assert window.teaching.compare_with_reference(bad) is None
    assert "bad.debatemap" in window.last_error


def test_arrange_steps_from_the_window_is_one_undo_step(qtbot, window):
    dialog = window.teaching.arrange_steps()
    dialog.list.setCurrentRow(1)
    dialog.up_button.click()
    first = dialog.steps()[0].title
    dialog.accept()
    assert window.session.is_modified
    assert window.session.undo_stack.undoText() == "Reorder Presentation"
    window.actions["present"].trigger()
    assert window.teaching.presentation.title_label.text() == first
    window.teaching.presentation.close()
    window.session.undo_stack.setClean()  # closing must not ask to save
