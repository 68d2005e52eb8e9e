"""The report's sections, each a function from analysed articles to a template context.

Every section degrades on its own: if a family is missing, a lexicon matched nothing, or
there is only one outlet, the section says so instead of failing the whole report.
"""

from __future__ import annotations

import hashlib
import platform
import sys
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from importlib import metadata
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from markupsafe import Markup

from framing.report import charts
from framing.report.card import FLAGGED_STATUSES, SOURCE_COLORS
from framing.report.format import fmt, is_loaded
from framing.text import Document

UNKNOWN = "(unknown)"
#: claim statuses in display order (others the families emit are appended)
CLAIM_ORDER = ("attributed", "anonymous", "hedged", "unattributed")
CLAIM_COLORS = {"attributed": "#2c8a3c", **FLAGGED_STATUSES, "other": "#9e9e9e",
                "unknown": "#c8c8c8"}
SOURCE_TYPE_COLORS = {**SOURCE_COLORS, "unknown": "#9e9e9e", "other": "#c8c8c8"}
MAX_TABLE_ROWS = 40
#: fewest articles behind a share or rate for a chart to draw it in colour (``--min-n``)
MIN_N = 5
TOP_TERMS = 8


@dataclass
class Table:
    """A table for the template: already-formatted cells, escaped when rendered."""

    columns: list[str]
    rows: list[list[str]]
    caption: str = ""
    numeric: list[bool] = field(default_factory=list)
    note: str = ""

    @classmethod
    def from_df(cls, df: pd.DataFrame, caption: str = "", index: bool = True, digits: int = 2,
                max_rows: int = MAX_TABLE_ROWS, note: str = "") -> Table:
        shown = df.head(max_rows)
        if len(df) > max_rows:
            note = (note + " " if note else "") + f"First {max_rows} of {len(df)} rows shown."
        cols = ([str(df.index.name or "")] if index else []) + [str(c) for c in df.columns]
        numeric = ([False] if index else []) + [
            pd.api.types.is_numeric_dtype(df[c]) for c in df.columns
        ]
        rows = []
        for idx, r in zip(shown.index, shown.itertuples(index=False), strict=True):
            cells = [fmt(v, digits) for v in r]
            rows.append(([str(idx)] if index else []) + cells)
        return cls(cols, rows, caption, numeric, note)


@dataclass
class Figure:
    svg: Markup
    caption: str = ""
    #: the figure's id, for links from the summary
    anchor: str = ""


# --------------------------------------------------------------------------------------
# shared helpers


def group_labels(corpus: pd.DataFrame, by: str) -> pd.Series:
    return corpus[by].astype("string").fillna(UNKNOWN).replace("", UNKNOWN).astype(str)


def _words_by_voice(body: str) -> tuple[int, int]:
    """(narrator words, quoted words), with the same voice rule the families use."""
    doc = Document(body)
    quoted = sum(1 for s, e in doc.word_spans if doc.voice_at(s, e) == "quoted")
    return doc.n_words - quoted, quoted


def _slug(s: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in str(s).lower())[:40]


# --------------------------------------------------------------------------------------
# 1. corpus overview


def overview(corpus: pd.DataFrame, groups: pd.Series, by: str) -> dict[str, Any]:
    counts = groups.value_counts().rename("articles")
    counts.index.name = by
    words = corpus["text"].map(lambda t: len(str(t).split()))
    table = pd.DataFrame({
        "articles": counts,
        "median words": words.groupby(groups).median().reindex(counts.index),
    })
    if "label" in corpus.columns:
        lab = pd.to_numeric(corpus["label"], errors="coerce")
        if lab.notna().any():
            table["share label=1"] = lab.groupby(groups).mean().reindex(counts.index)
    figs = [Figure(charts.hbar(counts, f"Articles per {by}", "articles", "ov-counts"))]
    dates = pd.to_datetime(corpus["date"], errors="coerce", format="mixed")
    date_note = ""
    if dates.notna().any():
        span_days = (dates.max() - dates.min()).days
        freq, label = ("M", "month") if span_days <= 3 * 366 else ("Y", "year")
        if span_days < 62:
            freq, label = "D", "day"
        period = dates.dt.to_period(freq)
        top = counts.index[:8]
        g = groups.where(groups.isin(top), "other")
        per = pd.crosstab(period, g)
        per = per.reindex(pd.period_range(per.index.min(), per.index.max(), freq=freq),
                          fill_value=0)
        per = per[[c for c in [*top, "other"] if c in per.columns]]
        figs.append(Figure(charts.timeline(per, f"Articles per {label}", "ov-time")))
        missing = int(dates.isna().sum())
        date_note = (f"{dates.min():%Y-%m-%d} to {dates.max():%Y-%m-%d}"
                     + (f"; {missing} article(s) without a readable date" if missing else ""))
    else:
        date_note = "No article has a readable date, so there is no timeline."
    return {
        "n_articles": len(corpus),
        "n_groups": int(counts.size),
        "table": Table.from_df(table, f"Articles per {by}"),
        "figures": figs,
        "date_note": date_note,
        "provenance": provenance(corpus),
    }


def provenance(corpus: pd.DataFrame) -> dict[str, Any]:
    """Republished copies (publisher != outlet) and agency copy (origin != outlet)."""
    out = corpus["outlet"].astype("string")
    pub = corpus["publisher"].astype("string")
    ori = corpus["origin"].astype("string")
    republished = pub.notna() & (pub != out).fillna(False)
    wire = ori.notna() & (ori != out).fillna(False)
    mask = (republished | wire).astype(bool)
    rows = corpus.loc[mask, ["outlet", "publisher", "origin"]].fillna(UNKNOWN)
    table = None
    if len(rows):
        t = rows.value_counts().rename("articles").reset_index()
        table = Table.from_df(t, "Copies published by someone else or written by someone else",
                              index=False)
    return {
        "n_republished": int(republished.sum()),
        "n_wire": int(wire.sum()),
        "table": table,
    }


# --------------------------------------------------------------------------------------
# 2. per outlet


def per_group(analyses: Sequence[Mapping[str, Any]], features: pd.DataFrame,
              groups: pd.Series, by: str, referent_labels: Mapping[str, str],
              min_n: int = MIN_N, docs: Mapping[str, tuple[str, str]] | None = None
              ) -> dict[str, Any]:
    """Section 2; ``min_n``: fewest articles behind a bar for it to be drawn in colour."""
    from framing.report.naming import naming
    from framing.report.rates import rates_table

    order = list(groups.value_counts().index)
    return {
        "rates": rates_table(features, groups, order, by, docs or {}, min_n),
        "loaded": _loaded(analyses, groups, order, by, min_n),
        "naming": naming(analyses, groups, order, referent_labels, by, min_n),
        "sourcing": _sourcing(analyses, groups, order, by, min_n),
        "sentiment": _sentiment(features, groups, order, by, referent_labels, min_n),
        "readability": _readability(features, groups, order, by),
    }


def _loaded(analyses, groups, order, by, min_n) -> dict[str, Any]:
    rows = []
    term_rows = []
    for a, g in zip(analyses, groups, strict=True):
        nw, qw = _words_by_voice(str(a.get("body") or ""))
        terms = [t for t in a.get("loaded_terms") or [] if is_loaded(t)]
        nq = sum(1 for t in terms if t.get("voice") == "quoted")
        rows.append((g, nw, qw, len(terms) - nq, nq))
        for t in terms:
            term_rows.append((g, t.get("canonical") or t.get("text"), t.get("category"),
                              t.get("voice") or "narrator"))
    df = pd.DataFrame(rows, columns=["g", "nw", "qw", "nt", "qt"]).groupby("g").sum()
    df = df.reindex(order)
    rates = pd.DataFrame({
        "narrator": 1000 * df["nt"] / df["nw"].replace(0, np.nan),
        "quoted": 1000 * df["qt"] / df["qw"].replace(0, np.nan),
    })
    rates.index.name = by
    n_articles = groups.value_counts().reindex(order)
    table = pd.DataFrame({
        "articles": n_articles,
        "narrator words": df["nw"], "loaded (narrator)": df["nt"],
        "per 1,000 (narrator)": rates["narrator"],
        "quoted words": df["qw"], "loaded (quoted)": df["qt"],
        "per 1,000 (quoted)": rates["quoted"],
    })
    table.index.name = by
    out: dict[str, Any] = {"table": Table.from_df(table, "Loaded terms by voice"),
                           "figure": None, "top": None}
    if not term_rows:
        out["note"] = ("No loaded term was found (no loaded-language lexicon is installed, or "
                       "none of its entries occurs in these articles).")
        return out
    out["note"] = ""
    out["figure"] = Figure(charts.grouped_bars(
        rates.fillna(0), "Loaded terms per 1,000 words, by voice", "loaded terms per 1,000 words",
        "loaded-rates", articles=n_articles, min_n=min_n),
        "Non-neutral lexicon matches per 1,000 words of the outlet's own (narrator) text and "
        f"of text inside quotations (quoted), pooled over its articles; grey: fewer than "
        f"{min_n} articles.", anchor="loaded-rates")
    t = pd.DataFrame(term_rows, columns=[by, "term", "category", "voice"])
    top = (t.groupby([by, "term", "category", "voice"]).size().unstack("voice", fill_value=0))
    for v in ("narrator", "quoted"):
        if v not in top.columns:
            top[v] = 0
    top["total"] = top["narrator"] + top["quoted"]
    top = top.reset_index().sort_values([by, "total"], ascending=[True, False])
    lines = {}
    for g, sub in top.groupby(by):
        lines[g] = ", ".join(
            f"{r.term} {r.total}" + (f" ({r.quoted} quoted)" if r.quoted else "")
            for r in sub.head(TOP_TERMS).itertuples())
    compact = pd.DataFrame({"most frequent loaded terms (count)": pd.Series(lines)})
    compact = compact.reindex([o for o in order if o in lines])
    compact.index.name = by
    out["top"] = Table.from_df(compact, f"Most frequent loaded terms per {by}", max_rows=100)
    return out


def _sourcing(analyses, groups, order, by, min_n) -> dict[str, Any]:
    claim_rows, src_rows = [], []
    n_articles = groups.value_counts()
    for a, g in zip(analyses, groups, strict=True):
        for c in a.get("claims") or []:
            claim_rows.append((g, str(c.get("status") or "unknown")))
        for at in a.get("attributions") or []:
            src_rows.append((g, str(at.get("source_type") or "unknown")))
    out: dict[str, Any] = {"figures": [], "table": None, "note": ""}
    if not claim_rows and not src_rows:
        out["note"] = "No claims or attributions were found (the sourcing families did not run)."
        return out
    parts = []
    if claim_rows:
        ct = pd.crosstab(*zip(*claim_rows, strict=True)).reindex(
            [o for o in order if o in {g for g, _ in claim_rows}])
        cols = [c for c in CLAIM_ORDER if c in ct.columns] + sorted(
            set(ct.columns) - set(CLAIM_ORDER))
        ct = ct[cols]
        shares = ct.div(ct.sum(axis=1), axis=0)
        out["figures"].append(Figure(
            charts.stacked_hbar(shares, "Sourcing mix of claims", "sourcing-claims",
                                xlabel="share of claims", color_map=CLAIM_COLORS,
                                counts=ct.sum(axis=1), articles=n_articles, min_n=min_n),
            "Each claim sentence is attributed (named source), anonymous, hedged "
            f"(e.g. 'reportedly') or unattributed; n: claims; grey: fewer than {min_n} "
            "articles.", anchor="sourcing-claims"))
        shares.columns = [f"{c} (share)" for c in shares.columns]
        shares.insert(0, "claims", ct.sum(axis=1))
        shares.insert(0, "articles", n_articles.reindex(shares.index))
        shares.index.name = by
        parts.append(shares)
    if src_rows:
        st = pd.crosstab(*zip(*src_rows, strict=True)).reindex(
            [o for o in order if o in {g for g, _ in src_rows}])
        cols = [c for c in SOURCE_COLORS if c in st.columns] + sorted(
            set(st.columns) - set(SOURCE_COLORS))
        st = st[cols]
        out["figures"].append(Figure(
            charts.stacked_hbar(st.div(st.sum(axis=1), axis=0), "Who is cited: source types",
                                "sourcing-types", xlabel="share of attributions",
                                color_map=SOURCE_TYPE_COLORS, counts=st.sum(axis=1),
                                articles=n_articles, min_n=min_n),
            f"Attributions by the type of their source; grey: fewer than {min_n} articles.",
            anchor="sourcing-types"))
    if parts:
        out["table"] = Table.from_df(parts[0], f"Claims per {by}")
    return out


def _sentiment(features, groups, order, by, referent_labels, min_n) -> dict[str, Any]:
    cols = [c for c in features.columns if c.startswith("sentiment__actor__")]
    out: dict[str, Any] = {"figure": None, "table": None, "note": ""}
    # VADER's whole-document compound saturates near -1 on long war reporting, so the
    # sentence-level mean and share of negative sentences are shown beside it.
    shown = {
        "sentiment__compound": "document compound",
        "sentiment__sentence_mean": "sentence mean",
        "sentiment__sentence_share_negative": "share of negative sentences",
    }
    have = [c for c in shown if c in features.columns]
    if have:
        vals = features[have].apply(pd.to_numeric, errors="coerce")
        t = vals.groupby(groups.values).mean().reindex(order)
        t.columns = [shown[c] for c in have]
        t["articles"] = groups.value_counts().reindex(order).values
        t.index.name = by
        out["table"] = Table.from_df(t, "Article sentiment (VADER, -1..+1; mean over articles)")
    if not cols:
        out["note"] = "No actor-level sentiment scores (the sentiment family did not run)."
        return out
    vals = features[cols].apply(pd.to_numeric, errors="coerce")
    mean = vals.groupby(groups.values).mean().reindex(order)
    n = vals.notna().groupby(groups.values).sum().reindex(order)
    keep = [c for c in cols if n[c].sum() > 0]
    if not keep:
        out["note"] = "No actor was mentioned with a sentiment score."
        return out
    keep = sorted(keep, key=lambda c: -n[c].sum())[:15]
    m = mean[keep].where(n[keep] >= min_n).T  # actors down the side: their labels are long
    m.index = [referent_labels.get(c.removeprefix("sentiment__actor__"),
                                     c.removeprefix("sentiment__actor__")) for c in keep]
    out["figure"] = Figure(
        charts.heatmap(m, "Sentiment toward each actor", "sentiment-actors", cmap="RdBu",
                       center=0, cbar_label="mean VADER compound", xlabel=by),
        "Mean sentiment of the sentences mentioning each actor (blank: mentioned in fewer "
        f"than {min_n} of the {by}'s articles).", anchor="sentiment-actors")
    return out


def _readability(features, groups, order, by) -> dict[str, Any]:
    cols = [c for c in features.columns if c.startswith("readability__")]
    if not cols:
        return {"table": None, "note": "No readability scores (the readability family did not run)."}
    vals = features[cols].apply(pd.to_numeric, errors="coerce")
    t = vals.groupby(groups.values).mean().reindex(order)
    t.columns = [c.removeprefix("readability__").replace("_", " ") for c in cols]
    t.index.name = by
    return {"table": Table.from_df(t, f"Readability, mean per {by}"), "note": ""}


# --------------------------------------------------------------------------------------
# 4. cards


def sample_cards(groups: pd.Series, max_cards: int) -> list[int]:
    """Positions of the first ``max_cards`` articles of each group, groups by size."""
    pos: list[int] = []
    for g in groups.value_counts().index:
        pos.extend(np.flatnonzero((groups == g).to_numpy())[:max_cards].tolist())
    return pos


# --------------------------------------------------------------------------------------
# 5. methods


PACKAGES = ("numpy", "pandas", "scikit-learn", "scipy", "statsmodels", "textstat",
            "vaderSentiment", "pysbd", "pyahocorasick", "jinja2", "matplotlib")


def corpus_hash(corpus: pd.DataFrame) -> str:
    try:
        from framing.io import corpus_hash as _lead_hash

        return _lead_hash(corpus)
    except ImportError:  # same definition, kept for a partial install
        h = hashlib.sha256()
        for i, t in zip(corpus["id"], corpus["text"], strict=True):
            h.update(str(i).encode("utf-8", "surrogatepass") + b"\0")
            h.update(str(t).encode("utf-8", "surrogatepass") + b"\1")
        return h.hexdigest()


def lexicon_versions(lexicons: Sequence[str | Path]) -> tuple[list[tuple[str, str, str]],
                                                               dict[str, str]]:
    """[(name, version, file)] of the loaded-language lexicons in use, and referent labels.

    Loading also validates: a broken user lexicon stops the report with its file:line.
    """
    try:
        from framing.lexicon import load_lexicon
    except ImportError:
        return [], {}
    lex = load_lexicon(extra=tuple(lexicons))
    # the packs and user files actually loaded (a --lexicon-pack selection leaves others out)
    out = [(name, meta.version, Path(lex.pack_files.get(name, name)).name) for name, meta in lex.packs.items()]
    labels = {k: getattr(r, "label", k) for k, r in lex.referents.items()}
    return out, labels


def methods(corpus: pd.DataFrame, params: Mapping[str, Any], families: Sequence[str],
            lexicon_list: Sequence[tuple[str, str, str]]) -> dict[str, Any]:
    from framing import __version__

    versions = []
    for p in PACKAGES:
        try:
            versions.append((p, metadata.version(p)))
        except metadata.PackageNotFoundError:
            continue
    return {
        "framing_version": __version__,
        "python": f"{platform.python_implementation()} {sys.version.split()[0]}",
        "platform": platform.platform(terse=True),
        "packages": versions,
        "lexicons": list(lexicon_list),
        "families": list(families),
        "params": [(k, str(v)) for k, v in params.items()],
        "corpus_hash": corpus_hash(corpus),
        "n_articles": len(corpus),
    }
