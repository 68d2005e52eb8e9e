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
