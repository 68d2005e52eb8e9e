"""Decoding: byte-order marks, repair only where mojibake is found, line endings are not mojibake."""

from __future__ import annotations

import codecs

import pytest

from framing.io.decode import decode_bytes, repair_field

TEXT = "Cafés in Aleppo — “reopened”, officials said. © 2018 Reuters ®\nSecond line: naïve ☃ 😀"


@pytest.mark.parametrize("bom, codec, name", [
    (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"), (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    (codecs.BOM_UTF32_LE, "utf-32-le", "UTF-32"), (codecs.BOM_UTF32_BE, "utf-32-be", "UTF-32"),
])
def test_utf16_and_utf32_with_a_bom_decode_and_say_so(bom, codec, name):
    text, warnings = decode_bytes(bom + TEXT.encode(codec), "a.txt")
    assert text == TEXT
    assert warnings == [f"a.txt: decoded as {name} (byte-order mark)"]


def test_nul_bytes_without_a_bom_are_still_binary():
    with pytest.raises(Exception, match="binary"):
        decode_bytes(b"PK\x03\x04\x00\x00" * 100, "a.zip")


def test_valid_utf8_comes_back_unchanged_without_running_ftfy(monkeypatch):
    def boom(*a, **k):
        raise AssertionError("ftfy ran on valid text")

    monkeypatch.setattr("ftfy.fix_text", boom)
    text, warnings = decode_bytes(TEXT.encode("utf-8"), "a.txt")
    assert text == TEXT and warnings == []
    assert repair_field(TEXT) == (TEXT, None)


def test_mojibake_is_still_repaired():
    good = "Cafés in Aleppo — it’s ‘open’, officials said. Naïve."
    broken = good.encode("utf-8").decode("cp1252")  # 'CafÃ©s ... itâ€™s'
    text, warnings = decode_bytes(broken.encode("utf-8"), "a.txt")
    assert text == good
    assert warnings == ["a.txt: repaired mojibake"]


def test_crlf_is_not_mojibake():
    text, warnings = decode_bytes(TEXT.replace("\n", "\r\n").encode("utf-8"), "a.csv")
    assert text == TEXT and warnings == []
    assert repair_field("a\r\nb\rc") == ("a\nb\nc", None)


def test_decomposed_mojibake_is_found_too():
    """PolNeAR has 'Ã' as 'A' + U+0303: the check must see it after NFC, as ftfy does."""
    assert repair_field("a r\u0041\u0303\u00a9sum\u0041\u0303\u00a9 here") == ("a résumé here", "repaired mojibake")
