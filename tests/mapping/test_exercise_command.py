"""'debatemap exercise': the maps students complete."""

from teaching_maps import seminar_map

from mapping.cli import main
from mapping.formats.debatemap import load_map, save_map


def test_edges_variant_keeps_every_node_and_drops_every_relation(tmp_path, capsys):
    source, out = tmp_path / "ref.debatemap", tmp_path / "ex.debatemap"
    save_map(seminar_map(), source)
    assert main(["exercise", str(source), "--variant", "edges", "-o", str(out)]) == 0
    exercise = load_map(out)
    assert set(exercise.nodes) == set(seminar_map().nodes)
    assert not exercise.edges
    assert exercise.documents["d1"].text == seminar_map().documents["d1"].text
    assert "debatemap compare" in capsys.readouterr().out


def test_claims_variant_keeps_only_positions(tmp_path):
    source, out = tmp_path / "ref.debatemap", tmp_path / "ex.debatemap"
    save_map(seminar_map(), source)
    assert main(["exercise", str(source), "--variant", "claims", "-o", str(out)]) == 0
    assert set(load_map(out).nodes) == {"p1", "p2"}


def test_refuses_to_overwrite_the_reference(tmp_path, capsys):
    source = tmp_path / "ref.debatemap"
    save_map(seminar_map(), source)
    assert main(["exercise", str(source), "-o", str(source)]) == 2
    assert "refusing to overwrite" in capsys.readouterr().err
    assert load_map(source).edges  # untouched
