"""The feature steps of the comparison models: scikit-learn transformers with one job each.

``TermTfidf`` (a TF-IDF that saves compactly), ``MentionShrinkage`` (per-mention ratios
smoothed toward the pooled ratio), ``MinSupport`` (drop columns seen in too few articles),
``NormalQuantiles`` (a rank map to a normal shape, at matrix speed) and ``BlockWeight``
(scale the framing block against the words).
"""

from __future__ import annotations

import re
from typing import Any

import numpy as np
import scipy.sparse as sp
from scipy.special import ndtri
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import SelectorMixin
from sklearn.preprocessing import QuantileTransformer
from sklearn.utils.validation import check_is_fitted, validate_data

from framing.compare.termcache import counts_for


class TermTfidf(TfidfVectorizer):
    """``TfidfVectorizer`` that saves its vocabulary as one string array.

    skops writes a dict entry by entry, so a 40k-term ``vocabulary_`` made a 40 MB, minute-long
    save; one array of terms (ordered by column) is a single .npy inside the file.
    """

    def _count_vocab(self, raw_documents: Any, fixed_vocab: bool) -> tuple[dict[str, int], Any]:
        # Inside ``shared_term_counts()`` (a comparison), each text is analysed once for all
        # folds and models. A fit's terms then come back sorted, and ``_sort_features`` and
        # ``_limit_features`` below do scikit-learn's sorting and pruning on arrays instead of
        # on a dict of every n-gram of the fold; the result is the same (test_termcache.py).
        self._presorted_terms = None
        counts = counts_for(self)
        docs = list(raw_documents)
        if counts is None or any(not isinstance(d, str) for d in docs):  # bytes, files
            return super()._count_vocab(docs, fixed_vocab)
        if fixed_vocab:
            return self.vocabulary_, counts.count_matrix(docs, self.vocabulary_, self.dtype)
        terms, X = counts.fit_matrix(docs, self.dtype)
        if not len(terms):
            raise ValueError("empty vocabulary; perhaps the documents only contain stop words")
        self._presorted_terms = terms
        return {}, X

    def _sort_features(self, X: Any, vocabulary: dict[str, int]) -> Any:
        if getattr(self, "_presorted_terms", None) is None:
            return super()._sort_features(X, vocabulary)
        return X  # the columns are already in the terms' sorted order

    def _limit_features(self, X: Any, vocabulary: dict[str, int], high: Any = None,
                        low: Any = None, limit: Any = None) -> Any:
        terms = getattr(self, "_presorted_terms", None)
        if terms is None:
            return super()._limit_features(X, vocabulary, high, low, limit)
        self._presorted_terms = None
        # scikit-learn's rule, on arrays: document frequency within [low, high], then the
        # ``limit`` most frequent terms by total count (same argsort, same ties)
        dfs = np.bincount(X.indices, minlength=X.shape[1])
        mask = np.ones(len(dfs), dtype=bool)
        if high is not None:
            mask &= dfs <= high
        if low is not None:
            mask &= dfs >= low
        if limit is not None and mask.sum() > limit:
            tfs = np.asarray(X.sum(axis=0)).ravel()
            mask_inds = (-tfs[mask]).argsort()[:limit]
            new_mask = np.zeros(len(dfs), dtype=bool)
            new_mask[np.where(mask)[0][mask_inds]] = True
            mask = new_mask
        kept = np.where(mask)[0]
        if len(kept) == 0:
            raise ValueError("After pruning, no terms remain. Try a lower min_df or a higher max_df.")
        vocabulary.clear()
        vocabulary.update(zip(terms[kept].tolist(), range(len(kept)), strict=True))
        return X[:, kept]

    #: what a fit learns, restored from ``TermCounts.fitted`` when another model fitted the
    #: same settings on the same texts (the word and combined models, fold by fold)
    _FITTED = ("vocabulary_", "fixed_vocabulary_", "_tfidf", "stop_words_")

    def _memo_key(self, docs: list[str]) -> tuple | None:
        counts = counts_for(self)
        if counts is None or any(not isinstance(d, str) for d in docs):
            return None
        return (tuple(sorted(self.get_params(deep=False).items(), key=lambda kv: kv[0])),
                tuple(docs))

    def fit(self, raw_documents: Any, y: Any = None) -> TermTfidf:
        self.fit_transform(raw_documents)
        return self

    def fit_transform(self, raw_documents: Any, y: Any = None) -> Any:
        docs = list(raw_documents)
        self._memo_token = None
        key = self._memo_key(docs)
        counts = counts_for(self) if key is not None else None
        if counts is not None and key in counts.fitted:
            state = counts.fitted[key]
            for name, value in state.items():
                if name != "token":
                    setattr(self, name, value)
            self._memo_token = state["token"]
            return self.transform(docs)
        X = super().fit_transform(docs)
        if counts is not None:
            state = {n: getattr(self, n) for n in self._FITTED if hasattr(self, n)}
            state["token"] = self._memo_token = next(counts.tokens)
            counts.fitted[key] = state
            counts.keep_output(self._memo_token, docs, X)
        return X

    def transform(self, raw_documents: Any) -> Any:
        # a state restored from (or stored in) the shared counts: the same texts give the same
        # matrix, which the other model of the fold has usually asked for already
        token = getattr(self, "_memo_token", None)
        counts = counts_for(self) if token is not None else None
        if counts is None:
            return super().transform(raw_documents)
        docs = list(raw_documents)
        if any(not isinstance(d, str) for d in docs):
            return super().transform(docs)
        X = counts.output(token, docs)
        if X is None:
            X = super().transform(docs)
            counts.keep_output(token, docs, X)
        return X

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())  # a copy: Python 3.11 hands back __dict__ itself
        vocab = state.pop("vocabulary_", None)
        if vocab is not None:
            terms = np.empty(len(vocab), dtype=object)
            for term, i in vocab.items():
                terms[int(i)] = term
            state["vocabulary_terms_"] = terms.astype(str)
        state.pop("stop_words_", None)  # sklearn: only for introspection, safe to drop
        state.pop("_memo_token", None)  # names a comparison's shared counts, gone after it
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        terms = state.pop("vocabulary_terms_", None)
        if terms is not None:
            state["vocabulary_"] = {str(t): i for i, t in enumerate(terms)}
        super().__setstate__(state)


#: per-mention ratios of the loaded-term family and the count they are a share of:
#: ``loaded__naming__<referent>__<name>``, ``loaded__labelled__<referent>`` and
#: ``loaded__connotation__<referent>`` over ``loaded__mentions__<referent>``
_PER_MENTION = re.compile(r"^loaded__(?:naming|labelled|connotation)__([a-z0-9_]+?)(?:__.+)?$")


class MentionShrinkage(OneToOneFeatureMixin, TransformerMixin, BaseEstimator):
    """Shrink each article's per-mention ratios toward the training articles' pooled ratio.

    An article that names the Islamic State once, as "Daesh", has a 100% Daesh share, the
    same as one that says "Daesh" twenty times; one that never names the group has 0%, the
    same as one that always says "ISIS". Empirical-Bayes smoothing, (count + s * prior) /
    (mentions + s), treats ``strength`` as that many pseudo-mentions at the pooled share, so a
    ratio speaks in proportion to the mentions behind it and an unmentioned referent sits at
    the prior instead of at 0. The prior is learned in ``fit`` (training articles only).
    Hand-written: no library smooths ratios against a count column. Columns without a
    ``loaded__mentions__<referent>`` partner pass through unchanged.
    """

    def __init__(self, strength: float = 2.0):
        self.strength = strength

    def fit(self, X: Any, y: Any = None) -> MentionShrinkage:
        A = validate_data(self, X, ensure_all_finite="allow-nan", dtype=np.float64)
        names = [str(c) for c in getattr(self, "feature_names_in_", [])]
        where = {c: i for i, c in enumerate(names)}
        ratio, mention = [], []
        for i, c in enumerate(names):
            m = _PER_MENTION.match(c)
            j = where.get(f"loaded__mentions__{m.group(1)}") if m else None
            if j is not None:
                ratio.append(i)
                mention.append(j)
        self.ratio_idx_ = np.array(ratio, dtype=int)
        self.mention_idx_ = np.array(mention, dtype=int)
        if len(ratio):
            r, n = np.nan_to_num(A[:, ratio]), np.nan_to_num(A[:, mention])
            total = n.sum(axis=0)
            self.prior_ = np.divide((r * n).sum(axis=0), total, out=np.zeros(len(ratio)),
                                    where=total > 0)
        else:
            self.prior_ = np.zeros(0)
        return self

    def transform(self, X: Any) -> np.ndarray:
        check_is_fitted(self, "prior_")
        A = validate_data(self, X, ensure_all_finite="allow-nan", dtype=np.float64, reset=False,
                          copy=True)
        if len(self.ratio_idx_):
            r = np.nan_to_num(A[:, self.ratio_idx_])
            n = np.nan_to_num(A[:, self.mention_idx_])
            A[:, self.ratio_idx_] = (r * n + self.strength * self.prior_) / (n + self.strength)
        return A

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        return tags


class MinSupport(SelectorMixin, BaseEstimator):
    """Keep the columns that are non-zero in at least ``min_share`` of the training rows.

    Most framing columns count one naming choice that occurs in a handful of articles; after
    rank-normalising and scaling, each such column weighs as much as a common one and adds
    mostly noise. Hand-written because ``VarianceThreshold`` is scale-dependent: a rate that
    lives in [0, 0.01] has a tiny variance however often it occurs.
    """

    def __init__(self, min_share: float = 0.0):
        self.min_share = min_share

    def fit(self, X: Any, y: Any = None) -> MinSupport:
        X = validate_data(self, X, ensure_all_finite="allow-nan", dtype=np.float64)
        share = np.mean((X != 0) & ~np.isnan(X), axis=0)
        keep = share >= self.min_share
        if not keep.any():  # never hand an empty matrix to the classifier
            keep[int(np.argmax(share))] = True
        self.support_share_ = share
        self.mask_ = keep
        return self

    def _get_support_mask(self) -> np.ndarray:
        check_is_fitted(self, "mask_")
        return self.mask_

    def __sklearn_tags__(self) -> Any:
        tags = super().__sklearn_tags__()
        tags.input_tags.allow_nan = True
        return tags


#: scikit-learn's margin (``sklearn.preprocessing._data.BOUNDS_THRESHOLD``): a value this close
#: to a column's lowest or highest training quantile maps to that end of the distribution
_BOUNDS = 1e-7


class NormalQuantiles(QuantileTransformer):
    """``QuantileTransformer(output_distribution="normal")``, the same numbers, faster.

    scikit-learn maps each column through ``scipy.stats.norm.ppf`` three times (the values and
    two clip bounds), and each call costs about a tenth of a millisecond of argument checks:
    with ~1,000 framing columns, transformed for every fold, model and refit, that was about a
    tenth of ``framing compare`` on FA-KES. Here the per-column loop only interpolates, and the
    normal quantile function (``scipy.special.ndtri``, which ``norm.ppf`` calls) runs once over
    the whole matrix. Written out because scikit-learn offers no vectorised path; the inverse
    and sparse input keep scikit-learn's code. tests/compare/test_transformers.py checks the
    output equals ``QuantileTransformer``'s.
    """

    def __init__(self, n_quantiles: int = 1000, output_distribution: str = "normal",
                 ignore_implicit_zeros: bool = False, subsample: int = 10_000,
                 random_state: Any = None, copy: bool = True) -> None:
        super().__init__(n_quantiles=n_quantiles, output_distribution=output_distribution,
                         ignore_implicit_zeros=ignore_implicit_zeros, subsample=subsample,
                         random_state=random_state, copy=copy)

    def _transform(self, X: Any, inverse: bool = False) -> Any:
        if inverse or self.output_distribution != "normal" or sp.issparse(X):
            return super()._transform(X, inverse)
        refs = self.references_
        for j in range(X.shape[1]):
            col, q = X[:, j], self.quantiles_[:, j]
            with np.errstate(invalid="ignore"):  # NaN stays NaN
                low, high = col - _BOUNDS < q[0], col + _BOUNDS > q[-1]
            ok = ~np.isnan(col)
            v = col[ok]
            # both directions, averaged: a run of equal quantiles (many zeros) maps to the
            # middle of its run, not to one end of it
            col[ok] = 0.5 * (np.interp(v, q, refs) - np.interp(-v, -q[::-1], -refs[::-1]))
            col[high] = 1.0
            col[low] = 0.0
            X[:, j] = col
        lo, hi = ndtri(_BOUNDS - np.spacing(1)), ndtri(1 - (_BOUNDS - np.spacing(1)))
        return np.clip(ndtri(X), lo, hi)


class BlockWeight(TransformerMixin, BaseEstimator):
    """Multiply the first ``n_first`` columns (the framing block) by ``weight``.

    A separate step, not ``ColumnTransformer.transformer_weights``, so an inner search over the
    weight reuses the fitted features instead of re-learning TF-IDF for every candidate.
    """

    def __init__(self, n_first: int = 0, weight: float = 1.0):
        self.n_first = n_first
        self.weight = weight

    def fit(self, X: Any, y: Any = None) -> BlockWeight:
        self.n_features_in_ = X.shape[1]
        return self

    def transform(self, X: Any) -> Any:
        scale = np.ones(X.shape[1])
        scale[: self.n_first] = self.weight
        if sp.issparse(X):
            return sp.csr_matrix(X) @ sp.diags(scale)
        return np.asarray(X) * scale
