"""Sentence alignment and the facts one version has that the others leave out."""

from __future__ import annotations

from framing.stories.align import align_story, facts_in, sentence_texts

from .accounts import BAGHDAD_OBSERVER, LEVANT_DAILY


def _facts(sentence: str) -> set[tuple[str, str]]:
    return {(f.kind, f.value) for f in facts_in(sentence)}


def test_numbers_outside_dates_and_names_are_facts() -> None:
    got = _facts("On 6 September 2016, 12 civilians and Thirteen soldiers were killed in Aleppo, SANA said.")
    assert ("number", "12") in got and ("number", "13") in got
    assert ("number", "6") not in got and ("number", "2016") not in got  # the date is no fact
    assert ("name", "aleppo") in got and ("name", "sana") in got
    assert not any(v == "on" for _, v in got)


def test_a_lone_sentence_initial_capital_is_no_name() -> None:
    assert not [f for f in facts_in("Rockets hit the town.") if f.kind == "name"]


def test_sentences_skip_headlines() -> None:
    assert sentence_texts("Baghdad talks\n\nThe two sides met on Tuesday. They agreed.") == [
        "The two sides met on Tuesday.", "They agreed."]


def _seed_alignment(seed_article: dict):
    return align_story([(seed_article["id"], seed_article["outlet"], seed_article["text"]),
                        (BAGHDAD_OBSERVER["id"], BAGHDAD_OBSERVER["outlet"], BAGHDAD_OBSERVER["text"]),
                        (LEVANT_DAILY["id"], LEVANT_DAILY["outlet"], LEVANT_DAILY["text"])])


def test_the_same_statement_aligns_across_the_three_accounts(seed_article: dict) -> None:
    al = _seed_alignment(seed_article)
    seed, observer, levant = al.versions
    full = [r for r in al.rows if all(i is not None for i in r)]
    texts = [[v.sentences[i] for v, i in zip(al.versions, r, strict=True)] for r in full]
    intelligence = [t for t in texts if "intelligence" in t[0]]
    assert intelligence and all("intelligence" in s for s in intelligence[0])
    # every sentence of every version sits in exactly one row
    for k, v in enumerate(al.versions):
        assert sorted(r[k] for r in al.rows if r[k] is not None) == list(range(len(v.sentences)))


def test_unique_facts_name_the_outlet_and_carry_the_sentence(seed_article: dict) -> None:
    al = _seed_alignment(seed_article)
    unique = {(u.outlet, u.kind, u.value) for u in al.unique}
    # only the Baghdad Observer gives the delegation's size and its leader
    assert ("Baghdad Observer", "number", "11") in unique
    assert ("Baghdad Observer", "name", "Major General Ali Mahmoud Abbas") in unique
    # only Press TV has the 600 metres and the CIA
    assert ("Press TV", "number", "600") in unique and ("Press TV", "name", "CIA") in unique
    # shared facts are not unique: Ghanmi and Baghdad are in every account
    assert not {u for u in unique if u[2] in ("Ghanmi", "Baghdad")}
    for u in al.unique:
        v = next(v for v in al.versions if v.article_id == u.article_id)
        assert v.sentences[u.sentence_index] == u.sentence
        assert u.sentence[u.start:u.end] == u.value or u.kind == "sentence"


def test_a_single_outlet_has_nothing_unique(seed_article: dict) -> None:
    al = align_story([("a", "X", BAGHDAD_OBSERVER["text"]), ("b", "X", LEVANT_DAILY["text"])])
    assert al.unique == []


def test_empty_versions_align_to_nothing() -> None:
    assert align_story([("a", "X", ""), ("b", "Y", "")]).rows == []
