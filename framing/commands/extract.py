"""``framing extract CORPUS... -o features.parquet``: the feature table (and evidence spans)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from framing.commands._common import add_corpus_args, add_lexicon_arg, corpus_chunks_from_args
from framing.errors import FramingError


def register(sub: Any) -> None:
    from framing.extract import DEFAULT_CHUNK_SIZE

    p = sub.add_parser(
        "extract",
        help="one row of features per article, written to Parquet",
        description="Run the feature families over a corpus and write one row per article "
        "(metadata, every feature, errors) to Parquet; optionally the evidence spans too.",
    )
    add_corpus_args(p)
    add_lexicon_arg(p)
    p.add_argument("-o", "--output", required=True, metavar="FEATURES.parquet")
    p.add_argument("--spans", metavar="SPANS.parquet", help="also write the evidence spans")
    p.add_argument("--families", help="comma-separated families (default: every available one)")
    p.add_argument("--workers", type=_positive, default=1, metavar="N", help="processes (default 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local")
    p.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask; default: a LocalCluster)",
    )
    p.add_argument(
        "--chunk-size", type=_positive, default=DEFAULT_CHUNK_SIZE, metavar="N",
        help=f"articles per task (default {DEFAULT_CHUNK_SIZE})",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _positive(value: str) -> int:
    try:
        n = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
    if n < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1: {n}")
    return n


def run(args: argparse.Namespace) -> int:
    from framing.analyze import available_families
    from framing.extract import extract_to_parquet
    from framing.features.base import FAMILY_PATHS

    if args.scheduler and args.engine != "dask":
        raise FramingError("--scheduler needs --engine dask")
    families = None
    if args.families:
        families = [f.strip() for f in args.families.split(",") if f.strip()]
        unknown = [f for f in families if f not in FAMILY_PATHS]
        if unknown:
            raise FramingError(
                f"unknown feature family {', '.join(unknown)} (known: {', '.join(FAMILY_PATHS)})"
            )
        missing = [f for f in families if f not in available_families(families)]
        if missing:
            raise FramingError(f"feature family {', '.join(missing)} is not installed")
    problems: list[str] = []
    # stream tables in chunks of several extraction chunks: memory stays flat in corpus size
    corpus = corpus_chunks_from_args(args, max(args.chunk_size * 20, 2000), problems)
    summary = extract_to_parquet(
        corpus,
        args.output,
        spans_path=args.spans,
        workers=args.workers,
        engine=args.engine,
        scheduler=args.scheduler,
        families=families,
        lexicons=args.lexicon,
        chunk_size=args.chunk_size,
        progress=not args.no_progress and sys.stderr.isatty(),
    )
    msg = (
        f"framing: wrote {summary.n_articles} articles to {summary.path}"
        f" ({summary.articles_per_second:,.1f} articles/s)"
    )
    if summary.spans_path:
        msg += f" and {summary.n_spans} spans to {summary.spans_path}"
    print(msg, file=sys.stderr)
    for p in problems:
        print(f"framing: warning: {p}", file=sys.stderr)
    if summary.n_errors:
        print(
            f"framing: warning: {summary.n_errors} article(s) had problems; see the 'errors' column",
            file=sys.stderr,
        )
    return 0
