"""Grouped cross-validation: which folds the scores come from, and out-of-fold predictions.

Two kinds of folds. ``make_cv``: stratified folds over near-duplicate groups, so a republished
story never sits on both sides (the outlets in the test fold were seen in training: this scores
how well a model recognises outlets it knows). ``outlet_cv``: whole outlets held out (leave one
outlet out, given test outlets, or grouped folds over many outlets), near duplicates of a test
article purged from training: this scores a label (lean, rating) on outlets never seen.
"""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.frozen import FrozenEstimator
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline

from framing.compare.models import chosen_params, class_scores, final_pipeline, fit_model
from framing.errors import FramingError


@dataclass(frozen=True)
class CVPlan:
    """Which folds the scores come from, recorded in summary.json's ``cv``."""

    splits: list[tuple[np.ndarray, np.ndarray]]
    method: str
    n_splits: int
    n_groups: int
    #: what a tuned model's inner folds group by: near-duplicate groups, or outlets when whole
    #: outlets are held out (so inner choices, too, are made for outlets not seen)
    groups: np.ndarray | None = None
    held_out: list[list[str]] | None = None
    purged: int = 0

    @property
    def tested(self) -> np.ndarray:
        """Rows that some fold scores (all rows, except with given test outlets)."""
        return np.unique(np.concatenate([te for _, te in self.splits]))

    def describe(self) -> dict[str, Any]:
        out: dict[str, Any] = {"method": self.method, "n_splits": self.n_splits,
                               "n_groups": self.n_groups}
        if self.held_out is not None:
            out["held_out_outlets"] = self.held_out
            out["purged_near_duplicates"] = self.purged
        return out


def make_cv(y: Any, groups: Any, n_splits: int = 5, seed: int = 0) -> CVPlan:
    """Stratified folds that keep every near-duplicate group on one side of each split."""
    y = np.asarray(y)
    groups = np.asarray(groups)
    n_groups = len(np.unique(groups))
    _, counts = np.unique(y, return_counts=True)
    k = int(min(n_splits, n_groups, max(2, counts.max())))
    if k < 2:
        raise FramingError("need at least two groups to cross-validate")
    cv = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # classes smaller than k: reported, not fatal
        splits = [(tr, te) for tr, te in cv.split(np.zeros(len(y)), y, groups)]
    # a classifier cannot learn from one class: say why, instead of the solver's traceback
    lone = [str(y[tr][0]) for tr, _ in splits if len(np.unique(y[tr])) < 2]
    if lone:
        raise FramingError(
            f"cannot cross-validate: a training fold holds only {lone[0]!r} articles "
            f"({n_groups} distinct stories once near duplicates are grouped); "
            "add articles, or raise the near-duplicate threshold"
        )
    return CVPlan(
        splits=splits, method="StratifiedGroupKFold", n_splits=k, n_groups=n_groups, groups=groups
    )


#: Up to this many outlets, ``outlet_cv`` leaves one out at a time; beyond, grouped k folds.
MAX_LEAVE_ONE_OUT = 20


def outlet_cv(
    y: Any, outlets: Any, dup_groups: Any, test_outlets: list[str] | None = None,
    n_splits: int = 5, seed: int = 0,
) -> CVPlan:
    """Folds that hold whole outlets out: ``test_outlets`` (one split), else each outlet in
    turn (up to MAX_LEAVE_ONE_OUT outlets), else stratified folds over outlets. A training
    article that is a near duplicate of a test article (wire copy two outlets both ran) is
    purged from that fold's training data."""
    y = np.asarray(y).astype(str)
    outlets = np.asarray(outlets).astype(str)
    dup_groups = np.asarray(dup_groups)
    names = np.unique(outlets)
    by_label = pd.Series(outlets).groupby(y).nunique()
    lone = sorted(by_label[by_label < 2].index)
    if test_outlets is None and lone:
        raise FramingError(
            "holding whole outlets out needs two or more outlets for each label; "
            + ", ".join(f"{str(v)!r} has only {str(sorted(set(outlets[y == v]))[0])!r}"
                        for v in lone[:3])
        )
    if test_outlets is not None:
        unknown = sorted(set(test_outlets) - set(names))
        if unknown:
            raise FramingError(f"test outlets not in the data: {', '.join(unknown[:5])}")
        test = np.isin(outlets, list(test_outlets))
        if test.all():
            raise FramingError("every outlet is a test outlet: nothing is left to train on")
        raw = [(np.flatnonzero(~test), np.flatnonzero(test))]
        method = "given test outlets"
    elif len(names) <= MAX_LEAVE_ONE_OUT:
        raw = [(np.flatnonzero(outlets != o), np.flatnonzero(outlets == o)) for o in names]
        method = "LeaveOneGroupOut over outlets"
    else:
        cv = StratifiedGroupKFold(n_splits=min(n_splits, len(names)), shuffle=True,
                                  random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            raw = list(cv.split(np.zeros(len(y)), y, outlets))
        method = "StratifiedGroupKFold over outlets"
    splits, purged = [], 0
    for tr, te in raw:
        dup = np.isin(dup_groups[tr], dup_groups[te])
        purged += int(dup.sum())
        tr = tr[~dup]
        missing = sorted(set(y[te]) - set(y[tr]))
        if missing:
            raise FramingError(
                f"no training outlet carries the label {str(missing[0])!r} when "
                f"{', '.join(sorted(set(outlets[te])))} is held out"
            )
        splits.append((tr, te))
    codes = np.unique(outlets, return_inverse=True)[1]
    return CVPlan(
        splits=splits, method=method, n_splits=len(splits), n_groups=len(names), groups=codes,
        held_out=[sorted(set(outlets[te])) for _, te in splits], purged=purged,
    )


def _framing_block_key(model: Any, train: np.ndarray) -> tuple | None:
    """What decides a fitted framing block: its settings, its columns and the training rows
    (None when ``model`` has no framing block to share)."""
    if not isinstance(model, Pipeline) or "features" not in model.named_steps:
        return None
    for name, block, cols in model.named_steps["features"].transformers:
        if name == "framing" and not isinstance(block, FrozenEstimator):
            params = sorted((k, repr(v)) for k, v in block.get_params().items()
                            if not hasattr(v, "fit"))
            return (tuple(params), tuple(cols), train.tobytes())
    return None


def _reuse_framing_block(m: Any, train: np.ndarray, blocks: dict[tuple, Any] | None
                         ) -> tuple | None:
    """Put a framing block already fitted on these rows into ``m`` (the framing and combined
    models fit the same unsupervised block on each fold: 3% of FA-KES's comparison);
    returns the key to store ``m``'s own under when there was none."""
    key = None if blocks is None else _framing_block_key(m, train)
    if key is None or key not in blocks:
        return key
    m.set_params(features__framing=FrozenEstimator(blocks[key]))
    return None


def oof_predict(
    model: Any, X: pd.DataFrame, y: Any, plan: CVPlan, chosen: list[dict[str, Any]] | None = None,
    sample_weight: np.ndarray | None = None, svm_scores: list[np.ndarray] | None = None,
    blocks: dict[tuple, Any] | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold predicted labels and per-class scores (columns = ``classes``).

    A tuned model runs its inner search on each training fold alone; what it picked per fold
    is appended to ``chosen`` when given. ``sample_weight`` (one per row) weighs training
    articles (the genre control). Rows no fold tests (given test outlets) keep -inf scores.
    ``blocks`` (a dict, shared between calls) keeps each fold's fitted framing block for the
    next model with the same block and folds, which then only transforms with it.
    ``svm_scores``, when given and the model ends in a ``RecalibratedSVC``, gets the SVMs' own
    out-of-fold values before re-weighing (rows x classes; -1, "not this class", where a
    fold's training part lacked the class): what a refit on every row can re-weigh its scores
    with (``RecalibratedSVC.fit(held_out_scores=...)``) instead of fitting inner folds.
    """
    y = np.asarray(y)
    classes = np.unique(y)
    scores = np.full((len(y), len(classes)), -np.inf)
    raw = np.full((len(y), len(classes)), -1.0)
    for tr, te in plan.splits:
        m = clone(model)
        w = None if sample_weight is None else sample_weight[tr]
        key = _reuse_framing_block(m, tr, blocks)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence chatter on tiny folds
            fit_model(m, X.iloc[tr], y[tr], None if plan.groups is None else plan.groups[tr], w)
        if key is not None and blocks is not None:
            blocks[key] = m.named_steps["features"].named_transformers_["framing"]
        if chosen is not None:
            chosen.append(chosen_params(m))
        m = final_pipeline(m)
        cols = np.searchsorted(classes, m.classes_)
        if svm_scores is not None and hasattr(m[-1], "svm_decision_function"):
            Xt = m[:-1].transform(X.iloc[te])  # once, for both kinds of score
            scores[np.ix_(te, cols)] = class_scores(m[-1:], Xt)
            if len(cols) > 2:
                raw[np.ix_(te, cols)] = m[-1].svm_decision_function(Xt)
        else:
            scores[np.ix_(te, cols)] = class_scores(m, X.iloc[te])
    if svm_scores is not None:
        svm_scores.append(raw)
    pred = classes[scores.argmax(axis=1)]
    return pred, scores, classes
