"""Choosing a model's settings for outlets it has not seen: inner folds that hold outlets out.

The word model's settings (case kept, punctuation tokens, character n-grams) were chosen to
recognise FA-KES's outlets, which a model can do by their house style. Predicting a label
(lean, rating) for an outlet never seen is another task, and house style then misleads: on
AllSides-style data the toolkit's words scored 0.448 on unseen outlets where lower-cased words
scored 0.589. So when whole outlets are held out, the settings are chosen per training fold by
inner folds that hold out whole training outlets too (``OutletFolds``, at most 3), scored by macro-F1
over the pooled inner predictions (``PooledCVChoice``): an inner fold that holds out one
outlet has one label, and a per-fold macro-F1 would average one-class scores.
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator
from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, ClassifierMixin, clone
from sklearn.metrics import f1_score
from sklearn.model_selection import BaseCrossValidator


class OutletFolds(BaseCrossValidator):
    """Folds that hold whole groups (outlets) out: each group alone when there are at most
    ``max_splits``, else ``max_splits`` folds of groups (dealt largest first, so folds are of
    similar size). A fold whose training part lacks a label that its test part has is
    skipped: that label cannot be learned without it."""

    def __init__(self, max_splits: int = 3) -> None:
        self.max_splits = max_splits

    def _iter_test_masks(self, X: Any = None, y: Any = None, groups: Any = None) -> Iterator[np.ndarray]:
        for _, test in self.split(X, y, groups):
            mask = np.zeros(len(y), dtype=bool)
            mask[test] = True
            yield mask

    def split(self, X: Any, y: Any = None, groups: Any = None) -> Iterator[tuple[np.ndarray, np.ndarray]]:
        y = np.asarray(y)
        groups = np.asarray(groups)
        names, sizes = np.unique(groups, return_counts=True)
        k = min(self.max_splits, len(names))
        fold_of = {g: i % k for i, g in enumerate(names[np.argsort(-sizes, kind="stable")])}
        folds = np.array([fold_of[g] for g in groups])
        for f in range(k):
            test = np.flatnonzero(folds == f)
            train = np.flatnonzero(folds != f)
            if set(y[test]) <= set(y[train]) and len(np.unique(y[train])) > 1:
                yield train, test

    def get_n_splits(self, X: Any = None, y: Any = None, groups: Any = None) -> int:
        return sum(1 for _ in self.split(X, y, groups))


class PooledCVChoice(ClassifierMixin, BaseEstimator):
    """Fit ``estimator`` with the candidate settings (``candidates``: a list of
    ``set_params`` dicts) that score best under ``OutletFolds`` on the data it is fitted on,
    by macro-F1 of the pooled out-of-fold predictions; then refit it with them on all of it.
    Exposes ``best_params_`` and ``best_estimator_`` like ``GridSearchCV``. With fewer than two
    usable inner folds the first candidate (the default) is kept."""

    def __init__(self, estimator: Any, candidates: list[dict[str, Any]]) -> None:
        self.estimator = estimator
        self.candidates = candidates

    def fit(self, X: Any, y: Any, groups: Any = None, **fit_params: Any) -> PooledCVChoice:
        y = np.asarray(y)
        groups = np.arange(len(y)) if groups is None else np.asarray(groups)
        splits = list(OutletFolds().split(X, y, groups))
        self.scores_: list[float] = []
        best = 0
        if len(splits) >= 2 and len(self.candidates) > 1:
            for params in self.candidates:
                self.scores_.append(self._pooled_score(params, X, y, splits, fit_params))
            best = int(np.argmax(self.scores_))
        self.best_index_ = best
        self.best_params_ = dict(self.candidates[best])
        self.best_estimator_ = clone(self.estimator).set_params(**self.best_params_)
        self.best_estimator_.fit(X, y, **fit_params)
        self.classes_ = self.best_estimator_.classes_
        return self

    def _pooled_score(
        self, params: dict[str, Any], X: Any, y: np.ndarray, splits: list, fit_params: dict
    ) -> float:
        pred = np.empty(len(y), dtype=object)
        tested = np.zeros(len(y), dtype=bool)
        for train, test in splits:
            m = clone(self.estimator).set_params(**params)
            fp = {k: (np.asarray(v)[train] if np.ndim(v) else v) for k, v in fit_params.items()}
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                m.fit(X.iloc[train] if hasattr(X, "iloc") else X[train], y[train], **fp)
            pred[test] = m.predict(X.iloc[test] if hasattr(X, "iloc") else X[test])
            tested[test] = True
        return float(f1_score(y[tested], pred[tested].astype(y.dtype), average="macro"))

    def predict(self, X: Any) -> np.ndarray:
        return self.best_estimator_.predict(X)

    def decision_function(self, X: Any) -> np.ndarray:
        return self.best_estimator_.decision_function(X)
