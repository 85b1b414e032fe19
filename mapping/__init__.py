"""DebateMap's core: argument maps, documents, seeding, layout, semantics and file formats.

Nothing in this package imports Qt, so every feature can run headless and be tested alone.
"""

__version__ = "0.1.0"
