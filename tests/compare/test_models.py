import numpy as np
import pandas as pd
import pytest

from framing.compare.models import (
    RecalibratedSVC,
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


def test_folds_that_leave_one_outlet_to_learn_from_are_refused_in_one_line():
    import pytest

    from framing.errors import FramingError

    # one republished story holds every article of "A" and some of "B": whichever fold tests
    # it, the other trains on "B" alone
    y = np.array(["A", "A", "A", "B", "B"])
    groups = np.array([0, 0, 0, 0, 1])
    with pytest.raises(FramingError, match="training fold holds only 'B' articles"):
        make_cv(y, groups, n_splits=5, seed=0)


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


def test_per_class_intervals_agree_with_sklearn_and_widen_for_small_classes():
    from sklearn.metrics import precision_recall_fscore_support

    rng = np.random.default_rng(0)
    y = np.array(["big"] * 200 + ["small"] * 8 + ["never"] * 20)
    pred = y.copy()
    flip = rng.random(len(y)) < 0.3
    pred[flip] = rng.choice(["big", "small"], flip.sum())
    pred[y == "never"] = "big"  # a class that is never predicted: precision and F1 are 0
    classes = np.unique(y)
    s, _ = evaluate(y, pred, classes, n_boot=300)
    p, r, f, _ = precision_recall_fscore_support(y, pred, labels=classes, zero_division=0)
    for i, c in enumerate(classes):
        o = s["per_outlet"][c]
        assert o["f1"] == pytest.approx(f[i]) and o["recall"] == pytest.approx(r[i])
        for metric in ("precision", "recall", "f1"):
            lo, hi = o[f"{metric}_ci"]
            assert lo <= o[metric] + 1e-9 and o[metric] - 1e-9 <= hi
    assert s["per_outlet"]["never"]["f1_ci"] == [0.0, 0.0]
    width = {c: np.diff(s["per_outlet"][c]["f1_ci"])[0] for c in ("big", "small")}
    assert width["small"] > 2 * width["big"]  # 8 articles say less than 200


def test_unknown_kind_is_an_error():
    with pytest.raises(ValueError):
        build_model("forest", ["loaded__x"])


def _naming_table(rows: list[tuple[float, float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[
        "loaded__naming__islamic_state__daesh", "loaded__labelled__islamic_state",
        "loaded__mentions__islamic_state", "readability__gunning_fog",
    ])


def test_mention_shrinkage_weighs_a_share_by_the_mentions_behind_it():
    from framing.compare.models import MentionShrinkage

    train = _naming_table([(1.0, 0.0, 1, 10.0), (0.0, 0.5, 3, 11.0), (0.25, 0.0, 4, 12.0)])
    sh = MentionShrinkage(strength=2.0).fit(train)
    # pooled over the training articles: 1 + 0 + 1 Daesh mentions out of 8
    assert sh.prior_[0] == pytest.approx(2 / 8)
    test = _naming_table([(1.0, 0.0, 1, 9.0), (1.0, 0.0, 20, 9.0), (0.0, 0.0, 0, np.nan)])
    out = sh.transform(test)
    once, often, never = out[:, 0]
    assert often > once > 2 / 8  # twenty "Daesh" say more than one
    assert once == pytest.approx((1 + 2 * 2 / 8) / 3)
    assert never == pytest.approx(2 / 8)  # unmentioned: the prior, not "never says Daesh"
    assert out[0, 3] == 9.0 and np.isnan(out[2, 3])  # other columns untouched, NaN kept
    assert out[1, 2] == 20  # the counts themselves too
    assert list(sh.get_feature_names_out()) == list(train.columns)
    # without a mentions column there is nothing to shrink against
    alone = train.drop(columns=["loaded__mentions__islamic_state"])
    assert np.array_equal(MentionShrinkage().fit(alone).transform(alone), alone.to_numpy())


def test_min_support_keeps_columns_seen_often_enough():
    from framing.compare.models import MinSupport

    X = np.array([[0, 1, np.nan], [0, 2, 1.0], [0, 0, np.nan], [0, 3, np.nan]], dtype=float)
    sel = MinSupport(min_share=0.5).fit(X)
    # column 0 never non-zero; column 2 present once (a missing value counts as absent)
    assert sel.get_support().tolist() == [False, True, False]
    assert sel.transform(X).shape == (4, 1)
    assert MinSupport(0.0).fit(X).get_support().all()
    # a cut no column passes still leaves the most frequent one
    assert MinSupport(0.99).fit(X).get_support().tolist() == [False, True, False]


def test_block_weight_scales_only_the_framing_block():
    import scipy.sparse as sp

    from framing.compare.models import BlockWeight

    X = np.ones((2, 5))
    out = BlockWeight(n_first=2, weight=0.1).fit_transform(X)
    assert np.allclose(out[:, :2], 0.1) and np.allclose(out[:, 2:], 1.0)
    outs = BlockWeight(n_first=2, weight=0.1).fit_transform(sp.csr_matrix(X))
    assert sp.issparse(outs) and np.allclose(outs.toarray(), out)


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


def test_recalibrated_svm_keeps_the_svm_weights_and_lets_a_small_class_win():
    from sklearn.svm import LinearSVC

    rng = np.random.default_rng(0)
    # two large classes and a small one whose centre sits between them: raw one-vs-rest SVM
    # margins favour the large classes, held-out re-weighing gives the small one its share
    centres = {"big_a": [2.0, 0.0], "big_b": [-2.0, 0.0], "small": [0.0, 1.2]}
    sizes = {"big_a": 150, "big_b": 150, "small": 12}
    X = np.vstack([rng.normal(centres[c], 1.0, size=(n, 2)) for c, n in sizes.items()])
    y = np.concatenate([[c] * n for c, n in sizes.items()])
    recal = RecalibratedSVC(C=0.5, random_state=0).fit(X, y)
    plain = LinearSVC(C=0.5, class_weight="balanced", random_state=0).fit(X, y)
    np.testing.assert_allclose(recal.coef_, plain.coef_)  # explanations read the SVM's weights
    assert recal.recal_ is not None
    d = recal.decision_function(X)
    np.testing.assert_allclose(d, recal.recal_.decision_function(plain.decision_function(X)))
    assert (recal.predict(X) == recal.classes_[d.argmax(axis=1)]).all()
    test = rng.normal(centres["small"], 1.0, size=(200, 2))
    assert (recal.predict(test) == "small").mean() > (plain.predict(test) == "small").mean() + 0.2


def test_recalibration_folds_keep_near_identical_rows_together():
    import scipy.sparse as sp

    from framing.compare.models import _inner_splits
    from framing.compare.neardup import similar_row_groups

    rng = np.random.default_rng(1)
    base = sp.random(40, 500, density=0.05, random_state=2, format="csr")
    # rows 40-59 republish rows 0-19 with a few words changed
    noise = sp.random(20, 500, density=0.002, random_state=3, format="csr")
    X = sp.vstack([base, base[:20] + noise]).tocsr()
    y = np.array(["a", "b"] * 20 + ["a", "b"] * 10)
    groups = similar_row_groups(X, 0.6)
    assert all(groups[i] == groups[40 + i] for i in range(20))
    assert len(np.unique(groups)) == 40
    for _train, test in _inner_splits(X, y, 3, 0.6):
        for i in range(20):
            assert (i in test) == (40 + i in test)
    # dense low-dimensional rows all look alike by cosine: plain stratified folds instead
    Xd = rng.normal(size=(30, 2)) + 5
    yd = np.array(["a", "b", "c"] * 10)
    assert len(_inner_splits(Xd, yd, 3, 0.6)) == 3


def test_recalibrated_svm_falls_back_to_the_plain_svm_when_a_class_is_too_small():
    X = np.array([[0.0], [0.1], [0.2], [1.0], [1.1], [1.2], [5.0]])
    y = np.array(["a", "a", "a", "b", "b", "b", "c"])
    m = RecalibratedSVC(random_state=0).fit(X, y)
    assert m.recal_ is None  # one article of "c": no held-out scores for it
    assert m.predict(X).shape == (7,)
