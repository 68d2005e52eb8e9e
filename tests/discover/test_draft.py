"""The draft: the project's lexicon format, every entry suggested, loadable once accepted."""

from __future__ import annotations

import tomllib

import pytest

from framing.discover import read_counts, save_counts, suggest_terms, write_draft
from framing.errors import InputError
from framing.lexicon import load_lexicon, validate_paths
from framing.lexicon.load import unreviewed


@pytest.fixture(scope="module")
def suggestions(articles):
    return suggest_terms(articles, top=10)


def test_draft_validates_and_every_entry_is_suggested(suggestions, tmp_path):
    path = write_draft(suggestions, tmp_path / "draft.toml")
    assert validate_paths([path]) == []
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    entries = data["entry"]
    assert entries and all(e["status"] == "suggested" for e in entries)
    quibblewort = next(e for e in entries if e["canonical"] == "quibblewort")
    assert "Al-Manar" in quibblewort["used_by"] and "z = " in quibblewort["why"]
    assert quibblewort["ref"] == f"corpus sha256:{suggestions.corpus_hash}"
    assert len(unreviewed([path])) == len(entries)
    # nothing counts yet
    assert "quibblewort" not in {e.canonical for e in load_lexicon([path]).entries}


def test_accepted_entries_load_and_match(suggestions, tmp_path):
    path = write_draft(suggestions, tmp_path / "draft.toml")
    text = path.read_text(encoding="utf-8")
    head, _, tail = text.partition('canonical = "quibblewort"')
    path.write_text(head + 'canonical = "quibblewort"' + tail.replace('status = "suggested"', 'status = "accepted"', 1),
                    encoding="utf-8")
    lex = load_lexicon([path])
    assert [m.entry.canonical for m in lex.matcher().find("They offered quibblewort.")] == ["quibblewort"]
    assert len(unreviewed([path])) == len(tomllib.loads(text)["entry"]) - 1


def test_reviewed_terms_are_not_suggested_again(articles, suggestions, tmp_path):
    path = write_draft(suggestions, tmp_path / "draft.toml")
    path.write_text(path.read_text(encoding="utf-8").replace('status = "suggested"', 'status = "rejected"'),
                    encoding="utf-8")
    again = suggest_terms(articles, top=10, lexicons=[path])
    assert "rejected" in set(again.table["known"])
    assert set(again.table["known"]) <= {"rejected", "exact", "contains"}
    draft = write_draft(again, tmp_path / "again.toml").read_text(encoding="utf-8")
    assert "[[entry]]" not in draft
    # entries still suggested in a draft are not drafted twice either
    first = write_draft(suggestions, tmp_path / "draft2.toml")
    rerun = suggest_terms(articles, top=10, lexicons=[first], variants=False)
    assert "drafted" in set(rerun.table["known"]) and "rejected" not in set(rerun.table["known"])


def test_kwic_examples_and_counts_are_comments(suggestions, tmp_path):
    text = write_draft(suggestions, tmp_path / "draft.toml").read_text(encoding="utf-8")
    block = text[: text.index('canonical = "quibblewort"')].rsplit("\n\n", 1)[-1]
    assert block.startswith("# quibblewort: uses Al-Manar")
    assert block.count("\u00abquibblewort\u00bb") == 2


def test_counts_round_trip_and_bad_counts_are_one_line(suggestions, tmp_path):
    path = save_counts(suggestions.counts, tmp_path / "counts.tsv")
    counts = read_counts(path)
    assert counts["quibblewort"] == suggestions.table.set_index("term").loc["quibblewort", "total"]
    bad = tmp_path / "bad.tsv"
    bad.write_text("word\tn\nx\t1\n", encoding="utf-8")
    with pytest.raises(InputError, match="bad.tsv: a term counts table needs"):
        read_counts(bad)


def test_a_background_prior_changes_the_scores_not_the_planted_word(articles, suggestions, tmp_path):
    path = save_counts(suggestions.counts, tmp_path / "counts.tsv")
    s = suggest_terms(articles, top=5, background=path, variants=False)
    assert s.top("Al-Manar").iloc[0]["term"] == "quibblewort"
    assert s.params["prior"] == str(path)
