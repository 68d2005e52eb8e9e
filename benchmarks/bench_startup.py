"""CPU cost of starting framing, and of loading a corpus, in fresh processes.

    python benchmarks/bench_startup.py [--root CHECKOUT] [--corpus PATH] [--repeat 5]

Each figure is the CPU time (user + system, from ``resource.getrusage`` of the child) of a
fresh ``python`` process, the least of ``--repeat`` runs: CPU time, not wall time, so a busy
shared machine barely moves it. ``--root`` measures another checkout (e.g. an older commit
unpacked with ``git archive``) for a before/after comparison.
"""

from __future__ import annotations

import argparse
import os
import resource
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def child_cpu(argv: list[str], root: Path, repeat: int) -> float:
    env = {**os.environ, "PYTHONPATH": str(root)}
    best = float("inf")
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        subprocess.run([sys.executable, *argv], env=env, cwd="/", check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "fa-kes" / "FA-KES-Dataset.csv"),
                    help="a table for the loading figure (default: FA-KES)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure; the least is reported")
    args = ap.parse_args()
    seed = str(ROOT / "seeds" / "000_89bd3b2a60d6eb6a.txt")
    cases = {
        "python alone": ["-c", "pass"],
        "build the CLI parser": ["-c", "import framing.cli; framing.cli.build_parser()"],
        "framing --help": ["-m", "framing.cli", "--help"],
        "framing analyze SEED": ["-m", "framing.cli", "analyze", seed],
    }
    if Path(args.corpus).exists():
        load = ("import framing.io; import time; t = time.process_time(); "
                f"framing.io.load_table({args.corpus!r}); print(time.process_time() - t)")
        cases[f"load_table({Path(args.corpus).name}) incl. imports"] = ["-c", load]
    print(f"# {args.root}: least CPU-seconds of {args.repeat} fresh processes")
    for name, argv in cases.items():
        print(f"{name:45s} {child_cpu(argv, args.root, args.repeat):6.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
