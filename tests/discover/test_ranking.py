"""Fightin' Words: the z-score of Monroe, Colaresi and Quinn (2008), checked against numbers
worked out by hand from the formula."""

from __future__ import annotations

import math

import numpy as np
import pytest

from framing.discover.ranking import REST, comparisons, log_odds, prior


def test_log_odds_and_z_match_the_formula_worked_by_hand():
    # y_i = 10, y_j = 2, n_i = 100, n_j = 80, a_w = 1.2, a_0 = 12:
    # delta = ln(11.2 / 100.8) - ln(3.2 / 88.8) = -2.197225 + 3.323236 = 1.126011
    # var = 1/11.2 + 1/3.2 = 0.401786; z = 1.126011 / 0.633866 = 1.776419
    delta, z = log_odds(np.array([10]), np.array([2]), np.array([100]), np.array([80]), np.array([1.2]),
                        np.array([12.0]))
    assert delta[0] == pytest.approx(1.126011, abs=1e-6)
    assert z[0] == pytest.approx(1.776419, abs=1e-6)
    # the same, written out once more from the paper's equations
    a, b = 10 + 1.2, 2 + 1.2
    expect = (math.log(a / (100 + 12 - a)) - math.log(b / (80 + 12 - b))) / math.sqrt(1 / a + 1 / b)
    assert z[0] == pytest.approx(expect)


def test_z_is_antisymmetric_and_zero_for_equal_rates():
    args = (np.array([30, 5]), np.array([10, 5]), np.array([1000, 1000]), np.array([800, 1000]))
    alpha, alpha0 = np.array([2.0, 2.0]), np.array([20.0, 20.0])
    d1, z1 = log_odds(*args, alpha, alpha0)
    d2, z2 = log_odds(args[1], args[0], args[3], args[2], alpha, alpha0)
    assert np.allclose(z1, -z2) and np.allclose(d1, -d2)
    assert z1[1] == pytest.approx(0.0)


def test_prior_does_not_over_reward_rare_words():
    # the same 3:1 split of uses, once with 4 uses and once with 400: only the frequent word
    # is clear evidence (a raw log-odds ratio would rank them the same)
    y_i, y_j = np.array([3, 300]), np.array([1, 100])
    n = np.array([10_000, 10_000])
    alpha, alpha0 = prior(y_i + y_j, np.array([1, 1]), np.array([0, 20_000]))
    _, z = log_odds(y_i, y_j, n, n, alpha, alpha0)
    assert z[1] > 5 * z[0] > 0


def test_corpus_prior_is_each_terms_share_times_the_scale():
    alpha, alpha0 = prior(np.array([10, 30, 5]), np.array([1, 1, 2]), np.array([0, 40, 5, 0]), scale=0.5)
    assert np.allclose(alpha, [0.5 * 10, 0.5 * 30, 0.5 * 5])
    assert np.allclose(alpha0, [20, 20, 2.5])


def test_background_prior_smooths_unseen_terms():
    alpha, alpha0 = prior(np.array([10, 30]), np.array([1, 1]), np.array([0, 40, 0, 0]),
                          background=np.array([99, 0]), background_totals={1: 100})
    assert alpha[1] > 0 and alpha[0] > 50 * alpha[1]
    assert np.allclose(alpha0, 40)


def test_comparisons_rest_and_one_group():
    assert comparisons(["a", "b", "c"]) == [("a", REST), ("b", REST), ("c", REST)]
    assert comparisons(["a", "b", "c"], "b") == [("a", "b"), ("b", "a"), ("c", "b"), ("b", "c")]
    with pytest.raises(ValueError):
        comparisons(["a", "b"], "x")
