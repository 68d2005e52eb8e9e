"""The Fightin' Words plot: each term's z-score (or log-odds) against its frequency.

Monroe, Colaresi and Quinn (2008) show the ranking this way: frequent terms sit right, terms
that set one side apart high (or low, for the other side), and the suggested terms are
labelled. Built on a matplotlib ``Axes`` (the object API, no pyplot state), so the report
can serialise it to SVG and a notebook can pass its own axes.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: |z| beyond which a term is drawn in colour (two-sided 5 %)
Z_MARK = 1.96


def fightin_words_plot(frame: pd.DataFrame, ax: Axes | None = None, y: str = "z", label: int = 12,
                       title: str = "", side_a: str = "", side_b: str = "") -> Figure | Any:
    """Scatter ``frame`` (columns term, total, log_odds, z, suggested: ``Suggestions.scores``)
    with frequency on a log axis; the ``label`` most extreme suggested terms are named."""
    if ax is None:
        fig = Figure(figsize=(7.5, 4.6))
        ax = fig.add_subplot()
    else:
        fig = ax.figure
    x = frame["total"].to_numpy(dtype=float)
    v = frame[y].to_numpy(dtype=float)
    strong = np.abs(frame["z"].to_numpy(dtype=float)) >= Z_MARK
    ax.scatter(x[~strong], v[~strong], s=6, color="#bbbbbb", linewidths=0, label=f"|z| < {Z_MARK}")
    ax.scatter(x[strong & (v > 0)], v[strong & (v > 0)], s=9, color="#d1495b", linewidths=0,
               label=side_a or "favoured")
    ax.scatter(x[strong & (v < 0)], v[strong & (v < 0)], s=9, color="#2e6f9e", linewidths=0,
               label=side_b or "the other side")
    ax.set_xscale("log")
    chosen = frame[frame["suggested"]].reindex(frame[frame["suggested"]][y].abs().sort_values(ascending=False).index)
    for r in chosen.head(label).itertuples():
        ax.annotate(str(r.term), (float(r.total), float(getattr(r, y))), fontsize=7.5, xytext=(3, 2),
                    textcoords="offset points")
    ax.axhline(0, color="#888888", linewidth=0.6)
    ax.set_xlabel("uses in the corpus (log scale)")
    ax.set_ylabel("z-score" if y == "z" else "log-odds ratio")
    if title:
        ax.set_title(title, loc="left")
    ax.legend(loc="lower right", fontsize=7.5, frameon=False)
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)
    return fig
