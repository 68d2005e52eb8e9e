"""``framing corpus info PATH``: what a corpus holds and what is wrong with it."""

from __future__ import annotations

import argparse
from typing import Any

from framing.commands._common import add_corpus_args, corpus_from_args, dumps
from framing.errors import printable


def register(sub: Any) -> None:
    p = sub.add_parser("corpus", help="inspect a corpus")
    csub = p.add_subparsers(dest="corpus_command", metavar="SUBCOMMAND", required=True)
    info = csub.add_parser("info", help="articles per outlet, date range, problems found")
    add_corpus_args(info)
    info.add_argument("--format", choices=("text", "json"), default="text",
                      help="text: a summary (default); json: the same as one JSON object")
    info.set_defaults(func=run_info)


def corpus_info(df: Any) -> dict[str, Any]:
    """Summary of a corpus DataFrame (the JSON of ``framing corpus info``)."""
    dates = df["date"].dropna()
    outlets = df["outlet"].fillna("(unknown)").value_counts()
    republished = df[(df["publisher"].notna()) & (df["publisher"] != df["outlet"])]
    wire = df[(df["origin"].notna()) & (df["origin"] != df["outlet"])]
    words = df["text"].str.split().str.len()
    return {
        "n_articles": int(len(df)),
        "outlets": {str(k): int(v) for k, v in outlets.items()},
        "date_range": [min(dates), max(dates)] if len(dates) else None,
        "n_without_date": int(df["date"].isna().sum()),
        "words": {"total": int(words.sum()), "median": float(words.median()) if len(words) else 0.0},
        "republished": int(len(republished)),
        "origin_differs": {str(k): int(v) for k, v in wire["origin"].value_counts().items()},
        "problems": list(df.attrs.get("problems", [])),
    }


def run_info(args: argparse.Namespace) -> int:
    info = corpus_info(corpus_from_args(args))
    if args.format == "json":
        print(dumps(info))
        return 0
    print(f"articles: {info['n_articles']}  outlets: {len(info['outlets'])}  words: {info['words']['total']}")
    if info["date_range"]:
        print(f"dates: {info['date_range'][0]} .. {info['date_range'][1]} ({info['n_without_date']} without a date)")
    # outlet names come from the files: escape sequences in them must not reach the terminal
    names = {printable(k, 80): n for k, n in info["outlets"].items()}
    width = max((len(k) for k in names), default=0)
    for name, n in names.items():
        print(f"  {name:<{width}}  {n:>6}")
    if info["origin_differs"]:
        print("copy from another origin: "
              + ", ".join(f"{printable(k, 80)} {v}" for k, v in info["origin_differs"].items()))
    for p in info["problems"]:
        print(f"problem: {printable(p)}")
    return 0
