"""The words that signal argument structure in English: markers, negation, agreement, insults.

Each finder returns the cue it matched, so every relation can say why it was proposed.
"""

from __future__ import annotations

import re

# A sentence opening with one of these answers the claim before it.
ATTACK_MARKERS = (
    "but", "yet", "however", "in reality", "in fact", "nevertheless", "nonetheless",
    "on the contrary", "still", "even so", "rather", "instead", "on the other hand",
    "that said", "having said that", "then again", "whereas", "although", "though",
)  # fmt: skip
SUPPORT_MARKERS = (
    "because", "since", "for example", "for instance", "indeed", "after all", "moreover",
    "furthermore", "in addition", "besides", "not least because", "e.g.", "as a matter of fact",
    "also", "what is more", "in particular", "especially",
)  # fmt: skip
# "A. Therefore B.": A supports B.
CONCLUSION_MARKERS = (
    "therefore", "thus", "hence", "consequently", "so", "that is why", "this is why",
    "which is why", "as a result", "for this reason", "accordingly", "in conclusion",
)  # fmt: skip
# An opposing view the writer is about to answer.
CONCESSION_MARKERS = (
    "admittedly", "of course", "granted", "it is true that", "it's true that", "some say",
    "some argue", "some people say", "critics say", "critics argue", "opponents say",
    "opponents argue", "one could argue", "one might object", "one may object", "yes,",
    "sure,", "certainly,", "it is often said", "many people think", "many believe",
    "some claim", "supporters say", "proponents say", "it could be argued", "people claim",
)  # fmt: skip
# "This is a mistake": an evaluation pointing back at the previous claim.
_BACK_REFERENCE = re.compile(
    r"^(?:this|that|it|such)\s+(?:is|was|would be|seems)\s+(?:(?:a|an|simply|just|entirely|"
    r"completely|quite|both)\s+)*(?P<verdict>mistake|wrong|nonsense|false|misplaced|untrue|"
    r"absurd|rubbish|not true|not the case|a myth|myth|understandable but misplaced|right|true|"
    r"correct|the point|spot on)\b",
    re.IGNORECASE,
)
NEGATIONS = (
    "not", "n't", "no", "never", "nor", "neither", "none", "nothing", "nobody", "no one",
    "don't accept", "do not accept", "reject", "deny", "denies", "false", "mistake", "myth",
    "far from", "no evidence", "hardly", "without", "cannot", "can't", "refuse", "instead of",
)  # fmt: skip
AGREEMENT = (
    "i agree", "agreed", "thanks", "thank you", "well said", "exactly", "spot on", "absolutely",
    "good point", "great article", "great piece", "i admire", "quite right", "+1", "yes",
    "true,", "so true", "same here", "hear, hear", "i second",
)  # fmt: skip
DISAGREEMENT = (
    "i don't accept", "i do not accept", "i disagree", "not true", "that is not true",
    "that's not true", "no one suggested", "nonsense", "piffle", "rubbish", "you are wrong",
    "you're wrong", "you forget", "you evaded", "evaded", "begs to differ", "dodgy", "facile",
    "you really should", "wrong", "nobody said", "so what", "are not", "is not", "isn't",
    "aren't", "doesn't", "don't", "rather than", "but", "however", "not trained", "cannot even",
)  # fmt: skip
INSULTS = (
    "twat", "idiot", "moron", "stupid", "cretin", "fool", "clown", "scum", "pathetic", "troll",
    "imbecile", "liar", "dishonest", "shill", "halfwit", "dimwit", "bellend", "muppet",
)  # fmt: skip
ARGUMENTATIVE = (
    "should", "must", "ought", "need to", "needs to", "have to", "has to", "cannot", "can't",
    "can only", "never", "always", "mistake", "wrong", "right", "true", "false", "nonsense",
    "clear", "no doubt", "i think", "i believe", "i suspect", "i agree", "i don't", "i do not",
    "the real", "reality", "the truth", "the only", "unforgivable", "impossible", "it would be",
    "is the key", "there is no", "no evidence", "only", "better", "worse", "best", "worst",
    "deserve", "hypocrisy", "cynical", "danger", "threat", "we must", "let us", "let's",
    "certainly", "undoubtedly", "of course", "because", "therefore", "so that", "unless",
    "would", "will", "could", "might", "too", "far", "rather", "worth", "fair", "unfair",
    "necessary", "important", "harm", "benefit", "good", "bad", "right to", "reasonable",
)  # fmt: skip

_WORD_CACHE: dict[tuple[str, ...], re.Pattern[str]] = {}


def normalise(text: str) -> str:
    """Lower case with straight quotes and single spaces, for phrase matching."""
    text = text.replace("’", "'").replace("‘", "'").replace("“", '"').replace("”", '"')
    return " ".join(text.lower().split())


def _phrases(phrases: tuple[str, ...]) -> re.Pattern[str]:
    pattern = _WORD_CACHE.get(phrases)
    if pattern is None:
        alternatives = sorted((re.escape(normalise(p)) for p in phrases), key=len, reverse=True)
        pattern = re.compile(rf"(?<![\w'])(?:{'|'.join(alternatives)})(?![\w])")
        _WORD_CACHE[phrases] = pattern
    return pattern


def find(phrases: tuple[str, ...], text: str) -> str | None:
    """The first of `phrases` found in `text` as whole words, or None."""
    match = _phrases(phrases).search(normalise(text))
    return match.group() if match else None


def find_all(phrases: tuple[str, ...], text: str) -> list[str]:
    return [m.group() for m in _phrases(phrases).finditer(normalise(text))]


def leading(phrases: tuple[str, ...], text: str) -> str | None:
    """The marker the text opens with ("But", "For example,"), or None."""
    normal = normalise(text).lstrip("\"'(-–— ")
    for phrase in sorted(phrases, key=len, reverse=True):
        if normal.startswith(phrase) and (
            len(normal) == len(phrase) or not normal[len(phrase)].isalnum() or phrase.endswith(",")
        ):
            return phrase
    return None


def back_reference(text: str) -> tuple[str, str] | None:
    """("attack"|"support", verdict) when the text judges the claim before it ("This is a mistake")."""
    match = _BACK_REFERENCE.match(normalise(text).lstrip("\"'"))
    if not match:
        return None
    verdict = match.group("verdict")
    positive = verdict in ("right", "true", "correct", "the point", "spot on")
    return ("support" if positive else "attack"), match.group()


def negation_before(text: str, phrase: str, window: int = 8) -> str | None:
    """A negation within `window` words before `phrase` in the same clause, or None.

    >>> negation_before("I don't accept this is a colour revolution", "colour revolution")
    "don't accept"
    """
    normal = normalise(text)
    at = normal.find(normalise(phrase))
    if at < 0:
        return None
    before = re.split(r"[;:.!?]|\s[-–—]\s|,\s(?:but|yet)\s", normal[:at])[-1]
    words = before.split()[-window:]
    span = " ".join(words)
    for idiom in ("no doubt", "not only", "no wonder", "without doubt", "not just", "no longer"):
        span = span.replace(idiom, " ")
    found = find_all(NEGATIONS, span)
    if not found:
        return None
    # prefer the longest, most telling cue ("don't accept" over "n't")
    return max(found, key=len)


def score_argumentative(text: str) -> int:
    """How strongly a sentence argues rather than narrates (0 = pure narration)."""
    return len(set(find_all(ARGUMENTATIVE, text)))


# Words that speak against something: a sentence using them about a thesis usually attacks it.
NEGATIVE_EVALUATION = (
    "harm", "harmful", "harms", "dangerous", "danger", "risk", "risks", "risky", "violate",
    "violates", "violation", "unfair", "unjust", "infringe", "infringes", "costly", "expensive",
    "waste", "wasteful", "threat", "threatens", "undermine", "undermines", "fail", "fails",
    "failure", "abuse", "discriminate", "discrimination", "discriminatory", "exploit",
    "exploitation", "worse", "problem", "problems", "against", "damage", "damaging", "ineffective",
    "useless", "unnecessary", "burden", "lose", "loss", "losses", "suffer", "bad", "wrong",
    "negative", "restrict", "restricts", "limit", "limits", "inequality", "censorship", "deny",
    "too", "difficult", "impossible", "only", "misuse", "corrupt", "corruption", "lead to",
    "instead", "rather", "annoying", "cumbersome", "stink", "hardly", "unrealistic",
)  # fmt: skip
POSITIVE_EVALUATION = (
    "benefit", "benefits", "beneficial", "help", "helps", "improve", "improves", "protect",
    "protects", "right", "fair", "better", "good", "important", "necessary", "essential",
    "safe", "safer", "effective", "efficient", "save", "saves", "support", "supports",
    "encourage", "encourages", "increase", "allow", "allows", "promote", "promotes", "duty",
    "should", "must", "need", "freedom", "equal", "valuable", "useful", "positive",
)  # fmt: skip
_NEGATORS = ("not", "n't", "no", "never", "nor", "neither", "none", "nothing", "cannot")


def stance(thesis: str, text: str) -> tuple[str, str]:
    """("support"|"attack", cue) of `text` towards `thesis`, from polarity cues alone.

    Polarity is counted for both sentences; a sentence whose polarity disagrees with the
    thesis's attacks it. Crude, but it needs no model and says which words decided.

    >>> stance("Cities should ban cars", "A ban would not harm shops")[0]
    'support'
    """
    own = _polarity(text)
    base = _polarity(thesis)
    if own[0] * (1 if base[0] >= 0 else -1) < 0:
        return "attack", own[1]
    return "support", own[1] or "no contrary cue"


def _polarity(text: str) -> tuple[int, str]:
    negators = find_all(_NEGATORS, text)
    negative = find_all(NEGATIVE_EVALUATION, text)
    positive = find_all(POSITIVE_EVALUATION, text)
    score = len(positive) - len(negative)
    flip = len(negators) % 2 == 1
    if flip:
        score = -score if score else -1
    words = negators + negative + positive
    return score, ", ".join(f"‘{w}’" for w in words[:3])
