"""Attribution patterns, anonymous sources, pronouns, continuations (framing/sourcing/attribution.py)."""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.sourcing.attribution import attributions, classify_source
from framing.text import Document


def _one(text: str) -> dict[str, Any]:
    got = attributions(Document(text))
    assert len(got) == 1, got
    return got[0]


def _src(a: dict[str, Any]) -> str | None:
    return a["source"]["text"] if a["source"] else None


def _content(a: dict[str, Any]) -> str | None:
    return a["content"]["text"] if a["content"] else None


def test_x_said_that() -> None:
    a = _one("Vladimir Putin said that the talks had failed.")
    assert (_src(a), a["source_type"], a["cue"]["text"], a["cue"]["lemma"]) == (
        "Vladimir Putin", "person", "said", "say")
    assert _content(a) == "that the talks had failed"  # PolNeAR keeps the "that"
    assert a["cue_type"] == "neutral" and not a["direct_quote"]


def test_offsets_index_the_text() -> None:
    text = "Rebels shelled the town.\n\nThe Defense Ministry said on Monday that 12 died."
    a = _one(text)
    for key in ("source", "cue", "content"):
        assert text[a[key]["start"]:a[key]["end"]] == a[key]["text"]


def test_content_first_then_source() -> None:
    a = _one("The border crossing was closed, the Interior Ministry said.")
    assert (_src(a), a["source_type"]) == ("the Interior Ministry", "organization")
    assert _content(a) == "The border crossing was closed"


def test_content_first_without_commas_fakes_style() -> None:
    a = _one("At least 70 people were killed the World Health Organization said on Wednesday.")
    assert _src(a) == "the World Health Organization"
    assert _content(a) == "At least 70 people were killed"


def test_quote_first_with_document_speaker() -> None:
    a = _one('"The meeting discussed the common enemy and the border," the statement read.')
    assert (_src(a), a["source_type"], a["cue"]["lemma"]) == ("the statement", "document", "read")
    assert a["direct_quote"] and _content(a) == "The meeting discussed the common enemy and the border"


def test_inverted_said_x() -> None:
    a = _one('"We will rebuild every house in this town," said Mayor John Smith.')
    assert _src(a) == "Mayor John Smith" and a["source_type"] == "person" and a["direct_quote"]


def test_according_to_after_and_before() -> None:
    a = _one("At least 20 people died, according to the Syrian Observatory for Human Rights.")
    assert _src(a) == "the Syrian Observatory for Human Rights"
    assert a["source_type"] == "organization" and _content(a) == "At least 20 people died"
    b = _one("According to Reuters, the convoy reached the city at dawn.")
    assert _src(b) == "Reuters" and _content(b) == "the convoy reached the city at dawn"


def test_according_to_a_plan_is_not_a_source() -> None:
    assert attributions(Document("The troops withdrew according to the plan.")) == []


def test_told_skips_the_addressee() -> None:
    a = _one("The minister told reporters that the border was closed.")
    assert (_src(a), a["cue"]["lemma"]) == ("The minister", "tell")
    assert _content(a) == "that the border was closed"


def test_reported_announced_claimed() -> None:
    a = _one("Al Jazeera reported that the airport had been hit.")
    assert a["source_type"] == "media" and a["cue"]["lemma"] == "report"
    b = _one("The army announced a ceasefire in the north.")
    assert (_src(b), b["source_type"], b["cue_type"]) == ("The army", "organization", "neutral")
    c = _one("The rebels claimed that they had downed a helicopter.")
    assert (c["cue"]["lemma"], c["cue_type"]) == ("claim", "loaded")


def test_citing_nests_as_cites() -> None:
    text = ("The Lebanon-based al-Manar news channel, citing an unnamed security official, "
            "reported that the road was reopened.")
    a = _one(text)
    # PolNeAR's convention: the source is the whole noun phrase, its descriptors included
    assert _src(a) == "The Lebanon-based al-Manar news channel" and a["source_type"] == "media"
    assert a["cites"]["source"]["text"] == "an unnamed security official"
    assert a["cites"]["source_type"] == "anonymous"


def test_quoted_as_saying() -> None:
    a = _one("The agency quoted the governor as saying the fire was under control.")
    assert _src(a) == "The agency" and a["cites"]["source"]["text"] == "the governor"
    assert _content(a) == "the fire was under control"


def test_passive_quoted_as_saying() -> None:
    a = _one("Ali Hassan was quoted as saying the offensive would continue.")
    assert _src(a) == "Ali Hassan" and _content(a) == "the offensive would continue"


def test_said_in_a_statement() -> None:
    a = _one("The army said in a statement on Monday that it had retaken the hill.")
    assert _src(a) == "The army" and _content(a) == "that it had retaken the hill"


def test_colon_introduced_quote() -> None:
    text = 'Ghanmi spoke after the meeting. He added: "This is a victory for both our armies."'
    got = attributions(Document(text))
    a = got[-1]
    assert _src(a) == "He" and a["direct_quote"]
    assert _content(a) == "This is a victory for both our armies."


def test_quotation_paragraph_continues_previous_speaker() -> None:
    text = (
        'Ghanmi said: "We agreed to share intelligence with our Syrian partners."\n\n'
        '"We will also coordinate air strikes near the border from now on."\n\n'
        "The talks ended on Tuesday."
    )
    got = attributions(Document(text))
    assert len(got) == 2
    cont = got[1]
    assert _src(cont) == "Ghanmi" and cont["direct_quote"]
    assert cont["content"]["text"].startswith("We will also coordinate")
    assert cont["resolved"]["rule"].startswith("quotation paragraph")


def test_a_short_quoted_title_paragraph_does_not_continue() -> None:
    text = 'Ghanmi said the talks went well.\n\n"Victory"\n\nThe talks ended.'
    assert len(attributions(Document(text))) == 1


def test_pronoun_resolves_to_the_only_named_person() -> None:
    text = "John Smith said the plan was sound.\n\nHe said the vote would come next week."
    a, b = attributions(Document(text))
    assert _src(b) == "He" and b["source_type"] == "person"
    assert b["resolved"]["to"]["text"] == "John Smith"
    assert b["resolved"]["from"]["text"] == "He"


def test_pronoun_left_unresolved_when_ambiguous() -> None:
    text = ("John Smith said the plan was sound. Mary Jones said it was not.\n\n"
            "He said the vote would come next week.")
    got = attributions(Document(text))
    assert got[-1]["resolved"] is None


@pytest.mark.parametrize(
    ("text", "source"),
    [
        ("A source said the strikes had been coordinated.", "A source"),
        ("Sources said the convoy was hit twice.", "Sources"),
        ("An unnamed official said the talks would resume.", "An unnamed official"),
        ("A senior official, who asked not to be named, said the talks would resume.",
         "A senior official, who asked not to be named"),
        ("Two officials said on condition of anonymity that the base was hit.", "Two officials"),
        ("Officials said the base was hit.", "Officials"),
        ("A Syrian source said the strikes had been coordinated.", "A Syrian source"),
        ("Western diplomats said the resolution would fail.", "Western diplomats"),
    ],
)
def test_anonymous_sources(text: str, source: str) -> None:
    a = _one(text)
    assert _src(a) == source and a["source_type"] == "anonymous"


def test_the_official_refers_back_and_is_not_anonymous() -> None:
    assert classify_source("the official", "") != "anonymous"
    assert classify_source("Kremlin spokesman Dmitry Peskov", "") == "person"
    assert classify_source("Iraq's Defense Ministry", "") == "organization"
    assert classify_source("the statement", "") == "document"
    assert classify_source("the state news agency", "") == "media"


@pytest.mark.parametrize(
    "text",
    [
        "The said agreement was signed in 2015.",
        "That said, the fighting continued.",
        "The reported attack left the town without power.",
        "He read a book about the war.",
        "Russia's claims were dismissed by observers.",
        "The commander is said to have fled the city.",
        'The so-called "liberation" of the town was a failure.',
        "Having said that, the ministry moved on.",
    ],
)
def test_non_attribution_uses(text: str) -> None:
    assert attributions(Document(text)) == []


def test_scare_quotes_are_not_direct_quotes() -> None:
    a = _one('The minister said the "reforms" had failed.')
    assert not a["direct_quote"]


def test_seed_attributions(seed_article: dict, gold: dict) -> None:
    text = seed_article["text"]
    got = attributions(Document(text))
    for g in gold["attributions"]:
        match = [a for a in got if a["source"] and g["source"] in a["source"]["text"]
                 and a["cue"]["text"] == g["cue"]]
        assert match, f"missing {g['source']} / {g['cue']}"
        a = match[0]
        assert a["source_type"] == g["source_type"], g
        sent_start = text.index(g["sentence_starts"])
        assert abs(a["cue"]["start"] - sent_start) < 300
        if g.get("direct_quote"):
            assert a["direct_quote"]
        if g.get("cites"):
            assert a["cites"]["source"]["text"] == g["cites"]["source"]
            assert a["cites"]["source_type"] == g["cites"]["source_type"]
    # the quotation paragraph after the statement continues it
    cont = [a for a in got if a["resolved"] and a["content"]
            and a["content"]["text"].startswith("We discussed")]
    assert cont and cont[0]["source"]["text"] == "the statement"


def test_results_are_cached_on_the_document() -> None:
    doc = Document("The army said the road was open.")
    assert attributions(doc) is attributions(doc)
    assert "_attributions_raw" in doc.__dict__


@pytest.mark.parametrize(
    ("text", "source"),
    [
        # appositions and brackets belong to the source noun phrase (PolNeAR's convention)
        ("Jenna Golden, the director of political advertising, said the ads would run.",
         "Jenna Golden, the director of political advertising"),
        ("Carter's press secretary, Peter Cook, told the Times that the practice stopped.",
         "Carter's press secretary, Peter Cook"),
        ("Suu Kyi, 70, said it was too early to celebrate.", "Suu Kyi, 70"),
        ("Sen. Mitch McConnell (R-Ky.) said he would not bring the bill up.",
         "Sen. Mitch McConnell (R-Ky.)"),
        ("RNC spokesman Sean Spicer on Thursday evening said the party was united.",
         "RNC spokesman Sean Spicer"),
        ("A medical source in Aleppo said the hospital was hit.", "A medical source in Aleppo"),
        ("Now, 52 percent said the economy was improving.", "52 percent"),
    ],
)
def test_source_noun_phrase_shapes(text: str, source: str) -> None:
    assert _src(_one(text)) == source


def test_nyt_double_apostrophe_quotes_with_inverted_speaker() -> None:
    a = _one("''I'm a big fan of the plan and its authors,'' said Senator Jeff Sessions.")
    assert _src(a) == "Senator Jeff Sessions"


def test_newspaper_names_are_media_and_people_of_institutions_are_persons() -> None:
    assert classify_source("The Huffington Post", "") == "media"
    assert classify_source("Fox News", "") == "media"
    assert classify_source("Ross Eisenbrey of the Economic Policy Institute", "") == "person"
    assert classify_source("a spokesman at the hospital", "") == "person"


@pytest.mark.parametrize(
    "text",
    [
        "Fighting in the Gulf states continued.",  # "states" is a noun
        "Taiwan and Vietnam have claims in the area.",
        "The article was written by a local reporter.",
        "Clinton won the primary, adding to her lead.",
    ],
)
def test_more_non_attribution_uses(text: str) -> None:
    assert attributions(Document(text)) == []


def test_first_person_speech_inside_a_quotation_is_not_a_new_attribution() -> None:
    text = '"It is a slippery slope where I say one thing and do another," Wilcox said.'
    assert [_src(a) for a in attributions(Document(text))] == ["Wilcox"]


_WORDS = ["said", "told", "according", "to", "citing", "he", "She", "The", "ministry", "a",
          "source", "Smith", '"', "\u201c", "\u201d", ",", ".", "\n\n", "quoted", "as", "saying",
          "reported", "Reuters", "the", "statement", "read", ":", "officials", "(", ")", "'s"]


@settings(max_examples=80, deadline=None)
@given(st.lists(st.sampled_from(_WORDS), max_size=40))
def test_any_text_gives_valid_offsets(words: list[str]) -> None:
    text = " ".join(words)
    for a in attributions(Document(text)):
        for key in ("source", "cue", "content"):
            span = a[key]
            if span is not None:
                assert 0 <= span["start"] <= span["end"] <= len(text)
                assert text[span["start"]:span["end"]] == span["text"]
        assert a["source_type"] in ("person", "organization", "document", "media", "anonymous",
                                    "unknown")


def test_issued_a_statement_saying_attributes_to_the_issuer() -> None:
    a = _one("The Defense Ministry issued a statement saying the convoy had been attacked.")
    assert _src(a) == "The Defense Ministry" and a["source_type"] == "organization"
    assert _content(a) == "the convoy had been attacked"


def test_nominal_cues_take_the_possessor_as_source() -> None:
    a = _one("His claim that the count was rigged went nowhere.")
    assert (_src(a), a["cue"]["text"], a["cue_kind"]) == ("His", "claim", "nominal")
    assert _content(a) == "that the count was rigged went nowhere"
    b = _one("The mayor's opposition to the stadium surprised nobody.")
    assert (_src(b), _content(b)) == ("The mayor's", "the stadium surprised nobody")


def test_a_cue_noun_without_possessor_or_complement_is_not_an_attribution() -> None:
    assert attributions(Document("The claim was never tested in court.")) == []
    assert attributions(Document("The report ignored his opposition.")) == []
