"""compare_within_stories and `framing compare --within-story`."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.cli import main
from framing.corpus import make_corpus
from framing.stories.compare import compare_within_stories, story_tables

from .accounts import story_corpus


@pytest.fixture(scope="module")
def corpus() -> pd.DataFrame:
    return make_corpus(story_corpus())


@pytest.fixture(scope="module")
def result(corpus: pd.DataFrame):
    from framing.report.build import analyze_corpus

    ca = analyze_corpus(corpus, progress=False)
    return compare_within_stories(corpus, ca.features, analyses={a["id"]: a for a in ca.analyses})


def test_every_multi_outlet_story_is_profiled_and_aligned(result) -> None:
    assert result.summary["n_multi_outlet_stories"] == 8 == len(result.profiles) == len(result.alignments)
    first = result.profiles[result.multi_outlet().iloc[0]["story_id"]]
    assert first.outlets["outlet"].tolist() == ["Daily Courier", "Monitor Post", "State Wire"]


def test_unique_facts_are_each_outlets_own(result) -> None:
    facts = story_tables(result)["story_unique_facts"]
    numbers = facts[facts["kind"] == "number"]
    # the wounded count is the Monitor Post's alone, the activists' toll the Daily Courier's
    for sid in result.alignments:
        mine = numbers[numbers["story_id"] == sid]
        assert set(mine["outlet"]) == {"Monitor Post", "Daily Courier"}


def test_coverage_free_framing_differences_survive(result) -> None:
    c = result.controlled.set_index("feature")
    assert c["n_stories"].iloc[0] == 8
    survivors = set(c.index[c["verdict"] == "survives story control"])
    assert any("terrorist" in f for f in survivors)  # only State Wire says terrorists, in every story


def test_compare_within_story_cli(corpus: pd.DataFrame, tmp_path, capsys) -> None:
    path = tmp_path / "corpus.csv"
    corpus.to_csv(path, index=False)
    out = tmp_path / "results"
    rc = main(["compare", str(path), "-o", str(out), "--folds", "2", "--bootstrap", "20", "--within-story"])
    assert rc == 0
    assert "stories: 8 (8 covered by 2+ outlets)" in capsys.readouterr().out
    for name in ("stories.parquet", "story_outlets.csv", "story_names.csv", "story_unique_facts.csv",
                 "story_controlled_stats.csv", "story_paired_stats.csv", "stories_summary.json", "summary.json"):
        assert (out / name).exists(), name
    assert json.loads((out / "stories_summary.json").read_text())["n_stories_compared"] == 8


def test_within_story_needs_text(tmp_path, capsys) -> None:
    features = pd.DataFrame({"id": ["a", "b", "c", "d"], "outlet": ["X", "Y", "X", "Y"],
                             "loaded__x": [1.0, 2.0, 1.5, 2.5]})
    path = tmp_path / "f.parquet"
    features.to_parquet(path)
    rc = main(["compare", str(path), "-o", str(tmp_path / "o"), "--folds", "2", "--bootstrap", "10",
               "--within-story"])
    assert rc == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert "needs the articles' text" in err
