"""Quotation spans: marks, apostrophes, multi-paragraph quotes, scare quotes, voice."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import Document
from framing.text.quotes import quote_spans


def inner(text):
    return [(text[q.inner_start : q.inner_end], q.closed) for q in quote_spans(text)]


def test_straight_curly_guillemet_and_low_quotes():
    text = 'A "one two" B \u201cthree four\u201d C \u00abfive six\u00bb D \u201eseven eight\u201c'
    assert inner(text) == [
        ("one two", True),
        ("three four", True),
        ("five six", True),
        ("seven eight", True),
    ]


def test_apostrophes_do_not_close_single_quotes():
    text = "He said \u2018we don\u2019t retreat\u2019 and left. It\u2019s over."
    assert inner(text) == [("we don\u2019t retreat", True)]


def test_quote_over_paragraphs_reopened_each_paragraph():
    text = '"First part of it.\n\n"Second part," he said.\n\nNarrator again.'
    ((body, closed),) = inner(text)
    assert closed and body.startswith("First part") and body.endswith("Second part,")


def test_unclosed_quote_stops_at_paragraph_end():
    text = '"Never closed here\n\nNext paragraph "quoted words in it" end.'
    assert inner(text) == [("Never closed here", False), ("quoted words in it", True)]


def test_short_quotes_are_scare_quotes_not_voice():
    text = 'The "rebels" said: "we hold the whole town and the roads around it."'
    doc = Document(text)
    short, speech = doc.quotes
    assert short.is_short and not speech.is_short
    assert doc.voice_at(text.index("rebels")) == "narrator"
    assert doc.voice_at(text.index("whole"), text.index("whole") + 5) == "quoted"
    assert doc.in_any_quote(text.index("rebels"))


def test_word_count_with_and_without_spans():
    doc = Document("The U.S.-backed forces' gains, 10 km away.")
    n = doc.n_words
    assert n == len(Document("The U.S.-backed forces' gains, 10 km away.").word_spans)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab9 '-_.,\n\u2019", max_size=40))
def test_fast_ascii_word_count_equals_the_word_regex(text):
    from framing.text.document import _WORD

    assert Document(text).n_words == len(_WORD.findall(text))


def test_unclosed_quote_ends_with_its_first_sentence():
    # a lost closing mark must not turn the rest of a paragraph-less article into a quote
    text = 'The army said "at least 25 fighters were killed. The town is calm now, officials said.'
    ((body, closed),) = inner(text)
    assert body == "at least 25 fighters were killed." and not closed
    doc = Document(text)
    assert doc.voice_at(text.index("calm")) == "narrator"
    assert doc.voice_at(text.index("fighters")) == "quoted"


def test_abbreviation_is_not_a_sentence_end():
    text = 'He said "the U.S. forces left. Then it rained, he added.'
    ((body, _),) = inner(text)
    assert body == "the U.S. forces left."


# --- quoted voice beyond speech-length double quotes (issue 15) ----------------------


def quoted(text):
    return [text[a:b] for a, b in Document(text).quoted_regions]


def test_single_quoted_headline_quotation_is_quoted_voice():
    text = "TRUMP SLAMS 'DISGRACEFUL' DEAL\n\nThe president spoke."
    assert quoted(text) == ["DISGRACEFUL"]
    assert Document(text).voice_at(text.index("DISGRACEFUL")) == "quoted"
    assert quoted("Trump: 'We will build the wall and Mexico will pay'") == [
        "We will build the wall and Mexico will pay"
    ]
    assert quoted("She called the plan 'a total disaster' on Monday.") == ["a total disaster"]


def test_single_quotes_are_not_apostrophes_or_elisions():
    assert quote_spans("In the '90s rock 'n' roll was the players' thing, wasn't it?") == []
    # unclosed in its paragraph: an apostrophe, not a quotation
    assert quote_spans("the 'hard line\n\nnext") == []
    # a scare-quoted word is still a (short) quotation, and still the writer's voice
    text = "The 'rebels' fled the town."
    assert [q.mark for q in quote_spans(text)] == ["'"] and quoted(text) == []


def test_embedded_tweet_and_block_quote_are_quoted_voice():
    tweet = (
        "The president wrote on Twitter.\n\n"
        "Crooked media, total disgrace! pic.twitter.com/AbC123\n\n"
        "\u2014 Donald J. Trump (@realDonaldTrump) March 3, 2018\n\n"
        "Reporters disagreed."
    )
    regions = quoted(tweet)
    assert len(regions) == 1 and regions[0].startswith("Crooked media") and regions[0].endswith("2018")
    doc = Document(tweet)
    assert doc.voice_at(tweet.index("disgrace")) == "quoted"
    assert doc.voice_at(tweet.index("Reporters")) == "narrator"
    same_para = "Huge win tonight \u2014 Jane Doe (@janedoe) 4 May 2020\n\nThen the count."
    assert quoted(same_para) == ["Huge win tonight \u2014 Jane Doe (@janedoe) 4 May 2020"]
    block = "He wrote:\n\n> They are thugs, all of them.\n> Every one.\n\nThe narrator."
    assert quoted(block) == ["> They are thugs, all of them.\n> Every one."]
