"""``framing compare --within-story``: every multi-outlet story side by side, and the outlet
differences recomputed within stories. The report's story section draws on the same result.

Per-article findings come from :func:`framing.analyze.analyze_article` (the public API),
run only on the articles of stories that two or more outlets covered.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pandas as pd

from framing.atomic import write_atomic
from framing.stories.align import StoryAlignment, align_story, unique_table
from framing.stories.detect import StoryParams, detect_stories, story_of
from framing.stories.profile import StoryProfile, profile_story
from framing.stories.stats import NOT_CONFIRMED, paired_story_table, story_controlled_table


@dataclass
class WithinStoryResult:
    """Stories, each multi-outlet story's profile and alignment, and the controlled statistics."""

    stories: pd.DataFrame
    profiles: dict[int, StoryProfile] = field(default_factory=dict)
    alignments: dict[int, StoryAlignment] = field(default_factory=dict)
    controlled: pd.DataFrame | None = None
    paired: pd.DataFrame | None = None
    summary: dict[str, Any] = field(default_factory=dict)

    def multi_outlet(self) -> pd.DataFrame:
        """Stories two or more outlets covered, most outlets first."""
        s = self.stories[self.stories["n_outlets"] >= 2]
        return s.sort_values(["n_outlets", "n_articles", "story_id"], ascending=[False, False, True])


def compare_within_stories(
    corpus: pd.DataFrame,
    features: pd.DataFrame | None = None,
    stories: pd.DataFrame | None = None,
    analyses: Mapping[str, Mapping[str, Any]] | None = None,
    params: StoryParams | None = None,
    by: str = "outlet",
    lexicons: Sequence[str | Path] = (),
    max_stories: int | None = None,
    progress: Callable[[str], None] | None = None,
) -> WithinStoryResult:
    """Detect stories in ``corpus`` (unless ``stories`` is given), profile and align each story
    that two or more outlets covered (the ``max_stories`` with most outlets), and, given the
    feature table, the story-controlled statistics. ``analyses`` (id -> ``analyze_article``
    output) saves analysing again what a caller already analysed."""
    say = progress or (lambda _m: None)
    if stories is None:
        say(f"detecting stories in {len(corpus)} articles")
        stories = detect_stories(corpus, params)
    result = WithinStoryResult(stories)
    multi = result.multi_outlet()
    if max_stories is not None:
        multi = multi.head(max_stories)
    rows = corpus.assign(id=corpus["id"].astype(str)).drop_duplicates("id").set_index("id", drop=False)
    wanted = [a for ids in multi["articles"] for a in ids if a in rows.index]
    got = dict(analyses or {})
    todo = [a for a in wanted if a not in got]
    if todo:
        from framing.analyze import analyze_article, available_families, make_families

        say(f"analysing the {len(todo)} articles of {len(multi)} multi-outlet stories")
        fams = make_families(available_families(), lexicons)
        for a in todo:
            got[a] = analyze_article(rows.loc[a].to_dict(), fams)
    for s in multi.itertuples():
        ids = [a for a in s.articles if a in got]
        if len({str((got[a].get("article") or {}).get(by) or "") for a in ids}) < 2:
            continue
        result.profiles[s.story_id] = profile_story([got[a] for a in ids], by)
        result.alignments[s.story_id] = align_story(
            [(a, str((got[a].get("article") or {}).get(by)), str(got[a].get("body") or "")) for a in ids])
    if features is not None:
        from framing.compare.models import framing_columns

        cols = [c for c in framing_columns(features, exclude={by, "id", "label"}) if features[c].nunique() > 1]
        membership = story_of(stories)
        say(f"story-controlled statistics over {len(cols)} features")
        result.controlled = story_controlled_table(features, membership, cols, by)
        result.paired = paired_story_table(features, membership, result.controlled["feature"].tolist(), by)
    result.summary = _summary(result, params or StoryParams())
    return result


def _summary(r: WithinStoryResult, params: StoryParams) -> dict[str, Any]:
    out: dict[str, Any] = {
        "n_articles": int(r.stories["n_articles"].sum()),
        "n_stories": len(r.stories),
        "n_multi_outlet_stories": int((r.stories["n_outlets"] >= 2).sum()),
        "n_stories_compared": len(r.profiles),
        "n_unique_facts": sum(len(a.unique) for a in r.alignments.values()),
        "params": params.__dict__,
    }
    if r.controlled is not None and "q_outlet" in r.controlled:
        c = r.controlled
        out["controlled"] = {
            "verdicts": {str(k): int(v) for k, v in c["verdict"].value_counts().items()},
            "too_rare_to_test": int(c.attrs.get("n_too_rare", 0)),
            "surviving": c.loc[c["verdict"] == "survives story control", "feature"].head(25).tolist(),
            "not_confirmed": c.loc[c["verdict"] == NOT_CONFIRMED, "feature"].head(25).tolist(),
        }
    if r.paired is not None and len(r.paired):
        out["paired"] = {
            "outlet_pairs_tested": int(r.paired[["outlet_a", "outlet_b"]].drop_duplicates().shape[0]),
            "verdicts": {str(k): int(v) for k, v in r.paired["verdict"].value_counts().items()},
        }
    return out


def story_tables(r: WithinStoryResult) -> dict[str, pd.DataFrame]:
    """The tidy tables written by ``framing compare --within-story``."""
    labels = r.stories.set_index("story_id")["label"]
    outlets, names, unique = [], [], []
    for sid, p in r.profiles.items():
        outlets.append(p.outlets.assign(story_id=sid, story=labels.get(sid)))
        names.append(p.names.assign(story_id=sid))
    for sid, a in r.alignments.items():
        unique += [{"story_id": sid, **u} for u in unique_table(a) if u["kind"] != "sentence"]
        unique += [{"story_id": sid, **u} for u in unique_table(a) if u["kind"] == "sentence"]
    front = ["story_id", "story"]
    tables = {
        "story_outlets": (pd.concat(outlets, ignore_index=True) if outlets else pd.DataFrame(columns=front)),
        "story_names": (pd.concat(names, ignore_index=True) if names else pd.DataFrame()),
        "story_unique_facts": pd.DataFrame(unique),
    }
    so = tables["story_outlets"]
    tables["story_outlets"] = so[[*front, *[c for c in so.columns if c not in front]]]
    if r.controlled is not None:
        tables["story_controlled_stats"] = r.controlled
    if r.paired is not None:
        tables["story_paired_stats"] = r.paired
    return tables


def write_within_story(r: WithinStoryResult, out_dir: str | Path) -> list[Path]:
    """Write the story table (Parquet), the tidy tables (CSV) and stories_summary.json."""
    import io

    out = Path(out_dir)
    buf = io.BytesIO()
    r.stories.to_parquet(buf, index=False)
    written = [write_atomic(out / "stories.parquet", buf.getvalue())]
    for name, table in story_tables(r).items():
        written.append(write_atomic(out / f"{name}.csv", table.to_csv(index=False)))
    written.append(write_atomic(out / "stories_summary.json", json.dumps(r.summary, indent=2, default=str)))
    return written


def within_story_command(
    features: pd.DataFrame, corpus: pd.DataFrame | None, stories_path: str | None, out_dir: str | Path,
    by: str = "outlet", lexicons: Sequence[str | Path] = (),
) -> str:
    """What ``framing compare --within-story`` does after the comparison; returns its summary line."""
    import sys

    from framing.errors import FramingError, InputError

    if corpus is None:
        raise FramingError("--within-story needs the articles' text: pass the corpus, or --corpus with a feature table")
    stories = None
    if stories_path:
        try:
            stories = pd.read_parquet(stories_path)
        except Exception as exc:  # pyarrow raises many types for a bad file
            raise InputError(stories_path, f"cannot read the story table: {exc.__class__.__name__}") from None
        missing = [c for c in ("story_id", "articles", "n_outlets") if c not in stories.columns]
        if missing:
            raise InputError(stories_path, f"not a `framing stories` table (no {', '.join(missing)})")
    result = compare_within_stories(
        corpus, features, stories, by=by, lexicons=lexicons,
        progress=lambda m: print(f"framing: {m}", file=sys.stderr, flush=True))
    write_within_story(result, out_dir)
    s = result.summary
    line = (f"  stories: {s['n_stories']} ({s['n_multi_outlet_stories']} covered by 2+ outlets), "
            f"{s['n_unique_facts']} unique facts")
    if "controlled" in s:
        v = s["controlled"]["verdicts"]
        line += (f"; outlet differences surviving story control: {v.get('survives story control', 0)}, "
                 f"not confirmed within stories: {v.get(NOT_CONFIRMED, 0)}")
    return line
