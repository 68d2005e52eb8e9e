"""Word and character n-gram counts computed once per text for a whole comparison.

Cross-validating the word models refits a TF-IDF vectorizer on every training fold, for every
model and variant: on FA-KES, 84 refits, a third of ``framing compare``'s time, nearly all of it
re-extracting the same n-grams from the same texts. Inside ``shared_term_counts()`` each distinct
text is analysed once (per analyzer setting) and the counts are kept; a vectorizer fitted on a
fold then builds its count matrix from them. Only the analysis is shared: which terms a fold's
vocabulary keeps (``min_df``, ``max_df``, ``max_features``) and their IDF are still learned from
that fold's texts alone, by scikit-learn's own code, so the fitted vectorizer is the same as
without the cache (tests/compare/test_termcache.py checks it).
"""

from __future__ import annotations

from collections import Counter, OrderedDict
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from itertools import count
from typing import Any

import numpy as np
import scipy.sparse as sp

#: the vectorizer settings that decide what the analyzer returns for a text
ANALYSIS_PARAMS = (
    "input", "encoding", "decode_error", "strip_accents", "lowercase", "preprocessor",
    "tokenizer", "stop_words", "token_pattern", "ngram_range", "analyzer",
)

#: transformed matrices kept per analyzer: a fast comparison's 5 folds (training and test
#: texts) and the refit on every article, with room to spare; ``--thorough``'s repeated
#: fold draws evict theirs before the combined model comes back to them, which bounds memory
MAX_OUTPUTS = 24
_TOKENS = count()

_ACTIVE: ContextVar[dict[tuple, TermCounts] | None] = ContextVar("framing_term_counts", default=None)


class TermCounts:
    """For one analyzer: each text's n-gram ids and counts, and the terms the ids stand for."""

    def __init__(self, analyze: Callable[[str], list[str]]) -> None:
        self.analyze = analyze
        self.rows: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        #: term -> id, ids in insertion order (``terms`` lists them)
        self.term_id: dict[str, int] = {}
        self._terms: list[str] = []
        #: a vectorizer's fitted state per (settings, training texts): the word and combined
        #: models fit the same vocabulary on the same fold
        self.fitted: dict[tuple, dict[str, Any]] = {}
        #: matrices a fitted state (``fitted``'s token) gave for a list of texts: the word and
        #: combined models transform the same fold's texts with the same vocabulary, and a
        #: copy is cheaper than counting again; the oldest go first (MAX_OUTPUTS)
        self.outputs: OrderedDict[tuple, sp.csr_matrix] = OrderedDict()
        #: one numbering for every comparison, so a vectorizer fitted in an earlier one
        #: never finds another state's matrices under its old token
        self.tokens = _TOKENS

    def output(self, token: int, docs: list[str]) -> sp.csr_matrix | None:
        """A copy of what the state ``token`` gave for ``docs`` before, or None."""
        X = self.outputs.get((token, tuple(docs)))
        return None if X is None else X.copy()

    def keep_output(self, token: int, docs: list[str], X: Any) -> None:
        if not sp.issparse(X):
            return
        self.outputs[(token, tuple(docs))] = X.copy()
        while len(self.outputs) > MAX_OUTPUTS:
            self.outputs.popitem(last=False)

    @property
    def terms(self) -> list[str]:
        if len(self._terms) < len(self.term_id):
            self._terms.extend(list(self.term_id)[len(self._terms):])
        return self._terms

    def row(self, text: str) -> tuple[np.ndarray, np.ndarray]:
        got = self.rows.get(text)
        if got is None:
            counts = Counter(self.analyze(text))
            ids, add = self.term_id, self.term_id.setdefault
            got = (np.array([add(t, len(ids)) for t in counts], dtype=np.int64),
                   np.fromiter(counts.values(), dtype=np.int64, count=len(counts)))
            self.rows[text] = got
        return got

    def _sorted_rank(self) -> np.ndarray:
        """Each id's position in the terms' sorted order (as Python sorts strings)."""
        n = len(self.term_id)
        if getattr(self, "_rank_n", -1) != n:
            order = np.argsort(np.array(self.terms, dtype=object).astype(str), kind="stable")
            self._rank = np.empty(n, dtype=np.int64)
            self._rank[order] = np.arange(n)
            self._rank_n = n
        return self._rank

    def fit_matrix(self, docs: list[str], dtype: Any) -> tuple[np.ndarray, sp.csr_matrix]:
        """(terms present in ``docs``, sorted, and their counts matrix with columns in that
        order): what scikit-learn's counting and ``_sort_features`` produce, without a dict of
        every term (a fold's texts hold hundreds of thousands of n-grams)."""
        rows = [self.row(d) for d in docs]
        # the ids present, ascending: a count per id instead of np.unique's sort of every
        # n-gram occurrence of the fold (that sort was 8 of FA-KES's 77 comparison seconds)
        present = (np.flatnonzero(np.bincount(np.concatenate([r[0] for r in rows]),
                                              minlength=len(self.term_id)))
                   if rows else np.zeros(0, np.int64))
        present = present[np.argsort(self._sorted_rank()[present], kind="stable")]
        remap = np.full(len(self.term_id), -1, dtype=np.int64)
        remap[present] = np.arange(len(present))
        terms = np.array(self.terms, dtype=object)[present]
        return terms, self._assemble(rows, remap, len(present), dtype)

    def count_matrix(self, docs: list[str], vocabulary: dict[str, int], dtype: Any) -> sp.csr_matrix:
        """Counts of a fitted ``vocabulary``'s terms in ``docs`` (``_count_vocab`` with a fixed
        vocabulary)."""
        rows = [self.row(d) for d in docs]
        remap = np.full(len(self.term_id), -1, dtype=np.int64)
        for term, j in vocabulary.items():
            g = self.term_id.get(term)
            if g is not None:
                remap[g] = j
        return self._assemble(rows, remap, len(vocabulary), dtype)

    @staticmethod
    def _assemble(rows: list[tuple[np.ndarray, np.ndarray]], remap: np.ndarray, n_cols: int,
                  dtype: Any) -> sp.csr_matrix:
        indices, data, indptr = [], [], [0]
        for ids, counts in rows:
            cols = remap[ids]
            keep = cols >= 0
            indices.append(cols[keep])
            data.append(counts[keep])
            indptr.append(indptr[-1] + int(keep.sum()))
        X = sp.csr_matrix(
            (
                np.concatenate(data) if data else np.zeros(0),
                np.concatenate(indices) if indices else np.zeros(0, int),
                np.asarray(indptr, dtype=np.int64),
            ),
            shape=(len(rows), n_cols),
            dtype=dtype,
        )
        X.sort_indices()
        return X


@contextmanager
def shared_term_counts() -> Iterator[None]:
    """Within this block, vectorizers that support it (``TermTfidf``) share n-gram counts."""
    token = _ACTIVE.set({})
    try:
        yield
    finally:
        _ACTIVE.reset(token)


def counts_for(vectorizer: Any) -> TermCounts | None:
    """The shared counts for this vectorizer's analyzer settings, or None outside
    ``shared_term_counts()`` or when the analyzer is a callable that cannot be keyed safely."""
    store = _ACTIVE.get()
    if store is None:
        return None
    params = vectorizer.get_params(deep=False)
    key = tuple((k, params.get(k)) for k in ANALYSIS_PARAMS)
    if any(callable(v) for _, v in key):
        return None
    if key not in store:
        store[key] = TermCounts(vectorizer.build_analyzer())
    return store[key]
