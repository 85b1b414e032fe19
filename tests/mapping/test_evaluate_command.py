"""``debatemap evaluate`` as a user runs it: maps, ICCMA files, JSON and errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_data import shared_dir

from mapping.cli import main
from mapping.formats.debatemap import save_map
from mapping.model import ArgumentMap
from mapping.semantics.iccma import parse_extensions


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["evaluate", *argv])
    captured = capsys.readouterr()
    return code, captured.out, captured.err


@pytest.fixture
def small_map(tmp_path: Path) -> Path:
    m = ArgumentMap("Small")
    m.add_node(id="p1", kind="position", label="Build the bridge")
    m.add_node(id="c1", kind="claim", label="It costs too much")
    m.add_node(id="c2", kind="claim", label="The budget has room")
    m.add_node(id="q1", kind="question", label="Who pays?")
    m.add_edge("c1", "p1", "attack")
    m.add_edge("c2", "c1", "attack")
    path = tmp_path / "small.debatemap"
    save_map(m, path)
    return path


def test_map_table(capsys: pytest.CaptureFixture[str], small_map: Path) -> None:
    code, out, _ = run(capsys, str(small_map), "--semantics", "grounded")
    assert code == 0
    lines = out.splitlines()
    header = next(line for line in lines if line.startswith("id"))
    assert header.split() == ["id", "kind", "label", "result"]
    rows = {line.split()[0]: line.split()[-1] for line in lines if line.split()[0] in {"p1", "c1"}}
    assert rows == {"p1": "IN", "c1": "OUT"}
    assert "q1" in lines[-1]  # the question is listed as not evaluated


def test_map_what_if_and_json(capsys: pytest.CaptureFixture[str], small_map: Path) -> None:
    code, out, _ = run(capsys, str(small_map), "--reject", "c2", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["labellings"] == [{"p1": "OUT", "c1": "IN", "c2": "OUT"}]
    assert data["assumed"] == {"c2": "OUT"} and data["kinds"]["p1"] == "position"
    code, out, _ = run(capsys, str(small_map), "-s", "dfquad", "--json")
    assert json.loads(out)["strengths"]["c1"] == pytest.approx(0.25)


def test_map_with_several_extensions(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    m = ArgumentMap()
    m.add_node(id="a", kind="position")
    m.add_node(id="b", kind="position")
    m.add_edge("a", "b", "attack")
    m.add_edge("b", "a", "attack")
    save_map(m, tmp_path / "two.debatemap")
    code, out, _ = run(capsys, str(tmp_path / "two.debatemap"), "-s", "preferred")
    assert code == 0 and "2 extensions" in out
    header = next(line for line in out.splitlines() if line.startswith("id"))
    assert header.split() == ["id", "kind", "label", "1", "2", "sceptical"]


def test_iccma_output_matches_the_solution_files(capsys: pytest.CaptureFixture[str]) -> None:
    folder = shared_dir() / "corpora" / "iccma-sample"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    codes = {"GR": "grounded", "PR": "preferred", "ST": "stable", "CO": "complete"}
    for solution in sorted((folder / "solutions").glob("*.EE-*")):
        instance, code = solution.name.split(".EE-")
        exit_code, out, _ = run(capsys, str(folder / instance), "--semantics", codes[code])
        assert exit_code == 0
        got = {frozenset(e) for e in parse_extensions(out)}
        assert got == {frozenset(e) for e in parse_extensions(solution.read_text("utf-8"))}
        exit_code, out, _ = run(capsys, str(folder / instance), "-s", codes[code], "--json")
        assert {frozenset(e) for e in json.loads(out)["extensions"]} == got


def test_iccma_empty_and_none(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    odd = tmp_path / "odd.apx"
    odd.write_text("arg(a).\narg(b).\narg(c).\natt(a,b).\natt(b,c).\natt(c,a).\n", "utf-8")
    assert run(capsys, str(odd), "-s", "grounded")[1].strip() == "[[]]"
    assert run(capsys, str(odd), "-s", "stable")[1].strip() == "[]"
    assert json.loads(run(capsys, str(odd), "-s", "stable", "--json")[1]) == {"extensions": []}
    assert run(capsys, str(odd), "-s", "grounded", "--accept", "a")[1].strip() == "[[a,c]]"


def test_errors_are_one_line(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    bad = tmp_path / "bad.tgf"
    bad.write_text("a\n#\na b\n", "utf-8")
    code, out, err = run(capsys, str(bad))
    assert code == 2 and out == ""
    assert (
        err.strip()
        == f"debatemap: error: {bad}: line 3: attack names argument 'b', which is not declared"
    )
    good = tmp_path / "good.tgf"
    good.write_text("a\n", "utf-8")
    code, _, err = run(capsys, str(good), "--accept", "zz")
    assert code == 2 and "no argument named 'zz'" in err and len(err.splitlines()) == 1
    code, _, err = run(capsys, str(good), "--accept", "a", "--reject", "a")
    assert code == 2 and "both accepted and rejected" in err
