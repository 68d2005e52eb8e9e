"""Section 2's headline rates per group with their n and a 95% bootstrap interval.

The per-group tables pool words over a group's articles; a researcher comparing two outlets
also needs to know how sure the difference is. Here each rate is the mean over the group's
articles with a percentile bootstrap interval over articles (``framing.compare.shares
.mean_with_ci``, the comparison's own estimator), and groups under ``min_n`` articles are
marked, not dropped.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from framing.report.format import fmt
from framing.report.glossary import gloss
from framing.report.sections import Table

#: the rates shown, in this order, when the families produced them
RATE_COLUMNS = ("loaded__per_1k_narrator", "loaded__per_1k_quoted", "claims__share_unattributed",
                "claims__share_hedged", "claims__share_anonymous")


def rates_table(features: pd.DataFrame, groups: pd.Series, order: Sequence[str], by: str,
                docs: Mapping[str, tuple[str, str]], min_n: int, seed: int = 0
                ) -> Table | None:
    """One row per group, one "mean [low, high]" cell per rate, and the articles behind it."""
    from framing.compare.shares import mean_with_ci

    cols = [c for c in RATE_COLUMNS if c in features.columns]
    if not cols:
        return None
    df = features[cols].apply(pd.to_numeric, errors="coerce").assign(**{by: groups.to_numpy()})
    ci = mean_with_ci(df, cols, by, n_boot=1000, seed=seed, min_n=min_n)
    cells: dict[str, dict[str, str]] = {}
    n: dict[str, int] = {}
    for r in ci.itertuples(index=False):
        g = str(r[0])  # the group column comes first
        n[g] = int(r.n)
        lo_hi = "" if pd.isna(r.ci_low) else f" [{fmt(r.ci_low, 2)}, {fmt(r.ci_high, 2)}]"
        cells.setdefault(g, {})[r.feature] = f"{fmt(r.mean, 2)}{lo_hi}"
    names = {c: _label(*gloss(c, docs)) for c in cols}
    rows: list[dict[str, Any]] = []
    for g in order:
        if g not in cells:
            continue
        row = {by: g, "articles": n[g] if n[g] >= min_n else f"{n[g]} (under {min_n})"}
        row.update({names[c]: cells[g].get(c, "–") for c in cols})
        rows.append(row)
    table = pd.DataFrame(rows).set_index(by)
    return Table.from_df(table, f"Rates per article, mean [95% bootstrap interval] per {by}",
                         max_rows=100, note="Mean over the group's articles; interval: 2.5th "
                         "and 97.5th percentiles of 1,000 resamples of its articles.")


def _label(meaning: str, unit: str) -> str:
    return f"{meaning} ({unit})" if unit else meaning
