"""The ``loaded`` family: voice split, rates, naming profile, distancing, and the seed gold."""

from __future__ import annotations

import pickle
from pathlib import Path

import pytest

from framing.features import loaded as loaded_mod
from framing.features.loaded import LoadedTerms, naming_profile
from framing.lexicon import load as load_mod
from framing.lexicon import slug
from framing.text import Document

MINI = Path(__file__).parents[1] / "lexicon" / "fixtures" / "mini.toml"


@pytest.fixture
def fam(tmp_path, monkeypatch):
    """The family with only the small test lexicon (no bundled data)."""
    d = tmp_path / "bundle"
    d.mkdir()
    monkeypatch.setattr(load_mod._paths, "LEXICON_DIR", d)
    load_mod._CACHE.clear()
    loaded_mod._PLANS.clear()
    yield LoadedTerms(lexicons=(str(MINI),))
    loaded_mod._PLANS.clear()
    load_mod._CACHE.clear()


def terms(fam, text):
    return fam.analyze(Document(text)).details["loaded_terms"]


def voices(fam, text):
    return [(t["text"], t["voice"]) for t in terms(fam, text)]


def test_straight_quote_is_quoted_voice(fam):
    text = 'Officials said "the Daesh attack on the town was repelled by the army." Daesh denied it.'
    assert voices(fam, text) == [("Daesh", "quoted"), ("Daesh", "narrator")]


def test_curly_and_guillemet_quotes(fam):
    text = (
        "He said \u201cthe regime has bombed the town again today,\u201d adding more. "
        "Elle a dit \u00abthe regime will fall very soon now\u00bb. The regime replied."
    )
    assert voices(fam, text) == [
        ("regime", "quoted"),
        ("regime", "quoted"),
        ("regime", "narrator"),
    ]


def test_quote_running_over_paragraphs(fam):
    text = (
        '"We will fight the terrorists in every village of the country.\n\n'
        '"And we will defeat Daesh wherever they hide," the minister said.\n\n'
        "Daesh fighters withdrew."
    )
    assert voices(fam, text) == [
        ("terrorists", "quoted"),
        ("Daesh", "quoted"),
        ("Daesh", "narrator"),
    ]


def test_headline_quotation_in_single_quotes_is_the_source_voice(fam):
    # issue 15: TRUMP SLAMS 'DISGRACEFUL' ... counted as the outlet's own voice
    text = "OFFICIALS SLAM 'TERRORISTS' AFTER ATTACK\n\nThe regime denied it."
    assert voices(fam, text) == [("TERRORISTS", "quoted"), ("regime", "narrator")]


def test_unreopened_paragraph_closes_the_quote(fam):
    text = '"The regime must go now, before it is too late\n\nThe regime said nothing.'
    assert voices(fam, text) == [("regime", "quoted"), ("regime", "narrator")]


def test_scare_quotes_are_narrator_and_distancing(fam):
    text = 'The "Syrian government" forces shelled the town. Daesh fled.'
    res = fam.analyze(Document(text))
    assert [t["voice"] for t in res.details["loaded_terms"]] == ["narrator", "narrator"]
    assert res.features["loaded__scare_quotes"] == 1
    assert res.features["loaded__distancing"] == 1
    assert [s.label for s in res.spans if s.label == "scare_quotes"] == ["scare_quotes"]
    # a short quotation that is not exactly a name is not a distancing marker
    res = fam.analyze(Document('A "high-level delegation" met Daesh.'))
    assert res.features["loaded__scare_quotes"] == 0
    # a gloss or a name being introduced is not distancing; "so-called" plus quotes is
    for text, n in [
        ('Jaish al-Islam ("Syrian government") said', 0),
        ('a group known as "Islamic State" said', 0),
        ('the so-called "Islamic State" said', 1),
    ]:
        assert fam.analyze(Document(text)).features["loaded__scare_quotes"] == n, text


def test_so_called_counts_as_distancing(fam):
    res = fam.analyze(Document("the so-called caliphate"))
    assert res.features["loaded__distancing"] == 1
    assert res.features["loaded__n_distancing"] == 1


def test_details_and_spans(fam):
    text = "Daesh and the Assad regime's army."
    res = fam.analyze(Document(text))
    t0, t1 = res.details["loaded_terms"]
    assert t0 == {
        "text": "Daesh",
        "canonical": "daesh",
        "category": "label",
        "referent": "islamic_state",
        "voice": "narrator",
        "start": 0,
        "end": 5,
        "weight": 0.8,
        "connotation": -2.0,
        "layer": "lexicon",
        "confidence": 0.8,
        "loaded": True,
    }
    assert text[t1["start"] : t1["end"]] == "Assad regime's" and t1["canonical"] == "assad_regime"
    assert [(s.family, s.label, s.text) for s in res.spans] == [
        ("loaded", "daesh", "Daesh"),
        ("loaded", "assad_regime", "Assad regime's"),
    ]


def test_rates_and_naming_profile(fam):
    words = ["word"] * 90
    text = " ".join(words) + ' Daesh Daesh "the Islamic State fighters said that Daesh is wrong" ISIS terrorist.'
    doc = Document(text)
    f = fam.analyze(doc).features
    n = doc.n_words
    # loaded (non-neutral): Daesh x3 (1 quoted), terrorist; neutral: Islamic State, ISIS
    assert f["loaded__per_1k"] == pytest.approx(4 * 1000 / n)
    assert f["loaded__per_1k_narrator"] == pytest.approx(3 * 1000 / n)
    assert f["loaded__per_1k_quoted"] == pytest.approx(1 * 1000 / n)
    assert f["loaded__weighted_per_1k"] == pytest.approx((3 * 0.8 + 0.9) * 1000 / n)
    assert f["loaded__n_label"] == 3 and f["loaded__n_neutral"] == 2
    assert f["loaded__n_dysphemism"] == 1
    assert f["loaded__mentions__islamic_state"] == 5
    assert f["loaded__naming__islamic_state__daesh"] == pytest.approx(3 / 5)
    assert f["loaded__naming__islamic_state__islamic_state"] == pytest.approx(1 / 5)
    assert f["loaded__naming__islamic_state__isis"] == pytest.approx(1 / 5)
    assert f["loaded__naming__islamic_state__is"] == 0
    assert f["loaded__connotation__islamic_state"] == pytest.approx(3 * -2 / 5)
    # not mentioned: zero shares and mentions
    assert f["loaded__mentions__syrian_government"] == 0
    assert f["loaded__naming__syrian_government__regime"] == 0
    # per-name rates, any voice, neutral names included; unused names stay at 0
    assert f["loaded__rate__daesh"] == pytest.approx(3 * 1000 / n)
    assert f["loaded__rate__isis"] == pytest.approx(1000 / n)
    assert f["loaded__rate__regime"] == 0


def test_every_name_has_a_rate_column_and_a_doc(fam):
    names = set(fam.feature_names())
    docs = fam.feature_docs()
    for e in fam.lexicon.entries:
        col = f"loaded__rate__{slug(e.canonical)}"
        assert col in names and "per 1,000 words" in docs[col][0]
        lead = f"loaded__lead__{slug(e.canonical)}"
        assert lead in names and "lead" in docs[lead][0]


def test_lead_columns_mark_names_in_the_first_two_sentences(fam):
    text = "Daesh attacks the city. ISIS fighters fled. Later the regime shelled the Daesh bases."
    f = fam.analyze(Document(text)).features
    assert f["loaded__lead__daesh"] == 1.0 and f["loaded__lead__isis"] == 1.0
    assert f["loaded__lead__regime"] == 0.0  # third sentence: body, not lead
    assert f["loaded__rate__regime"] > 0


def test_feature_columns_are_stable(fam):
    names = fam.feature_names()
    assert len(names) == len(set(names))
    for r, c in [("islamic_state", "daesh"), ("syrian_government", "assad_regime"), ("nusra", "nusra")]:
        assert f"loaded__naming__{r}__{slug(c)}" in names
    assert "loaded__mentions__nusra" in names and "loaded__connotation__nusra" in names
    for text in ["", "nothing here", "Daesh"]:
        assert set(fam.analyze(Document(text)).features) == set(names)


@pytest.fixture
def transformers():
    """The transformers module, imported before ``fam`` points the bundled lexicon folder at an
    empty one: importing it builds the attribution family's columns from the bundled cue
    lexicons, which the empty folder lacks (the test then passes alone as in the suite)."""
    from framing.features import transformers

    return transformers


def test_transformer_and_pickle(transformers, fam):
    fam = transformers.LoadedTerms(lexicons=fam.lexicons)
    X = fam.fit_transform(["Daesh attacked", "the regime", ""])
    assert X.shape == (3, len(fam.get_feature_names_out()))
    clone = pickle.loads(pickle.dumps(fam))
    assert clone.get_params() == {"lexicons": (str(MINI),), "style": False, "threshold": 0.2, "alone_names": False}
    assert clone.analyze(Document("Daesh")).features["loaded__n_label"] == 1


def test_naming_profile_from_analyses(fam):
    from framing.analyze import analyze_article

    rows = [
        {"text": "Daesh and Daesh and ISIS", "outlet": "A"},
        {"text": "Islamic State and the regime", "outlet": "B"},
    ]
    analyses = [analyze_article(r, families=[fam]) for r in rows]
    prof = naming_profile(analyses)
    got = {(r.outlet, r.referent, r.canonical): (r.n, r.mentions, r.share) for r in prof.itertuples()}
    assert got[("A", "islamic_state", "daesh")] == (2, 3, pytest.approx(2 / 3))
    assert got[("A", "islamic_state", "isis")] == (1, 3, pytest.approx(1 / 3))
    assert got[("B", "islamic_state", "islamic_state")] == (1, 1, 1.0)
    assert got[("B", "syrian_government", "regime")] == (1, 1, 1.0)
    only = naming_profile(analyses, referents=["syrian_government"])
    assert set(only.referent) == {"syrian_government"}


# --- the seed article against the gold annotations -----------------------------------

#: gold key -> the lexicon canonicals it counts (slugs)
GOLD_CANONICALS = {
    "takfiri": {"takfiri"},
    "daesh": {"daesh"},
    "terrorist/terror": {"terrorist", "terror", "terrorists", "terrorist_group", "terror_group"},
    "so-called": {"so_called"},
    "liberation": {"liberation"},
    "militants": {"militant", "militants"},
    "volunteer forces/fighters": {"volunteer_forces", "volunteer_fighters", "volunteers"},
}


def test_seed_article_matches_gold(seed_article, gold):
    from framing.lexicon import default_paths

    if not default_paths():
        pytest.skip("no bundled loaded-language lexicons yet")
    loaded_mod._PLANS.clear()
    res = LoadedTerms().analyze(Document(seed_article["text"]))
    found = res.details["loaded_terms"]
    for key, spec in gold["loaded_terms"].items():
        hits = [t for t in found if slug(t["canonical"]) in GOLD_CANONICALS[key]]
        assert len(hits) == spec["count"], (key, [t["text"] for t in hits])
        quoted = sum(t["voice"] == "quoted" for t in hits)
        assert quoted == spec.get("quoted", 0), (key, [(t["text"], t["voice"]) for t in hits])
    body = seed_article["text"]
    for t in found:
        assert body[t["start"] : t["end"]] == t["text"]


def test_naming_profile_from_a_matches_table():
    import pandas as pd

    df = pd.DataFrame(
        {
            "outlet": ["A", "A", "A", "B", "B"],
            "referent": ["r", "r", None, "r", "q"],
            "canonical": ["x", "y", "terrorist", "x", "z"],
        }
    )
    prof = naming_profile(df)
    assert list(prof.columns) == ["outlet", "referent", "canonical", "n", "mentions", "share"]
    assert len(prof) == 4  # the referent-less match is not part of any profile
    a = prof[prof.outlet == "A"]
    assert a["share"].tolist() == [0.5, 0.5] and a["mentions"].tolist() == [2, 2]
    assert naming_profile(df.iloc[:0]).empty


def test_labelled_mentions_need_a_label_beside_the_name(fam):
    text = "Daesh terrorists attacked. The terrorists of the regime fled. Daesh, terrorists said."
    f = fam.analyze(Document(text)).features
    # "Daesh terrorists" and "terrorists of the regime": labelled; "Daesh, terrorists": a comma
    assert f["loaded__mentions__islamic_state"] == 2
    assert f["loaded__labelled__islamic_state"] == 0.5
    assert f["loaded__labelled__syrian_government"] == 1.0
    assert f["loaded__labelled__nusra"] == 0


def test_spellings_of_one_name_are_one_name_and_style_is_off_by_default(tmp_path, monkeypatch):
    """Issue 18: "U.S."/"US"/"United States" and "al-Assad"/"Al Assad" are one name for naming
    shares; the spelling difference is available only as opt-in style columns."""
    lexicon = tmp_path / "names.toml"
    lexicon.write_text(
        '[meta]\nname = "names"\n\n[[referent]]\nid = "usa"\nlabel = "the United States"\n\n'
        '[[referent]]\nid = "assad"\nlabel = "Bashar al-Assad"\n\n'
        '[[entry]]\nforms = ["United States", "U.S."]\nexact_forms = ["US"]\ncanonical = "united states"\n'
        'category = "neutral"\nreferent = "usa"\nconnotation = 0\nweight = 0\nwhy = "plain"\n\n'
        '[[entry]]\nforms = ["al-Assad"]\ncanonical = "al-assad"\ncategory = "neutral"\n'
        'referent = "assad"\nconnotation = 0\nweight = 0\nwhy = "plain"\n'
    )
    d = tmp_path / "bundle"
    d.mkdir()
    monkeypatch.setattr(load_mod._paths, "LEXICON_DIR", d)
    load_mod._CACHE.clear()
    loaded_mod._PLANS.clear()
    text = "The US and the U.S. and the United States. Al Assad and al-Assad."
    plain = LoadedTerms(lexicons=(str(lexicon),))
    f = plain.analyze(Document(text)).features
    assert f["loaded__naming__usa__united_states"] == 1.0 and f["loaded__mentions__usa"] == 3
    assert f["loaded__naming__assad__al_assad"] == 1.0 and f["loaded__mentions__assad"] == 2
    assert not any(n.startswith("loaded__style__") for n in plain.feature_names())
    styled = LoadedTerms(lexicons=(str(lexicon),), style=True)
    g = styled.analyze(Document(text)).features
    assert g["loaded__style__dotted_abbreviations"] == pytest.approx(1 / 2)  # "U.S" of "US", "U.S"
    assert g["loaded__style__abbreviated"] == pytest.approx(2 / 3)
    assert g["loaded__style__hyphenated"] == pytest.approx(1 / 2)
    assert set(styled.feature_docs()) >= {n for n in styled.feature_names() if "style" in n}
    loaded_mod._PLANS.clear()
    load_mod._CACHE.clear()


def test_topic_pack_names_get_per_name_columns_only_when_the_pack_is_selected():
    every = set(LoadedTerms().feature_names())
    us = set(LoadedTerms(lexicons=("pack:us-politics",)).feature_names())
    # with every pack on, a US name keeps its naming share but no rate and lead column of its own
    assert "loaded__naming__immigrants_without_status__undocumented_immigrants" in every
    assert "loaded__rate__undocumented_immigrants" not in every
    assert "loaded__lead__undocumented_immigrants" not in every
    assert {"loaded__rate__undocumented_immigrants", "loaded__lead__undocumented_immigrants"} <= us
    # the FA-KES pack keeps its per-name columns either way (conflict-middle-east: name_columns true)
    assert "loaded__rate__daesh" in every
    text = "Undocumented immigrants crossed the border. Daesh attacked."
    f = LoadedTerms(lexicons=("pack:us-politics",)).analyze(Document(text)).features
    assert f["loaded__rate__undocumented_immigrants"] > 0 and f["loaded__lead__undocumented_immigrants"] == 1.0
    assert set(LoadedTerms().analyze(Document(text)).features) == every  # columns from the lexicon, not the text
