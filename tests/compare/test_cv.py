import numpy as np
import pytest

from framing.compare.cv import make_cv
from framing.errors import FramingError


def test_folds_keep_groups_together(tiny):
    features, _, _ = tiny
    y = features["outlet"].to_numpy()
    groups = np.arange(len(y)) // 2  # pairs of articles
    plan = make_cv(y, groups, n_splits=4, seed=0)
    assert plan.n_splits == 4
    for tr, te in plan.splits:
        assert not set(groups[tr]) & set(groups[te])


def test_folds_that_leave_one_outlet_to_learn_from_are_refused_in_one_line():
    # one republished story holds every article of "A" and some of "B": whichever fold tests
    # it, the other trains on "B" alone
    y = np.array(["A", "A", "A", "B", "B"])
    groups = np.array([0, 0, 0, 0, 1])
    with pytest.raises(FramingError, match="training fold holds only 'B' articles"):
        make_cv(y, groups, n_splits=5, seed=0)


def test_a_fold_s_framing_block_is_fitted_once_and_shared_with_the_same_scores(tiny):
    from sklearn.frozen import FrozenEstimator

    from framing.compare import cv as cvmod
    from framing.compare.columns import framing_columns
    from framing.compare.models import build_model
    from framing.compare.termcache import shared_term_counts

    features, _, corpus = tiny
    X = features.merge(corpus[["id", "text"]], on="id")
    y = X["outlet"].to_numpy()
    cols = framing_columns(X, exclude={"outlet", "id", "label"})
    plan = make_cv(y, np.arange(len(y)), n_splits=3, seed=0)
    plain = [cvmod.oof_predict(build_model(k, cols), X, y, plan)[1] for k in ("framing", "combined")]
    blocks: dict = {}
    fitted = []
    real_fit = cvmod.fit_model

    def spy(m, *a, **kw):
        fitted.append(m.named_steps["features"].transformers[0][1])
        return real_fit(m, *a, **kw)

    cvmod.fit_model = spy
    try:
        with shared_term_counts():
            shared = [cvmod.oof_predict(build_model(k, cols), X, y, plan, blocks=blocks)[1]
                      for k in ("framing", "combined")]
    finally:
        cvmod.fit_model = real_fit
    assert len(blocks) == plan.n_splits  # one fitted block per fold, kept from the first model
    assert not any(isinstance(b, FrozenEstimator) for b in fitted[:3])
    assert all(isinstance(b, FrozenEstimator) for b in fitted[3:])  # the combined model's
    for a, b in zip(plain, shared, strict=True):
        np.testing.assert_allclose(a, b)
