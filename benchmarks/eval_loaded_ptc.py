"""The loaded-term family against expert propaganda spans: PTC dev (``../shared/data/ptc-dev``).

    python benchmarks/eval_loaded_ptc.py [--part all|tune|report] [--lexicon PATH ...]
                                         [--lexicon-pack NAME ...]

Scoring (offset-free, as issue 15 states it): a predicted match (any non-neutral loaded
term) is *precise* when its text, as whole words and ignoring case, lies inside a gold span of
one of ``PRECISION_TECHNIQUES`` in the same article; a gold span of ``RECALL_TECHNIQUES`` is
*recalled* when it contains at least one predicted match's text as whole words. Both voices
together, then each voice and each layer (written lexicon / graded vaderSentiment layer)
apart.

The 105 articles are split once, by a hash of their id, into a ``tune`` part (about half:
the only part looked at while choosing weights, thresholds and context rules) and a
``report`` part that no setting was chosen on; both are reported, and ``all``. No lexicon
entry was written from PTC's gold spans: the script prints scores, never gold text.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
from collections.abc import Iterable
from pathlib import Path

from framing.paths import SHARED_DIR

PTC = SHARED_DIR / "data" / "ptc-dev" / "ptc-dev.jsonl"
PRECISION_TECHNIQUES = frozenset(
    {
        "Loaded_Language",
        "Name_Calling,Labeling",
        "Exaggeration,Minimisation",
        "Appeal_to_fear-prejudice",
        "Flag-Waving",
        "Doubt",
    }
)
RECALL_TECHNIQUES = frozenset({"Loaded_Language", "Name_Calling,Labeling"})


def part_of(article_id: str) -> str:
    """The fixed split: ``tune`` or ``report`` by the first byte of the id's SHA-1."""
    return "tune" if hashlib.sha1(article_id.encode()).digest()[0] % 2 == 0 else "report"


def load(part: str = "all") -> list[dict]:
    with PTC.open(encoding="utf-8") as f:
        arts = [json.loads(line) for line in f if line.strip()]
    return [a for a in arts if part == "all" or part_of(a["id"]) == part]


def _norm(s: str) -> str:
    """Lower case, curly apostrophes straight, runs of non-word characters one space."""
    s = s.lower().replace("\u2019", "'").replace("\u2018", "'")
    return " " + " ".join(re.findall(r"[\w']+", s)) + " "


def _inside(needle: str, hay: str) -> bool:
    """``needle`` as whole words in ``hay`` (both normalised by :func:`_norm`)."""
    return needle.strip() != "" and needle in hay


def score(articles: Iterable[dict], predictions: dict[str, list[dict]]) -> dict[str, float]:
    """Precision, recall and counts for one set of predictions (``id -> loaded_terms``)."""
    n_pred = n_ok = n_gold = n_hit = 0
    for a in articles:
        pred = [_norm(t["text"]) for t in predictions.get(a["id"], [])]
        prec_spans = [_norm(s["text"]) for s in a["spans"] if s["technique"] in PRECISION_TECHNIQUES]
        rec_spans = [_norm(s["text"]) for s in a["spans"] if s["technique"] in RECALL_TECHNIQUES]
        n_pred += len(pred)
        n_ok += sum(any(_inside(p, g) for g in prec_spans) for p in pred)
        n_gold += len(rec_spans)
        uniq = set(pred)
        n_hit += sum(any(_inside(p, g) for p in uniq) for g in rec_spans)
    p = n_ok / n_pred if n_pred else 0.0
    r = n_hit / n_gold if n_gold else 0.0
    return {
        "precision": p,
        "recall": r,
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "predicted": n_pred,
        "gold": n_gold,
    }


def predict(
    articles: Iterable[dict], lexicons: tuple[str, ...] = (), alone_names: bool = False
) -> dict[str, list[dict]]:
    """Every match the family calls loaded, per article (title included): a non-neutral
    entry whose confidence reaches the family's threshold (``loaded`` in ``loaded_terms``)."""
    from framing.features.loaded import LoadedTerms
    from framing.text import Document

    fam = LoadedTerms(lexicons=lexicons, alone_names=alone_names)
    out = {}
    for a in articles:
        terms = fam.analyze(Document(a["text"])).details["loaded_terms"]
        out[a["id"]] = [t for t in terms if t["loaded"]]
    return out


def _subset(pred: dict[str, list[dict]], key: str, value: str) -> dict[str, list[dict]]:
    return {k: [t for t in v if t.get(key) == value] for k, v in pred.items()}


def evaluate(
    part: str, lexicons: tuple[str, ...], alone_names: bool = False
) -> list[tuple[str, str, dict[str, float]]]:
    rows = []
    parts = ("tune", "report", "all") if part == "every" else (part,)
    for p in parts:
        arts = load(p)
        pred = predict(arts, lexicons, alone_names)
        rows.append((p, "all matches", score(arts, pred)))
        for voice in ("narrator", "quoted"):
            rows.append((p, f"voice {voice}", score(arts, _subset(pred, "voice", voice))))
        for layer in ("lexicon", "graded"):
            rows.append((p, f"layer {layer}", score(arts, _subset(pred, "layer", layer))))
        # names of a referent (naming choices: "regime", "illegal aliens") against general
        # vocabulary ("brutal", "witch hunt"): PTC's annotators mark the second kind
        names = {k: [t for t in v if t.get("referent")] for k, v in pred.items()}
        vocab = {k: [t for t in v if not t.get("referent")] for k, v in pred.items()}
        rows.append((p, "referent names", score(arts, names)))
        rows.append((p, "vocabulary", score(arts, vocab)))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--part", choices=("tune", "report", "all", "every"), default="every",
                    help="which fixed part of the 105 articles to score (default: each, then all)")
    ap.add_argument("--lexicon", action="append", default=[], metavar="PATH", help="extra lexicon TOML")
    ap.add_argument("--lexicon-pack", action="append", default=[], metavar="NAME",
                    help="only these bundled packs (default: all)")
    ap.add_argument("--alone-names", action="store_true",
                    help="score LoadedTerms(alone_names=True): a name for a group with no other "
                    "loaded term near it is not counted (off in the library's default)")
    ap.add_argument("--json", type=Path, help="also write the rows as JSON here")
    args = ap.parse_args(argv)
    if not PTC.exists():
        print(f"PTC dev not found at {PTC}", file=sys.stderr)
        return 1
    lexicons = tuple(args.lexicon) + tuple(f"pack:{n}" for n in args.lexicon_pack)
    rows = evaluate(args.part, lexicons, args.alone_names)
    print(f"| {'part':<6} | {'predictions':<16} | {'P':>5} | {'R':>5} | {'F1':>5} | {'matches':>7} | {'gold':>5} |")
    print(f"|{'-' * 8}|{'-' * 18}|{'-' * 6}:|{'-' * 6}:|{'-' * 6}:|{'-' * 8}:|{'-' * 6}:|")
    for p, what, s in rows:
        print(
            f"| {p:<6} | {what:<16} | {s['precision']:.3f} | {s['recall']:.3f} | {s['f1']:.3f} "
            f"| {s['predicted']:>7} | {s['gold']:>5} |"
        )
    if args.json:
        args.json.write_text(json.dumps([{"part": p, "what": w, **s} for p, w, s in rows], indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
