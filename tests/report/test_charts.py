"""Charts: data labels stay text inside the SVG, and making one leaves matplotlib's state alone."""

from __future__ import annotations

import matplotlib
import numpy as np
import pandas as pd
from scipy.cluster.hierarchy import linkage

from framing.report import charts

EVIL = "<script>alert(1)</script>"


def test_labels_are_escaped_and_svg_is_inline_ready():
    svgs = [
        charts.hbar(pd.Series({EVIL: 3, "SANA": 1}), "t", "x", "a"),
        charts.stacked_hbar(pd.DataFrame({EVIL: [0.5, 1.0], "b": [0.5, 0.0]}, index=[EVIL, "x"]),
                            "t", "b", counts=pd.Series({EVIL: 2, "x": 1})),
        charts.heatmap(pd.DataFrame([[0.1, np.nan], [0.3, -0.4]], index=[EVIL, "b"],
                                    columns=["c", EVIL]), "t", "c"),
        charts.dendrogram(linkage(np.eye(3), "average"), [EVIL, "b", "c"], "t", "d"),
        charts.grouped_bars(pd.DataFrame({"narrator": [1.0, 2.0], "quoted": [np.nan, 1.0]},
                                         index=[EVIL, "b"]), "t", "x", "e"),
    ]
    for svg in svgs:
        assert svg.startswith("<svg") and svg.rstrip().endswith("</svg>")
        assert "<script" not in svg and "&lt;script&gt;" in svg
        assert 'width="100%"' in svg  # scales with the page instead of overflowing it


def test_ids_differ_between_charts():
    a = charts.hbar(pd.Series({"a": 1}), "t", "x", "one")
    b = charts.hbar(pd.Series({"a": 1}), "t", "x", "two")
    ids = lambda s: set(__import__("re").findall(r'id="([^"]+)"', s))  # noqa: E731
    assert not (ids(a) & ids(b))


def test_backend_is_left_alone():
    before = matplotlib.get_backend()
    charts.hbar(pd.Series({"a": 1}), "t", "x", "k")
    assert matplotlib.get_backend() == before


def test_bars_under_min_n_articles_are_grey_and_say_so():
    shares = pd.DataFrame({"daesh": [0.5, 1.0], "isis": [0.5, 0.0]}, index=["Big", "Tiny"])
    counts = pd.Series({"Big": 40, "Tiny": 1})
    thin = charts.stacked_hbar(shares, "t", "k1", counts=counts,
                               articles=pd.Series({"Big": 20, "Tiny": 1}), min_n=5)
    assert charts.THIN_COLOR in thin and "under 5: grey" in thin and "1 art." in thin
    fine = charts.stacked_hbar(shares, "t", "k2", counts=counts,
                               articles=pd.Series({"Big": 20, "Tiny": 9}), min_n=5)
    assert charts.THIN_COLOR not in fine and "under 5" not in fine
    rates = pd.DataFrame({"narrator": [3.0, 9.0]}, index=["Big", "Tiny"])
    bars = charts.grouped_bars(rates, "t", "x", "k3", articles=pd.Series({"Big": 20, "Tiny": 2}),
                               min_n=5)
    assert charts.THIN_COLOR in bars and "Tiny (2 art., under 5)" in bars
