"""Pass one: how often each 1-3 gram occurs in each group, counted in chunks.

Memory is bounded by the vocabulary, never by the corpus: only the counts are kept, and
when the table grows past ``max_terms`` n-grams the rarest are dropped (lossy counting,
Manku and Motwani 2002). A dropped n-gram that comes back starts again from zero, so any
count can be low by at most ``undercount_bound`` (the sum of the thresholds used); an
n-gram that rare overall cannot reach the top of a ranking, which rewards frequency.
"""

from __future__ import annotations

import hashlib
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from framing.discover.tokens import Grams, Vocabulary, grams, grams_of_ids, order_of

#: prune the table back to half this many n-grams when it grows past it
DEFAULT_MAX_TERMS = 2_000_000


def article_parts(chunk: pd.DataFrame) -> list[tuple[str, str]]:
    """(headline, body) of each article; the headline is "" when there is none or the body
    already opens with it (text files and PolNeAR keep the headline as the first line)."""
    bodies = ["" if t is None or t != t else str(t) for t in chunk["text"]]
    if "title" not in chunk.columns:
        return [("", b) for b in bodies]
    out = []
    for title, body in zip(chunk["title"], bodies, strict=True):
        title = "" if title is None or title != title else str(title).strip()
        out.append((title if title and not body.lstrip().startswith(title[:60]) else "", body))
    return out


def joined(title: str, body: str) -> str:
    """What is counted: the headline, a line break (a boundary), the body."""
    return f"{title}\n{body}" if title else body


def hash_update(h: hashlib._Hash, chunk: pd.DataFrame) -> None:
    """Feed a chunk to a running sha256 with :func:`framing.io.corpus_hash`'s definition
    (ids and texts), so a streamed corpus gets the hash a loaded one would."""
    for i, t in zip(chunk["id"], chunk["text"], strict=True):
        h.update(str(i).encode("utf-8", "surrogatepass"))
        h.update(b"\0")
        h.update(str(t).encode("utf-8", "surrogatepass"))
        h.update(b"\1")


@dataclass
class NgramCounts:
    """Counts of every kept n-gram (``codes``, sorted) per group (columns of ``counts``)."""

    vocab: Vocabulary = field(default_factory=Vocabulary)
    max_terms: int = DEFAULT_MAX_TERMS
    groups: list[str] = field(default_factory=list)
    codes: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    counts: np.ndarray = field(default_factory=lambda: np.zeros((0, 0), dtype=np.int64))
    #: all n-grams counted (pruned ones too) per order (rows 1..3) and group
    totals: np.ndarray = field(default_factory=lambda: np.zeros((4, 0), dtype=np.int64))
    articles: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: uses of every word id, stop words included (context words for naming variants)
    word_counts: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    undercount_bound: int = 0
    prunes: int = 0

    def group_index(self, labels: Sequence[str]) -> np.ndarray:
        """Column of each label, adding columns for groups not seen before."""
        idx = []
        for g in labels:
            if g not in self._index:
                self._index[g] = len(self.groups)
                self.groups.append(g)
            idx.append(self._index[g])
        grow = len(self.groups) - self.counts.shape[1]
        if grow:
            self.counts = np.pad(self.counts, ((0, 0), (0, grow)))
            self.totals = np.pad(self.totals, ((0, 0), (0, grow)))
            self.articles = np.pad(self.articles, (0, grow))
        return np.asarray(idx, dtype=np.int64)

    def __post_init__(self) -> None:
        self._index: dict[str, int] = {g: i for i, g in enumerate(self.groups)}

    def add(self, texts: Sequence[str], labels: Sequence[str]) -> Grams:
        """Count the n-grams of some articles, each in the group named by its label."""
        gidx = self.group_index(labels)
        np.add.at(self.articles, gidx, 1)
        g = grams(self.vocab, texts)
        seen = np.bincount(g.ids, minlength=len(self.vocab))
        seen[: len(self.word_counts)] += self.word_counts
        self.word_counts = seen
        art = g.article_of(g.starts)
        grp = gidx[art]
        self._merge(g.codes, grp, g.orders)
        return g

    def _merge(self, codes: np.ndarray, grp: np.ndarray, orders: np.ndarray) -> None:
        n_groups = len(self.groups)
        np.add.at(self.totals, (orders.astype(np.int64), grp), 1)
        parts = []
        for gi in np.unique(grp):
            u, c = np.unique(codes[grp == gi], return_counts=True)
            parts.append((int(gi), u, c))
        new = np.unique(np.concatenate([self.codes, *[u for _, u, _ in parts]]))
        table = np.zeros((len(new), n_groups), dtype=np.int64)
        if len(self.codes):
            table[np.searchsorted(new, self.codes)] = self.counts
        for gi, u, c in parts:
            table[np.searchsorted(new, u), gi] += c
        self.codes, self.counts = new, table
        if len(self.codes) > self.max_terms:
            self._prune()

    def _prune(self) -> None:
        """Drop the rarest n-grams until half of ``max_terms`` are left."""
        total = self.counts.sum(axis=1)
        keep_n = self.max_terms // 2
        threshold = int(np.partition(total, len(total) - keep_n - 1)[len(total) - keep_n - 1])
        keep = total > threshold
        self.codes, self.counts = self.codes[keep], self.counts[keep]
        self.undercount_bound += threshold
        self.prunes += 1

    @property
    def orders(self) -> np.ndarray:
        return order_of(self.codes)

    def frequent_words(self, n: int) -> np.ndarray:
        """Word ids of the ``n`` most frequent words, stop words included (context words for
        naming variants: "the X said" and "X fighters" say what X is)."""
        freq = self.word_counts.copy()
        freq[0] = 0
        return np.sort(np.argsort(-freq, kind="stable")[:n])

    def terms(self, codes: np.ndarray | None = None) -> list[str]:
        return [self.vocab.term(c) for c in (self.codes if codes is None else codes)]


class TokenCache:
    """Pass one's word ids on disk, one file per chunk, so pass two reads them back instead of
    tokenising every article again (a third of the run); memory stays one chunk's worth."""

    def __init__(self) -> None:
        self._dir = tempfile.TemporaryDirectory(prefix="framing-suggest-")
        self._n = 0

    def put(self, g: Grams) -> None:
        np.savez(f"{self._dir.name}/{self._n}.npz", ids=g.ids.astype(np.int32), offsets=g.offsets)
        self._n += 1

    def get(self, i: int, vocab: Vocabulary, n_articles: int) -> Grams | None:
        """Chunk ``i``'s grams, or None when it is not cached for that many articles."""
        if i >= self._n:
            return None
        with np.load(f"{self._dir.name}/{i}.npz") as f:
            ids, offsets = f["ids"].astype(np.int64), f["offsets"]
        return grams_of_ids(vocab, ids, offsets) if len(offsets) == n_articles else None

    def close(self) -> None:
        self._dir.cleanup()


def rows_of(codes: np.ndarray, wanted: np.ndarray) -> np.ndarray:
    """Rows of ``codes`` (sorted) holding the ``wanted`` codes that are there."""
    if not len(wanted) or not len(codes):
        return np.zeros(0, dtype=np.int64)
    pos = np.minimum(np.searchsorted(codes, wanted), len(codes) - 1)
    return pos[codes[pos] == wanted]


def background_counts(path: str | Path, counts: NgramCounts) -> tuple[np.ndarray, dict[int, float]]:
    """A background table's count of each counted n-gram (aligned with ``counts.codes``) and
    its total per order, for a prior taken from another corpus."""
    from framing.discover.draft import read_counts

    values = np.zeros(len(counts.codes))
    totals: dict[int, float] = {}
    for term, n in read_counts(path).items():
        code = counts.vocab.code(term)
        if code is None:
            continue
        k = len(term.split())
        totals[k] = totals.get(k, 0.0) + n
        i = rows_of(counts.codes, np.array([code], dtype=np.int64))
        if len(i):
            values[i[0]] = n
    return values, totals
