"""AIF JSON and OVA3: the shared corpus, round trips, odd graph shapes and bad input."""

from __future__ import annotations

import json
import re
from collections import Counter, defaultdict
from pathlib import Path

import pytest
from shared_data import shared_dir

from mapping.errors import FileFormatError, MappingError
from mapping.formats import aif
from mapping.formats.debatemap import load_map, map_to_dict
from mapping.model import ArgumentMap

DATA = Path(__file__).resolve().parent / "data"
REPO = Path(__file__).resolve().parents[2]
RELATION = {"RA": "support", "CA": "attack", "MA": "rephrase"}


def corpus() -> Path:
    path = shared_dir() / "corpora" / "aif-examples"
    if not path.is_dir():
        pytest.skip(f"AIF corpus {path} is absent")
    return path


def readme_counts() -> dict[str, dict[str, int]]:
    """Per-file node counts from the corpus README tables (an oracle independent of our code)."""
    counts: dict[str, dict[str, int]] = {}
    header: list[str] = []
    for line in (corpus() / "README.md").read_text(encoding="utf-8").splitlines():
        if not line.startswith("|"):
            header = []
            continue
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if cells[0] == "file":
            header = cells
        elif header and cells[0].startswith("`"):
            row = dict(zip(header, cells, strict=True))
            counts[cells[0].strip("`")] = {
                k: int(row[k]) for k in ("I", "RA", "CA", "MA", "L", "YA", "TA", "PA", "edges")
            }
    return counts


def corpus_files() -> list[Path]:
    return sorted(corpus().glob("*/*.json"))


def test_the_readme_lists_every_corpus_file() -> None:
    files = corpus_files()
    assert len(files) == 62
    assert {f.name for f in files} == set(readme_counts())


def _snodes_by_type(argument_map: ArgumentMap) -> dict[str, set[str]]:
    found: dict[str, set[str]] = defaultdict(set)
    for edge in argument_map.edges.values():
        extra = edge.data["aif"]
        assert RELATION[extra["type"]] == edge.relation
        found[extra["type"]].add(extra["snode"])
    return found


@pytest.mark.parametrize("folder", ["carneades-4", "dialam-2024-shared-task", "arguebuf-python"])
def test_every_file_imports_with_every_ra_ca_ma_accounted_for(folder: str) -> None:
    counts = readme_counts()
    files = sorted((corpus() / folder).glob("*.json"))
    assert files
    for path in files:
        expected = counts[path.name]
        argument_map = aif.read(path)
        claims = [n for n in argument_map.nodes.values() if "type" not in n.data["aif"]]
        assert len(claims) == expected["I"], path.name
        found = _snodes_by_type(argument_map)
        unlinked = argument_map.settings["aif"].get("unlinked", [])
        for kind in ("RA", "CA", "MA"):
            assert (
                len(found[kind]) + sum(1 for s in unlinked if s in found[kind]) == expected[kind]
            ), (path.name, kind)
        assert not unlinked, path.name
        relations = Counter(e.relation for e in argument_map.edges.values())
        assert relations["support"] >= expected["RA"]
        assert relations["attack"] >= expected["CA"]
        assert relations["rephrase"] == expected["MA"] or expected["MA"] == 0
        # every AIF node is a claim, an S-node behind edges, or kept in the dialogue layer
        kept = {n["nodeID"] for n in argument_map.settings["aif"]["nodes"]}
        snodes = set().union(*found.values()) if found else set()
        total = sum(expected[k] for k in ("I", "RA", "CA", "MA", "L", "YA", "TA", "PA"))
        assert len(kept) + len(snodes) + len(argument_map.nodes) == total, path.name
        if expected["L"]:
            asserted = [n for n in claims if n.data["aif"].get("locutions")]
            assert asserted and all(n.speaker for n in asserted), path.name
            orders = [n.data["aif"]["order"] for n in asserted]
            assert len(set(orders)) == len(orders), path.name


def test_speakers_and_order_of_a_carneades_dialogue() -> None:
    argument_map = aif.read(corpus() / "carneades-4" / "nodeset127.json")
    by_text = {n.text: n for n in argument_map.nodes.values()}
    assert by_text["semesterisation is a good idea"].speaker == "VCBrown"
    assert by_text["should be avoided at all costs"].speaker == "Speaker"
    first = min(argument_map.nodes.values(), key=lambda n: n.data["aif"]["order"])
    assert first.text == "semesterisation is a good idea"


def test_a_locution_used_as_a_premise_becomes_a_claim() -> None:
    """test_map1 has an RA whose only premise is an L-node; the inference must not vanish."""
    argument_map = aif.read(corpus() / "dialam-2024-shared-task" / "test_map1.json")
    promoted = [n for n in argument_map.nodes.values() if n.data["aif"].get("type") == "L"]
    assert [n.id for n in promoted] == ["160_163907070207948843"]
    assert argument_map.out_edges(promoted[0].id)[0].relation == "support"


def test_counts_agree_with_arguebuf() -> None:
    """arguebuf (dev-only) reads the same files; its atoms and S-node wiring must match ours."""
    arguebuf = pytest.importorskip("arguebuf")
    for path in corpus_files():
        theirs = arguebuf.load.aif(json.loads(path.read_text(encoding="utf-8")))
        ours = aif.read(path)
        claims = {n.id for n in ours.nodes.values() if "type" not in n.data["aif"]}
        assert claims == set(theirs.atom_nodes), path.name
        expected: Counter[str] = Counter()
        for scheme_id in theirs.scheme_nodes:
            sources = [n.id for n in theirs.incoming_nodes(scheme_id) if n.id in theirs.atom_nodes]
            targets = [n.id for n in theirs.outgoing_nodes(scheme_id) if n.id in theirs.atom_nodes]
            expected[scheme_id] = sum(1 for s in sources for t in targets if s != t)
        got = Counter(
            e.data["aif"]["snode"]
            for e in ours.edges.values()
            if e.source in claims and e.target in claims
        )
        assert got == +expected, path.name


def _essence(argument_map: ArgumentMap) -> tuple[set, set, dict]:
    claims = {(n.id, n.text) for n in argument_map.nodes.values()}
    relations = {(e.source, e.target, e.relation) for e in argument_map.edges.values()}
    speakers = {n.id: n.speaker for n in argument_map.nodes.values()}
    return claims, relations, speakers


def _without_timestamps(value: object) -> object:
    if isinstance(value, dict):
        return {k: _without_timestamps(v) for k, v in value.items() if k != "timestamp"}
    if isinstance(value, list):
        return [_without_timestamps(v) for v in value]
    return value


@pytest.mark.parametrize("writer", [aif.write, aif.write_ova], ids=["aif", "ova"])
def test_export_then_import_keeps_every_corpus_map(writer, tmp_path: Path) -> None:
    for path in corpus_files():
        before = aif.read(path)
        out = tmp_path / "out.json"
        writer(before, out)
        after = aif.read(out)
        assert _essence(after) == _essence(before), path.name
        old, new = map_to_dict(before), map_to_dict(after)
        for key in ("nodes", "edges"):  # everything else too, except filled-in timestamps
            assert _without_timestamps(new[key]) == _without_timestamps(old[key]), path.name
        raw = json.loads(out.read_text(encoding="utf-8"))
        graph = raw.get("AIF", raw)
        assert all(isinstance(n["nodeID"], str) and n["type"] for n in graph["nodes"])
        assert all(isinstance(e["edgeID"], str) for e in graph["edges"])
        stamp = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$")
        assert all(stamp.match(n["timestamp"]) for n in graph["nodes"] if "timestamp" in n)


def test_a_native_map_survives_aif_and_ova(tmp_path: Path) -> None:
    before = load_map(REPO / "resources" / "examples" / "iran-debate.debatemap")
    for writer in (aif.write, aif.write_ova):
        out = tmp_path / "iran.json"
        writer(before, out)
        after = aif.read(out)
        old, new = map_to_dict(before), map_to_dict(after)
        for record in [*new["nodes"], *new["edges"]]:
            record.get("data", {}).pop("aif", None)
            if record.get("data") == {}:
                del record["data"]
        assert new["nodes"] == old["nodes"]
        assert new["edges"] == old["edges"]
        assert new["documents"] == old["documents"]
        assert after.title == before.title


def test_export_writes_default_schemes_and_locutions(tmp_path: Path) -> None:
    argument_map = ArgumentMap("Library hours")
    argument_map.add_node("a", text="Open the library on Sundays", speaker="Ana Ruiz")
    argument_map.add_node("b", text="Students need a quiet place", speaker="Ana Ruiz")
    argument_map.add_node("c", text="It costs too much", speaker="Ben Okafor")
    argument_map.add_node("d", text="The library should open on Sundays")
    argument_map.add_edge("b", "a", "support", id="e1")
    argument_map.add_edge("c", "a", "attack", id="e2")
    argument_map.add_edge("d", "a", "rephrase", id="e3")
    out = tmp_path / "library.json"
    aif.write(argument_map, out)
    graph = json.loads(out.read_text(encoding="utf-8"))
    schemes = {n["nodeID"]: (n["type"], n["text"], n["schemeID"]) for n in graph["nodes"]
               if n["type"] in ("RA", "CA", "MA")}  # fmt: skip
    assert schemes == {
        "e1": ("RA", "Default Inference", "72"),
        "e2": ("CA", "Default Conflict", "71"),
        "e3": ("MA", "Default Rephrase", "144"),
    }
    people = {p["participantID"]: f"{p['firstname']} {p['surname']}" for p in graph["participants"]}
    speaker_of = {x["nodeID"]: people[x["personID"]] for x in graph["locutions"]}
    assert sorted(speaker_of.values()) == ["Ana Ruiz", "Ana Ruiz", "Ben Okafor"]
    types = Counter(n["type"] for n in graph["nodes"])
    assert types == {"I": 4, "L": 3, "YA": 3, "TA": 2, "RA": 1, "CA": 1, "MA": 1}
    again = aif.read(out)
    assert _essence(again) == _essence(argument_map)


def test_changed_speaker_replaces_the_old_locution(tmp_path: Path) -> None:
    argument_map = aif.read(corpus() / "carneades-4" / "nodeset127.json")
    node = next(n for n in argument_map.nodes.values() if n.speaker == "Speaker")
    argument_map.change_node(node.id, speaker="Dr Grey")
    out = tmp_path / "changed.json"
    aif.write(argument_map, out)
    assert aif.read(out).node(node.id).speaker == "Dr Grey"


def test_ova_file_gives_coordinates_text_and_spans() -> None:
    argument_map = aif.read(DATA / "townhall.ova.json")
    assert len(argument_map.nodes) == 3
    claim = argument_map.node("1")
    assert (claim.x, claim.y) == (400.0, 100.0)
    assert argument_map.node("9").y == 350.0  # OVA wrote it as a string
    assert claim.speaker == "Ana Ruiz" and argument_map.node("9").speaker == "Ben Okafor"
    document = next(iter(argument_map.documents.values()))
    assert "Town hall, 3 May." in document.text and "&amp;" not in document.text
    assert document.metadata["url"] == "https://example.org/townhall"
    for node_id, wanted in (
        ("1", "The library should open on Sundays."),  # from OVA's highlight
        ("9", "Sunday staff would cost more than the budget allows"),  # found in the text
    ):
        (span,) = argument_map.node(node_id).sources
        assert document.text[span.start : span.end] == wanted
    relations = {(e.source, e.target, e.relation) for e in argument_map.edges.values()}
    assert relations == {("4", "1", "support"), ("9", "1", "attack")}
    orders = {n.id: n.data["aif"]["order"] for n in argument_map.nodes.values()}
    assert orders["1"] < orders["4"] < orders["9"]


def test_ova_export_keeps_coordinates_and_highlights(tmp_path: Path) -> None:
    argument_map = aif.read(DATA / "townhall.ova.json")
    argument_map.change_node("4", x=-20.0, y=75.5)
    out = tmp_path / "again.ova.json"
    aif.write_ova(argument_map, out)
    raw = json.loads(out.read_text(encoding="utf-8"))
    assert set(raw) == {"AIF", "OVA", "text"}
    positions = {n["nodeID"]: (n["x"], n["y"]) for n in raw["OVA"]["nodes"]}
    assert positions["4"] == (-20.0, 75.5) and positions["2"] == (900.0, 100.0)
    assert 'id="node1"' in raw["text"]["txt"]
    again = aif.read(out)
    assert _essence(again) == _essence(argument_map)
    assert again.node("1").sources and again.node("9").sources


def test_undercut_and_preference(tmp_path: Path) -> None:
    graph = {
        "nodes": [
            {"nodeID": "p", "text": "The bridge is old", "type": "I"},
            {"nodeID": "c", "text": "The bridge is unsafe", "type": "I"},
            {"nodeID": "u", "text": "Old bridges here are rebuilt to new codes", "type": "I"},
            {"nodeID": "q", "text": "Inspectors passed it last year", "type": "I"},
            {"nodeID": "ra", "text": "Default Inference", "type": "RA"},
            {"nodeID": "ca", "text": "Default Conflict", "type": "CA"},
            {"nodeID": "pa", "text": "Default Preference", "type": "PA"},
        ],
        "edges": [
            {"edgeID": "1", "fromID": "p", "toID": "ra"},
            {"edgeID": "2", "fromID": "ra", "toID": "c"},
            {"edgeID": "3", "fromID": "u", "toID": "ca"},
            {"edgeID": "4", "fromID": "ca", "toID": "ra"},
            {"edgeID": "5", "fromID": "q", "toID": "pa"},
            {"edgeID": "6", "fromID": "pa", "toID": "p"},
        ],
    }
    path = tmp_path / "bridge.json"
    path.write_text(json.dumps(graph), encoding="utf-8")
    argument_map = aif.read(path)
    (undercut,) = [e for e in argument_map.edges.values() if e.relation == "attack"]
    assert (undercut.source, undercut.target) == ("u", "p")
    assert undercut.data["aif"]["target_snode"] == "ra"
    assert argument_map.node("q").data["aif"]["preferred_over"] == ["p"]
    out = tmp_path / "bridge-out.json"
    aif.write(argument_map, out)
    written = json.loads(out.read_text(encoding="utf-8"))
    pairs = {(e["fromID"], e["toID"]) for e in written["edges"]}
    assert {("u", "ca"), ("ca", "ra"), ("q", "pa"), ("pa", "p")} <= pairs
    assert ("ca", "p") not in pairs


def test_linked_argument_is_rebuilt_as_one_s_node(tmp_path: Path) -> None:
    argument_map = aif.read(corpus() / "carneades-4" / "nodeset316.json")
    linked = [e for e in argument_map.edges.values() if e.data["aif"].get("linked")]
    assert linked
    out = tmp_path / "316.json"
    aif.write(argument_map, out)
    written = json.loads(out.read_text(encoding="utf-8"))
    original = json.loads((corpus() / "carneades-4" / "nodeset316.json").read_text())
    assert sorted((e["fromID"], e["toID"]) for e in written["edges"]) == sorted(
        (e["fromID"], e["toID"]) for e in original["edges"]
    )


# ------------------------------------------------------------------ bad input
@pytest.mark.parametrize(
    ("content", "where", "message"),
    [
        (b"{nodes: []}", "line 1, column 2", "not valid JSON"),
        (b"", None, "empty"),
        (b"[1, 2]", "(top level)", "expected an AIF object"),
        (b'{"edges": []}', "(top level)", '"nodes" is missing'),
        (b'{"nodes": {}}', "nodes", "expected a list"),
        (b'{"nodes": [{"text": "x", "type": "I"}]}', "nodes[0]", '"nodeID" is missing'),
        (b'{"nodes": [{"nodeID": "1", "type": 3}]}', "nodes[0].type", "node type"),
        (b'{"nodes": [{"nodeID": [1], "type": "I"}]}', "nodes[0].nodeID", "expected an id"),
        (
            b'{"nodes": [{"nodeID": "1", "type": "I"}, {"nodeID": "1", "type": "I"}]}',
            "nodes[1].nodeID",
            "used twice",
        ),
        (
            b'{"nodes": [{"nodeID": "1", "type": "I", "text": "a"}],'
            b' "edges": [{"edgeID": "9", "fromID": "1", "toID": "2"}]}',
            "edges[0].toID",
            'no node "2"',
        ),
        (b'{"AIF": {"nodes": "x"}}', "AIF.nodes", "expected a list"),
        (b'{"AIF": {"nodes": []}, "OVA": {"nodes": [3]}}', "OVA.nodes[0]", "nodeID"),
        (b'{"nodes": [], "debatemap": {"nodes": {"x": 1}}}', None, None),
        (b"\xff\xfe{\x00}\x00", None, "UTF-16"),
        (b'{"nodes": [{"nodeID": "1", "type": "I", "text": "\xe9"}]}', "line 1", "not UTF-8"),
    ],
)
def test_bad_input_names_file_and_place(tmp_path: Path, content: bytes, where, message) -> None:
    path = tmp_path / "broken.json"
    path.write_bytes(content)
    if message is None:  # extras for nodes that do not exist are ignored, not an error
        assert len(aif.read(path).nodes) == 0
        return
    with pytest.raises(FileFormatError) as caught:
        aif.read(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)
    if where:
        assert caught.value.where is not None and caught.value.where.startswith(where)


def test_bad_extras_name_their_json_path(tmp_path: Path) -> None:
    path = tmp_path / "extras.json"
    path.write_text(
        json.dumps(
            {
                "nodes": [{"nodeID": "1", "type": "I", "text": "a"}],
                "debatemap": {"nodes": {"1": {"kind": "banana"}}},
            }
        ),
        encoding="utf-8",
    )
    with pytest.raises(MappingError, match=r"debatemap\.nodes\.1.*banana"):
        aif.read(path)


def test_huge_and_missing_files_are_refused(tmp_path: Path) -> None:
    path = tmp_path / "big.json"
    path.write_text(json.dumps({"nodes": [], "edges": []}) + " " * 5000, encoding="utf-8")
    with pytest.raises(FileFormatError, match="MB"):
        aif.read(path, max_bytes=1000)
    with pytest.raises(FileFormatError, match=r"missing\.json"):
        aif.read(tmp_path / "missing.json")


def test_deeply_nested_json_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.json"
    path.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    with pytest.raises(FileFormatError, match=r"deep\.json"):
        aif.read(path)


def test_plain_aif_gets_a_first_placement() -> None:
    argument_map = aif.read(corpus() / "carneades-4" / "nodeset664.json")
    positions = [(n.x, n.y) for n in argument_map.nodes.values()]
    assert len(set(positions)) == len(positions)  # nobody sits on top of anybody
    for edge in argument_map.edges.values():  # premises below their conclusions (no cycles here)
        assert argument_map.node(edge.source).y > argument_map.node(edge.target).y


def test_an_unknown_node_type_as_premise_is_promoted_without_order(tmp_path: Path) -> None:
    """Found by fuzzing: a premise of an unknown type once crashed the dialogue-order lookup."""
    path = tmp_path / "odd.json"
    path.write_text(
        json.dumps(
            {
                "nodes": [
                    {"nodeID": "1", "text": "premise of an odd type", "type": "X"},
                    {"nodeID": "2", "text": "conclusion", "type": "I"},
                    {"nodeID": "3", "text": "Default Inference", "type": "RA"},
                ],
                "edges": [
                    {"edgeID": "a", "fromID": "1", "toID": "3"},
                    {"edgeID": "b", "fromID": "3", "toID": "2"},
                ],
            }
        ),
        encoding="utf-8",
    )
    argument_map = aif.read(path)
    assert argument_map.node("1").data["aif"]["type"] == "X"
    assert "order" not in argument_map.node("1").data["aif"]
    assert [e.relation for e in argument_map.edges.values()] == ["support"]
