"""Argdown import/export, judged by the reference parser ``@argdown/cli`` 1.7.5.

Import is compared with the JSON the reference CLI wrote for every file of the shared corpora
(``<name>.argdown-cli.json``); export is read back by our importer and, where Node and the CLI are
installed, by the real CLI (see ``argdown_cli`` below for how it is found).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from shared_data import REPO, shared_dir

from mapping.errors import FileFormatError, MappingError
from mapping.formats import argdown
from mapping.formats.argdown_syntax import parse
from mapping.formats.debatemap import load_map
from mapping.formats.registry import find_format
from mapping.model import ArgumentMap

DATA = Path(__file__).resolve().parent / "data" / "argdown"
CORPORA = ("argdown-examples", "argdown-kagan")
CLI_VERSION = "1.7.5"
CLI_CACHE = Path.home() / ".cache" / "debatemap-argdown"


def _corpus_files() -> list[Path]:
    """Every Argdown file of the shared corpora (empty when the shared folder is absent)."""
    root = Path(os.environ.get("DEBATEMAP_SHARED") or REPO.parent / "shared") / "corpora"
    files: list[Path] = []
    for corpus in CORPORA:
        folder = root / corpus
        if folder.is_dir():
            files += sorted(p for p in folder.iterdir() if p.suffix in (".argdown", ".ad"))
    return files


CORPUS_FILES = _corpus_files()
_ABSENT = pytest.param(None, marks=pytest.mark.skip(reason="shared Argdown corpora are absent"))
corpus_params = pytest.mark.parametrize(
    "path", [*CORPUS_FILES] or [_ABSENT], ids=lambda p: p.name if p else "absent"
)


def reference_json(path: Path) -> Path:
    return path.with_name(path.stem + ".argdown-cli.json")


def rejection(path: Path) -> Path:
    return path.with_name(path.stem + ".argdown-cli.errors.txt")


def summary_from_cli_json(data: dict) -> tuple[set[str], set[str], Counter]:
    relations = Counter((r["relationType"], r["from"], r["to"]) for r in data["relations"])
    return set(data["statements"]), set(data["arguments"]), relations


def summary_from_map(argument_map: ArgumentMap) -> tuple[set[str], set[str], Counter]:
    """Statements, arguments and Argdown relations of an imported map, by Argdown title."""
    title = {}
    statements, arguments = set(), set()
    for node in argument_map.nodes.values():
        info = node.data["argdown"]
        title[node.id] = info["title"]
        (arguments if info["type"] == "argument" else statements).add(info["title"])
    relations = Counter()
    for edge in argument_map.edges.values():
        assert edge.origin == "imported"
        info = edge.data["argdown"]
        if "relation" in info:
            relations[(info["relation"], title[edge.source], title[edge.target])] += 1
        else:
            assert info.get("pcs") and edge.relation == "support"
    return statements, arguments, relations


def test_corpora_are_present() -> None:
    for corpus in CORPORA:
        folder = shared_dir() / "corpora" / corpus
        if not folder.is_dir():
            pytest.skip(f"{folder} is absent")
    assert len(CORPUS_FILES) == 43  # 33 examples and test inputs + 10 lecture maps (READMEs)


# --------------------------------------------------------------------------- import
@corpus_params
def test_import_matches_reference_parser(path: Path) -> None:
    errors = rejection(path)
    if errors.exists():
        with pytest.raises(FileFormatError) as caught:
            argdown.read(path)
        message = str(caught.value)
        assert str(path) in message
        found = re.search(r"line (\d+), column (\d+)", message)
        assert found, message
        reported = re.search(r"^At (\d+):(\d+)", errors.read_text(encoding="utf-8"), re.M)
        if reported:  # a syntax error: the same first place the reference reports
            assert found.groups() == reported.groups(), message
        else:  # invalid YAML data: the reference crashes; we name the data's line
            assert "YAML" in message
        return
    expected = summary_from_cli_json(json.loads(reference_json(path).read_text("utf-8")))
    assert summary_from_map(argdown.read(path)) == expected


@corpus_params
def test_relation_counts_by_type_match(path: Path) -> None:
    if rejection(path).exists():
        pytest.skip("the reference parser rejects this file")
    reference = json.loads(reference_json(path).read_text("utf-8"))
    model = parse(path.read_text(encoding="utf-8"))
    assert Counter(r.type for r in model.relations) == Counter(
        r["relationType"] for r in reference["relations"]
    )
    assert len(model.statements) == len(reference["statements"])
    assert len(model.arguments) == len(reference["arguments"])


def test_fixture_matches_the_reference_golden_file() -> None:
    golden = json.loads((DATA / "school-meals.expected.json").read_text("utf-8"))
    expected = (
        set(golden["statements"]),
        set(golden["arguments"]),
        Counter(tuple(r) for r in golden["relations"]),
    )
    assert summary_from_map(argdown.read(DATA / "school-meals.argdown")) == expected


def test_fixture_mapping_details() -> None:
    argument_map = argdown.read(DATA / "school-meals.argdown")
    assert argument_map.title == "Free school meals"
    by_title = {n.data["argdown"]["title"]: n for n in argument_map.nodes.values()}
    meals = by_title["Free Meals"]
    assert meals.kind == "claim" and meals.label == "Free Meals"
    assert meals.text == "Every pupil should get a free lunch at school."  # tags taken out
    assert set(meals.tags) == {"proposal", "policy idea", "Proposal"}  # + its heading as group
    focus = by_title["Focus"]
    assert focus.data["argdown"]["type"] == "argument"
    assert focus.text == "Children who have eaten learn better in the afternoon."
    assert [e["role"] for e in focus.data["argdown"]["pcs"]] == [
        "premise",
        "premise",
        "intermediary-conclusion",
        "premise",
        "main-conclusion",
    ]
    assert focus.data["argdown"]["pcs"][2]["rules"] == ["Modus ponens", "generalisation"]
    assert by_title["Cost"].data["argdown"]["data"] == {"source": "council report"}
    remark = by_title["Untitled 3"]
    assert remark.label == "" and remark.data["argdown"]["untitled"]
    assert remark.text == (
        "An untitled remark with escaped [brackets], a #hash and a mention of @[Free Meals]."
    )
    relation_of = {
        (e.data["argdown"].get("relation"), e.relation)
        for e in argument_map.edges.values()
        if "relation" in e.data["argdown"]
    }
    assert relation_of == {
        ("support", "support"),
        ("attack", "attack"),
        ("undercut", "attack"),
        ("contradictory", "attack"),
    }
    # Premises support the conclusion of their inference step; the argument its conclusion.
    pcs = {
        (by_id.data["argdown"]["title"], argument_map.node(e.target).data["argdown"]["title"])
        for e in argument_map.edges.values()
        if e.data["argdown"].get("pcs") == "Focus"
        for by_id in [argument_map.node(e.source)]
    }
    assert pcs == {
        ("Hunger Hurts", "Afternoon Learning"),
        ("Untitled 1", "Afternoon Learning"),
        ("Afternoon Learning", "Free Meals"),
        ("Untitled 2", "Free Meals"),
        ("Focus", "Free Meals"),
    }
    sections = argument_map.settings["argdown"]["sections"]
    assert [(s["title"], s["level"], s.get("parent")) for s in sections] == [
        ("Proposal", 1, None),
        ("Reconstructions", 2, "s1"),
        ("Side remarks", 1, None),
    ]


def test_windows_line_endings_read_the_same(tmp_path: Path) -> None:
    text = (DATA / "school-meals.argdown").read_text(encoding="utf-8")
    crlf = tmp_path / "crlf.argdown"
    crlf.write_bytes(text.replace("\n", "\r\n").encode("utf-8"))
    assert b"\r\n" in crlf.read_bytes()
    assert summary_from_map(argdown.read(crlf)) == summary_from_map(
        argdown.read(DATA / "school-meals.argdown")
    )


def test_registry_finds_argdown_by_extension() -> None:
    for name in ("map.argdown", "lecture.AD"):
        assert find_format(path=name, reading=True).name == "argdown"
        assert find_format(path=name, reading=False).module == "mapping.formats.argdown"


# --------------------------------------------------------------------------- bad input
@pytest.mark.parametrize(
    ("text", "line", "column"),
    [
        ("[A]: fine\n\n  + b\n", 3, 1),  # a paragraph may not start with a relation
        ("A\n+ B\n", 2, 1),  # a relation needs indentation
        ("(1) P\n(2) Q\n", 2, 6),  # premises without an inference and conclusion
        ("[A]: x {a: [1, 2}\n", 1, 17),  # invalid YAML data
        ("===\ntitle: [unclosed\n===\n\nA\n", 3, 1),  # invalid front matter
        ("A _italic never closed\n", 1, 23),
    ],
)  # the syntax errors' places are those @argdown/cli 1.7.5 reports for the same text
def test_bad_input_names_file_line_and_column(
    tmp_path: Path, text: str, line: int, column: int
) -> None:
    path = tmp_path / "bad.argdown"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(MappingError) as caught:
        argdown.read(path)
    message = str(caught.value)
    assert message.startswith(str(path)), message
    assert f"line {line}, column {column}" in message, message


def test_bad_bytes_and_missing_files_are_mapping_errors(tmp_path: Path) -> None:
    latin = tmp_path / "latin.argdown"
    latin.write_bytes("[A]: caf\xe9\n".encode("latin-1"))
    with pytest.raises(FileFormatError, match="not UTF-8"):
        argdown.read(latin)
    with pytest.raises(FileFormatError, match=r"absent\.argdown: No such file"):
        argdown.read(tmp_path / "absent.argdown")


def test_failed_import_through_convert_writes_nothing(tmp_path: Path) -> None:
    from mapping.cli import main

    source = tmp_path / "bad.argdown"
    source.write_text("[A]: ok\n  + [B]: fine\n+ [C]\n", encoding="utf-8")
    target = tmp_path / "out.debatemap"
    assert main(["convert", str(source), str(target)]) == 2
    assert not target.exists()


# --------------------------------------------------------------------------- export
def export_and_reparse(argument_map: ArgumentMap, tmp_path: Path) -> ArgumentMap:
    path = tmp_path / "export.argdown"
    argdown.write(argument_map, path)
    return argdown.read(path)


@corpus_params
def test_export_reads_back_the_same(path: Path, tmp_path: Path) -> None:
    if rejection(path).exists():
        pytest.skip("the reference parser rejects this file")
    original = argdown.read(path)
    again = export_and_reparse(original, tmp_path)
    assert summary_from_map(again) == summary_from_map(original)
    texts = {n.data["argdown"]["title"]: n.text for n in original.nodes.values()}
    assert {n.data["argdown"]["title"]: n.text for n in again.nodes.values()} == texts


def test_escaping_survives_a_round_trip(tmp_path: Path) -> None:
    argument_map = ArgumentMap("Escapes")
    nasty = (
        "Costs [1] rise by 3.5% <per year> // see http://example.org/x.y *not bold* "
        "_nor italic_ #nottag {not: data} === @home e.g. a:b (1) + - <!-- no comment -->"
    )
    claim = argument_map.add_node(label="Nasty [text]", text=nasty)
    other = argument_map.add_node(label="-Leading dash", text="Short.", kind="position")
    argument_map.add_edge(claim.id, other.id, "attack")
    again = export_and_reparse(argument_map, tmp_path)
    nodes = list(again.nodes.values())
    assert [n.text for n in nodes] == [nasty, "Short."]
    assert [n.kind for n in nodes] == ["claim", "position"]
    [edge] = again.edges.values()
    assert (edge.source, edge.target, edge.relation) == (nodes[0].id, nodes[1].id, "attack")


def test_bundled_example_exports(tmp_path: Path) -> None:
    example = load_map(REPO / "resources" / "examples" / "iran-debate.debatemap")
    again = export_and_reparse(example, tmp_path)
    assert len(again.nodes) == len(example.nodes)
    assert Counter(e.relation for e in again.edges.values()) == Counter(
        e.relation for e in example.edges.values() if e.relation != "rephrase"
    )
    assert Counter(n.kind for n in again.nodes.values()) == Counter(
        n.kind for n in example.nodes.values()
    )


def test_empty_map_exports_without_error(tmp_path: Path) -> None:
    path = tmp_path / "empty.argdown"
    argdown.write(ArgumentMap(), path)
    assert len(argdown.read(path).nodes) == 0


# --------------------------------------------------------------------------- the real CLI
def argdown_cli() -> list[str]:
    """The command that runs ``@argdown/cli`` 1.7.5, or skip saying how to install it.

    Looked for in $DEBATEMAP_ARGDOWN_CLI, then in the cache folder that
    ``npm install --prefix ~/.cache/debatemap-argdown @argdown/cli@1.7.5`` fills.
    """
    if shutil.which("node") is None:
        pytest.skip("Node.js is not installed, so the reference Argdown CLI cannot run")
    candidates = [os.environ.get("DEBATEMAP_ARGDOWN_CLI", "")]
    candidates.append(str(CLI_CACHE / "node_modules" / ".bin" / "argdown"))
    for candidate in candidates:
        if candidate and Path(candidate).is_file():
            package = Path(candidate).resolve().parents[1] / "package.json"
            if package.is_file():
                version = json.loads(package.read_text("utf-8")).get("version")
                if version != CLI_VERSION:
                    pytest.skip(f"{candidate} is @argdown/cli {version}, not {CLI_VERSION}")
            return [candidate]
    pytest.skip(
        "@argdown/cli is not installed: run "
        f"npm install --prefix {CLI_CACHE} @argdown/cli@{CLI_VERSION}"
    )
    raise AssertionError  # unreachable


def run_cli(files: list[Path], out: Path) -> dict[str, dict]:
    """JSON the reference CLI produces for ``files`` (by stem); fails on any syntax error."""
    folder = files[0].parent
    result = subprocess.run(
        [*argdown_cli(), "json", str(folder / "*.argdown"), str(out)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower(), result.stdout
    produced = {p.stem: json.loads(p.read_text("utf-8")) for p in out.glob("*.json")}
    assert set(produced) == {f.stem for f in files}, result.stdout
    return produced


@pytest.fixture(scope="module")
def exported_corpus(tmp_path_factory: pytest.TempPathFactory) -> dict[str, tuple[Path, Path]]:
    """Every accepted corpus file exported by us, as name → (original, export)."""
    folder = tmp_path_factory.mktemp("argdown-export")
    exported = {}
    for index, path in enumerate(p for p in CORPUS_FILES if not rejection(p).exists()):
        target = folder / f"corpus{index:02d}.argdown"
        argdown.write(argdown.read(path), target)
        exported[target.stem] = (path, target)
    return exported


def test_reference_cli_reads_our_exports(
    exported_corpus: dict[str, tuple[Path, Path]], tmp_path: Path
) -> None:
    argdown_cli()
    if not exported_corpus:
        pytest.skip("shared Argdown corpora are absent")
    produced = run_cli([target for _, target in exported_corpus.values()], tmp_path / "json")
    for stem, (original, _) in exported_corpus.items():
        expected = summary_from_cli_json(json.loads(reference_json(original).read_text("utf-8")))
        assert summary_from_cli_json(produced[stem]) == expected, original.name


def test_reference_cli_reads_fixture_and_example_exports(tmp_path: Path) -> None:
    argdown_cli()
    folder = tmp_path / "exports"
    folder.mkdir()
    fixture = argdown.read(DATA / "school-meals.argdown")
    argdown.write(fixture, folder / "fixture.argdown")
    example = load_map(REPO / "resources" / "examples" / "iran-debate.debatemap")
    argdown.write(example, folder / "example.argdown")
    shutil.copy(DATA / "school-meals.argdown", folder / "original.argdown")
    produced = run_cli(sorted(folder.glob("*.argdown")), tmp_path / "json")
    golden = json.loads((DATA / "school-meals.expected.json").read_text("utf-8"))
    assert summary_from_cli_json(produced["original"]) == (
        set(golden["statements"]),
        set(golden["arguments"]),
        Counter(tuple(r) for r in golden["relations"]),
    )
    assert summary_from_cli_json(produced["fixture"]) == summary_from_map(fixture)
    statements, arguments, relations = summary_from_cli_json(produced["example"])
    assert (len(statements), len(arguments)) == (len(example.nodes), 0)
    assert Counter(kind for kind, _, _ in relations) == Counter(
        e.relation for e in example.edges.values() if e.relation != "rephrase"
    )
