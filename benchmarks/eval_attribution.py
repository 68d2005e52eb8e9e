"""Evaluate attribution extraction against PolNeAR (issues 4 and 16).

Two measures. **Spans** (issue 16): every gold attribution counted, each role (source, cue,
content) scored on its own as a multiset of spans per article: exact-span F1 (a predicted
span is right when its offsets, with edge punctuation and spaces trimmed, equal a gold span
of the same role; discontinuous gold spans are the set of their pieces) and token-overlap
F1 (word tokens of the role covered by both sides). **Pairs** (issue 4):
precision and recall of (source, cue) pairs: a predicted pair matches a gold one when the
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
    python benchmarks/eval_attribution.py --split dev --show-spans cue --show 30
    python -m framing.sourcing.train ../shared/data/polnear/train.jsonl -o /tmp/attr.json.gz
    python benchmarks/eval_attribution.py --split test --model /tmp/attr.json.gz
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from pathlib import Path
from typing import Any

from framing.paths import POLNEAR_JSONL
from framing.sourcing.attribution import extract
from framing.sourcing.tagger import Tagger, load_tagger
from framing.sourcing.train import split_of
from framing.text import Document

SAMPLE = Path(__file__).parent / "data" / "polnear_source_types.json"
#: the opt-in learned tagger (--model); None: the rule-based default
MODEL: Tagger | None = None

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
    for a in extract(Document(text), model=MODEL):
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


ROLES = ("source", "cue", "content")
_WORD = re.compile(r"\w+")
_EDGE = " \t\n.,;:!?\"'()[]{}\u201c\u201d\u2018\u2019\u2014\u2013-"


def _trim(text: str, s: int, e: int) -> tuple[int, int]:
    """A span without edge punctuation and spaces (case never matters with offsets)."""
    while s < e and text[s] in _EDGE:
        s += 1
    while e > s and text[e - 1] in _EDGE:
        e -= 1
    return s, e


def _key(text: str, pieces: list[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
    return tuple(sorted({t for t in (_trim(text, s, e) for s, e in pieces) if t[0] < t[1]}))


def predicted_roles(text: str) -> list[dict[str, list[tuple[int, int]]]]:
    """One entry per predicted attribution: role -> pieces (continued quotations and the
    cited source of a relay are attributions of their own)."""
    out = []
    for a in extract(Document(text), model=MODEL):
        out.append({"source": [a.source] if a.source and not a.continued else [],
                    "cue": [] if a.continued else [a.cue],
                    "content": ([a.content] if a.content else [])
                    + list(a.extra.get("content_more", []))})
        if a.cites is not None and a.cites.source is not None:
            out.append({"source": [a.cites.source], "cue": [a.cites.cue], "content": []})
    return out


def span_scores(recs: list[dict[str, Any]], show_role: str = "", show: int = 0
                ) -> dict[str, dict[str, float]]:
    """Per role: exact-span precision/recall/F1 and token-overlap precision/recall/F1."""
    c: Counter[str] = Counter()
    shown = 0
    for rec in recs:
        text = rec["text"]
        pred = predicted_roles(text)
        gold = [{r: [(s["start"], s["end"]) for s in g[r]] for r in ROLES}
                for g in rec["attributions"]]
        for role in ROLES:
            pk = Counter(k for k in (_key(text, p[role]) for p in pred) if k)
            gk = Counter(k for k in (_key(text, g[role]) for g in gold) if k)
            c[f"{role}_pred"] += sum(pk.values())
            c[f"{role}_gold"] += sum(gk.values())
            c[f"{role}_ok"] += sum((pk & gk).values())
            ptok = {m.start() for k in pk for s, e in k for m in _WORD.finditer(text, s, e)}
            gtok = {m.start() for k in gk for s, e in k for m in _WORD.finditer(text, s, e)}
            c[f"{role}_ptok"] += len(ptok)
            c[f"{role}_gtok"] += len(gtok)
            c[f"{role}_tok_ok"] += len(ptok & gtok)
            if role == show_role and shown < show:
                for k in (pk - gk):
                    near = [g for g in gk if g[0][0] < k[-1][1] and k[0][0] < g[-1][1]]
                    if shown < show:
                        shown += 1
                        print(f"{role} {rec['id']}: predicted {[text[s:e] for s, e in k]!r} "
                              f"gold {[[text[s:e] for s, e in g] for g in near]!r}")
    res = {}
    for role in ROLES:
        p = c[f"{role}_ok"] / max(1, c[f"{role}_pred"])
        r = c[f"{role}_ok"] / max(1, c[f"{role}_gold"])
        tp = c[f"{role}_tok_ok"] / max(1, c[f"{role}_ptok"])
        tr = c[f"{role}_tok_ok"] / max(1, c[f"{role}_gtok"])
        res[role] = {"precision": p, "recall": r, "f1": 2 * p * r / max(1e-9, p + r),
                     "tok_precision": tp, "tok_recall": tr,
                     "tok_f1": 2 * tp * tr / max(1e-9, tp + tr),
                     "predicted": c[f"{role}_pred"], "gold": c[f"{role}_gold"]}
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
            s0, s1 = p["source"][0]
            # the labelled span is the source's core; the predicted span may run on over an
            # apposition ("X, a senator") since issue 16
            if s0 <= it["start"] < s1 and it["end"] <= s1:
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
    ap.add_argument("--show-spans", choices=ROLES, default="",
                    help="with --show N: print N wrong predicted spans of this role (dev only)")
    ap.add_argument("--label-sample", type=int, default=0)
    ap.add_argument("--model", default="",
                    help="score the opt-in learned tagger in this file (python -m "
                    "framing.sourcing.train, trained on dev only) instead of the rules")
    args = ap.parse_args(argv)
    global MODEL
    MODEL = load_tagger(args.model) if args.model else None
    if args.label_sample:
        label_sample(args.label_sample)
        return 0
    if args.show and args.split != "dev":
        ap.error("--show is for the dev split only: the test split is never inspected")
    recs = load(args.split)
    spans = span_scores(recs, args.show_spans, args.show)
    res = evaluate(recs, 0 if args.show_spans else args.show)
    print(f"PolNeAR train, split={args.split}: {len(recs)} records, "
          f"{'learned tagger ' + args.model if MODEL else 'rules (default)'}")
    print("every attribution, per role (exact: edge punctuation and case ignored)")
    print(f"{'role':<10}{'exact P':>9}{'R':>7}{'F1':>7}{'token P':>9}{'R':>7}{'F1':>7}"
          f"{'pred':>7}{'gold':>7}")
    for role, r in spans.items():
        print(f"{role:<10}{r['precision']:>9.3f}{r['recall']:>7.3f}{r['f1']:>7.3f}"
              f"{r['tok_precision']:>9.3f}{r['tok_recall']:>7.3f}{r['tok_f1']:>7.3f}"
              f"{r['predicted']:>7}{r['gold']:>7}")
    print("\n(source, cue) pairs (spans overlap)")
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
