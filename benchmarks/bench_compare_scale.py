"""`framing compare` and `framing report --by outlet` on 2,000 articles from 146 outlets (issue 24.4).

A corpus of ordinary 4-8 kB US news articles: PolNeAR's training texts, repeated to 2,000
articles and spread over 146 synthetic outlet names with a long tail (a few outlets with 40-60
articles, most with a handful), as a corpus scraped from many sites is; and (``--corpus few``)
the same 2,000-article size over PolNeAR's own 7 publishers (each publisher's texts repeated,
so the repeats are near duplicates that the grouped folds keep together). Each command runs in
a fresh process on the CSV; timed: wall, CPU (user + system) and peak RSS. `framing compare`
compares the outlets with at least 5 articles, the 30 largest; the report's default the 10
largest on at most 100 articles each, on 3 folds, and its term suggestions on the same 100
(`framing.report.comparison`); both say on stderr what they left out. Before, `framing report
--by outlet` on the many-outlet corpus took 21 CPU-min.

    python benchmarks/bench_compare_scale.py             # both commands, many outlets
    python benchmarks/bench_compare_scale.py --only report --corpus few
"""

from __future__ import annotations

import argparse
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import pandas as pd

N_ARTICLES = 2000
N_OUTLETS = 146
CODE = "import sys; from framing.cli import main; sys.exit(main(sys.argv[1:]))"


def corpus(seed: int = 0) -> pd.DataFrame:
    """2,000 PolNeAR texts over 146 outlets whose sizes fall off like a Zipf law."""
    from framing.paths import POLNEAR_JSONL

    rows = [json.loads(line) for line in POLNEAR_JSONL.read_text(encoding="utf-8").splitlines()
            if line]
    texts = list(dict.fromkeys(r["text"] for r in rows))
    rng = np.random.default_rng(seed)
    weights = 1.0 / np.arange(1, N_OUTLETS + 1) ** 0.8
    sizes = np.maximum(1, np.round(weights / weights.sum() * N_ARTICLES)).astype(int)
    sizes[0] += N_ARTICLES - sizes.sum()
    outlets = np.repeat([f"Outlet {i:03d} News" for i in range(N_OUTLETS)], sizes)
    pick = rng.permutation(np.resize(np.arange(len(texts)), N_ARTICLES))
    return pd.DataFrame({"id": [f"a{i:05d}" for i in range(N_ARTICLES)], "outlet": outlets,
                         "text": [texts[i] for i in pick]})


def corpus_few(seed: int = 0) -> pd.DataFrame:
    """2,000 PolNeAR texts under their own 7 publishers (each publisher's texts repeated)."""
    from framing.paths import POLNEAR_JSONL

    rows = [json.loads(line) for line in POLNEAR_JSONL.read_text(encoding="utf-8").splitlines()
            if line]
    df = pd.DataFrame(rows).drop_duplicates("text")[["publisher", "text"]]
    rng = np.random.default_rng(seed)
    pick = rng.permutation(np.resize(np.arange(len(df)), N_ARTICLES))
    out = df.iloc[pick].rename(columns={"publisher": "outlet"}).reset_index(drop=True)
    return out.assign(id=[f"a{i:05d}" for i in range(N_ARTICLES)])[["id", "outlet", "text"]]


def run(args: list[str]) -> dict:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CODE, *args], capture_output=True, text=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"{' '.join(args[:1])} failed: {proc.stderr[-2000:]}")
    return {"wall_s": time.perf_counter() - t,
            "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "peak_mb": after.ru_maxrss / 1024,
            "stderr": [line for line in proc.stderr.splitlines() if "left out" in line]}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=("compare", "report"))
    ap.add_argument("--corpus", choices=("many", "few"), default="many",
                    help="many: 146 synthetic outlets (default); few: PolNeAR's 7 publishers")
    args = ap.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="framing-scale-"))
    df = corpus() if args.corpus == "many" else corpus_few()
    path = work / "corpus.csv"
    df.to_csv(path, index=False)
    sizes = df["outlet"].value_counts()
    print(f"{len(df)} articles, {len(sizes)} outlets ({sizes.max()} to {sizes.min()} articles; "
          f"{(sizes >= 5).sum()} with 5+), mean {df['text'].str.len().mean():.0f} characters",
          flush=True)
    if args.only in (None, "compare"):
        r = run(["compare", str(path), "-o", str(work / "compare")])
        s = json.loads((work / "compare" / "summary.json").read_text())
        print(f"framing compare: {r['wall_s']:.0f} s wall, {r['cpu_s']:.0f} s CPU, peak "
              f"{r['peak_mb']:.0f} MB; {s['n_outlets']} outlets compared, "
              f"{len(s['selection']['too_small'])} too small, {len(s['selection']['over_cap'])} "
              f"over the cap; stderr: {r['stderr']}", flush=True)
    if args.only in (None, "report"):
        out = work / "report.html"
        r = run(["report", str(path), "--by", "outlet", "-o", str(out), "-q"])
        print(f"framing report --by outlet: {r['wall_s']:.0f} s wall, {r['cpu_s']:.0f} s CPU, "
              f"peak {r['peak_mb']:.0f} MB; {out.stat().st_size / 1e6:.1f} MB of HTML; "
              f"stderr: {r['stderr']}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
