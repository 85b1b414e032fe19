"""GraphML export (networkx, yEd, Gephi) and import of yEd, Gephi and our own files."""

from __future__ import annotations

import io
import xml.etree.ElementTree as ET
from pathlib import Path

import networkx as nx
import pytest
from hostile import hostile_map

from mapping.errors import FileFormatError
from mapping.formats import graphml
from mapping.formats.debatemap import load_map
from mapping.formats.registry import find_format
from mapping.resources import example_map_path

FIXTURES = Path(__file__).parent / "fixtures" / "graphml"
Y = "{http://www.yworks.com/xml/graphml}"


def test_networkx_reads_back_the_same_nodes_edges_and_relations():
    argument_map = load_map(example_map_path())
    graph = nx.read_graphml(io.BytesIO(graphml.dumps(argument_map)), force_multigraph=True)
    assert set(graph.nodes) == set(argument_map.nodes)
    edges = {(u, v, k): d["relation"] for u, v, k, d in graph.edges(keys=True, data=True)}
    assert edges == {(e.source, e.target, e.id): e.relation for e in argument_map.edges.values()}
    some = next(iter(argument_map.nodes.values()))
    attributes = graph.nodes[some.id]
    assert attributes["label"] == some.label and attributes["kind"] == some.kind
    assert isinstance(attributes["x"], float) and attributes["y"] == -some.y
    assert attributes["pinned"] is False
    assert graph.graph["title"] == argument_map.title


def test_yed_drawing_data_is_present_for_every_node_and_edge():
    argument_map = load_map(example_map_path())
    root = ET.fromstring(graphml.dumps(argument_map))
    labels = [e.text for e in root.iter(f"{Y}NodeLabel")]
    geometries = list(root.iter(f"{Y}Geometry"))
    assert len(labels) == len(geometries) == len(argument_map.nodes)
    assert len(list(root.iter(f"{Y}PolyLineEdge"))) == len(argument_map.edges)
    first = next(iter(argument_map.nodes.values()))
    x, width = float(geometries[0].get("x")), float(geometries[0].get("width"))
    assert x + width / 2 == pytest.approx(first.x)
    dashed = [s for s in root.iter(f"{Y}LineStyle") if s.get("type") == "dashed"]
    attacks = [e for e in argument_map.edges.values() if e.relation == "attack"]
    assert len(dashed) == len(attacks)


def test_hostile_labels_survive_a_round_trip(tmp_path):
    original = hostile_map()
    original.change_node("n0", pinned=True, color="#0072B2", tags=("tax", "rent"))
    path = tmp_path / "hostile.graphml"
    graphml.write(original, path)
    ET.parse(path)  # well-formed XML
    back = graphml.read(path)
    assert back.title == original.title
    assert list(back.nodes) == list(original.nodes)
    for node in original.nodes.values():
        copy = back.node(node.id)
        assert (copy.label, copy.kind, copy.speaker) == (node.label, node.kind, node.speaker)
        assert (copy.x, copy.y) == pytest.approx((node.x, node.y))
    assert back.node("n0").pinned and back.node("n0").color == "#0072B2"
    assert back.node("n0").tags == ("tax", "rent")
    assert [(e.id, e.source, e.target, e.relation) for e in back.edges.values()] == [
        (e.id, e.source, e.target, e.relation) for e in original.edges.values()
    ]


def test_control_characters_are_dropped_not_fatal():
    argument_map = hostile_map()
    argument_map.change_node("n0", label="bell\x07 and nul\x00")
    assert graphml.loads(graphml.dumps(argument_map)).node("n0").label == "bell and nul"


def test_reads_a_yed_file_with_labels_geometry_groups_and_line_styles():
    argument_map = graphml.read(FIXTURES / "yed-bike-lanes.graphml")
    labels = {n.id: n.label for n in argument_map.nodes.values()}
    assert labels["n0"] == "The city should paint bike lanes"
    assert labels["n3::n0"] == "Trade rose on streets that got lanes"
    top = argument_map.node("n0")
    assert (top.x, top.y) == (200.0, 20.0)  # centre of the yEd geometry box
    assert top.color == "#FFCC00"
    assert argument_map.node("n1").text == "Counted on two weekday mornings"
    assert argument_map.node("n3").kind == "note"  # the group box
    relations = {e.id: e.relation for e in argument_map.edges.values()}
    assert relations == {"e0": "support", "e1": "attack", "e2": "attack"}


def test_reads_a_gephi_file_with_labels_positions_and_colours():
    argument_map = graphml.read(FIXTURES / "gephi-rent-cap.graphml")
    assert [n.label for n in argument_map.nodes.values()][:2] == [
        "Cap rents at inflation",
        "Tenants cannot plan when rents jump",
    ]
    assert (argument_map.node("0").x, argument_map.node("0").y) == (-12.5, -200.0)  # y flipped
    assert (argument_map.node("3").x, argument_map.node("3").y) == (160.0, 120.0)  # viz:position
    assert argument_map.node("0").color == "#E69F00"
    # Gephi numbers nodes and edges alike; edges get fresh ids instead of clashing
    edges = [(e.source, e.target, e.relation) for e in argument_map.edges.values()]
    assert edges == [("1", "0", "support"), ("2", "0", "attack"), ("3", "2", "support")]
    assert all(not argument_map.has_id(e.id) or e.id not in argument_map.nodes
               for e in argument_map.edges.values())  # fmt: skip


def test_plain_graphml_from_networkx_opens(tmp_path):
    graph = nx.DiGraph()
    graph.add_edge("alpha", "beta")
    path = tmp_path / "plain.graphml"
    nx.write_graphml(graph, path)
    argument_map = graphml.read(path)
    assert [n.label for n in argument_map.nodes.values()] == ["alpha", "beta"]
    assert [(e.source, e.target) for e in argument_map.edges.values()] == [("alpha", "beta")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"<graphml><graph><node id='a'></graph></graphml>", "line 1, column"),
        (b"<gexf/>", "not <graphml>"),
        (b"<graphml/>", "no <graph>"),
        (b"<graphml><graph><node id='a'/><edge source='a' target='zz'/></graph></graphml>",
         "edge 1: there is no node 'zz'"),
        (b"<graphml><graph><node id='a'/><node id='a'/></graph></graphml>", "used twice"),
    ],
)  # fmt: skip
def test_bad_files_are_refused_with_the_place(tmp_path, content, message):
    path = tmp_path / "bad.graphml"
    path.write_bytes(content)
    with pytest.raises(FileFormatError) as caught:
        graphml.read(path)
    assert str(path) in str(caught.value)
    assert message in str(caught.value)


def test_registered_for_convert():
    assert find_format(path="x.graphml", reading=True).name == "graphml"
    assert find_format("graphml", reading=False).module == "mapping.formats.graphml"
