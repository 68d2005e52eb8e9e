"""``PhraseFinder``: the one whole-word matcher behind cues, hedges and outlet names."""

from __future__ import annotations

from framing.text.phrases import PhraseFinder


def hits(finder: PhraseFinder, text: str) -> list[str]:
    return [text[a:b] for a, b in finder.finditer(text)]


def test_whole_words_longest_first() -> None:
    f = PhraseFinder(["said", "is said to", "likely"], ignore_case=True)
    assert hits(f, "He is said to be unlikely; SAID so, said-ish") == ["is said to", "SAID"]


def test_case_sensitive_phrases_match_as_written() -> None:
    f = PhraseFinder(["According to", "according to"], ignore_case=False)
    assert hits(f, "According to him, and according to her, ACCORDING TO them") == [
        "According to", "according to"]


def test_exact_names_only_in_capitals_others_in_any_case() -> None:
    f = PhraseFinder(["SANA", "Al-Manar"], exact={"SANA"}, fold_separators=True)
    text = "Fighting near Sana'a; SANA and al manar, AlManar and Al-Manar's report"
    assert hits(f, text) == ["SANA", "al manar", "AlManar", "Al-Manar"]


def test_a_longer_miscased_phrase_does_not_hide_a_shorter_one() -> None:
    f = PhraseFinder(["AP", "Al Arabiya"], exact={"AP"}, fold_separators=True)
    assert hits(f, "ap said, AP said") == ["AP"]


def test_offsets_survive_unicode_case_changes() -> None:
    f = PhraseFinder(["Reuters"], fold_separators=True)
    text = "\u0130stanbul, Reuters reported"
    assert hits(f, text) == ["Reuters"]


def test_empty_finder_and_text() -> None:
    assert hits(PhraseFinder([]), "anything") == []
    assert hits(PhraseFinder(["x"]), "") == []
