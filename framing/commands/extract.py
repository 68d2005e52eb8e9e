"""``framing extract CORPUS... -o features.parquet``: the feature table (and evidence spans)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from framing.commands._common import (
    add_corpus_args,
    add_lexicon_arg,
    add_output_arg,
    check_parquet_output,
    corpus_chunks_from_args,
    positive,
    warn,
)
from framing.errors import FramingError

#: articles per task unless --chunk-size says otherwise (framing.extract.DEFAULT_CHUNK_SIZE;
#: repeated here so that building the CLI parser does not import numpy and pandas)
DEFAULT_CHUNK_SIZE = 200


def register(sub: Any) -> None:
    p = sub.add_parser(
        "extract",
        help="one row of features per article, written to Parquet",
        description="Run the feature families over a corpus and write one row per article "
        "(metadata, every feature, errors) to Parquet; optionally the evidence spans too.",
    )
    add_corpus_args(p)
    add_lexicon_arg(p)
    add_output_arg(p, "FEATURES.parquet", "the feature table to write (Parquet)", old="--out")
    p.add_argument("--spans", metavar="SPANS.parquet", help="also write the evidence spans")
    p.add_argument("--families", metavar="NAMES", help="comma-separated families (default: every available one)")
    p.add_argument("--workers", type=positive, default=1, metavar="N", help="processes (default 1)")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local: a process pool on this machine (default); dask: dask.distributed "
                   "(pip install 'framing[dask]')")
    p.add_argument(
        "--scheduler", metavar="ADDRESS",
        help="dask scheduler, e.g. tcp://10.0.0.5:8786 (with --engine dask; default: a LocalCluster)",
    )
    p.add_argument(
        "--chunk-size", type=positive, default=DEFAULT_CHUNK_SIZE, metavar="N",
        help=f"articles per task (default {DEFAULT_CHUNK_SIZE})",
    )
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from framing.extract import extract_to_parquet
    from framing.features.registry import check_families

    if args.scheduler and args.engine != "dask":
        raise FramingError("--scheduler needs --engine dask")
    check_parquet_output(args.output)
    check_parquet_output(args.spans, "--spans")
    families = check_families(args.families.split(",")) if args.families else None
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
        warn(p)
    if summary.n_errors:
        warn(f"{summary.n_errors} article(s) had problems; see the 'errors' column")
    return 0
