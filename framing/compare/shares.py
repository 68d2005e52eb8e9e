"""Per-group shares and rates with the numbers behind them: n and a 95% interval.

A naming share drawn from one mention is "100% Daesh" and tells nothing; a share carries the
mentions and the articles it rests on, and a Wilson interval whose n is the number of
articles that mention the referent (mentions cluster within articles: an article that says
"Daesh" ten times is one choice, not ten). Rates per article carry a percentile bootstrap
interval over the group's articles. ``enough`` flags rows with at least ``min_n`` articles, the
threshold under which a chart greys or hides the bar (default 5, ``MIN_N``).
"""

from __future__ import annotations

import re
import warnings
from collections import Counter
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from statsmodels.stats.proportion import proportion_confint

#: fewest articles behind a share or rate for a chart to draw it as a plain bar
MIN_N = 5
_NAMING = re.compile(r"^loaded__naming__([a-z0-9_]+?)__(.+)$")


def wilson(share: np.ndarray, n: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """95% Wilson interval of proportions ``share`` observed on ``n`` units (NaN where n=0)."""
    share, n = np.asarray(share, float), np.asarray(n, float)
    low = np.full(share.shape, np.nan)
    high = np.full(share.shape, np.nan)
    ok = n > 0
    if ok.any():
        low[ok], high[ok] = proportion_confint(share[ok] * n[ok], n[ok], method="wilson")
    return low, high


def naming_shares(features: pd.DataFrame, by: str, min_n: int = MIN_N) -> pd.DataFrame:
    """One row per (group, referent, name): the pooled share of the referent's mentions that
    use the name, the mentions and articles behind it, and its Wilson interval."""
    pairs = []  # (column, referent, name, its referent's mentions column)
    for col in features.columns:
        m = _NAMING.match(str(col))
        ment = f"loaded__mentions__{m.group(1)}" if m else None
        if m and ment in features:
            pairs.append((col, m.group(1), m.group(2), ment))
    cols = [by, "referent", "name", "feature", "count", "mentions", "n_articles"]
    if not pairs:
        out = pd.DataFrame(columns=cols)
    else:
        # every column's group sums in one groupby (one per column was 4 s on FA-KES)
        mentions = features[[p[3] for p in pairs]].fillna(0).to_numpy(float)
        count = features[[p[0] for p in pairs]].fillna(0).to_numpy(float) * mentions
        codes, names = pd.factorize(features[by].astype(str), sort=True)
        k, j = len(names), len(pairs)
        sums = [np.zeros((k, j)) for _ in range(3)]
        for acc, values in zip(sums, (count, mentions, (mentions > 0).astype(float)), strict=True):
            np.add.at(acc, codes, values)
        out = pd.DataFrame({
            by: np.tile(np.asarray(names, dtype=object), j),
            "referent": np.repeat([p[1] for p in pairs], k),
            "name": np.repeat([p[2] for p in pairs], k),
            "feature": np.repeat([p[0] for p in pairs], k),
            "count": sums[0].T.ravel(), "mentions": sums[1].T.ravel(),
            "n_articles": sums[2].T.ravel().astype(int),
        }, columns=cols)
    out["share"] = np.divide(out["count"], out["mentions"], out=np.full(len(out), np.nan),
                             where=out["mentions"].to_numpy() > 0)
    out["ci_low"], out["ci_high"] = wilson(out["share"].fillna(0), out["n_articles"])
    out["enough"] = out["n_articles"] >= min_n
    return out


def mean_with_ci(
    features: pd.DataFrame, cols: Sequence[str], by: str, n_boot: int = 1000, seed: int = 0,
    min_n: int = MIN_N,
) -> pd.DataFrame:
    """One row per (group, column): mean over the group's articles, n, and a 95% percentile
    bootstrap interval over articles (all columns of a group resampled together)."""
    rng = np.random.default_rng(seed)
    rows = []
    for g, sub in features.groupby(features[by].astype(str)):
        X = sub[list(cols)].to_numpy(float)
        n = len(X)
        mean = np.nanmean(X, axis=0) if n else np.full(len(cols), np.nan)
        if n > 1:
            # resamples as article counts (B x n) times the data: no B x n x columns array
            w = rng.multinomial(n, np.full(n, 1.0 / n), size=n_boot).astype(float)
            valid = ~np.isnan(X)
            with np.errstate(all="ignore"), warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)  # a column all NaN in a resample
                boots = (w @ np.where(valid, X, 0.0)) / (w @ valid)
                low, high = np.nanpercentile(boots, [2.5, 97.5], axis=0)
        else:
            low = high = np.full(len(cols), np.nan)
        for j, c in enumerate(cols):
            rows.append({by: g, "feature": c, "mean": mean[j], "n": n, "ci_low": low[j],
                         "ci_high": high[j], "enough": n >= min_n})
    return pd.DataFrame(rows, columns=[by, "feature", "mean", "n", "ci_low", "ci_high", "enough"])


def exclusion_table(counts: Sequence[Counter[str]], groups: Sequence[Any]) -> dict[str, Any]:
    """Per group: how many cuts of each kind stripping made, and in how many articles."""
    out: dict[str, Any] = {}
    for c, g in zip(counts, groups, strict=True):
        e = out.setdefault(str(g), {"articles": 0, "articles_touched": 0, "cuts": Counter()})
        e["articles"] += 1
        e["articles_touched"] += bool(c)
        e["cuts"].update(c)
    return {g: {**e, "cuts": dict(sorted(e["cuts"].items()))} for g, e in sorted(out.items())}
