"""Which n-grams are counted: boundaries, stop words, numbers, style variants of names."""

from __future__ import annotations

from collections import Counter

from framing.discover.tokens import Vocabulary, grams, order_of


def counted(*texts: str) -> Counter:
    v = Vocabulary()
    g = grams(v, texts)
    return Counter(v.term(c) for c in g.codes)


def test_ngrams_stop_at_punctuation_numbers_and_stop_words():
    c = counted("The regime shelled Aleppo, killing 12 people. Catch and release")
    assert {"regime", "regime shelled", "regime shelled aleppo", "killing", "people"} <= set(c)
    assert "aleppo killing" not in c  # a comma is a boundary
    assert "killing people" not in c  # so is a number
    assert not any(t.split()[0] in {"the", "and"} or t.split()[-1] in {"the", "and"} for t in c)
    assert "catch and release" in c  # a stop word inside a phrase is kept


def test_house_styles_of_one_name_count_as_one():
    c = counted("U.S. forces and al-Assad.", "US forces and Al Assad.", "U.S forces and Assad's army")
    assert c["US forces"] == 3
    assert c["al-assad"] == 2 and c["assad army"] == 1


def test_acronyms_that_would_become_stop_words_keep_capitals():
    c = counted("Fighters of IS attacked; this is us. WHO said it.")
    assert c["IS"] == 1 and c["WHO"] == 1
    assert "is" not in c and "us" not in c


def test_markup_tags_are_boundaries_not_words():
    c = counted('Rebels said <tweet tweet-id="661196"><tweet/> peace talks failed')
    assert not any("tweet" in t for t in c)
    assert "peace talks failed" in c and "rebels said" in c


def test_no_ngram_spans_two_articles_and_orders_are_decoded():
    v = Vocabulary()
    g = grams(v, ["alpha beta", "gamma delta"])
    terms = {v.term(c) for c in g.codes}
    assert "beta gamma" not in terms
    assert sorted(order_of(g.codes).tolist()) == [1, 1, 1, 1, 2, 2]
    assert v.code("alpha beta") in set(g.codes.tolist())
    assert v.code("of the") is None
