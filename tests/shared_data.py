"""Locating the shared test data that lives beside the repository, never inside it."""

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def shared_dir() -> Path:
    """The shared data folder beside the repository (or $DEBATEMAP_SHARED); skip when absent."""
    path = Path(os.environ.get("DEBATEMAP_SHARED") or REPO.parent / "shared")
    if not path.is_dir():
        pytest.skip(f"shared data folder {path} is absent (set DEBATEMAP_SHARED to its path)")
    return path


def seeds_dir() -> Path:
    path = shared_dir() / "seeds"
    if not path.is_dir():
        pytest.skip(f"seed documents folder {path} is absent")
    return path
