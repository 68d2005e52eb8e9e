"""Controlling a comparison for genre: reweighted training, and scores within each genre.

If an outlet's pages are mostly wire copy and another's mostly columns, a classifier can tell
them apart, or "predict" their lean, by genre alone. With the control on, training articles
are weighted so that, in the weighted training data, genre and label are independent
(``balancing_weights``: each genre-label cell weighs as the product of its margins), so genre
cannot stand in for the label; and every model is also scored within each genre
(``scores_by_stratum``), so a reader sees whether a score holds among news reports alone.
The comparison reports the scores both ways, with and without the control.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from framing.compare.scores import macro_f1

#: fewest articles a genre needs for its own score
MIN_STRATUM = 20


def balancing_weights(y: Any, strata: Any) -> np.ndarray:
    """Weights w = n_s * n_y / (N * n_sy) for an article of stratum s and label y: weighted,
    every (stratum, label) cell that occurs holds n_s * n_y / N, the count independence
    predicts. Mean 1. A cell with no articles cannot be filled, so a stratum met with one
    label only stays confounded with it (``confounded_strata`` names such strata)."""
    y = np.asarray(y).astype(str)
    s = np.asarray(strata).astype(str)
    n = len(y)
    cell = pd.Series(1, index=pd.MultiIndex.from_arrays([s, y])).groupby(level=[0, 1]).size()
    n_s = pd.Series(s).value_counts()
    n_y = pd.Series(y).value_counts()
    w = np.array([n_s[a] * n_y[b] / (n * cell[(a, b)]) for a, b in zip(s, y, strict=True)])
    return w * (n / w.sum())


def confounded_strata(y: Any, strata: Any) -> list[str]:
    """Strata (genres) met with only one label: the control cannot balance them."""
    df = pd.DataFrame({"y": np.asarray(y).astype(str), "s": np.asarray(strata).astype(str)})
    per = df.groupby("s")["y"].nunique()
    return sorted(per[per < 2].index) if df["y"].nunique() > 1 else []


def scores_by_stratum(
    y: Any, pred: Any, strata: Any, classes: np.ndarray, min_n: int = MIN_STRATUM
) -> dict[str, dict[str, Any]]:
    """Macro-F1 of the same out-of-fold predictions within each stratum (None under min_n)."""
    y, pred, s = np.asarray(y), np.asarray(pred), np.asarray(strata).astype(str)
    out: dict[str, dict[str, Any]] = {}
    for g in sorted(set(s)):
        m = s == g
        n = int(m.sum())
        f1 = macro_f1(y[m], pred[m], classes) if n >= min_n else None
        out[g] = {"n": n, "macro_f1": f1, "labels": int(len(set(y[m])))}
    return out
