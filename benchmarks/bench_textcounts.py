"""CPU cost per article of the per-character text passes: ``Document.n_words`` and readability.

    python benchmarks/bench_textcounts.py [--versus CHECKOUT] [--rounds 5]

The word count (``Document.n_words``, the loaded-term rates' denominator) and the
readability family's counts (``readability.count``: punctuation removal, words, sentences,
syllables) are the passes over every character of a text that
``framing/text/charclass.py`` serves. Each figure is CPU microseconds per article
(``time.process_time``), on FA-KES's 804 texts (nearly all ASCII) and PolNeAR's training
texts (about 60% hold curly quotes, dashes or accented letters), after one untimed pass
that fills the per-process tables (syllables, character runs). With ``--versus``, each
round runs a fresh process of this checkout and one of the other, alternating, so both see
the same load; the least and the median over the rounds are reported.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: run in the child (its PYTHONPATH picks the checkout): µs per article of each pass, as JSON
CHILD = r"""
import json, sys, time
from framing.features.readability import count
from framing.io.loaders import load_table
from framing.paths import FAKES_CSV, POLNEAR_JSONL
from framing.text import Document
corpora = {"fakes": load_table(str(FAKES_CSV))["text"].tolist(),
           "polnear": [json.loads(ln)["text"] for ln in open(POLNEAR_JSONL, encoding="utf-8")]}
out = {}
for name, texts in corpora.items():
    for t in texts:  # fill the per-process tables
        Document(t).n_words, count(t)
    for label, fn in (("n_words", lambda t: Document(t).n_words), ("readability.count", count)):
        t0 = time.process_time()
        for t in texts:
            fn(t)
        out[f"{name} {label}"] = 1e6 * (time.process_time() - t0) / len(texts)
print(json.dumps(out))
"""


def run(root: Path) -> dict[str, float]:
    env = {**os.environ, "PYTHONPATH": str(root)}
    done = subprocess.run([sys.executable, "-c", CHILD], env=env, cwd="/", check=True, text=True,
                          stdout=subprocess.PIPE)
    return json.loads(done.stdout)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--versus", type=Path, metavar="CHECKOUT", help="alternate rounds with this checkout")
    ap.add_argument("--rounds", type=int, default=5, help="fresh processes per checkout")
    args = ap.parse_args()
    roots = [ROOT, *([args.versus] if args.versus else [])]
    runs: dict[Path, list[dict[str, float]]] = {r: [] for r in roots}
    for _ in range(args.rounds):
        for r in roots:
            runs[r].append(run(r))
    print(f"# CPU µs per article, least / median of {args.rounds} processes")
    for key in runs[ROOT][0]:
        cells = [f"{min(x[key] for x in runs[r]):7.1f} / {statistics.median(x[key] for x in runs[r]):7.1f}"
                 for r in roots]
        print(f"{key:28s} " + "   ".join(f"{r.name}: {c}" for r, c in zip(roots, cells, strict=True)))
    return 0


if __name__ == "__main__":
    sys.exit(main())
