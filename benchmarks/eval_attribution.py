"""Evaluate attribution extraction against PolNeAR (issue 4).

Precision and recall of (source, cue) pairs: a predicted pair matches a gold one when the
cue spans overlap and the source spans overlap. A prediction is correct if it matches
some gold pair; a gold pair is found if some prediction matches it. Gold pairs with no
source (PolNeAR leaves it empty when there is none in the text) cannot be matched and are
left out of recall. Reported overall and restricted to speech/reporting cues (the
``SPEECH`` lemmas below, applied to gold and predicted cue text alike).

The 919 records are split by a hash of the article id (annotator suffix removed, so both
annotations of an article fall on the same side): ``dev`` was used to develop the rules,
``test`` is only ever scored, never inspected (``--show`` refuses it).

Also: source-type confusion on a hand-labelled sample of dev attributions
(benchmarks/data/polnear_source_types.json; ``--label-sample N`` prints a fresh sample).

    python benchmarks/eval_attribution.py --split test
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from framing.paths import POLNEAR_JSONL
from framing.sourcing.attribution import extract
from framing.text import Document

SAMPLE = Path(__file__).parent / "data" / "polnear_source_types.json"

#: Lemmas of speech and reporting cues (verbs of saying, writing, reporting, citing).
SPEECH = frozenset(
    """say tell state add report announce claim allege according cite quote write tweet ask
    reply respond note explain argue insist admit deny confirm warn declare testify comment
    remark stress emphasize acknowledge contend assert maintain boast brag concede reveal
    disclose urge suggest describe accuse complain post answer recall predict promise
    vow pledge""".split()
)
_IRREGULAR = {"said": "say", "says": "say", "told": "tell", "tells": "tell", "wrote": "write",
              "written": "write", "writes": "write", "saying": "say", "telling": "tell",
              "writing": "write", "according": "according", "emphasised": "emphasize",
              "emphasized": "emphasize", "replied": "reply", "replies": "reply",
              "denied": "deny", "denies": "deny", "quoted": "quote", "quoting": "quote",
              "citing": "cite", "cited": "cite", "noted": "note", "noting": "note",
              "stated": "state", "stating": "state", "argued": "argue", "arguing": "argue",
              "vowed": "vow", "accused": "accuse", "accusing": "accuse", "urged": "urge",
              "described": "describe", "declared": "declare", "announced": "announce",
              "promised": "promise", "complained": "complain", "conceded": "concede",
              "asked": "ask", "added": "add", "adding": "add"}


def lemma(word: str) -> str:
    w = word.lower().strip(".,:;\"'\u201c\u201d")
    if w in _IRREGULAR:
        return _IRREGULAR[w]
    for suf, rep in (("ies", "y"), ("ied", "y"), ("ing", ""), ("ed", ""), ("es", ""),
                     ("s", ""), ("d", "")):
        if w.endswith(suf) and len(w) - len(suf) >= 3:
            cand = w[: len(w) - len(suf)] + rep
            if cand in SPEECH:
                return cand
            if cand + "e" in SPEECH:
                return cand + "e"
    return w


def is_speech(cue_text: str) -> bool:
    return any(lemma(w) in SPEECH for w in re.findall(r"[\w']+", cue_text))


def split_of(rec_id: str) -> str:
    key = rec_id.rsplit("_", 1)[0]
    h = int(hashlib.sha1(key.encode()).hexdigest(), 16)
    return "dev" if h % 2 == 0 else "test"


def load(split: str) -> list[dict[str, Any]]:
    if not POLNEAR_JSONL.exists():
        sys.exit(f"{POLNEAR_JSONL}: not found (PolNeAR is read from ../shared)")
    with POLNEAR_JSONL.open(encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    return [r for r in recs if split == "all" or split_of(r["id"]) == split]


def _overlap(a: list[tuple[int, int]], b: list[tuple[int, int]]) -> bool:
    return any(x0 < y1 and y0 < x1 for x0, x1 in a for y0, y1 in b)


def predicted_pairs(text: str) -> list[dict[str, Any]]:
    """(source, cue) pairs from the extractor; a citing relay adds the cited pair."""
    out = []
    for a in extract(Document(text)):
        if a.continued or a.source is None:
            continue
        out.append({"source": [a.source], "cue": [a.cue], "type": a.source_type,
                    "cue_text": text[a.cue[0]:a.cue[1]]})
        if a.cites is not None and a.cites.source is not None:
            out.append({"source": [a.cites.source], "cue": [a.cites.cue],
                        "type": a.cites.source_type,
                        "cue_text": text[a.cites.cue[0]:a.cites.cue[1]]})
    return out


def gold_pairs(rec: dict[str, Any]) -> list[dict[str, Any]]:
    out = []
    for g in rec["attributions"]:
        if not g["source"] or not g["cue"]:
            continue
        out.append({
            "source": [(s["start"], s["end"]) for s in g["source"]],
            "cue": [(s["start"], s["end"]) for s in g["cue"]],
            "cue_text": " ".join(s["text"] for s in g["cue"]),
            "source_text": " ".join(s["text"] for s in g["source"]),
        })
    return out


def evaluate(recs: list[dict[str, Any]], show: int = 0) -> dict[str, dict[str, float]]:
    c: Counter[str] = Counter()
    shown = 0
    for rec in recs:
        text = rec["text"]
        preds = predicted_pairs(text)
        golds = gold_pairs(rec)
        for p in preds:
            ok = any(_overlap(p["cue"], g["cue"]) and _overlap(p["source"], g["source"])
                     for g in golds)
            sp = is_speech(p["cue_text"])
            c["pred"] += 1
            c["pred_ok"] += ok
            c["pred_sp"] += sp
            c["pred_sp_ok"] += ok and sp
            if show and not ok and shown < show:
                shown += 1
                s = p["source"][0]
                print(f"FP {rec['id']}: [{text[s[0]:s[1]]}] {p['cue_text']!r} :: "
                      f"{text[max(0, s[0] - 60):p['cue'][0][1] + 60]!r}")
        for g in golds:
            ok = any(_overlap(p["cue"], g["cue"]) and _overlap(p["source"], g["source"])
                     for p in preds)
            sp = is_speech(g["cue_text"])
            c["gold"] += 1
            c["gold_ok"] += ok
            c["gold_sp"] += sp
            c["gold_sp_ok"] += ok and sp
            if show and sp and not ok and shown < 2 * show:
                shown += 1
                cs = g["cue"][0]
                print(f"FN {rec['id']}: [{g['source_text']}] {g['cue_text']!r} :: "
                      f"{text[max(0, cs[0] - 100):cs[1] + 40]!r}")
    res = {}
    for name, pk, gk in (("all cues", "", ""), ("speech/reporting cues", "_sp", "_sp")):
        p = c[f"pred{pk}_ok"] / max(1, c[f"pred{pk}"])
        r = c[f"gold{gk}_ok"] / max(1, c[f"gold{gk}"])
        res[name] = {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r),
                     "predicted": c[f"pred{pk}"], "gold": c[f"gold{gk}"]}
    return res


def type_confusion(sample: str) -> tuple[Counter[tuple[str, str]], int]:
    """Predicted vs hand-labelled source type on one of the dev samples (A or B)."""
    if not SAMPLE.exists():
        return Counter(), 0
    items = [it for it in json.loads(SAMPLE.read_text(encoding="utf-8"))["items"]
             if it.get("sample", "A") == sample]
    by_id = {r["id"]: r for r in load("dev")}
    conf: Counter[tuple[str, str]] = Counter()
    for it in items:
        rec = by_id[it["id"]]
        preds = predicted_pairs(rec["text"])
        got = "missing"
        for p in preds:
            if p["source"][0] == (it["start"], it["end"]):
                got = p["type"]
                break
        conf[(it["label"], got)] += 1
    return conf, len(items)


def label_sample(n: int) -> None:
    """Print a deterministic sample of dev attributions for hand labelling."""
    import random

    rng = random.Random(4)
    recs = load("dev")
    pool = []
    for rec in recs:
        for p in predicted_pairs(rec["text"]):
            pool.append((rec, p))
    for rec, p in rng.sample(pool, n):
        s = p["source"][0]
        t = rec["text"]
        print(json.dumps({"id": rec["id"], "start": s[0], "end": s[1], "text": t[s[0]:s[1]],
                          "predicted": p["type"],
                          "context": t[max(0, s[0] - 80):p["cue"][0][1] + 60]}))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test", "all"), default="test")
    ap.add_argument("--show", type=int, default=0, help="print N errors (dev only)")
    ap.add_argument("--label-sample", type=int, default=0)
    args = ap.parse_args(argv)
    if args.label_sample:
        label_sample(args.label_sample)
        return 0
    if args.show and args.split != "dev":
        ap.error("--show is for the dev split only: the test split is never inspected")
    recs = load(args.split)
    res = evaluate(recs, args.show)
    print(f"PolNeAR train, split={args.split}: {len(recs)} records")
    print(f"{'cues':<24}{'precision':>10}{'recall':>8}{'F1':>7}{'pred':>7}{'gold':>7}")
    for name, r in res.items():
        print(f"{name:<24}{r['precision']:>10.3f}{r['recall']:>8.3f}{r['f1']:>7.3f}"
              f"{r['predicted']:>7}{r['gold']:>7}")
    for sample, what in (("A", "random"), ("B", "random among non-person, non-pronoun")):
        conf, n = type_confusion(sample)
        if not n:
            continue
        correct = sum(v for (g, p), v in conf.items() if g == p)
        print(f"\nsource type, sample {sample} ({n} hand-labelled dev attributions, {what}): "
              f"accuracy {correct / n:.2f}")
        labels = sorted({g for g, _ in conf} | {p for _, p in conf})
        print("gold \\ predicted".ljust(18) + "".join(f"{lab[:9]:>10}" for lab in labels))
        for g in labels:
            if any(k[0] == g for k in conf):
                print(g.ljust(18) + "".join(f"{conf[(g, p)]:>10}" for p in labels))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
