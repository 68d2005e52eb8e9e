import numpy as np
import pandas as pd
import pytest

from framing.compare.models import (
    bootstrap_scores,
    build_model,
    evaluate,
    framing_columns,
    make_cv,
    oof_predict,
)


def test_framing_columns_never_include_metadata():
    df = pd.DataFrame(
        {
            "id": [1, 2], "outlet": ["a", "b"], "label": [0, 1], "errors": [None, None],
            "text": ["x", "y"], "loaded__per_1k": [1.0, 2.0], "sentiment__compound": [0.1, 0.2],
            "loaded__note": ["a", "b"],  # not numeric
            "outlet__id": [1, 2],  # looks like a feature but is excluded by name
        }
    )
    cols = framing_columns(df, exclude={"outlet__id"})
    assert cols == ["loaded__per_1k", "sentiment__compound"]


def test_folds_keep_groups_together(tiny):
    features, _, _ = tiny
    y = features["outlet"].to_numpy()
    groups = np.arange(len(y)) // 2  # pairs of articles
    plan = make_cv(y, groups, n_splits=4, seed=0)
    assert plan.n_splits == 4
    for tr, te in plan.splits:
        assert not set(groups[tr]) & set(groups[te])


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


def test_text_and_combined_models_run_on_text(tiny):
    features, _, corpus = tiny
    X = features.assign(text=corpus["text"].values)
    y = X["outlet"].to_numpy()
    plan = make_cv(y, np.arange(len(y)), n_splits=3, seed=0)
    cols = framing_columns(X, exclude={"label"})
    for kind in ("tfidf", "combined"):
        pred, scores, classes = oof_predict(build_model(kind, cols), X, y, plan)
        assert scores.shape == (len(y), 3)
        assert evaluate(y, pred, classes, n_boot=50)[0]["macro_f1"] > 0.8


def test_bootstrap_interval_brackets_perfect_and_bad():
    y = np.array(list("aabbcc") * 5)
    classes = np.unique(y)
    perfect = bootstrap_scores(y, y, classes, n_boot=100)
    assert perfect["macro_f1_ci"] == [1.0, 1.0]
    wrong = bootstrap_scores(y, np.roll(y, 2), classes, n_boot=100)
    assert wrong["macro_f1_ci"][1] < 0.6


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        build_model("forest", ["loaded__x"])
