"""``debatemap info --example``: the bundled example is reachable without knowing where it lies."""

from __future__ import annotations

import json

import pytest

from mapping import cli
from mapping.resources import example_map_path


def test_info_example_prints_the_path_and_the_counts(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["info", "--example", "--json"]) == 0
    summary = json.loads(capsys.readouterr().out)
    assert summary["file"] == str(example_map_path())
    assert summary["positions"] >= 1
    assert summary["supports"] >= 1 and summary["attacks"] >= 1


def test_info_example_text_names_the_file(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["info", "--example"]) == 0
    first = capsys.readouterr().out.splitlines()[0]
    assert first.split(None, 1) == ["File:", str(example_map_path())]


@pytest.mark.parametrize("argv", [["info"], ["info", "--example", "other.debatemap"]])
def test_info_needs_exactly_one_map(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(argv) == 2
    assert "either a MAP file or --example" in capsys.readouterr().err
