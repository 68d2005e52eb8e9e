import numpy as np
import pandas as pd
import pytest

from framing.compare.control import balancing_weights, confounded_strata, scores_by_stratum


def test_weighted_genre_and_label_are_independent():
    y = np.array(["L"] * 60 + ["R"] * 40)
    s = np.array(["wire"] * 10 + ["news"] * 50 + ["wire"] * 30 + ["news"] * 10)
    w = balancing_weights(y, s)
    assert w.mean() == pytest.approx(1.0)
    cells = pd.DataFrame({"y": y, "s": s, "w": w}).groupby(["s", "y"])["w"].sum()
    # each cell weighs what independence predicts: n_s * n_y / N
    assert cells[("wire", "R")] == pytest.approx(40 * 40 / 100)
    assert cells[("news", "L")] == pytest.approx(60 * 60 / 100)
    assert confounded_strata(y, s) == []
    assert confounded_strata(y, np.where(y == "R", "wire", "news")) == ["news", "wire"]


def test_scores_within_each_stratum_need_enough_articles():
    y = np.array(["a", "b"] * 15)
    s = np.array(["news"] * 24 + ["opinion"] * 6)
    out = scores_by_stratum(y, y, s, np.array(["a", "b"]), min_n=20)
    assert out["news"] == {"n": 24, "macro_f1": 1.0, "labels": 2}
    assert out["opinion"]["macro_f1"] is None and out["opinion"]["n"] == 6
