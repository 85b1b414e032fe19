"""Auto Layout keeps straight edges off the boxes they do not connect (mapping.layout.crossings)."""

from __future__ import annotations

import json
import shutil

import pytest
from shared_data import shared_dir
from test_layout_wrap import bounds, overlaps

from mapping.layout import estimate_size, layout_map
from mapping.layout.crossings import edge_box_crossings, map_crossings
from mapping.layout.wrap import MAX_ASPECT
from mapping.model import ArgumentMap

HAS_DOT = shutil.which("dot") is not None
ENGINES = ["builtin", pytest.param("graphviz", marks=pytest.mark.skipif(
    not HAS_DOT, reason="Graphviz 'dot' is not installed"))]  # fmt: skip


def fan(claims: int) -> ArgumentMap:
    """One position with ``claims`` direct supporters and attackers of uneven lengths."""
    m = ArgumentMap("fan")
    m.add_node(id="p", kind="position", label="The city should build more council housing")
    for i in range(claims):
        m.add_node(id=f"c{i}", label=f"reason {i} " + "because of rents " * (1 + (i * 5) % 6))
        m.add_edge(f"c{i}", "p", "support" if i % 3 else "attack")
    return m


def sizes_of(m: ArgumentMap) -> dict[str, tuple[float, float]]:
    return {i: estimate_size(n) for i, n in m.nodes.items()}


# --------------------------------------------------------------------------- the measure
def test_a_line_through_a_third_box_is_counted_once_per_box():
    places = {"p": (0.0, 0.0), "a": (0.0, 100.0), "b": (0.0, 200.0), "c": (300.0, 100.0)}
    sizes = {i: (80.0, 30.0) for i in places}
    edges = [("e1", "b", "p"), ("e2", "a", "p"), ("e3", "c", "p")]
    assert edge_box_crossings(places, sizes, edges) == [("e1", "a")]


def test_a_line_along_a_border_or_between_touching_boxes_crosses_nothing():
    # The line from p to b runs exactly along a's left border: touching is not crossing.
    places = {"p": (0.0, 0.0), "a": (40.0, 100.0), "b": (0.0, 200.0)}
    sizes = {"p": (80.0, 30.0), "a": (80.0, 30.0), "b": (80.0, 30.0)}
    assert edge_box_crossings(places, sizes, [("e", "b", "p")]) == []
    # Overlapping ends leave no visible line, so nothing is crossed.
    places = {"p": (0.0, 0.0), "q": (10.0, 5.0), "x": (5.0, 2.0)}
    assert edge_box_crossings(places, {i: (80.0, 30.0) for i in places}, [("e", "q", "p")]) == []


def test_a_long_diagonal_finds_boxes_far_from_both_ends():
    places = {"p": (0.0, 0.0), "far": (5000.0, 3000.0)}
    places.update({f"m{i}": (500.0 * i, 300.0 * i) for i in range(1, 10)})
    sizes = {i: (100.0, 40.0) for i in places}
    found = edge_box_crossings(places, sizes, [("e", "far", "p")])
    assert found == [("e", f"m{i}") for i in sorted(range(1, 10), key=str)]


# --------------------------------------------------------------------------- the layout
@pytest.mark.parametrize("engine", ENGINES)
def test_a_position_with_twelve_claims_wraps_with_every_edge_in_the_clear(engine):
    m = fan(12)
    sizes = sizes_of(m)
    places = layout_map(m, sizes, engine=engine).positions
    rows = {places[f"c{i}"][1] for i in range(12)}
    assert len(rows) >= 3  # wrapped, not one long row
    left, top, right, bottom = bounds(places, sizes)
    assert (right - left) <= MAX_ASPECT * (bottom - top)
    assert overlaps(places, sizes) == []
    # Rows packed tightly under the position hide 11 edges behind other claims; the funnel
    # keeps them all clear but for a graze between neighbours.
    assert len(map_crossings(m, sizes, places)) <= 1


@pytest.mark.parametrize("engine", ENGINES)
def test_a_position_with_sixteen_claims_hides_at_most_two_edges(engine):
    m = fan(16)
    sizes = sizes_of(m)
    places = layout_map(m, sizes, engine=engine).positions
    assert overlaps(places, sizes) == []
    assert len({places[f"c{i}"][1] for i in range(16)}) >= 3
    assert len(map_crossings(m, sizes, places)) <= 2  # tightly packed rows: 24


def test_a_small_map_is_not_wrapped_into_a_column():
    m = fan(4)
    places = layout_map(m, sizes_of(m), engine="builtin").positions
    assert len({places[f"c{i}"][1] for i in range(4)}) == 1  # one row under the position
    assert map_crossings(m, sizes_of(m), places) == []


@pytest.mark.parametrize("engine", ENGINES)
def test_many_small_positions_wrap_as_blocks_without_hidden_edges(engine):
    m = ArgumentMap("nine")
    for p in range(9):
        m.add_node(id=f"p{p}", kind="position", label=f"proposal {p} on the bus lanes")
        for c in range(4):
            m.add_node(id=f"p{p}c{c}", label="a reason " * (2 + c))
            m.add_edge(f"p{p}c{c}", f"p{p}", "attack" if c == 3 else "support")
        m.add_node(id=f"p{p}r", label="but that was tried")
        m.add_edge(f"p{p}r", f"p{p}c0", "attack")
    sizes = sizes_of(m)
    places = layout_map(m, sizes, engine=engine).positions
    left, top, right, bottom = bounds(places, sizes)
    assert (right - left) <= MAX_ASPECT * (bottom - top)
    assert overlaps(places, sizes) == []
    assert map_crossings(m, sizes, places) == []


def test_layout_with_crossings_in_mind_is_deterministic_and_keeps_pins():
    first, second = fan(16), fan(16)
    for m in (first, second):
        m.change_node("c3", pinned=True, x=-900.0, y=40.0)
    a = layout_map(first, sizes_of(first), engine="builtin").positions
    assert a == layout_map(second, sizes_of(second), engine="builtin").positions
    assert a["c3"] == (-900.0, 40.0)


def test_microtext_topic_maps_hide_no_edges():
    corpus = shared_dir() / "corpora" / "arg-microtexts" / "microtexts.jsonl"
    if not corpus.is_file():
        pytest.skip(f"{corpus} is absent")
    records = [json.loads(line) for line in corpus.read_text(encoding="utf-8").splitlines()]
    m = ArgumentMap("dog fines")
    for record in (r for r in records if r["topic_id"] == "higher_dog_poo_fines"):
        for unit in record["units"]:
            kind = "position" if unit["central"] else "claim"
            m.add_node(id=f"{record['id']}.{unit['id']}", kind=kind, label=unit["text"])
        for rel in record["relations"]:
            m.add_edge(f"{record['id']}.{rel['source']}", f"{record['id']}.{rel['target']}",
                       rel["type"])  # fmt: skip
    assert len(m.nodes) > 30
    sizes = sizes_of(m)
    places = layout_map(m, sizes, engine="builtin").positions
    assert overlaps(places, sizes) == []
    # Wrapped into columns under each position, 28 edges ran behind other claims.
    assert len(map_crossings(m, sizes, places)) <= 2
