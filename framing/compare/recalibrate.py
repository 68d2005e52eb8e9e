"""``RecalibratedSVC``: a linear SVM whose per-class scores are re-weighed on held-out data."""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import StratifiedGroupKFold, StratifiedKFold, cross_val_predict
from sklearn.svm import LinearSVC

from framing.compare.neardup import similar_row_groups

#: Rows at least this cosine-similar on the word model's features share an inner fold in
#: ``RecalibratedSVC``. On FA-KES every pair that MinHash (Jaccard >= 0.3 on word 5-shingles)
#: calls near-duplicate is above 0.6, and 21 of 323,000 other pairs are.
RECAL_DUP_COSINE = 0.6


def _inner_splits(X: Any, y: np.ndarray, k: int, threshold: float | None) -> list[tuple[Any, Any]]:
    """Stratified folds over groups of near-identical rows; plain stratified folds when the
    grouping would leave an outlet out of a training fold (its articles are all one story), or
    when ``threshold`` is None (the fast default: grouping costs a cosine matrix per fit)."""
    if threshold is None:
        return list(StratifiedKFold(k, shuffle=True, random_state=0).split(X, y))
    groups = similar_row_groups(X, threshold)
    n_classes = len(np.unique(y))
    if len(np.unique(groups)) >= k:
        cv = StratifiedGroupKFold(k, shuffle=True, random_state=0)
        splits = list(cv.split(X, y, groups))
        if all(len(np.unique(y[train])) == n_classes for train, _ in splits):
            return splits
    return list(StratifiedKFold(k, shuffle=True, random_state=0).split(X, y))


class RecalibratedSVC(LinearSVC):
    """A linear SVM whose per-outlet scores are re-weighed on held-out data before the argmax.

    On its own training articles an SVM separates most outlets with margin to spare, so the
    raw one-vs-rest scores of a 5-article outlet and a 150-article one are not on one scale
    and the argmax favours the large outlets. ``fit`` also takes out-of-fold decision values
    on the training data (``recal_folds`` folds, grouped as below) and fits a class-balanced
    logistic regression on them (15 x 15 weights for 15 outlets: it learns each outlet's offset and
    which outlets' scores speak for which). Scoring applies it to the full SVM's values.
    ``coef_`` stays the SVM's, so word weights still explain the model.
    Hand-written because ``StackingClassifier`` hides the base estimator's ``coef_``; on
    FA-KES (stripped text, 3 fold draws) the word model goes from 0.590 to 0.622 macro-F1.
    ``recal_tol`` (None: ``tol``) stops the inner folds' SVMs earlier: their values only
    train the re-weighing. The inner folds keep near-identical rows together (cosine >=
    ``recal_dup_cosine`` on the model's own features), as the outer folds keep near
    duplicates: a republished story on both sides would make the held-out scores look surer
    than they are.
    """

    #: models saved before ``recal_tol`` existed load without it
    recal_tol: float | None = None

    def __init__(
        self,
        C: float = 0.5,
        class_weight: Any = "balanced",
        random_state: int | None = None,
        max_iter: int = 1000,
        recal_folds: int = 3,
        recal_C: float = 1.0,
        recal_dup_cosine: float | None = RECAL_DUP_COSINE,
        tol: float = 1e-4,
        recal_tol: float | None = None,
    ) -> None:
        super().__init__(C=C, class_weight=class_weight, random_state=random_state,
                         max_iter=max_iter, tol=tol)
        self.recal_folds = recal_folds
        self.recal_C = recal_C
        self.recal_dup_cosine = recal_dup_cosine
        self.recal_tol = recal_tol

    def fit(self, X: Any, y: Any, sample_weight: Any = None,
            held_out_scores: Any = None) -> RecalibratedSVC:
        """Fit the SVM, then the re-weighing. ``held_out_scores`` (rows x classes, raw
        one-vs-rest SVM values from models that did not see each row, as the outer folds of
        a comparison give for every article) replaces the inner folds: the same kind of
        held-out values, without ``recal_folds`` more SVM fits."""
        super().fit(X, y, sample_weight=sample_weight)
        y = np.asarray(y)
        _, counts = np.unique(y, return_counts=True)
        k = int(min(self.recal_folds, counts.min()))
        self.recal_: LogisticRegression | None = None
        if len(counts) <= 2:  # a binary SVM's one score needs no re-weighing
            return self
        if held_out_scores is not None:
            held_out = np.asarray(held_out_scores, dtype=float)
            if held_out.shape != (len(y), len(counts)):
                raise ValueError(f"held_out_scores must be {len(y)} x {len(counts)}, "
                                 f"got {held_out.shape}")
        elif k >= 2:
            plain = LinearSVC(C=self.C, class_weight=self.class_weight,
                              random_state=self.random_state, max_iter=self.max_iter,
                              tol=self.tol if self.recal_tol is None else self.recal_tol)
            weights = None if sample_weight is None else {"sample_weight": sample_weight}
            held_out = cross_val_predict(
                plain, X, y, cv=_inner_splits(X, y, k, self.recal_dup_cosine),
                method="decision_function", params=weights,
            )
        else:
            return self
        self.recal_ = LogisticRegression(
            C=self.recal_C, class_weight="balanced", max_iter=2000
        ).fit(held_out, y, sample_weight=sample_weight)
        return self

    def svm_decision_function(self, X: Any) -> np.ndarray:
        """The SVM's own one-vs-rest values, before the re-weighing."""
        return super().decision_function(X)

    def decision_function(self, X: Any) -> np.ndarray:
        d = super().decision_function(X)
        # (the inherited ``predict`` takes the argmax of this, so it needs no override)
        return d if self.recal_ is None else self.recal_.decision_function(d)
