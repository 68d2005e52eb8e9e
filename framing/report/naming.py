"""Section 2's naming profiles: which name each group uses for each referent, with its n.

A share is only as good as the articles behind it: each chart prints the mentions and the
articles per group and greys a group with fewer than ``min_n`` articles naming the referent,
and a folded table beside it gives every share with its 95% Wilson interval. The interval's n
is the number of articles that name the referent, not the mentions (mentions cluster within
an article: ten "Daesh" in one article are one choice), the rule ``framing.compare.shares``
uses for ``naming_shares.csv``.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import pandas as pd

from framing.report import charts
from framing.report.sections import Figure, Table

#: referents with the most mentions get a naming-profile chart each
MAX_REFERENTS = 8
#: names per referent chart; the rest are summed as OTHER_NAMES
MAX_NAMES = 7
OTHER_NAMES = "other names"
_NEUTRAL_SHADES = ["#4c6e8f", "#8fa9c4", "#c3d2e2", "#2f4a66", "#a7b4c0", "#6f8aa6"]
_LOADED_SHADES = ["#d1495b", "#edae49", "#a05195", "#f07c3e", "#8c2d2d", "#f2c6a0",
                  "#c98bb9"]


def naming_anchor(referent: str) -> str:
    return "naming-" + "".join(ch if ch.isalnum() else "-" for ch in str(referent).lower())[:40]


def naming(analyses: Sequence[Mapping[str, Any]], groups: pd.Series, order: Sequence[str],
           referent_labels: Mapping[str, str], by: str = "outlet", min_n: int = 5
           ) -> dict[str, Any]:
    from framing.compare.shares import wilson

    rows = []
    for pos, (a, g) in enumerate(zip(analyses, groups, strict=True)):
        for t in a.get("loaded_terms") or []:
            if t.get("referent"):
                rows.append((g, pos, t["referent"], t.get("canonical") or t.get("text"),
                             t.get("category")))
    if not rows:
        return {"figures": [], "tables": [], "note": "No lexicon entry naming a referent occurred."}
    df = pd.DataFrame(rows, columns=["g", "pos", "ref", "name", "cat"])
    figs, tables = [], []
    refs = df["ref"].value_counts()
    for ref in refs.index[:MAX_REFERENTS]:
        sub = df[df["ref"] == ref]
        ct = pd.crosstab(sub["g"], sub["name"])
        ct = ct.reindex([o for o in order if o in ct.index])
        ct = ct[ct.sum().sort_values(ascending=False).index]
        if ct.shape[1] > MAX_NAMES:  # a legend of 15 names cannot be read: lump the tail
            ct = pd.concat([ct.iloc[:, :MAX_NAMES - 1],
                            ct.iloc[:, MAX_NAMES - 1:].sum(axis=1).rename(OTHER_NAMES)], axis=1)
        shares = ct.div(ct.sum(axis=1), axis=0)
        arts = sub.groupby("g")["pos"].nunique().reindex(ct.index)
        cmap = _naming_colors(list(shares.columns), sub.groupby("name")["cat"].first())
        label = referent_labels.get(ref, ref)
        anchor = naming_anchor(ref)
        figs.append(Figure(
            charts.stacked_hbar(shares, f"Naming: {label}", anchor, xlabel="share of mentions",
                                color_map=cmap, counts=ct.sum(axis=1), articles=arts,
                                min_n=min_n),
            f"Which name each {by} uses for {label} ({int(ct.values.sum())} mentions in "
            f"{int(arts.sum())} articles; n: mentions, art.: articles naming it). Blue-grey: "
            f"neutral names; warm colours: loaded names; grey: fewer than {min_n} articles.",
            anchor=anchor))
        long = shares.stack().rename("share").reset_index()
        long.columns = [by, "name", "share"]
        long = long[long["share"] > 0]
        n = arts.reindex(long[by]).to_numpy()
        low, high = wilson(long["share"].to_numpy(), n)
        long["95% low"], long["95% high"] = low, high
        long["articles"] = n
        long["mentions"] = ct.sum(axis=1).reindex(long[by]).to_numpy()
        long["enough"] = ["yes" if k >= min_n else "no" for k in n]
        tables.append(Table.from_df(long.set_index(by), f"Naming shares: {label}", max_rows=200,
                                    note="Wilson 95% interval; n = articles naming the referent."))
    note = ""
    if len(refs) > MAX_REFERENTS:
        note = f"The {MAX_REFERENTS} most mentioned of {len(refs)} referents are shown."
    return {"figures": figs, "tables": tables, "note": note}


def _naming_colors(names: list[str], categories: pd.Series) -> dict[str, str]:
    """Neutral names in cool blue-greys, loaded names in warm colours, each distinct."""
    cool, warm = iter(_NEUTRAL_SHADES), iter(_LOADED_SHADES)
    out = {}
    for n in names:
        if n == OTHER_NAMES:
            out[n] = "#e6e6e6"
        elif categories.get(n) == "neutral":
            out[n] = next(cool, "#b0bec5")
        else:
            out[n] = next(warm, "#f4a582")
    return out
