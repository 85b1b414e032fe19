"""Comparing a student's map with the reference gives the figures a teacher can check by hand."""

import pytest

from mapping.compare import cohens_kappa, compare_maps, label_similarity, match_nodes
from mapping.formats.debatemap import load_map, map_from_dict, map_to_dict
from mapping.model import ArgumentMap, Document
from mapping.resources import example_map_path


def _copy(argument_map):
    return map_from_dict(map_to_dict(argument_map))


@pytest.fixture
def reference():
    return load_map(example_map_path())


def test_a_map_compared_with_itself_agrees_completely(reference):
    result = compare_maps(reference, _copy(reference))
    assert (result.precision, result.recall, result.f1, result.kappa) == (1.0, 1.0, 1.0, 1.0)
    assert not (result.flipped or result.missing or result.extra)


@pytest.mark.parametrize("k", [1, 3, 5])
def test_flipping_k_edges(reference, k):
    student = _copy(reference)
    supports = [e.id for e in student.edges.values() if e.relation == "support"][:k]
    for edge_id in supports:
        student.change_edge(edge_id, relation="attack")
    result = compare_maps(reference, student)
    n = len(reference.edges)
    assert [d.student.id for d in result.flipped] == supports
    assert len(result.agreed) == n - k
    assert result.precision == result.recall == result.f1 == pytest.approx((n - k) / n)
    # reference: 9 support, 9 attack; student: 9-k support, 9+k attack
    ref_s = sum(e.relation == "support" for e in reference.edges.values())
    stu_s = ref_s - k
    expected = (ref_s / n) * (stu_s / n) + ((n - ref_s) / n) * ((n - stu_s) / n)
    assert result.kappa == pytest.approx(((n - k) / n - expected) / (1 - expected))
    assert k != 3 or result.kappa == pytest.approx(2 / 3)


@pytest.mark.parametrize("k", [1, 4])
def test_removing_k_edges(reference, k):
    student = _copy(reference)
    removed = list(student.edges)[:k]
    for edge_id in removed:
        student.remove_edge(edge_id)
    result = compare_maps(reference, student)
    n = len(reference.edges)
    assert result.precision == 1.0
    assert result.recall == pytest.approx((n - k) / n)
    assert result.f1 == pytest.approx(2 * (n - k) / (2 * n - k))
    assert sorted(d.reference.id for d in result.missing) == sorted(removed)
    assert result.kappa == 1.0


def test_nodes_match_by_span_before_label():
    text = "Taxes should rise. Schools need money. Roads are fine."
    ref, stu = ArgumentMap(), ArgumentMap()
    for m in (ref, stu):
        m.add_document(Document.from_text("d", "t.txt", text))
    ref.add_node(id="r1", label="Raise taxes", sources=[("d", 0, 18)])
    ref.add_node(id="r2", label="Schools need money", sources=[("d", 19, 38)])
    ref.add_edge("r2", "r1", "support", id="re")
    stu.add_node(id="s1", label="Completely different words", sources=[("d", 0, 17)])
    stu.add_node(id="s2", label="schools need money!")
    stu.add_node(id="s3", label="Unrelated")
    stu.add_edge("s2", "s1", "attack", id="se")
    stu.add_edge("s3", "s1", "support", id="sx")
    assert match_nodes(ref, stu) == {"s1": "r1", "s2": "r2"}
    result = compare_maps(ref, stu)
    assert [(d.reference.id, d.student.id) for d in result.flipped] == [("re", "se")]
    assert [d.student.id for d in result.extra] == ["sx"]
    assert result.missing == [] and result.agreed == []
    assert result.kappa == 0.0


def test_kappa_and_similarity_helpers():
    assert cohens_kappa([]) is None
    assert cohens_kappa([("support", "support"), ("attack", "attack")]) == 1.0
    assert cohens_kappa([("support", "attack"), ("attack", "support")]) == -1.0
    assert label_similarity("Peace, now!", "peace now") == 1.0
    assert label_similarity("", "x") == 0.0


def test_compare_cli_json(tmp_path, reference, capsys):
    import json

    from desktop.cli import main
    from mapping.formats.debatemap import save_map

    student = _copy(reference)
    student.remove_edge(next(iter(student.edges)))
    save_map(student, tmp_path / "student.debatemap")
    assert (
        main(["compare", str(example_map_path()), str(tmp_path / "student.debatemap"), "--json"])
        == 0
    )
    data = json.loads(capsys.readouterr().out)
    assert data["precision"] == 1.0 and len(data["missing"]) == 1 and data["extra"] == []
