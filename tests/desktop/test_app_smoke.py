"""The window opens on the bundled example, as `debatemap` with no arguments does."""

from mapping.formats.debatemap import load_map
from mapping.resources import example_map_path


def test_window_shows_the_example_map(qtbot):
    from desktop.app import MapViewer

    argument_map = load_map(example_map_path())
    window = MapViewer(argument_map, str(example_map_path()))
    qtbot.addWidget(window)
    window.show()
    assert argument_map.title in window.windowTitle()
    labels = {item.toPlainText() for item in window.scene.items() if hasattr(item, "toPlainText")}
    assert {n.label for n in argument_map.nodes.values()} <= labels
