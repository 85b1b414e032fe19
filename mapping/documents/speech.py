"""Reported speech: who says each sentence, so a quoted person's claim is not put on the author.

Handled: `X said, "…"`, `"…," X said`, `X told Y …`, `X warned that …`, `X claimed …`,
`According to X, …`, a quotation introduced by a colon after a name, quotations running over
several paragraphs (an unclosed “ continued by a paragraph that opens with “), and "he"/"she"
resolved to the person named or quoted just before.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

SPEECH_VERBS = (
    r"(?:said|says|told|tells|warned|warns|claimed|claims|argued|argues|added|adds|insisted|"
    r"insists|stated|wrote|writes|declared|declares|threatened|threatens|replied|"
    r"responded by saying|suggested|admitted|explained|stressed|noted|maintains|maintained|"
    r"talks about|talked about|thinks|believes|believed|announced|tweeted that|insisted that)"
)
_LEAD = r"(?:(?:But|And|Yet|So|Indeed|However|Meanwhile|Now|Then)\b,?\s+)?"
_INDIRECT = re.compile(
    rf"^{_LEAD}(?P<subject>[^.?!]{{1,160}}?)\s+(?P<verb>{SPEECH_VERBS})\b", re.UNICODE
)
_ACCORDING = re.compile(r"^(?:According to|In the words of)\s+(?P<who>[^,]{2,60}),")
_BEFORE_QUOTE = re.compile(
    rf"(?P<subject>[^.?!“”\"]{{1,160}}?)\s+(?P<verb>{SPEECH_VERBS})[^“\"]{{0,120}}?[,:]?\s*$"
)
_NAME = r"[A-Z][\w’'-]+(?:[ ](?:[A-Z]\.|[A-Z][\w’'-]+)){0,3}"
_AFTER_QUOTE = re.compile(
    rf"^\s*,?\s*(?:(?P<who>he|she|they|{_NAME})\s+{SPEECH_VERBS}"
    rf"|{SPEECH_VERBS}\s+(?:[a-z]+\s+){{0,3}}(?P<who2>{_NAME}))\b"
)
_NAME_AFTER_QUOTE = re.compile(r"^\s*[,–—-]?\s*(?P<who>[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2})\b")
_CAPITALISED = re.compile(r"[A-Z][\w’'-]*(?:\.?\s+(?:al-|bin\s+|de\s+|van\s+)?[A-Z][\w’'-]*)*")
_PERSON_NAME = re.compile(r"\b[A-Z][a-z]+(?:\s+[A-Z][a-z]+){1,2}\b")
_PREPOSITIONS = {"in", "of", "from", "at", "for", "with", "by", "to", "on", "about"}
_PRONOUNS = {"he", "she", "they"}
_SELF = {"i", "we"}
_NOT_SPEAKERS = {
    "it", "this", "that", "which", "who", "there", "here", "what", "these", "those", "some",
    "many", "people", "nobody", "no one", "everyone", "anyone",
}  # fmt: skip
_NOT_NAMES = {
    "The",
    "There",
    "This",
    "That",
    "These",
    "Those",
    "It",
    "In",
    "On",
    "But",
    "And",
    "Having",
}
_SUBORDINATE = {
    "as",
    "when",
    "if",
    "while",
    "although",
    "since",
    "because",
    "once",
    "after",
    "before",
}
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had|will|would|can|could|do|does|did)\b")
_TITLES = re.compile(
    r"^(?:(?:Mayor|Councillor|Councilman|Councilwoman|President|Prime Minister|Minister|Senator|"
    r"Governor|Chancellor|Secretary|Professor|Dr\.?|Mr\.?|Mrs\.?|Ms\.?|General|Chief|Judge|"
    r"Sir|Dame|Lord|Lady|Tory|Labour|Shadow|MP|Rep\.?|Sen\.?)\s+)+(?=[A-Z])"
)
_CALENDAR = re.compile(
    r"^(?:(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|On|In|By|Last|Next)\s+)+"
)


@dataclass(frozen=True)
class Attribution:
    """Who says a sentence, and the cue that showed it ("" when it is the default speaker)."""

    speaker: str
    role: str  # "quoted", or the default role passed in
    cue: str


@dataclass
class _Quote:
    start: int
    end: int
    speaker: str | None = None
    cue: str = ""


def attribute(
    text: str,
    units: list[tuple[int, int, int, str]],
    block_kinds: list[str],
    default: list[tuple[str, str]],
) -> list[Attribution]:
    """Attribute each sentence unit (start, end, block index, block text kind) to a speaker.

    `default[b]` is the (speaker, role) of block b when nobody is quoted: the author for the
    article, the commenter for a comment.
    """
    quotes = _find_quotes(text, units, block_kinds)
    results: list[Attribution] = []
    recent: list[tuple[int, str]] = []  # (unit index, speaker) of earlier quoted speakers
    for index, (start, end, block, _kind) in enumerate(units):
        fallback_speaker, fallback_role = default[block]
        sentence = text[start:end]
        attribution: Attribution | None = None
        for quote in quotes:  # "…,” he said": he is the person quoted or named just before
            if start <= quote.start < end and quote.speaker and quote.speaker.lower() in _PRONOUNS:
                quote.speaker = _resolve(text, units, index, recent) or None
                for later in quotes:
                    if later.cue == "quotation continued" and later.start > quote.start:
                        later.speaker = (
                            later.speaker if later.speaker not in _PRONOUNS else quote.speaker
                        )

        inside = [q for q in quotes if q.speaker and q.start < end and q.end > start]
        covered = sum(min(q.end, end) - max(q.start, start) for q in inside)
        if inside and covered >= 0.5 * (end - start):
            quote = inside[0]
            attribution = Attribution(quote.speaker or "", "quoted", quote.cue)
        if attribution is None:
            attribution = _indirect(sentence, text, units, index, recent)
        if attribution is None and block_kinds[block] == "quote":
            intro = _intro_speaker(text, units, index, block, block_kinds, recent)
            if intro:
                attribution = intro
        if attribution is not None and attribution.speaker in _SELF_SPEAKER:
            attribution = None
        if attribution is None:
            attribution = Attribution(fallback_speaker, fallback_role, "")
        else:
            recent.append((index, attribution.speaker))
        results.append(attribution)
    return results


_SELF_SPEAKER = {"", "I", "We", "we"}


def _indirect(
    sentence: str, text: str, units: list, index: int, recent: list[tuple[int, str]]
) -> Attribution | None:
    according = _ACCORDING.match(sentence)
    if according:
        return Attribution(according.group("who").strip(), "quoted", "according to")
    match = _INDIRECT.match(sentence)
    if not match:
        return None
    who = _speaker_from_subject(match.group("subject"))
    if who is None:
        return None
    verb = match.group("verb")
    if who.lower() in _PRONOUNS:
        resolved = _resolve(text, units, index, recent)
        if not resolved:
            return None
        return Attribution(resolved, "quoted", f"{who} {verb}")
    if who.lower() in _SELF:
        return None
    return Attribution(who, "quoted", f"{who} {verb}")


def _speaker_from_subject(subject: str) -> str | None:
    """The person in a subject phrase: "Labour shadow chancellor John McDonnell" → "John McDonnell"."""
    phrase = subject.strip().rstrip(",").strip()
    if "," in phrase:
        phrase = phrase.rsplit(",", 1)[1].strip()
    if any(mark in phrase for mark in '“”"('):
        return None
    if not phrase or len(phrase.split()) > 9:
        return None
    if " and " in phrase:  # "Trump and his secretary of state Mike Pompeo"
        parts = [_speaker_from_subject(part) for part in phrase.split(" and ")]
        if all(parts) and not any(p.lower() in _PRONOUNS | _SELF for p in parts if p):
            return " and ".join(p for p in parts if p)
    if _FINITE.search(phrase):
        return None  # "A favourite argument of X is Y's claims": "claims" is a noun here
    words = phrase.split()
    while words and words[0].lower() in _SUBORDINATE:
        words = words[1:]
    if not words:
        return None
    phrase = " ".join(words)
    pronouns = [w for w in words if w.lower() in _PRONOUNS | _SELF]
    if pronouns and all(w.islower() or w in pronouns for w in words):
        return pronouns[0]  # "last year he", "he later"
    lower = phrase.lower()
    if lower.split()[0] in _NOT_SPEAKERS or "(" in phrase or ")" in phrase:
        return None
    names = list(_CAPITALISED.finditer(phrase))
    if names:
        last = names[-1]
        head_is_name = last.end() == len(phrase)
        before = phrase[: last.start()].split()
        after_preposition = bool(before) and before[-1].lower() in _PREPOSITIONS
        if head_is_name and not after_preposition:
            name = _TITLES.sub("", _CALENDAR.sub("", last.group()))
            if not name:
                return None
            if name.split()[0] in _NOT_NAMES and len(name.split()) > 1:
                name = name.split(None, 1)[1]
            if name in _NOT_NAMES:
                return None
            return name
    if phrase[0].islower() or phrase.split()[0] in ("One", "A", "An", "The", "Some"):
        # "a journalist from Tehran", "One of the protest organisers in Iraq"
        return phrase[0].lower() + phrase[1:] if phrase.split()[0] in ("A", "An") else phrase
    return None


def _resolve(text: str, units: list, index: int, recent: list[tuple[int, str]]) -> str | None:
    """The person "he"/"she" points at: a speaker of the last two sentences, else a name there."""
    for unit_index, speaker in reversed(recent):
        if index - unit_index <= 2:
            return speaker
        break
    if index > 0:
        start, end = units[index - 1][0], units[index - 1][1]
        names = [
            m.group()
            for m in _PERSON_NAME.finditer(text[start:end])
            if m.group().split()[0] not in _NOT_NAMES
        ]
        if names:
            return names[-1]
    return None


def _intro_speaker(
    text: str,
    units: list,
    index: int,
    block: int,
    block_kinds: list[str],
    recent: list[tuple[int, str]],
) -> Attribution | None:
    """The speaker of a quotation block: named in the sentence before it, which ends with ":"."""
    previous = index - 1
    while previous >= 0 and units[previous][2] == block:
        previous -= 1
    if previous < 0:
        return None
    start, end = units[previous][0], units[previous][1]
    intro = text[start:end].rstrip()
    if intro.endswith(":"):
        match = _BEFORE_QUOTE.search(intro.rstrip(":") + ":")
        if match:
            who = _speaker_from_subject(match.group("subject"))
            if who and who.lower() in _PRONOUNS:
                who = _resolve(text, units, previous, recent)
            if who and who.lower() not in _SELF:
                return Attribution(who, "quoted", f"{who} {match.group('verb')}:")
        return None
    if text[units[index][0] : units[index][0] + 1].islower():
        names = [
            m.group()
            for m in _PERSON_NAME.finditer(intro)
            if m.group().split()[0] not in _NOT_NAMES
        ]
        if names:
            return Attribution(names[-1], "quoted", f"quotation after mention of {names[-1]}")
    return None


def _find_quotes(text: str, units: list, block_kinds: list[str]) -> list[_Quote]:
    """Quotations of four words or more, with the speaker named around them."""
    spans: list[tuple[int, int, int]] = []  # start, end, block
    blocks_seen: dict[int, tuple[int, int]] = {}
    for start, end, block, _kind in units:
        low, high = blocks_seen.get(block, (start, end))
        blocks_seen[block] = (min(low, start), max(high, end))
    for block, (start, end) in sorted(blocks_seen.items()):
        body = text[start:end]
        position = 0
        while True:
            open_at = _next_open(body, position)
            if open_at < 0:
                break
            mark = body[open_at]
            close_at = body.find("”" if mark == "“" else '"', open_at + 1)
            if close_at < 0:
                spans.append((start + open_at, end, block))  # runs on to the next paragraph
                break
            spans.append((start + open_at, start + close_at + 1, block))
            position = close_at + 1
    quotes: list[_Quote] = []
    previous_open: _Quote | None = None
    for start, end, block in spans:
        quote = _Quote(start, end)
        if len(text[start:end].split()) < 4:
            previous_open = None
            continue
        line_start = text.rfind("\n", 0, start) + 1
        sentence_start = max(
            [line_start, *(u[0] for u in units if u[2] == block and u[0] <= start)]
        )
        before = text[sentence_start:start]
        after = text[end : min(len(text), end + 80)]
        match = _BEFORE_QUOTE.search(before) if before.strip() else None
        if previous_open is not None and not before.strip():
            quote.speaker, quote.cue = previous_open.speaker, "quotation continued"
        elif match and _speaker_from_subject(match.group("subject")):
            quote.speaker = _speaker_from_subject(match.group("subject"))
            quote.cue = f"{quote.speaker} {match.group('verb')}, “…”"
        else:
            after_match = _AFTER_QUOTE.match(after) if text[end - 1] in '”"' else None
            named = _NAME_AFTER_QUOTE.match(after) if text[end - 1] in '”"' else None
            if after_match:
                quote.speaker = after_match.group("who") or after_match.group("who2")
                quote.cue = f"“…,” {quote.speaker} said"
            elif named:
                quote.speaker = named.group("who")
                quote.cue = f"“…” {quote.speaker}"
        if quote.speaker and quote.speaker.lower() in _SELF:
            quote.speaker = None
        quotes.append(quote)
        unclosed = text[end - 1] not in '”"'
        previous_open = quote if unclosed and quote.speaker else None
    return quotes


def _next_open(body: str, position: int) -> int:
    curly = body.find("“", position)
    straight = body.find('"', position)
    found = [i for i in (curly, straight) if i >= 0]
    return min(found) if found else -1
