"""The report's story section: an index of the stories several outlets covered, then one
folded page per story (articles as columns, aligned sentences as rows, unique facts marked),
and the outlet differences recomputed within stories.

Every article sentence is escaped here (``markupsafe.escape``) before the marks are added,
so the fragments handed to the template as ``Markup`` carry no markup from any article.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd
from markupsafe import Markup, escape

from framing.report.sections import Table
from framing.stories.align import StoryAlignment, UniqueFact
from framing.stories.compare import WithinStoryResult, compare_within_stories
from framing.stories.profile import naming_table
from framing.stories.stats import NOT_CONFIRMED

#: stories drawn in full (the most outlets first); the index lists them all
MAX_STORIES = 100
#: rows of the story-controlled statistics shown
MAX_STAT_ROWS = 25
_PROFILE_ROWS = {
    "n_articles": "articles", "words": "words", "loaded_narrator": "loaded terms, narrator",
    "loaded_quoted": "loaded terms, quoted", "top_loaded_narrator": "top loaded terms, narrator",
    "top_loaded_quoted": "top loaded terms, quoted", "attributions": "attributions",
    "distinct_sources": "distinct sources", "anonymous_share": "anonymous share",
    "vague_share": "vague share", "sentiment_toward": "sentiment toward actors (VADER)",
}

STORIES_CSS = """
table.story{border-collapse:collapse;font-size:12.5px;width:100%;table-layout:fixed}
table.story th,table.story td{border:1px solid #e3e3e3;padding:4px 6px;vertical-align:top}
table.story th{background:#f4f6f8;text-align:left}
table.story td.gap{background:#fafafa;color:#aaa;text-align:center}
table.story td.uniq{background:#fff8e6}
mark.fact{background:#ffd866;padding:0 1px;border-radius:2px}
details.story{margin:6px 0;border:1px solid #e3e3e3;border-radius:6px;padding:4px 10px}
details.story>summary{cursor:pointer;font-weight:600}
.storyscroll{overflow-x:auto}
"""


@dataclass
class StoryPage:
    anchor: str
    title: str
    span: str
    outlets: str
    profile: Table
    naming: Table | None
    columns: list[dict[str, str]]
    rows: list[list[dict[str, Any] | None]]
    n_unique: int


def _marked(sentence: str, facts: Sequence[UniqueFact]) -> Markup:
    """The sentence, escaped, with its unique numbers and names in <mark>."""
    spans = sorted({(u.start, u.end, u.kind) for u in facts if u.kind != "sentence"})
    out, pos = [], 0
    for start, end, kind in spans:
        if start < pos:
            continue  # overlapping marks: keep the first
        out.append(escape(sentence[pos:start]))
        out.append(Markup('<mark class="fact" title="only this outlet: {}">{}</mark>').format(
            kind, sentence[start:end]))
        pos = end
    out.append(escape(sentence[pos:]))
    return Markup("").join(out)


def _grid(al: StoryAlignment) -> list[list[dict[str, Any] | None]]:
    """Aligned rows: per article a cell (its sentence, marked) or None where it says nothing alike."""
    uniq = al.unique_by_sentence()
    rows = []
    for row in al.rows:
        cells: list[Any] = []
        for k, i in enumerate(row):
            if i is None:
                cells.append(None)
                continue
            facts = uniq.get((k, i), [])
            cells.append({"html": _marked(al.versions[k].sentences[i], facts),
                          "unique": any(u.kind == "sentence" for u in facts)})
        rows.append(cells)
    return rows


def _profile_table(outlets: pd.DataFrame) -> Table:
    df = outlets.set_index("outlet")
    keep = [c for c in _PROFILE_ROWS if c in df.columns]
    shares = [c for c in df.columns if ":" in c]
    t = df[keep + shares].rename(columns={**_PROFILE_ROWS, **{c: c.replace(":", ": ") + " share" for c in shares}})
    t = t.T.astype(object)
    t.index.name = "measure"
    return Table.from_df(t, max_rows=200, digits=2)


def story_page(result: WithinStoryResult, story: Mapping[str, Any], titles: Mapping[str, str]) -> StoryPage:
    sid = story["story_id"]
    al = result.alignments[sid]
    prof = result.profiles[sid]
    copy_of = dict(zip(story["articles"], story["copy_of"], strict=True))
    dates = dict(zip(story["articles"], story["article_dates"], strict=True))
    columns = []
    for v in al.versions:
        src = copy_of.get(v.article_id, v.article_id)
        columns.append({"outlet": v.outlet, "title": titles.get(v.article_id) or v.article_id,
                        "date": str(dates.get(v.article_id) or ""),
                        "copy_note": f"same copy as {src}" if src != v.article_id else ""})
    rows = _grid(al)
    names = naming_table(prof)
    return StoryPage(
        anchor=f"story-{sid}", title=str(story["label"]),
        span=f"{story['first_date'] or '?'} … {story['last_date'] or '?'}",
        outlets=", ".join(story["outlets"]), profile=_profile_table(prof.outlets),
        naming=Table.from_df(names, max_rows=60) if len(names) else None,
        columns=columns, rows=rows, n_unique=sum(u.kind != "sentence" for u in al.unique),
    )


def _stats_tables(result: WithinStoryResult) -> dict[str, Any]:
    out: dict[str, Any] = {"controlled": None, "paired": None, "verdicts": [], "paired_verdicts": []}
    c = result.controlled
    if c is not None and "q_outlet" in c:
        shown = c[c["verdict"].isin(["survives story control", NOT_CONFIRMED, "only within stories"])]
        cols = ["feature", "verdict", "q_all_articles", "eta2_outlet", "q_outlet", "eta2_outlet_within_story",
                "q_outlet_within_story", "n_stories"]
        out["controlled"] = Table.from_df(shown[cols], index=False, max_rows=MAX_STAT_ROWS, digits=3)
        out["verdicts"] = sorted(c["verdict"].value_counts().items()) + [
            ("too rare among the story articles to test", int(c.attrs.get("n_too_rare", 0)))]
    p = result.paired
    if p is not None and len(p):
        found = p[p["verdict"] != "no difference"]
        cols = ["outlet_a", "outlet_b", "feature", "verdict", "n_shared_stories", "median_diff_shared",
                "q_shared", "q_all"]
        out["paired"] = Table.from_df(found[cols], index=False, max_rows=MAX_STAT_ROWS, digits=3)
        out["paired_verdicts"] = sorted(p["verdict"].value_counts().items())
    return out


def stories_section(
    corpus: pd.DataFrame, analyses: Sequence[Mapping[str, Any]], features: pd.DataFrame | None,
    by: str = "outlet", max_stories: int = MAX_STORIES,
) -> dict[str, Any]:
    """The template context of the story section (``note`` alone when no story has 2+ outlets)."""
    result = compare_within_stories(corpus, features, analyses={str(a["id"]): a for a in analyses},
                                    by=by, max_stories=max_stories)
    multi = result.multi_outlet()
    ctx: dict[str, Any] = {"css": Markup(STORIES_CSS), "summary": result.summary, "index": None, "pages": [],
                           "note": "", "stats": _stats_tables(result)}
    if not len(multi):
        ctx["note"] = (f"No story was covered by two or more {by}s ({result.summary['n_stories']} stories "
                       f"in {result.summary['n_articles']} articles).")
        return ctx
    titles = {str(a["id"]): str((a.get("article") or {}).get("title") or "") for a in analyses}
    drawn = [s for s in multi.to_dict("records") if s["story_id"] in result.alignments]
    ctx["pages"] = [story_page(result, s, titles) for s in drawn]
    n_unique = {p.anchor: p.n_unique for p in ctx["pages"]}
    ctx["index"] = [{"anchor": f"story-{s['story_id']}", "label": s["label"], "n_outlets": s["n_outlets"],
                     "n_articles": s["n_articles"], "span": f"{s['first_date'] or '?'} … {s['last_date'] or '?'}",
                     "outlets": ", ".join(s["outlets"]), "n_unique": n_unique.get(f"story-{s['story_id']}")}
                    for s in multi.to_dict("records")]
    if len(multi) > len(drawn):
        ctx["note"] = f"The {len(drawn)} stories with most {by}s are drawn in full; the index lists all {len(multi)}."
    return ctx
