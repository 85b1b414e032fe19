"""ICCMA readers and output, checked on the sample corpus with its published solutions."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from shared_data import shared_dir

from mapping.errors import FileFormatError, MappingError
from mapping.semantics.dung import labellings
from mapping.semantics.iccma import (
    format_extensions,
    parse_extensions,
    parse_framework,
    read_framework,
)

SEMANTICS = {"GR": "grounded", "PR": "preferred", "ST": "stable", "CO": "complete"}


def corpus() -> Path:
    folder = shared_dir() / "corpora" / "iccma-sample"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    return folder


def extensions(path: Path, semantics: str) -> set[frozenset[str]]:
    return {frozenset(lab.extension()) for lab in labellings(read_framework(path), semantics)}


def test_every_instance_matches_the_computed_solutions() -> None:
    folder = corpus()
    table = json.loads((folder / "solutions" / "computed_extensions.json").read_text("utf-8"))
    instances = table["instances"]
    on_disk = sorted(p.name for p in folder.iterdir() if p.suffix in {".apx", ".tgf", ".i23"})
    assert sorted(instances) == on_disk
    for name, expected in instances.items():
        path = folder / name
        af = read_framework(path)
        assert af.size == expected["n_args"], name
        assert af.attack_count == expected["n_attacks"], name
        assert extensions(path, "grounded") == {frozenset(expected["grounded"])}, name
        for semantics in ("preferred", "stable", "complete"):
            want = {frozenset(e) for e in expected[semantics]}
            assert extensions(path, semantics) == want, (name, semantics)


def test_probo_solution_files_in_every_format() -> None:
    folder = corpus()
    solutions = sorted((folder / "solutions").glob("*.EE-*"))
    assert len(solutions) == 12
    for solution in solutions:
        instance, code = solution.name.split(".EE-")
        want = {frozenset(e) for e in parse_extensions(solution.read_text("utf-8"), solution.name)}
        stem = Path(instance).stem
        assert extensions(folder / f"{stem}.apx", SEMANTICS[code]) == want, solution.name
        assert extensions(folder / f"{stem}.tgf", SEMANTICS[code]) == want, solution.name
        # The .i23 copies number the arguments; a comment line gives each number's name.
        numbered = folder / f"{stem}.i23"
        comment = next(x for x in numbered.read_text("utf-8").splitlines() if "index ->" in x)
        name_of = dict(pair.split("=") for pair in comment.split(":", 1)[1].split())
        got = extensions(numbered, SEMANTICS[code])
        assert {frozenset(name_of[x] for x in e) for e in got} == want, solution.name


def test_crlf_files_read_like_lf_ones() -> None:
    folder = corpus()
    af = read_framework(folder / "tweety_dung_ex1.apx")
    assert all("\r" not in name for name in af.names)
    twin = read_framework(folder / "tweety_dung_ex1.tgf")
    assert af.names == twin.names and af.attack_names() == twin.attack_names()


def test_output_syntax() -> None:
    assert format_extensions([["a1", "a2"], ["a3"]]) == "[[a1,a2],[a3]]"
    assert format_extensions([[]]) == "[[]]"
    assert format_extensions([]) == "[]"
    for text in ("[[a1,a2],[a3]]", "[[]]", "[]", "[[a2,a5],[],[a1,a3,a4]]"):
        assert format_extensions(parse_extensions(text)) == text


@pytest.mark.parametrize(
    ("fmt", "text", "line", "message"),
    [
        ("apx", "arg(a).\natt(a,b).\n", "line 2", "not declared"),
        ("apx", "arg(a).\nargh(a)\n", "line 2", "expected arg"),
        ("apx", "arg(a).\natt(a).\n", "line 2", "two names"),
        ("tgf", "a\nb\n#\na\n", "line 4", "expected an attack"),
        ("tgf", "a\n#\na c\n", "line 3", "not declared"),
        ("tgf", "a\n#\n#\n", "line 3", "second '#'"),
        ("i23", "1 2\n", "line 1", "p af"),
        ("i23", "p af 2\n1 3\n", "line 2", "outside 1..2"),
        ("i23", "p af 2\n1 x\n", "line 2", "expected an attack"),
        ("i23", "p af two\n", "line 1", "expected 'p af"),
        ("i23", "p af 2\np af 3\n", "line 2", "second p-line"),
    ],
)
def test_bad_input_names_file_and_line(fmt: str, text: str, line: str, message: str) -> None:
    with pytest.raises(FileFormatError, match=message) as caught:
        parse_framework(text, fmt, "bad." + fmt)
    assert str(caught.value).startswith(f"bad.{fmt}: {line}: ")


def test_file_errors(tmp_path: Path) -> None:
    with pytest.raises(MappingError, match="cannot read"):
        read_framework(tmp_path / "missing.apx")
    odd = tmp_path / "x.txt"
    odd.write_text("p af 1\n", "utf-8")
    with pytest.raises(MappingError, match="not an ICCMA framework"):
        read_framework(odd)
    assert read_framework(odd, "i23").names == ("1",)
    binary = tmp_path / "x.apx"
    binary.write_bytes(b"arg(\xff).\n")
    with pytest.raises(MappingError, match="not UTF-8"):
        read_framework(binary)
    assert parse_framework("", "apx").size == 0
    with pytest.raises(MappingError, match="no 'p af"):
        parse_framework("# only a comment\n", "i23", "empty.i23")
