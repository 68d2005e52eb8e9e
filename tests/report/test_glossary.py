"""Feature glosses: the first clause of the family's own meaning, and its unit."""

from __future__ import annotations

from framing.report.glossary import gloss, glossary_rows, short


def test_short_keeps_the_first_clause_without_asides():
    assert short("Attributions with the cue 'tweet' (any form in lexicons/cues.toml) and a "
                 "source typed `person`, per 1,000 words of the body") == (
        "Attributions with the cue 'tweet' and a source typed person")
    assert short("Share of sentences with status `unattributed`: a factual assertion with no "
                 "source") == "Share of sentences with status unattributed"
    long = short("word " * 60, limit=30)
    assert len(long) <= 32 and long.endswith("…")


def test_gloss_falls_back_to_a_readable_name():
    docs = {"claims__share_hedged": ("Share of hedged sentences (reportedly, may)", "share 0..1")}
    assert gloss("claims__share_hedged", docs) == ("Share of hedged sentences", "share 0..1")
    assert gloss("attribution__n_sources", {}) == ("n sources", "")
    assert gloss("text:border wall", {})[1] == "tf-idf weight"
    assert glossary_rows(["a__x", "a__x", "b__y"], {}) == [("a__x", "x", ""), ("b__y", "y", "")]


def test_every_bundled_column_has_a_gloss_and_a_unit():
    from framing.report.glossary import feature_docs

    docs = feature_docs()
    assert len(docs) > 100
    missing = [c for c, (m, u) in docs.items() if not short(m) or not u]
    assert not missing, missing[:5]
