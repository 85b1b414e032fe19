"""The one renderer of a map, shared by the editor window and headless image export.

``MapScene(argument_map, theme)`` builds items from the model and follows its events;
``node_size(node, theme)`` gives the box size that layout engines need.
"""

from desktop.canvas.items import EdgeItem, NodeItem, node_size
from desktop.canvas.scene import MapScene
from desktop.canvas.theme import THEMES, Theme, theme_named

__all__ = ["THEMES", "EdgeItem", "MapScene", "NodeItem", "Theme", "node_size", "theme_named"]
