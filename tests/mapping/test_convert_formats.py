"""`debatemap convert` between every pair of registered formats that can read and write."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from mapping.cli import main
from mapping.formats.registry import FORMATS, find_format

REPO = Path(__file__).resolve().parents[2]
EXAMPLE = REPO / "resources" / "examples" / "iran-debate.debatemap"
READ_WRITE = [f for f in FORMATS if f.can_read and f.can_write]


def _relations(path: Path, name: str) -> Counter:
    argument_map = find_format(name, reading=True).reader()(path)
    return Counter(
        (argument_map.node(e.source).text, argument_map.node(e.target).text, e.relation)
        for e in argument_map.edges.values()
    )


@pytest.mark.parametrize("target", READ_WRITE, ids=lambda f: f.name)
@pytest.mark.parametrize("source", READ_WRITE, ids=lambda f: f.name)
def test_convert_between_formats(source, target, tmp_path: Path, capsys) -> None:
    first = tmp_path / f"start{source.extensions[0]}"
    assert main(["convert", str(EXAMPLE), str(first), "--to", source.name]) == 0
    second = tmp_path / "converted.out"
    assert main(["convert", str(first), str(second), "--from", source.name,
                 "--to", target.name]) == 0  # fmt: skip
    assert "written as" in capsys.readouterr().out
    expected = _relations(EXAMPLE, "debatemap")
    assert _relations(second, target.name) == expected


def test_formats_are_found_by_extension() -> None:
    for name, extension in (("aif", ".json"), ("ova", ".ova.json"), ("kialo", ".kialo.txt")):
        assert find_format(path=f"x{extension}", reading=True).name == name
        assert find_format(path=f"x{extension}", reading=False).name == name
