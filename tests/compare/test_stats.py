import numpy as np
import pandas as pd
import pytest
from scipy import stats as sst

from framing.compare.stats import (
    bh,
    cliffs_delta,
    cluster,
    dendrogram_order,
    kruskal_table,
    pairwise_table,
    profiles,
    similarity,
)


def test_cliffs_delta_extremes():
    x = np.array([[5.0, 1.0], [6.0, 1.0], [7.0, 1.0]])
    y = np.array([[1.0, 1.0], [2.0, 1.0]])
    d = cliffs_delta(x, y)
    assert d[0] == 1.0 and d[1] == 0.0
    assert cliffs_delta(y, x)[0] == -1.0


def test_bh_keeps_nan_and_is_at_least_p():
    p = np.array([0.01, 0.04, np.nan, 0.5])
    q = bh(p)
    assert np.isnan(q[2])
    assert np.all(q[[0, 1, 3]] >= p[[0, 1, 3]])


def test_kruskal_finds_the_real_difference_not_the_noise(tiny):
    features, _, _ = tiny
    kw = kruskal_table(features, ["loaded__per_1k", "claims__share_hedged"], "outlet")
    q = kw.set_index("feature")["q"]
    assert q["loaded__per_1k"] < 1e-4
    assert q["claims__share_hedged"] > 0.05
    assert kw.set_index("feature").loc["loaded__per_1k", "epsilon_sq"] > 0.5


def test_pairwise_has_every_pair_with_effect_sizes(tiny):
    features, _, _ = tiny
    pw = pairwise_table(features, ["loaded__per_1k"], "outlet")
    assert len(pw) == 3  # three outlets -> three pairs
    row = pw[(pw.group_a == "Alpha Daily") & (pw.group_b == "Gamma Times")].iloc[0]
    assert row.cliffs_delta < -0.9  # Alpha's values are far lower
    assert row.q < 0.01


def test_similarity_and_clustering_group_alike_outlets():
    df = pd.DataFrame(
        {
            "outlet": ["a"] * 5 + ["b"] * 5 + ["c"] * 5,
            "f__x": [1.0] * 5 + [1.1] * 5 + [-1.0] * 5,
            "f__y": [-1.0] * 5 + [-0.9] * 5 + [1.0] * 5,
        }
    )
    df.loc[[0, 5, 10], "f__x"] += 0.05  # some spread
    prof = profiles(df, ["f__x", "f__y"], "outlet")
    sim = similarity(prof)
    assert np.allclose(np.diag(sim), 1.0)
    assert sim.loc["a", "b"] > 0.9 and sim.loc["a", "c"] < 0
    z, labels = cluster(prof)
    assert z.shape == (2, 4)
    order = dendrogram_order(z, labels)
    assert abs(order.index("a") - order.index("b")) == 1


def test_kruskal_table_agrees_with_scipy_column_by_column():
    rng = np.random.default_rng(4)
    df = pd.DataFrame({
        "g": rng.choice(["a", "b", "c", "d"], 120),
        "x__tied": rng.integers(0, 4, 120).astype(float),  # heavy ties
        "x__cont": rng.normal(size=120),
        "x__nan": np.where(rng.random(120) < 0.2, np.nan, rng.normal(size=120)),
        "x__const": 1.0,
    })
    df.loc[df.g == "b", "x__cont"] += 1.0
    kw = kruskal_table(df, ["x__tied", "x__cont", "x__nan", "x__const"], "g").set_index("feature")
    for col in ("x__tied", "x__cont", "x__nan"):
        samples = [s[col].dropna().to_numpy() for _, s in df.groupby("g")]
        h, p = sst.kruskal(*samples)
        assert kw.loc[col, "h"] == pytest.approx(h) and kw.loc[col, "p"] == pytest.approx(p)
    assert np.isnan(kw.loc["x__const", "p"])
