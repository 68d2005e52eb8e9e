"""Benchmark ``framing stories``: CPU time and peak memory of story detection at scale.

    python benchmarks/bench_stories.py                 # 25,000 and 100,000 articles
    python benchmarks/bench_stories.py --sizes 2000    # a smoke test
    python benchmarks/bench_stories.py --split         # also time reading the corpus alone
    python benchmarks/bench_stories.py --work DIR      # keep the generated corpora and reuse them

The load-test corpus is FA-KES replicated: replica k's dates are squeezed from FA-KES's
seven years into 90 days and placed after replica k-1's (days 90k to 90k+89 from 1990), so
the stream has the same density at every size (about 9 articles a day: memory can be
compared across sizes), and every word but stop words is suffixed with a code of k, so no
replica's article matches another's. It is written to a temporary Parquet file first (not timed).
Each measurement runs in a fresh Python process that does what ``framing stories`` does:
stream the file through ``iter_corpus`` in chunks of 5,000 into ``write_stories``. CPU time
is the child's ``time.process_time()`` (one core: everything here is single-threaded),
peak memory its own ``VmHWM`` (see :func:`peak_rss_mb`). Prints a Markdown table (pasted into docs/stories.md).
"""

from __future__ import annotations

import argparse
import json
import re
import string
import subprocess
import sys
import tempfile
from pathlib import Path

TARGET_SECONDS = 300.0  # 100,000 articles on one core
TARGET_RSS_RATIO = 1.3
#: days each FA-KES replica is squeezed into (constant density across corpus sizes)
REPLICA_DAYS = 90
_WORD = re.compile(r"[^\W_]+")


def _code(k: int) -> str:
    letters = string.ascii_lowercase
    return "q" + letters[k // 26 % 26] + letters[k % 26]


def make_corpus(n: int, path: Path) -> int:
    """FA-KES replicated to ``n`` articles (shifted dates, replica-coded words) as Parquet."""
    import pandas as pd

    from framing.io.datasets import load_fakes
    from framing.stories.detect import tokens

    base = load_fakes()[["id", "text", "title", "outlet", "date"]]
    t = pd.to_datetime(base["date"])
    offset = ((t - t.min()).dt.days * (REPLICA_DAYS - 1) // max(1, (t.max() - t.min()).days)).astype(int)
    parts, made, k = [], 0, 0
    while made < n:
        code = _code(k)
        part = base.iloc[: n - made].copy()
        part["id"] = part["id"].astype(str) + f"-{k}"
        start = pd.Timestamp("1990-01-01") + pd.Timedelta(days=REPLICA_DAYS * k)
        part["date"] = [(start + pd.Timedelta(days=int(d))).strftime("%Y-%m-%d") for d in offset.iloc[: len(part)]]
        for col in ("text", "title"):
            part[col] = [_WORD.sub(lambda m, c=code: m.group() + c if tokens(m.group()) else m.group(), t)
                         if isinstance(t, str) else t for t in part[col]]
        parts.append(part)
        made += len(part)
        k += 1
    pd.concat(parts, ignore_index=True).to_parquet(path, row_group_size=5000)
    return made


def child(spec: dict) -> dict:
    """One measurement, in a fresh process."""
    import resource
    import time

    from framing.io.stream import iter_corpus
    from framing.stories import write_stories

    chunks = iter_corpus(spec["path"], chunk_size=5000)
    t0 = time.process_time()
    if spec["mode"] == "read":
        n = sum(len(c) for c in chunks)
        summary = {"n_articles": n}
    else:
        s = write_stories(chunks, spec["out"])
        summary = {"n_articles": s.n_articles, "n_stories": s.n_stories, "n_multi_outlet": s.n_multi_outlet}
    cpu = time.process_time() - t0
    return {**summary, "cpu_s": cpu, "rss_mb": peak_rss_mb(resource)}


def peak_rss_mb(resource) -> float:
    """This process's own peak RSS. Not ``ru_maxrss``: on Linux it survives ``exec`` and so
    includes the parent's size at ``fork`` (the parent holds the generated corpus: that made
    the earlier "reading alone" peaks 419 and 699 MB grow with the corpus). ``VmHWM`` is the
    high-water mark of the address space this process runs in."""
    try:
        for line in Path("/proc/self/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_child(spec: dict) -> dict:
    here = str(Path(__file__).parent)
    code = (f"import json,sys; sys.path.insert(0, {here!r}); from bench_stories import child; "
            "print(json.dumps(child(json.loads(sys.argv[1]))))")
    out = subprocess.run([sys.executable, "-c", code, json.dumps(spec)], capture_output=True, text=True,
                         check=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[25_000, 100_000])
    ap.add_argument("--split", action="store_true", help="also time reading the corpus alone")
    ap.add_argument("--work", type=Path, help="keep the generated corpora in this folder and reuse them")
    args = ap.parse_args(argv)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            path = (args.work or Path(tmp)) / f"corpus-{n}.parquet"
            if not path.exists():
                path.parent.mkdir(parents=True, exist_ok=True)
                make_corpus(n, path)
            got = run_child({"path": str(path), "out": str(Path(tmp) / f"stories-{n}.parquet"), "mode": "detect"})
            if args.split:
                read = run_child({"path": str(path), "mode": "read"})
                got["read_cpu_s"], got["read_rss_mb"] = read["cpu_s"], read["rss_mb"]
            rows.append(got)
            print(f"{n:,} articles: {got}", file=sys.stderr, flush=True)
    print("| articles | stories | 2+ outlets | CPU s (read + detect) | articles/s | CPU s reading only | "
          "peak RSS MB | peak RSS MB reading only |")
    print("|---|---|---|---|---|---|---|---|")
    for r in rows:
        read = f"{r['read_cpu_s']:.1f}" if "read_cpu_s" in r else "–"
        read_rss = f"{r['read_rss_mb']:.0f}" if "read_rss_mb" in r else "–"
        print(f"| {r['n_articles']:,} | {r['n_stories']:,} | {r['n_multi_outlet']:,} | {r['cpu_s']:.1f} | "
              f"{r['n_articles'] / r['cpu_s']:,.0f} | {read} | {r['rss_mb']:.0f} | {read_rss} |")
    if len(rows) > 1:
        ratio = rows[-1]["rss_mb"] / rows[0]["rss_mb"]
        print(f"\npeak RSS {rows[-1]['n_articles']:,} / {rows[0]['n_articles']:,} articles: {ratio:.2f} "
              f"(target <= {TARGET_RSS_RATIO})")
        if "read_rss_mb" in rows[0]:
            print(f"reading only: {rows[-1]['read_rss_mb'] / rows[0]['read_rss_mb']:.2f}")
    big = max(rows, key=lambda r: r["n_articles"])
    if big["n_articles"] >= 100_000:
        scaled = big["cpu_s"] * 100_000 / big["n_articles"]
        print(f"CPU for 100,000 articles: {scaled:.0f} s (target < {TARGET_SECONDS:.0f} s)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
