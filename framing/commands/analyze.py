"""``framing analyze PATH...``: annotate articles and print them (text, json or jsonl)."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from framing.commands._common import add_corpus_args, add_lexicon_arg, corpus_from_args, dumps


def register(sub: Any) -> None:
    p = sub.add_parser("analyze", help="annotate articles: loaded terms, attributions, claims, scores")
    add_corpus_args(p)
    add_lexicon_arg(p)
    p.add_argument("--format", choices=("text", "json", "jsonl"), default="text")
    p.add_argument("--families", help="comma-separated feature families (default: all)")
    p.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from framing.analyze import DEFAULT_FAMILIES, analyze_article, available_families, make_families

    df = corpus_from_args(args)
    names = args.families.split(",") if args.families else available_families(DEFAULT_FAMILIES)
    families = make_families(names, args.lexicon)
    results = (analyze_article(row, families) for row in df.to_dict("records"))
    if args.format == "json":
        items = list(results)
        print(dumps(items[0] if len(items) == 1 else items))
    elif args.format == "jsonl":
        for item in results:
            sys.stdout.write(dumps(item, indent=None) + "\n")
    else:
        for item in results:
            print(format_text(item))
    return 0


def format_text(item: dict[str, Any]) -> str:
    """A compact human-readable summary of one analysed article."""
    a = item["article"]
    lines = [
        f"== {a.get('title') or item.get('id')}",
        f"   outlet: {a.get('outlet')}  publisher: {a.get('publisher')}",
        f"   origin: {a.get('origin')}  date: {a.get('date')}",
        f"   words: {len(item['body'].split())}",
    ]
    if item["loaded_terms"]:
        counts: dict[str, list[int]] = {}
        for t in item["loaded_terms"]:
            c = counts.setdefault(t["canonical"], [0, 0])
            c[0 if t["voice"] == "narrator" else 1] += 1
        terms = ", ".join(f"{k} {n}" + (f" (+{q} quoted)" if q else "") for k, (n, q) in sorted(counts.items()))
        lines.append(f"   loaded terms: {terms}")
    for at in item["attributions"]:
        src = (at.get("source") or {}).get("text") or "?"
        lines.append(f"   source: {src} [{at.get('source_type')}] {(at.get('cue') or {}).get('text', '')}")
    if item["claims"]:
        from collections import Counter

        c = Counter(cl["status"] for cl in item["claims"])
        lines.append("   claims: " + ", ".join(f"{k} {v}" for k, v in sorted(c.items())))
    for w in item.get("warnings") or []:
        lines.append(f"   warning: {w}")
    return "\n".join(lines)
