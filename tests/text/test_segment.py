"""Sentence and paragraph segmentation of news text (framing/text/segment.py)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.segment import paragraphs, sentences


def _texts(text: str) -> list[str]:
    return [text[s.start:s.end] for s in sentences(text)]


def test_titles_and_abbreviations_do_not_end_sentences() -> None:
    text = "Lt. Gen. Mohammad al-Shaar met Dr. Jones on Jan. 5 in the U.S. Army base. He left."
    assert _texts(text) == [
        "Lt. Gen. Mohammad al-Shaar met Dr. Jones on Jan. 5 in the U.S. Army base.",
        "He left.",
    ]


def test_dotted_acronym_ends_a_sentence_before_a_sentence_starter() -> None:
    assert _texts("Sanctions were imposed by the U.S. The talks then stalled.") == [
        "Sanctions were imposed by the U.S.",
        "The talks then stalled.",
    ]


def test_initials_numbers_and_no() -> None:
    text = "George W. Bush spent $3.5 million on No. 5 Street. It was 2012."
    assert _texts(text) == ["George W. Bush spent $3.5 million on No. 5 Street.", "It was 2012."]


def test_no_as_a_word_ends_a_sentence() -> None:
    assert _texts('He said: "No." The talks ended.') == ['He said: "No."', "The talks ended."]


def test_quotes_keep_closing_marks_and_the_speaker() -> None:
    text = '"We will win. We will never give up," he said. "Why?" she asked. Then silence.'
    assert _texts(text) == [
        '"We will win.',
        'We will never give up," he said.',
        '"Why?" she asked.',
        "Then silence.",
    ]


def test_curly_quotes_and_ellipsis_before_lowercase() -> None:
    text = "\u201cThe meeting discussed ... the field,\u201d the statement read. Talks went on."
    assert _texts(text) == [
        "\u201cThe meeting discussed ... the field,\u201d the statement read.",
        "Talks went on.",
    ]


def test_text_without_commas_or_apostrophes_still_splits_at_periods() -> None:
    text = ("Assads forces shelled the town killing 12 the Observatory said on Monday. "
            "Rebels said they repelled the attack")
    got = _texts(text)
    assert len(got) == 2 and got[1] == "Rebels said they repelled the attack"


def test_text_without_any_punctuation_is_one_sentence() -> None:
    text = "fighting continued in the north of the country for a third day"
    (s,) = sentences(text)
    assert (s.start, s.end, s.kind) == (0, len(text), "body")


def test_paragraphs_blank_lines_and_offsets() -> None:
    text = "  First para line one\nline two.\n\n\nSecond para.\n"
    ps = paragraphs(text)
    assert [text[p.start:p.end] for p in ps] == ["First para line one\nline two.", "Second para."]
    assert [s.paragraph for s in sentences(text)] == [0, 1]


def test_single_newlines_are_paragraphs_when_no_blank_line() -> None:
    assert len(paragraphs("One.\nTwo.\nThree.")) == 3


def test_headline_heading_and_captions_are_kept_apart() -> None:
    text = (
        "SYRIAN DELEGATION IN BAGHDAD\n\n"
        "The delegation arrived on Monday. Talks began.\n\n"
        "Border security\n\n"
        "Fighters stand on a road near the border on May 29, 2017.\n\n"
        "Officials met again. (Photo: AFP)\n\n"
        "The talks ended."
    )
    kinds = [(text[s.start:s.end], s.kind) for s in sentences(text)]
    assert kinds[0] == ("SYRIAN DELEGATION IN BAGHDAD", "headline")
    assert kinds[1][1] == kinds[2][1] == "body"
    assert ("Border security", "heading") in kinds
    assert ("Fighters stand on a road near the border on May 29, 2017.", "caption") in kinds
    assert ("(Photo: AFP)", "caption") in kinds
    assert kinds[-1] == ("The talks ended.", "body")


def test_a_dated_body_sentence_in_the_past_tense_is_not_a_caption() -> None:
    text = "Iraqi forces reached the border on May 29, 2017."
    assert sentences(text)[0].kind == "body"


@settings(max_examples=60, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab AB.?!\"\n,'U")), max_size=80))
def test_sentences_are_ordered_stripped_and_inside_their_paragraph(text: str) -> None:
    ps = paragraphs(text)
    prev = -1
    for s in sentences(text):
        assert prev <= s.start < s.end
        chunk = text[s.start:s.end]
        assert chunk == chunk.strip()
        p = ps[s.paragraph]
        assert p.start <= s.start and s.end <= p.end
        prev = s.end


def test_limited_segmentation_gives_the_first_sentences_of_the_full_list():
    from framing.text.segment import sentences

    texts = [
        "Army retakes town\n\nTroops entered on Monday. A source said so. Residents returned.",
        "One paragraph. With three sentences. And no headline.",
        "Photo: AFP\n\nShells hit the market. Ten died.\n\nMore fled. The end.",
        "",
    ]
    for text in texts:
        full = sentences(text)
        for k in (1, 2, 3, 10):
            assert sentences(text, limit=k) == full[:k]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("Rep. Ann Hale (R-Ariz.) Thursday said no. The vote failed.",
         ["Rep. Ann Hale (R-Ariz.) Thursday said no.", "The vote failed."]),
        ("She grew up in Tampa, Fla. He grew up in Ohio.",
         ["She grew up in Tampa, Fla.", "He grew up in Ohio."]),
        ("The Senate's No. 2 Democrat spoke first. Others followed.",
         ["The Senate's No. 2 Democrat spoke first.", "Others followed."]),
    ],
)
def test_state_and_party_abbreviations(text: str, want: list[str]) -> None:
    assert [text[s.start:s.end] for s in sentences(text)] == want


def test_credit_lines_have_their_own_kind() -> None:
    text = "The bridge reopened.\n\nThe Associated Press contributed to this report."
    assert [s.kind for s in sentences(text)] == ["body", "credit"]
