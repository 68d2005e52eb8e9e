"""The three outlet classifiers: how each is built, fitted and read.

(a) ``framing``: framing features only, standardised, logistic regression;
(b) ``tfidf``: a TF-IDF word baseline over boilerplate-stripped text;
(c) ``combined``: both, side by side in one ``ColumnTransformer``.
The data-driven choice in (c), how much the framing block weighs against the words, is made
by an inner grouped CV on the training fold only (``build_model(..., tune=True)``), never on
the fold being scored; (a) can do the same for a cut of rarely-seen columns, which on FA-KES
did not help (see docs/comparison.md) and so is off in ``compare_outlets``.
Per-mention ratios (naming shares and the like) are smoothed toward the training articles'
pooled ratio first (``MentionShrinkage``), so a share weighs as much as the mentions behind it.
The folds live in ``cv.py``, the scores in ``scores.py``, the feature steps in
``transformers.py`` and the recalibrated SVM in ``recalibrate.py``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.impute import SimpleImputer
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV, StratifiedGroupKFold
from sklearn.pipeline import FeatureUnion, Pipeline
from sklearn.preprocessing import StandardScaler

from framing.compare.choice import PooledCVChoice
from framing.compare.furniture import BoilerplateStripper
from framing.compare.recalibrate import RECAL_DUP_COSINE, RecalibratedSVC
from framing.compare.transformers import (
    BlockWeight,
    MentionShrinkage,
    MinSupport,
    NormalQuantiles,
    TermTfidf,
)
from framing.lazy import lazy_getattr

MODEL_KINDS = ("framing", "tfidf", "combined")

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
            ("quantile", NormalQuantiles(n_quantiles=100)),
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


#: Word settings a held-out-outlet comparison chooses between (``build_model(...,
#: choose_words=True)``): the house-style default first, then lower-cased words without
#: punctuation tokens, with and without lower-cased character n-grams. Set before measuring,
#: from what issue 23 found on unseen AllSides outlets, not read off PolNeAR.
WORD_CHOICES: tuple[dict[str, Any], ...] = (
    {},
    {"features__text__tfidf__word__lowercase": True,
     "features__text__tfidf__word__token_pattern": r"(?u)\b\w\w+\b",
     "features__text__tfidf__char": "drop"},
    {"features__text__tfidf__word__lowercase": True,
     "features__text__tfidf__word__token_pattern": r"(?u)\b\w\w+\b",
     "features__text__tfidf__char__lowercase": True},
)
WORD_CHOICE_NAMES = ("house style", "lower-cased words", "lower-cased words and characters")
#: liblinear's stopping tolerance: 1e-2 instead of its 1e-4 halves the SVMs' time and, on
#: FA-KES's word features (5 folds), gives the same predictions.
SVM_TOL = 1e-2


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
    recal_grouped: bool = True,
    choose_words: bool = False,
    svm_tol: float = SVM_TOL,
    recal_tol: float | None = None,
    recal_folds: int = 3,
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
    ``recal_grouped`` keeps near-identical rows together in the SVM's recalibration folds
    (``--thorough``; the fast default uses plain stratified folds); ``svm_tol`` is liblinear's
    stopping tolerance (the fast default's is looser, ``classify.FAST``), ``recal_tol`` its
    tolerance in the recalibration's inner folds (None: ``svm_tol``), ``recal_folds`` their
    number. ``choose_words`` (for
    outlets held out) picks the word settings among WORD_CHOICES by inner folds that hold out
    training outlets (``PooledCVChoice``; fit with the outlets as ``groups``).
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
    svm = RecalibratedSVC(
        C=0.5 if C is None else C, class_weight="balanced", random_state=seed, tol=svm_tol,
        recal_dup_cosine=RECAL_DUP_COSINE if recal_grouped else None, recal_tol=recal_tol,
        recal_folds=recal_folds,
    )
    if kind == "tfidf":
        model = Pipeline([("features", features), ("clf", svm)])
        return PooledCVChoice(model, list(WORD_CHOICES)) if choose_words else model
    base = 1.0 / np.sqrt(len(feature_cols))
    weight = BlockWeight(len(feature_cols), base if framing_weight is None else framing_weight)
    if choose_words:  # the framing weight stays at its default: one choice at a time
        model = Pipeline([("features", features), ("weight", weight), ("clf", svm)])
        return PooledCVChoice(model, list(WORD_CHOICES))
    if tune:
        search = GridSearchCV(
            Pipeline([("weight", weight), ("clf", svm)]),
            {"weight__weight": [float(m * base) for m in FRAMING_WEIGHT_GRID]},
            cv=_inner_cv(seed), scoring="f1_macro", error_score="raise",
        )
        return Pipeline([("features", features), ("search", search)])
    return Pipeline([("features", features), ("weight", weight), ("clf", svm)])


def fit_model(
    model: Any, X: pd.DataFrame, y: Any, groups: Any = None, sample_weight: Any = None,
    held_out_scores: Any = None,
) -> Any:
    """Fit ``model``; a tuned one gets ``groups`` so its inner folds keep near duplicates (or
    outlets) together (each article its own group when none are given); ``sample_weight``
    reaches the classifier (and a search's candidates). ``held_out_scores`` reach a plain
    pipeline's ``RecalibratedSVC`` (its re-weighing then needs no inner folds)."""
    groups = np.arange(len(X)) if groups is None else np.asarray(groups)
    weights = {} if sample_weight is None else {"clf__sample_weight": np.asarray(sample_weight)}
    if isinstance(model, (GridSearchCV, PooledCVChoice)):
        return model.fit(X, y, groups=groups, **weights)
    if isinstance(model, Pipeline) and isinstance(model[-1], GridSearchCV):
        name = model.steps[-1][0]
        return model.fit(X, y, **{f"{name}__groups": groups},
                         **{f"{name}__{k}": v for k, v in weights.items()})
    if held_out_scores is not None and isinstance(model, Pipeline) \
            and isinstance(model[-1], RecalibratedSVC):
        weights["clf__held_out_scores"] = held_out_scores
    return model.fit(X, y, **weights)


def final_pipeline(model: Any) -> Pipeline:
    """A fitted model as a plain ``Pipeline`` ending in the classifier (explanations, saving):
    a tuned model's search is replaced by its best, refitted candidate."""
    if isinstance(model, (GridSearchCV, PooledCVChoice)):
        return model.best_estimator_
    if isinstance(model, Pipeline) and isinstance(model[-1], GridSearchCV):
        best = model[-1].best_estimator_
        return Pipeline(list(model.steps[:-1]) + list(best.steps))
    return model


def chosen_params(model: Any) -> dict[str, Any]:
    """What a tuned model's inner CV picked (empty for an untuned one)."""
    search = model if isinstance(model, (GridSearchCV, PooledCVChoice)) else (
        model[-1] if isinstance(model, Pipeline) and isinstance(model[-1], GridSearchCV) else None
    )
    return dict(search.best_params_) if search is not None else {}


def class_scores(model: Any, X: Any) -> np.ndarray:
    """Per-class scores: probabilities when the classifier has them, else decision values.

    Always one column per class in ``model.classes_`` (a binary SVM's single column is split).
    """
    if hasattr(model, "predict_proba") and hasattr(model[-1], "predict_proba"):
        return model.predict_proba(X)
    d = np.asarray(model.decision_function(X), dtype=float)
    return np.column_stack([-d, d]) if d.ndim == 1 else d


#: Where the helpers that lived here until the split now live: code written against the old
#: layout (notebooks, other branches) keeps importing them from here. The classes need no
#: entry: they are imported above, which is also what lets skops find the saved models that
#: name them as ``framing.compare.models.<Class>``.
_MOVED = {
    "framing_columns": "framing.compare.columns",
    "CVPlan": "framing.compare.cv",
    "make_cv": "framing.compare.cv",
    "oof_predict": "framing.compare.cv",
    "macro_f1": "framing.compare.scores",
    "bootstrap_scores": "framing.compare.scores",
    "evaluate": "framing.compare.scores",
    "top_confusions": "framing.compare.scores",
}


__getattr__ = lazy_getattr(__name__, _MOVED)
