"""The .debatemap file: round trips, atomic saves and a clear error for every kind of bad file."""

import json
import os

import pytest

from mapping.errors import FileFormatError
from mapping.formats.debatemap import (
    backup_path,
    load_map,
    loads,
    map_to_dict,
    save_map,
)
from mapping.model import ArgumentMap, Document
from mapping.resources import example_map_path


def _sample() -> ArgumentMap:
    m = ArgumentMap('A "quoted" <title> {with} \\ odd characters')
    m.add_document(
        Document.from_text(
            "d1",
            "op-ed.txt",
            "Héllo wörld 🌍. Second sentence here.",
            {"author": "Ann", "date": "2026-01-15"},
        )
    )
    m.add_document(Document("d2", "remote.txt", None, "ab" * 32, {}))
    m.add_node(
        id="p1",
        kind="position",
        label="Peace\nnow",
        sources=[("d1", 0, 14)],
        x=1.5,
        y=-2,
        tags=["war", "peace"],
        color="#0072B2",
        pinned=True,
        base_score=0.7,
    )
    m.add_node(
        id="c1",
        label="שלום ومرحبا",
        speaker="Bob",
        sources=[("d2", 100, 200)],
        note="<script>alert(1)</script>",
        data={"argdown": {"title": "T"}},
    )
    m.add_edge("c1", "p1", "attack", id="e1", origin="seeded", confidence=0.4, reason="cue 'But'")
    m.add_edge("p1", "c1", "rephrase", id="e2")
    from mapping.model import SetMapSetting

    m.execute(SetMapSetting("presentation", {"steps": [["p1"], ["c1"]]}))
    return m


def test_round_trip_keeps_everything(tmp_path):
    original = _sample()
    path = tmp_path / "map.debatemap"
    save_map(original, path)
    loaded = load_map(path)
    assert loaded == original
    assert map_to_dict(loaded) == map_to_dict(original)
    data = json.loads(path.read_text(encoding="utf-8"))
    assert data["format"] == "debatemap" and data["version"] == 1
    assert data["nodes"][0]["sources"] == [{"document": "d1", "start": 0, "end": 14}]
    assert data["documents"][1]["text"] is None
    assert data["presentation"] == {"steps": [["p1"], ["c1"]]}


def test_unknown_fields_are_kept_not_dropped(tmp_path):
    data = map_to_dict(_sample())
    data["nodes"][0]["future_field"] = {"x": 1}
    loaded = loads(json.dumps(data).encode())
    assert loaded.node("p1").data["future_field"] == {"x": 1}


def test_the_bundled_example_loads_and_cites_the_seeds():
    m = load_map(example_map_path())
    kinds = [n.kind for n in m.nodes.values()]
    assert kinds.count("position") == 4 and kinds.count("claim") >= 10
    assert {d.name for d in m.documents.values()} == {
        "000_ea3730e8c33226df.txt",
        "003_6d79bdea85baf80a.txt",
    }
    assert all(d.text is None and len(d.sha256) == 64 for d in m.documents.values())
    assert all(n.sources for n in m.nodes.values())
    labels = " ".join(n.label.lower() for n in m.nodes.values() if n.kind == "position")
    for words in ("enemy of my enemy", "independent unions", "colour revolution", "anti-war"):
        assert words in labels


def test_the_example_spans_fit_the_seed_documents():
    from shared_data import seeds_dir

    from mapping.model import text_sha256

    m = load_map(example_map_path())
    for document in m.documents.values():
        text = (seeds_dir() / document.name).read_bytes().decode("utf-8")
        assert text_sha256(text) == document.sha256
        for node in m.nodes_citing(document.id):
            span = next(s for s in node.sources if s.document == document.id)
            quoted = text[span.start : span.end]
            assert span.end <= len(text) and quoted.strip() == quoted and len(quoted) > 10


def test_save_is_atomic_and_keeps_a_backup(tmp_path):
    path = tmp_path / "map.debatemap"
    first = _sample()
    save_map(first, path)
    first_bytes = path.read_bytes()
    first.change_node("p1", label="Changed")
    save_map(first, path)
    assert backup_path(path).read_bytes() == first_bytes
    assert load_map(path).node("p1").label == "Changed"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["map.debatemap", "map.debatemap.bak"]


def test_failed_save_leaves_the_old_file(tmp_path, monkeypatch):
    path = tmp_path / "map.debatemap"
    save_map(_sample(), path)
    before = path.read_bytes()

    def broken_fsync(fd):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", broken_fsync)
    changed = _sample()
    changed.change_node("p1", label="Never saved")
    with pytest.raises(
        FileFormatError, match=r"No space left on device.*previous file is unchanged"
    ):
        save_map(changed, path)
    assert path.read_bytes() == before
    assert not [p for p in tmp_path.iterdir() if p.suffix == ".tmp"]


def test_save_into_a_missing_folder_says_so(tmp_path):
    with pytest.raises(FileFormatError, match="cannot save here"):
        save_map(_sample(), tmp_path / "missing" / "map.debatemap")


def _valid() -> dict:
    return map_to_dict(_sample())


def _mutated(change) -> bytes:
    data = _valid()
    change(data)
    return json.dumps(data).encode()


BAD_FILES = {
    "empty": (b"", "the file is empty"),
    "whitespace": (b"  \n ", "the file is empty"),
    "not json": (b"{nodes: [}", "line 1, column 2: not valid JSON"),
    "binary": (bytes(range(256)) * 4, "binary file"),
    "latin-1": ('{"title": "caf\xe9"}'.encode("latin-1"), "line 1, column 15: not UTF-8"),
    "utf-16": ('{"format": "debatemap"}'.encode("utf-16"), "UTF-16"),
    "array": (b"[1, 2]", "\\(top level\\): expected an object, found a list"),
    "wrong format": (
        b'{"format": "aif", "version": 1}',
        'format: expected "debatemap", found "aif"',
    ),
    "no format": (b'{"version": 1}', "no format field"),
    "newer version": (
        b'{"format": "debatemap", "version": 7}',
        "version: the file was written by a newer DebateMap \\(format version 7\\)",
    ),
    "version as text": (
        b'{"format": "debatemap", "version": "1"}',
        "version: expected a whole number",
    ),
    "dangling edge": (
        _mutated(lambda d: d["edges"][0].update(target="ghost")),
        'edges\\[0\\].target: there is no node "ghost"',
    ),
    "span out of range": (
        _mutated(lambda d: d["nodes"][0]["sources"][0].update(end=99999)),
        'nodes\\[0\\].sources\\[0\\].end: 99999 is past the end of document "d1" \\(36 characters\\)',
    ),
    "reversed span": (
        _mutated(lambda d: d["nodes"][0]["sources"][0].update(start=9, end=3)),
        "nodes\\[0\\].sources\\[0\\]: start 9 and end 3 do not make a span",
    ),
    "duplicate node id": (
        _mutated(lambda d: d["nodes"][1].update(id="p1")),
        'nodes\\[1\\].id: "p1" is used twice \\(also nodes\\[0\\]\\)',
    ),
    "edge id reusing a node id": (
        _mutated(lambda d: d["edges"][0].update(id="c1")),
        'edges\\[0\\].id: "c1" is used twice \\(also nodes\\[1\\]\\)',
    ),
    "duplicate document": (
        _mutated(lambda d: d["documents"][1].update(id="d1")),
        'documents\\[1\\].id: "d1" is used twice',
    ),
    "unknown document": (
        _mutated(lambda d: d["nodes"][0]["sources"][0].update(document="d7")),
        'nodes\\[0\\].sources\\[0\\].document: there is no document "d7"',
    ),
    "self loop": (
        _mutated(lambda d: d["edges"][0].update(source="p1", target="p1")),
        "edges\\[0\\]: .*itself",
    ),
    "bad relation": (
        _mutated(lambda d: d["edges"][0].update(relation="agrees")),
        'edges\\[0\\].relation: "agrees" is not one of support, attack, rephrase',
    ),
    "bad kind": (
        _mutated(lambda d: d["nodes"][0].update(kind="opinion")),
        'nodes\\[0\\].kind: "opinion" is not one of',
    ),
    "label not text": (
        _mutated(lambda d: d["nodes"][1].update(label=["x"])),
        "nodes\\[1\\].label: expected text, found a list",
    ),
    "x not a number": (
        _mutated(lambda d: d["nodes"][1].update(x="left")),
        'nodes\\[1\\].x: expected a number, found text "left"',
    ),
    "confidence out of range": (
        _mutated(lambda d: d["edges"][0].update(confidence=3)),
        "edges\\[0\\].confidence: 3 is not between 0 and 1",
    ),
    "missing id": (
        _mutated(lambda d: d["nodes"][0].pop("id")),
        'nodes\\[0\\]: the field "id" is missing',
    ),
    "tampered text": (
        _mutated(lambda d: d["documents"][0].update(text="Other text, same length........!!")),
        "documents\\[0\\].sha256: does not match the text",
    ),
    "deep nesting": (
        b'{"format": "debatemap", "version": 1, "x": ' + b"[" * 100000 + b"]" * 100000 + b"}",
        "nested too deeply",
    ),
}


@pytest.mark.parametrize("case", BAD_FILES, ids=list(BAD_FILES))
def test_bad_files_get_a_clear_error_naming_file_and_place(tmp_path, case):
    content, message = BAD_FILES[case]
    path = tmp_path / "map.debatemap"
    path.write_bytes(content)
    with pytest.raises(FileFormatError, match=message) as caught:
        load_map(path)
    assert str(caught.value).startswith(str(path))
    assert "\n" not in str(caught.value)


def test_a_utf8_bom_is_accepted(tmp_path):
    path = tmp_path / "bom.debatemap"
    path.write_bytes(b"\xef\xbb\xbf" + json.dumps(_valid()).encode())
    assert load_map(path) == _sample()


def test_a_huge_file_is_refused_before_reading(tmp_path):
    path = tmp_path / "huge.debatemap"
    with path.open("wb") as stream:
        stream.truncate(50 * 1024 * 1024)
    with pytest.raises(
        FileFormatError, match=r"the file is 52\.4 MB; DebateMap reads maps of up to 34 MB"
    ):
        load_map(path)


def test_a_missing_file_names_itself(tmp_path):
    with pytest.raises(FileFormatError, match=r"nope\.debatemap: No such file"):
        load_map(tmp_path / "nope.debatemap")
