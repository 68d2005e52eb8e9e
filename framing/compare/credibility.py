"""Article credibility from framing and sourcing features, and outlet ratings vs profiles.

The same grouped-CV machinery as the outlet classifiers, with a binary label (FA-KES:
1 credible, 0 fake). Scored by ROC AUC with a bootstrap interval, once with near-duplicate
groups and once holding out whole outlets (which shows how much of the signal is simply
"which outlet wrote it"); the outlet's training-fold base rate is reported as a baseline.
"""

from __future__ import annotations

import warnings
from typing import Any

import numpy as np
import pandas as pd
from scipy import stats as sstats
from sklearn.base import clone
from sklearn.metrics import roc_auc_score
from sklearn.model_selection import GroupKFold, StratifiedGroupKFold

from framing.compare.explain import bootstrap_coefs, coef_matrix, model_feature_names
from framing.compare.models import build_model
from framing.compare.stats import bh, cliffs_delta
from framing.errors import FramingError, InputError


def _splits(y: np.ndarray, groups: np.ndarray, n_splits: int, seed: int, stratified: bool):
    k = min(n_splits, len(np.unique(groups)))
    if k < 2:
        return []
    if stratified:
        cv: Any = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    else:
        cv = GroupKFold(n_splits=k)
    return list(cv.split(np.zeros(len(y)), y, groups))


def _oof_scores(model: Any, X: pd.DataFrame, y: np.ndarray, splits: list) -> np.ndarray:
    out = np.full(len(y), np.nan)
    for tr, te in splits:
        if len(np.unique(y[tr])) < 2:
            continue
        m = clone(model)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            m.fit(X.iloc[tr], y[tr])
        out[te] = m.predict_proba(X.iloc[te])[:, 1]
    return out


def _fast_auc(y: np.ndarray, score: np.ndarray) -> float | None:
    """ROC AUC as the Mann-Whitney rank statistic (ties averaged), equal to ``roc_auc_score``.

    Written out because the bootstrap calls it a thousand times and ``roc_auc_score``'s
    input validation makes that 20x slower.
    """
    n1 = int(y.sum())
    n0 = len(y) - n1
    if n1 == 0 or n0 == 0:
        return None
    ranks = sstats.rankdata(score)
    return float((ranks[y == 1].sum() - n1 * (n1 + 1) / 2) / (n1 * n0))


def auc_with_ci(
    y: np.ndarray, score: np.ndarray, n_boot: int = 1000, seed: int = 0
) -> dict[str, Any]:
    """ROC AUC and its 95% percentile bootstrap interval over articles."""
    ok = np.isfinite(score)
    y, score = y[ok], score[ok]
    if len(np.unique(y)) < 2:
        return {"auc": None, "auc_ci": [None, None], "n": int(len(y))}
    rng = np.random.default_rng(seed)
    vals = []
    for _ in range(n_boot):
        idx = rng.integers(0, len(y), len(y))
        a = _fast_auc(y[idx], score[idx])
        if a is not None:
            vals.append(a)
    return {
        "auc": float(roc_auc_score(y, score)),
        "auc_ci": [float(np.percentile(vals, 2.5)), float(np.percentile(vals, 97.5))],
        "n": int(len(y)),
    }


def _outlet_rate_scores(y: np.ndarray, outlets: np.ndarray, splits: list) -> np.ndarray:
    """Baseline: each test article scored by its outlet's share of label 1 in the training fold."""
    out = np.full(len(y), np.nan)
    for tr, te in splits:
        rates = pd.Series(y[tr]).groupby(outlets[tr]).mean()
        out[te] = pd.Series(outlets[te]).map(rates).fillna(y[tr].mean()).to_numpy()
    return out


def credibility(
    df: pd.DataFrame,
    feature_cols: list[str],
    label_col: str,
    groups: np.ndarray,
    by: str = "outlet",
    n_splits: int = 5,
    seed: int = 0,
    n_boot: int = 1000,
    n_coef_boot: int = 30,
) -> tuple[dict[str, Any], pd.DataFrame, np.ndarray]:
    """(summary entry, per-feature table, out-of-fold scores) for a binary label column."""
    if label_col not in df.columns:
        raise FramingError(f"label column {label_col!r} not in the feature table")
    lab = pd.to_numeric(df[label_col], errors="coerce")
    keep = lab.notna().to_numpy()
    values = sorted(lab[keep].unique())
    if len(values) != 2:
        raise FramingError(
            f"label column {label_col!r} must have exactly two values, found {values[:5]}"
        )
    sub = df.loc[keep].reset_index(drop=True)
    y = (lab[keep].to_numpy() == values[1]).astype(int)
    g = np.asarray(groups)[keep]
    outlets = sub[by].astype(str).to_numpy() if by in sub else np.zeros(len(sub), dtype=str)
    model = build_model("framing", feature_cols, seed=seed)

    near = _splits(y, g, n_splits, seed, stratified=True)
    score = _oof_scores(model, sub, y, near)
    summary: dict[str, Any] = {
        "label_col": label_col,
        "positive": float(values[1]),
        "negative": float(values[0]),
        "n_positive": int(y.sum()),
        "n_negative": int((1 - y).sum()),
        "cv": "StratifiedGroupKFold over near-duplicate groups",
    }
    summary.update(auc_with_ci(y, score, n_boot=n_boot, seed=seed))
    summary["outlet_rate_baseline"] = auc_with_ci(
        y, _outlet_rate_scores(y, outlets, near), n_boot=n_boot, seed=seed
    )
    by_outlet = _splits(y, outlets, n_splits, seed, stratified=False)
    summary["leave_outlets_out"] = auc_with_ci(
        y, _oof_scores(model, sub, y, by_outlet), n_boot=n_boot, seed=seed
    )

    # Which features go with which label: full-fit coefficients with bootstrap intervals,
    # plus a model-free check (Cliff's delta, Mann-Whitney, BH) per feature.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fitted = clone(model).fit(sub, y)
    coef, _ = coef_matrix(fitted)
    low, high, _ = bootstrap_coefs(fitted, sub, y, n_boot=n_coef_boot, seed=seed, groups=g)
    kept = model_feature_names(fitted)  # the columns the model kept (rare ones are cut)
    x1 = sub.loc[y == 1, kept].to_numpy(float)
    x0 = sub.loc[y == 0, kept].to_numpy(float)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)
        delta = cliffs_delta(np.nan_to_num(x1), np.nan_to_num(x0))
        p = sstats.mannwhitneyu(np.nan_to_num(x1), np.nan_to_num(x0), axis=0).pvalue
    table = pd.DataFrame(
        {
            "feature": kept,
            "coef": coef[1],
            "ci_low": low[1] if low.size else np.nan,
            "ci_high": high[1] if high.size else np.nan,
            "cliffs_delta": delta,
            "p": p,
        }
    )
    table["q"] = bh(table["p"])
    neg_name = f"{label_col}={values[0]:g}"
    pos_name = f"{label_col}={values[1]:g}"
    table["goes_with"] = np.where(table["coef"] < 0, neg_name, pos_name)
    table = table.sort_values("coef").reset_index(drop=True)
    sure = table[(table["ci_high"] < 0) | (table["ci_low"] > 0)]
    summary["features_with_negative"] = sure[sure["coef"] < 0]["feature"].head(10).tolist()
    summary["features_with_positive"] = (
        sure[sure["coef"] > 0].sort_values("coef", ascending=False)["feature"].head(10).tolist()
    )
    full_scores = np.full(len(df), np.nan)
    full_scores[keep] = score
    return summary, table, full_scores


def read_ratings(path: str) -> pd.DataFrame:
    """A user's outlet ratings CSV: columns ``outlet`` and ``rating`` (numeric)."""
    try:
        r = pd.read_csv(path)
    except (OSError, pd.errors.ParserError, UnicodeDecodeError) as exc:
        raise InputError(path, f"cannot read ratings CSV: {exc}") from None
    cols = {c.lower().strip(): c for c in r.columns}
    if "outlet" not in cols or "rating" not in cols:
        raise InputError(path, f"ratings CSV needs columns outlet,rating (has {list(r.columns)})")
    r = r.rename(columns={cols["outlet"]: "outlet", cols["rating"]: "rating"})
    r["rating"] = pd.to_numeric(r["rating"], errors="coerce")
    if r["rating"].isna().all():
        raise InputError(path, "no numeric values in the rating column")
    return r[["outlet", "rating"]].dropna()


def _canonical(name: str) -> str:
    """The registry's canonical outlet name, so "sana" in a ratings file meets "SANA"."""
    from framing.io.outlets import OutletRegistry

    return OutletRegistry.default().canonical(str(name)) or str(name).strip()


def ratings_vs_profiles(
    profiles: pd.DataFrame, ratings: pd.DataFrame, outlet_scores: pd.Series | None = None
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Spearman correlation, across outlets, of the user's rating with each profile feature."""
    prof = profiles.copy()
    prof.index = [_canonical(i) for i in prof.index]
    r = ratings.assign(outlet=ratings["outlet"].map(_canonical)).groupby("outlet")["rating"].mean()
    joined = prof.join(r, how="inner")
    summary: dict[str, Any] = {
        "n_outlets_rated": int(len(joined)),
        "unmatched": sorted(set(r.index) - set(prof.index)),
    }
    rows = []
    if len(joined) >= 3:
        for c in profiles.columns:
            x = joined[c]
            if x.nunique() > 1:
                rho, p = sstats.spearmanr(x, joined["rating"])
                rows.append({"feature": c, "spearman_rho": float(rho), "p": float(p)})
        if outlet_scores is not None:
            s = outlet_scores.copy()
            s.index = [_canonical(i) for i in s.index]
            j = joined[["rating"]].join(s.rename("score"), how="inner")
            if len(j) >= 3 and j["score"].nunique() > 1:
                rho, p = sstats.spearmanr(j["score"], j["rating"])
                summary["rating_vs_mean_credibility_score"] = {"spearman_rho": float(rho),
                                                              "p": float(p)}
    table = pd.DataFrame(rows, columns=["feature", "spearman_rho", "p"])
    table["q"] = bh(table["p"])
    table = table.sort_values("p").reset_index(drop=True)
    summary["top"] = table.head(5)[["feature", "spearman_rho", "q"]].to_dict("records")
    return summary, table
