"""Hedge and weasel detection on CoNLL-2010 Wikipedia sentences (issue 16).

Decision rule (fixed by the issue): a sentence is *uncertain* when any claim that
``framing.sourcing.claims`` finds in it is ``hedged`` or lists hedges. Scored on the
588-sentence development slice in ``../shared/data/conll2010-dev/`` (the rest of the sample
is held back for an independent check). The slice is divided by a SHA-1 hash of the
sentence into a **tune** half, the only half whose errors were read while writing
lexicons/hedges.toml, and a **report** half, only ever scored (``--show`` refuses it).

    python benchmarks/eval_hedges.py                 # both halves and all
    python benchmarks/eval_hedges.py --show 40       # errors on the tune half
"""

from __future__ import annotations

import argparse
import hashlib
import html
import sys

import pandas as pd

from framing.paths import SHARED_DIR
from framing.sourcing.claims import claims
from framing.text import Document

CSV = SHARED_DIR / "data" / "conll2010-dev" / "conll-dev.csv"


def half_of(sentence: str) -> str:
    """'tune' or 'report', fixed by a hash of the sentence text."""
    return "tune" if int(hashlib.sha1(sentence.encode()).hexdigest(), 16) % 2 == 0 else "report"


def load() -> pd.DataFrame:
    if not CSV.exists():
        sys.exit(f"{CSV}: not found (CoNLL-2010 is read from ../shared)")
    df = pd.read_csv(CSV)
    df["half"] = df["sentence"].map(half_of)
    return df


def predict(sentence: str) -> tuple[bool, list[str]]:
    """(uncertain?, the hedges and statuses that decided it)."""
    cl = claims(Document(html.unescape(sentence)))
    why = [h["text"] for c in cl for h in c["hedges"]]
    why += [f"<{c['status']}>" for c in cl if c["status"] == "hedged" and not c["hedges"]]
    return bool(why), why


def score(gold: list[bool], pred: list[bool]) -> dict[str, float]:
    tp = sum(g and p for g, p in zip(gold, pred, strict=True))
    fp = sum(p and not g for g, p in zip(gold, pred, strict=True))
    fn = sum(g and not p for g, p in zip(gold, pred, strict=True))
    prec = tp / max(1, tp + fp)
    rec = tp / max(1, tp + fn)
    acc = sum(g == p for g, p in zip(gold, pred, strict=True)) / max(1, len(gold))
    return {"n": len(gold), "precision": prec, "recall": rec,
            "f1": 2 * prec * rec / max(1e-9, prec + rec), "accuracy": acc}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--show", type=int, default=0, help="print N errors of the tune half")
    ap.add_argument("--half", choices=("tune", "report"), default="tune")
    args = ap.parse_args(argv)
    if args.show and args.half != "tune":
        ap.error("--show is for the tune half only: the report half is never inspected")
    df = load()
    preds = [predict(s) for s in df["sentence"]]
    df["pred"] = [p for p, _ in preds]
    df["why"] = [w for _, w in preds]
    df["gold"] = df["label"] == "uncertain"
    print("CoNLL-2010 Wikipedia dev slice: uncertain class (sentence has a hedged claim or "
          "lists hedges)")
    print(f"{'part':<8}{'n':>5}{'P':>8}{'R':>8}{'F1':>8}{'accuracy':>10}")
    for name, part in (("tune", df[df.half == "tune"]), ("report", df[df.half == "report"]),
                       ("all", df)):
        r = score(part["gold"].tolist(), part["pred"].tolist())
        print(f"{name:<8}{r['n']:>5}{r['precision']:>8.3f}{r['recall']:>8.3f}{r['f1']:>8.3f}"
              f"{r['accuracy']:>10.3f}")
    if args.show:
        bad = df[(df.half == "tune") & (df.gold != df.pred)].head(args.show)
        for _, row in bad.iterrows():
            kind = "FN" if row.gold else "FP"
            print(f"{kind} {row.why} {row.sentence[:220]}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
