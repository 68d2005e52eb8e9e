"""``Document``: the lead (headline and first sentence) that the families report apart."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text import Document


def test_lead_is_the_first_two_sentences():
    text = "Army retakes town. Troops entered on Monday, a source said. Residents returned."
    doc = Document(text)
    assert text[: doc.lead_end].endswith("a source said.")


def test_lead_of_a_short_or_empty_text():
    assert Document("").lead_end == 0
    one = Document("Only one sentence here.")
    assert one.lead_end == len(one.text)


def test_lead_skips_captions():
    text = "Rebels shell the city\n\nPhoto: AFP\n\nShells hit the market on Friday. Ten died. More fled."
    doc = Document(text)
    assert [s.kind for s in doc.sentences][:2] == ["headline", "caption"]
    # headline + first body sentence; the caption does not take a lead slot
    assert text[: doc.lead_end].endswith("on Friday.")


def test_lead_found_from_the_opening_equals_the_lead_from_all_sentences():
    texts = [
        "Army retakes town\n\nTroops entered on Monday. A source said so. Residents returned.",
        "Photo: AFP\n\nShells hit the market. Ten died.\n\nMore fled. The end.",
        "One sentence only",
        "A. B. C. D.",
    ]
    for text in texts:
        quick = Document(text).lead_end  # segments only the opening
        full = Document(text)
        _ = full.sentences  # now the lead comes from the whole list
        assert quick == full.lead_end, text


class _CountingFinder:
    def __init__(self) -> None:
        self.calls = 0

    def find(self, text: str) -> list[tuple[int, int]]:
        self.calls += 1
        return [(i, i + 3) for i in range(len(text)) if text.startswith("war", i)]


def test_matches_are_found_once_per_matcher():
    doc = Document("The war went on; the war ended.")
    a, b = _CountingFinder(), _CountingFinder()
    first = doc.matches(a)
    assert first == [(4, 7), (21, 24)]
    assert doc.matches(a) is first and a.calls == 1  # the second family reuses the scan
    assert doc.matches(b) == first and b.calls == 1  # another matcher scans for itself
    assert Document(doc.text).matches(a) == first and a.calls == 2  # per Document


_ANY = "ab9 '-_.,\n\u2019\u00e9\u00df\u0130\u0663\u0301\u00a0\u201c\u2014\U0001f622\u4e2d\u20ac\u2026\u0394\ud800"


@settings(max_examples=400, deadline=None)
@given(st.text(alphabet=_ANY, max_size=40))
def test_word_count_equals_the_word_regex_on_any_text(text):
    """The character-map word count equals the regex's, on non-ASCII text too (curly
    quotes, accents, combining marks, Arabic digits, CJK, emoji, a lone surrogate; in
    Windows-1252 and outside it)."""
    from framing.text.document import _WORD

    assert Document(text).n_words == len(_WORD.findall(text))
