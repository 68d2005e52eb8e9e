"""Scoring and fitting one classifier of a comparison: out-of-fold scores, then a full fit.

``compare_outlets`` runs this for each model kind (framing, tfidf, combined) with one
``Setup``: the same folds, groups, weights and effort for all three, so their scores compare.
``Effort`` is how much work a run does: the fast default, or ``--thorough`` (today's full
analysis: repeated fold draws, coefficient bootstraps, grouped recalibration folds, the word
models also scored on unstripped text, and the combined model's framing weight by inner CV).
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from framing.compare import examples, explain
from framing.compare.control import scores_by_stratum
from framing.compare.cv import CVPlan, make_cv, oof_predict
from framing.compare.models import (
    SVM_TOL,
    WORD_CHOICE_NAMES,
    WORD_CHOICES,
    build_model,
    chosen_params,
    final_pipeline,
    fit_model,
)
from framing.compare.scores import evaluate, macro_f1, top_confusions


@dataclass(frozen=True)
class Effort:
    """How much work a comparison does (see the module docstring)."""

    name: str
    n_repeats: int
    n_coef_boot: int
    unstripped: bool
    tune_combined: bool
    recal_grouped: bool
    #: learn site chrome per training fold inside the word models (else once, from every
    #: article's text before cross-validation: unsupervised, it reads no label)
    chrome_per_fold: bool
    #: the word models' refit on every article re-weighs its SVM scores with the outer folds'
    #: out-of-fold SVM values (5 folds, near duplicates kept together) instead of fitting its
    #: own inner folds: the same kind of held-out values, without 3 more SVM fits per model
    recal_from_folds: bool = False
    #: liblinear's stopping tolerance
    svm_tol: float = SVM_TOL
    #: liblinear's stopping tolerance in the recalibration's inner folds, whose values only
    #: feed a 15 x 15 re-weighing (None: ``svm_tol``)
    recal_tol: float | None = None
    #: inner folds of the recalibration (each one more SVM fit per outer fold and model)
    recal_folds: int = 3


#: The fast default: liblinear tolerance 0.1, and 0.5 in the recalibration's inner folds.
#: Fewer outer folds were measured and not taken: on FA-KES 3 and 4 folds lowered the means
#: of 5 fold draws by 0.015-0.025 macro-F1, outside their spread (docs/comparison.md);
#: ``compare_outlets(n_splits=3)`` (``--folds 3``) is there for a quicker look.
FAST = Effort("fast", 1, 0, False, False, False, False, recal_from_folds=True, svm_tol=0.1,
              recal_tol=0.5)
THOROUGH = Effort("thorough", 5, 30, True, True, True, True)


@dataclass
class Setup:
    """What the three models of one comparison share."""

    cols: list[str]
    y: np.ndarray
    plan: CVPlan
    groups: np.ndarray
    seed: int
    n_splits: int
    n_boot: int
    effort: Effort
    held_out: bool = False
    weights: np.ndarray | None = None
    strata: np.ndarray | None = None
    say: Callable[[str], None] = lambda _msg: None
    #: out-of-fold predictions without the control, per model (filled when it is on)
    uncontrolled: dict[str, np.ndarray] = field(default_factory=dict)
    #: the word models' out-of-fold SVM values, for their refit (``Effort.recal_from_folds``)
    svm_scores: dict[str, np.ndarray] = field(default_factory=dict)
    #: each fold's fitted framing block, for the next model that fits the same one
    framing_blocks: dict[tuple, Any] = field(default_factory=dict)


def make_model(kind: str, s: Setup, furniture: bool, tuned: bool | None = None) -> Any:
    """The model every step of ``kind`` scores and fits. Text arrives stripped of the fixed
    rules (done once up front); ``furniture`` learns site chrome inside the model."""
    tune = (kind == "combined" and s.effort.tune_combined and not s.held_out) if tuned is None else tuned
    return build_model(
        kind, s.cols, strip_rules=False, strip_furniture=furniture, seed=s.seed, tune=tune,
        recal_grouped=s.effort.recal_grouped, choose_words=s.held_out and kind != "framing",
        svm_tol=s.effort.svm_tol, recal_tol=s.effort.recal_tol, recal_folds=s.effort.recal_folds,
    )


def _flat_ci(scores: dict[str, Any]) -> dict[str, Any]:
    """``{"f1_ci": [lo, hi]}`` as ``f1_ci_low``/``f1_ci_high`` columns for the tidy CSV."""
    out: dict[str, Any] = {}
    for key, value in scores.items():
        if isinstance(value, list):
            out[f"{key}_low"], out[f"{key}_high"] = value
        else:
            out[key] = value
    return out


def _word_choice(params: dict[str, Any]) -> str:
    for name, choice in zip(WORD_CHOICE_NAMES, WORD_CHOICES, strict=True):
        if params == choice:
            return name
    return str(params)


def _oof(kind: str, s: Setup, data: pd.DataFrame, furniture: bool, weights: np.ndarray | None,
         chosen: list[dict[str, Any]] | None = None, keep_svm: bool = False
         ) -> tuple[np.ndarray, np.ndarray]:
    # the refit can reuse the folds' SVM values only when every article was scored
    keep = keep_svm and s.effort.recal_from_folds and not s.held_out and kind != "framing" \
        and len(s.plan.tested) == len(s.y)
    svm: list[np.ndarray] | None = [] if keep else None
    pred, _, classes = oof_predict(make_model(kind, s, furniture), data, s.y, s.plan,
                                   chosen=chosen, sample_weight=weights, svm_scores=svm,
                                   blocks=s.framing_blocks)
    if svm:
        s.svm_scores[kind] = svm[0]
    return pred, classes


def score_kind(
    kind: str, s: Setup, stripped: pd.DataFrame, raw: pd.DataFrame, by: str
) -> tuple[dict[str, Any], np.ndarray, pd.DataFrame, list[dict[str, Any]]]:
    """(summary entry, out-of-fold predictions, confusion matrix, per-group rows) for ``kind``."""
    tested = s.plan.tested
    y = s.y[tested]
    framing = kind == "framing"
    variants = [("", raw, False)] if framing else [("stripped", stripped, s.effort.chrome_per_fold)]
    if s.effort.unstripped and not framing and not s.held_out:
        variants.append(("unstripped", raw, False))
    entry: dict[str, Any] = {}
    rows: list[dict[str, Any]] = []
    pred_main = cm_main = None
    for variant, data, furniture in variants:
        s.say(f"{kind} model: {s.plan.method}, {s.plan.n_splits} folds"
              f"{', ' + variant if variant else ''}")
        chosen: list[dict[str, Any]] = []
        pred, classes = _oof(kind, s, data, furniture, s.weights, chosen, keep_svm=variant == "stripped")
        scores, cm = evaluate(y, pred[tested], classes, n_boot=s.n_boot, seed=s.seed)
        if variant == "unstripped":
            entry["macro_f1_unstripped"] = scores["macro_f1"]
            entry["macro_f1_unstripped_ci"] = scores["macro_f1_ci"]
            entry["accuracy_unstripped"] = scores["accuracy"]
        else:
            entry.update(scores)
            if any(chosen):
                key = "word_settings_per_fold" if s.held_out and not framing else "inner_cv_choice_per_fold"
                entry[key] = [_word_choice(c) for c in chosen] if s.held_out and not framing else chosen
            entry["confused"] = top_confusions(cm)
            pred_main, cm_main = pred, cm
            if s.strata is not None:
                entry["by_genre"] = scores_by_stratum(y, pred[tested], s.strata[tested], classes)
            if s.weights is not None:  # the same model without the control, for both ways
                s.say(f"{kind} model: without the genre control")
                plain, _ = _oof(kind, s, data, furniture, None)
                ps, _ = evaluate(y, plain[tested], classes, n_boot=s.n_boot, seed=s.seed)
                entry["without_control"] = {"macro_f1": ps["macro_f1"],
                                            "macro_f1_ci": ps["macro_f1_ci"]}
                s.uncontrolled[kind] = plain
        for o, sc in scores["per_outlet"].items():
            rows.append({"model": kind, "variant": variant or "features", by: o, **_flat_ci(sc)})
    if s.effort.n_repeats > 1 and not s.held_out:
        extra = s.effort.n_repeats - 1
        s.say(f"{kind} model: {extra} more fold draw{'s' if extra > 1 else ''}")
        entry["repeated_cv"] = repeated_scores(kind, s, variants[0][1], variants[0][2],
                                               entry["macro_f1"])
    if not framing:
        entry["boilerplate"] = ("stripped: outlet names, datelines, bylines, credits, captions, "
                                "media and social chrome, furniture")
    assert pred_main is not None and cm_main is not None
    return entry, pred_main, cm_main, rows


def repeated_scores(kind: str, s: Setup, data: pd.DataFrame, furniture: bool,
                    first: float) -> dict[str, Any]:
    """Macro-F1 over the effort's fold draws (the first is the main score, already computed)."""
    t0 = time.perf_counter()
    scores = [first]
    for r in range(1, s.effort.n_repeats):
        plan = make_cv(s.y, s.groups, n_splits=s.n_splits, seed=s.seed + r)
        pred, _, classes = oof_predict(make_model(kind, s, furniture), data, s.y, plan,
                                       sample_weight=s.weights, blocks=s.framing_blocks)
        scores.append(macro_f1(s.y, pred, classes))
    return {
        "fold_seeds": [s.seed + r for r in range(s.effort.n_repeats)],
        "macro_f1": scores,
        "mean": float(np.mean(scores)),
        "sd": float(np.std(scores, ddof=1)),
        "seconds_extra_draws": round(time.perf_counter() - t0, 1),
    }


def _finish_text_block(model: Any, names: tuple[str, ...]) -> None:
    """Switch the fixed stripping rules on, so the fitted model takes raw text."""
    ct = model.named_steps["features"]
    if "text" in ct.named_transformers_:
        ct.named_transformers_["text"].named_steps["strip"].set_params(rules=True, outlets=names)


def fit_and_explain(
    kind: str, s: Setup, rules_only: pd.DataFrame, raw: pd.DataFrame, table: pd.DataFrame,
    by: str, strip_names: tuple[str, ...], spans: pd.DataFrame | None,
    texts: dict[str, str], top_k: int,
) -> tuple[Any, dict[str, Any], pd.DataFrame]:
    """(fitted plain pipeline, summary additions, top features with examples) for ``kind``,
    fitted on every training article: all of them, or those of the training outlets when test
    outlets are given (then the saved model is the one scored). The word models are fitted on
    text stripped by the fixed rules only and learn the site chrome themselves, so the saved
    model strips raw text as a whole."""
    s.say(f"{kind} model: fitting on all training articles, explaining")
    rows = s.plan.splits[0][0] if s.plan.method == "given test outlets" else np.arange(len(s.y))
    data = (raw if kind == "framing" else rules_only).iloc[rows]
    model = make_model(kind, s, furniture=True)
    w = None if s.weights is None else s.weights[rows]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        fit_model(model, data, s.y[rows], s.plan.groups[rows] if s.plan.groups is not None
                  else s.groups[rows], w, held_out_scores=s.svm_scores.get(kind))
    extra: dict[str, Any] = {}
    if chosen_params(model):
        params = chosen_params(model)
        extra["inner_cv_choice_full_fit"] = (_word_choice(params) if s.held_out else params)
    model = final_pipeline(model)
    _finish_text_block(model, strip_names)
    ci = None
    if kind == "framing" and s.effort.n_coef_boot:
        s.say(f"framing model: {s.effort.n_coef_boot} bootstrap refits for coefficient intervals")
        low, high, _ = explain.bootstrap_coefs(model, raw.iloc[rows], s.y[rows],
                                               n_boot=s.effort.n_coef_boot, seed=s.seed,
                                               groups=s.groups[rows])
        ci = (low, high)
    top = explain.top_features(model, k=top_k, ci=ci)
    top = examples.add_examples(top, table.iloc[rows], by, spans_df=spans, texts=texts)
    top.insert(0, "model", kind)
    extra["top_features"] = {
        o: g.drop(columns=["model", "by"]).to_dict("records") for o, g in top.groupby("by")
    }
    return model, extra, top
