import numpy as np
import pytest

from framing.compare.scores import bootstrap_scores, evaluate


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
