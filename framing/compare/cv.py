"""Grouped cross-validation: which folds the scores come from, and out-of-fold predictions."""

from __future__ import annotations

import warnings
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.model_selection import StratifiedGroupKFold

from framing.compare.models import chosen_params, class_scores, final_pipeline, fit_model
from framing.errors import FramingError


@dataclass(frozen=True)
class CVPlan:
    """Which folds the scores come from, recorded in summary.json's ``cv``."""

    splits: list[tuple[np.ndarray, np.ndarray]]
    method: str
    n_splits: int
    n_groups: int
    groups: np.ndarray | None = None

    def describe(self) -> dict[str, Any]:
        return {"method": self.method, "n_splits": self.n_splits, "n_groups": self.n_groups}


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


def oof_predict(
    model: Any, X: pd.DataFrame, y: Any, plan: CVPlan, chosen: list[dict[str, Any]] | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold predicted labels and per-class scores (columns = ``classes``).

    A tuned model runs its inner search on each training fold alone; what it picked per fold
    is appended to ``chosen`` when given.
    """
    y = np.asarray(y)
    classes = np.unique(y)
    scores = np.full((len(y), len(classes)), -np.inf)
    for tr, te in plan.splits:
        m = clone(model)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence chatter on tiny folds
            fit_model(m, X.iloc[tr], y[tr], None if plan.groups is None else plan.groups[tr])
        if chosen is not None:
            chosen.append(chosen_params(m))
        m = final_pipeline(m)
        cols = np.searchsorted(classes, m.classes_)
        scores[np.ix_(te, cols)] = class_scores(m, X.iloc[te])
    pred = classes[scores.argmax(axis=1)]
    return pred, scores, classes
