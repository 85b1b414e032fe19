"""The window opens on the bundled example, as `debatemap` with no arguments does."""

from mapping.formats.debatemap import load_map
from mapping.resources import example_map_path


def test_window_shows_the_example_map(qtbot):
    from desktop.main_window import MainWindow

    window = MainWindow()
    qtbot.addWidget(window)
    window.show()
    assert window.open_file(example_map_path())
    argument_map = load_map(example_map_path())
    assert argument_map.title in window.windowTitle()
    assert {item.node.id for item in window.scene.node_items()} == set(argument_map.nodes)
