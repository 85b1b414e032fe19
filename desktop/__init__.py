"""DebateMap's Qt application: a projection of :mod:`mapping` onto windows and a canvas."""
