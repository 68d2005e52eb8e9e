"""``framing report [CORPUS...]``: one self-contained HTML report (the README's main command).

With no CORPUS it reports on the bundled seed article and writes ``reports/seeds.html``.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

from framing.commands._common import (
    add_corpus_args,
    add_lexicon_arg,
    add_output_arg,
    corpus_from_args,
    non_negative,
    positive,
)
from framing.errors import FramingError, printable


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="write an HTML report: corpus overview, per-outlet framing, comparison, cards",
        description="Analyse a corpus and write one self-contained HTML report. With no "
                    "PATH, report on the bundled seed article (writes reports/seeds.html). "
                    "The report's comparison is a quick one: the 10 largest groups, at most 100 "
                    "articles of each (a seeded sample; the term suggestions read the same "
                    "cap), the framing-features model only on 3 grouped folds (--models adds "
                    "the word and combined models); `framing compare` runs the full comparison.",
    )
    add_corpus_args(p, nargs="*")
    add_lexicon_arg(p)
    add_output_arg(p, "PATH", "HTML file to write (default: reports/<corpus name>.html)",
                   required=False, old="--out")
    p.add_argument("--by", default="outlet", metavar="COLUMN",
                   help="group articles by this column (default: outlet)")
    p.add_argument("--title", metavar="TEXT",
                   help="the report's title (default: 'Framing report: <output file name>')")
    p.add_argument("--cards", type=positive, default=None, metavar="N",
                   help="article cards shown inline per group (default: 3); the index under "
                        "them links every other article to its card")
    p.add_argument("--no-card-pages", dest="card_pages", action="store_false",
                   help="do not write every card into pages beside the report "
                        "(<output>-cards/); the report is then the only file written")
    p.add_argument("--min-n", type=positive, default=None, metavar="N",
                   help="draw a share or rate resting on fewer than N articles grey "
                        "(default: 5)")
    p.add_argument("--unfolded", action="store_true",
                   help="open every section (default: folded, the summary first)")
    p.add_argument("--pdf", action="store_true",
                   help="also write a PDF beside the HTML (needs WeasyPrint: framing[pdf])")
    p.add_argument("--models", type=_models, default=None, metavar="LIST",
                   help="comma-separated classifiers for the report's comparison, of "
                        "framing,tfidf,combined (default: framing, the framing-features "
                        "model the report is about; the word models take most of the time)")
    p.add_argument("--seed", type=non_negative, default=0, metavar="N",
                   help="random seed for the comparison (default 0)")
    p.add_argument("-j", "--workers", type=positive, default=1, metavar="N",
                   help="analyse articles on N processes (default: 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _models(text: str) -> tuple[str, ...]:
    """``--models``: known model kinds, in the given order, at least one."""
    from framing.compare.models import MODEL_KINDS

    kinds = tuple(dict.fromkeys(k.strip() for k in text.split(",") if k.strip()))
    unknown = [k for k in kinds if k not in MODEL_KINDS]
    if unknown or not kinds:
        raise argparse.ArgumentTypeError(
            f"unknown model {unknown[0]!r}; known: {', '.join(MODEL_KINDS)}" if unknown
            else f"name at least one of {', '.join(MODEL_KINDS)}")
    return kinds


def _say_left_out(what: str) -> None:
    print(f"framing: report: left out {printable(what)}", file=sys.stderr)


def default_output(paths: list[str]) -> Path:
    """reports/seeds.html for the seeds (in the checkout's reports/ when run from a source
    tree, else in the current folder); reports/<name>.html in the current folder otherwise."""
    from framing.paths import reports_dir

    if not paths:
        return reports_dir() / "seeds.html"
    first = Path(paths[0])
    name = first.stem if first.suffix else first.name
    if len(paths) > 1:
        name += f"-and-{len(paths) - 1}-more"
    return Path("reports") / f"{name or 'report'}.html"


def run(args: argparse.Namespace) -> int:
    from framing.atomic import check_writable
    from framing.paths import SEEDS_DIR
    from framing.report.build import DEFAULT_MAX_CARDS, build_report
    from framing.report.sections import MIN_N

    paths = list(args.paths)
    if not paths:
        if not SEEDS_DIR.is_dir():
            raise FramingError(f"{SEEDS_DIR}: the seed articles are not here (this "
                               "installation has no seeds/); pass a CORPUS path")
        paths_to_load = [str(SEEDS_DIR)]
    else:
        paths_to_load = paths
    out = Path(args.output) if args.output else default_output(paths)
    check_writable(out)  # before the analysis, which can take minutes
    corpus = corpus_from_args(args, paths_to_load)
    written = build_report(
        corpus, out, by=args.by, lexicons=tuple(args.lexicon), pdf=args.pdf,
        max_cards=args.cards or DEFAULT_MAX_CARDS, progress=False if args.quiet else None,
        seed=args.seed, workers=args.workers, on_left_out=_say_left_out, title=args.title,
        min_n=args.min_n or MIN_N, card_pages=args.card_pages, fold=not args.unfolded,
        compare_options={"models": args.models} if args.models else None,
    )
    print(f"wrote {written}" + (f" and {written.with_suffix('.pdf')}" if args.pdf else ""))
    return 0
