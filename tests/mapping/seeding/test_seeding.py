"""Seeding: profiles, cue rules, the proposal as one undoable operation, the seed documents."""

from pathlib import Path

import pytest
from shared_data import seeds_dir

from mapping.cli import main
from mapping.documents import parse_text, read_document
from mapping.errors import MappingError
from mapping.formats.debatemap import load_map
from mapping.model import ArgumentMap, Compound, History
from mapping.seeding import load_profile, propose
from mapping.seeding.profiles import profile_from_dict

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "documents"


@pytest.fixture(scope="module")
def iran():
    return load_profile("iran-2026")


def node_with(proposal, fragment):
    found = [n for n in proposal.nodes if fragment in n.text]
    assert found, fragment
    return found[0]


def relations_from(proposal, key):
    return [r for r in proposal.relations if r.source == key]


def test_bundled_profile_has_the_four_positions(iran):
    labels = [p.label.lower() for p in iran.positions]
    for words in ("enemy of my enemy", "independent unions", "colour revolution", "anti-war"):
        assert any(words in label for label in labels), words
    assert all(p.description and p.cues for p in iran.positions)


def test_profile_errors_name_file_and_key(tmp_path):
    bad = tmp_path / "bad.toml"
    bad.write_text('[[positions]]\nkey = "a"\nlabel = "A"\ncues = "not a list"\n', encoding="utf-8")
    with pytest.raises(MappingError, match=r"bad\.toml: positions\[0\]\.cues"):
        load_profile(bad)
    with pytest.raises(MappingError, match="opposes unknown"):
        profile_from_dict({"positions": [{"key": "a", "label": "A", "opposes": ["b"]}]})
    with pytest.raises(MappingError, match="unknown profile"):
        load_profile("no-such-profile")


def test_negated_cue_attacks_the_position(iran):
    doc = parse_text("I don't accept this is a colour revolution.\n\nIt is a revolt.", "c.txt")
    proposal = propose([doc], iran)
    claim = node_with(proposal, "colour revolution")
    (relation,) = [
        r for r in relations_from(proposal, claim.key) if r.target.startswith("position")
    ]
    assert relation.target == "position:colour-revolution"
    assert relation.relation == "attack" and "don't accept" in relation.reason
    plain = propose([parse_text("This is a colour revolution made in Washington.", "d.txt")], iran)
    claim = node_with(plain, "colour revolution")
    assert relations_from(plain, claim.key)[0].relation == "support"


def test_discourse_markers_without_a_profile():
    text = (
        "Cities should ban cars from their centres.\n\n"
        "Shops rely on customers who drive. But most shoppers in centres arrive on foot. "
        "For example, the high street survey counted four walkers for every driver."
    )
    proposal = propose([parse_text(text, "cars.txt")], None)
    assert proposal.nodes[0].kind == "position"  # the central claim, found without a title
    but = node_with(proposal, "But most shoppers")
    example = node_with(proposal, "For example")
    shops = node_with(proposal, "Shops rely")
    (attack,) = relations_from(proposal, but.key)
    assert (attack.target, attack.relation) == (shops.key, "attack") and "but" in attack.reason
    (support,) = relations_from(proposal, example.key)
    assert (support.target, support.relation) == (but.key, "support")
    assert all(0 < r.confidence <= 1 and r.reason for r in proposal.relations)


def test_replies_link_to_their_parent_comment():
    doc = read_document(FIXTURES / "disqus.txt")
    proposal = propose([doc], None)
    by_comment = {n.data.get("comment"): n for n in proposal.nodes if n.data.get("comment")}
    reply = relations_from(proposal, by_comment["1.1"].key)
    assert [(r.target, r.relation, r.cue) for r in reply] == [
        (by_comment["1"].key, "attack", "reply")
    ]
    assert "not true" in reply[0].reason
    answer = relations_from(proposal, by_comment["1.1.1"].key)
    assert answer[0].target == by_comment["1.1"].key


def test_questions_and_insults_are_not_claims(iran):
    text = "Taxes on land are fair.\n\n2 comments:\n\n  1. What a stupid idiot you are\n\n  2. Why should renters pay?\n"
    proposal = propose([parse_text(text, "q.txt")], None)
    insult = node_with(proposal, "idiot")
    question = node_with(proposal, "renters")
    assert (insult.kind, insult.tags[0]) == ("note", "insult")
    assert question.kind == "question"


def test_applying_a_proposal_is_one_undoable_step():
    docs = [read_document(FIXTURES / name) for name in ("wordpress.txt", "oped.txt", "page.html")]
    proposal = propose(docs, None)
    argument_map = ArgumentMap(title="t")
    history = History(argument_map)
    operation = proposal.operation(argument_map)
    assert isinstance(operation, Compound)
    history.do(operation)
    assert len(argument_map.documents) == 3 and len(argument_map.nodes) == len(proposal.nodes)
    for node in argument_map.nodes.values():
        assert node.sources, node
        (span,) = node.sources
        text = argument_map.document(span.document).text
        assert " ".join(text[span.start : span.end].split()) == node.text
    assert all(edge.origin == "seeded" for edge in argument_map.edges.values())
    history.undo()
    assert not argument_map.nodes and not argument_map.edges and not argument_map.documents
    history.redo()
    assert len(argument_map.nodes) == len(proposal.nodes)


@pytest.fixture(scope="module")
def seeded(iran):
    docs = [read_document(path) for path in sorted(seeds_dir().glob("*.txt"))]
    return propose(docs, iran)


def test_seeded_map_of_the_two_seeds(seeded):
    positions = [n for n in seeded.nodes if n.kind == "position"]
    others = [n for n in seeded.nodes if n.kind != "position"]
    assert len(positions) == 4
    assert 30 <= len(others) <= 120
    for node in others:
        document = seeded.documents[node.document]
        assert " ".join(document.text[node.start : node.end].split()) == node.text
    speakers = {n.speaker for n in others}
    for name in ("Nick Clark", "Tony Greenstein", "Lindsey German", "John McDonnell",
                 "Advocatus diaboli", "Richard Lightbown", "unknown commenter (4.1)"):  # fmt: skip
        assert name in speakers, name


def test_seeded_relations_on_the_seeds(seeded):
    rejection = node_with(seeded, "accept this is a colour revolution")
    targets = {(r.target, r.relation) for r in relations_from(seeded, rejection.key)}
    assert ("position:colour-revolution", "attack") in targets
    question = node_with(seeded, "answer then Tony")  # comment 4 asks; 4.1 answers it
    assert any(
        r.target == question.key and r.cue == "reply" for r in relations_from(seeded, rejection.key)
    )
    miller = node_with(seeded, "front lines of anti-imperialism")
    assert miller.speaker == "David Miller"
    assert ("position:enemy-of-my-enemy", "support") in {
        (r.target, r.relation) for r in relations_from(seeded, miller.key)
    }
    comments = {}
    for node in seeded.nodes:  # the first node of each comment carries the reply
        if "comment" in node.data:
            comments.setdefault(node.data["comment"], node)
    agree = relations_from(seeded, comments["2.1"].key)
    assert any(r.relation == "support" and "agree" in r.reason for r in agree)
    for number, node in comments.items():
        if "." in number and number.rsplit(".", 1)[0] in comments:
            parent = comments[number.rsplit(".", 1)[0]]
            assert any(r.target == parent.key for r in relations_from(seeded, node.key)), number


def test_seed_command_writes_a_map_with_embedded_text(tmp_path, capsys):
    out = tmp_path / "seeds.debatemap"
    files = [str(p) for p in sorted(seeds_dir().glob("*.txt"))]
    assert main(["seed", *files, "-o", str(out), "--report"]) == 0
    printed = capsys.readouterr().out
    assert "22 found in 8 threads (the page says 24)" in printed and "by cue" in printed
    argument_map = load_map(out)
    assert sum(1 for n in argument_map.nodes.values() if n.kind == "position") == 4
    for path, document in zip(files, argument_map.documents.values(), strict=True):
        assert document.text == Path(path).read_bytes().decode("utf-8")
    assert all(n.sources for n in argument_map.nodes.values() if n.kind != "position")


def test_seed_command_reports_user_errors(tmp_path, capsys):
    assert main(["seed", str(tmp_path / "missing.txt"), "-o", str(tmp_path / "x.debatemap")]) == 2
    assert "missing.txt" in capsys.readouterr().err
