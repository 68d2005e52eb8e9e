"""Regression tests for the errors found by hand on US news (issue 16), each on a sentence
written for this test in the same shape as the one that failed (none is copied from a corpus)."""

from __future__ import annotations

from typing import Any

import pytest

from framing.sourcing.attribution import attributions
from framing.sourcing.claims import claims
from framing.text import Document
from framing.text.segment import sentences


def _atts(text: str) -> list[dict[str, Any]]:
    return attributions(Document(text))


def _only(text: str) -> dict[str, Any]:
    got = _atts(text)
    assert len(got) == 1, got
    return got[0]


def test_content_is_not_the_prepositional_phrase_after_the_cue() -> None:
    a = _only("The county ignored its own deadline, Mr. Dorn wrote in a court filing.")
    assert a["content"]["text"] == "The county ignored its own deadline"
    q = _only('"The suit has no merit," Dorn wrote in a motion on Friday.')
    assert q["content"]["text"] == "The suit has no merit" and q["direct_quote"]


def test_she_is_the_judge_who_acted_last_not_the_plaintiff_who_spoke_first() -> None:
    text = ("Plaintiff Ann Cole said the firm fired her unfairly. Judge Mary Ruiz ruled on "
            "Friday that the firm acted lawfully. She said the firm had kept its records.")
    she = _atts(text)[-1]
    assert she["source"]["text"] == "She"
    assert she["resolved"]["to"]["text"] == "Judge Mary Ruiz"


def test_he_told_reporters_is_the_senator_who_spoke_not_the_earlier_speaker() -> None:
    text = ("The president said the wall would be built. Sen. Bob Lane, who spoke after the "
            "rally, disagreed. He told reporters the plan was dead.")
    he = _atts(text)[-1]
    assert he["resolved"]["to"]["text"] == "Sen. Bob Lane"


def test_two_speakers_before_a_pronoun_stay_ambiguous() -> None:
    text = "Ann Cole said the plan was sound. Mary Ruiz said it was not. She said more."
    assert _atts(text)[-1]["resolved"] is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("The House's No. 3 Republican said the vote would slip.", "The House's No. 3 Republican"),
        ("Sen. Jane Roe, R-Ariz., said the deal was dead.", "Sen. Jane Roe, R-Ariz."),
        ("Rep. Tom Hale (D-N.Y.) Thursday said the deal was dead.", "Rep. Tom Hale (D-N.Y.)"),
    ],
)
def test_sources_are_not_cut_at_abbreviations(text: str, source: str) -> None:
    assert [text[s.start:s.end] for s in sentences(text)] == [text]
    assert _only(text)["source"]["text"] == source


@pytest.mark.parametrize(
    ("text", "source", "lemma"),
    [
        ("Her spokesman countered that the audit was routine.", "Her spokesman", "counter"),
        ("The governor reassured residents that the water was safe.", "The governor", "reassure"),
        ("The council rejected the claim that the count was rigged.", "The council", "oppose"),
        ("The mayor credited the new police chief with the drop in crime.", "The mayor", "credit"),
        ("Farmers expressed fears that the tariffs would ruin them.", "Farmers", "express"),
        ("Politico first reported the resignation on Sunday.", "Politico", "report"),
    ],
)
def test_cues_that_were_missed(text: str, source: str, lemma: str) -> None:
    a = _only(text)
    assert (a["source"]["text"], a["cue"]["lemma"]) == (source, lemma)


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("Politico first reported the resignation on Sunday.", "Politico"),
        ("The Hill reported that the bill had stalled.", "The Hill"),
        ("USA Today reported the figures a week later.", "USA Today"),
    ],
)
def test_us_outlets_are_media_not_people(text: str, source: str) -> None:
    a = _only(text)
    assert (a["source"]["text"], a["source_type"]) == (source, "media")


def test_second_sentence_of_a_quotation_is_attributed() -> None:
    text = '"We will not back down," the mayor said. "The city has the money. The plan goes on."'
    got = claims(Document(text))
    assert [c["status"] for c in got] == ["attributed"] * len(got) and len(got) == 3
    a = _only(text)
    assert [c["text"] for c in a["content_more"]] == ["The city has the money. The plan goes on."]


@pytest.mark.parametrize(
    "line",
    [
        "The Associated Press contributed to this report.",
        "Jane Doe in Cairo and Bob Roe contributed reporting.",
        "Follow him on Twitter @jdoe.",
        "Reporting by Jane Doe; Editing by Bob Roe",
    ],
)
def test_credit_lines_are_not_claims(line: str) -> None:
    got = claims(Document("The bridge reopened on Monday after repairs.\n\n" + line))
    assert [c["status"] for c in got] == ["unattributed", "other"]


def test_a_quotation_interrupted_by_its_cue_has_both_pieces() -> None:
    a = _only('"Judge," the lawyer said, "my client has never missed a hearing in ten years."')
    assert a["content"]["text"] == "Judge"
    assert [c["text"] for c in a["content_more"]] == [
        "my client has never missed a hearing in ten years."]


@pytest.mark.parametrize(
    "caption",
    [
        "Sen. Ann Hale speaks during a rally in Columbus, Ohio, on Monday, Oct. 3, 2016. "
        "(AP Photo/Jane Doe)",
        "Protesters march outside the state capitol in Austin, Texas, on March 5, 2016. "
        "REUTERS/John Roe",
    ],
)
def test_photo_captions_with_their_credit_are_not_claims(caption: str) -> None:
    text = f"The bridge reopened on Monday after repairs.\n\n{caption}\n\nThe vote is next week."
    got = claims(Document(text))
    assert [c["status"] for c in got] == ["unattributed", "other", "other", "unattributed"]


def test_nyt_style_two_apostrophe_quotations_are_quotations() -> None:
    # ''...'' for a double quote mark (NYT archive texts); apostrophes stay apostrophes
    text = "''We will not back down from this fight,'' the mayor said. It's the players' ball."
    a = _only(text)
    assert a["source"]["text"] == "the mayor"
    assert a["content"]["text"] == "We will not back down from this fight"
    assert a["direct_quote"] is True
    quotes = Document(text).quotes
    assert [text[q.start:q.end] for q in quotes] == ["''We will not back down from this fight,''"]
