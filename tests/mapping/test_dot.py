"""DOT export and import: escaping, Graphviz rendering, round trips, foreign files."""

from __future__ import annotations

import shutil
import subprocess
import xml.etree.ElementTree as ET

import pydot
import pytest
from hostile import HOSTILE_LABELS, hostile_map

from mapping.cli import main as cli_main
from mapping.errors import FileFormatError
from mapping.formats import dot
from mapping.formats.debatemap import load_map
from mapping.formats.registry import find_format
from mapping.resources import example_map_path

HAS_DOT = shutil.which("dot") is not None


def test_quote_escapes_everything_dot_would_interpret():
    assert dot.quote('a "b" \\ c\nd') == '"a \\"b\\" \\\\ c\\nd"'
    assert dot.quote("<b>{x}</b>") == '"<b>{x}</b>"'  # quoted, so never an HTML or record label
    assert dot.quote("bell\x07") == '"bell"'
    assert dot.quote_label("a &amp; b") == '"a &amp;amp; b"'  # Graphviz decodes entities
    for text in HOSTILE_LABELS:
        assert dot.unquote(dot.quote(text)) == text


def test_written_dot_parses_with_pydot_and_keeps_every_node():
    argument_map = load_map(example_map_path())
    graphs = pydot.graph_from_dot_data(dot.dumps(argument_map))
    assert graphs is not None and len(graphs) == 1
    names = {dot.unquote(n.get_name()) for n in graphs[0].get_node_list()} - {
        "node",
        "edge",
        "graph",
    }
    assert names == set(argument_map.nodes)
    assert len(graphs[0].get_edge_list()) == len(argument_map.edges)


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz 'dot' is not installed")
@pytest.mark.parametrize("which", ["example", "hostile"])
def test_graphviz_renders_the_written_file(tmp_path, which):
    argument_map = load_map(example_map_path()) if which == "example" else hostile_map()
    path = tmp_path / "map.dot"
    dot.write(argument_map, path)
    finished = subprocess.run(["dot", "-Tsvg", str(path)], capture_output=True, timeout=60)
    assert finished.returncode == 0, finished.stderr
    assert b"Warning" not in finished.stderr and b"Error" not in finished.stderr
    svg = ET.fromstring(finished.stdout)
    shown = " ".join(t.text or "" for t in svg.iter("{http://www.w3.org/2000/svg}text"))
    for node in argument_map.nodes.values():
        first_line = dot.shown_label(node).splitlines()[0]
        assert first_line.strip() in shown, first_line


def test_round_trip_keeps_nodes_edges_places_and_hostile_labels(tmp_path):
    original = hostile_map()
    original.change_node("n0", pinned=True, text="Full text\nwith a break", color="#E69F00")
    path = tmp_path / "hostile.gv"
    dot.write(original, path)
    back = dot.read(path)
    assert back.title == original.title
    assert list(back.nodes) == list(original.nodes)
    for node in original.nodes.values():
        copy = back.node(node.id)
        assert (copy.label, copy.kind, copy.speaker, copy.x, copy.y) == (
            node.label, node.kind, node.speaker, node.x, node.y)  # fmt: skip
    assert back.node("n0").pinned and back.node("n0").text == "Full text\nwith a break"
    assert back.node("n0").color == "#E69F00"
    assert [(e.id, e.source, e.target, e.relation) for e in back.edges.values()] == [
        (e.id, e.source, e.target, e.relation) for e in original.edges.values()
    ]


def test_foreign_dot_with_implicit_nodes_styles_and_subgraphs():
    text = """
    digraph debate {
      label = "Parking";
      subgraph cluster_a { "p" [label="Ban cars\\nin the centre"]; }
      a -> p [style=dashed];
      b -> p;
      "c:d" -> a [dir=back];
      p -> p;
    }"""
    argument_map = dot.loads(text)
    assert argument_map.title == "Parking"
    assert set(argument_map.nodes) == {"p", "a", "b", "c:d"}
    assert argument_map.node("p").label == "Ban cars\nin the centre"
    assert argument_map.node("a").label == "a"
    relations = {(e.source, e.target): e.relation for e in argument_map.edges.values()}
    assert relations == {("a", "p"): "attack", ("b", "p"): "support", ("c:d", "a"): "support"}
    assert all(e.origin == "imported" for e in argument_map.edges.values())


def test_broken_dot_is_refused_with_the_place(tmp_path):
    path = tmp_path / "broken.dot"
    path.write_text("digraph {\n  a -> \n")
    with pytest.raises(FileFormatError) as caught:
        dot.read(path)
    assert str(path) in str(caught.value) and "line" in str(caught.value)
    path.write_bytes(b'digraph { a [label="\xff"] }')
    with pytest.raises(FileFormatError, match="UTF-8"):
        dot.read(path)


def test_registered_for_convert(tmp_path, capsys):
    assert find_format(path="x.dot", reading=False).name == "dot"
    assert find_format(path="x.gv", reading=True).name == "dot"
    out = tmp_path / "example.dot"
    assert cli_main(["convert", str(example_map_path()), str(out)]) == 0
    assert "Graphviz DOT" in capsys.readouterr().out
    assert set(dot.read(out).nodes) == set(load_map(example_map_path()).nodes)
