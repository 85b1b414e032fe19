"""How well the seeder finds argument units and relations, next to trivial baselines.

Run:  uv run python bench/seeding_quality.py [--shared /work/shared]

Data (read in place, never copied): ../shared/corpora/arg-microtexts/microtexts.jsonl (283 short
English texts with gold units and support/attack relations) and
../shared/corpora/perspectrum/perspectrum_pairs.jsonl (claim/perspective pairs). No profile.

Scores
* unit match: a predicted unit matches a gold unit when their character spans overlap by at
  least half of their union (one-to-one, greedy by overlap). Baseline: one unit per sentence.
* attachment: precision/recall/F1 of (source, target) pairs, after mapping predicted units to
  gold units. Baseline: each unit attaches to the one before it (same segmentation as ours).
* support vs attack: macro F1 over the pairs attached correctly by the seeder. Baseline: all
  "support" on the same pairs.
* perspectrum: support vs attack of a perspective towards its claim (macro F1, all 11,822
  pairs). Baseline: all "support".
* timing: seeding both seed documents with the bundled profile (best of 5 runs).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from mapping.documents import parse_text, read_document  # noqa: E402
from mapping.seeding import load_profile, propose  # noqa: E402
from mapping.seeding.cues import stance  # noqa: E402


def f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def prf(hits_pred: int, n_pred: int, hits_gold: int, n_gold: int) -> tuple[float, float, float]:
    p = hits_pred / n_pred if n_pred else 0.0
    r = hits_gold / n_gold if n_gold else 0.0
    return p, r, f1(p, r)


def macro_f1(gold: list[str], predicted: list[str], labels=("support", "attack")) -> float:
    scores = []
    for label in labels:
        tp = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p == label)
        fp = sum(1 for g, p in zip(gold, predicted, strict=True) if g != label and p == label)
        fn = sum(1 for g, p in zip(gold, predicted, strict=True) if g == label and p != label)
        precision = tp / (tp + fp) if tp + fp else 0.0
        recall = tp / (tp + fn) if tp + fn else 0.0
        scores.append(f1(precision, recall))
    return sum(scores) / len(scores)


def match_units(predicted: list[tuple[int, int]], gold: list[tuple[int, int]]) -> dict[int, int]:
    """Predicted index → gold index, one-to-one, where overlap ≥ half of the union."""
    candidates = []
    for i, (ps, pe) in enumerate(predicted):
        for j, (gs, ge) in enumerate(gold):
            overlap = min(pe, ge) - max(ps, gs)
            union = max(pe, ge) - min(ps, gs)
            if overlap > 0 and overlap / union >= 0.5:
                candidates.append((overlap / union, i, j))
    mapping: dict[int, int] = {}
    used: set[int] = set()
    for _score, i, j in sorted(candidates, reverse=True):
        if i not in mapping and j not in used:
            mapping[i] = j
            used.add(j)
    return mapping


def microtexts(path: Path) -> dict[str, float]:
    totals = {k: 0 for k in ("pred", "gold", "hit_pred", "hit_gold", "sent_pred", "sent_hit")}
    ours = {"pred": 0, "hit": 0}
    previous = {"pred": 0, "hit": 0}
    gold_pairs_total = 0
    gold_types: list[str] = []
    our_types: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        text = record["text"]
        gold_units = [u for u in record["units"] if not u["implicit"]]
        gold_spans = [(u["start"], u["end"]) for u in gold_units]
        gold_pairs = {}
        for relation in record["relations"]:
            gold_pairs[(relation["source"], relation["target"])] = relation["type"]
        gold_pairs_total += len(gold_pairs)

        document = parse_text(text, record["id"])
        proposal = propose([document], None, max_article_claims=10_000)
        units = sorted(
            (n for n in proposal.nodes if n.start is not None), key=lambda n: (n.start, n.end)
        )
        spans = [(n.start, n.end) for n in units]
        mapping = match_units(spans, gold_spans)
        totals["pred"] += len(spans)
        totals["gold"] += len(gold_spans)
        totals["hit_pred"] += len(mapping)
        totals["hit_gold"] += len(mapping)
        sentences = [(s.start, s.end) for s in document.sentences]
        totals["sent_pred"] += len(sentences)
        totals["sent_hit"] += len(match_units(sentences, gold_spans))

        key_to_gold = {}
        for i, node in enumerate(units):
            if i in mapping:
                key_to_gold[node.key] = gold_units[mapping[i]]["id"]
        for relation in proposal.relations:
            ours["pred"] += 1
            pair = (key_to_gold.get(relation.source), key_to_gold.get(relation.target))
            if pair in gold_pairs:
                ours["hit"] += 1
                gold_types.append(gold_pairs[pair])
                our_types.append(relation.relation)
        for i in range(1, len(units)):
            previous["pred"] += 1
            pair = (key_to_gold.get(units[i].key), key_to_gold.get(units[i - 1].key))
            if pair in gold_pairs:
                previous["hit"] += 1
    unit = prf(totals["hit_pred"], totals["pred"], totals["hit_gold"], totals["gold"])
    sentence = prf(totals["sent_hit"], totals["sent_pred"], totals["sent_hit"], totals["gold"])
    attach = prf(ours["hit"], ours["pred"], ours["hit"], gold_pairs_total)
    attach_prev = prf(previous["hit"], previous["pred"], previous["hit"], gold_pairs_total)
    return {
        "unit P": unit[0], "unit R": unit[1], "unit F1": unit[2],
        "sentence-baseline unit P": sentence[0], "sentence-baseline unit R": sentence[1],
        "sentence-baseline unit F1": sentence[2],
        "attach P": attach[0], "attach R": attach[1], "attach F1": attach[2],
        "previous-baseline attach P": attach_prev[0], "previous-baseline attach R": attach_prev[1],
        "previous-baseline attach F1": attach_prev[2],
        "type macro F1": macro_f1(gold_types, our_types),
        "all-support type macro F1": macro_f1(gold_types, ["support"] * len(gold_types)),
        "correctly attached pairs": len(gold_types),
    }  # fmt: skip


def perspectrum(path: Path) -> dict[str, float]:
    gold: list[str] = []
    predicted: list[str] = []
    for line in path.read_text(encoding="utf-8").splitlines():
        record = json.loads(line)
        gold.append(record["type"])
        predicted.append(stance(record["claim"], record["perspective"])[0])
    return {
        "pairs": len(gold),
        "stance macro F1": macro_f1(gold, predicted),
        "all-support macro F1": macro_f1(gold, ["support"] * len(gold)),
    }


def timing(seeds: Path) -> dict[str, float]:
    paths = sorted(seeds.glob("*.txt"))
    profile = load_profile("iran-2026")
    best = float("inf")
    for _ in range(5):
        start = time.perf_counter()
        documents = [read_document(path) for path in paths]
        proposal = propose(documents, profile)
        best = min(best, time.perf_counter() - start)
    claims = sum(1 for node in proposal.nodes if node.kind != "position")
    return {"seconds (best of 5)": best, "documents": len(paths), "claims": claims}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    default = os.environ.get("DEBATEMAP_SHARED") or str(REPO.parent / "shared")
    parser.add_argument("--shared", default=default, help="the shared data folder")
    args = parser.parse_args()
    shared = Path(args.shared)
    sections = {
        "arg-microtexts (283 texts, no profile)": microtexts(
            shared / "corpora" / "arg-microtexts" / "microtexts.jsonl"
        ),
        "perspectrum pairs": perspectrum(
            shared / "corpora" / "perspectrum" / "perspectrum_pairs.jsonl"
        ),
        "timing: both seed documents": timing(shared / "seeds"),
    }
    for title, figures in sections.items():
        print(f"{title}")
        for name, value in figures.items():
            shown = f"{value:.3f}" if isinstance(value, float) else str(value)
            print(f"  {name:32} {shown}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
