"""The three outlet classifiers, grouped cross-validation and their scores.

(a) ``framing``: framing features only, standardised, logistic regression;
(b) ``tfidf``: a TF-IDF word baseline over boilerplate-stripped text;
(c) ``combined``: both, side by side in one ``ColumnTransformer``.
The data-driven choice in (c), how much the framing block weighs against the words, is made
by an inner grouped CV on the training fold only (``build_model(..., tune=True)``), never on
the fold being scored; (a) can do the same for a cut of rarely-seen columns, which on FA-KES
did not help (see docs/comparison.md) and so is off in ``compare_outlets``.
Per-mention ratios (naming shares and the like) are smoothed toward the training articles'
pooled ratio first (``MentionShrinkage``), so a share weighs as much as the mentions behind it.
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
import scipy.sparse as sp
from sklearn.base import BaseEstimator, OneToOneFeatureMixin, TransformerMixin, clone
from sklearn.compose import ColumnTransformer
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.feature_selection import SelectorMixin
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support
from sklearn.model_selection import (
    GridSearchCV,
    StratifiedGroupKFold,
    StratifiedKFold,
    cross_val_predict,
)
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import QuantileTransformer, StandardScaler
from sklearn.svm import LinearSVC
from sklearn.utils.validation import check_is_fitted, validate_data

from framing.compare.leakage import BoilerplateStripper
from framing.compare.neardup import similar_row_groups
from framing.corpus import ARTICLE_COLUMNS, EXTRA_COLUMNS
from framing.errors import FramingError

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


#: Rows at least this cosine-similar on the word model's features share an inner fold in
#: ``RecalibratedSVC``. On FA-KES every pair that MinHash (Jaccard >= 0.3 on word 5-shingles)
#: calls near-duplicate is above 0.6, and 21 of 323,000 other pairs are.
RECAL_DUP_COSINE = 0.6


def _inner_splits(X: Any, y: np.ndarray, k: int, threshold: float) -> list[tuple[Any, Any]]:
    """Stratified folds over groups of near-identical rows; plain stratified folds when the
    grouping would leave an outlet out of a training fold (its articles are all one story)."""
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
    The inner folds keep near-identical rows together (cosine >= ``recal_dup_cosine`` on the
    model's own features), as the outer folds keep near duplicates: a republished story on
    both sides would make the held-out scores look surer than they are.
    """

    def __init__(
        self,
        C: float = 0.5,
        class_weight: Any = "balanced",
        random_state: int | None = None,
        max_iter: int = 1000,
        recal_folds: int = 3,
        recal_C: float = 1.0,
        recal_dup_cosine: float = RECAL_DUP_COSINE,
    ) -> None:
        super().__init__(C=C, class_weight=class_weight, random_state=random_state,
                         max_iter=max_iter)
        self.recal_folds = recal_folds
        self.recal_C = recal_C
        self.recal_dup_cosine = recal_dup_cosine

    def fit(self, X: Any, y: Any, sample_weight: Any = None) -> RecalibratedSVC:
        super().fit(X, y, sample_weight=sample_weight)
        y = np.asarray(y)
        _, counts = np.unique(y, return_counts=True)
        k = int(min(self.recal_folds, counts.min()))
        self.recal_: LogisticRegression | None = None
        if k >= 2 and len(counts) > 2:  # a binary SVM's one score needs no re-weighing
            plain = LinearSVC(C=self.C, class_weight=self.class_weight,
                              random_state=self.random_state, max_iter=self.max_iter)
            held_out = cross_val_predict(
                plain, X, y, cv=_inner_splits(X, y, k, self.recal_dup_cosine),
                method="decision_function",
            )
            self.recal_ = LogisticRegression(
                C=self.recal_C, class_weight="balanced", max_iter=2000
            ).fit(held_out, y)
        return self

    def decision_function(self, X: Any) -> np.ndarray:
        d = super().decision_function(X)
        # (the inherited ``predict`` takes the argmax of this, so it needs no override)
        return d if self.recal_ is None else self.recal_.decision_function(d)


#: Defaults for the framing block: drop columns non-zero in fewer than 1% of the training
#: articles (most of the ~1,300 columns are one name or one cue-and-source pair that a
#: handful of articles use; their coefficients are noise), and a strong L2 penalty for the
#: same reason. Both were read off FA-KES's outer folds (docs/comparison.md gives the
#: inner-CV-tuned score beside it, which does not use them).
MIN_SUPPORT = 0.01
FRAMING_C = 0.02
#: Pseudo-mentions at the pooled share that each article's naming, labelling and connotation
#: ratios are smoothed with (``MentionShrinkage``): set to 2 before measuring, not tuned.
SHRINK_STRENGTH = 2.0
#: Inner-CV candidates for the framing-only model (``tune=True``): keep columns non-zero in
#: this share of training articles (0 keeps all), and the penalty. Grids, not one value each,
#: because the best cut depends on the corpus and the feature families present.
MIN_SUPPORT_GRID = (0.0, 0.01, 0.025, 0.05)
FRAMING_C_GRID = (0.01, 0.02, 0.05)
#: Inner-CV candidates for the framing block's weight in ``combined``, as multiples of
#: 1/sqrt(number of framing columns), the weight at which a standardised framing row has
#: about unit length like an L2-normalised TF-IDF row.
FRAMING_WEIGHT_GRID = (0.125, 0.25, 0.5, 1.0)
#: Two inner folds, not more: the combined model's search fits 2 x 4 SVMs per outer fold
#: (twice: with and without stripping), and keeping `framing compare` to a few minutes matters
#: more than a finer estimate of which of four weights is best.
INNER_FOLDS = 2


def _framing_block(min_share: float = 0.0) -> Pipeline:
    # Framing features are mostly counts and rates: many zeros and a long tail. A rank-based
    # map to a normal shape before scaling stops a handful of extreme articles from setting
    # each coefficient (on FA-KES: 0.49 vs 0.46 macro-F1 for scaling alone).
    return Pipeline(
        [
            ("shrink", MentionShrinkage(SHRINK_STRENGTH)),
            ("impute", SimpleImputer(strategy="median", keep_empty_features=True)),
            ("support", MinSupport(min_share)),
            ("quantile", QuantileTransformer(n_quantiles=100, output_distribution="normal")),
            ("scale", StandardScaler()),
        ]
    )


#: Words, and punctuation marks as tokens of their own, so word pairs see house style
#: ("al -", "U .", "so - called") that the default two-letter word pattern throws away.
_TOKENS = r"(?u)\b\w+\b|[^\w\s]"


def _text_block(strip_rules: bool, strip_furniture: bool) -> Pipeline:
    # Words and word pairs, plus character 2-5-grams within word boundaries: the standard
    # pairing in authorship attribution, where character n-grams pick up spelling, transliteration
    # ("Daesh"/"Da'esh", "Raqqa"/"Raqqah") and punctuation habits that survive stripping.
    # Case is kept: house style writes "DAESH" or "Daesh", "al-Assad" or "Al-Assad", "U.S." or
    # "US", and lower-casing erases it (FA-KES, stripped text, 3 fold draws: 0.548 lower-cased
    # words without punctuation tokens, 0.579 with case, 0.590 with case and punctuation).
    # Other settings are common defaults fixed in advance, not tuned on FA-KES; max_features
    # caps memory and the saved model's size.
    return Pipeline(
        [
            ("strip", BoilerplateStripper(rules=strip_rules, learn_furniture=strip_furniture)),
            (
                "tfidf",
                FeatureUnion(
                    [
                        (
                            "word",
                            TermTfidf(
                                sublinear_tf=True, min_df=2, max_df=0.9, ngram_range=(1, 2),
                                max_features=50000, dtype=np.float32, lowercase=False,
                                token_pattern=_TOKENS,
                            ),
                        ),
                        (
                            "char",
                            TermTfidf(
                                analyzer="char_wb", sublinear_tf=True, min_df=2, max_df=0.9,
                                ngram_range=(2, 5), max_features=50000, dtype=np.float32,
                                lowercase=False,
                            ),
                        ),
                    ]
                ),
            ),
        ]
    )


def _inner_cv(seed: int) -> StratifiedGroupKFold:
    return StratifiedGroupKFold(n_splits=INNER_FOLDS, shuffle=True, random_state=seed)


def build_model(
    kind: str,
    feature_cols: list[str],
    text_col: str = "text",
    strip_rules: bool = True,
    strip_furniture: bool = True,
    C: float | None = None,
    framing_weight: float | None = None,
    min_share: float = MIN_SUPPORT,
    seed: int = 0,
    tune: bool = False,
) -> Any:
    """A fresh, unfitted model for ``kind`` (framing | tfidf | combined) over a DataFrame.

    In ``combined`` the standardised framing block is scaled by ``framing_weight`` (default
    1/sqrt(number of framing columns), about unit row length like an L2-normalised TF-IDF row).
    With ``tune=True`` the data-driven choices are left to an inner grouped CV on whatever the
    model is fitted on (fit it with :func:`fit_model` so the groups reach it):
    ``framing`` searches ``min_share`` over MIN_SUPPORT_GRID and ``C`` over FRAMING_C_GRID (a
    ``GridSearchCV`` around the pipeline); ``combined`` searches the framing weight over FRAMING_WEIGHT_GRID with the
    features fitted once per training fold (a search around the last two steps; the inner
    folds then share the TF-IDF vocabulary, which is unsupervised and touches only the choice,
    not the outer score). :func:`final_pipeline` turns a fitted tuned model into a plain one.
    """
    if kind not in MODEL_KINDS:
        raise ValueError(f"unknown model kind {kind!r}; known: {MODEL_KINDS}")
    blocks: list[tuple[str, Any, Any]] = []
    if kind in ("framing", "combined"):
        if not feature_cols:
            raise ValueError("no framing feature columns (<family>__<name>) to model")
        blocks.append(("framing", _framing_block(min_share), list(feature_cols)))
    if kind in ("tfidf", "combined"):
        blocks.append(("text", _text_block(strip_rules, strip_furniture), text_col))
    features = ColumnTransformer(blocks, remainder="drop")
    if kind == "framing":
        # About a thousand dense columns: multinomial logistic regression is quick and its
        # coefficients read as log-odds per standard deviation.
        clf = LogisticRegression(
            C=FRAMING_C if C is None else C, max_iter=3000, class_weight="balanced", random_state=seed
        )
        model = Pipeline([("features", features), ("clf", clf)])
        if tune:
            return GridSearchCV(
                model,
                {
                    "features__framing__support__min_share": list(MIN_SUPPORT_GRID),
                    "clf__C": list(FRAMING_C_GRID),
                },
                cv=_inner_cv(seed), scoring="f1_macro", error_score="raise",
            )
        return model
    # Tens of thousands of sparse columns: a linear SVM is as accurate as logistic
    # regression here and 5-10x faster, which keeps `framing compare` under a few minutes;
    # its scores are re-weighed on held-out data (RecalibratedSVC) so small outlets compete.
    svm = RecalibratedSVC(C=0.5 if C is None else C, class_weight="balanced", random_state=seed)
    if kind == "tfidf":
        return Pipeline([("features", features), ("clf", svm)])
    base = 1.0 / np.sqrt(len(feature_cols))
    weight = BlockWeight(len(feature_cols), base if framing_weight is None else framing_weight)
    if tune:
        search = GridSearchCV(
            Pipeline([("weight", weight), ("clf", svm)]),
            {"weight__weight": [float(m * base) for m in FRAMING_WEIGHT_GRID]},
            cv=_inner_cv(seed), scoring="f1_macro", error_score="raise",
        )
        return Pipeline([("features", features), ("search", search)])
    return Pipeline([("features", features), ("weight", weight), ("clf", svm)])


def fit_model(model: Any, X: pd.DataFrame, y: Any, groups: Any = None) -> Any:
    """Fit ``model``; a tuned one gets ``groups`` so its inner folds keep near duplicates
    together (each article its own group when none are given)."""
    groups = np.arange(len(X)) if groups is None else np.asarray(groups)
    if isinstance(model, GridSearchCV):
        return model.fit(X, y, groups=groups)
    if isinstance(model, Pipeline) and isinstance(model[-1], GridSearchCV):
        return model.fit(X, y, **{f"{model.steps[-1][0]}__groups": groups})
    return model.fit(X, y)


def final_pipeline(model: Any) -> Pipeline:
    """A fitted model as a plain ``Pipeline`` ending in the classifier (explanations, saving):
    a tuned model's search is replaced by its best, refitted candidate."""
    if isinstance(model, GridSearchCV):
        return model.best_estimator_
    if isinstance(model, Pipeline) and isinstance(model[-1], GridSearchCV):
        best = model[-1].best_estimator_
        return Pipeline(list(model.steps[:-1]) + list(best.steps))
    return model


def chosen_params(model: Any) -> dict[str, Any]:
    """What a tuned model's inner CV picked (empty for an untuned one)."""
    search = model if isinstance(model, GridSearchCV) else (
        model[-1] if isinstance(model, Pipeline) and isinstance(model[-1], GridSearchCV) else None
    )
    return dict(search.best_params_) if search is not None else {}


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


def class_scores(model: Any, X: Any) -> np.ndarray:
    """Per-class scores: probabilities when the classifier has them, else decision values.

    Always one column per class in ``model.classes_`` (a binary SVM's single column is split).
    """
    if hasattr(model, "predict_proba") and hasattr(model[-1], "predict_proba"):
        return model.predict_proba(X)
    d = np.asarray(model.decision_function(X), dtype=float)
    return np.column_stack([-d, d]) if d.ndim == 1 else d


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


def macro_f1(y: Any, pred: Any, classes: np.ndarray) -> float:
    """Macro-F1 over the classes present in ``y`` (the same figure ``evaluate`` reports)."""
    return _macro_f1_from_cm(confusion_matrix(np.asarray(y), np.asarray(pred), labels=classes))


def _per_class(cm: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Precision, recall and F1 per class from a confusion matrix: 0 where a class is never
    predicted (as sklearn's ``zero_division=0``), NaN where it is absent from the sample."""
    tp = np.diag(cm).astype(float)
    support, predicted = cm.sum(axis=1), cm.sum(axis=0)
    prec = np.divide(tp, predicted, out=np.zeros_like(tp), where=predicted > 0)
    rec = np.divide(tp, support, out=np.zeros_like(tp), where=support > 0)
    denom = support + predicted
    f1 = np.divide(2 * tp, denom, out=np.zeros_like(tp), where=denom > 0)
    absent = support == 0
    for a in (prec, rec, f1):
        a[absent] = np.nan
    return prec, rec, f1


def _macro(f1: np.ndarray) -> float:
    """Mean F1 over the classes present (absent ones are NaN in ``_per_class``)."""
    present = ~np.isnan(f1)
    return float(f1[present].mean()) if present.any() else 0.0


def _macro_f1_from_cm(cm: np.ndarray) -> float:
    return _macro(_per_class(cm)[2])


def _interval(values: np.ndarray) -> np.ndarray:
    """2.5th and 97.5th percentiles along the first axis, ignoring NaN (absent classes)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # a class absent from every resample
        return np.nanpercentile(values, [2.5, 97.5], axis=0)


def bootstrap_scores(
    y: np.ndarray, pred: np.ndarray, classes: np.ndarray, n_boot: int = 1000, seed: int = 0
) -> dict[str, Any]:
    """95% percentile intervals over resampled out-of-fold pairs: macro-F1 and accuracy, and
    per class (``per_class_ci``) precision, recall and F1. A small outlet's F1 moves a lot
    with which of its few articles are drawn, and its interval says so.

    Hand-written because it is a few lines of vectorised counting, ~50x faster than calling
    sklearn metrics a thousand times.
    """
    rng = np.random.default_rng(seed)
    k = len(classes)
    yi = np.searchsorted(classes, y)
    pi = np.searchsorted(classes, pred)
    n = len(y)
    f1s, accs = np.empty(n_boot), np.empty(n_boot)
    per = np.empty((3, n_boot, k))
    for b in range(n_boot):
        idx = rng.integers(0, n, n)
        cm = np.bincount(yi[idx] * k + pi[idx], minlength=k * k).reshape(k, k)
        per[:, b, :] = _per_class(cm)
        f1s[b] = _macro(per[2, b])
        accs[b] = np.trace(cm) / n
    lo_hi = [_interval(per[m]) for m in range(3)]
    return {
        "macro_f1_ci": [float(np.percentile(f1s, 2.5)), float(np.percentile(f1s, 97.5))],
        "accuracy_ci": [float(np.percentile(accs, 2.5)), float(np.percentile(accs, 97.5))],
        "per_class_ci": {
            str(c): {
                f"{metric}_ci": [float(lo_hi[m][0, i]), float(lo_hi[m][1, i])]
                for m, metric in enumerate(("precision", "recall", "f1"))
            }
            for i, c in enumerate(classes)
        },
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
    boot = bootstrap_scores(y, pred, classes, n_boot=n_boot, seed=seed)
    per_ci = boot.pop("per_class_ci")
    scores.update(boot)
    scores["per_outlet"] = {
        str(c): {
            "precision": float(p[i]),
            "recall": float(r[i]),
            "f1": float(f[i]),
            "support": int(s[i]),
            **per_ci[str(c)],
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
