"""Every matching rule of the one-pass matcher, on small hand-built lexicons."""

from __future__ import annotations

import pickle

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.lexicon import Entry, Matcher, normalise_text, variants


def E(canonical, *forms, referent="", category="label", **kw):
    return Entry(
        forms=list(forms) or [canonical],
        canonical=canonical,
        category=category,
        referent=referent,
        connotation=kw.pop("connotation", -1),
        weight=kw.pop("weight", 0.5),
        why="test",
        **kw,
    )


ENTRIES = [
    E("daesh", "Daesh", "Da'esh", referent="islamic_state"),
    E("islamic_state", "Islamic State", referent="islamic_state", category="neutral"),
    E("is", "IS", referent="islamic_state", category="neutral", case_sensitive=True),
    E("isis", "ISIS", referent="islamic_state", category="neutral"),
    E("nusra", "al-Nusra", "Nusra Front", referent="nusra"),
    E("regime", "regime", referent="syrian_government"),
    E("assad_regime", "Assad regime", referent="syrian_government"),
    E("militia", "militia"),
    E("party", "party"),
    E("church", "church"),
    E("so-called", "so-called", category="distancing", inflect=False),
    E("campaign", "campaign of death and destruction", category="emotive", inflect=False),
    E("death", "death", category="emotive", inflect=False),
    E("ab", "alpha beta"),
    E("bc", "beta gamma"),
]
M = Matcher(ENTRIES)


def found(text, matcher=M):
    return [(m.text, m.canonical) for m in matcher.find(text)]


def test_case_insensitive_by_default():
    assert found("DAESH, daesh and Daesh") == [("DAESH", "daesh"), ("daesh", "daesh"), ("Daesh", "daesh")]


def test_case_sensitive_acronym_is_not_the_verb():
    assert found("IS fighters said this is what Is wanted") == [("IS", "is")]
    assert found("IS's leader and IS\u2019s fighters") == [("IS's", "is"), ("IS\u2019s", "is")]
    assert found("the ISS") == []


def test_plurals_generated():
    assert found("militias, parties and churches") == [
        ("militias", "militia"),
        ("parties", "party"),
        ("churches", "church"),
    ]
    assert found("regimes") == [("regimes", "regime")]


def test_possessives_generated():
    assert found("Daesh's fighters, the militias' leaders, the regime\u2019s army") == [
        ("Daesh's", "daesh"),
        ("militias", "militia"),  # a trailing apostrophe is a boundary, not part of the hit
        ("regime\u2019s", "regime"),
    ]


def test_inflect_false_matches_only_the_form():
    m = Matcher([E("kill", "kill", inflect=False)])
    assert found("kills kill's kill", m) == [("kill", "kill"), ("kill", "kill")]


def test_hyphens_spaces_and_dashes_interchangeable():
    text = "al-Nusra, Al Nusra, al\u2013Nusra and the Nusra-Front"
    assert [t for t, _ in found(text)] == ["al-Nusra", "Al Nusra", "al\u2013Nusra", "Nusra-Front"]
    assert found("so called and so-called") == [("so called", "so-called"), ("so-called", "so-called")]


def test_lost_apostrophes_still_match():
    # scraped text often drops apostrophes: "Assads regime", "ISs fighters"
    m = Matcher([E("assad_regime", "Assad's regime"), E("is", "IS", case_sensitive=True)])
    assert found("Assads regime and ISs fighters", m) == [
        ("Assads regime", "assad_regime"),
        ("ISs", "is"),
    ]


def test_curly_and_straight_apostrophes_in_forms():
    assert found("Da\u2019esh and Da'esh") == [("Da\u2019esh", "daesh"), ("Da'esh", "daesh")]


def test_line_break_inside_a_phrase():
    assert found("the Islamic\nState group") == [("Islamic\nState", "islamic_state")]


def test_word_boundaries():
    assert found("a crisis in the regimented Daeshland") == []
    assert found("pro-Daesh and Daesh-held towns") == [("Daesh", "daesh"), ("Daesh", "daesh")]
    assert found("(ISIS)") == [("ISIS", "isis")]


def test_longest_match_wins():
    assert found("the Assad regime") == [("Assad regime", "assad_regime")]
    assert found("its campaign of death and destruction") == [("campaign of death and destruction", "campaign")]
    assert found("death and destruction") == [("death", "death")]


def test_equal_length_overlap_leftmost_wins():
    assert found("alpha beta gamma") == [("alpha beta", "ab")]


def test_explicit_form_beats_generated_variant():
    m = Matcher([E("militant", "militant"), E("militants_plural", "militants")])
    assert found("militants", m) == [("militants", "militants_plural")]


def test_later_entry_wins_same_form():
    m = Matcher([E("old", "thugs"), E("new", "thugs")])
    assert found("thugs", m) == [("thugs", "new")]


def test_length_changing_lowercase_keeps_offsets():
    text = "\u0130stanbul: \u0130\u0130 Daesh"  # "İ".lower() is two characters
    assert normalise_text(text).__len__() == len(text)
    (m,) = M.find(text)
    assert text[m.start : m.end] == "Daesh"


def test_matcher_pickles_and_rebuilds():
    M.find("Daesh")
    clone = pickle.loads(pickle.dumps(M))
    assert clone._automaton is None
    assert found("Daesh", clone) == [("Daesh", "daesh")]


def test_variants():
    assert variants("party") == ["party", "partys", "parties", "party's", "partys'", "parties'"]
    assert variants("IS") == ["IS", "IS's", "ISs"]
    assert variants("Da\u2019esh", inflect=False) == ["Da\u2019esh", "Daesh"]
    assert variants("NGO") == ["NGO", "NGO's", "NGOs", "NGOs'"]
    assert variants("so-called", inflect=False) == ["so-called"]


WORDS = [
    "Daesh",
    "IS",
    "is",
    "al-Nusra",
    "Assad regime",
    "regime's",
    "militias",
    "ISIS",
    "crisis",
    "\u0130",
    "so-called",
    "death",
    "alpha",
    "beta",
    "gamma",
    "\u00df",
]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(st.one_of(st.sampled_from(WORDS), st.text(max_size=6)), max_size=30),
    st.lists(st.sampled_from([" ", "-", "\n", ", ", "\u2019", "'", '"', ""]), min_size=30, max_size=30),
)
def test_offsets_slice_back_to_the_match(parts, seps):
    text = "".join(p + s for p, s in zip(parts, seps, strict=False))
    matches = M.find(text)
    prev_end = 0
    for m in matches:
        assert text[m.start : m.end] == m.text
        assert m.start >= prev_end  # sorted, non-overlapping
        prev_end = m.end
        assert m.start == 0 or not text[m.start - 1].isalnum()
        assert m.end == len(text) or not text[m.end].isalnum()


# --- sense rules and capitals (issue 15, 23.4) ---------------------------------------


def _texts(m, text):
    return [h.text for h in m.find(text)]


def test_a_case_sensitive_acronym_is_not_a_name_inside_capitals():
    m = Matcher([E("islamic state", "Islamic State", exact_forms=["IS"], category="neutral")])
    assert _texts(m, "THE TAX PLEDGE IS FOREVER") == []
    assert _texts(m, "WHY TRUMP IS WINNING") == []
    assert _texts(m, "IS fighters fled; the IS group and IS's leaders") == ["IS", "IS", "IS's"]
    assert _texts(m, "Headline: IS claims attack") == ["IS"]
    # the same acronym beside a capitalised word that is not in capitals still counts
    assert _texts(m, "Iraq said IS Fighters fled") == ["IS"]


def test_exact_forms_share_the_entry_with_the_spelled_out_name():
    m = Matcher([E("united states", "United States", "U.S.", exact_forms=["US"], category="neutral")])
    hits = m.find("The US and the U.S. and the United States told us.")
    assert [h.text for h in hits] == ["US", "U.S", "United States"]  # a final full stop is a boundary
    assert {h.canonical for h in hits} == {"united states"}


def test_not_before_stops_a_literal_use():
    m = Matcher(
        [
            E("criminal", "criminal", category="dysphemism", not_before=["charges", "charge", "justice", "case"]),
            E("terrorism", "terrorism", not_before=["charges", "charge"]),
            E("massive", "massive", category="intensifier", not_before=["<num>", "* <num>"]),
            E("overwhelming", "overwhelming", category="intensifier", not_before=["majority"]),
        ]
    )
    assert _texts(m, "He faces criminal charges and a criminal case.") == []
    assert _texts(m, "a criminal gang") == ["criminal"]
    assert _texts(m, "She pleaded not guilty to terrorism charges.") == []
    assert _texts(m, "a war on terrorism") == ["terrorism"]
    assert _texts(m, "a massive $1.5 trillion cut, a massive 40% rise") == []
    assert _texts(m, "a massive attack") == ["massive"]
    assert _texts(m, "an overwhelming majority voted; an overwhelming force") == ["overwhelming"]
    # a clause break ends the context: "criminal. Charges" is two clauses
    assert _texts(m, "It was criminal. Charges followed.") == ["criminal"]


def test_not_after_and_only_near():
    m = Matcher(
        [
            E("innocent", "innocent", category="emotive", not_after=["pleaded", "found", "pleaded not"]),
            E("eliminate", "eliminate", "eliminated", category="euphemism", only_near=["militants", "him", "leader"]),
        ]
    )
    assert _texts(m, "He pleaded innocent. She was found innocent.") == []
    assert _texts(m, "innocent children died") == ["innocent"]
    assert _texts(m, "a plan to eliminate the visa lottery") == []
    assert _texts(m, "troops eliminated three militants") == ["eliminated"]
    assert _texts(m, "they eliminated the group's leader") == ["eliminated"]


def test_is_one_key_says_whether_one_hit_could_cover_the_whole_text():
    # the pre-check of the scare-quote test: only a text that is one key can be a single hit
    for text in ("Daesh", "Assad regime", "al Nusra", "Nusra Front's", "ISIS"):
        assert M.is_one_key(text), text
        hits = M.find(text)
        assert len(hits) == 1 and hits[0].text == text
    for text in ("the regime", "Daesh fighters", "", "  "):
        assert not M.is_one_key(text), text
