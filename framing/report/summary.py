"""The report's first screen: what differs most between the groups, each point linked to its evidence.

A researcher opening a 300-article report wants three answers before scrolling: can the
outlets be told apart at all (the models' macro-F1 beside a random guess), on which framing
measures do they differ most (the strongest significant Kruskal-Wallis effects, in words, with
the highest and lowest group), and which naming choices diverge most (shares with their n and
Wilson interval, only where enough articles stand behind them). Everything here is read from
what the comparison and the per-group sections already computed; nothing new is estimated
except group means of a feature and naming shares per group, which the report computes from
the feature table (the comparison gives the test, not the direction).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import pandas as pd

from framing.report.glossary import gloss, short

#: strongest features and naming contrasts shown on the first screen
TOP_FEATURES = 3
TOP_NAMING = 3
#: longest gloss on the first screen (the tables below give the whole first clause)
SUMMARY_GLOSS = 80
#: q-value under which a Kruskal-Wallis difference counts as significant
ALPHA = 0.05
MODEL_NAMES = {"framing": "framing features", "tfidf": "words (tf-idf)", "words": "words",
               "combined": "framing and words"}


def effect_words(eps: float) -> str:
    """ε² in the words of the usual thresholds (0.01 small, 0.08 medium, 0.26 large)."""
    if not np.isfinite(eps):
        return "an effect of unknown size"
    if eps >= 0.26:
        return "a large difference"
    if eps >= 0.08:
        return "a medium difference"
    if eps >= 0.01:
        return "a small difference"
    return "a negligible difference"


def _pct(x: float) -> str:
    return f"{100 * x:.0f}%"


def model_lines(scores: pd.DataFrame | None, chance: float | None) -> list[str]:
    """One line per model: macro-F1 with its interval; chance appended once."""
    if scores is None or not len(scores):
        return []
    parts = []
    for name, r in scores.iterrows():
        txt = f"{MODEL_NAMES.get(str(name), str(name))} {r['macro_f1']:.2f}"
        if np.isfinite(r.get("ci_low", np.nan)) and np.isfinite(r.get("ci_high", np.nan)):
            txt += f" ({r['ci_low']:.2f}–{r['ci_high']:.2f})"
        parts.append(txt)
    line = "Macro-F1 out of fold: " + "; ".join(parts)
    if chance is not None:
        line += f". A uniform random guess scores {chance:.2f}"
    return [line + "."]


def strongest_features(stats: Any, features: pd.DataFrame, groups: pd.Series,
                       compared: Sequence[str], docs: Mapping[str, tuple[str, str]],
                       k: int = TOP_FEATURES) -> list[dict[str, Any]]:
    """The ``k`` significant features with the largest ε², house-style columns set aside,
    each with the groups whose mean is highest and lowest (among the groups compared)."""
    if not isinstance(stats, pd.DataFrame) or stats.empty or "feature" not in stats.columns:
        return []
    qcol = next((c for c in ("q", "p_adj") if c in stats.columns), None)
    ecol = next((c for c in ("epsilon_sq", "effect_size") if c in stats.columns), None)
    if qcol is None or ecol is None:
        return []
    try:
        from framing.compare.columns import is_style
    except ImportError:  # pragma: no cover - the compare package ships with the report
        def is_style(col: str) -> bool:
            return col.startswith("style__")
    sig = stats[(pd.to_numeric(stats[qcol], errors="coerce") < ALPHA)]
    sig = sig[[not is_style(str(f)) and not _is_count(str(f), docs) and f in features.columns
               for f in sig["feature"]]]
    sig = sig.sort_values(ecol, ascending=False)
    keep = groups.isin(list(compared)) if compared else pd.Series(True, index=groups.index)
    out, seen = [], set()
    for r in sig.to_dict("records"):
        col = str(r["feature"])
        if _topic(col) in seen:  # the rate, lead and share of one name tell one finding
            continue
        if len(out) == k:
            break
        vals = pd.to_numeric(features[col], errors="coerce")[keep.to_numpy()]
        means = vals.groupby(groups[keep].to_numpy()).agg(["mean", "count"]).dropna()
        if means.empty:
            continue
        hi, lo = means["mean"].idxmax(), means["mean"].idxmin()
        seen.add(_topic(col))
        meaning, unit = gloss(col, docs)
        meaning = short(meaning, SUMMARY_GLOSS)
        out.append({
            "feature": col, "gloss": meaning, "unit": unit,
            "effect": effect_words(float(r[ecol])), "eps": float(r[ecol]), "q": float(r[qcol]),
            "high": (str(hi), float(means.loc[hi, "mean"]), int(means.loc[hi, "count"])),
            "low": (str(lo), float(means.loc[lo, "mean"]), int(means.loc[lo, "count"])),
        })
    return out


def _is_count(col: str, docs: Mapping[str, tuple[str, str]]) -> bool:
    """A raw count (hedges, attributions, mentions) grows with article length, so between a
    wire service and a long-read it measures house style: rates and shares tell framing."""
    return docs.get(col, ("", ""))[1].strip().lower().startswith("count")


def _topic(col: str) -> tuple[str, str]:
    """(family, last name part): ``loaded__rate__rebels`` and ``loaded__naming__x__rebels``
    are one topic, so the summary does not spend its three lines on one word."""
    parts = col.split("__")
    return parts[0], parts[-1]


def divergent_naming(shares: pd.DataFrame | None, labels: Mapping[str, str], min_n: int,
                     k: int = TOP_NAMING, charted: Sequence[str] = ()) -> list[dict[str, Any]]:
    """The ``k`` (referent, name) pairs whose share differs most between two groups that each
    have at least ``min_n`` articles naming the referent; one pair per referent."""
    if shares is None or not len(shares):
        return []
    by = shares.columns[0]
    ok = shares[(shares["n_articles"] >= min_n) & shares["share"].notna()]
    rows = []
    for (ref, name), sub in ok.groupby(["referent", "name"], sort=False):
        if len(sub) < 2:
            continue
        hi, lo = sub.loc[sub["share"].idxmax()], sub.loc[sub["share"].idxmin()]
        gap = float(hi["share"] - lo["share"])
        if gap <= 0:
            continue
        rows.append((gap, ref, name, hi, lo))
    rows.sort(key=lambda t: -t[0])
    out, seen = [], set()
    for gap, ref, name, hi, lo in rows:
        if ref in seen:
            continue
        seen.add(ref)
        from framing.report.naming import naming_anchor

        anchor = naming_anchor(str(ref))
        out.append({
            "anchor": anchor if anchor in set(charted) else "naming",
            "referent": str(ref), "label": labels.get(str(ref), str(ref)),
            "name": str(name).replace("_", " "), "gap": gap,
            "high": _share_side(hi, by), "low": _share_side(lo, by),
        })
        if len(out) == k:
            break
    return out


def _share_side(r: pd.Series, by: str) -> dict[str, Any]:
    return {"group": str(r[by]), "share": _pct(r["share"]), "n": int(r["n_articles"]),
            "ci": f"{_pct(r['ci_low'])}–{_pct(r['ci_high'])}"}


def summary(comparison: Mapping[str, Any] | None, features: pd.DataFrame, groups: pd.Series,
            shares: pd.DataFrame | None, docs: Mapping[str, tuple[str, str]],
            labels: Mapping[str, str], min_n: int, charted: Sequence[str] = ()
            ) -> dict[str, Any]:
    """The first-screen block's context (see the module docstring)."""
    comp = dict(comparison or {})
    result = comp.get("result")
    out: dict[str, Any] = {"n_groups": int(groups.nunique()), "note": comp.get("note") or "",
                           "models": [], "features": [], "naming": [], "compared": []}
    summ = dict(getattr(result, "summary", None) or {})
    compared = list((summ.get("articles_per_outlet") or {}).keys())
    out["compared"] = compared
    out["models"] = model_lines(comp.get("scores_df"), comp.get("chance"))
    out["features"] = strongest_features(getattr(result, "stats", None), features, groups,
                                         compared, docs)
    out["naming"] = divergent_naming(shares, labels, min_n, charted=charted)
    return out
