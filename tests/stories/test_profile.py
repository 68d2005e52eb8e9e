"""Per-outlet measures of one story, read from analyze_article's output."""

from __future__ import annotations

import pytest

from framing.analyze import analyze_article
from framing.stories.profile import naming_table, outlet_row, profile_story

from .accounts import BAGHDAD_OBSERVER, LEVANT_DAILY


@pytest.fixture(scope="module")
def analyses(seed_article: dict) -> list[dict]:
    return [analyze_article(a) for a in (seed_article, BAGHDAD_OBSERVER, LEVANT_DAILY)]


def test_one_row_per_outlet_with_every_measure(analyses: list[dict]) -> None:
    p = profile_story(analyses)
    assert p.outlets["outlet"].tolist() == ["Baghdad Observer", "Levant Daily", "Press TV"]
    seed = p.outlets.set_index("outlet").loc["Press TV"]
    gold_terms = [t for t in analyses[0]["loaded_terms"] if t["category"] != "neutral"]
    assert seed["loaded_narrator"] + seed["loaded_quoted"] == len(gold_terms)
    assert seed["loaded_quoted"] == sum(t["voice"] == "quoted" for t in gold_terms) > 0
    assert seed["attributions"] == len(analyses[0]["attributions"])
    shares = [c for c in p.outlets.columns if c.startswith("claims:")]
    assert p.outlets[shares].sum(axis=1).round(6).eq(1).all()
    assert 0 < seed["anonymous_share"] < 1  # the seed cites an unnamed commander
    assert "takfiri" in seed["top_loaded_narrator"]


def test_names_per_referent_side_by_side(analyses: list[dict]) -> None:
    table = naming_table(profile_story(analyses))
    assert "daesh" in table.loc["islamic_state", "Press TV"]
    assert "daesh" in table.loc["islamic_state", "Baghdad Observer"]


def test_unknown_source_types_and_statuses_are_counted_as_they_come() -> None:
    fake = {"article": {"outlet": "X"}, "body": "a b c", "loaded_terms": [],
            "attributions": [{"source": {"text": "sources"}, "source_type": "vague"},
                             {"source": {"text": "Sources"}, "source_type": "brand_new"}],
            "claims": [{"status": "new_status"}], "scores": {}}
    row = outlet_row([fake])
    assert row["vague_share"] == 0.5 and row["source_type:brand_new"] == 0.5
    assert row["distinct_sources"] == 1 and row["claims:new_status"] == 1.0
