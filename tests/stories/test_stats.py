"""Story-controlled statistics: a difference in coverage is not a difference in framing."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.stories.stats import paired_story_table, story_controlled_table, verdict


def _table(seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Two outlets covering the same 30 stories: ``loaded__x`` differs by outlet within every
    story; ``loaded__topic`` depends only on the story, and outlet A covers the high-topic
    stories more often (extra articles), so it differs in aggregate only."""
    rng = np.random.default_rng(seed)
    rows, members = [], []
    for s in range(30):
        topic = float(s % 2) * 5
        for outlet, extra in (("A", 3 if topic else 0), ("B", 0)):
            for k in range(1 + extra):
                aid = f"{s}-{outlet}-{k}"
                rows.append({"id": aid, "outlet": outlet,
                             "loaded__x": (2.0 if outlet == "A" else 0.0) + rng.normal(0, 0.5),
                             "loaded__topic": topic + rng.normal(0, 0.5)})
                members.append({"id": aid, "story_id": s, "n_outlets": 2})
    return pd.DataFrame(rows), pd.DataFrame(members)


def test_framing_survives_and_coverage_does_not() -> None:
    features, members = _table()
    out = story_controlled_table(features, members, ["loaded__x", "loaded__topic"]).set_index("feature")
    assert out.loc["loaded__x", "verdict"] == "survives story control"
    assert out.loc["loaded__topic", "q_all_articles"] < 0.05  # a plain test finds it
    assert out.loc["loaded__topic", "verdict"] == "not confirmed within stories"


def test_paired_differences_on_shared_stories() -> None:
    features, members = _table()
    out = paired_story_table(features, members, ["loaded__x", "loaded__topic"]).set_index("feature")
    assert out.loc["loaded__x", "n_shared_stories"] == 30
    assert out.loc["loaded__x", "median_diff_shared"] > 1
    assert out.loc["loaded__x", "verdict"] == "survives story control"
    assert out.loc["loaded__topic", "verdict"] == "not confirmed within stories"


def test_verdicts() -> None:
    assert verdict(0.01, 0.01) == "survives story control"
    assert verdict(0.5, 0.01) == "only within stories"
    assert verdict(0.5, 0.5) == "no difference"
