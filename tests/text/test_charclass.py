"""CharMap: each character replaced by its stand-in bytes, ASCII or not."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.text.charclass import CharMap


def _vowels(ch: str) -> bytes:
    """"v" for a vowel (any script's, by its lower-cased first letter), deleted if a digit,
    else the character itself in UTF-8."""
    if ch.isdigit():
        return b""
    return b"v" if ch.lower()[:1] in "aeiouáéíóúαεο" else ch.encode("utf-8", "surrogatepass")


_TEXT = "ab9 x.\n\u00e9\u00c9\u0394\u03b1\u2019\u4e2d\U0001f622\u0663\ud800"


def test_ascii_and_other_characters_get_their_stand_ins() -> None:
    m = CharMap("test-vowels", _vowels)
    assert m.apply("") == b""
    assert m.apply("Hat 42, Eel.") == b"Hvt , vvl."
    assert m.apply("caf\u00e9 \u00c9t\u00e9 \u4e2d1") == b"cvfv vtv " + "\u4e2d".encode()


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=_TEXT, max_size=30))
def test_a_whole_text_is_its_characters_one_by_one(text: str) -> None:
    m = CharMap("test-vowels-any", _vowels)
    assert m.apply(text) == b"".join(map(_vowels, text))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=_TEXT, max_size=30))
def test_a_one_byte_codec_gives_the_same_stand_ins(text: str) -> None:
    """With cp1252 its letters go through the table; stand-ins must then be ASCII."""
    def cls(ch: str) -> bytes:
        return b"a" if ch.isalnum() else b"" if ch.isspace() else b"."

    assert CharMap("test-cp1252", cls, codec="cp1252").apply(text) == b"".join(map(cls, text))


def test_stand_ins_that_do_not_stand_for_themselves_are_refused() -> None:
    with pytest.raises(ValueError, match="more than one byte"):
        CharMap("test-long", lambda ch: ch.encode() * 2)
    # "é" -> "a" -> the table's stand-in for "a" ("b") would be changed by the table
    m = CharMap("test-shift", lambda ch: b"b" if ch == "a" else b"a" if ch == "\u00e9" else ch.encode())
    assert m.apply("xa") == b"xb"
    with pytest.raises(ValueError, match="does not stand for itself"):
        m.apply("\u00e9")


def test_maps_of_one_name_keep_their_own_stand_ins() -> None:
    a, b = CharMap("test-same", lambda ch: b"a"), CharMap("test-same", lambda ch: b"b")
    assert (a.apply("x\u00e9"), b.apply("x\u00e9")) == (b"aa", b"bb")


def test_the_table_of_runs_stays_bounded(monkeypatch: pytest.MonkeyPatch) -> None:
    import framing.text.charclass as cc

    monkeypatch.setattr(cc, "_RUNS_MAX", 3)
    m = CharMap("test-bounded", _vowels)
    for k in range(10):
        assert m.apply(f"x{chr(0x4e00 + k)}y") == b"x" + chr(0x4e00 + k).encode() + b"y"
    assert len(m._runs) <= 3
