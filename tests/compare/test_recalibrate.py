import numpy as np
import scipy.sparse as sp

from framing.compare.recalibrate import RecalibratedSVC, _inner_splits


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


def test_given_held_out_scores_replace_the_inner_folds():
    from sklearn.model_selection import StratifiedKFold, cross_val_predict
    from sklearn.svm import LinearSVC

    rng = np.random.default_rng(4)
    centres = {"a": [2.0, 0.0], "b": [-2.0, 0.0], "c": [0.0, 1.2]}
    X = np.vstack([rng.normal(centres[c], 1.0, size=(n, 2)) for c, n in zip("abc", (80, 80, 10), strict=True)])
    y = np.repeat(list("abc"), (80, 80, 10))
    plain = LinearSVC(C=0.5, class_weight="balanced", random_state=0)
    held = cross_val_predict(plain, X, y, cv=StratifiedKFold(5, shuffle=True, random_state=0),
                             method="decision_function")
    given = RecalibratedSVC(C=0.5, random_state=0).fit(X, y, held_out_scores=held)
    # the re-weighing is fitted on exactly the values given, the SVM is the usual one
    from sklearn.linear_model import LogisticRegression

    expect = LogisticRegression(C=1.0, class_weight="balanced", max_iter=2000).fit(held, y)
    np.testing.assert_allclose(given.recal_.coef_, expect.coef_)
    np.testing.assert_allclose(given.svm_decision_function(X), plain.fit(X, y).decision_function(X))
    import pytest

    with pytest.raises(ValueError, match="held_out_scores"):
        RecalibratedSVC().fit(X, y, held_out_scores=held[:, :2])


def test_recal_tol_reaches_only_the_inner_folds(monkeypatch):
    import framing.compare.recalibrate as recalibrate

    rng = np.random.default_rng(1)
    X = rng.normal(size=(90, 4)) + np.repeat(np.eye(3, 4) * 3, 30, axis=0)
    y = np.repeat(["a", "b", "c"], 30)
    tols = []
    real = recalibrate.LinearSVC

    def spy(**kw):
        tols.append(kw["tol"])
        return real(**kw)

    monkeypatch.setattr(recalibrate, "LinearSVC", spy)
    m = RecalibratedSVC(tol=0.1, recal_tol=0.5, random_state=0).fit(X, y)
    assert m.tol == 0.1 and tols == [0.5]  # the full SVM keeps its own tolerance
    RecalibratedSVC(tol=0.1, random_state=0).fit(X, y)
    assert tols == [0.5, 0.1]  # without recal_tol the inner folds use tol
