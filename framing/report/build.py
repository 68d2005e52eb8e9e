"""``build_report``: analyse a corpus and write one self-contained HTML report.

The report reads everything from the same API a researcher uses (``analyze_article``,
``compare_outlets``), so every figure in it can be reproduced from Python.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup
from tqdm import tqdm  # plain: tqdm.auto warns in notebooks without ipywidgets

from framing.atomic import write_atomic
from framing.corpus import ARTICLE_COLUMNS
from framing.errors import FramingError
from framing.report import sections
from framing.report.card import CARD_CSS, article_card_html, is_informative
from framing.report.cards import card_anchor, cards_section, inline_card
from framing.report.comparison import (
    comparison_section,
    largest_groups,
    models_left_out,
    report_options,
    result_section,
    sampled_rows,
)
from framing.report.discover import discover_section
from framing.report.glossary import glossary_rows
from framing.report.pdf import _require_weasyprint, write_pdf
from framing.report.style import REPORT_CSS
from framing.report.summary import summary as first_screen
from framing.report.templating import render

#: the ``framing extract`` spans table
SPAN_COLUMNS = ("id", "family", "label", "start", "end", "text", "voice")
#: article cards per group when the corpus has more than one article
DEFAULT_MAX_CARDS = 3


class _Recorder:
    """Wraps a family to keep its evidence spans, which ``analyze_article`` does not return.

    The spans table is what ``compare_outlets`` draws example sentences from, so the report
    hands it exactly what ``framing extract`` would.
    """

    def __init__(self, family: Any) -> None:
        self.family = family
        self.name = family.name
        self.rows: list[tuple[Any, ...]] = []
        self.current_id: Any = None

    def analyze(self, doc: Any) -> Any:
        res = self.family.analyze(doc)
        self.rows.extend((self.current_id, e.family, e.label, e.start, e.end, e.text, e.voice)
                         for e in res.spans)
        return res


@dataclass
class CorpusAnalysis:
    """Everything the report draws from: one dict per article, the feature and span tables."""

    analyses: list[dict[str, Any]]
    families: list[str]
    features: pd.DataFrame
    spans: pd.DataFrame


#: per-process families, built once per (families, lexicons) and reused across chunks
_WORKER_CACHE: dict[tuple[str, ...], tuple[list[str], list[_Recorder], list[str]]] = {}
#: articles per task when analysing on several processes
CHUNK_SIZE = 25


def _recorders(lexicons: tuple[str, ...]) -> tuple[list[str], list[_Recorder], list[str]]:
    got = _WORKER_CACHE.get(lexicons)
    if got is None:
        from framing.analyze import available_families, make_families

        names = available_families()
        recorders = [_Recorder(f) for f in make_families(names, lexicons)]
        columns = [str(c) for r in recorders for c in r.family.feature_names()]
        got = _WORKER_CACHE[lexicons] = (names, recorders, columns)
    return got


def _analyze_chunk(rows: list[dict[str, Any]], lexicons: tuple[str, ...]
                   ) -> tuple[list[dict[str, Any]], list[tuple[Any, ...]]]:
    """Analyse some articles; a module-level function so a process pool can run it."""
    from framing.analyze import analyze_article

    _, recorders, _ = _recorders(lexicons)
    for r in recorders:
        r.rows = []
    out = []
    for row in rows:
        for r in recorders:
            r.current_id = row.get("id")
        try:
            out.append(analyze_article(row, recorders))  # type: ignore[arg-type]
        except FramingError:
            raise
        except Exception as exc:  # noqa: BLE001 - one bad article must not lose the report
            out.append(_failed(row, f"analysis failed: {type(exc).__name__}: {exc}"))
    return out, [x for r in recorders for x in r.rows]


def analyze_corpus(
    corpus: pd.DataFrame, lexicons: Sequence[str | Path] = (), progress: bool | None = None,
    workers: int = 1,
) -> CorpusAnalysis:
    """``analyze_article`` over every row (on ``workers`` processes), in input order.

    An article that fails is kept, with its text and the error, so the report loses nothing.
    """
    lex = tuple(str(p) for p in lexicons)
    names, _, columns = _recorders(lex)  # also surfaces a broken lexicon before any work
    rows = corpus.to_dict("records")
    chunks = [rows[i:i + CHUNK_SIZE] for i in range(0, len(rows), CHUNK_SIZE)]
    bar = tqdm(total=len(rows), desc="analysing articles", unit="article",
               disable=_quiet(progress))
    analyses: list[dict[str, Any]] = []
    span_rows: list[tuple[Any, ...]] = []
    if workers > 1 and len(chunks) > 1:
        from concurrent.futures import ProcessPoolExecutor

        with ProcessPoolExecutor(max_workers=min(workers, len(chunks))) as pool:
            for got, sp in pool.map(_analyze_chunk, chunks, [lex] * len(chunks)):
                analyses.extend(got)
                span_rows.extend(sp)
                bar.update(len(got))
    else:
        for chunk in chunks:
            got, sp = _analyze_chunk(chunk, lex)
            analyses.extend(got)
            span_rows.extend(sp)
            bar.update(len(got))
    bar.close()
    spans = pd.DataFrame(span_rows, columns=list(SPAN_COLUMNS))
    return CorpusAnalysis(analyses, names, features_frame(corpus, analyses, columns), spans)


def _failed(row: Mapping[str, Any], why: str) -> dict[str, Any]:
    """The analysis of an article no family could read: its text and metadata, no findings."""
    from framing.analyze import META_KEYS, warning_list

    return {
        "id": row.get("id"),
        "article": {k: row.get(k) for k in META_KEYS},
        "body": str(row.get("text") or ""),
        "loaded_terms": [], "attributions": [], "claims": [], "scores": {},
        "warnings": [*warning_list(row.get("warnings")), why],
    }


def features_frame(corpus: pd.DataFrame, analyses: Sequence[Mapping[str, Any]],
                   columns: Sequence[str] = ()) -> pd.DataFrame:
    """The extract-shaped feature table: metadata, one column per feature (NaN where a
    family gave none, as in ``framing extract``), and ``errors``."""
    meta = corpus.drop(columns=["text"]).reset_index(drop=True)
    scores = pd.DataFrame([dict(a.get("scores") or {}) for a in analyses])
    extra = [c for c in scores.columns if c not in set(columns)]
    scores = scores.reindex(columns=[*columns, *extra]).apply(pd.to_numeric, errors="coerce")
    errors = pd.Series(["; ".join(w for w in a.get("warnings") or [] if "failed" in w) or None
                        for a in analyses], name="errors")
    return pd.concat([meta, scores, errors], axis=1)


def build_report(
    corpus_df: pd.DataFrame,
    out_path: str | Path,
    by: str = "outlet",
    lexicons: Sequence[str | Path] = (),
    pdf: bool = False,
    max_cards: int = DEFAULT_MAX_CARDS,
    progress: bool | None = None,
    title: str | None = None,
    seed: int = 0,
    compare_options: Mapping[str, Any] | None = None,
    workers: int = 1,
    comparison: Any = None,
    on_left_out: Callable[[str], None] | None = None,
    min_n: int = sections.MIN_N,
    card_pages: bool = True,
    fold: bool = True,
) -> Path:
    """Analyse ``corpus_df`` and write the HTML report to ``out_path`` (atomically).

    One article: its card and scores. Several: a one-screen summary (what differs most, each
    point linked to its evidence), then folded sections: overview, per-``by`` sections, the
    comparison (when there are two or more groups), ``max_cards`` cards per group with an
    index of every article, methods. ``card_pages`` also writes every card into pages
    beside the report (``<name>-cards/``) that the index links to; ``fold`` folds the sections
    (``<details>``, no script). Bars resting on fewer than ``min_n`` articles are drawn grey.
    ``title`` replaces the default title. With ``pdf`` a PDF is written beside the HTML (needs
    WeasyPrint; every section unfolded). ``compare_options`` go to ``compare_outlets``;
    ``workers`` analyses articles on that many processes. A ``comparison`` already computed
    with ``compare_outlets`` on this corpus is drawn as is instead of being recomputed.
    Sections a small corpus cannot fill are left out and named, with the reason, in the
    report and to ``on_left_out`` (the CLI prints them). Returns the HTML path.
    """
    t0 = time.perf_counter()
    out_path = Path(out_path)
    corpus = _check_corpus(corpus_df, by)
    if min_n < 1:
        raise FramingError(f"min_n must be at least 1, got {min_n}")
    if pdf:
        _require_weasyprint()
    steps = tqdm(total=4, desc="report", unit="step", disable=_quiet(progress), leave=False)
    ca = analyze_corpus(corpus, lexicons, progress, workers=workers)
    analyses, families, features = ca.analyses, ca.families, ca.features
    docs = _feature_docs(tuple(str(p) for p in lexicons))
    steps.update(1)
    lexicon_list, referent_labels = sections.lexicon_versions(lexicons)
    groups = sections.group_labels(corpus, by)
    params: dict[str, Any] = {"by": by, "max cards per group": max_cards, "seed": seed,
                              "min n (grey below)": min_n,
                              **{f"compare {k}": ", ".join(v) if isinstance(v, tuple | list) else v
                                 for k, v in report_options(compare_options).items()},
                              "user lexicons": ", ".join(str(p) for p in lexicons) or "none"}
    ctx: dict[str, Any] = {
        "title": title or _default_title(corpus, out_path),
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "by": by,
        "single": len(corpus) == 1,
        "css": Markup(REPORT_CSS + CARD_CSS),
        "overview": None, "per_group": None, "comparison": None, "cards": None,
        "common_warnings": [], "left_out": [], "stories": None, "summary": None,
        "min_n": min_n, "glossary": [], "n_cards_note": "",
    }
    if len(corpus) == 1:
        ctx["cards"] = [Markup(article_card_html(analyses[0], include_style=False, docs=docs))]
        table = _scores_table(analyses[0])
        shown = table[table["value"].map(is_informative)]
        ctx["scores"] = sections.Table.from_df(
            shown, "", index=False, max_rows=1000, digits=3,
            note=f"{len(table) - len(shown)} scores that are zero or missing are not shown "
                 "(framing analyze --format json lists them all).")
    else:
        ctx["overview"] = sections.overview(corpus, groups, by)
        focus = _focus(corpus, analyses, features, groups, by, compare_options, ctx["left_out"])
        ctx["per_group"] = sections.per_group(focus.analyses, focus.features, focus.groups, by,
                                              referent_labels, min_n, docs)
        cap = report_options(compare_options).get("max_per_group")
        rows, sampled = sampled_rows(focus.groups, cap, seed)
        if sampled:
            ctx["left_out"].append(f"term suggestions: {sampled}")
        ctx["per_group"]["discover"] = discover_section(
            focus.corpus.iloc[rows].assign(**{by: focus.groups.iloc[rows].to_numpy()}), by, lexicons)
    steps.update(1)
    if len(corpus) > 1 and comparison is not None:
        ctx["comparison"] = result_section(comparison, by, docs)
    elif len(corpus) > 1:
        ctx["comparison"] = comparison_section(focus.features, ca.spans, focus.corpus, focus.groups,
                                               by, seed, compare_options, docs)
        if (models_note := models_left_out(compare_options)) and not ctx["comparison"].get("note"):
            ctx["left_out"].append(models_note)
        ctx["left_out"] += [n.removeprefix("left out of the ") for n in
                            ctx["comparison"].get("notes", [])
                            if n.startswith("left out of the comparison")]
    if len(corpus) > 1:  # the story index and one folded page per multi-outlet story
        from framing.report.stories import stories_section

        # stories are found in every article; their statistics compare the focus groups
        ctx["stories"] = stories_section(corpus, analyses, focus.features, by)
    steps.update(1)
    if len(corpus) > 1:
        common = _common_warnings(analyses)
        ctx["common_warnings"] = sorted(common.items())
        rendered: dict[int, Markup] = {}

        def card_of(i: int) -> Markup:
            if i not in rendered:
                rendered[i] = inline_card(analyses[i], card_anchor(analyses[i].get("id"), i),
                                          common, docs)
            return rendered[i]

        ctx["cards"] = cards_section(analyses, groups, max_cards, out_path, card_pages, card_of)
        ctx["n_cards_note"] = (f"{sum(len(g['cards']) for g in ctx['cards']['groups'])} inline, "
                               + ("every article one link away" if card_pages
                                  else "an index of every article"))
        ctx["summary"] = _summary(ctx, features, groups, by, docs, referent_labels, min_n)
        ctx["glossary"] = _glossary(ctx, docs)
    if len(corpus) == 1:
        ctx["left_out"].append("corpus overview, per-" + by + " sections and comparison: "
                               "they need two or more articles")
    elif ctx["comparison"] and ctx["comparison"].get("note"):
        ctx["left_out"].append(f"comparison: {ctx['comparison']['note']}")
    for what in ctx["left_out"]:
        if on_left_out is not None:
            on_left_out(what)
    n_failed = sum(1 for a in analyses if any("analysis failed" in w for w in a["warnings"]))
    ctx["failed"] = n_failed
    ctx["methods"] = sections.methods(corpus, params, families, lexicon_list)
    # does the lexicon fit this corpus? (issue 15: a note in every report)
    from framing.lexicon import load_lexicon
    from framing.lexicon.coverage import coverage_note, lexicon_coverage

    ctx["lexicon_note"] = coverage_note(lexicon_coverage(corpus["text"].tolist(), load_lexicon(tuple(lexicons))))
    ctx["elapsed"] = f"{time.perf_counter() - t0:.1f}"
    html = render("report.html.j2", fold=fold, open_attr="" if fold else Markup(" open"), **ctx)
    write_atomic(out_path, html.encode("utf-8"))
    if pdf:  # paper cannot be clicked open: every section unfolded
        write_pdf(render("report.html.j2", fold=False, open_attr=Markup(" open"), **ctx),
                  out_path.with_suffix(".pdf"))
    steps.update(1)
    steps.close()
    return out_path


@dataclass
class _Focus:
    """The rows of the groups the per-group sections and the comparison cover."""

    corpus: pd.DataFrame
    analyses: list[Mapping[str, Any]]
    features: pd.DataFrame
    groups: pd.Series


def _focus(corpus: pd.DataFrame, analyses: Sequence[Mapping[str, Any]], features: pd.DataFrame,
           groups: pd.Series, by: str, compare_options: Mapping[str, Any] | None,
           left_out: list[str]) -> _Focus:
    """Every row, or those of the largest groups when there are more than the comparison's
    cap (``comparison.MAX_GROUPS``, or ``compare_options["max_groups"]``): the cost of the
    per-group charts, suggestions and pairwise story tests grows with the groups (146
    outlets: 10,585 pairs), and no chart can show them all. What is left out is listed."""
    cap = report_options(compare_options).get("max_groups")
    top = largest_groups(groups, cap)
    if top is None:
        return _Focus(corpus, list(analyses), features, groups)
    keep = groups.astype(str).isin(top).to_numpy()
    rest = groups[~keep].value_counts()
    names = ", ".join(f"{g} {n}" for g, n in rest.head(5).items())
    left_out.append(f"per-{by} sections, term suggestions, story statistics and comparison for "
                    f"{len(rest)} {by}s beyond the {len(top)} largest ({names}"
                    f"{', and more' if len(rest) > 5 else ''}; {int(rest.sum())} articles, "
                    "still in the overview, the stories and the cards)")
    return _Focus(corpus[keep].reset_index(drop=True),
                  [a for a, k in zip(analyses, keep, strict=True) if k],
                  features[keep].reset_index(drop=True), groups[keep].reset_index(drop=True))


def _feature_docs(lexicons: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    """column -> (meaning, unit) from the families the analysis built (no second build)."""
    _, recorders, _ = _recorders(lexicons)
    out: dict[str, tuple[str, str]] = {}
    for r in recorders:
        if hasattr(r.family, "feature_docs"):
            out.update({str(k): (str(m), str(u)) for k, (m, u) in r.family.feature_docs().items()})
    return out


def _summary(ctx: Mapping[str, Any], features: pd.DataFrame, groups: pd.Series, by: str,
             docs: Mapping[str, tuple[str, str]], labels: Mapping[str, str],
             min_n: int) -> dict[str, Any]:
    """The first screen; naming shares as the comparison defines them (``naming_shares.csv``),
    computed here from the feature table when the comparison did not give them."""
    result = (ctx["comparison"] or {}).get("result")
    shares = getattr(result, "naming_shares", None)
    if shares is None:
        from framing.compare.shares import naming_shares

        shares = naming_shares(features.assign(**{by: groups.to_numpy()}), by, min_n)
    charted = [f.anchor for f in (ctx["per_group"] or {}).get("naming", {}).get("figures", [])]
    return first_screen(ctx["comparison"], features, groups, shares, docs, labels, min_n,
                        charted)


def _glossary(ctx: Mapping[str, Any], docs: Mapping[str, tuple[str, str]]
              ) -> list[tuple[str, str, str]]:
    """Glosses for the feature columns the summary, feature tables and statistics name."""
    cols = [f["feature"] for f in (ctx["summary"] or {}).get("features", [])]
    comp = ctx["comparison"] or {}
    for model in comp.get("features") or []:
        cols += [r["feature"] for g in model["groups"] for r in g["rows"]]
    stats = comp.get("stats")
    if stats is not None:
        cols += [row[0] for row in stats.rows]
    return glossary_rows([c for c in cols if not str(c).startswith("text:")], docs)


def _common_warnings(analyses: Sequence[Mapping[str, Any]]) -> dict[str, int]:
    """Warnings shared by many articles (a file-level decoding note): shown once, not per card."""
    counts: dict[str, int] = {}
    for a in analyses:
        for w in set(a.get("warnings") or []):
            counts[w] = counts.get(w, 0) + 1
    return {w: n for w, n in counts.items() if n >= 2 and n >= len(analyses) / 2}


def _scores_table(a: Mapping[str, Any]) -> pd.DataFrame:
    rows = []
    for k, v in sorted((a.get("scores") or {}).items()):
        fam, _, name = k.partition("__")
        rows.append((fam if name else "", name or k, v))
    return pd.DataFrame(rows, columns=["family", "score", "value"])


def _check_corpus(df: pd.DataFrame, by: str) -> pd.DataFrame:
    if not isinstance(df, pd.DataFrame):
        raise FramingError(f"build_report needs a corpus DataFrame, got {type(df).__name__}")
    if len(df) == 0:
        raise FramingError("the corpus is empty: nothing to report on")
    missing = [c for c in ("id", "text") if c not in df.columns]
    if missing:
        raise FramingError(f"the corpus has no {', '.join(missing)} column(s)")
    if by not in df.columns:
        raise FramingError(f"cannot group by {by!r}: the corpus has no such column "
                           f"(columns: {', '.join(map(str, df.columns))})")
    df = df.copy()
    for c in ARTICLE_COLUMNS:
        if c not in df.columns:
            df[c] = None
    df["text"] = df["text"].fillna("").astype(str)
    return df.reset_index(drop=True)


def _default_title(corpus: pd.DataFrame, out_path: Path) -> str:
    if len(corpus) == 1:
        t = corpus["title"].iloc[0]
        return f"Framing card: {t}" if isinstance(t, str) and t else "Framing card"
    return f"Framing report: {out_path.stem}"


def _quiet(progress: bool | None) -> bool | None:
    """tqdm's ``disable``: None = show only on a terminal."""
    return None if progress is None else not progress
