"""Report section "Words that set each outlet apart": the Fightin' Words ranking per group.

It sits beside the lexicon-based naming charts: those show how outlets use the names a
lexicon lists, this shows the words the corpus itself divides on, lexicon or not (the same
ranking as ``framing lexicon suggest``).
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import matplotlib
import pandas as pd

from framing.discover.known import MARKS
from framing.errors import FramingError
from framing.report import charts
from framing.report.sections import Figure, Table, _slug

#: terms listed per group, and groups that get a plot
TOP = 10
MAX_PLOTS = 4


def discover_section(corpus: pd.DataFrame, by: str, lexicons: Sequence[str | Path] = (),
                     top: int = TOP) -> dict[str, Any]:
    """``{"table", "figures", "note"}`` for the template; a note alone when nothing ranks."""
    from framing.discover import suggest_terms
    from framing.discover.plot import fightin_words_plot

    try:
        s = suggest_terms(corpus, by=by, top=top, lexicons=lexicons, variants=False)
    except FramingError as exc:
        return {"table": None, "figures": [], "note": f"No ranking: {exc}."}
    if s.table.empty:
        return {"table": None, "figures": [], "note": f"No term sets any {by} apart (each needs 5 uses in 3 "
                "articles of its group)."}
    rows = {}
    for g in s.groups:
        t = s.top(g)
        if len(t):
            rows[g] = "; ".join(f"{r.term} (z {r.z:.1f}, {r.count}){MARKS.get(r.known, '')}"
                                for r in t.itertuples())
    table = pd.DataFrame({"terms that set it apart (z-score, uses)": pd.Series(rows)})
    table.index.name = by
    figures = []
    sizes = pd.Series(s.articles).sort_values(ascending=False)
    for g in [x for x in sizes.index if (x, "rest") in s.scores][:MAX_PLOTS]:
        with matplotlib.rc_context(charts._RC):
            fig = fightin_words_plot(s.scores[(g, "rest")], title=f"{g} against the rest",
                                     side_a=f"used more by {g}", side_b="used more by the rest")
        figures.append(Figure(charts.to_svg(fig, f"fw-{_slug(g)}"),
                              f"Each dot a term: its uses in the corpus against its z-score for {g} "
                              "against all the other groups (Fightin' Words); labelled: the top of the ranking."))
    note = (f"1-3 word terms ranked by the log-odds ratio with an informative Dirichlet prior (Monroe, "
            f"Colaresi and Quinn 2008) for each {by} against the rest, after removing outlet names, "
            "datelines and page furniture; [lexicon] marks terms a lexicon already holds. "
            "framing lexicon suggest writes the rest as a lexicon draft to review.")
    return {"table": Table.from_df(table, f"Words that set each {by} apart", max_rows=100),
            "figures": figures, "note": note}
