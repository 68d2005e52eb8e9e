"""``framing lexicon coverage CORPUS``: how much of a corpus the lexicon packs touch, and the
frequent names none covers (a thin shell over :func:`framing.lexicon.coverage.lexicon_coverage`)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from framing.commands._common import add_corpus_args, add_lexicon_arg, corpus_from_args, dumps, write_atomic


def register(lsub: Any) -> None:
    c = lsub.add_parser(
        "coverage",
        help="share of articles and sentences each lexicon pack touches, and frequent names no entry covers",
    )
    add_corpus_args(c)
    add_lexicon_arg(c)
    c.add_argument("--top", type=_positive, default=25, metavar="N", help="list N uncovered names (default 25)")
    c.add_argument("--format", choices=("text", "json"), default="text", help="output format (default text)")
    c.add_argument("-o", "--output", metavar="PATH", help="write here instead of standard output")
    c.set_defaults(func=run_coverage)


def _positive(value: str) -> int:
    n = int(value)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def run_coverage(args: argparse.Namespace) -> int:
    from framing.lexicon import load_lexicon
    from framing.lexicon.coverage import coverage_note, lexicon_coverage

    lex = load_lexicon(tuple(args.lexicon))
    corpus = corpus_from_args(args)
    cov = lexicon_coverage(corpus["text"].tolist(), lex, top=args.top)
    if args.format == "json":
        out = dumps(cov.to_dict()) + "\n"
    else:
        lines = [
            f"{cov.n_articles:,} articles, {cov.n_sentences:,} sentences; "
            f"any match: {cov.any_articles:.1%} of articles, {cov.any_sentences:.1%} of sentences",
            "",
            f"{'pack':<24} {'articles':>9} {'sentences':>10} {'matches':>9}",
        ]
        lines += [f"{p.name:<24} {p.articles:>9.1%} {p.sentences:>10.1%} {p.matches:>9,}" for p in cov.packs]
        lines += ["", "frequent capitalised names and phrases no entry covers (articles, occurrences):"]
        lines += [f"  {p}  ({a}, {n})" for p, a, n in cov.uncovered] or ["  none"]
        lines += ["", coverage_note(cov)]
        out = "\n".join(lines) + "\n"
    if args.output:
        write_atomic(args.output, out.encode("utf-8"))
    else:
        sys.stdout.write(out)
    return 0
