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
