"""`framing stories CORPUS -o stories.parquet` end to end."""

from __future__ import annotations

import sys
from pathlib import Path

import pandas as pd

from framing.cli import main

sys.path.insert(0, str(Path(__file__).parents[1] / "stories"))
from accounts import story_corpus  # noqa: E402  (the story tests' invented corpus)


def test_stories_writes_one_row_per_story(tmp_path, capsys) -> None:
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame(story_corpus()).to_csv(corpus, index=False)
    out = tmp_path / "stories.parquet"
    assert main(["stories", str(corpus), "-o", str(out), "--no-progress"]) == 0
    printed = capsys.readouterr().out
    assert "24 articles in 8 stories; 8 covered by two or more outlets" in printed
    table = pd.read_parquet(out)
    assert table["n_outlets"].tolist() == [3] * 8
    assert sorted(a for ids in table["articles"] for a in ids) == sorted(r["id"] for r in story_corpus())


def test_a_wider_window_merges_the_events(tmp_path, capsys) -> None:
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame(story_corpus()).to_csv(corpus, index=False)
    out = tmp_path / "stories.parquet"
    assert main(["stories", str(corpus), "-o", str(out), "--threshold", "0.05", "--window", "400"]) == 0
    assert len(pd.read_parquet(out)) < 8


def test_bad_input_is_one_line_and_writes_nothing(tmp_path, capsys) -> None:
    out = tmp_path / "stories.parquet"
    assert main(["stories", str(tmp_path / "missing.csv"), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("framing: error:") and "missing.csv" in err and "\n" not in err
    assert main(["stories", str(tmp_path), "-o", str(out), "--threshold", "3"]) == 1
    assert "threshold" in capsys.readouterr().err
    assert not out.exists()


def test_output_named_for_another_format_is_refused(tmp_path, capsys) -> None:
    corpus = tmp_path / "corpus.csv"
    pd.DataFrame(story_corpus()).to_csv(corpus, index=False)
    out = tmp_path / "stories.csv"
    assert main(["stories", str(corpus), "-o", str(out), "--no-progress"]) == 1
    err = capsys.readouterr().err.strip()
    assert "stories.csv" in err and "Parquet" in err and "\n" not in err
    assert not out.exists()
