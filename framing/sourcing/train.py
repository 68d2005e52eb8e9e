"""Train the opt-in attribution tagger from a PolNeAR-style JSONL file.

    python -m framing.sourcing.train PATH.jsonl -o MODEL.json.gz [--split dev]
    FRAMING_ATTRIBUTION_MODEL=MODEL.json.gz framing analyze article.txt

Each line: ``{"id": ..., "text": ..., "attributions": [{"source": [{"start", "end"}, ...],
"cue": [...], "content": [...]}]}`` (PolNeAR converted from brat standoff, as in
``../shared/data/polnear``). ``--split dev`` keeps the records benchmarks/eval_attribution.py
calls dev (a SHA-1 hash of the article id), so its ``test`` part stays unseen; ``all`` trains
on everything. Needs sklearn-crfsuite (``pip install sklearn-crfsuite``), for training only.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import json
import os
import sys
import tempfile
from bisect import bisect_right
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

from framing.errors import FramingError
from framing.sourcing.attribution import rule_extract
from framing.sourcing.cues import default_lexicon
from framing.sourcing.tagfeatures import TAGS, quote_mask, rule_roles, sentence_features, units
from framing.sourcing.tagger import FORMAT
from framing.text import Document

_ROLE = {"source": "S", "cue": "C", "content": "T"}


def split_of(rec_id: str) -> str:
    """dev or test: the hash split of benchmarks/eval_attribution.py (annotator suffix off)."""
    key = rec_id.rsplit("_", 1)[0]
    return "dev" if int(hashlib.sha1(key.encode()).hexdigest(), 16) % 2 == 0 else "test"


def read_records(path: str | Path, split: str = "dev") -> list[dict[str, Any]]:
    path = Path(path)
    out = []
    try:
        with path.open(encoding="utf-8") as f:
            for n, line in enumerate(f, 1):
                if not line.strip():
                    continue
                try:
                    rec = json.loads(line)
                    rec["text"], rec["attributions"]  # noqa: B018 - required keys
                except (ValueError, KeyError, TypeError):
                    raise FramingError(f"{path}:{n}: not a PolNeAR record (id, text, attributions)") from None
                if split == "all" or split_of(str(rec.get("id", n))) == split:
                    out.append(rec)
    except OSError as exc:
        raise FramingError(f"{path}: cannot read ({exc.strerror or exc})") from None
    if not out:
        raise FramingError(f"{path}: no records in split {split!r}")
    return out


def gold_tags(rec: dict[str, Any], toks: list[tuple[int, int, str]]) -> list[str]:
    """Per token: the role of the gold piece it starts in, B- at each piece's first token
    (a piece that began in an earlier sentence goes on with I-)."""
    pieces = sorted((p["start"], p["end"], _ROLE[role], n)
                    for n, g in enumerate(rec["attributions"])
                    for role in _ROLE for p in g[role])
    starts = [p[0] for p in pieces]
    out = []
    prev = None
    first = toks[0][0] if toks else 0
    for s, _e, _ in toks:
        k = bisect_right(starts, s) - 1
        hit = pieces[k] if k >= 0 and s < pieces[k][1] else None
        if hit is None:
            out.append("O")
            prev = None
            continue
        cont = prev == hit or (prev is None and s == first and hit[0] < first)
        out.append(("I-" if cont else "B-") + hit[2])
        prev = hit
    return out


#: words too common to gate a sentence on, though they occur inside cue phrases
_STOP = frozenset("to that the a of in on and for as it is".split())


def gate_words(recs: Iterable[dict[str, Any]]) -> frozenset[str]:
    """Words of gold cue spans seen twice or more: with the lexicon's cue words they decide
    which sentences the tagger reads, at training and at prediction time alike."""
    n: Counter[str] = Counter()
    for rec in recs:
        for g in rec["attributions"]:
            for p in g["cue"]:
                n.update(w.lower() for w in p["text"].split() if w.isalpha())
    return frozenset(w for w, k in n.items() if k >= 2 and w not in _STOP)


def examples(recs: list[dict[str, Any]], gate: frozenset[str]
             ) -> tuple[list[list[list[str]]], list[list[str]]]:
    """Features and gold tags of every gated sentence (the same gate as prediction uses, so
    the model learns from the sentences it will be asked about, unlisted cues included)."""
    lex = default_lexicon()
    xs, ys = [], []
    for rec in recs:
        doc = Document(rec["text"])
        rule = rule_roles(doc.text, rule_extract(doc, lex))
        for u in units(doc, rule, lex, gate):
            if u.toks:
                xs.append(sentence_features(doc, u, rule, lex, quote_mask(doc, u.toks)))
                ys.append(gold_tags(rec, u.toks))
    return xs, ys


def train(recs: list[dict[str, Any]], c1: float = 2.0, c2: float = 0.01, iterations: int = 200,
          tag_bias: dict[str, float] | None = None) -> dict[str, Any]:
    """Fit the CRF and return the model as plain data (the JSON written to disk).

    ``tag_bias`` (role or tag -> value, e.g. ``{"S": 0.1}``) is stored with the weights and
    added to the emissions at decoding (framing.sourcing.tagger.bias_vector)."""
    try:
        import sklearn_crfsuite
    except ImportError:
        raise FramingError("training the attribution tagger needs sklearn-crfsuite: "
                           "pip install sklearn-crfsuite") from None
    gate = gate_words(recs)
    xs, ys = examples(recs, gate)
    crf = sklearn_crfsuite.CRF(algorithm="lbfgs", c1=c1, c2=c2, max_iterations=iterations,
                               all_possible_transitions=True)
    crf.fit(xs, ys)
    index = {t: i for i, t in enumerate(TAGS)}
    feats: dict[str, list[list[float]]] = {}
    for (attr, tag), w in crf.state_features_.items():
        if abs(w) > 1e-6:
            feats.setdefault(attr, []).append([index[tag], round(w, 5)])
    trans = [[0.0] * len(TAGS) for _ in TAGS]
    for (a, b), w in crf.transition_features_.items():
        trans[index[a]][index[b]] = round(w, 5)
    return {"format": FORMAT, "tags": list(TAGS), "features": feats, "transitions": trans,
            "gate_words": sorted(gate), "tag_bias": dict(tag_bias or {}),
            "meta": {"records": len(recs), "sentences": len(xs), "c1": c1, "c2": c2,
                     "iterations": iterations}}


def parse_bias(spec: str) -> dict[str, float]:
    """``"S=0.1,I-C=-0.05"`` -> ``{"S": 0.1, "I-C": -0.05}`` (roles S, C, T or full tags)."""
    out: dict[str, float] = {}
    for part in filter(None, (p.strip() for p in spec.split(","))):
        key, _, val = part.partition("=")
        if key not in ("S", "C", "T") and key not in TAGS[1:]:
            raise FramingError(f"--tag-bias: {key!r} is not a role (S, C, T) or tag ({', '.join(TAGS[1:])})")
        try:
            out[key] = float(val)
        except ValueError:
            raise FramingError(f"--tag-bias: {part!r} needs a number after '='") from None
    return out


def write_model(model: dict[str, Any], out: str | Path) -> None:
    """Atomic write of the gzipped JSON model."""
    out = Path(out)
    out.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=out.parent, prefix=".part-")
    os.close(fd)
    try:
        with gzip.open(tmp, "wt", encoding="utf-8") as f:
            json.dump(model, f, separators=(",", ":"))
        os.replace(tmp, out)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Train the opt-in attribution tagger on PolNeAR.")
    ap.add_argument("jsonl", help="PolNeAR records, one JSON object a line (id, text, attributions)")
    ap.add_argument("-o", "--output", required=True, help="model file to write (.json.gz)")
    ap.add_argument("--split", choices=("dev", "test", "all"), default="dev",
                    help="which hash half of the records to train on (default dev: keeps test unseen)")
    ap.add_argument("--c1", type=float, default=2.0,
                    help="L1 penalty (sparser model; 2.0 chosen on an inner split of dev)")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--iterations", type=int, default=200,
                    help="L-BFGS iterations (200: about +0.004 F1 over 100 on an inner split of dev)")
    ap.add_argument("--tag-bias", default="",
                    help="emission bonus per role or tag at decoding, e.g. S=0.1 (default none; "
                         "benchmarks/tune_tagger.py --bias scores settings on an inner split of dev)")
    args = ap.parse_args(argv)
    try:
        bias = parse_bias(args.tag_bias)
        model = train(read_records(args.jsonl, args.split), args.c1, args.c2, args.iterations, bias)
        write_model(model, args.output)
    except FramingError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    print(f"{args.output}: {len(model['features'])} features, {model['meta']['sentences']} sentences")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
