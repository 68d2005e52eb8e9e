import numpy as np
import pandas as pd
import pytest
import scipy.sparse as sp
from sklearn.preprocessing import QuantileTransformer

from framing.compare.transformers import BlockWeight, MentionShrinkage, MinSupport, NormalQuantiles


def _naming_table(rows: list[tuple[float, float, float, float]]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=[
        "loaded__naming__islamic_state__daesh", "loaded__labelled__islamic_state",
        "loaded__mentions__islamic_state", "readability__gunning_fog",
    ])


def test_mention_shrinkage_weighs_a_share_by_the_mentions_behind_it():
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
    X = np.array([[0, 1, np.nan], [0, 2, 1.0], [0, 0, np.nan], [0, 3, np.nan]], dtype=float)
    sel = MinSupport(min_share=0.5).fit(X)
    # column 0 never non-zero; column 2 present once (a missing value counts as absent)
    assert sel.get_support().tolist() == [False, True, False]
    assert sel.transform(X).shape == (4, 1)
    assert MinSupport(0.0).fit(X).get_support().all()
    # a cut no column passes still leaves the most frequent one
    assert MinSupport(0.99).fit(X).get_support().tolist() == [False, True, False]


def test_block_weight_scales_only_the_framing_block():
    X = np.ones((2, 5))
    out = BlockWeight(n_first=2, weight=0.1).fit_transform(X)
    assert np.allclose(out[:, :2], 0.1) and np.allclose(out[:, 2:], 1.0)
    outs = BlockWeight(n_first=2, weight=0.1).fit_transform(sp.csr_matrix(X))
    assert sp.issparse(outs) and np.allclose(outs.toarray(), out)


def test_normal_quantiles_equal_scikit_learns_normal_quantile_map():
    # zero-inflated counts (runs of equal quantiles), a constant column, NaNs, and test values
    # outside the training range: every branch of the map
    rng = np.random.default_rng(0)
    train = rng.exponential(size=(300, 40)) * (rng.random((300, 40)) < 0.15)
    train[rng.random(train.shape) < 0.02] = np.nan
    train[:, 3] = 2.0
    test = rng.exponential(size=(50, 40)) * 3 - 0.5
    test[0, 0] = np.nan
    ours = NormalQuantiles(n_quantiles=100).fit(train)
    theirs = QuantileTransformer(n_quantiles=100, output_distribution="normal").fit(train)
    for X in (train, test):
        assert np.array_equal(ours.transform(X), theirs.transform(X), equal_nan=True)
    assert np.isfinite(ours.transform(test)[1:]).all()  # clipped, never +-inf
    back = ours.inverse_transform(ours.transform(test))
    assert np.allclose(back, theirs.inverse_transform(theirs.transform(test)), equal_nan=True)
