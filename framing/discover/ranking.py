"""Fightin' Words: the log-odds ratio with an informative Dirichlet prior, and its z-score.

Monroe, Colaresi and Quinn (2008, "Fightin' Words", Political Analysis 16(4), eq. 16-22).
For a term w, counts y_i and y_j in the two sides, n_i and n_j all terms counted in each, and
prior pseudo-counts alpha_w (alpha_0 their sum over the vocabulary):

    delta = log((y_i + a_w) / (n_i + a_0 - y_i - a_w)) - log((y_j + a_w) / (n_j + a_0 - y_j - a_w))
    var   = 1 / (y_i + a_w) + 1 / (y_j + a_w)
    z     = delta / sqrt(var)

The prior shrinks the log-odds of rare terms towards zero and z divides by the spread, so
neither rare terms (a raw log-odds ratio's fault) nor merely frequent ones (a count
difference's fault) fill the top. Each n-gram order is its own vocabulary: n_i, n_j and a_0
are taken over the terms of the same order.

The informative prior is a_w = scale * N * p_w, with p_w the term's share of all terms of its
order in the whole corpus (``background=None``) or in a background table of counts.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np

REST = "rest"
#: added to a background count so a term the background never saw keeps a positive prior
BACKGROUND_SMOOTHING = 0.5


def log_odds(
    y_i: np.ndarray, y_j: np.ndarray, n_i: np.ndarray, n_j: np.ndarray, alpha: np.ndarray, alpha0: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """``(delta, z)`` for arrays of terms (every argument broadcast per term)."""
    y_i, y_j, n_i, n_j, alpha, alpha0 = (np.asarray(x, dtype=float) for x in (y_i, y_j, n_i, n_j, alpha, alpha0))
    a = y_i + alpha
    b = y_j + alpha
    with np.errstate(divide="ignore", invalid="ignore"):
        delta = np.log(a / (n_i + alpha0 - a)) - np.log(b / (n_j + alpha0 - b))
        z = delta / np.sqrt(1.0 / a + 1.0 / b)
    # a term that is its order's whole vocabulary has no odds to compare: no evidence either way
    bad = ~np.isfinite(z)
    return np.where(bad, 0.0, delta), np.where(bad, 0.0, z)


def prior(
    y_total: np.ndarray,
    orders: np.ndarray,
    totals: np.ndarray,
    scale: float = 1.0,
    background: np.ndarray | None = None,
    background_totals: Mapping[int, float] | None = None,
) -> tuple[np.ndarray, np.ndarray]:
    """``(alpha, alpha0)`` per term: the pseudo-counts and their sum for the term's order.

    ``totals[k]`` is the number of k-grams counted in the corpus (N for order k). With a
    ``background`` (each term's count there, aligned with ``y_total``) and its per-order
    totals, the shares come from the background instead of the corpus.
    """
    orders = np.asarray(orders, dtype=np.int64)
    n_order = np.asarray(totals, dtype=float)[orders]
    if background is None:
        share = np.asarray(y_total, dtype=float) / np.maximum(n_order, 1.0)
    else:
        bt = background_totals or {}
        kinds, per_order = np.unique(orders, return_counts=True)
        size = dict(zip(kinds.tolist(), per_order.tolist(), strict=True))
        denom = {k: float(bt.get(k, 0.0)) + BACKGROUND_SMOOTHING * v for k, v in size.items()}
        share = (np.asarray(background, dtype=float) + BACKGROUND_SMOOTHING) / np.array(
            [denom[int(k)] for k in orders]
        )
    alpha = scale * n_order * share
    alpha0 = scale * n_order  # the shares of one order sum to one
    return alpha, alpha0


def comparisons(groups: Sequence[str], vs: str = REST) -> list[tuple[str, str]]:
    """(target, reference) pairs: each group against the rest, or, with ``vs`` a group, every
    other group against it and it against each of them."""
    groups = list(groups)
    if vs == REST:
        return [(g, REST) for g in groups]
    if vs not in groups:
        raise ValueError(vs)
    out = []
    for g in groups:
        if g != vs:
            out.extend([(g, vs), (vs, g)])
    return out
