"""Automatic layout: layers, pinned nodes, determinism, no overlaps, both engines."""

from __future__ import annotations

import itertools
import random
import shutil
from dataclasses import replace

import pytest

from mapping.formats.debatemap import load_map
from mapping.layout import LayoutError, estimate_size, layout_map, needs_layout
from mapping.model import ArgumentMap, History, move_nodes
from mapping.model.operations import ChangeNode
from mapping.resources import example_map_path

HAS_DOT = shutil.which("dot") is not None
ENGINES = ["builtin", pytest.param("graphviz", marks=pytest.mark.skipif(
    not HAS_DOT, reason="Graphviz 'dot' is not installed"))]  # fmt: skip


def random_map(size: int, seed: int, cycles: bool = True) -> ArgumentMap:
    rng = random.Random(seed)
    m = ArgumentMap("random")
    for i in range(size):
        kind = "position" if i < max(1, size // 10) else "claim"
        m.add_node(id=f"n{i}", kind=kind, label="word " * rng.randint(1, 30))
    for i in range(1, size):
        if rng.random() < 0.9:
            m.add_edge(f"n{i}", f"n{rng.randrange(i)}", rng.choice(["support", "attack"]))
    if cycles:
        for _ in range(size // 8):
            a, b = rng.sample(range(size), 2)
            m.add_edge(f"n{a}", f"n{b}", "attack")
    return m


def boxes_overlap(a, b, sa, sb) -> bool:
    return abs(a[0] - b[0]) < (sa[0] + sb[0]) / 2 and abs(a[1] - b[1]) < (sa[1] + sb[1]) / 2


def assert_no_overlaps(positions, sizes):
    ids = sorted(positions)
    for i, j in itertools.combinations(ids, 2):
        assert not boxes_overlap(positions[i], positions[j], sizes[i], sizes[j]), (i, j)


@pytest.mark.parametrize("engine", ENGINES)
def test_positions_sit_above_their_supporters_and_attackers(engine):
    m = load_map(example_map_path())
    result = layout_map(m, engine=engine)
    assert result.engine == engine
    assert set(result.positions) == set(m.nodes)
    for edge in m.edges.values():
        if m.node(edge.target).kind == "position":
            assert result.positions[edge.target][1] < result.positions[edge.source][1], edge.id


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("seed", [1, 2, 3])
def test_sized_nodes_never_overlap(engine, seed):
    m = random_map(60, seed)
    rng = random.Random(seed)
    sizes = {i: (rng.uniform(60, 300), rng.uniform(30, 120)) for i in m.nodes}
    result = layout_map(m, sizes, engine=engine)
    assert_no_overlaps(result.positions, sizes)


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_same_map_gives_the_same_layout(engine, direction):
    first = layout_map(random_map(80, 7), engine=engine, direction=direction)
    second = layout_map(random_map(80, 7), engine=engine, direction=direction)
    assert first.positions == second.positions


def test_left_to_right_puts_targets_left_of_sources():
    m = ArgumentMap()
    m.add_node(id="p", kind="position", label="P")
    m.add_node(id="a", label="A")
    m.add_node(id="b", label="B")
    m.add_edge("a", "p", "support")
    m.add_edge("b", "a", "attack")
    xs = {i: p[0] for i, p in layout_map(m, engine="builtin", direction="LR").positions.items()}
    assert xs["p"] < xs["a"] < xs["b"]


@pytest.mark.parametrize("engine", ENGINES)
def test_pinned_nodes_keep_their_place_and_others_clear_them(engine):
    m = random_map(40, 5)
    m.change_node("n3", pinned=True, x=123.0, y=-456.0)
    m.change_node("n17", pinned=True, x=5000.0, y=20.0)
    sizes = {i: estimate_size(n) for i, n in m.nodes.items()}
    result = layout_map(m, sizes, engine=engine)
    assert result.positions["n3"] == (123.0, -456.0)
    assert result.positions["n17"] == (5000.0, 20.0)
    for pinned in ("n3", "n17"):
        for other, place in result.positions.items():
            if other != pinned:
                assert not boxes_overlap(place, result.positions[pinned], sizes[other],
                                         sizes[pinned]), (other, pinned)  # fmt: skip


def test_cycles_and_disconnected_parts_are_laid_out():
    m = ArgumentMap()
    for name in "abcdxyz":
        m.add_node(id=name, label=name * 5)
    m.add_edge("a", "b", "attack")
    m.add_edge("b", "c", "attack")
    m.add_edge("c", "a", "attack")  # a cycle
    m.add_edge("d", "a", "support")
    m.add_edge("y", "x", "support")  # a second part; z stands alone
    sizes = {i: estimate_size(n) for i, n in m.nodes.items()}
    result = layout_map(m, sizes, engine="builtin")
    assert set(result.positions) == set("abcdxyz")
    assert_no_overlaps(result.positions, sizes)
    assert result.positions["x"][1] < result.positions["y"][1]


def test_auto_falls_back_to_builtin_without_graphviz(monkeypatch):
    from mapping.layout import graphviz

    monkeypatch.setattr(graphviz, "dot_program", lambda: None)
    m = random_map(10, 1)
    result = layout_map(m, engine="auto")
    assert result.engine == "builtin"
    assert any("not installed" in note for note in result.notes)
    with pytest.raises(LayoutError, match="not installed"):
        layout_map(m, engine="graphviz")


def test_layout_is_data_applied_as_one_undo_step():
    m = random_map(20, 3)
    before = {i: (n.x, n.y) for i, n in m.nodes.items()}
    result = layout_map(m, engine="builtin")
    assert {i: (n.x, n.y) for i, n in m.nodes.items()} == before  # layout does not touch the map
    history = History(m)
    history.do(move_nodes(result.positions, "Auto Layout"))
    assert history.undo_text.endswith("Auto Layout")
    assert {i: (n.x, n.y) for i, n in m.nodes.items()} == result.positions
    history.undo()
    assert {i: (n.x, n.y) for i, n in m.nodes.items()} == before


def test_bad_arguments_are_refused():
    m = random_map(3, 1)
    with pytest.raises(LayoutError, match="engine"):
        layout_map(m, engine="spring")
    with pytest.raises(LayoutError, match="direction"):
        layout_map(m, direction="BT")
    with pytest.raises(LayoutError, match="n0"):
        layout_map(m, {"n0": (float("nan"), 3.0)})


def test_needs_layout_only_when_everything_is_stacked():
    m = random_map(5, 1)
    assert needs_layout(m)
    m.execute(ChangeNode("n1", x=10.0))
    assert not needs_layout(m)
    assert layout_map(ArgumentMap()).positions == {}


@pytest.mark.skipif(not HAS_DOT, reason="Graphviz 'dot' is not installed")
def test_graphviz_clusters_keep_every_node():
    m = load_map(example_map_path())
    result = layout_map(m, engine="graphviz", clusters=True)
    assert set(result.positions) == set(m.nodes)
    assert replace(result, notes=()).engine == "graphviz"


def test_docstring_examples_run():
    import doctest

    import mapping.formats.dot
    import mapping.layout
    import mapping.layout.crossings
    import mapping.layout.wrap

    modules = (mapping.layout, mapping.layout.wrap, mapping.layout.crossings, mapping.formats.dot)
    for module in modules:
        result = doctest.testmod(module)
        assert result.attempted > 0 and result.failed == 0, module.__name__
