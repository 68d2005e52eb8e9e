"""The clustering sweep: date-ordered articles into stories, by centroid cosine.

Vectors are hashed (2^20 columns), but every product here is taken in a *local* column
space, the union of the terms present in the batch and the active stories: scipy's sparse
sum and transpose allocate work arrays as wide as the matrix, which at 2^20 columns cost
more than the arithmetic (30 ms per story update, measured on FA-KES).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

#: a sparse vector as (sorted column indices, values)
Vec = tuple[np.ndarray, np.ndarray]


#: below this many multiply-adds a dense product is cheaper than scipy's sparse bookkeeping
#: (a day's few articles against a few open stories); above it the zeros cost more (a dense
#: 3 x 15,000 by 15,000 x 150 product took 190 ms here, the sparse one 0.8 ms)
DENSE_FLOPS = 100_000


def local_matrix(rows: Sequence[Vec], cols: np.ndarray, dense: bool = False) -> Any:
    """Rows as a matrix over ``cols`` (sorted, a superset of every row's indices): CSR, or
    a dense array when ``dense``."""
    lengths = [len(r[0]) for r in rows]
    idx = np.concatenate([r[0] for r in rows]) if rows else np.zeros(0, np.int64)
    val = np.concatenate([r[1] for r in rows]) if rows else np.zeros(0)
    pos = np.searchsorted(cols, idx)
    if dense:
        out = np.zeros((len(rows), len(cols)))
        out[np.repeat(np.arange(len(rows)), lengths), pos] = val
        return out
    indptr = np.cumsum([0, *lengths])
    return sparse.csr_matrix((val, pos, indptr), shape=(len(rows), len(cols)))


def products(A: Any, B: Any) -> np.ndarray:
    """A @ B.T as a dense array, for dense or sparse operands."""
    out = A @ B.T
    return out.toarray() if sparse.issparse(out) else np.asarray(out)


def union_columns(rows: Sequence[Vec]) -> np.ndarray:
    return np.unique(np.concatenate([r[0] for r in rows])) if rows else np.zeros(0, np.int64)


def add_vectors(vecs: Sequence[Vec]) -> Vec:
    """The sum of sparse vectors."""
    idx = np.concatenate([v[0] for v in vecs])
    val = np.concatenate([v[1] for v in vecs])
    cols, inv = np.unique(idx, return_inverse=True)
    return cols, np.bincount(inv, weights=val, minlength=len(cols))


def cosines(rows: Sequence[Vec]) -> np.ndarray:
    """Pairwise dot products of (unit) vectors, dense."""
    cols = union_columns(rows)
    M = local_matrix(rows, cols, dense=len(rows) ** 2 * len(cols) <= DENSE_FLOPS)
    return products(M, M)


@dataclass
class Story:
    """An open story: its members (opaque records), their unit vectors and the centroid."""

    sid: int
    first_day: int
    last_day: int
    members: list[Any] = field(default_factory=list)
    vectors: list[Vec] = field(default_factory=list)
    total: Vec = (np.zeros(0, np.int64), np.zeros(0))  # sum of ``vectors``, unnormalised
    norm2: float = 0.0
    outlets: set[Any] = field(default_factory=set)


class Sweep:
    """Single-pass clustering with centroid linkage over same-day batches in date order."""

    def __init__(self, threshold: float, window_days: int, same_outlet_margin: float = 0.0) -> None:
        self.threshold = threshold
        self.window = window_days
        self.margin = same_outlet_margin
        self.active: list[Story] = []
        self.next_id = 0

    def expire(self, day: int | None) -> list[Story]:
        """Close the stories whose latest article is more than the window before ``day``
        (all of them when ``day`` is None: the end of the stream)."""
        def done(s: Story) -> bool:
            return day is None or s.last_day < day - self.window

        closed = [s for s in self.active if done(s)]
        self.active = [s for s in self.active if not done(s)]
        return closed

    def batch(self, day: int, records: Sequence[Any], vectors: Sequence[Vec], outlets: Sequence[Any]) -> None:
        """Assign one batch of same-day articles, in order, to an active or a new story.

        A story told so far by the article's own outlet alone needs ``margin`` more
        similarity: an outlet repeats its own templates and house phrases (SANA's daily
        "terrorist rocket attacks on Aleppo" reports), which look alike whatever happened.

        Exact centroid cosines without rebuilding a centroid per article: for story s,
        x . total_s is kept in ``dots[:, s]`` and |total_s|^2 in ``norm2[s]``; when article
        j joins s, both are updated from the batch's own similarity matrix ``S``.
        """
        m, a = len(vectors), len(self.active)
        cols = union_columns([*vectors, *(s.total for s in self.active)])
        dense = m * (m + a) * len(cols) <= DENSE_FLOPS
        X = local_matrix(vectors, cols, dense)
        dots = np.zeros((m, a + m))
        norm2 = np.zeros(a + m)
        if a:
            dots[:, :a] = products(X, local_matrix([s.total for s in self.active], cols, dense))
            norm2[:a] = [s.norm2 for s in self.active]
        S = products(X, X)
        assign = np.empty(m, dtype=np.int64)
        col_outlets: list[set[Any]] = [s.outlets for s in self.active] + [set() for _ in range(m)]
        n_cols = a
        for i in range(m):
            col = n_cols
            if n_cols:
                ok = norm2[:n_cols] > 0
                sims = np.zeros(n_cols)
                sims[ok] = dots[i, :n_cols][ok] / np.sqrt(norm2[:n_cols][ok])
                if self.margin and outlets[i] is not None:
                    own = np.array([c == {outlets[i]} for c in col_outlets[:n_cols]])
                    sims[own] -= self.margin
                best = int(np.argmax(sims))
                if sims[best] >= self.threshold:
                    col = best
            if col == n_cols:
                n_cols += 1
            col_outlets[col] = col_outlets[col] | {outlets[i]}
            norm2[col] += 2.0 * dots[i, col] + S[i, i]
            dots[:, col] += S[:, i]
            assign[i] = col
        for col in range(n_cols):
            rows = np.flatnonzero(assign == col)
            if not len(rows):
                continue
            if col < a:
                story = self.active[col]
                story.last_day = day
            else:
                story = Story(self.next_id, day, day)
                self.next_id += 1
                self.active.append(story)
            story.outlets = col_outlets[col]
            new = [vectors[r] for r in rows]
            story.members.extend(records[r] for r in rows)
            story.vectors.extend(new)
            story.total = add_vectors([story.total, *new])
            story.norm2 = float(np.dot(story.total[1], story.total[1]))  # exact, no drift
