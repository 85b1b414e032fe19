"""Wide, shallow maps are wrapped into a block per position that fits a screen (both engines)."""

from __future__ import annotations

import itertools
import random
import shutil

import pytest
from shared_data import seeds_dir

from mapping.cli import main
from mapping.formats.debatemap import load_map
from mapping.layout import estimate_size, layout_map, place_new_nodes
from mapping.layout.wrap import MAX_ASPECT, wrap_wide_layers
from mapping.model import AddEdge, AddNode, ArgumentMap, Compound, History

HAS_DOT = shutil.which("dot") is not None
ENGINES = ["builtin", pytest.param("graphviz", marks=pytest.mark.skipif(
    not HAS_DOT, reason="Graphviz 'dot' is not installed"))]  # fmt: skip


def wide_map(positions: int = 4, children: int = 30, seed: int = 0) -> ArgumentMap:
    """Positions each with many direct supporters and attackers, a few with replies."""
    rng = random.Random(seed)
    m = ArgumentMap("wide")
    for p in range(positions):
        m.add_node(
            id=f"p{p}", kind="position", label=f"position {p} " + "word " * rng.randint(2, 9)
        )
    for p in range(positions):
        for c in range(children):
            node = m.add_node(id=f"p{p}c{c}", label="word " * rng.randint(1, 40))
            m.add_edge(node.id, f"p{p}", rng.choice(["support", "attack"]))
            if c % 7 == 0:
                reply = m.add_node(id=f"p{p}c{c}r", label="reply " * rng.randint(1, 20))
                m.add_edge(reply.id, node.id, "attack")
    return m


def box(place, size):
    (x, y), (w, h) = place, size
    return x - w / 2, y - h / 2, x + w / 2, y + h / 2


def bounds(positions, sizes):
    boxes = [box(positions[i], sizes[i]) for i in positions]
    return (min(b[0] for b in boxes), min(b[1] for b in boxes),
            max(b[2] for b in boxes), max(b[3] for b in boxes))  # fmt: skip


def overlaps(positions, sizes) -> list[tuple[str, str]]:
    found = []
    for i, j in itertools.combinations(sorted(positions), 2):
        a, b = box(positions[i], sizes[i]), box(positions[j], sizes[j])
        if a[0] < b[2] and b[0] < a[2] and a[1] < b[3] and b[1] < a[3]:
            found.append((i, j))
    return found


def real_sizes(m: ArgumentMap, seed: int = 0) -> dict[str, tuple[float, float]]:
    """Boxes of uneven heights, as the canvas makes them (label lines, speaker line)."""
    rng = random.Random(seed)
    return {
        i: (rng.uniform(120, 260), rng.choice([40.0, 57.0, 74.0, 91.0, 125.0])) for i in m.nodes
    }


@pytest.mark.parametrize("engine", ENGINES)
def test_wide_map_fits_the_aspect_ratio_without_overlaps(engine):
    m = wide_map()
    sizes = real_sizes(m)
    result = layout_map(m, sizes, engine=engine)
    left, top, right, bottom = bounds(result.positions, sizes)
    aspect = (right - left) / (bottom - top)
    # One row would be about 30 times wider than high; a wrapped one fits a screen.
    assert 0.5 <= aspect <= MAX_ASPECT, aspect
    assert overlaps(result.positions, sizes) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_each_position_sits_over_its_own_block_of_children(engine):
    m = wide_map()
    sizes = real_sizes(m)
    places = layout_map(m, sizes, engine=engine).positions
    tops = {places[f"p{p}"][1] for p in range(4)}
    assert len(tops) == 1  # positions side by side in the top row
    spans = []
    for p in range(4):
        members = [i for i in m.nodes if i.startswith(f"p{p}c")]
        assert all(places[i][1] > places[f"p{p}"][1] for i in members)
        low = min(box(places[i], sizes[i])[0] for i in members)
        high = max(box(places[i], sizes[i])[2] for i in members)
        assert low < places[f"p{p}"][0] < high
        assert abs(places[f"p{p}"][0] - (low + high) / 2) < 0.2 * (high - low)
        spans.append((low, high))
    spans.sort()
    for (_, end), (start, _) in itertools.pairwise(spans):
        assert end < start  # the blocks of different positions never interleave


@pytest.mark.parametrize("engine", ENGINES)
def test_replies_stay_below_the_claim_they_answer(engine):
    m = wide_map()
    places = layout_map(m, real_sizes(m), engine=engine).positions
    for node_id in m.nodes:
        if node_id.endswith("r"):
            assert places[node_id][1] > places[node_id[:-1]][1], node_id


def test_positions_attacking_each_other_share_the_top_row():
    m = wide_map(positions=3, children=12)
    m.add_edge("p0", "p1", "attack")
    m.add_edge("p1", "p2", "attack")
    for engine in ["builtin", "graphviz"] if HAS_DOT else ["builtin"]:
        places = layout_map(m, engine=engine).positions
        assert places["p0"][1] == places["p1"][1] == places["p2"][1], engine


@pytest.mark.parametrize("engine", ENGINES)
def test_wrapping_is_deterministic_and_keeps_pinned_nodes(engine):
    maps = [wide_map(seed=3), wide_map(seed=3)]
    for m in maps:
        m.change_node("p1c5", pinned=True, x=-700.0, y=333.0)
    sizes = real_sizes(maps[0], 3)
    first = layout_map(maps[0], sizes, engine=engine).positions
    assert first == layout_map(maps[1], sizes, engine=engine).positions
    assert first["p1c5"] == (-700.0, 333.0)
    assert [pair for pair in overlaps(first, sizes) if "p1c5" in pair] == []


def test_a_layout_that_fits_comes_back_unchanged():
    sizes = {"p": (200.0, 40.0), "a": (100.0, 40.0), "b": (100.0, 40.0)}
    raw = {"p": (110.0, 20.0), "a": (50.0, 150.0), "b": (170.0, 150.0)}
    edges = [("p", "a"), ("p", "b")]
    assert wrap_wide_layers(list(sizes), edges, sizes, raw, {"p"}) == raw


def test_one_row_of_many_roots_wraps_too():
    sizes = {f"n{i}": (150.0, 50.0) for i in range(60)}
    raw = {f"n{i}": (95.0 * i * 2, 25.0) for i in range(60)}
    wrapped = wrap_wide_layers(list(sizes), [], sizes, raw)
    left, top, right, bottom = bounds(wrapped, sizes)
    assert (right - left) / (bottom - top) <= MAX_ASPECT * 1.5
    assert overlaps(wrapped, sizes) == []


def test_new_nodes_are_laid_out_below_the_map_as_one_undo_step():
    m = ArgumentMap()
    old = m.add_node(id="old", kind="position", label="already here", x=500.0, y=900.0)
    incoming = wide_map(positions=2, children=20)
    adds = Compound(
        [*(AddNode(n) for n in incoming.nodes.values()),
         *(AddEdge(e) for e in incoming.edges.values())], "Import")  # fmt: skip
    history = History(m)
    history.do(place_new_nodes(adds, m, engine="builtin"))
    sizes = {i: estimate_size(n) for i, n in m.nodes.items()}
    places = {i: (n.x, n.y) for i, n in m.nodes.items()}
    assert overlaps(places, sizes) == []
    old_bottom = old.y + sizes["old"][1] / 2
    assert all(box(places[i], sizes[i])[1] > old_bottom for i in incoming.nodes)
    assert places["p0"][1] < places["p0c0"][1]
    history.undo()
    assert list(m.nodes) == ["old"]


def test_seeded_seed_map_is_laid_out_without_overlaps(tmp_path, capsys):
    files = [str(p) for p in sorted(seeds_dir().glob("*.txt"))]
    out = tmp_path / "seeds.debatemap"
    assert main(["seed", *files, "-o", str(out)]) == 0
    m = load_map(out)
    sizes = {i: estimate_size(n) for i, n in m.nodes.items()}
    places = {i: (n.x, n.y) for i, n in m.nodes.items()}
    assert overlaps(places, sizes) == []
    left, top, right, bottom = bounds(places, sizes)
    assert (right - left) <= MAX_ASPECT * (bottom - top) * 1.05
    positions = [n for n in m.nodes.values() if n.kind == "position"]
    assert len({n.y for n in positions}) == 1
    assert all(n.y <= other.y for n in positions for other in m.nodes.values())
