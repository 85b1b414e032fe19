"""From parsed documents to a proposal: positions, claims with speakers and spans, relations.

The rules, in the order they are tried for each claim:
1. a discourse marker links it to the claim before it ("But …" attacks, "For example …" supports,
   "Therefore …" is supported), as does a back reference ("This is a mistake");
2. a profile's cue phrases link it to a position (support, or attack when negated or when the
   phrase argues against the position); a named holder of a position carries its stance;
3. a comment's first claim answers the comment it replies to (agreement, disagreement, insult,
   question), a top-level comment answers the article;
4. otherwise an author's claim argues for the document's thesis (its title or central claim),
   with a concession ("Admittedly …", "Some say …") attacking it.
Every relation records a confidence and the cue that produced it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field

from mapping.documents import ParsedDocument
from mapping.seeding import cues
from mapping.seeding.profiles import DebateProfile, ProfilePosition
from mapping.seeding.proposal import Proposal, ProposedNode, ProposedRelation

_CENTRAL = re.compile(
    r"\b(?:should|must|ought|have to|has to|need to|needs to|high time|it is time|we need|"
    r"is necessary|are necessary|is essential|let us|let's|would be better|is better|"
    r"is the right|is wrong|is right|must not|should not|shouldn't|mustn't|is a mistake)\b",
    re.IGNORECASE,
)
_URL = re.compile(r"^\s*(?:https?://|www\.)\S+\s*$")
_YEARS = re.compile(r"\b(?:1[5-9]\d\d|20\d\d)\b")
_LABEL_WORDS = 14


@dataclass
class _Unit:
    """A sentence or clause that may become a node."""

    key: str
    document: int
    start: int
    end: int
    text: str
    speaker: str
    role: str
    comment: str | None
    sentence: int
    kind: str = "claim"  # claim | question | note (insult)
    score: float = 0.0
    insult: str | None = None
    relations: list[ProposedRelation] = field(default_factory=list)


def propose(
    documents: Sequence[ParsedDocument],
    profile: DebateProfile | None = None,
    *,
    max_article_claims: int = 40,
    max_comment_claims: int = 2,
) -> Proposal:
    """Seed a proposal from parsed documents, with or without a debate profile."""
    nodes: list[ProposedNode] = []
    relations: list[ProposedRelation] = []
    if profile is not None:
        nodes.extend(_profile_positions(profile))
        relations.extend(_opposing_positions(profile))
    for index, document in enumerate(documents):
        doc_nodes, doc_relations = _seed_document(
            index, document, profile, max_article_claims, max_comment_claims
        )
        nodes.extend(doc_nodes)
        relations.extend(doc_relations)
    return Proposal(
        documents=tuple(documents),
        nodes=tuple(nodes),
        relations=tuple(_deduplicate(relations)),
        profile=profile.name if profile else "",
    )


# -- positions ---------------------------------------------------------------------------------
def _position_key(position: ProfilePosition) -> str:
    return f"position:{position.key}"


def _profile_positions(profile: DebateProfile) -> list[ProposedNode]:
    return [
        ProposedNode(
            key=_position_key(position),
            kind="position",
            label=position.label,
            text=position.description,
            tags=("profile",),
            data={"profile_key": position.key, "holders": list(position.holders)},
        )
        for position in profile.positions
    ]


def _opposing_positions(profile: DebateProfile) -> list[ProposedRelation]:
    found: list[ProposedRelation] = []
    done: set[frozenset[str]] = set()
    for position in profile.positions:
        for other in position.opposes:
            pair = frozenset((position.key, other))
            if pair in done:
                continue
            done.add(pair)
            found.append(
                ProposedRelation(
                    _position_key(position),
                    f"position:{other}",
                    "attack",
                    0.9,
                    f"profile: ‘{position.key}’ opposes ‘{other}’",
                    "profile",
                )
            )
    return found


# -- one document ------------------------------------------------------------------------------
def _seed_document(
    index: int,
    document: ParsedDocument,
    profile: DebateProfile | None,
    max_article_claims: int,
    max_comment_claims: int,
) -> tuple[list[ProposedNode], list[ProposedRelation]]:
    units = _units(index, document)
    title_unit = next(
        (u for u in units if document.blocks[document.sentences[u.sentence].block].kind == "title"),
        None,
    )
    units = [u for u in units if u is not title_unit and _worth_considering(document, u)]
    thesis_kind = "claim" if profile is not None else "position"
    if title_unit is None and profile is None:
        title_unit = _central_unit([u for u in units if u.comment is None])
        if title_unit is not None:
            units.remove(title_unit)
    thesis: _Unit | None = title_unit
    if thesis is not None:
        thesis.kind = thesis_kind
        thesis.key = f"d{index}:thesis"

    for unit in units:
        _classify(document, unit, profile)
    selected = _select(units, profile, max_article_claims, max_comment_claims)

    relations: list[ProposedRelation] = []
    if thesis is not None and profile is not None:
        relations.extend(_profile_relations(thesis, profile))
    first_of_comment: dict[str, _Unit] = {}
    previous_in_thread: dict[str | None, _Unit] = {}
    kept: list[_Unit] = []
    for unit in selected:
        thread = unit.comment
        previous = previous_in_thread.get(thread)
        found = _marker_relations(unit, previous)
        if unit.kind == "claim" and profile is not None:
            found.extend(_profile_relations(unit, profile))
        if thread is not None and thread not in first_of_comment:
            first_of_comment[thread] = unit
            found.extend(_reply_relation(document, unit, first_of_comment, thesis))
        if not found:
            found.extend(_fallback(unit, previous, thesis, first_of_comment, profile))
        if not found and unit.role == "quoted" and profile is not None:
            continue  # a quotation that connects to nothing stays in the document panel
        unit.relations = found
        kept.append(unit)
        previous_in_thread[thread] = unit

    nodes: list[ProposedNode] = []
    if thesis is not None:
        nodes.append(_node(document, thesis, index))
    nodes.extend(_node(document, unit, index) for unit in kept)
    for unit in kept:
        relations.extend(unit.relations)
    return nodes, relations


def _units(index: int, document: ParsedDocument) -> list[_Unit]:
    units: list[_Unit] = []
    for number, sentence in enumerate(document.sentences):
        spans = sentence.clauses or ((sentence.start, sentence.end),)
        for part, (start, end) in enumerate(spans):
            text = document.text[start:end]
            units.append(
                _Unit(
                    key=f"d{index}:s{number}" + (f".{part}" if sentence.clauses else ""),
                    document=index,
                    start=start,
                    end=end,
                    text=text,
                    speaker=sentence.speaker,
                    role=sentence.role,
                    comment=sentence.comment,
                    sentence=number,
                )
            )
    return units


def _worth_considering(document: ParsedDocument, unit: _Unit) -> bool:
    block = document.blocks[document.sentences[unit.sentence].block]
    if block.kind in ("heading", "subtitle"):
        return False
    words = unit.text.split()
    return len(words) >= 3 and not _URL.match(unit.text)


def _central_unit(units: list[_Unit]) -> _Unit | None:
    """The claim the rest argues for, when a text has no title."""
    if not units:
        return None
    best, best_score = None, -99.0
    for position, unit in enumerate(units):
        score = 3.0 if _CENTRAL.search(unit.text) else 0.0
        if cues.leading(cues.CONCLUSION_MARKERS, unit.text):
            score += 2
        if position == 0:
            score += 1
        if position == len(units) - 1:
            score += 0.8
        if cues.leading(
            cues.SUPPORT_MARKERS + cues.ATTACK_MARKERS + cues.CONCESSION_MARKERS, unit.text
        ):
            score -= 2
        if is_question_text(unit.text):
            score -= 1
        if score > best_score:
            best, best_score = unit, score
    return best


def is_question_text(text: str) -> bool:
    return text.rstrip("”\"’') ").endswith("?")


def _classify(document: ParsedDocument, unit: _Unit, profile: DebateProfile | None) -> None:
    insult = cues.find(cues.INSULTS, unit.text)
    words = unit.text.split()
    if (
        insult
        and (len(words) <= 10 or re.search(r"\byou\b", unit.text, re.IGNORECASE))
        and not cues.find(("because", "since", "evidence", "argument"), unit.text)
    ):
        unit.kind, unit.insult = "note", insult
    elif is_question_text(unit.text):
        unit.kind = "question"
    score = float(cues.score_argumentative(unit.text))
    if profile is not None and _cue_hits(unit.text, profile):
        score += 4
    if unit.role == "quoted":
        score += 1.5
    if cues.leading(
        cues.ATTACK_MARKERS + cues.SUPPORT_MARKERS + cues.CONCLUSION_MARKERS, unit.text
    ):
        score += 1
    if cues.back_reference(unit.text):
        score += 2
    if _YEARS.search(unit.text):
        score -= 1.5
    if len(words) > 45:
        score -= 1
    unit.score = score


def _cue_hits(text: str, profile: DebateProfile) -> bool:
    return any(
        cues.find(position.cues, text) or cues.find(position.against, text)
        for position in profile.positions
    )


def _select(
    units: list[_Unit], profile: DebateProfile | None, max_article: int, max_comment: int
) -> list[_Unit]:
    """Keep the map readable: the strongest article claims and a few per comment, in text order."""
    article = [u for u in units if u.comment is None]
    if len(article) > max_article:
        ranked = sorted(article, key=lambda u: (-u.score, u.start))
        keep_article = {id(u) for u in ranked[:max_article] if u.score > 0 or profile is None}
    else:
        keep_article = {id(u) for u in article}
    keep: set[int] = set(keep_article)
    by_comment: dict[str, list[_Unit]] = {}
    for unit in units:
        if unit.comment is not None:
            by_comment.setdefault(unit.comment, []).append(unit)
    for members in by_comment.values():
        useful = [u for u in members if len(u.text.split()) >= 3 and u.text.strip(" .") != "Ok"]
        if not useful:
            continue
        chosen = [useful[0]]
        rest = sorted(useful[1:], key=lambda u: (-u.score, u.start))
        chosen.extend(u for u in rest[: max_comment - 1] if u.score > 0)
        keep.update(id(u) for u in chosen)
    return [u for u in units if id(u) in keep]


# -- relations ---------------------------------------------------------------------------------
def _relation(
    source: _Unit | str,
    target: _Unit | str,
    relation: str,
    confidence: float,
    reason: str,
    cue: str,
) -> ProposedRelation:
    source_key = source if isinstance(source, str) else source.key
    target_key = target if isinstance(target, str) else target.key
    return ProposedRelation(source_key, target_key, relation, confidence, reason, cue)


def _marker_relations(unit: _Unit, previous: _Unit | None) -> list[ProposedRelation]:
    # A marker answers the text just before it, not a claim kept from paragraphs earlier.
    if previous is None or unit.sentence - previous.sentence > 2:
        return []
    marker = cues.leading(cues.ATTACK_MARKERS, unit.text)
    if marker:
        return [
            _relation(unit, previous, "attack", 0.6, f"opens with ‘{marker}’", "discourse marker")
        ]
    back = cues.back_reference(unit.text)
    if back:
        relation, phrase = back
        return [
            _relation(
                unit,
                previous,
                relation,
                0.65,
                f"‘{phrase}’ judges the claim before",
                "back reference",
            )
        ]
    marker = cues.leading(cues.SUPPORT_MARKERS, unit.text)
    if marker:
        return [
            _relation(unit, previous, "support", 0.55, f"opens with ‘{marker}’", "discourse marker")
        ]
    marker = cues.leading(cues.CONCLUSION_MARKERS, unit.text)
    if marker and previous.kind == "claim":
        return [
            _relation(
                previous,
                unit,
                "support",
                0.5,
                f"‘{marker}’ draws a conclusion from it",
                "discourse marker",
            )
        ]
    if previous.sentence == unit.sentence:
        return [
            _relation(
                unit, previous, "support", 0.4, "second clause of the same sentence", "clause"
            )
        ]
    return []


def _profile_relations(unit: _Unit, profile: DebateProfile) -> list[ProposedRelation]:
    found: list[ProposedRelation] = []
    for position in profile.positions:
        target = _position_key(position)
        cue = cues.find(position.cues, unit.text)
        if cue:
            negation = cues.negation_before(unit.text, cue)
            if negation:
                found.append(
                    _relation(
                        unit,
                        target,
                        "attack",
                        0.65,
                        f"cue ‘{cue}’ negated by ‘{negation}’",
                        "profile cue (negated)",
                    )
                )
            else:
                found.append(_relation(unit, target, "support", 0.7, f"cue ‘{cue}’", "profile cue"))
            continue
        against = cues.find(position.against, unit.text)
        if against:
            # counter-cues are written with their own negation ("not a model state"): never flipped
            found.append(
                _relation(
                    unit, target, "attack", 0.65, f"counter-cue ‘{against}’", "profile counter-cue"
                )
            )
    if not found:
        for position in profile.positions:
            holder = _holder(unit.speaker, position)
            if holder and (unit.role != "author" or unit.key.endswith(":thesis")):
                found.append(
                    _relation(
                        unit,
                        _position_key(position),
                        "support",
                        0.45,
                        f"{unit.speaker} is a named holder",
                        "named holder",
                    )
                )
    return found


def _holder(speaker: str, position: ProfilePosition) -> str | None:
    if not speaker:
        return None
    name = cues.normalise(speaker)
    for holder in position.holders:
        wanted = cues.normalise(holder)
        if wanted == name or (
            len(wanted) > 3 and (wanted in name or (name in wanted and len(name) > 3))
        ):
            return holder
    return None


def _reply_relation(
    document: ParsedDocument, unit: _Unit, first_of_comment: dict[str, _Unit], thesis: _Unit | None
) -> list[ProposedRelation]:
    comment = document.comment(unit.comment) if unit.comment else None
    if comment is None:
        return []
    if comment.parent is not None:
        target = first_of_comment.get(comment.parent)
        parent_author = document.comment(comment.parent).author
    else:
        target, parent_author = thesis, None
    if target is None:
        return []
    what = f"reply to comment {comment.parent}" if comment.parent else "comment on the article"
    if unit.insult:
        return [_relation(unit, target, "attack", 0.6, f"{what}: insult ‘{unit.insult}’", "reply")]
    if parent_author and comment.author == parent_author:
        return [_relation(unit, target, "support", 0.5, f"{what} by the same author", "reply")]
    # short openers like "I agree." are not claims themselves, but they set the reply's stance
    opening = min(
        (s.start for s in document.sentences if s.comment == unit.comment), default=unit.start
    )
    text = document.text[opening : unit.end]
    agreement = cues.find(cues.AGREEMENT, text)
    disagreement = cues.find(cues.DISAGREEMENT, text)
    if agreement and (
        not disagreement or text.lower().find(agreement) < text.lower().find(disagreement)
    ):
        return [
            _relation(unit, target, "support", 0.6, f"{what}: agreement ‘{agreement}’", "reply")
        ]
    if disagreement:
        return [
            _relation(
                unit, target, "attack", 0.55, f"{what}: disagreement ‘{disagreement}’", "reply"
            )
        ]
    if unit.kind == "question":
        return [_relation(unit, target, "attack", 0.35, f"{what}: question", "reply")]
    return [_relation(unit, target, "attack", 0.3, f"{what}: no agreement cue", "reply")]


def _fallback(
    unit: _Unit,
    previous: _Unit | None,
    thesis: _Unit | None,
    first_of_comment: dict[str, _Unit],
    profile: DebateProfile | None,
) -> list[ProposedRelation]:
    if unit.comment is not None:
        first = first_of_comment.get(unit.comment)
        if first is not None and first is not unit:
            return [_relation(unit, first, "support", 0.4, "same comment", "comment")]
        return []
    if thesis is None:
        return []
    if unit.role == "quoted" and profile is not None:
        return []
    concession = cues.leading(cues.CONCESSION_MARKERS, unit.text)
    if concession:
        return [_relation(unit, thesis, "attack", 0.45, f"concession ‘{concession}’", "concession")]
    if profile is None:
        relation, cue = cues.stance(thesis.text, unit.text)
        return [
            _relation(unit, thesis, relation, 0.3, f"polarity towards the thesis: {cue}", "thesis")
        ]
    return [_relation(unit, thesis, "support", 0.3, "argues for the document's thesis", "thesis")]


def _deduplicate(relations: list[ProposedRelation]) -> list[ProposedRelation]:
    seen: set[tuple[str, str]] = set()
    unique: list[ProposedRelation] = []
    for relation in relations:
        pair = (relation.source, relation.target)
        if pair in seen or relation.source == relation.target:
            continue
        seen.add(pair)
        unique.append(relation)
    return unique


def _node(document: ParsedDocument, unit: _Unit, index: int) -> ProposedNode:
    sentence = document.sentences[unit.sentence]
    tags: list[str] = []
    if unit.insult:
        tags.append("insult")
    if unit.kind == "question":
        tags.append("question")
    if unit.role == "quoted":
        tags.append("quoted")
    if unit.comment:
        tags.append("comment")
    data: dict = {"role": unit.role}
    if unit.comment:
        data["comment"] = unit.comment
    if sentence.speech_cue:
        data["speech_cue"] = sentence.speech_cue
    return ProposedNode(
        key=unit.key,
        kind=unit.kind,
        label=_label(unit.text),
        text=" ".join(unit.text.split()),
        speaker=unit.speaker,
        document=index,
        start=unit.start,
        end=unit.end,
        tags=tuple(tags),
        data=data,
    )


def _label(text: str) -> str:
    words = text.strip(" “”\"'").split()
    return " ".join(words) if len(words) <= _LABEL_WORDS else " ".join(words[:_LABEL_WORDS]) + " …"
