import numpy as np
import pytest

from framing.compare.columns import framing_columns
from framing.compare.cv import make_cv, oof_predict
from framing.compare.models import build_model
from framing.compare.scores import evaluate


def test_framing_model_learns_separable_outlets_and_not_noise(tiny):
    features, _, _ = tiny
    y = features["outlet"].to_numpy()
    cols = framing_columns(features, exclude={"label"})
    plan = make_cv(y, np.arange(len(y)), n_splits=3, seed=0)
    pred, scores, classes = oof_predict(build_model("framing", cols), features, y, plan)
    s, cm = evaluate(y, pred, classes, n_boot=200)
    assert s["macro_f1"] > 0.75  # chance is 0.33
    assert s["macro_f1_ci"][0] <= s["macro_f1"] <= s["macro_f1_ci"][1]
    assert cm.to_numpy().sum() == len(y)
    assert set(s["per_outlet"]) == set(classes)
    # only the noise column: no better than chance (3 classes)
    pred, _, _ = oof_predict(build_model("framing", ["claims__share_hedged"]), features, y, plan)
    assert evaluate(y, pred, classes, n_boot=50)[0]["macro_f1"] < 0.6


def _with_text(tiny):
    """(table with text, outlets, 3 ungrouped folds, framing columns) for the word models."""
    features, _, corpus = tiny
    X = features.assign(text=corpus["text"].values)
    y = X["outlet"].to_numpy()
    return X, y, make_cv(y, np.arange(len(y)), n_splits=3, seed=0), framing_columns(X, exclude={"label"})


def test_text_and_combined_models_run_on_text(tiny):
    X, y, plan, cols = _with_text(tiny)
    for kind in ("tfidf", "combined"):
        pred, scores, classes = oof_predict(build_model(kind, cols), X, y, plan)
        assert scores.shape == (len(y), 3)
        assert evaluate(y, pred, classes, n_boot=50)[0]["macro_f1"] > 0.8


def test_word_model_folds_hand_their_svm_values_to_the_refit(tiny):
    from framing.compare.models import fit_model

    X, y, plan, cols = _with_text(tiny)
    svm: list[np.ndarray] = []
    pred, scores, classes = oof_predict(build_model("tfidf", cols), X, y, plan, svm_scores=svm)
    same, _, _ = oof_predict(build_model("tfidf", cols), X, y, plan)
    assert (pred == same).all()  # collecting them changes no prediction
    assert svm[0].shape == (len(y), len(classes)) and np.isfinite(svm[0]).all()
    # each row's values come from the fold that held it out: the raw SVM, not the re-weighed
    assert not np.allclose(svm[0], scores)
    model = fit_model(build_model("tfidf", cols), X, y, held_out_scores=svm[0])
    clf = model.named_steps["clf"]
    assert clf.recal_ is not None and clf.recal_.n_features_in_ == len(classes)


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        build_model("forest", ["loaded__x"])


def test_tuned_models_pick_from_their_grid_on_training_data_only(tiny):
    from framing.compare.models import (
        FRAMING_C_GRID,
        FRAMING_WEIGHT_GRID,
        MIN_SUPPORT_GRID,
        chosen_params,
        final_pipeline,
        fit_model,
    )

    features, _, corpus = tiny
    X = features.assign(text=corpus["text"].values)
    y = X["outlet"].to_numpy()
    cols = framing_columns(X, exclude={"label"})
    plan = make_cv(y, np.arange(len(y)), n_splits=3, seed=0)
    chosen: list = []
    pred, _, classes = oof_predict(build_model("framing", cols, tune=True), X, y, plan, chosen)
    assert len(chosen) == plan.n_splits  # one inner search per outer training fold
    assert all(c["features__framing__support__min_share"] in MIN_SUPPORT_GRID for c in chosen)
    assert all(c["clf__C"] in FRAMING_C_GRID for c in chosen)
    assert evaluate(y, pred, classes, n_boot=50)[0]["macro_f1"] > 0.75

    combined = fit_model(build_model("combined", cols, tune=True), X, y)
    w = chosen_params(combined)["weight__weight"]
    assert any(np.isclose(w, m / np.sqrt(len(cols))) for m in FRAMING_WEIGHT_GRID)
    plain = final_pipeline(combined)
    assert [name for name, _ in plain.steps] == ["features", "weight", "clf"]
    assert plain.predict(X.iloc[:3]).shape == (3,)


def test_inner_search_folds_follow_the_groups(tiny):
    from framing.compare.models import fit_model

    features, _, _ = tiny
    y = features["outlet"].to_numpy()
    cols = framing_columns(features, exclude={"label"})
    # one group cannot make two inner folds: proof the groups reach the inner splitter
    with pytest.raises(ValueError):
        fit_model(build_model("framing", cols, tune=True), features, y, np.zeros(len(y)))
