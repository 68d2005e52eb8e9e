"""Choose the learned tagger's settings on PolNeAR's dev part alone (issue 16).

    python benchmarks/tune_tagger.py --c1 2.0 --iterations 100 --save inner.json.gz
    python benchmarks/tune_tagger.py --model inner.json.gz --bias S=0.1 --bias S=0.2,T=0.05

The dev part of benchmarks/eval_attribution.py is split again by a second SHA-1 of the
article id (annotator suffix removed): 3/5 of its articles train a model, the other 2/5 are
scored with the same per-role exact-span F1 and (source, cue) pairs as the benchmark. The
test part is never read. Settings chosen here are then used to train on all of dev
(``python -m framing.sourcing.train``) and scored once on test.
"""

from __future__ import annotations

import argparse
import copy
import hashlib
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))

import eval_attribution as ev  # noqa: E402 - the benchmark's loader and scores

from framing.sourcing.tagger import Tagger, bias_vector, load_tagger  # noqa: E402
from framing.sourcing.train import parse_bias, train, write_model  # noqa: E402


def inner_train(rec_id: str) -> bool:
    """True for the inner training articles of the dev part (3 in 5 by hash)."""
    key = rec_id.rsplit("_", 1)[0]
    return int(hashlib.sha1(("inner:" + key).encode()).hexdigest(), 16) % 5 < 3


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--c1", type=float, default=2.0, help="L1 penalty")
    ap.add_argument("--c2", type=float, default=0.01, help="L2 penalty")
    ap.add_argument("--iterations", type=int, default=100, help="L-BFGS iterations")
    ap.add_argument("--rules", action="store_true", help="also score the rules on the inner part")
    ap.add_argument("--model", default="",
                    help="score this inner-split model (trained earlier, e.g. with --save) instead of training")
    ap.add_argument("--save", default="", help="keep the inner-split model in this file")
    ap.add_argument("--bias", action="append", default=[],
                    help="role tag bias to score, e.g. S=0.5,C=0.5,T=0 (repeatable; default: the model's own)")
    args = ap.parse_args(argv)
    dev = ev.load("dev")
    fit = [r for r in dev if inner_train(r["id"])]
    held = [r for r in dev if not inner_train(r["id"])]
    if args.model:
        tagger = load_tagger(args.model)
        if tagger.meta.get("records") != len(fit):
            print(f"{args.model}: trained on {tagger.meta.get('records')} records, not the "
                  f"{len(fit)} of the inner split", file=sys.stderr)
            return 2
        print(f"dev inner split: score {len(held)} records with {args.model} ({tagger.meta})")
    else:
        c0 = time.process_time()
        model = train(fit, c1=args.c1, c2=args.c2, iterations=args.iterations)
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(args.save) if args.save else Path(tmp) / "inner.json.gz"
            write_model(model, path)
            tagger = load_tagger(path)
        print(f"dev inner split: train {len(fit)} records, score {len(held)}; c1 {args.c1}, "
              f"c2 {args.c2}, {args.iterations} iterations, {len(model['features'])} features, "
              f"{time.process_time() - c0:.0f} CPU s to train")
    runs: list[tuple[str, Tagger | None]] = []
    for spec in args.bias or [""]:
        t = copy.copy(tagger)
        if spec:
            t.bias = bias_vector(parse_bias(spec))
        runs.append((f"learned {spec or 'model bias'}", t))
    runs += [("rules", None)] if args.rules else []
    for name, m in runs:
        ev.MODEL = m
        spans = ev.span_scores(held)
        pairs = ev.evaluate(held)
        sp = pairs["speech/reporting cues"]
        roles = " ".join(f"{k} {v['f1']:.3f} (P {v['precision']:.3f} R {v['recall']:.3f})"
                         for k, v in spans.items())
        print(f"{name:<20} exact F1 {roles}  speech (source, cue) P {sp['precision']:.3f} R {sp['recall']:.3f}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
