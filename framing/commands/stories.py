"""``framing stories CORPUS... -o stories.parquet``: group articles into stories (same event)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from framing.commands._common import add_corpus_args, check_parquet_output, corpus_chunks_from_args


def register(sub: Any) -> None:
    from framing.stories.params import StoryParams

    d = StoryParams()
    p = sub.add_parser(
        "stories",
        help="group articles into stories (reports of the same event across outlets)",
        description="Group articles into stories: reports of the same event or development, "
        "across outlets and within a time window, in one streaming pass. Writes one row per "
        "story (id, label, date span, articles, outlets, republished copy) to Parquet.",
    )
    add_corpus_args(p)
    p.add_argument("-o", "--output", required=True, metavar="STORIES.parquet", help="story table to write")
    p.add_argument("--threshold", type=float, default=d.threshold, metavar="COS",
                   help=f"TF-IDF cosine to a story's centroid needed to join it (default {d.threshold})")
    p.add_argument("--window", type=int, default=d.window_days, metavar="DAYS",
                   help=f"a story stays open this many days after its latest article (default {d.window_days})")
    p.add_argument("--lead-words", type=int, default=d.lead_words, metavar="N",
                   help=f"words of each body compared, after the headline (default {d.lead_words})")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from framing.stories import StoryParams, write_stories

    check_parquet_output(args.output)
    params = StoryParams(threshold=args.threshold, window_days=args.window, lead_words=args.lead_words)
    problems: list[str] = []
    corpus = corpus_chunks_from_args(args, 5000, problems)
    bar = tqdm(desc="reading articles", unit="article",
               disable=args.no_progress or not sys.stderr.isatty())
    summary = write_stories(corpus, args.output, params, progress=bar.update)
    bar.close()
    for p in problems:
        print(f"framing: warning: {p}", file=sys.stderr)
    print(f"{summary.n_articles} articles in {summary.n_stories} stories; "
          f"{summary.n_multi_outlet} covered by two or more outlets")
    print(f"framing: wrote {summary.path}", file=sys.stderr)
    return 0
