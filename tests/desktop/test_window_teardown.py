"""A window deleted without being closed must not run Python into dead Qt objects."""


def test_deleting_an_unclosed_window_with_a_selection_raises_nothing(qtbot):
    """Qt's scene destructor emits selectionChanged; the editor must not call into the dead scene."""
    import shiboken6

    from desktop.main_window import MainWindow
    from mapping.resources import example_map_path

    window = MainWindow()
    window.open_file(example_map_path())
    window.session.select(["n1"])
    assert window.scene.selected_ids() == ["n1"]
    shiboken6.delete(window)  # pytest-qt fails the test if a slot raises during destruction


def test_the_window_remembers_its_geometry(qtbot):
    from desktop.main_window import MainWindow

    first = MainWindow()  # closed (and so deleted) by the test itself, not by qtbot
    first.resize(700, 500)
    first.move(30, 40)
    first.show()
    remembered = first.size()  # what the window really took (its docks may need more height)
    assert remembered.width() == 700
    first.close()
    second = MainWindow()
    try:
        assert second.size() == remembered
    finally:
        second.close()


def test_open_reads_every_registered_format(qtbot, tmp_path):
    """File ▸ Open takes Argdown (or any registered format) as well as .debatemap."""
    from desktop.main_window import MainWindow, _is_openable, _readable_map_filters

    source = tmp_path / "debate.argdown"
    source.write_text("[Peace]: We should talk.\n  - [War]: Talks failed.\n", encoding="utf-8")
    window = MainWindow()
    try:
        assert window.open_file(source)
        labels = {n.label or n.text for n in window.session.map.nodes.values()}
        assert {"Peace", "War"} <= labels or {"We should talk.", "Talks failed."} <= labels
        assert len(window.session.map.edges) == 1
    finally:
        window.close()
    assert _is_openable(str(source)) and _is_openable("x.ova.json") and not _is_openable("x.exe")
    assert "*.argdown" in _readable_map_filters()[0]
