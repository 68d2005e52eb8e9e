"""Benchmark ``framing extract``: articles per CPU-second with process start included, each
family beside its peers, worker scaling by CPU accounting, peak memory, the dask engine.

    python benchmarks/bench_extract.py                # everything (about 15 min on 2 busy vCPUs)
    python benchmarks/bench_extract.py --quick        # small sizes, a smoke test
    python benchmarks/bench_extract.py --only throughput,families --corpora news

Corpora (``extract_corpora.py``; built from ../shared/data in a temporary folder, written
as Parquet, never committed): **fakes**, FA-KES x10 (8,040 rows), and **news**, 2,000
ordinary news articles of 4-8 kB assembled from PolNeAR's texts.

Every ``framing extract`` runs in a fresh process, ``python -c "from framing.cli import
main; main(['extract', ...])"`` (what the ``framing`` console script runs), which reports
its own CPU time and its workers' (``getrusage``): interpreter start, imports, building
the families, reading the corpus, every family, assembling rows and writing Parquet are
all counted. CPU time is the figure that means something on a shared machine (a busy
machine slows wall time, not the work); wall time is printed beside it. For workers,
the CPU accounting gives the parallel overhead (extra CPU-seconds) and the speed-up the
run would have on N free cores: one worker's CPU time over ``start + max(parent's rest,
workers' CPU / N, (parent's rest + workers' CPU) / N)``, the parent's start-up (imports,
families; measured on the 1-article corpus) being serial.
Per-family figures come from one process per corpus (``extract_peers.py``).
Prints Markdown (pasted into docs/performance.md); ``--json PATH`` keeps the raw figures.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import extract_corpora

TARGETS = {"fakes": 1000.0, "news": 300.0, "speedup": 1.8, "rss_ratio": 1.3}
SIZES = {"fakes": 8040, "news": 2000, "family_fakes": 1608, "family_news": 500,
         "rss": (10_000, 40_000), "dask": 804}
QUICK = {"fakes": 1608, "news": 300, "family_fakes": 300, "family_news": 100,
         "rss": (1000, 4000), "dask": 200}
PARTS = ("throughput", "families", "workers", "rss", "dask")
#: the documented fast subset: every family but attribution and claims (the sourcing work)
FAST_SUBSET = "loaded,readability,sentiment"
_RUNNER = (
    "import json, resource, sys\n"
    "from framing.cli import main\n"
    "rc = main(['extract', *sys.argv[1:]])\n"
    "s, c = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)\n"
    "print(json.dumps({'rc': rc, 'self_s': s.ru_utime + s.ru_stime,"
    " 'children_s': c.ru_utime + c.ru_stime, 'rss_mib': max(s.ru_maxrss, c.ru_maxrss) / 1024}))\n"
)


def table_head(*columns: str) -> None:
    """A Markdown table's header; a column named with a trailing ":" is right-aligned."""
    names = [c.rstrip(":") for c in columns]
    rules = ["---:" if c.endswith(":") else "---" for c in columns]
    print("| " + " | ".join(names) + " |")
    print("|" + "|".join(rules) + "|")


def extract(inp: Path, tmp: Path, *options: str) -> dict[str, Any]:
    """One ``framing extract INP -o OUT --no-progress OPTIONS`` in a fresh process."""
    out = Path(tempfile.mkdtemp(dir=tmp)) / "features.parquet"
    cmd = [sys.executable, "-c", _RUNNER, str(inp), "-o", str(out), "--no-progress", *options]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        raise SystemExit(f"framing extract failed ({' '.join(options)}):\n{proc.stderr[-3000:]}")
    r = json.loads(proc.stdout.strip().splitlines()[-1])
    r.update(wall_s=wall, cpu_s=r["self_s"] + r["children_s"], out=str(out))
    return r


def calibration() -> float:
    """ns per iteration of an empty Python loop: how fast this machine is right now."""
    t = time.process_time()
    for _ in range(2_000_000):
        pass
    return (time.process_time() - t) / 2_000_000 * 1e9


def header(args: argparse.Namespace) -> None:
    cpu = platform.processor() or platform.machine()
    print(f"# bench_extract: python {platform.python_version()}; {cpu}; {os.cpu_count()} CPUs; "
          f"{time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"# command: python benchmarks/bench_extract.py {' '.join(sys.argv[1:])}".rstrip())
    print("# load average at the start: " + ", ".join(f"{x:.1f}" for x in os.getloadavg())
          + f"; an empty Python loop: {calibration():.0f} ns/iteration")


def throughput(inputs: dict[str, Path], start: dict[str, Any], tmp: Path, res: dict) -> bool:
    print("\n## `framing extract --workers 1`, process start included\n")
    print(f"Start-up (a 1-article corpus, every family): {start['cpu_s']:.2f} CPU-s, "
          f"{start['wall_s']:.2f} s wall; the column without start-up subtracts it.\n")
    table_head("corpus", "options", "articles:", "wall s:", "CPU s:", "articles/CPU-s:",
               "CPU ms/article:", "articles/CPU-s without start-up:", "target:")
    ok = True
    for name, inp in inputs.items():
        n = res["n"][name]
        variants = {
            "(none)": [],
            "--spans": ["--spans", str(tmp / f"spans-{name}.parquet")],
            f"--families {FAST_SUBSET}": ["--families", FAST_SUBSET],
        }
        for label, opts in variants.items():
            r = extract(inp, tmp, "--workers", "1", *opts)
            rate = n / r["cpu_s"]
            net = n / max(1e-9, r["cpu_s"] - start["cpu_s"])
            target = None if opts else TARGETS[name]
            mark = "" if target is None else f">= {target:,.0f} ({'met' if rate >= target else 'not met'})"
            print(f"| {name} | {label} | {n:,} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {rate:,.0f} "
                  f"| {1000 * r['cpu_s'] / n:.2f} | {net:,.0f} | {mark} |", flush=True)
            res.setdefault("throughput", {})[f"{name} {label}"] = r
            if target is not None:
                ok &= rate >= target
    return ok


def families(frames: dict[str, Any], tmp: Path, sizes: dict, res: dict) -> None:
    print("\n## Each family beside its peers (one process; CPU ms per article)\n")
    print("Fresh: the family alone on new Documents, segmenting what it needs; segmented: "
          "the Document's paragraphs, sentences, quotations and word count made beforehand.\n")
    table_head("corpus", "family", "fresh:", "segmented:", "articles/CPU-s (segmented):", "peer",
               "peer:", "family / peer speed:")
    for name, df in frames.items():
        n = sizes[f"family_{name}"]
        path = tmp / f"family-{name}.parquet"
        extract_corpora.repeated(df, n).to_parquet(path)
        proc = subprocess.run([sys.executable, __file__, "--child-families", str(path)],
                              capture_output=True, text=True, check=False)
        if proc.returncode != 0:
            raise SystemExit(f"family benchmark failed:\n{proc.stderr[-3000:]}")
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        res.setdefault("families", {})[name] = r
        peers = {p["vs"]: (label, p["s"]) for label, p in r["peers"].items()}
        per = 1000 / r["n"]  # seconds for the texts -> ms per article
        for fam, f in r["families"].items():
            peer, ratio, pms = "", "", ""
            if fam in peers:
                peer, ps = peers[fam]
                pms, ratio = f"{per * ps:.2f}", f"{ps / f['segmented_s']:.1f}x"
            label = "**all**" if fam == "all" else fam
            print(f"| {name} | {label} | {per * f['fresh_s']:.2f} | {per * f['segmented_s']:.2f} "
                  f"| {r['n'] / f['segmented_s']:,.0f} | {peer} | {pms} | {ratio} |")
        print(f"| {name} | (segmentation: paragraphs, sentences, quotations, words) "
              f"| {1000 * r['segmentation_s'] / r['n']:.2f} | | | | | |", flush=True)


def free_cores_wall(r: dict[str, Any], boot: float, cores: int) -> float:
    """The wall time a run would take on ``cores`` free cores, from its CPU accounting: the
    parent's start-up (imports, families) is serial; after it the parent (reading,
    assembling, writing) and the workers run at once, no faster than the slowest of
    them nor than all their CPU time spread over the cores."""
    rest = max(0.0, r["self_s"] - boot)
    return boot + max(rest, r["children_s"] / cores, (rest + r["children_s"]) / cores)


def workers(inputs: dict[str, Path], start: dict[str, Any], tmp: Path, res: dict) -> bool:
    print("\n## Workers (every family): CPU accounting beside wall time\n")
    table_head("corpus", "workers:", "wall s:", "CPU s, parent:", "CPU s, workers:", "CPU s, all:",
               "CPU ms/article:", "parallel overhead:", "speed-up on free cores (from CPU):",
               "wall speed-up:")
    ok = True
    for name, inp in inputs.items():
        n = res["n"][name]
        one = extract(inp, tmp, "--workers", "1")
        two = extract(inp, tmp, "--workers", "2")
        speedup = one["cpu_s"] / free_cores_wall(two, start["self_s"], 2)
        ok &= speedup >= TARGETS["speedup"]
        for w, r in ((1, one), (2, two)):
            over = (r["cpu_s"] - one["cpu_s"]) / one["cpu_s"]
            sp = "1.00" if w == 1 else f"{speedup:.2f}"
            print(f"| {name} | {w} | {r['wall_s']:.1f} | {r['self_s']:.1f} | {r['children_s']:.1f} "
                  f"| {r['cpu_s']:.1f} | {1000 * r['cpu_s'] / n:.2f} | {100 * over:+.1f}% | {sp} "
                  f"| {one['wall_s'] / r['wall_s']:.2f} |", flush=True)
        res.setdefault("workers", {})[name] = {"1": one, "2": two, "speedup_free_cores": speedup}
    print(f"\nTarget: 2 workers >= {TARGETS['speedup']}x one on 2 free cores, by CPU accounting.")
    return ok


def rss(frames: dict[str, Any], tmp: Path, sizes: tuple[int, int], res: dict) -> bool:
    print("\n## Peak memory (FA-KES repeated, every family, workers=1, streamed)\n")
    table_head("articles:", "wall s:", "CPU s:", "peak RSS (MiB):")
    got = []
    for n in sizes:
        path = tmp / f"rss-{n}.parquet"
        extract_corpora.repeated(frames["fakes"], n).to_parquet(path)
        r = extract(path, tmp, "--workers", "1")
        got.append(r["rss_mib"])
        print(f"| {n:,} | {r['wall_s']:.1f} | {r['cpu_s']:.1f} | {r['rss_mib']:.0f} |", flush=True)
    ratio = got[1] / got[0]
    res["rss"] = {"sizes": sizes, "mib": got, "ratio": ratio}
    print(f"\nRatio {sizes[1]:,}/{sizes[0]:,}: {ratio:.2f} (target <= {TARGETS['rss_ratio']}).")
    return ratio <= TARGETS["rss_ratio"]


def dask(frames: dict[str, Any], tmp: Path, n: int, res: dict) -> bool:
    import pandas as pd

    print("\n## Dask engine (LocalCluster, 2 workers) against the local engine\n")
    table_head("corpus", "articles:", "local: wall s, CPU s", "dask: wall s, CPU s", "tables identical")
    ok = True
    for name, df in frames.items():
        path = tmp / f"dask-{name}.parquet"
        extract_corpora.repeated(df, n).to_parquet(path)
        local = extract(path, tmp, "--workers", "1")
        dist = extract(path, tmp, "--engine", "dask", "--workers", "2")
        same = pd.read_parquet(local["out"]).equals(pd.read_parquet(dist["out"]))
        ok &= same
        print(f"| {name} | {n:,} | {local['wall_s']:.1f}, {local['cpu_s']:.1f} "
              f"| {dist['wall_s']:.1f}, {dist['cpu_s']:.1f} | {'yes' if same else '**no**'} |", flush=True)
        res.setdefault("dask", {})[name] = {"local": local, "dask": dist, "identical": same}
    return ok


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    ap.add_argument("--only", help=f"comma-separated parts (default all: {','.join(PARTS)})")
    ap.add_argument("--corpora", default="fakes,news", help="comma-separated: fakes, news")
    ap.add_argument("--json", metavar="PATH", help="also write the raw figures as JSON")
    ap.add_argument("--child-families", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child_families:
        import pandas as pd
        from extract_peers import measure

        from framing.features.union import resolve_families

        texts = pd.read_parquet(args.child_families)["text"].tolist()
        print(json.dumps(measure(texts, resolve_families(None))))
        return 0

    sizes = QUICK if args.quick else SIZES
    parts = set(args.only.split(",")) if args.only else set(PARTS)
    have = extract_corpora.available()
    names = [c for c in args.corpora.split(",") if have.get(c)]
    if not names:
        raise SystemExit("no corpus found under ../shared/data (FA-KES, PolNeAR)")
    header(args)
    res: dict[str, Any] = {"n": {}, "command": sys.argv[1:]}
    ok = True
    with tempfile.TemporaryDirectory() as t:
        tmp = Path(t)
        frames = {c: extract_corpora.build(c, sizes[c]) for c in names}
        inputs: dict[str, Path] = {}
        for c, df in frames.items():
            inputs[c] = tmp / f"{c}.parquet"
            df.to_parquet(inputs[c])
            res["n"][c] = len(df)
            print(f"# {c}: {extract_corpora.describe(df)}")
        one = tmp / "one.parquet"
        frames[names[0]].iloc[:1].to_parquet(one)
        start = extract(one, tmp, "--workers", "1")
        res["start"] = start
        if "throughput" in parts:
            ok &= throughput(inputs, start, tmp, res)
        if "families" in parts:
            families(frames, tmp, sizes, res)
        if "workers" in parts:
            ok &= workers(inputs, start, tmp, res)
        if "rss" in parts and "fakes" in frames:
            ok &= rss(frames, tmp, sizes["rss"], res)
        if "dask" in parts:
            ok &= dask(frames, tmp, sizes["dask"], res)
    print(f"\nAll targets measured here met: {'yes' if ok else 'no'}")
    print("Load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=1, default=str), encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
