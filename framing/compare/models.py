"""The three outlet classifiers, grouped cross-validation and their scores.

(a) ``framing``: framing features only, standardised, logistic regression;
(b) ``tfidf``: a TF-IDF word baseline over boilerplate-stripped text;
(c) ``combined``: both, side by side in one ``ColumnTransformer``.
Scores come from out-of-fold predictions of ``StratifiedGroupKFold`` over near-duplicate
groups, with percentile bootstrap intervals over those predictions.
"""

from __future__ import annotations

import re
import warnings
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import StratifiedGroupKFold
from sklearn.pipeline import Pipeline
from sklearn.preprocessing import QuantileTransformer, StandardScaler
from sklearn.svm import LinearSVC

from framing.compare.leakage import BoilerplateStripper
from framing.corpus import ARTICLE_COLUMNS, EXTRA_COLUMNS

MODEL_KINDS = ("framing", "tfidf", "combined")
#: ``<family>__<name>``: the only columns a framing model may see.
_FEATURE_COL = re.compile(r"^[a-z][a-z0-9_]*__\S+$")
_METADATA = set(ARTICLE_COLUMNS) | set(EXTRA_COLUMNS) | {"errors", "labels", "location"}


def framing_columns(df: pd.DataFrame, exclude: Iterable[str] = ()) -> list[str]:
    """Numeric ``<family>__<name>`` columns: never ids, outlets, labels or other metadata."""
    skip = _METADATA | set(exclude)
    return [
        c
        for c in df.columns
        if isinstance(c, str)
        and c not in skip
        and _FEATURE_COL.match(c)
        and pd.api.types.is_numeric_dtype(df[c])
        and not pd.api.types.is_bool_dtype(df[c])
    ] + [
        c
        for c in df.columns
        if isinstance(c, str) and c not in skip and _FEATURE_COL.match(c)
        and pd.api.types.is_bool_dtype(df[c])
    ]


class TermTfidf(TfidfVectorizer):
    """``TfidfVectorizer`` that saves its vocabulary as one string array.

    skops writes a dict entry by entry, so a 40k-term ``vocabulary_`` made a 40 MB, minute-long
    save; one array of terms (ordered by column) is a single .npy inside the file.
    """

    def __getstate__(self) -> dict[str, Any]:
        state = dict(super().__getstate__())  # a copy: Python 3.11 hands back __dict__ itself
        vocab = state.pop("vocabulary_", None)
        if vocab is not None:
            terms = np.empty(len(vocab), dtype=object)
            for term, i in vocab.items():
                terms[int(i)] = term
            state["vocabulary_terms_"] = terms.astype(str)
        state.pop("stop_words_", None)  # sklearn: only for introspection, safe to drop
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        state = dict(state)
        terms = state.pop("vocabulary_terms_", None)
        if terms is not None:
            state["vocabulary_"] = {str(t): i for i, t in enumerate(terms)}
        super().__setstate__(state)


def _framing_block() -> Pipeline:
    # Framing features are mostly counts and rates: many zeros and a long tail. A rank-based
    # map to a normal shape before scaling stops a handful of extreme articles from setting
    # each coefficient (on FA-KES: 0.49 vs 0.46 macro-F1 for scaling alone).
    return Pipeline(
        [
            ("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
            ("quantile", QuantileTransformer(n_quantiles=100, output_distribution="normal")),
            ("scale", StandardScaler()),
        ]
    )


def _text_block(strip_rules: bool, strip_furniture: bool) -> Pipeline:
    return Pipeline(
        [
            ("strip", BoilerplateStripper(rules=strip_rules, learn_furniture=strip_furniture)),
            (
                "tfidf",
                TermTfidf(
                    sublinear_tf=True, min_df=2, max_df=0.9, ngram_range=(1, 2),
                    max_features=50000, dtype=np.float32,
                ),
            ),
        ]
    )


def build_model(
    kind: str,
    feature_cols: list[str],
    text_col: str = "text",
    strip_rules: bool = True,
    strip_furniture: bool = True,
    C: float | None = None,
    framing_weight: float | None = None,
    seed: int = 0,
) -> Pipeline:
    """A fresh, unfitted pipeline for ``kind`` (framing | tfidf | combined) over a DataFrame.

    In ``combined`` the standardised framing block is scaled by ``framing_weight`` (default
    1/sqrt(number of framing columns)), so a row of it has about unit length like an
    L2-normalised TF-IDF row and neither block swamps the other under one penalty.
    """
    if kind not in MODEL_KINDS:
        raise ValueError(f"unknown model kind {kind!r}; known: {MODEL_KINDS}")
    blocks: list[tuple[str, Any, Any]] = []
    weights: dict[str, float] = {}
    if kind in ("framing", "combined"):
        if not feature_cols:
            raise ValueError("no framing feature columns (<family>__<name>) to model")
        blocks.append(("framing", _framing_block(), list(feature_cols)))
        if framing_weight is None:
            framing_weight = 1.0 / np.sqrt(len(feature_cols))
        weights["framing"] = 1.0 if kind == "framing" else float(framing_weight)
    if kind in ("tfidf", "combined"):
        blocks.append(("text", _text_block(strip_rules, strip_furniture), text_col))
        weights["text"] = 1.0
    clf: Any
    if kind == "framing":
        # A few dozen dense columns: multinomial logistic regression is quick and its
        # coefficients read as log-odds per standard deviation.
        clf = LogisticRegression(
            C=0.05 if C is None else C, max_iter=3000, class_weight="balanced", random_state=seed
        )
    else:
        # Tens of thousands of sparse columns: a linear SVM is as accurate as logistic
        # regression here and 5-10x faster, which keeps `framing compare` under two minutes.
        clf = LinearSVC(C=0.5 if C is None else C, class_weight="balanced", random_state=seed)
    return Pipeline(
        [
            ("features", ColumnTransformer(blocks, transformer_weights=weights, remainder="drop")),
            ("clf", clf),
        ]
    )


@dataclass(frozen=True)
class CVPlan:
    """Which folds the scores come from, recorded in summary.json's ``cv``."""

    splits: list[tuple[np.ndarray, np.ndarray]]
    method: str
    n_splits: int
    n_groups: int

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
        raise ValueError("need at least two groups to cross-validate")
    cv = StratifiedGroupKFold(n_splits=k, shuffle=True, random_state=seed)
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", UserWarning)  # classes smaller than k: reported, not fatal
        splits = [(tr, te) for tr, te in cv.split(np.zeros(len(y)), y, groups)]
    return CVPlan(splits=splits, method="StratifiedGroupKFold", n_splits=k, n_groups=n_groups)


def class_scores(model: Any, X: Any) -> np.ndarray:
    """Per-class scores: probabilities when the classifier has them, else decision values.

    Always one column per class in ``model.classes_`` (a binary SVM's single column is split).
    """
    if hasattr(model, "predict_proba") and hasattr(model[-1], "predict_proba"):
        return model.predict_proba(X)
    d = np.asarray(model.decision_function(X), dtype=float)
    return np.column_stack([-d, d]) if d.ndim == 1 else d


def oof_predict(
    model: Pipeline, X: pd.DataFrame, y: Any, plan: CVPlan
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Out-of-fold predicted labels and per-class scores (columns = ``classes``)."""
    y = np.asarray(y)
    classes = np.unique(y)
    scores = np.full((len(y), len(classes)), -np.inf)
    for tr, te in plan.splits:
        m = clone(model)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # convergence chatter on tiny folds
            m.fit(X.iloc[tr], y[tr])
        cols = np.searchsorted(classes, m.classes_)
        scores[np.ix_(te, cols)] = class_scores(m, X.iloc[te])
    pred = classes[scores.argmax(axis=1)]
    return pred, scores, classes


def _macro_f1_from_cm(cm: np.ndarray) -> float:
    tp = np.diag(cm).astype(float)
    denom = cm.sum(axis=0) + cm.sum(axis=1)
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    present = cm.sum(axis=1) > 0
    return float(f1[present].mean()) if present.any() else 0.0


def bootstrap_scores(
    y: np.ndarray, pred: np.ndarray, classes: np.ndarray, n_boot: int = 1000, seed: int = 0
) -> dict[str, list[float]]:
    """95% percentile intervals of macro-F1 and accuracy over resampled out-of-fold pairs.

    Hand-written because it is a few lines of vectorised counting, ~50x faster than calling
    sklearn metrics a thousand times.
    """
    rng = np.random.default_rng(seed)
    k = len(classes)
    yi = np.searchsorted(classes, y)
    pi = np.searchsorted(classes, pred)
    n = len(y)
    f1s, accs = np.empty(n_boot), np.empty(n_boot)
    for b in range(n_boot):
        idx = rng.integers(0, n, n)
        cm = np.bincount(yi[idx] * k + pi[idx], minlength=k * k).reshape(k, k)
        f1s[b] = _macro_f1_from_cm(cm)
        accs[b] = np.trace(cm) / n
    return {
        "macro_f1_ci": [float(np.percentile(f1s, 2.5)), float(np.percentile(f1s, 97.5))],
        "accuracy_ci": [float(np.percentile(accs, 2.5)), float(np.percentile(accs, 97.5))],
    }


def evaluate(
    y: Any, pred: Any, classes: np.ndarray, n_boot: int = 1000, seed: int = 0
) -> tuple[dict[str, Any], pd.DataFrame]:
    """Scores for summary.json and the confusion matrix (rows true, columns predicted)."""
    y = np.asarray(y)
    pred = np.asarray(pred)
    cm = confusion_matrix(y, pred, labels=classes)
    p, r, f, s = precision_recall_fscore_support(y, pred, labels=classes, zero_division=0)
    scores: dict[str, Any] = {
        "macro_f1": _macro_f1_from_cm(cm),
        "accuracy": float(np.trace(cm) / cm.sum()),
    }
    scores.update(bootstrap_scores(y, pred, classes, n_boot=n_boot, seed=seed))
    scores["per_outlet"] = {
        str(c): {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
        }
        for i, c in enumerate(classes)
    }
    confusion = pd.DataFrame(cm, index=[str(c) for c in classes], columns=[str(c) for c in classes])
    confusion.index.name = "true"
    confusion.columns.name = "predicted"
    return scores, confusion


def top_confusions(confusion: pd.DataFrame, n: int = 10) -> list[dict[str, Any]]:
    """The largest off-diagonal cells, as a share of the true outlet's articles."""
    rows = []
    totals = confusion.sum(axis=1)
    for t in confusion.index:
        for p in confusion.columns:
            if t != p and confusion.loc[t, p] > 0:
                rows.append(
                    {
                        "true": t,
                        "predicted": p,
                        "count": int(confusion.loc[t, p]),
                        "share": float(confusion.loc[t, p] / max(1, totals[t])),
                    }
                )
    rows.sort(key=lambda r: (-r["count"], -r["share"]))
    return rows[:n]
