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
from framing.report.comparison import comparison_section, result_section
from framing.report.discover import discover_section
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
        columns = [str(c) for r in recorders for c in r.family.fit().get_feature_names_out()]
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
    from framing.analyze import META_KEYS

    return {
        "id": row.get("id"),
        "article": {k: row.get(k) for k in META_KEYS},
        "body": str(row.get("text") or ""),
        "loaded_terms": [], "attributions": [], "claims": [], "scores": {},
        "warnings": [*list(row.get("warnings") or []), why],
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
) -> Path:
    """Analyse ``corpus_df`` and write the HTML report to ``out_path`` (atomically).

    One article: its card and scores. Several: overview, per-``by`` sections, the
    comparison (when there are two or more groups), ``max_cards`` cards per group, methods.
    With ``pdf`` a PDF is written beside the HTML (needs WeasyPrint). ``compare_options``
    go to ``compare_outlets`` (e.g. fewer bootstrap rounds for a quick look); ``workers``
    analyses articles on that many processes. A ``comparison`` already computed with
    ``compare_outlets`` on this corpus is drawn as is instead of being recomputed.
    Sections a small corpus cannot fill are left out and named, with the reason, in the
    report and to ``on_left_out`` (the CLI prints them). Returns the HTML path.
    """
    t0 = time.perf_counter()
    out_path = Path(out_path)
    corpus = _check_corpus(corpus_df, by)
    if pdf:
        _require_weasyprint()
    steps = tqdm(total=4, desc="report", unit="step", disable=_quiet(progress), leave=False)
    ca = analyze_corpus(corpus, lexicons, progress, workers=workers)
    analyses, families, features = ca.analyses, ca.families, ca.features
    steps.update(1)
    lexicon_list, referent_labels = sections.lexicon_versions(lexicons)
    groups = sections.group_labels(corpus, by)
    params: dict[str, Any] = {"by": by, "max cards per group": max_cards, "seed": seed,
                              **{f"compare {k}": v for k, v in (compare_options or {}).items()},
                              "user lexicons": ", ".join(str(p) for p in lexicons) or "none"}
    ctx: dict[str, Any] = {
        "title": title or _default_title(corpus, out_path),
        "generated": datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        "by": by,
        "single": len(corpus) == 1,
        "css": Markup(REPORT_CSS + CARD_CSS),
        "overview": None, "per_group": None, "comparison": None, "cards": [],
        "card_note": "", "common_warnings": [], "left_out": [], "stories": None,
    }
    if len(corpus) == 1:
        ctx["cards"] = [Markup(article_card_html(analyses[0], include_style=False))]
        table = _scores_table(analyses[0])
        shown = table[table["value"].map(is_informative)]
        ctx["scores"] = sections.Table.from_df(
            shown, "", index=False, max_rows=1000, digits=3,
            note=f"{len(table) - len(shown)} scores that are zero or missing are not shown "
                 "(framing analyze --format json lists them all).")
    else:
        ctx["overview"] = sections.overview(corpus, groups, by)
        ctx["per_group"] = sections.per_group(analyses, features, groups, by, referent_labels)
        ctx["per_group"]["discover"] = discover_section(corpus.assign(**{by: groups}), by, lexicons)
    steps.update(1)
    if len(corpus) > 1 and comparison is not None:
        ctx["comparison"] = result_section(comparison, by)
    elif len(corpus) > 1:
        ctx["comparison"] = comparison_section(features, ca.spans, corpus, groups,
                                               by, seed, compare_options)
    if len(corpus) > 1:  # the story index and one folded page per multi-outlet story
        from framing.report.stories import stories_section

        ctx["stories"] = stories_section(corpus, analyses, features, by)
    steps.update(1)
    if len(corpus) > 1:
        pos = sections.sample_cards(groups, max_cards)
        common = _common_warnings(analyses)
        ctx["common_warnings"] = sorted(common.items())
        ctx["cards"] = [
            Markup(article_card_html(
                {**analyses[i], "warnings": [w for w in analyses[i]["warnings"] if w not in common]},
                include_style=False))
            for i in pos
        ]
        ctx["card_note"] = (f"The first {max_cards} article(s) of each {by} "
                            f"({len(pos)} of {len(corpus)} articles).")
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
    html = render("report.html.j2", **ctx)
    write_atomic(out_path, html.encode("utf-8"))
    if pdf:
        write_pdf(html, out_path.with_suffix(".pdf"))
    steps.update(1)
    steps.close()
    return out_path


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




def _require_weasyprint() -> Callable[..., Any]:
    try:
        from weasyprint import HTML
    except ImportError as exc:
        raise FramingError(
            "--pdf needs WeasyPrint: pip install 'framing[pdf]' (and the pango libraries, "
            f"Debian: libpango-1.0-0 libpangoft2-1.0-0); import failed: {exc}"
        ) from None
    except OSError as exc:  # the Python package is there but its system libraries are not
        raise FramingError(
            "--pdf: WeasyPrint cannot load its system libraries (Debian: apt-get install "
            f"libpango-1.0-0 libpangoft2-1.0-0): {exc}"
        ) from None
    return HTML


def write_pdf(html: str, path: Path) -> Path:
    """Render the same HTML to PDF; no base URL, so nothing outside the file is fetched."""
    html_cls = _require_weasyprint()
    try:  # WeasyPrint >= 68: a fetcher restricted to data: URLs (the heatmaps' pixels)
        from weasyprint import URLFetcher

        fetcher: Any = URLFetcher(allowed_protocols=["data"])
    except ImportError:  # older WeasyPrint: wrap its default fetcher
        from weasyprint import default_url_fetcher

        def fetcher(url: str, *args: Any, **kwargs: Any) -> Any:
            if url.startswith("data:"):
                return default_url_fetcher(url, *args, **kwargs)
            raise ValueError(f"the report does not fetch {url!r}")

    data = html_cls(string=html, url_fetcher=fetcher).write_pdf()
    return write_atomic(path, data)


REPORT_CSS = """
*{box-sizing:border-box}
body{font:15px/1.55 system-ui,-apple-system,'Segoe UI',sans-serif;color:#1b1b1b;
 margin:0;background:#fafafa}
main{max-width:64rem;margin:0 auto;padding:24px 28px 60px;background:#fff}
h1{font-size:26px;margin:0 0 4px}
h2{font-size:21px;margin:34px 0 8px;padding-top:8px;border-top:2px solid #e3e3e3}
h3{font-size:17px;margin:22px 0 6px}
.sub{color:#555;font-size:13.5px}
nav.toc{font-size:13.5px;margin:12px 0;padding:8px 12px;background:#f4f6f8;border-radius:6px}
nav.toc a{margin-right:14px}
figure{margin:10px 0 18px}
figure svg{display:block}
figcaption,.note{font-size:13px;color:#555}
.note{margin:4px 0 10px}
.tablewrap{overflow-x:auto;margin:8px 0 16px;max-width:100%}
table.data{border-collapse:collapse;font-size:13px}
p.tcap{font-weight:600;margin:14px 0 2px;font-size:13.5px}
table.data th,table.data td{border-bottom:1px solid #e6e6e6;padding:3px 9px;vertical-align:top}
table.data th{background:#f4f6f8;text-align:left;position:sticky;top:0}
table.data td.num{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
table.data td.text{max-width:36rem}
table.data td:first-child{white-space:nowrap}
table.data.features{table-layout:fixed;width:100%;min-width:46rem}
table.data.features td.grp{white-space:normal}
table.data.features code{overflow-wrap:normal;word-break:normal}
details>summary.tcap{cursor:pointer;font-weight:600;margin:14px 0 4px;font-size:13.5px}
.figrow{display:flex;flex-wrap:wrap;gap:8px 24px;align-items:flex-start}
.figrow figure{flex:1 1 300px;max-width:420px}
table.data tr.first td{border-top:2px solid #cfd6de}
table.data td.ex{font-size:12px;color:#333;min-width:22rem}
table.data td.ex div{margin-bottom:3px}
.kv td:first-child{color:#555;padding-right:16px}
code{font-size:12.5px;background:#f2f2f2;padding:1px 4px;border-radius:3px;
 overflow-wrap:anywhere}
.warn{color:#8a4b00}
@page{size:A4;margin:14mm 12mm}
@media print{body{background:#fff;font-size:12px}main{padding:0;max-width:none}
 nav.toc{display:none}table.data.features{min-width:0}table.data{font-size:10.5px}
 figure,tr{break-inside:avoid}h2,h3,p.tcap{break-after:avoid}
 .framing-card{font-size:12.5px}.framing-card details.fr-scores{display:none}}
"""
