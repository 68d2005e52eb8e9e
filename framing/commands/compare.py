"""``framing compare FEATURES.parquet|CORPUS... --by outlet -o results/``: compare outlets."""

from __future__ import annotations

import argparse
import copy
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.commands._common import (
    add_corpus_args,
    add_lexicon_arg,
    add_output_arg,
    corpus_from_args,
    fraction,
    int_at_least,
    non_negative,
    positive,
    warn,
)
from framing.errors import FramingError, InputError

if TYPE_CHECKING:  # pandas, scikit-learn and scipy load when the command runs, not to parse it
    import pandas as pd

_TABLE_SUFFIXES = (".parquet", ".pq", ".csv", ".tsv")


def register(sub: Any) -> None:
    p = sub.add_parser(
        "compare",
        help="compare outlets: grouped-CV classifiers, explanations, statistics, credibility",
        description="Compare groups of articles (outlets by default) on their framing features. "
        "Input is a feature table from `framing extract` or a corpus (extracted first).",
    )
    add_corpus_args(p)
    add_lexicon_arg(p)
    add_output_arg(p, "DIR", "results folder (written whole: a new or earlier results folder, "
                   "swapped in when every file is written)", old="--out")
    p.add_argument("--by", default="outlet", metavar="COLUMN", help="column to compare by (default: outlet)")
    p.add_argument("--spans", metavar="SPANS.parquet", help="evidence spans from `framing extract`")
    p.add_argument(
        "--corpus", nargs="+", metavar="PATH",
        help="the corpus behind a feature table (its text feeds the word models and examples)",
    )
    p.add_argument("--ratings", metavar="CSV", help="outlet ratings CSV (columns outlet,rating)")
    p.add_argument("--folds", type=int_at_least(2), default=5, metavar="K",
                   help="cross-validation folds, at least 2 (default 5; 3 takes about 30%% less "
                   "time and scores about 0.02 lower on FA-KES)")
    p.add_argument("--seed", type=non_negative, default=0, metavar="N",
                   help="random seed for folds, bootstrap and models (default 0)")
    p.add_argument(
        "--repeats", type=positive, default=None, metavar="N",
        help="score every model on N fold draws (seeds SEED..SEED+N-1) and report the spread "
        "(default 1; 5 with --thorough)",
    )
    p.add_argument(
        "--thorough", action="store_true",
        help="the full analysis as it was before the fast default (what the fast default "
        "leaves out): 5 fold draws, 30 bootstrap refits for coefficient intervals, "
        "recalibration folds grouped by near duplicates, SVMs solved to liblinear tolerance "
        "0.01 (fast: 0.1, 0.5 in the recalibration's inner folds), word models also scored on "
        "unstripped text, the combined model's framing weight by inner CV, site chrome learned "
        "per training fold, pairwise tests for every significant feature (minutes, not seconds)",
    )
    p.add_argument(
        "--cv", choices=("groups", "outlet"), default="groups",
        help="groups (default): folds over near-duplicate groups, every outlet on both sides; "
        "outlet: hold each outlet out in turn, to score a label (--by lean) on outlets never seen",
    )
    p.add_argument(
        "--test-outlets", metavar="FILE|LIST",
        help="train on the other outlets and score on these: a comma-separated list or a file "
        "with one outlet per line (needs --by other than outlet)",
    )
    p.add_argument(
        "--control", choices=("genre",), default=None,
        help="genre: weigh training articles so genre (news report, opinion, wire copy, live "
        "blog) cannot stand in for --by; scores are reported with and without the control",
    )
    # defaults resolved in run() from framing.compare.selection, so that building the parser
    # does not import the comparison's dependencies (scikit-learn, scipy)
    p.add_argument(
        "--min-articles", type=int, default=None, metavar="N",
        help="compare only values of --by with at least N articles (default 5); the rest are "
        "listed in summary.json and on stderr",
    )
    p.add_argument(
        "--max-outlets", type=int, default=None, metavar="N",
        help="compare at most the N largest values of --by (default 30; 0: no cap)",
    )
    p.add_argument(
        "--style", action="store_true",
        help="let the framing models read house-style columns too (article length, spelling "
        "variants); left out by default so style cannot pass for framing",
    )
    p.add_argument("--near-dup", type=fraction, default=None, metavar="J",
                   help="MinHash Jaccard threshold for near-duplicate groups, above 0 and at most 1 "
                   "(default 0.3)")
    p.add_argument("--bootstrap", type=positive, default=1000, metavar="N",
                   help="bootstrap resamples for the confidence intervals (default 1000)")
    p.add_argument("--workers", type=positive, default=1, metavar="N", help="processes for extraction (default 1)")
    p.add_argument(
        "--keep-boilerplate", action="store_true",
        help="extract features from the text as loaded (default: outlet names, datelines, "
        "bylines, credits and page furniture are stripped first, so no model can learn them)",
    )
    p.add_argument(
        "--within-story", nargs="?", const="", default=None, metavar="STORIES.parquet",
        help="also compare outlets story by story (stories found here, or read from a "
        "`framing stories` table): per-story profiles, unique facts, story-controlled statistics",
    )
    p.set_defaults(func=run)


def _read_table(path: Path) -> pd.DataFrame:
    import pandas as pd

    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            return pd.read_parquet(path)
        return pd.read_csv(path, sep="\t" if path.suffix.lower() == ".tsv" else ",")
    except FileNotFoundError:
        raise InputError(path, "no such file") from None
    except Exception as exc:  # pyarrow / pandas raise many types for a bad table
        raise InputError(path, f"cannot read table: {exc.__class__.__name__}: {exc}") from None


def _is_feature_table(path: Path) -> bool:
    """Whether a table's header has ``<family>__<name>`` columns (read without the body, so a
    corpus CSV in an odd encoding is left to the corpus loaders)."""
    import pandas as pd

    try:
        if path.suffix.lower() in (".parquet", ".pq"):
            import pyarrow.parquet as pq

            cols = pq.read_schema(path).names
        else:
            sep = "\t" if path.suffix.lower() == ".tsv" else ","
            cols = list(pd.read_csv(path, sep=sep, nrows=0, encoding_errors="replace").columns)
    except Exception as exc:  # pyarrow / pandas raise many types for a bad table
        raise InputError(path, f"cannot read table: {exc.__class__.__name__}: {exc}") from None
    return any(isinstance(c, str) and "__" in c for c in cols)


def load_inputs(
    args: argparse.Namespace,
) -> tuple[pd.DataFrame, pd.DataFrame | None, pd.DataFrame | None, pd.DataFrame | None]:
    """(features, spans, corpus, the corpus the spans index) from a feature table or from a
    corpus extracted here (stripped of boilerplate first unless --keep-boilerplate)."""
    paths = [Path(p) for p in args.paths]
    spans = _read_table(Path(args.spans)) if args.spans else None
    corpus = None
    if len(paths) == 1 and paths[0].suffix.lower() in _TABLE_SUFFIXES and paths[0].is_file():
        if _is_feature_table(paths[0]):
            table = _read_table(paths[0])
            if args.corpus:
                corpus = _load_corpus(args, args.corpus)
            return table, spans, corpus, corpus
    from framing.compare.furniture import strip_corpus
    from framing.extract import extract_features

    corpus = drop_oversized(_load_corpus(args, args.paths))
    source = corpus
    if not getattr(args, "keep_boilerplate", False):
        print(f"framing: stripping page residue from {len(corpus)} articles", file=sys.stderr,
              flush=True)
        # the names stripped are the corpus's outlets (and every wire agency) whatever the
        # articles are compared by: the values of --by bias are labels, not names
        source = strip_corpus(corpus, outlets=getattr(args, "strip_outlets", None))
    print(f"framing: extracting features from {len(corpus)} articles", file=sys.stderr, flush=True)
    t0 = time.perf_counter()
    features, spans_df = extract_features(
        source, lexicons=tuple(args.lexicon), workers=args.workers, progress=sys.stderr.isatty()
    )
    print(f"framing: extracted {features.shape[1]} columns in {time.perf_counter() - t0:.0f} s",
          file=sys.stderr, flush=True)
    return features, spans if spans is not None else spans_df, corpus, source


def drop_oversized(corpus: pd.DataFrame) -> pd.DataFrame:
    """The corpus without texts too long to analyse (``framing.extract.MAX_CHARS``), each
    named in a warning: extraction would skip them anyway, while the word models and the
    boilerplate stripping would spend minutes on one such text (a 50 MB file: 432 s)."""
    from framing.extract import MAX_CHARS

    long = corpus["text"].str.len() > MAX_CHARS
    if not long.any():
        return corpus
    left_out = {}
    for aid, n in zip(corpus.loc[long, "id"], corpus.loc[long, "text"].str.len(), strict=True):
        left_out[str(aid)] = f"text too long ({n:,} characters > {MAX_CHARS:,}); left out"
        warn(f"{aid}: {left_out[str(aid)]}")
    if long.all():
        raise FramingError("every text is too long to analyse")
    kept = corpus[~long].reset_index(drop=True)
    kept.attrs = {**corpus.attrs, "left_out": left_out}
    return kept


def _load_corpus(args: argparse.Namespace, paths: list[str]) -> pd.DataFrame:
    # The label column is resolved after loading (loaders name it `label`), so it is not
    # passed as a column mapping: that would stop FA-KES being recognised as itself.
    ns = copy.copy(args)
    ns.label_col = None
    return corpus_from_args(ns, list(paths))


def _label_column(df: pd.DataFrame, wanted: str | None) -> str | None:
    if not wanted:
        return None
    if wanted in df.columns:
        return wanted
    if "label" in df.columns:  # loaders rename the dataset's label column to `label`
        return "label"
    raise FramingError(f"label column {wanted!r} not found (columns: {list(df.columns)[:15]})")


def test_outlets(value: str | None) -> list[str] | None:
    """``--test-outlets``: a file with one outlet per line, or a comma-separated list."""
    if not value:
        return None
    path = Path(value)
    if path.is_file():
        try:
            names = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(path, f"cannot read test outlets: {exc}") from None
    else:
        names = value.split(",")
    names = [n.strip() for n in names if n.strip() and not n.strip().startswith("#")]
    if not names:
        raise FramingError(f"--test-outlets {value!r} names no outlet")
    return names


def _say(msg: str) -> None:
    print(f"framing: {msg}", file=sys.stderr, flush=True)


def run(args: argparse.Namespace) -> int:
    from framing.compare.furniture import shared_stripping
    from framing.compare.io import check_result_dir
    from framing.compare.selection import MAX_GROUPS, MIN_ARTICLES

    check_result_dir(args.output)  # before extraction, which can take minutes
    if args.repeats is not None and args.repeats < 1:
        raise FramingError(f"--repeats must be at least 1, got {args.repeats}")
    if args.min_articles is None:
        args.min_articles = MIN_ARTICLES
    if args.max_outlets is None:
        args.max_outlets = MAX_GROUPS
    if args.min_articles < 1 or args.max_outlets < 0:
        raise FramingError("--min-articles must be at least 1 and --max-outlets at least 0")
    held_out = test_outlets(args.test_outlets)
    if (args.cv == "outlet" or held_out) and args.by == "outlet":
        raise FramingError("--cv outlet and --test-outlets need --by COLUMN other than outlet "
                           "(a label such as lean): an outlet never seen cannot be recognised")
    with shared_stripping():  # the corpus is stripped for extraction, then for the word models
        return _extract_and_compare(args, held_out)


def _extract_and_compare(args: argparse.Namespace, held_out: list[str] | None) -> int:
    from framing.atomic import staged_dir
    from framing.compare import compare_outlets
    from framing.compare.api import check_table, write_results
    from framing.compare.io import RESULT_FILES

    features, spans, corpus, span_corpus = load_inputs(args)
    if args.within_story is not None and corpus is None and span_corpus is None:  # before minutes of work
        raise FramingError("--within-story needs the articles' text: pass the corpus, or --corpus with a feature table")
    kwargs: dict[str, Any] = {}
    if args.near_dup is not None:
        kwargs["near_dup_threshold"] = args.near_dup
    try:
        check_table(features, args.by, args.min_articles)
        label = _label_column(features, args.label_col)
        result = compare_outlets(
            features,
            spans_df=spans,
            by=args.by,
            label_col=label,
            ratings=args.ratings,
            corpus_df=corpus,
            spans_corpus_df=span_corpus,
            seed=args.seed,
            n_splits=args.folds,
            n_boot=args.bootstrap,
            n_repeats=args.repeats,
            progress=_say,
            thorough=args.thorough,
            cv=args.cv,
            test_outlets=held_out,
            control=args.control,
            min_articles=args.min_articles,
            max_groups=args.max_outlets or None,
            style=args.style,
            **kwargs,
        )
    except InputError:  # already names its file (the ratings CSV, say)
        raise
    except FramingError as exc:  # a problem with this input: name it, as every other such message does
        raise InputError(", ".join(args.paths), str(exc)) from None
    story_line = None
    with staged_dir(args.output, owned=RESULT_FILES) as tmp:
        write_results(result, tmp)
        if args.within_story is not None:  # into the same staged folder: one result set, swapped in whole
            from framing.stories.compare import within_story_command

            story_line = within_story_command(features, span_corpus if span_corpus is not None else corpus,
                                              args.within_story or None, tmp, args.by, tuple(args.lexicon))
    print(format_summary(result.summary))
    if story_line:
        print(story_line)
    print(f"framing: wrote results to {args.output}", file=sys.stderr)
    return 0


def format_summary(s: dict[str, Any]) -> str:
    """The headline numbers, one line each."""
    cv = s["cv"]
    lines = [
        f"{s['n_articles']} articles, {s['n_outlets']} {s['by']} values, {s['n_features']} features;"
        f" {cv['method']} k={cv['n_splits']} over {cv['n_groups']} groups ({cv['grouping']});"
        f" {s.get('effort', 'fast')}",
    ]
    for kind, m in s["models"].items():
        lo, hi = m["macro_f1_ci"]
        line = f"  {kind:9s} macro-F1 {m['macro_f1']:.3f} [{lo:.3f}, {hi:.3f}]  acc {m['accuracy']:.3f}"
        if "macro_f1_unstripped" in m:
            line += f"  (boilerplate kept: {m['macro_f1_unstripped']:.3f})"
        if "repeated_cv" in m:
            r = m["repeated_cv"]
            line += f"  over {len(r['macro_f1'])} fold draws: {r['mean']:.3f} sd {r['sd']:.3f}"
        if "without_control" in m:
            line += f"  (without the genre control: {m['without_control']['macro_f1']:.3f})"
        lines.append(line)
    c = s.get("credibility")
    if c and c.get("auc") is not None:
        lo, hi = c["auc_ci"]
        lines.append(f"  credibility ROC AUC {c['auc']:.3f} [{lo:.3f}, {hi:.3f}]")
    return "\n".join(lines)
