"""``framing report [CORPUS...]``: one self-contained HTML report (the README's main command).

With no CORPUS it reports on the bundled seed article and writes ``reports/seeds.html``.
"""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from framing.commands._common import add_corpus_args, add_lexicon_arg, corpus_from_args
from framing.errors import FramingError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "report",
        help="write an HTML report: corpus overview, per-outlet framing, comparison, cards",
        description="Analyse a corpus and write one self-contained HTML report. With no "
                    "PATH, report on the bundled seed article (writes reports/seeds.html).",
    )
    add_corpus_args(p, nargs="*")
    add_lexicon_arg(p)
    p.add_argument("-o", "--output", metavar="PATH",
                   help="HTML file to write (default: reports/<corpus name>.html)")
    p.add_argument("--by", default="outlet", metavar="COLUMN",
                   help="group articles by this column (default: outlet)")
    p.add_argument("--cards", type=_positive, default=None, metavar="N",
                   help="article cards per group (default: 3)")
    p.add_argument("--pdf", action="store_true",
                   help="also write a PDF beside the HTML (needs WeasyPrint: framing[pdf])")
    p.add_argument("--seed", type=int, default=0, help="random seed for the comparison")
    p.add_argument("-j", "--workers", type=_positive, default=1, metavar="N",
                   help="analyse articles on N processes (default: 1)")
    p.add_argument("-q", "--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def _positive(v: str) -> int:
    n = int(v)
    if n < 1:
        raise argparse.ArgumentTypeError("must be at least 1")
    return n


def default_output(paths: list[str]) -> Path:
    """reports/seeds.html for the seeds; reports/<name>.html beside the cwd otherwise."""
    from framing.paths import REPORTS_DIR

    if not paths:
        return REPORTS_DIR / "seeds.html"
    first = Path(paths[0])
    name = first.stem if first.suffix else first.name
    if len(paths) > 1:
        name += f"-and-{len(paths) - 1}-more"
    return Path("reports") / f"{name or 'report'}.html"


def run(args: argparse.Namespace) -> int:
    from framing.paths import SEEDS_DIR
    from framing.report.build import DEFAULT_MAX_CARDS, build_report

    paths = list(args.paths)
    if not paths:
        if not SEEDS_DIR.is_dir():
            raise FramingError(f"{SEEDS_DIR}: the seed articles are not here (this "
                               "installation has no seeds/); pass a CORPUS path")
        paths_to_load = [str(SEEDS_DIR)]
    else:
        paths_to_load = paths
    corpus = corpus_from_args(args, paths_to_load)
    out = Path(args.output) if args.output else default_output(paths)
    written = build_report(
        corpus, out, by=args.by, lexicons=tuple(args.lexicon), pdf=args.pdf,
        max_cards=args.cards or DEFAULT_MAX_CARDS, progress=False if args.quiet else None,
        seed=args.seed, workers=args.workers,
    )
    print(f"wrote {written}" + (f" and {written.with_suffix('.pdf')}" if args.pdf else ""))
    return 0
