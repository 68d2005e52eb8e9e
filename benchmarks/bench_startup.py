"""CPU cost of starting framing, and of loading a corpus, in fresh processes.

    python benchmarks/bench_startup.py [--root CHECKOUT] [--corpus PATH] [--repeat 5] [--versus CHECKOUT]

Each figure is the CPU time (user + system, from ``resource.getrusage`` of the child) of a
fresh ``python`` process, the least of ``--repeat`` runs: CPU time, not wall time, so a busy
shared machine barely moves it. ``--root`` measures another checkout (e.g. an older commit
unpacked with ``git archive``) for a before/after comparison. On a machine whose load
changes, CPU time still moves (by 0.2-0.3 s at load 7 on 2 cores): ``--versus CHECKOUT``
adds ``framing analyze SEED`` timed in alternate runs of the two checkouts (least and median
of ``--repeat`` each), so both see the same load.

``framing analyze SEED, by phase`` splits one analysis into the steps a fresh process takes
(``time.process_time`` inside the child, with the collector set as ``framing analyze``
sets it: off during start-up where ``framing.collector`` exists; each phase the least over
the runs, so the phases need not add up to the least total; the interpreter's start and
exit are outside them): building the CLI parser, importing the analysis
modules and families, reading the article, loading the lexicon and compiling its matcher,
and the first analysis (which loads each family's own data: VADER, CMUdict, pyphen, the cues).

The user cache (the lexicon, ``framing/lexicon/cache.py``, and pyphen's patterns,
``framing/features/_cmudict.py``) goes to a fresh temporary ``XDG_CACHE_HOME``: one untimed
run fills it, so the figures are for a warm cache (every run after the first on a machine);
``--cold`` times the slow path (no cache written or read).
Python's bytecode cache goes to the same temporary folder (``PYTHONPYCACHEPREFIX``) and the
untimed run fills it too, as an installed package has its ``.pyc`` files (pip writes them at
install): a shell with ``PYTHONDONTWRITEBYTECODE`` set would otherwise compile framing's ~70
modules from source in every timed run (~0.14 CPU-s). ``--no-bytecode`` times that case.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

#: run in the child: the phases of `framing analyze FILE`, each as CPU seconds on stdout
PHASES = r"""
import gc, sys, time
T = time.process_time
marks = [("start", T())]
def mark(name):
    marks.append((name, T()))
import framing.cli as cli
gc.set_threshold(getattr(cli, "GC_THRESHOLD", 700))  # as cli.main() runs a command
try:  # `framing analyze` runs its start-up with the collector off (framing/collector.py)
    import framing.collector
    gc.disable()
except ImportError:  # a checkout from before it
    pass
args = cli.build_parser().parse_args(["analyze", sys.argv[1]])
mark("CLI parser (framing.cli)")
from framing.analyze import analyze_article
from framing.features.registry import available_families, make_families
fams = make_families(available_families(), args.lexicon)
mark("import analysis + families")
try:
    from framing.commands.analyze import article_rows
except ImportError:  # a checkout from before article_rows: the same rows, through pandas
    from framing.commands._common import corpus_from_args
    article_rows = lambda a: corpus_from_args(a).to_dict("records")
rows = article_rows(args)
mark("read the article (framing.io)")
fams[0]._plan
mark("lexicon load + feature plan")
fams[0].lexicon.matcher().compile()
mark("matcher compile")
analyze_article(rows[0], fams)
mark("first analysis (families' own data)")
for (_, a), (name, b) in zip(marks, marks[1:]):
    print(f"{name}\t{b - a}")
print(f"total in the process\t{marks[-1][1] - marks[0][1]}")
"""


def child_cpu(argv: list[str], root: Path, repeat: int, env: dict[str, str]) -> tuple[float, str]:
    """(least CPU-seconds of ``repeat`` runs, the stdout of the last run)."""
    env = {**env, "PYTHONPATH": str(root)}
    best, out = float("inf"), ""
    for _ in range(repeat):
        r0 = resource.getrusage(resource.RUSAGE_CHILDREN)
        done = subprocess.run([sys.executable, *argv], env=env, cwd="/", check=True, text=True,
                              stdout=subprocess.PIPE, stderr=subprocess.DEVNULL)
        r1 = resource.getrusage(resource.RUSAGE_CHILDREN)
        best = min(best, (r1.ru_utime - r0.ru_utime) + (r1.ru_stime - r0.ru_stime))
        out = done.stdout
    return best, out


def phases(root: Path, seed: str, repeat: int, env: dict[str, str]) -> dict[str, float]:
    """The least CPU-seconds of each phase of ``framing analyze SEED`` over ``repeat`` runs."""
    best: dict[str, float] = {}
    for _ in range(repeat):
        _, out = child_cpu(["-c", PHASES, seed], root, 1, env)
        for line in out.splitlines():
            name, _, value = line.partition("\t")
            best[name] = min(best.get(name, float("inf")), float(value))
    return best


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--root", type=Path, default=ROOT, help="the checkout to measure (default: this one)")
    ap.add_argument("--corpus", default=str(ROOT.parent / "shared" / "data" / "fa-kes" / "FA-KES-Dataset.csv"),
                    help="a table for the loading figure (default: FA-KES)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per figure; the least is reported")
    ap.add_argument("--cold", action="store_true",
                    help="time without the lexicon cache (it can be neither written nor read)")
    ap.add_argument("--versus", type=Path, metavar="CHECKOUT",
                    help="also time `framing analyze SEED` in runs alternating with this checkout's")
    ap.add_argument("--no-bytecode", action="store_true",
                    help="no bytecode cache: every run compiles framing's modules from source")
    args = ap.parse_args()
    seed = str(ROOT / "seeds" / "000_89bd3b2a60d6eb6a.txt")
    with tempfile.TemporaryDirectory(prefix="framing-bench-cache-") as cache:
        out = Path(cache) / "features.parquet"
        home = Path(cache) / "xdg"
        if args.cold:  # a file where the cache folder would go: nothing is ever written or read
            home.write_text("no cache")
        env = {**os.environ, "XDG_CACHE_HOME": str(home)}
        if args.no_bytecode:
            env["PYTHONDONTWRITEBYTECODE"] = "1"
        else:
            env.pop("PYTHONDONTWRITEBYTECODE", None)
            env["PYTHONPYCACHEPREFIX"] = str(Path(cache) / "pycache")
        cases = {
            "python alone": ["-c", "pass"],
            "build the CLI parser": ["-c", "import framing.cli; framing.cli.build_parser()"],
            "framing --help": ["-m", "framing.cli", "--help"],
            "framing analyze SEED": ["-m", "framing.cli", "analyze", seed],
            "framing extract SEED -o F.parquet": ["-m", "framing.cli", "extract", seed, "-o", str(out),
                                                  "--no-progress"],
        }
        if Path(args.corpus).exists():
            load = ("import framing.io; import time; t = time.process_time(); "
                    f"framing.io.load_table({args.corpus!r}); print(time.process_time() - t)")
            cases[f"load_table({Path(args.corpus).name}) incl. imports"] = ["-c", load]
        child_cpu(cases["framing analyze SEED"], args.root, 1, env)  # fills the cache (unless --cold)
        state = "cold: no lexicon cache" if args.cold else "warm lexicon cache"
        state += ", no bytecode cache" if args.no_bytecode else ", bytecode cached"
        print(f"# {args.root}: least CPU-seconds of {args.repeat} fresh processes ({state})")
        for name, argv in cases.items():
            print(f"{name:45s} {child_cpu(argv, args.root, args.repeat, env)[0]:6.2f}")
        print("# framing analyze SEED, by phase (CPU-seconds inside the process, least of the runs)")
        for name, cpu in phases(args.root, seed, args.repeat, env).items():
            print(f"  {name:43s} {cpu:6.3f}")
        if args.versus:
            roots = [args.root, args.versus]
            child_cpu(cases["framing analyze SEED"], args.versus, 1, env)  # its cache too
            runs: dict[Path, list[float]] = {r: [] for r in roots}
            for _ in range(args.repeat):
                for r in roots:
                    runs[r].append(child_cpu(cases["framing analyze SEED"], r, 1, env)[0])
            print(f"# framing analyze SEED, alternating runs ({args.repeat} each): least, median")
            for r in roots:
                print(f"  {str(r):43s} {min(runs[r]):6.2f} {statistics.median(runs[r]):6.2f}")
        out.unlink(missing_ok=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
