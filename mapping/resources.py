"""Where the bundled resources (examples, profiles, icons) live, in a checkout and when installed."""

from __future__ import annotations

from pathlib import Path

_HERE = Path(__file__).resolve().parent


def resources_dir() -> Path:
    """The resources folder: ``mapping/resources`` in a wheel, ``resources/`` in a checkout."""
    for candidate in (_HERE / "resources", _HERE.parent / "resources"):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError("DebateMap's resources folder is missing from this installation")


def resource_path(*parts: str) -> Path:
    return resources_dir().joinpath(*parts)


def example_map_path() -> Path:
    """The map that opens when ``debatemap`` starts without a file."""
    return resource_path("examples", "iran-debate.debatemap")
