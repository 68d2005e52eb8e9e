"""Benchmark ``framing extract``: throughput per family, worker scaling, peak memory.

    python benchmarks/bench_extract.py            # FA-KES repeated to 20,000 articles
    python benchmarks/bench_extract.py --quick    # 2,000 articles, RSS at 1k/4k (smoke test)

Every measurement runs in a fresh Python process (so no cache or memory carries over)
that streams FA-KES, repeated with fresh ids, through ``extract_to_parquet`` into a
temporary Parquet file, exactly as ``framing extract`` does. Throughput excludes
interpreter start-up and building the families (loading CMUdict, VADER, lexicons) but
includes segmentation, every family, assembling rows and writing Parquet; the worker
runs include starting the process pool. Peak RSS is the child's own ``ru_maxrss``.
Prints Markdown tables (pasted into docs/performance.md).
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

TARGETS = {"all_per_s": 300.0, "speedup": 1.7, "rss_ratio": 1.3}


def _fakes():  # type: ignore[no-untyped-def]
    from framing.io.datasets import load_fakes

    return load_fakes()


def repeated(base, n: int, chunk: int = 500):  # type: ignore[no-untyped-def]
    """``base`` repeated to ``n`` articles, yielded as DataFrame chunks with unique ids."""
    made = rep = 0
    while made < n:
        for start in range(0, len(base), chunk):
            part = base.iloc[start : start + chunk].copy()
            part = part.iloc[: n - made]
            part["id"] = part["id"].astype(str) + f"-{rep}"
            yield part
            made += len(part)
            if made >= n:
                return
        rep += 1


def child(spec: dict) -> dict:
    """One measurement (runs in a fresh process)."""
    import resource

    from framing.extract import extract_to_parquet, warm
    from framing.features.union import resolve_families

    families = spec["families"]
    names = tuple(resolve_families(families))
    warm(names, ())
    base = _fakes()  # loaded (and mojibake repaired) before the clock starts
    with tempfile.TemporaryDirectory() as tmp:
        t0, c0 = time.perf_counter(), time.process_time()
        summary = extract_to_parquet(
            repeated(base, spec["n"]),
            Path(tmp) / "features.parquet",
            spans_path=Path(tmp) / "spans.parquet",
            families=list(names),
            workers=spec["workers"],
            chunk_size=spec.get("chunk_size", 200),
        )
        seconds = time.perf_counter() - t0
        cpu = time.process_time() - c0
    workers_ru = resource.getrusage(resource.RUSAGE_CHILDREN)
    rss_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # KiB on Linux
    return {
        "families": ",".join(names),
        "n": summary.n_articles,
        "errors": summary.n_errors,
        "seconds": seconds,
        "per_s": summary.n_articles / seconds,
        "rss_mib": rss_kb / 1024,
        # CPU seconds of this process and of its pool workers: shows whether the work
        # parallelises even when a shared machine cannot give the workers whole cores
        "cpu_s": cpu + workers_ru.ru_utime + workers_ru.ru_stime,
    }


def measure(n: int, families: list[str] | None, workers: int = 1) -> dict:
    spec = {"n": n, "families": families, "workers": workers}
    proc = subprocess.run(
        [sys.executable, __file__, "--child", json.dumps(spec)],
        capture_output=True,
        text=True,
        check=False,
    )
    if proc.returncode != 0:
        raise SystemExit(f"benchmark child failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    ap.add_argument("--n", type=int, help="articles for throughput and scaling (default 20000)")
    ap.add_argument("--rss-sizes", default=None, help="two sizes for peak RSS (default 10000,40000)")
    ap.add_argument("--families", help="comma-separated (default: every available family)")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: families,scaling,rss")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    args = ap.parse_args()
    if args.child:
        print(json.dumps(child(json.loads(args.child))))
        return 0

    from framing.features.union import resolve_families

    n = args.n or (2000 if args.quick else 20000)
    small, large = (
        [int(x) for x in args.rss_sizes.split(",")]
        if args.rss_sizes
        else ([1000, 4000] if args.quick else [10000, 40000])
    )
    names = resolve_families(args.families.split(",") if args.families else None)
    skip = set(filter(None, args.skip.split(",")))
    cpu = platform.processor() or platform.machine()
    print(f"# bench_extract: FA-KES repeated; python {platform.python_version()}; {cpu}; "
          f"{os.cpu_count()} CPUs; {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}")
    print(f"# command: python benchmarks/bench_extract.py {' '.join(sys.argv[1:])}".rstrip())
    print("# load average at the start: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    ok = True

    if "families" not in skip:
        print(f"\n## Throughput on one core ({n:,} articles, workers=1)\n")
        print("| families | articles | seconds | articles/s |")
        print("|---|---:|---:|---:|")
        for fam in [[f] for f in names] + [names]:
            r = measure(n, fam, 1)
            label = "**all**" if len(fam) > 1 else fam[0]
            print(f"| {label} | {r['n']:,} | {r['seconds']:.1f} | {r['per_s']:,.0f} |", flush=True)
            if len(fam) > 1:
                all_rate = r["per_s"]
                ok &= all_rate >= TARGETS["all_per_s"]
        print(f"\nTarget: all families >= {TARGETS['all_per_s']:.0f} articles/s on one core.")

    if "scaling" not in skip:
        print(f"\n## Workers (all families, {n:,} articles)\n")
        print("| workers | seconds | articles/s | speed-up | CPU seconds (all processes) |")
        print("|---:|---:|---:|---:|---:|")
        one = measure(n, names, 1)
        two = measure(n, names, 2)
        speedup = one["seconds"] / two["seconds"]
        print(f"| 1 | {one['seconds']:.1f} | {one['per_s']:,.0f} | 1.00 | {one['cpu_s']:.1f} |")
        print(
            f"| 2 | {two['seconds']:.1f} | {two['per_s']:,.0f} | {speedup:.2f} "
            f"| {two['cpu_s']:.1f} |"
        )
        print(f"\nTarget: 2-worker speed-up >= {TARGETS['speedup']}.")
        ok &= speedup >= TARGETS["speedup"]

    if "rss" not in skip:
        print("\n## Peak memory (all families, workers=1, streamed)\n")
        print("| articles | seconds | peak RSS (MiB) |")
        print("|---:|---:|---:|")
        a = measure(small, names, 1)
        b = measure(large, names, 1)
        ratio = b["rss_mib"] / a["rss_mib"]
        print(f"| {small:,} | {a['seconds']:.1f} | {a['rss_mib']:.0f} |")
        print(f"| {large:,} | {b['seconds']:.1f} | {b['rss_mib']:.0f} |")
        print(f"\nRatio {large:,}/{small:,}: {ratio:.2f} (target <= {TARGETS['rss_ratio']}).")
        ok &= ratio <= TARGETS["rss_ratio"]

    print(f"\nAll targets met: {'yes' if ok else 'no'}")
    print("Load average (1, 5, 15 min) at the end: " + ", ".join(f"{x:.1f}" for x in os.getloadavg()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
