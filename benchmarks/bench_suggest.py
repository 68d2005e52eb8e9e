"""Benchmark ``framing lexicon suggest``: CPU time and peak memory for 100,000 articles.

    python benchmarks/bench_suggest.py                 # FA-KES repeated to 100,000 articles
    python benchmarks/bench_suggest.py --quick         # 10,000 articles (smoke test)

Each measurement runs in a fresh Python process that streams FA-KES, repeated with fresh ids,
in chunks of 5,000 articles through ``suggest_terms`` (each outlet against the rest, the
defaults of ``framing lexicon suggest``: both passes, boilerplate stripping of the sampled
pages, naming variants), as the command does with a table. The figure is the child's CPU
time (``time.process_time``, one core), from the first chunk to the ranked result, with the
lexicons already loaded; peak RSS is its ``ru_maxrss``. Memory is bounded by the vocabulary:
the first pass keeps only n-gram counts (at most ``max_terms`` rows, pruned when it grows
past), the second only the shortlist's counts. Repeating FA-KES keeps the vocabulary fixed,
so the run also shows that memory does not grow with the number of articles.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

TARGET_S = 120.0
CHUNK = 5000


def repeated(base, n: int, chunk: int = CHUNK):  # type: ignore[no-untyped-def]
    """``base`` repeated to ``n`` articles, yielded as chunks with unique ids."""
    import pandas as pd

    copies = []
    made = rep = 0
    while made < n:
        part = base.iloc[: n - made].copy()
        part["id"] = part["id"].astype(str) + f"-{rep}"
        copies.append(part)
        made += len(part)
        rep += 1
        if sum(len(c) for c in copies) >= chunk or made >= n:
            block = pd.concat(copies, ignore_index=True)
            copies = []
            for i in range(0, len(block), chunk):
                yield block.iloc[i : i + chunk]


def child(n: int) -> dict:
    import resource
    import time

    from framing.discover import suggest_terms
    from framing.io.datasets import load_fakes
    from framing.lexicon import load_lexicon

    base = load_fakes()
    load_lexicon()
    t0 = time.process_time()
    s = suggest_terms(lambda: repeated(base, n))
    cpu = time.process_time() - t0
    return {
        "articles": sum(s.articles.values()),
        "cpu_s": round(cpu, 1),
        "per_s": round(sum(s.articles.values()) / cpu),
        "peak_rss_mb": round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024),
        "terms_counted": int(len(s.counts.codes)) if s.counts is not None else 0,
        "stripped_articles": s.params["stripped_articles"],
        "comparisons": len(s.comparisons),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="10,000 articles only")
    ap.add_argument("--child", type=int, help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.child:
        print(json.dumps(child(args.child)))
        return 0
    sizes = [10_000] if args.quick else [25_000, 100_000]
    rows = []
    for n in sizes:
        out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", str(n)],
                             capture_output=True, text=True, check=True)
        rows.append(json.loads(out.stdout.strip().splitlines()[-1]))
    print("| articles | CPU s (one core) | articles/s | peak RSS MB | n-grams kept | pages stripped |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r['articles']:,} | {r['cpu_s']} | {r['per_s']:,} | {r['peak_rss_mb']} | "
              f"{r['terms_counted']:,} | {r['stripped_articles']:,} |")
    if len(rows) > 1:
        print(f"\npeak RSS {rows[-1]['articles']:,} / {rows[0]['articles']:,} articles: "
              f"{rows[-1]['peak_rss_mb'] / rows[0]['peak_rss_mb']:.2f}")
    last = rows[-1]
    print(f"target: {last['articles']:,} articles in under {TARGET_S:.0f} s CPU: "
          f"{'met' if last['cpu_s'] < TARGET_S else 'NOT met'} ({last['cpu_s']} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
