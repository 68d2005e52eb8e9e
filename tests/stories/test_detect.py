"""Story detection: grouping, the time window, republished copy, the table and its errors."""

from __future__ import annotations

import pandas as pd
import pyarrow.parquet as pq
import pytest

from framing.corpus import make_corpus
from framing.errors import FramingError
from framing.stories import STORY_COLUMNS, StoryParams, detect_stories, iter_stories, story_of, write_stories

from .accounts import BAGHDAD_OBSERVER, IDLIB_BOMBING, LEVANT_DAILY


def _story_sets(stories: pd.DataFrame) -> set[frozenset[str]]:
    return {frozenset(a) for a in stories["articles"]}


@pytest.fixture()
def seed_corpus(seed_article: dict) -> pd.DataFrame:
    return make_corpus([seed_article, BAGHDAD_OBSERVER, LEVANT_DAILY, IDLIB_BOMBING])


def test_the_seed_joins_the_other_accounts_of_its_meeting(seed_corpus: pd.DataFrame, seed_article: dict) -> None:
    stories = detect_stories(seed_corpus)
    assert _story_sets(stories) == {
        frozenset({seed_article["id"], "observer-1", "levant-1"}), frozenset({"levant-2"})}
    meeting = stories[stories["n_articles"] == 3].iloc[0]
    assert meeting["n_outlets"] == 3
    assert meeting["first_date"] == "2017-06-14" and meeting["last_date"] == "2017-06-15"
    assert meeting["headline"] == BAGHDAD_OBSERVER["title"]  # the earliest article's
    assert {"border", "delegation"} <= set(meeting["top_terms"])
    assert meeting["headline"] in meeting["label"]


def test_the_seed_alone_is_a_story_of_its_own(seed_article: dict) -> None:
    stories = detect_stories(make_corpus([seed_article, IDLIB_BOMBING]))
    assert len(stories) == 2 and set(stories["n_articles"]) == {1}


def test_the_same_report_outside_the_window_is_another_story() -> None:
    a = dict(BAGHDAD_OBSERVER, id="a", date="2017-06-14")
    b = dict(BAGHDAD_OBSERVER, id="b", outlet="Other", date="2017-06-30")
    assert len(detect_stories(make_corpus([a, b]))) == 2
    assert len(detect_stories(make_corpus([a, b]), StoryParams(window_days=30))) == 1


def test_input_order_does_not_matter_across_days(seed_corpus: pd.DataFrame) -> None:
    forward = _story_sets(detect_stories(seed_corpus))
    backward = _story_sets(detect_stories(seed_corpus.iloc[::-1].reset_index(drop=True)))
    assert forward == backward


def test_republished_copy_points_at_the_first_copy() -> None:
    wire = dict(BAGHDAD_OBSERVER, id="wire", outlet="Agency")
    copy = dict(BAGHDAD_OBSERVER, id="copy", outlet="Reprinter", date="2017-06-15")
    own = dict(LEVANT_DAILY, id="own")
    story = detect_stories(make_corpus([copy, own, wire])).iloc[0]
    assert story["n_articles"] == 3
    copy_of = dict(zip(story["articles"], story["copy_of"], strict=True))
    assert copy_of == {"wire": "wire", "copy": "wire", "own": "own"}


def test_undated_articles_are_grouped_among_themselves() -> None:
    a = dict(BAGHDAD_OBSERVER, id="a", date=None)
    b = dict(LEVANT_DAILY, id="b", date=None)
    c = dict(IDLIB_BOMBING, id="c", date=None)
    stories = detect_stories(make_corpus([a, b, c]))
    assert _story_sets(stories) == {frozenset({"a", "b"}), frozenset({"c"})}
    assert stories["first_date"].isna().all()


def test_chunks_stream_like_a_whole_corpus(seed_corpus: pd.DataFrame) -> None:
    chunks = [seed_corpus.iloc[:2], seed_corpus.iloc[2:]]
    assert _story_sets(pd.DataFrame(list(iter_stories(iter(chunks))))) == _story_sets(detect_stories(seed_corpus))


def test_story_of_gives_every_article_its_story(seed_corpus: pd.DataFrame) -> None:
    long = story_of(detect_stories(seed_corpus))
    assert sorted(long["id"]) == sorted(seed_corpus["id"])
    assert long.groupby("story_id")["n_outlets"].nunique().eq(1).all()


def test_write_stories_writes_the_table(tmp_path, seed_corpus: pd.DataFrame) -> None:
    out = tmp_path / "stories.parquet"
    summary = write_stories(seed_corpus, out)
    assert (summary.n_articles, summary.n_stories, summary.n_multi_outlet) == (4, 2, 1)
    table = pq.read_table(out)
    assert table.column_names == list(STORY_COLUMNS)
    assert not list(tmp_path.glob(".*part"))


def test_a_failed_run_leaves_no_file(tmp_path) -> None:
    out = tmp_path / "stories.parquet"
    with pytest.raises(FramingError, match="no 'text' column"):
        write_stories(pd.DataFrame({"id": ["x"]}), out)
    assert not list(tmp_path.iterdir())


@pytest.mark.parametrize("kwargs", [{"threshold": 0}, {"threshold": 1.5}, {"window_days": -1}, {"lead_words": 0}])
def test_bad_settings_are_one_line_errors(kwargs: dict) -> None:
    with pytest.raises(FramingError):
        StoryParams(**kwargs)
