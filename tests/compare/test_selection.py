import pandas as pd

from framing.compare.selection import select_groups


def test_small_groups_are_left_out_and_the_largest_kept_under_the_cap():
    values = pd.Series(["a"] * 9 + ["b"] * 7 + ["c"] * 7 + ["d"] * 2)
    sel = select_groups(values, min_articles=5, max_groups=2)
    assert sel.kept == ["a", "b"]  # ties broken by name
    assert sel.too_small == {"d": 2} and sel.over_cap == {"c": 7}
    msg = sel.message("outlet")
    assert "fewer than 5 articles (d 2)" in msg and "beyond the 2 largest (c 7)" in msg
    assert select_groups(values, 1, None).kept == ["a", "b", "c", "d"]
    assert select_groups(values, 1, None).message("outlet") is None


def test_a_cap_per_group_samples_the_larger_groups_and_says_so():
    from framing.compare.selection import sample_rows

    values = pd.Series(["a", "b"] * 30 + ["c"] * 4 + ["d"] * 6)
    sel = select_groups(values, min_articles=5, max_groups=None)
    rows, capped = sample_rows(values, sel, max_per_group=10, seed=0)
    kept = values.iloc[rows].value_counts().to_dict()
    assert kept == {"a": 10, "b": 10, "d": 6}  # d under the cap: all of it; c too small
    assert list(rows) == sorted(rows)  # the table's order is kept
    assert capped.sampled == {"a": (10, 30), "b": (10, 30)}
    assert "beyond a random 10 of each of 2 outlet value(s) (a 30, b 30)" in capped.message("outlet")
    assert capped.describe()["sampled"] == {"a": [10, 30], "b": [10, 30]}
    again, _ = sample_rows(values, sel, max_per_group=10, seed=0)
    assert list(again) == list(rows)  # seeded
    everything, same = sample_rows(values, sel, max_per_group=None)
    assert len(everything) == 66 and same is sel
