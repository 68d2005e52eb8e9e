"""The confidence of a match and the family's loaded decision (framing/lexicon/confidence.py):
page furniture and proper names are not uses; weights below the threshold are plain uses."""

from __future__ import annotations

import pytest

from framing.features.loaded import LoadedTerms
from framing.lexicon import Entry
from framing.lexicon.confidence import (
    ALONE_NAME_CHARS,
    ALONE_NAME_CONFIDENCE,
    LOADED_THRESHOLD,
    NAME_USES_LOADED,
    REPEATED_NAME_CONFIDENCE,
    alone_names,
    is_loaded,
    not_a_use,
    proper_name_collision,
    repeated_line_spans,
    repeated_name_confidence,
)
from framing.text import Document


def E(*forms, weight=0.6, category="emotive"):
    return Entry(
        forms=list(forms), canonical=forms[0].lower(), category=category, connotation=-1, weight=weight, why="test"
    )


SAFETY = E("gun safety", category="euphemism")
DEPRESSION = E("depression")
MARTYR = E("shahid", "martyr")
REMNANT = E("remnant", "remnants", category="dysphemism")
STATE = E("deep state", category="label")


def _collides(text, word, entry):
    i = text.index(word)
    return proper_name_collision(text, i, i + len(word), entry)


@pytest.mark.parametrize(
    ("text", "word", "entry"),
    [
        ("He joined Everytown for Gun Safety last year.", "Gun Safety", SAFETY),  # 'X for Y' organisation
        ("the worst slump since the Great Depression ended", "Depression", DEPRESSION),  # after a capital
        ("according to the records, the employee Shahid Imran said he had left", "Shahid", MARTYR),  # before a capital
        ("as he wrote in The Remnant last year", "Remnant", REMNANT),  # a title after 'The'
        # a sentence full of names is not a title-case headline
        ("Catch her regular column in The Remnant's Print/E-edition. Subscribe Today!", "Remnant's", REMNANT),
    ],
)
def test_a_common_word_capitalised_inside_a_name_is_a_proper_name(text, word, entry):
    assert _collides(text, word, entry)


@pytest.mark.parametrize(
    ("text", "word", "entry"),
    [
        ("Gun safety groups objected.", "Gun safety", SAFETY),  # the sentence starts with it
        ("Groups such as gun safety advocates objected.", "gun safety", SAFETY),  # lower case
        ("They fear the Deep State, which hides.", "Deep State", STATE),  # capitals for emphasis only
        ("New Footage From Las Vegas Reveals Possible Gun Safety Failures", "Gun Safety", SAFETY),  # title case
    ],
)
def test_sentence_starts_emphasis_and_title_case_are_not_names(text, word, entry):
    assert not _collides(text, word, entry)


def test_a_form_written_with_a_capital_is_never_a_collision():
    cap = E("Palestine")
    assert not _collides("the American Task Force on Palestine gala", "Palestine", cap)


def test_a_repeated_line_counts_once():
    widget = "Whom do you consider to be the most corrupt politician?"
    text = f"Title\n\nA corrupt deal.\n{widget}\n{widget}\nMore text.\n{widget}"
    spans = repeated_line_spans(text)
    assert len(spans) == 2 and all(text[a:b] == widget for a, b in spans)
    first = text.index(widget)
    entry = E("corrupt")
    assert not_a_use(text, first + 28, first + 35, entry, spans) is None
    second = text.index(widget, first + 1)
    assert not_a_use(text, second + 28, second + 35, entry, spans) == "repeated line"
    assert repeated_line_spans("no line breaks here") == [] == repeated_line_spans("a\nb\na")  # short lines


def test_the_threshold_decides():
    assert is_loaded(E("evil", weight=LOADED_THRESHOLD), LOADED_THRESHOLD)
    assert not is_loaded(E("gunman", weight=0.1, category="label"), 0.1)
    assert not is_loaded(E("Israel", weight=0.0, category="neutral"), 0.0)


def test_family_keeps_every_hit_but_counts_only_uses():
    fam = LoadedTerms()
    widget = "Which is the most corrupt and evil government on earth?"
    text = f"A corrupt deal\n\nThey wrote in The Remnant that a lone gunman fired.\n{widget}\n{widget}"
    res = fam.analyze(Document(text))
    terms = res.details["loaded_terms"]
    by = {(t["text"], t["start"]): t for t in terms}
    assert not any(t["text"] == "Remnant" for t in terms)  # not a use: kept apart
    remnant = next(t for t in res.details["loaded_not_uses"] if t["text"] == "Remnant")
    assert remnant["not_a_use"] == "proper name" and not remnant["loaded"] and remnant["confidence"] == 0
    gunman = next(t for t in terms if t["text"] == "gunman")
    assert gunman["weight"] < LOADED_THRESHOLD and not gunman["loaded"] and "not_a_use" not in gunman
    corrupt = [t for t in terms if t["text"] == "corrupt"]
    assert [t["loaded"] for t in corrupt] == [True, True]  # the second copy of the line is furniture
    assert [t["text"] for t in res.details["loaded_not_uses"]].count("corrupt") == 1
    assert len(by) == len(terms)
    loaded = [t for t in terms if t["loaded"]]
    n_words = Document(text).n_words
    assert res.features["loaded__per_1k"] == pytest.approx(len(loaded) * 1000 / n_words)
    assert [s.text for s in res.spans].count("corrupt") == 2  # evidence only for uses


def test_a_name_repeated_past_the_cap_is_the_articles_term_of_reference():
    regime = Entry(
        forms=["regime"], canonical="regime", category="label", referent="syrian_government",
        connotation=-1, weight=0.6, why="test",
    )
    assert [repeated_name_confidence(regime, k) for k in range(1, NAME_USES_LOADED + 1)] == [0.6] * NAME_USES_LOADED
    assert repeated_name_confidence(regime, NAME_USES_LOADED + 1) == REPEATED_NAME_CONFIDENCE < LOADED_THRESHOLD
    # general vocabulary is a fresh choice each time
    assert repeated_name_confidence(E("brutal"), 10) == 0.6


def test_family_counts_a_repeated_name_as_a_mention_not_as_loaded():
    fam = LoadedTerms()
    n = NAME_USES_LOADED + 2
    text = "Opposition groups spoke. " + " ".join(["The regime shelled a brutal siege."] * n)
    res = fam.analyze(Document(text))
    regime = [t for t in res.details["loaded_terms"] if t["canonical"] == "regime"]
    brutal = [t for t in res.details["loaded_terms"] if t["canonical"] == "brutal"]
    assert len(regime) == n and [t["loaded"] for t in regime] == [True] * NAME_USES_LOADED + [False] * 2
    assert all(t["loaded"] for t in brutal) and len(brutal) == n
    f = res.features
    assert f["loaded__mentions__syrian_government"] == n  # every use is still a mention
    assert f["loaded__naming__syrian_government__regime"] == 1.0
    n_loaded = sum(t["loaded"] for t in res.details["loaded_terms"])
    assert f["loaded__per_1k"] == pytest.approx(n_loaded * 1000 / Document(text).n_words)


def test_alone_names_have_no_loaded_use_within_the_window():
    w = ALONE_NAME_CHARS
    spans = [(0, 5), (5 + w, 10 + w), (100 + 3 * w, 105 + 3 * w)]
    # the first two are exactly w apart (near each other); the third is far from both
    assert alone_names(spans, [0, 1, 2]) == [2]
    assert alone_names([(0, 5), (6 + w, 9 + w)], [0, 1]) == [0, 1]
    assert alone_names([(10, 20)], [0]) == [0]
    assert alone_names(spans, []) == []


def test_a_name_alone_stays_loaded_by_default():
    """The default counts a lone "regime" (a naming choice a researcher of the coverage
    measures); only ``alone_names=True`` lowers it."""
    (t,) = LoadedTerms().analyze(Document("The regime bombed the city on Tuesday.")).details["loaded_terms"]
    assert t["canonical"] == "regime" and t["loaded"]


def test_with_alone_names_a_name_alone_is_a_mention_not_a_loaded_term():
    fam = LoadedTerms(alone_names=True)
    plain = fam.analyze(Document("The regime bombed the city on Tuesday."))
    (t,) = plain.details["loaded_terms"]
    assert t["canonical"] == "regime" and not t["loaded"] and t["confidence"] == ALONE_NAME_CONFIDENCE
    f = plain.features
    assert f["loaded__mentions__syrian_government"] == 1 and f["loaded__n_label"] == 0
    assert f["loaded__per_1k"] == 0 and f["loaded__weighted_per_1k"] == 0
    charged = fam.analyze(Document("The brutal regime bombed the city on Tuesday."))
    assert [t["loaded"] for t in charged.details["loaded_terms"]] == [True, True]
    assert charged.features["loaded__n_label"] == 1
    # general vocabulary alone stays loaded: only names of groups are designations
    assert fam.analyze(Document("The city was bombed in a brutal way.")).details["loaded_terms"][0]["loaded"]
