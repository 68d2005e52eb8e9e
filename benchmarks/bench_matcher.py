"""Throughput of the loaded-term matcher on FA-KES, one core.

    python benchmarks/bench_matcher.py [--articles 5000] [--rounds 3] [--lexicon PATH ...]

All 804 FA-KES articles are repeated to about ``--articles`` texts; each text gets a fresh
``Document`` (so quotation finding and word counting are timed too, as in extraction).
The automaton is compiled once before timing (reported separately). Every bundled pack is
loaded, the graded layer included (``--lexicon-pack NAME`` to time fewer). Target: >= 5,000
articles/s for ``LoadedTerms.analyze`` on one core, read from the CPU-time column.
Each stage runs ``--rounds`` times and the fastest round is reported: on a shared machine
other processes only ever slow a round down, so the minimum is the closest to one quiet core.

``--count N`` times nothing: it runs ``LoadedTerms.analyze`` (fresh ``Document``) on FA-KES
articles 100 to 100+N after a 20-article warm-up, for counting instructions, which load on a
shared machine does not move (as docs/performance.md does it)::

    PYTHONHASHSEED=0 valgrind --tool=cachegrind --cache-sim=no python benchmarks/bench_matcher.py --count 200
    # minus the same with --count 0: the family's instructions for 200 articles
"""

from __future__ import annotations

import argparse
import os
import platform
import sys
import time
from collections.abc import Callable


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--articles", type=int, default=5000, help="about how many texts to time")
    ap.add_argument("--rounds", type=int, default=3, help="time each stage this many times, report the fastest")
    ap.add_argument("--lexicon", action="append", default=[], metavar="PATH")
    ap.add_argument("--lexicon-pack", action="append", default=[], metavar="NAME", help="only these bundled packs")
    ap.add_argument("--count", type=int, metavar="N", help="time nothing: analyze N articles once, for an "
                    "instruction count under valgrind (subtract a run with --count 0)")
    args = ap.parse_args(argv)

    from framing.features.loaded import LoadedTerms
    from framing.io.datasets import load_fakes
    from framing.paths import FAKES_CSV
    from framing.text import Document

    if not FAKES_CSV.exists():
        print(f"FA-KES not found at {FAKES_CSV}", file=sys.stderr)
        return 1
    texts = load_fakes()["text"].tolist()
    if args.count is not None:
        fam = LoadedTerms(lexicons=tuple(args.lexicon) + tuple(f"pack:{n}" for n in args.lexicon_pack))
        for text in texts[:20]:  # builds the lexicon, the automaton and the plan
            fam.analyze(Document(text))
        for text in texts[100 : 100 + args.count]:
            fam.analyze(Document(text))
        return 0
    reps = max(1, round(args.articles / len(texts)))
    corpus = texts * reps
    n_chars = sum(map(len, corpus))

    fam = LoadedTerms(lexicons=tuple(args.lexicon) + tuple(f"pack:{n}" for n in args.lexicon_pack))
    t0 = time.perf_counter()
    lex = fam.lexicon
    t1 = time.perf_counter()
    matcher = lex.matcher().compile()
    t2 = time.perf_counter()

    rows = [("load lexicons", 1, t1 - t0, t1 - t0), ("compile automaton", 1, t2 - t1, t2 - t1)]

    # CPU time as well as wall time: on a shared machine the process is descheduled
    # often, and CPU time is what one dedicated core would take
    def fastest(run: Callable[[], None]) -> tuple[float, float]:
        best = (float("inf"), float("inf"))
        for _ in range(max(1, args.rounds)):
            wall, cpu = time.perf_counter(), time.process_time()
            run()
            took = (time.perf_counter() - wall, time.process_time() - cpu)
            best = min(best, took, key=lambda t: t[1])
        return best

    n_hits = sum(len(matcher.find(text)) for text in corpus[: len(texts)]) * reps

    def find_all() -> None:
        for text in corpus:
            matcher.find(text)

    def analyze_all() -> None:
        for text in corpus:
            fam.analyze(Document(text))

    rows.append(("Matcher.find", len(corpus), *fastest(find_all)))
    rows.append(("LoadedTerms.analyze (fresh Document)", len(corpus), *fastest(analyze_all)))

    print(f"# packs: {', '.join(lex.packs)}")
    print(
        f"# bench_matcher: {len(lex.entries)} entries, {len(lex.referents)} referents, "
        f"{len(corpus)} texts ({len(texts)} FA-KES x {reps}), {n_chars / len(corpus):.0f} "
        f"chars/text, {n_hits} hits"
    )
    print(
        f"# python {platform.python_version()}, {platform.machine()}, "
        f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.1f}; one process, one thread; "
        f"fastest of {max(1, args.rounds)} rounds"
    )
    print(f"| {'stage':<38} | {'texts':>6} | {'wall s':>7} | {'texts/s':>8} | {'CPU s':>7} | {'texts/CPU s':>11} |")
    print(f"|{'-' * 40}|{'-' * 8}:|{'-' * 8}:|{'-' * 9}:|{'-' * 8}:|{'-' * 12}:|")
    for name, n, secs, cpu_s in rows:
        rate = f"{n / secs:,.0f}" if n > 1 and secs > 0 else ""
        crate = f"{n / cpu_s:,.0f}" if n > 1 and cpu_s > 0 else ""
        print(f"| {name:<38} | {n:>6} | {secs:>7.3f} | {rate:>8} | {cpu_s:>7.3f} | {crate:>11} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
