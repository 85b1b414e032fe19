"""`debatemap export` end to end: every format, layout of stacked maps, errors with status 2."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx
import pydot
import pytest
from PySide6.QtGui import QImage

from desktop.cli import main
from mapping.formats.debatemap import load_map, save_map
from mapping.model import ArgumentMap
from mapping.resources import example_map_path

EXAMPLE = str(example_map_path())


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".dot", ".graphml"])
def test_every_format_from_the_example(qapp, tmp_path, capsys, suffix):
    out = tmp_path / f"map{suffix}"
    assert main(["export", EXAMPLE, "-o", str(out), "--legend"]) == 0
    assert str(out) in capsys.readouterr().out
    data = out.read_bytes()
    example = load_map(EXAMPLE)
    if suffix == ".png":
        assert not QImage(str(out)).isNull()
    elif suffix == ".svg":
        text = " ".join(ET.fromstring(data).itertext())
        assert "Anti-war: oppose a US" in text  # the label wraps after "US"
    elif suffix == ".pdf":
        assert data.startswith(b"%PDF")
    elif suffix == ".dot":
        assert pydot.graph_from_dot_data(data.decode()) is not None
    else:
        graph = nx.read_graphml(out, force_multigraph=True)
        assert graph.number_of_edges() == len(example.edges)


def test_options_reach_the_picture(qapp, tmp_path):
    small, big = tmp_path / "small.png", tmp_path / "big.png"
    assert main(["export", EXAMPLE, "-o", str(small), "--theme", "dark"]) == 0
    assert main(["export", EXAMPLE, "-o", str(big), "--scale", "2", "--dpi", "48"]) == 0
    a, b = QImage(str(small)), QImage(str(big))
    assert abs(a.width() - b.width()) <= 1  # scale 2 at half the dpi is the same size
    assert a.pixelColor(1, 1).name() == "#1e1f22"


def test_stacked_maps_are_laid_out_first_and_the_file_is_untouched(qapp, tmp_path, capsys):
    m = ArgumentMap("Stacked")
    m.add_node(id="p", kind="position", label="Lower the voting age")
    m.add_node(id="a", label="Sixteen-year-olds pay taxes")
    m.add_edge("a", "p", "support")
    path = tmp_path / "stacked.debatemap"
    save_map(m, path)
    before = path.read_bytes()
    out = tmp_path / "stacked.graphml"
    assert main(["export", str(path), "-o", str(out)]) == 0
    assert "laid out with the" in capsys.readouterr().out
    assert path.read_bytes() == before
    graph = nx.read_graphml(out)
    assert graph.nodes["p"]["y"] > graph.nodes["a"]["y"]  # Gephi's y points up: p is on top


def test_position_filter(qapp, tmp_path, capsys):
    out = tmp_path / "one.dot"
    assert main(["export", EXAMPLE, "-o", str(out), "--position", "p-antiwar"]) == 0
    graph = pydot.graph_from_dot_data(out.read_text())[0]
    names = {n.get_name().strip('"') for n in graph.get_node_list()} - {"node", "edge", "graph"}
    assert "p-antiwar" in names and "p-enemy" not in names


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["-o", "out.jpg"], "not .jpg"),
        (["-o", "out.png", "--position", "no such"], "there is no position"),
        (["-o", "out.png", "--scale", "0"], "--scale must be a positive number"),
    ],
)
def test_user_errors_exit_2_with_one_line(qapp, tmp_path, capsys, argv, message):
    argv = [a if not a.startswith("out.") else str(tmp_path / a) for a in argv]
    assert main(["export", EXAMPLE, *argv]) == 2
    err = capsys.readouterr().err
    assert err.startswith("debatemap: error:") and message in err
    assert len(err.strip().splitlines()) == 1
