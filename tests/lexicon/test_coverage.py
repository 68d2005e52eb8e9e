"""Coverage diagnostics: share of articles and sentences per pack, and uncovered names."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from framing.cli import main
from framing.lexicon import load_lexicon
from framing.lexicon.coverage import coverage_note, lexicon_coverage

MINI = Path(__file__).parent / "fixtures" / "mini.toml"
TEXTS = [
    "Daesh attacked the town. Then Elena Vasquez spoke. The mayor left.",
    "Elena Vasquez met the Harbor Council. Nobody else came.",
    "A quiet day. Nothing happened at the Harbor Council or anywhere.",
]


@pytest.fixture
def lex(empty_bundle):
    return load_lexicon([MINI])


def test_shares_of_articles_and_sentences_per_pack(lex):
    cov = lexicon_coverage(TEXTS, lex)
    assert cov.n_articles == 3 and cov.n_sentences == 7
    (mini,) = [p for p in cov.packs if p.name == "mini"]
    assert mini.articles == pytest.approx(1 / 3) and mini.sentences == pytest.approx(1 / 7) and mini.matches == 1
    assert cov.any_articles == pytest.approx(1 / 3)


def test_frequent_uncovered_names_are_listed_and_covered_ones_not(lex):
    cov = lexicon_coverage(TEXTS, lex)
    names = {p: a for p, a, _ in cov.uncovered}
    assert names == {"Elena Vasquez": 2, "Harbor Council": 2}  # 'Daesh' is covered; 'Nobody' opens a sentence
    note = coverage_note(cov)
    assert "33% of the 3 articles" in note and "Elena Vasquez (2)" in note


def test_the_command_prints_a_table_and_json(tmp_path, capsys):
    # the bundled data (not an empty bundle): loading a corpus also reads the outlet registry
    corpus = tmp_path / "c.jsonl"
    corpus.write_text("".join(json.dumps({"text": t, "outlet": "A"}) + "\n" for t in TEXTS))
    args = ["--lexicon-pack", "general", "--lexicon", str(MINI)]
    assert main(["lexicon", "coverage", str(corpus), *args]) == 0
    out = capsys.readouterr().out
    assert "mini" in out and "Elena Vasquez  (2, 2)" in out
    dest = tmp_path / "cov.json"
    assert main(["lexicon", "coverage", str(corpus), *args, "--format", "json", "-o", str(dest)]) == 0
    got = json.loads(dest.read_text())
    assert got["n_articles"] == 3 and got["uncovered"][0]["phrase"] in {"Elena Vasquez", "Harbor Council"}
