"""Seeded maps arrive laid out: no two boxes overlap at the canvas's real sizes, positions on top."""

from __future__ import annotations

import itertools

from shared_data import seeds_dir

from desktop.canvas.items import node_size
from desktop.seeding_adapter import build_operation, guess_profile, propose, read_file
from mapping.cli import main
from mapping.formats.debatemap import load_map
from mapping.model import ArgumentMap


def overlapping(argument_map: ArgumentMap) -> list[tuple[str, str]]:
    sizes = {i: node_size(n) for i, n in argument_map.nodes.items()}
    found = []
    for a, b in itertools.combinations(argument_map.nodes.values(), 2):
        if (
            abs(a.x - b.x) < (sizes[a.id][0] + sizes[b.id][0]) / 2
            and abs(a.y - b.y) < (sizes[a.id][1] + sizes[b.id][1]) / 2
        ):
            found.append((a.id, b.id))
    return found


def width_and_height(argument_map: ArgumentMap) -> tuple[float, float]:
    sizes = {i: node_size(n) for i, n in argument_map.nodes.items()}
    nodes = list(argument_map.nodes.values())
    left = min(n.x - sizes[n.id][0] / 2 for n in nodes)
    right = max(n.x + sizes[n.id][0] / 2 for n in nodes)
    top = min(n.y - sizes[n.id][1] / 2 for n in nodes)
    bottom = max(n.y + sizes[n.id][1] / 2 for n in nodes)
    return right - left, bottom - top


def test_seed_command_map_has_no_overlapping_boxes_at_real_sizes(qapp, tmp_path):
    out = tmp_path / "seeds.debatemap"
    assert main(["seed", *map(str, sorted(seeds_dir().glob("*.txt"))), "-o", str(out)]) == 0
    argument_map = load_map(out)
    assert len(argument_map.nodes) > 50
    assert overlapping(argument_map) == []
    width, height = width_and_height(argument_map)
    assert width <= 2.2 * height, (width, height)  # one endless row was 11 times wider


def test_wizard_import_is_laid_out_below_the_map_at_real_sizes(qapp):
    documents = [read_file(path) for path in sorted(seeds_dir().glob("*.txt"))]
    guessed = guess_profile(documents)
    proposal = propose(documents, guessed[0] if guessed else None)
    argument_map = ArgumentMap()
    argument_map.add_node(id="mine", kind="position", label="Already on the map", y=-50.0)
    argument_map.execute(build_operation(argument_map, proposal))
    assert overlapping(argument_map) == []
    mine = argument_map.node("mine")
    others = [n for n in argument_map.nodes.values() if n.id != "mine"]
    assert all(n.y > mine.y for n in others)
    positions = [n for n in others if n.kind == "position"]
    assert len({n.y for n in positions}) == 1
    assert all(p.y <= n.y for p in positions for n in others)
    width, height = width_and_height(argument_map)
    assert width <= 2.2 * height, (width, height)
