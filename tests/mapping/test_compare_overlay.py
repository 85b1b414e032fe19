"""The comparison overlay: the student's map, ghosts from the reference, a status per item."""

from teaching_maps import graded_student, seminar_map

from mapping.compare_overlay import AGREED, EXTRA, FLIPPED, MISSING, build_overlay


def test_each_item_gets_its_status():
    overlay = build_overlay(seminar_map(), graded_student())
    status = overlay.edge_status
    assert status["e3"] == AGREED and status["e4"] == AGREED and status["e5"] == AGREED
    assert status["e2"] == FLIPPED
    assert overlay.reference_relation["e2"] == "attack"
    assert status["s1"] == EXTRA
    assert status["ref:e1"] == MISSING and status["ref:e6"] == MISSING
    assert overlay.node_status == {"x1": EXTRA, "ref:c6": MISSING}


def test_missing_edges_join_matched_or_ghost_ends():
    overlay = build_overlay(seminar_map(), graded_student())
    m = overlay.map
    assert (m.edge("ref:e1").source, m.edge("ref:e1").target) == ("c1", "p1")
    assert (m.edge("ref:e6").source, m.edge("ref:e6").target) == ("ref:c6", "p1")
    assert m.node("ref:c6").label == "Nobody asked the people on the route"
    assert m.node("ref:c6").sources == ()


def test_the_inputs_are_not_changed():
    reference, student = seminar_map(), graded_student()
    before = (len(reference.nodes), len(reference.edges), len(student.nodes), len(student.edges))
    build_overlay(reference, student)
    after = (len(reference.nodes), len(reference.edges), len(student.nodes), len(student.edges))
    assert before == after


def test_a_map_against_itself_is_all_agreed():
    overlay = build_overlay(seminar_map(), seminar_map())
    assert set(overlay.edge_status.values()) == {AGREED}
    assert overlay.node_status == {}
