"""Which groups (outlets, or values of ``--by``) are compared, and which are left out, and why.

The comparison's cost grows with the number of groups: a one-vs-rest SVM per group, a
pairwise test per pair (146 outlets make 10,585 pairs). And a group with a handful of articles
cannot be learned or tested: under 5-fold CV an outlet with 3 articles is missing from two
test folds, and its F1 rests on three guesses. So only groups with at least ``min_articles``
articles are compared, at most ``max_groups`` of them (the largest; ties by name), and the
rest are listed in ``summary.json`` and on stderr, never silently dropped. ``max_per_group``
(off in ``framing compare``, on in the report's default) also compares a seeded random sample
of that many articles from each larger group: the classifiers' cost grows with articles
times groups, and beyond a hundred or so articles per group the scores and statistics gain
little that a report can show.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

#: Fewest articles a group needs to be compared: one in each of the default 5 test folds.
MIN_ARTICLES = 5
#: Most groups compared in one run (the largest): beyond this the classifiers and pairwise
#: tests cost more than they tell, and no chart or table can show them. 0 or None: no cap.
MAX_GROUPS = 30


@dataclass(frozen=True)
class Selection:
    """The groups compared and those left out (name -> articles), largest first."""

    kept: list[str]
    too_small: dict[str, int] = field(default_factory=dict)
    over_cap: dict[str, int] = field(default_factory=dict)
    min_articles: int = MIN_ARTICLES
    max_groups: int | None = MAX_GROUPS
    #: groups compared on a sample: name -> (articles compared, articles it has)
    sampled: dict[str, tuple[int, int]] = field(default_factory=dict)
    max_per_group: int | None = None

    @property
    def left_out(self) -> dict[str, int]:
        return {**self.over_cap, **self.too_small}

    def describe(self) -> dict[str, Any]:
        """For summary.json: the rule and every group it left out, with its articles."""
        return {
            "min_articles": self.min_articles,
            "max_groups": self.max_groups,
            "n_compared": len(self.kept),
            "too_small": self.too_small,
            "over_cap": self.over_cap,
            "max_per_group": self.max_per_group,
            "sampled": {k: list(v) for k, v in self.sampled.items()},
        }

    def message(self, by: str) -> str | None:
        """One line for stderr naming what was left out (None when nothing was)."""
        parts = []
        if self.too_small:
            parts.append(
                f"{len(self.too_small)} {by} value(s) with fewer than {self.min_articles} "
                f"articles ({_names(self.too_small)})"
            )
        if self.over_cap:
            parts.append(
                f"{len(self.over_cap)} more beyond the {self.max_groups} largest "
                f"({_names(self.over_cap)})"
            )
        if self.sampled:
            parts.append(
                f"the articles beyond a random {self.max_per_group} of each of "
                f"{len(self.sampled)} {by} value(s) ({_names({k: v[1] for k, v in self.sampled.items()})})"
            )
        if not parts:
            return None
        return f"left out of the comparison: {'; '.join(parts)}; listed in summary.json"


def _names(groups: dict[str, int], shown: int = 5) -> str:
    items = [f"{k} {v}" for k, v in list(groups.items())[:shown]]
    more = len(groups) - shown
    return ", ".join(items) + (f", and {more} more" if more > 0 else "")


def select_groups(
    values: pd.Series, min_articles: int = MIN_ARTICLES, max_groups: int | None = MAX_GROUPS
) -> Selection:
    """Decide which values of ``values`` (one per article) are compared."""
    counts = values.astype(str).value_counts()
    order = sorted(counts.index, key=lambda g: (-int(counts[g]), g))
    big = [g for g in order if counts[g] >= min_articles]
    too_small = {g: int(counts[g]) for g in order if counts[g] < min_articles}
    cap = max_groups or None
    kept = big[:cap] if cap else big
    over = {g: int(counts[g]) for g in big[len(kept):]}
    return Selection(kept, too_small, over, min_articles, cap)


def sample_rows(values: pd.Series, sel: Selection, max_per_group: int | None,
                seed: int = 0) -> tuple[np.ndarray, Selection]:
    """Positions of the rows compared: every row of a kept group, or a seeded random
    ``max_per_group`` of a larger one's (in their original order), and the selection with
    what was sampled recorded."""
    v = values.astype(str).to_numpy()
    kept = np.isin(v, sel.kept)
    if not max_per_group:
        return np.flatnonzero(kept), sel
    rng = np.random.default_rng(seed)
    rows, sampled = [], {}
    for g in sel.kept:
        where = np.flatnonzero(v == g)
        if len(where) > max_per_group:
            sampled[g] = (max_per_group, len(where))
            where = np.sort(rng.choice(where, max_per_group, replace=False))
        rows.append(where)
    order = np.sort(np.concatenate(rows)) if rows else np.zeros(0, dtype=int)
    return order, Selection(sel.kept, sel.too_small, sel.over_cap, sel.min_articles,
                            sel.max_groups, sampled, max_per_group)
