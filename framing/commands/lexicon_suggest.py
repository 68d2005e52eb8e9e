"""``framing lexicon suggest``: the words and names that set each outlet apart, as a lexicon draft."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from framing.commands._common import add_corpus_args, add_lexicon_arg

#: articles per chunk read from a streamed table
CHUNK_SIZE = 5000


def register(lsub: Any) -> None:
    """Add ``suggest`` to the ``framing lexicon`` subcommands."""
    p = lsub.add_parser(
        "suggest",
        help="rank the words and phrases that set each outlet apart (Fightin' Words) and write a lexicon draft",
        description="Rank 1-3 word terms by the log-odds ratio with an informative Dirichlet prior (Monroe et al. "
        "2008), propose naming variants, and write them as a lexicon draft whose entries are all "
        'status = "suggested" (they count once a researcher accepts them).',
    )
    add_corpus_args(p)
    p.add_argument("--by", default="outlet", metavar="COL", help="group articles by this column (default: outlet)")
    p.add_argument("--vs", default="rest", metavar="GROUP",
                   help="compare each group with 'rest' (all the others; default) or with this one group")
    p.add_argument("--group", action="append", default=[], metavar="NAME=A,B,...",
                   help="merge values of --by into one group (repeatable); articles in no group are left out")
    p.add_argument("-o", "--output", metavar="DRAFT.toml", help="write the lexicon draft here")
    p.add_argument("--table", metavar="PATH.csv", help="write the whole ranking (every comparison) as CSV")
    p.add_argument("--top", type=int, default=50, help="terms kept per comparison (default 50)")
    p.add_argument("--prior", default="corpus", metavar="corpus|COUNTS.tsv",
                   help="where the prior comes from: the corpus itself (default) or a background table of "
                   "term counts (written by --save-counts on another corpus)")
    p.add_argument("--prior-scale", type=float, default=1.0, metavar="X",
                   help="prior size as a multiple of the corpus's term count (default 1)")
    p.add_argument("--save-counts", metavar="COUNTS.tsv", help="also write this corpus's term counts (a background)")
    p.add_argument("--self-name", action="append", default=[], metavar="NAME",
                   help="an outlet name to leave out besides those the outlet registry knows (repeatable)")
    p.add_argument("--min-count", type=int, default=5, help="uses a term needs in the group it sets apart (5)")
    p.add_argument("--min-docs", type=int, default=3, help="articles a term needs in that group (3)")
    p.add_argument("--no-variants", action="store_true", help="skip the naming-variant groups")
    p.add_argument("--show", type=int, default=10, metavar="N", help="terms printed per comparison (default 10)")
    add_lexicon_arg(p)
    p.set_defaults(func=run_suggest)


def _groups(specs: list[str]) -> dict[str, list[str]]:
    from framing.errors import FramingError

    out: dict[str, list[str]] = {}
    for spec in specs:
        name, sep, members = spec.partition("=")
        values = [m.strip() for m in members.split(",") if m.strip()]
        if not sep or not name.strip() or not values:
            raise FramingError(f"--group {spec!r}: write NAME=VALUE,VALUE,...")
        out.setdefault(name.strip(), []).extend(values)
    return out


def run_suggest(args: argparse.Namespace) -> int:
    from pathlib import Path

    import pandas as pd

    from framing.atomic import write_atomic
    from framing.commands._common import corpus_chunks_from_args
    from framing.discover import save_counts, suggest_terms, write_draft
    from framing.errors import FramingError

    if args.top < 1 or args.min_count < 1 or args.min_docs < 1:
        raise FramingError("--top, --min-count and --min-docs must be at least 1")
    background = None if args.prior == "corpus" else args.prior
    if background is not None and not Path(background).is_file():
        raise FramingError(f"{background}: no such term counts file (--prior takes 'corpus' or a file)")
    problems: list[str] = []
    whole: list[pd.DataFrame] = []  # a corpus read whole (FA-KES) is read once, not per pass

    def stream() -> Any:
        if whole:
            return whole
        got = corpus_chunks_from_args(args, CHUNK_SIZE, problems)
        if isinstance(got, pd.DataFrame):
            whole.append(got)
            return whole
        return got

    s = suggest_terms(stream, by=args.by, vs=args.vs, groups=_groups(args.group) or None, top=args.top,
                      lexicons=args.lexicon, prior_scale=args.prior_scale, background=background,
                      self_names=args.self_name, min_count=args.min_count, min_docs=args.min_docs,
                      variants=not args.no_variants, progress=sys.stderr.isatty())
    for p in dict.fromkeys(problems):
        print(f"framing: warning: {p}", file=sys.stderr)
    for note in s.notes:
        print(f"note: {note}", file=sys.stderr)
    print(summary(s, args.show))
    if args.output:
        write_draft(s, args.output)
        print(f"draft: {args.output} (every entry status = \"suggested\"; review it, then use it with --lexicon)")
    if args.table:
        write_atomic(args.table, flat_table(s.table).to_csv(index=False))
        print(f"table: {args.table}")
    if args.save_counts and s.counts is not None:
        save_counts(s.counts, args.save_counts)
        print(f"counts: {args.save_counts}")
    return 0


def flat_table(table: Any) -> Any:
    """The ranking with its list columns joined, for CSV."""
    out = table.copy()
    for col in ("spellings", "examples"):
        out[col] = [" | ".join(v) for v in out[col]]
    return out


def summary(s: Any, n: int) -> str:
    """A few lines per comparison: the top terms with z-score and uses."""
    from framing.discover.known import MARKS

    sizes = ", ".join(f"{g} {k}" for g, k in s.articles.items())
    lines = [f"{sum(s.articles.values())} articles ({sizes}); corpus sha256 {s.corpus_hash[:16]}"]
    for t, r in s.comparisons:
        top = s.top(t, r, n)
        terms = "; ".join(f"{x.term} (z {x.z:.1f}, {x.count}){MARKS.get(x.known, '')}" for x in top.itertuples())
        lines.append(f"{t} vs {r}: {terms or 'nothing passes the thresholds'}")
    if s.variants:
        lines.append("naming variants:")
        for g in s.variants[:n]:
            where = f" -> might join {g.referent}" if g.referent else ""
            lines.append("  " + " | ".join(g.terms) + where)
    return "\n".join(lines)
