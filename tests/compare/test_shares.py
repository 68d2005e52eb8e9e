from collections import Counter

import numpy as np
import pandas as pd
import pytest

from framing.compare.shares import exclusion_table, mean_with_ci, naming_shares, wilson


def _table() -> pd.DataFrame:
    # outlet A: 6 articles each naming IS twice, half as Daesh; outlet B: one article, one mention
    rows = [{"outlet": "A", "loaded__mentions__islamic_state": 2.0,
             "loaded__naming__islamic_state__daesh": 0.5, "loaded__rate__daesh": 1.0}
            for _ in range(6)]
    rows.append({"outlet": "B", "loaded__mentions__islamic_state": 1.0,
                 "loaded__naming__islamic_state__daesh": 1.0, "loaded__rate__daesh": 3.0})
    rows.append({"outlet": "B", "loaded__mentions__islamic_state": 0.0,
                 "loaded__naming__islamic_state__daesh": 0.0, "loaded__rate__daesh": 0.0})
    return pd.DataFrame(rows)


def test_a_share_from_one_mention_carries_its_n_and_a_wide_interval():
    s = naming_shares(_table(), "outlet").set_index("outlet")
    assert s.loc["A", "share"] == pytest.approx(0.5) and s.loc["A", "mentions"] == 12
    assert s.loc["A", "n_articles"] == 6 and s.loc["A", "enough"]
    b = s.loc["B"]
    assert b["share"] == 1.0 and b["n_articles"] == 1 and not b["enough"]
    assert b["ci_low"] < 0.25 and b["ci_high"] == pytest.approx(1.0)  # "100%" from one article
    assert s.loc["A", "ci_high"] - s.loc["A", "ci_low"] < b["ci_high"] - b["ci_low"]


def test_wilson_agrees_with_the_formula_and_leaves_n_zero_undefined():
    low, high = wilson(np.array([0.5, 0.0]), np.array([10, 0]))
    z = 1.959964
    centre = (0.5 + z**2 / 20) / (1 + z**2 / 10)
    half = z * np.sqrt(0.25 / 10 + z**2 / 400) / (1 + z**2 / 10)
    assert low[0] == pytest.approx(centre - half, abs=1e-6)
    assert high[0] == pytest.approx(centre + half, abs=1e-6)
    assert np.isnan(low[1]) and np.isnan(high[1])


def test_rates_carry_n_and_a_bootstrap_interval():
    m = mean_with_ci(_table(), ["loaded__rate__daesh"], "outlet", n_boot=200).set_index("outlet")
    assert m.loc["A", "mean"] == 1.0 and m.loc["A", "n"] == 6
    assert m.loc["A", "ci_low"] == m.loc["A", "ci_high"] == 1.0  # every article the same
    assert m.loc["B", "ci_low"] <= 1.5 <= m.loc["B", "ci_high"] and not m.loc["B", "enough"]


def test_exclusion_table_counts_cuts_and_articles_per_outlet():
    t = exclusion_table([Counter(caption=2), Counter(), Counter(dateline=1)], ["A", "A", "B"])
    assert t["A"] == {"articles": 2, "articles_touched": 1, "cuts": {"caption": 2}}
    assert t["B"]["cuts"] == {"dateline": 1}
