"""Pairwise evaluation of a story grouping against hand-labelled article pairs.

A pair counts as predicted "same story" when both articles got the same story id; precision
and recall are over the labelled pairs (docs/stories.md says how they were sampled and
labelled, and why the sample is enriched for positives and borderline cases).
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from framing.errors import FramingError


def pair_scores(stories: pd.DataFrame, pairs: pd.DataFrame) -> dict[str, Any]:
    """Precision, recall and counts of ``stories`` (the story table) on ``pairs``
    (columns ``id_a``, ``id_b``, ``same_story`` 1/0)."""
    from framing.stories.detect import story_of

    sid = story_of(stories).set_index("id")["story_id"]
    missing = sorted(set(pairs["id_a"]).union(pairs["id_b"]) - set(sid.index))
    if missing:
        raise FramingError(f"{len(missing)} labelled article(s) are in no story, e.g. {missing[0]!r}")
    pred = (sid.loc[pairs["id_a"]].to_numpy() == sid.loc[pairs["id_b"]].to_numpy())
    gold = pairs["same_story"].astype(int).to_numpy() == 1
    tp, fp, fn = int((pred & gold).sum()), int((pred & ~gold).sum()), int((~pred & gold).sum())
    return {
        "n_pairs": len(pairs), "n_same": int(gold.sum()), "tp": tp, "fp": fp, "fn": fn,
        "precision": tp / (tp + fp) if tp + fp else float("nan"),
        "recall": tp / (tp + fn) if tp + fn else float("nan"),
    }
