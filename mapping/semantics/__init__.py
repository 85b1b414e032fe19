"""Argumentation semantics over abstract frameworks and argument maps; results are plain data."""
