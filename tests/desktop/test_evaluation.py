"""Evaluate mode in the window: labels from mapping.semantics on the canvas, what-if, extensions,
exports with the colouring, and never a change to the map."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import pytest
from PySide6.QtWidgets import QMenu

from desktop.canvas.verdicts import EvaluationOverlay
from desktop.cli import main
from desktop.main_window import MainWindow
from desktop.render import RenderOptions, svg_bytes
from desktop.session import MapSession
from mapping.formats.debatemap import map_to_dict, save_map
from mapping.model import AddEdge, ArgumentMap, ChangeNode, Edge
from mapping.semantics import evaluate_map


def dilemma() -> ArgumentMap:
    """Two claims that attack each other; one of them attacks the position; a loose question.

    Grounded leaves a, b and p undecided; preferred has two extensions, {a} and {b, p}.
    """
    m = ArgumentMap("Dilemma")
    m.add_node(id="p", kind="position", label="Open the library on Sundays", x=0.0, y=0.0)
    m.add_node(id="a", label="Staff would need overtime pay", x=-150.0, y=160.0)
    m.add_node(id="b", label="Volunteers offered to cover it", x=150.0, y=160.0)
    m.add_node(id="q", kind="question", label="Who asked for it?", x=300.0, y=0.0)
    m.add_edge("a", "p", "attack", id="e1")
    m.add_edge("a", "b", "attack", id="e2")
    m.add_edge("b", "a", "attack", id="e3")
    return m


@pytest.fixture
def win(open_window):
    return open_window(dilemma())


def shown_labels(window) -> dict[str, str | None]:
    return {
        item.node_id: (item.verdict.label if item.verdict else None)
        for item in window.scene.node_items()
    }


def expected(window, semantics="grounded", extension=0, **kwargs) -> dict[str, str | None]:
    result = evaluate_map(window.session.map, semantics, **kwargs)
    labels = {k: str(v) for k, v in result.labels(extension).items()}
    return {n: labels.get(n) for n in window.session.map.nodes}


def test_toggling_colours_nodes_with_the_semantics_labels(win):
    assert all(label is None for label in shown_labels(win).values())
    win.actions["evaluate"].trigger()
    assert win.evaluate_dock.isVisible()
    assert shown_labels(win) == expected(win) == {"p": "UNDEC", "a": "UNDEC", "b": "UNDEC",
                                                  "q": None}  # fmt: skip
    assert win.scene.node_item("q").verdict.takes_no_part
    win.actions["evaluate"].trigger()
    assert all(item.verdict is None for item in win.scene.node_items())
    assert win.scene.evaluation is None


def test_what_if_changes_labels_and_writes_nothing(win, qtbot):
    before = map_to_dict(win.session.map)
    win.actions["evaluate"].setChecked(True)
    win.session.select(["a"])
    win.actions["what_if_accept"].trigger()
    assert shown_labels(win) == expected(win, assume={"a": True})
    assert shown_labels(win) == {"p": "OUT", "a": "IN", "b": "OUT", "q": None}
    assert win.scene.node_item("a").verdict.assumed == "IN"
    assert not win.evaluate_dock.legend_rows["pin"][0].isHidden()
    assert "Staff would need overtime pay" in win.evaluate_dock.assumed_label.text()
    win.evaluate_dock.assume(["a"], "OUT")  # the dock's Reject button
    assert shown_labels(win)["p"] == "IN" and shown_labels(win)["b"] == "IN"
    win.actions["what_if_forget"].trigger()
    assert shown_labels(win)["p"] == "UNDEC"
    assert win.evaluate_dock.legend_rows["pin"][0].isHidden()  # no what-ifs left
    assert win.session.undo_stack.count() == 0 and not win.session.is_modified
    assert map_to_dict(win.session.map) == before


def test_a_question_cannot_be_assumed(win):
    win.actions["evaluate"].setChecked(True)
    win.session.select(["q"])
    assert not win.evaluate_dock.accept_button.isEnabled()
    win.actions["what_if_accept"].trigger()
    assert win.evaluate_dock.assumptions == {}


def test_browsing_preferred_extensions(win):
    win.actions["evaluate"].setChecked(True)
    dock = win.evaluate_dock
    dock.semantics_box.setCurrentIndex(dock.semantics_box.findData("preferred"))
    assert dock.extension_label.text() == "Extension 1 of 2"
    first = shown_labels(win)
    assert first == expected(win, "preferred", 0)
    dock.next_button.click()
    assert dock.extension_label.text() == "Extension 2 of 2"
    assert shown_labels(win) == expected(win, "preferred", 1) != first
    assert {first["p"], shown_labels(win)["p"]} == {"IN", "OUT"}
    dock.next_button.click()  # wraps around
    assert shown_labels(win) == first
    win.actions["previous_extension"].trigger()
    assert dock.extension_label.text() == "Extension 2 of 2"


def test_no_stable_extension_is_said_and_draws_no_labels(win):
    m = win.session.map
    m.add_node(id="x", label="x", x=0.0, y=400.0)
    m.add_node(id="y", label="y", x=100.0, y=400.0)
    m.add_node(id="z", label="z", x=200.0, y=400.0)
    for source, target in (("x", "y"), ("y", "z"), ("z", "x")):
        m.add_edge(source, target, "attack")
    win.actions["evaluate"].setChecked(True)
    dock = win.evaluate_dock
    dock.set_semantics("stable")
    assert dock.extension_label.text() == "No stable extension"
    assert all(label is None for label in shown_labels(win).values())


def test_model_events_reevaluate_once_on_the_next_turn(win, qtbot):
    win.actions["evaluate"].setChecked(True)
    dock = win.evaluate_dock
    seen = []
    dock.evaluated.connect(seen.append)
    # Two undoable edits in one turn: b now loses to two attackers, one of them unattacked.
    win.session.map.add_node(id="c", label="The council forbids it", x=150.0, y=320.0)
    win.session.push(AddEdge(Edge("e4", "c", "b", "attack")))
    assert not seen  # debounced: nothing until control returns to the event loop
    qtbot.waitUntil(lambda: len(seen) == 1)
    qtbot.wait(20)
    assert len(seen) == 1
    assert shown_labels(win) == expected(win)
    assert shown_labels(win)["c"] == "IN" and shown_labels(win)["b"] == "OUT"
    assert shown_labels(win)["p"] == "OUT"
    win.session.undo_stack.undo()
    qtbot.waitUntil(lambda: shown_labels(win)["b"] == "UNDEC")


def test_moving_a_node_does_not_reevaluate(win, qtbot):
    win.actions["evaluate"].setChecked(True)
    seen = []
    win.evaluate_dock.evaluated.connect(seen.append)
    win.session.push(ChangeNode("a", x=-300.0, y=200.0))
    qtbot.wait(20)
    assert seen == []


def test_dfquad_strengths_follow_the_base_score(win, qtbot):
    win.actions["evaluate"].setChecked(True)
    win.evaluate_dock.set_semantics("dfquad")
    item = win.scene.node_item("p")
    before = item.verdict.strength
    assert before == pytest.approx(evaluate_map(win.session.map, "dfquad").strengths["p"])
    win.session.push(ChangeNode("p", base_score=0.9))  # what the inspector does
    qtbot.waitUntil(lambda: item.verdict.strength != before)
    assert item.verdict.strength == pytest.approx(
        evaluate_map(win.session.map, "dfquad").strengths["p"]
    )
    assert item.verdict.strength > before
    assert "Strength: " in item.tooltip_text()
    legend = win.evaluate_dock.legend_rows
    assert legend["IN"][0].isHidden() and not legend["strength"][0].isHidden()


def test_context_menu_offers_what_if_only_in_evaluate_mode(win):
    def entries(item_id: str) -> list[str]:
        menu = QMenu()
        for hook in win.context_menu_hooks:
            hook(menu, item_id)
        texts = [a.text().replace("&", "") for a in menu.actions() if a.text()]
        menu.deleteLater()
        return texts

    assert entries("a") == []
    win.actions["evaluate"].setChecked(True)
    assert entries("a") == ["What If Accepted", "What If Rejected"]
    assert entries("q") == []
    win.evaluate_dock.assume(["a"], "IN")
    assert "Forget Assumption" in entries("a")


def test_another_map_forgets_the_what_ifs(win):
    win.actions["evaluate"].setChecked(True)
    win.evaluate_dock.assume(["a"], "IN")
    win.set_session(MapSession(dilemma()))
    assert win.evaluate_dock.assumptions == {}
    assert shown_labels(win)["a"] == "UNDEC"  # the new scene is coloured too


def svg_text(data: bytes) -> str:
    return " ".join(ET.fromstring(data).itertext())


def svg_strings(data: bytes) -> list[str]:
    return [t.strip() for t in ET.fromstring(data).itertext() if t.strip()]


def test_export_with_evaluation_draws_badges_and_legend(win):
    win.actions["evaluate"].setChecked(True)
    win.evaluate_dock.assume(["b"], "IN")
    overlay = win.scene.evaluation
    assert isinstance(overlay, EvaluationOverlay)
    data = svg_bytes(win.session.map, RenderOptions(evaluation=overlay))
    text = svg_text(data)
    strings = svg_strings(data)
    assert (strings.count("✓"), strings.count("✗")) == (2 + 1, 1 + 1)  # b, p; a; the legend
    assert "Evaluated: Grounded" in text and "accepted (IN): 2" in text
    plain = svg_text(svg_bytes(win.session.map, RenderOptions()))
    assert "✓" not in plain and "Evaluated" not in plain


def test_export_command_evaluates(qapp, tmp_path, capsys):
    source = tmp_path / "dilemma.debatemap"
    save_map(dilemma(), source)
    out = tmp_path / "map.svg"
    assert main(["export", str(source), "-o", str(out), "--evaluate", "preferred",
                 "--extension", "2"]) == 0  # fmt: skip
    assert "Preferred, extension 2 of 2" in capsys.readouterr().out
    text = svg_text(out.read_bytes())
    assert "✓" in text and "✗" in text and "extension 2 of 2" in text
    assert main(["export", str(source), "-o", str(out), "--evaluate", "grounded"]) == 0
    strings = svg_strings(out.read_bytes())
    # Three undecided nodes plus the legend's sample; ✓ and ✗ only in the legend.
    assert (strings.count("?"), strings.count("✓"), strings.count("✗")) == (4, 1, 1)
    assert main(["export", str(source), "-o", str(out), "--evaluate", "preferred",
                 "--extension", "3"]) == 2  # fmt: skip
    assert "gives 2 extensions" in capsys.readouterr().err


def test_export_dialog_takes_the_colouring_while_the_mode_is_on(win, tmp_path):
    from desktop.export_actions import ExportDialog

    dialog = ExportDialog(win)
    assert dialog.options().evaluation is None
    win.actions["evaluate"].setChecked(True)
    assert dialog.options().evaluation is win.scene.evaluation is not None
    out = tmp_path / "map.svg"
    dialog.path.setText(str(out))
    dialog._sync_format_from_path()
    dialog.accept()
    assert svg_strings(out.read_bytes()).count("?") == 3 + 1  # a, b, p and the legend
    dialog.deleteLater()


def test_theme_change_redraws_the_legend(win):
    from desktop.canvas.theme import DARK

    win.actions["evaluate"].setChecked(True)
    old = win.evaluate_dock.legend_rows["IN"][0]
    win.set_theme(DARK)
    assert win.evaluate_dock.legend_rows["IN"][0] is not old
    assert win.scene.node_item("a").verdict.label == "UNDEC"


def test_closing_the_window_ends_the_subscription(qtbot):
    from PySide6.QtCore import QCoreApplication, QEvent

    argument_map = dilemma()
    window = MainWindow(MapSession(argument_map))
    window.show()
    window.actions["evaluate"].setChecked(True)
    dock = window.evaluate_dock
    listeners = argument_map._events._listeners  # the model's subscriber list (white box)
    mine = [cb for cb, _ in listeners if getattr(cb, "__self__", None) is dock]
    assert len(mine) == 1
    assert window.close()
    del window, dock
    for _ in range(3):
        QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete)
        QCoreApplication.processEvents()
    assert all(cb is not mine[0] for cb, _ in listeners)


def test_export_and_evaluate_read_supports_the_same_way_by_default(tmp_path, capsys, qapp):
    from desktop.cli import main
    from mapping.resources import example_map_path
    from mapping.semantics import DEFAULT_SUPPORT

    out = tmp_path / "evaluated.svg"
    assert main(["export", str(example_map_path()), "-o", str(out), "--evaluate", "grounded"]) == 0
    assert f"support read as '{DEFAULT_SUPPORT}'" in capsys.readouterr().out
