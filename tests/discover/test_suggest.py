"""``suggest_terms`` end to end on corpora whose answer is known."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from framing.corpus import make_corpus
from framing.discover import REST, suggest_terms
from framing.errors import FramingError

from .synthetic import make_articles


def test_a_planted_word_comes_first(articles):
    s = suggest_terms(articles, top=20)
    top = s.top("Al-Manar")
    assert top.iloc[0]["term"] == "quibblewort"
    assert top.iloc[0]["z"] > 2 * top.iloc[1]["z"] > 0
    for other in ("Daily Sabah", "TRT World"):
        assert "quibblewort" not in set(s.top(other)["term"])


def test_planted_word_first_for_many_seeds():
    for seed in range(1, 6):
        s = suggest_terms(make_articles(seed=seed, per_outlet=30), top=5, variants=False)
        assert s.top("Al-Manar").iloc[0]["term"] == "quibblewort", seed


def test_datelines_and_self_names_do_not_surface(articles):
    # TRT World's articles all open "BEIRUT (Reuters) -" and Daily Sabah's all name it: the
    # raw counts rank those words first, stripping leaves nothing of them
    s = suggest_terms(articles, top=30)
    terms = set(s.table["term"])
    assert not any(w in t.split() for t in terms for w in ("beirut", "reuters", "sabah", "daily"))
    # ... but without the dateline the same text gives the same TRT World ranking
    plain = suggest_terms(make_articles(dateline=False, self_names=False), top=30)
    assert set(s.top("TRT World")["term"]) == set(plain.top("TRT World")["term"])


def test_z_and_counts_in_the_table_follow_the_formula():
    rows = []
    for i in range(4):
        rows.append({"id": f"a{i}", "outlet": "A", "text": "Apple harvest. Apple pie. Banana."})
        rows.append({"id": f"b{i}", "outlet": "B", "text": "Banana bread. Banana. Cherry."})
    s = suggest_terms(make_corpus(rows), top=10, min_count=1, min_docs=1, variants=False)
    row = s.top("A").set_index("term").loc["apple"]
    # unigrams counted: A has apple x8, harvest x4, pie x4, banana x4 (n_A = 20); B banana x8,
    # bread x4, cherry x4 (n_B = 16). Prior from the corpus: alpha_apple = 36 * 8/36 = 8, alpha_0 = 36.
    # delta = ln(16 / (20 + 36 - 16)) - ln(8 / (16 + 36 - 8)) = ln(0.4) - ln(0.181818) = 0.788457
    a, b = 8 + 8, 0 + 8
    delta = math.log(a / (20 + 36 - a)) - math.log(b / (16 + 36 - b))
    assert delta == pytest.approx(0.788457, abs=1e-6)
    assert (row["count"], row["count_vs"], row["total"]) == (8, 0, 8)
    assert row["log_odds"] == pytest.approx(delta)
    assert row["z"] == pytest.approx(delta / math.sqrt(1 / a + 1 / b))
    assert row["uses:A"] == 8 and row["uses:B"] == 0


def test_streaming_gives_the_same_ranking(articles):
    whole = suggest_terms(articles, top=15, variants=False)

    def chunks():
        for i in range(0, len(articles), 17):
            yield articles.iloc[i : i + 17]

    streamed = suggest_terms(chunks, top=15, variants=False)
    cols = ["group", "term", "count", "z"]
    pd.testing.assert_frame_equal(whole.table[cols], streamed.table[cols])
    assert whole.corpus_hash == streamed.corpus_hash


def test_corpus_hash_is_the_loaders(articles):
    from framing.io import corpus_hash

    assert suggest_terms(articles, top=3, variants=False).corpus_hash == corpus_hash(articles)


def test_groups_and_vs(articles):
    s = suggest_terms(articles, groups={"manar": ["Al-Manar"], "turkish": ["Daily Sabah", "TRT World"]},
                      vs="turkish", top=10, variants=False)
    assert s.comparisons == [("manar", "turkish"), ("turkish", "manar")]
    assert s.top("manar", "turkish").iloc[0]["term"] == "quibblewort"
    assert s.articles == {"turkish": 80, "manar": 40}


def test_every_group_against_one(articles):
    s = suggest_terms(articles, vs="TRT World", top=5, variants=False)
    assert ("Al-Manar", "TRT World") in s.comparisons and ("TRT World", "Al-Manar") in s.comparisons
    assert REST not in set(s.table["vs"])


def test_errors_are_one_line(articles):
    with pytest.raises(FramingError, match="two or more"):
        suggest_terms(articles[articles["outlet"] == "Al-Manar"])
    with pytest.raises(FramingError, match="no such outlet group"):
        suggest_terms(articles, vs="Nobody")
    with pytest.raises(FramingError, match="no such column"):
        suggest_terms(articles, by="camp")


def test_known_terms_are_flagged_with_their_entry():
    rows = []
    for i in range(6):
        verb = ("shelled", "besieged", "bombed")[i % 3]
        rows.append({"id": f"a{i}", "outlet": "A", "text": f"The regime {verb} the town again. Daesh fighters fled."})
        rows.append({"id": f"b{i}", "outlet": "B", "text": "The government restored calm in the town."})
    s = suggest_terms(make_corpus(rows), top=10, min_count=3, variants=False)
    t = s.top("A").set_index("term")
    assert t.loc["regime", "known"] == "exact"
    assert "syrian_government" in t.loc["regime", "lexicon_entry"]
    assert t.loc["daesh fighters fled", "known"] == "contains"


def test_pieces_of_one_repeated_sentence_are_listed_once():
    note = "Editors note the senator regularly incites political violence against reporters."
    rows = []
    for i in range(12):
        filler = " ".join(f"w{(i * 7 + k) % 40}x" for k in range(12))
        rows.append({"id": f"a{i}", "outlet": "A", "text": f"{filler}. {note}"})
        rows.append({"id": f"b{i}", "outlet": "B", "text": f"{filler}. The senator spoke to reporters."})
    s = suggest_terms(make_corpus(rows), top=20, min_count=3, variants=False)
    words = set("editors note senator regularly incites political violence reporters".split())
    pieces = [set(t.split()) for t in s.top("A")["term"] if words & set(t.split())]
    # sliding pieces ("regularly incites political", "incites political violence") collapse into
    # one; pieces that share no word stay (in real text those are distinct terms: "serial liar",
    # "rampant xenophobe")
    assert pieces and all(not (a & b) for i, a in enumerate(pieces) for b in pieces[i + 1:]), pieces
