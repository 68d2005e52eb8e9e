"""The lexicon models accept the documented format and reject each kind of bad value."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from framing.lexicon.schema import CATEGORIES, Entry, Meta, Referent, slug

GOOD = {
    "forms": ["Daesh"],
    "canonical": "daesh",
    "category": "label",
    "referent": "islamic_state",
    "connotation": -2,
    "weight": 0.9,
    "why": "pejorative acronym",
}


def test_good_entry_and_defaults():
    e = Entry.model_validate(GOOD)
    assert e.inflect is True and e.case_sensitive is False
    assert e.tags == [] and e.used_by == "" and e.ref == ""
    assert e.key == ("daesh", "islamic_state")


@pytest.mark.parametrize(
    "field,value",
    [
        ("weight", 1.01),
        ("weight", -0.1),
        ("connotation", 2.5),
        ("connotation", -3),
        ("category", "slur"),
        ("forms", []),
        ("forms", ["  "]),
        ("canonical", ""),
        ("why", ""),
    ],
)
def test_bad_values_rejected(field, value):
    with pytest.raises(ValidationError):
        Entry.model_validate({**GOOD, field: value})


@pytest.mark.parametrize("missing", ["forms", "canonical", "category", "connotation", "weight", "why"])
def test_required_fields(missing):
    data = {k: v for k, v in GOOD.items() if k != missing}
    with pytest.raises(ValidationError):
        Entry.model_validate(data)


def test_unknown_field_is_a_typo_not_ignored():
    with pytest.raises(ValidationError):
        Entry.model_validate({**GOOD, "wieght": 0.5})


def test_forms_are_stripped():
    assert Entry.model_validate({**GOOD, "forms": [" Daesh "]}).forms == ["Daesh"]


def test_every_category_accepted():
    for c in CATEGORIES:
        Entry.model_validate({**GOOD, "category": c})


def test_referent_id_must_be_snake_case():
    Referent(id="islamic_state", label="the Islamic State group")
    with pytest.raises(ValidationError):
        Referent(id="Islamic State", label="x")


def test_meta_kind_defaults_to_loaded():
    assert Meta(name="x").kind == "loaded"
    with pytest.raises(ValidationError):
        Meta.model_validate({})


def test_slug_for_feature_names():
    assert slug("so-called") == "so_called"
    assert slug("Assad regime") == "assad_regime"
    assert slug("--") == "x"


@pytest.mark.parametrize(
    "form,problem",
    [
        (".", "can never match"),
        ("\U0001f642", "can never match"),  # an emoji
        ("\u200b", "can never match"),  # a zero-width space
        ("Da\u200besh", "invisible ZERO WIDTH SPACE"),
        ("a**", r"would match almost every text \(matching reads it as 'a'\)"),
        ("the", "would match almost every text"),
        ("x", "would match almost every text"),
    ],
)
def test_forms_that_can_never_match_or_match_everything_fail(form, problem):
    # issue 22.9: these validated before and then matched nothing (or every article)
    with pytest.raises(ValidationError, match=problem):
        Entry.model_validate({**GOOD, "forms": [form]})


def test_acronyms_and_abbreviations_are_good_forms():
    for form in ["U.S.", "PKK/PYD", "Qur'an", "al-Nusra", "AT&T", "big, beautiful wall"]:
        Entry.model_validate({**GOOD, "forms": [form]})
    # "US" matched as written is not the pronoun
    e = Entry.model_validate({**GOOD, "forms": ["United States"], "exact_forms": ["US"]})
    assert e.exact_forms == ["US"]
    Entry.model_validate({**GOOD, "forms": ["US"], "case_sensitive": True})
    with pytest.raises(ValidationError, match="very common word"):
        Entry.model_validate({**GOOD, "forms": ["us"]})


def test_context_patterns_are_words_any_or_numbers():
    e = Entry.model_validate({**GOOD, "not_before": ["Charges", "<num> *"], "only_near": ["militants"]})
    assert e.not_before == ["charges", "<num> *"] and e.has_context
    for bad in [{"not_before": ["a+b"]}, {"not_after": ["  "]}, {"only_near": ["two words"]}]:
        with pytest.raises(ValidationError):
            Entry.model_validate({**GOOD, **bad})
