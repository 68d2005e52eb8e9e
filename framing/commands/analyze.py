"""``framing analyze PATH...``: annotate articles and print them (text, json or jsonl)."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Iterator
from typing import Any

from framing.commands._common import add_corpus_args, add_lexicon_arg, corpus_from_args, dumps, mapping_from_args, warn
from framing.errors import printable


def register(sub: Any) -> None:
    p = sub.add_parser("analyze", help="annotate articles: loaded terms, attributions, claims, scores")
    add_corpus_args(p)
    add_lexicon_arg(p)
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text",
                   help="text: a summary per article (default); json: one object, or a list for "
                   "several articles; jsonl: one object per line")
    p.add_argument("--families", metavar="NAMES",
                   help="comma-separated feature families (default: every installed one)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from framing.collector import first_without_collector

    return _print(first_without_collector(_analysed(args)), args.format)


def _analysed(args: argparse.Namespace) -> Iterator[dict[str, Any]]:
    from framing.analyze import analyze_article
    from framing.features.registry import available_families, check_families, make_families

    # the family names are checked before the corpus is read: a typo costs nothing
    names = check_families(args.families.split(",")) if args.families else available_families()
    families = make_families(names, args.lexicon)
    for row in article_rows(args):
        yield analyze_article(row, families)


def _print(results: Iterator[dict[str, Any]], fmt: str) -> int:
    if fmt == "json":
        items = list(results)
        print(dumps(items[0] if len(items) == 1 else items))
    elif fmt == "jsonl":
        for item in results:
            sys.stdout.write(dumps(item, indent=None) + "\n")
    else:
        for item in results:
            print(format_text(item))
    return 0


def article_rows(args: argparse.Namespace) -> list[dict[str, Any]]:
    """The articles the arguments name, as rows. Article files (the usual ``framing analyze
    FILE``) are read without pandas, whose import costs more CPU than analysing an article;
    folders and tables go through the corpus loader."""
    from pathlib import Path

    from framing.io.loaders import TABLE_SUFFIXES, load_articles

    paths = [Path(p) for p in args.paths]
    if mapping_from_args(args) or any(p.is_dir() or p.suffix.lower() in TABLE_SUFFIXES for p in paths):
        return corpus_from_args(args).to_dict("records")
    rows, problems = load_articles(paths)
    for p in problems:
        warn(p)
    return rows


def format_text(item: dict[str, Any]) -> str:
    """A compact human-readable summary of one analysed article (terminal-safe: titles and
    names come from the files, and an escape sequence in one must not reach the terminal)."""
    a = item["article"]
    lines = [
        f"== {printable(a.get('title') or item.get('id'), 200)}",
        f"   outlet: {printable(a.get('outlet'), 80)}  publisher: {printable(a.get('publisher'), 80)}",
        f"   origin: {printable(a.get('origin'), 80)}  date: {printable(a.get('date'), 40)}",
        f"   words: {len(item['body'].split())}",
    ]
    if item["loaded_terms"]:
        counts: dict[str, list[int]] = {}
        for t in item["loaded_terms"]:
            c = counts.setdefault(t["canonical"], [0, 0])
            c[0 if t["voice"] == "narrator" else 1] += 1
        terms = ", ".join(f"{k} {n}" + (f" (+{q} quoted)" if q else "") for k, (n, q) in sorted(counts.items()))
        lines.append(f"   loaded terms: {printable(terms)}")
    for at in item["attributions"]:
        src = (at.get("source") or {}).get("text") or "?"
        cue = (at.get("cue") or {}).get("text", "")
        lines.append(f"   source: {printable(src, 120)} [{at.get('source_type')}] {printable(cue, 60)}")
    if item["claims"]:
        from collections import Counter

        c = Counter(cl["status"] for cl in item["claims"])
        lines.append("   claims: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    for w in item.get("warnings") or []:
        lines.append(f"   warning: {printable(w)}")
    return "\n".join(lines)
