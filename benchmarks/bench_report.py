"""`framing report --by outlet` at three sizes: cost, HTML size, page height, first screen (issue 18).

Corpora, built in a temporary folder from ../shared/data (never committed):

- **scale**: 2,000 PolNeAR texts over 146 synthetic outlets with a long tail
  (``bench_compare_scale.corpus``, the issue-24.4 corpus);
- **fakes**: FA-KES as ``framing report FA-KES-Dataset.csv`` reads it (804 articles);
- **polnear302**: 302 PolNeAR training texts, 43 or 44 from each of the 7 publishers (the
  issue's "302 articles from 7 outlets" report, on a corpus we have).

Each report runs in a fresh process (``python -c 'from framing.cli import main; ...'``);
timed: wall, CPU (user + system, the process and its children) and peak RSS. Then headless
Chromium opens the HTML at a 1280 x 800 viewport and, over the DevTools pipe
(``framing.report.browser``, no script in the page), reports the page height and the bottom
edge of the summary block (``#summary``, absent before issue 18). ``--framing DIR`` runs the
reports with another checkout on PYTHONPATH (an export of the code before), the measuring
with this one. ``--shots DIR`` keeps first-screen screenshots.

    python benchmarks/bench_report.py                       # all three corpora
    python benchmarks/bench_report.py --only polnear302 --shots /tmp/shots
    PYTHONPATH=. python benchmarks/bench_report.py --framing /tmp/before   # the code before
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pandas as pd

CODE = "import sys; from framing.cli import main; sys.exit(main(sys.argv[1:]))"
CORPORA = ("polnear302", "fakes", "scale")


def polnear302() -> pd.DataFrame:
    """302 distinct PolNeAR texts, as evenly as possible over the 7 publishers."""
    from framing.paths import POLNEAR_JSONL

    rows = [json.loads(line) for line in POLNEAR_JSONL.read_text(encoding="utf-8").splitlines()
            if line]
    df = pd.DataFrame(rows).drop_duplicates("text")[["id", "publisher", "text"]]
    df = df.rename(columns={"publisher": "outlet"}).sort_values("id", kind="stable")
    df["round"] = df.groupby("outlet").cumcount()  # round robin: 43 of each, one 44th
    df = df.sort_values(["round", "outlet"], kind="stable").head(302)
    return df.drop(columns="round").reset_index(drop=True)


def corpus_path(name: str, work: Path) -> Path:
    if name == "fakes":
        from framing.paths import FAKES_CSV

        return FAKES_CSV
    if name == "scale":
        sys.path.insert(0, str(Path(__file__).parent))
        from bench_compare_scale import corpus

        df = corpus()
    else:
        df = polnear302()
    path = work / f"{name}.csv"
    df.to_csv(path, index=False)
    return path


def run_report(path: Path, out: Path, framing_dir: str | None, extra: list[str]) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(Path(framing_dir or Path(__file__).resolve().parents[1]).resolve())
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, "-c", CODE, "report", str(path), "--by", "outlet",
                           "-o", str(out), "-q", *extra], capture_output=True, text=True,
                          env=env, check=False, cwd=out.parent)  # not cwd: -c puts it first
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if proc.returncode:
        sys.exit(f"framing report {path.name} failed: {proc.stderr[-2000:]}")
    return {"wall_s": time.perf_counter() - t,
            "cpu_s": (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime),
            "peak_mb": after.ru_maxrss / 1024, "html_mb": out.stat().st_size / 1e6}


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", choices=CORPORA, action="append",
                    help="run only this corpus (repeatable)")
    ap.add_argument("--framing", metavar="DIR",
                    help="checkout whose framing the reports run with (default: this one)")
    ap.add_argument("--shots", metavar="DIR", help="keep 1280x800 first-screen screenshots here")
    ap.add_argument("--keep", metavar="DIR", help="keep the HTML reports here")
    args = ap.parse_args(argv)
    from framing.report.browser import find_chromium, measure

    work = Path(tempfile.mkdtemp(prefix="framing-bench-report-"))
    keep = Path(args.keep) if args.keep else work
    keep.mkdir(parents=True, exist_ok=True)
    print("| corpus | articles | wall s | CPU s | peak MB | HTML MB | page height px "
          "(1280 wide) | summary bottom px |", flush=True)
    print("|---|---:|---:|---:|---:|---:|---:|---:|", flush=True)
    for name in args.only or CORPORA:
        path = corpus_path(name, work)
        n = len(pd.read_csv(path, usecols=[0]))
        out = keep / f"{name}.html"
        r = run_report(path, out, args.framing, [])
        height = bottom = "–"
        if find_chromium():
            lay = measure(out, ("#summary",), screenshot=bool(args.shots))
            height = f"{lay.page_height:,.0f}"
            box = lay.boxes.get("#summary")
            bottom = f"{box[1]:.0f}" if box else "(none)"
            if args.shots and lay.screenshot:
                Path(args.shots).mkdir(parents=True, exist_ok=True)
                (Path(args.shots) / f"{name}.png").write_bytes(lay.screenshot)
        print(f"| {name} | {n:,} | {r['wall_s']:.0f} | {r['cpu_s']:.0f} | {r['peak_mb']:.0f} | "
              f"{r['html_mb']:.2f} | {height} | {bottom} |", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
