"""Outlet differences recomputed within stories: framing, or just a different news diet?

An outlet that covers more battles than diplomacy differs in its words whatever its framing.
Two checks, both reported beside the plain comparison:

1. **story as a grouping factor**: per feature, on the articles of stories that two or more
   outlets covered, the outlet effect in a linear model of the rank-transformed feature
   (Conover and Iman's rank transform: features are long-tailed counts) with and without
   story fixed effects. The F test for outlet *after* story asks whether outlets differ
   when they tell the same stories.
2. **paired differences on shared stories**: for each pair of outlets and each feature,
   the per-story mean difference over the stories both covered, Wilcoxon signed-rank test.

Benjamini-Hochberg across features (and pairs). A difference *survives* when it is
significant both without and with story control; one significant only without it is *not
confirmed within stories*: what was covered explains it, or too few stories were shared
to tell (the table gives the counts).
"""

from __future__ import annotations

import warnings
from itertools import combinations

import numpy as np
import pandas as pd
from scipy import stats

from framing.compare.stats import bh, kruskal_table

ALPHA = 0.05
#: stories two outlets must share before their paired differences are tested
MIN_SHARED = 5
#: articles a feature must leave its most common value in, and articles an outlet must have
#: among the story articles, to be tested: with fewer, one article's dummy fits it exactly
MIN_SUPPORT = 5


def _dummies(values: pd.Series) -> np.ndarray:
    """One-hot columns, the first level dropped (an intercept is added separately)."""
    codes, levels = pd.factorize(values.astype(str), sort=True)
    D = np.zeros((len(values), max(len(levels) - 1, 0)))
    rows = np.flatnonzero(codes > 0)
    D[rows, codes[rows] - 1] = 1.0
    return D


def _rss(X: np.ndarray, Y: np.ndarray) -> np.ndarray:
    beta, *_ = np.linalg.lstsq(X, Y, rcond=None)
    r = Y - X @ beta
    return (r * r).sum(axis=0)


def outlet_f_tests(df: pd.DataFrame, cols: list[str], by: str, story: str) -> pd.DataFrame:
    """Per feature: outlet F test without and with story fixed effects (rank-transformed),
    partial eta-squared for each, on the rows of ``df``."""
    Y = df[cols].astype(float).rank(axis=0).to_numpy()  # NaN stays NaN
    Y = np.where(np.isnan(Y), np.nanmean(Y, axis=0), Y)
    n = len(df)
    one = np.ones((n, 1))
    outlet_d, story_d = _dummies(df[by]), _dummies(df[story])
    rank = np.linalg.matrix_rank
    X0, Xo = one, np.hstack([one, outlet_d])
    Xs, Xos = np.hstack([one, story_d]), np.hstack([one, story_d, outlet_d])
    rss0, rss_o, rss_s, rss_os = _rss(X0, Y), _rss(Xo, Y), _rss(Xs, Y), _rss(Xos, Y)
    df1_plain, df2_plain = rank(Xo) - 1, n - rank(Xo)
    df1_ctrl, df2_ctrl = rank(Xos) - rank(Xs), n - rank(Xos)
    with np.errstate(divide="ignore", invalid="ignore"):
        f_plain = ((rss0 - rss_o) / df1_plain) / (rss_o / df2_plain)
        f_ctrl = ((rss_s - rss_os) / df1_ctrl) / (rss_os / df2_ctrl)
        eta_plain = (rss0 - rss_o) / rss0
        eta_ctrl = (rss_s - rss_os) / rss_s
    nan = np.full(len(cols), np.nan)
    p_plain = stats.f.sf(f_plain, df1_plain, df2_plain) if df1_plain > 0 and df2_plain > 0 else nan
    p_ctrl = stats.f.sf(f_ctrl, df1_ctrl, df2_ctrl) if df1_ctrl > 0 and df2_ctrl > 0 else nan
    out = pd.DataFrame({"feature": cols, "f_outlet": f_plain, "p_outlet": p_plain, "eta2_outlet": eta_plain,
                        "f_outlet_within_story": f_ctrl, "p_outlet_within_story": p_ctrl,
                        "eta2_outlet_within_story": eta_ctrl})
    out["q_outlet"] = bh(out["p_outlet"])
    out["q_outlet_within_story"] = bh(out["p_outlet_within_story"])
    return out


def _support(x: pd.Series) -> int:
    """Articles whose value is not the feature's most common one."""
    v = x.to_numpy(dtype=float)
    v = v[~np.isnan(v)]
    return int(len(v) - np.unique(v, return_counts=True)[1].max()) if len(v) else 0


#: a difference the plain comparison finds and the story-controlled test does not: what the
#: outlets covered explains it, or the shared stories are too few to tell
NOT_CONFIRMED = "not confirmed within stories"


def verdict(q_plain: float, q_ctrl: float, alpha: float = ALPHA) -> str:
    """Which of the two tests find the difference."""
    plain, ctrl = q_plain < alpha, q_ctrl < alpha
    if plain and ctrl:
        return "survives story control"
    if plain:
        return NOT_CONFIRMED
    if ctrl:
        return "only within stories"
    return "no difference"


def story_controlled_table(features: pd.DataFrame, membership: pd.DataFrame, cols: list[str],
                           by: str = "outlet") -> pd.DataFrame:
    """Per testable feature: Kruskal-Wallis over all articles (the plain comparison), then the
    outlet F tests without and with story control on the articles of multi-outlet stories,
    and the verdict. Features too rare among those articles are left out (their number is in
    ``attrs["n_too_rare"]``): they cannot be tested within stories, and testing them plainly
    would only dilute the correction."""
    df = features.assign(id=features["id"].astype(str))
    m = membership[membership["n_outlets"] >= 2][["id", "story_id"]].astype({"id": str})
    sub = df.merge(m, on="id", how="inner")
    sub = sub[sub[by].notna()]
    counts = sub[by].value_counts()
    sub = sub[sub[by].isin(counts[counts >= MIN_SUPPORT].index)]
    testable = [c for c in cols if _support(sub[c]) >= MIN_SUPPORT] if len(sub) else []
    columns = ["feature", "n_story_articles", "n_stories", "epsilon_sq_all_articles", "q_all_articles", "f_outlet",
               "p_outlet", "eta2_outlet", "f_outlet_within_story", "p_outlet_within_story",
               "eta2_outlet_within_story", "q_outlet", "q_outlet_within_story", "verdict"]
    if sub[by].nunique() < 2 or not testable:
        out = pd.DataFrame(columns=columns)
        out.attrs["n_too_rare"] = len(cols)
        return out
    plain = kruskal_table(df[df[by].notna()], testable, by)[["feature", "epsilon_sq", "q"]]
    plain = plain.rename(columns={"epsilon_sq": "epsilon_sq_all_articles", "q": "q_all_articles"})
    out = plain.merge(outlet_f_tests(sub, testable, by, "story_id"), on="feature", how="left")
    out["verdict"] = [verdict(a, b) for a, b in zip(out["q_outlet"], out["q_outlet_within_story"], strict=True)]
    out.insert(1, "n_story_articles", len(sub))
    out.insert(2, "n_stories", sub["story_id"].nunique())
    out = out[columns].sort_values(["q_outlet_within_story", "q_outlet"], na_position="last").reset_index(drop=True)
    out.attrs["n_too_rare"] = len(cols) - len(testable)
    return out


def paired_story_table(features: pd.DataFrame, membership: pd.DataFrame, cols: list[str],
                       by: str = "outlet", min_shared: int = MIN_SHARED) -> pd.DataFrame:
    """Per pair of outlets and feature: Wilcoxon signed-rank over the stories both covered
    (per-story means; the normal approximation, as ties and zeros are the rule), median
    difference (a - b), and the plain Mann-Whitney on all their
    articles for comparison; BH across every test of each kind. Tests run vectorised over
    features (scipy's ``axis``), one call per outlet pair."""
    df = features.assign(id=features["id"].astype(str))
    df[cols] = df[cols].astype(float).fillna(df[cols].median())
    m = membership[["id", "story_id"]].astype({"id": str})
    sub = df.merge(m, on="id", how="inner")
    means = sub.groupby(["story_id", by])[cols].mean()
    outlets = sorted(sub[by].dropna().astype(str).unique())
    frames = []
    for a, b in combinations(outlets, 2):
        xa = means.xs(a, level=by)
        xb = means.xs(b, level=by)
        shared = xa.index.intersection(xb.index)
        if len(shared) < min_shared:
            continue
        D = (xa.loc[shared] - xb.loc[shared]).to_numpy()
        all_a = df.loc[df[by].astype(str) == a, cols].to_numpy()
        all_b = df.loc[df[by].astype(str) == b, cols].to_numpy()
        p_pair = np.full(len(cols), np.nan)
        moving = np.flatnonzero((D != 0).any(axis=0))
        p_all = np.full(len(cols), np.nan)
        varying = np.flatnonzero(np.vstack([all_a, all_b]).std(axis=0) > 0)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            if len(moving):
                p_pair[moving] = stats.wilcoxon(D[:, moving], axis=0, zero_method="zsplit",
                                                method="asymptotic").pvalue  # exact: 80 s a pair
            if len(varying):
                p_all[varying] = stats.mannwhitneyu(all_a[:, varying], all_b[:, varying], axis=0,
                                                    alternative="two-sided").pvalue
        frames.append(pd.DataFrame({
            "outlet_a": a, "outlet_b": b, "feature": cols, "n_shared_stories": len(shared),
            "median_diff_shared": np.median(D, axis=0), "p_shared": p_pair,
            "median_a_all": np.median(all_a, axis=0), "median_b_all": np.median(all_b, axis=0), "p_all": p_all,
        }))
    columns = ["outlet_a", "outlet_b", "feature", "n_shared_stories", "median_diff_shared", "p_shared",
               "median_a_all", "median_b_all", "p_all"]
    out = pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)
    out["q_all"] = bh(out["p_all"])
    # gatekeeping: only the differences the plain comparison finds are re-tested on shared
    # stories (BH over those), which is the question asked and keeps the test's power
    found = out["q_all"] < ALPHA
    out["q_shared"] = np.nan
    out.loc[found, "q_shared"] = bh(out.loc[found, "p_shared"])
    out["verdict"] = np.where(~found, "no difference",
                              np.where(out["q_shared"] < ALPHA, "survives story control", NOT_CONFIRMED))
    return out.sort_values(["q_shared", "q_all"], na_position="last").reset_index(drop=True)
