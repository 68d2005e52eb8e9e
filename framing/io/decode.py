"""Bytes to text for messy corpora: never fail on bad bytes, repair what can be repaired, warn.

Real collections mix UTF-8 with Windows-1252 and carry mojibake; FA-KES is valid in
neither encoding. Decoding byte-by-byte with a fallback keeps every article loadable,
and ftfy repairs the classic mojibake ("Ã©", "â€™") that the fallback can leave.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

import ftfy

from framing.errors import InputError

_C1 = re.compile(r"[\x80-\x9f]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes in the first 8 KiB mean it is not text."""
    head = data[:8192]
    if not head:
        return False
    if b"\x00" in head and not (head.startswith(codecs.BOM_UTF16_LE) or head.startswith(codecs.BOM_UTF16_BE)):
        return True
    ctrl = sum(1 for b in head if b < 9 or 13 < b < 32)
    return ctrl / len(head) > 0.05


def _byte_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Decode one undecodable byte as Windows-1252, or Latin-1 where 1252 has a hole."""
    b = err.object[err.start : err.start + 1]
    try:
        ch = b.decode("cp1252")
    except UnicodeDecodeError:
        ch = b.decode("latin-1")
    return ch, err.start + 1


codecs.register_error("framing_cp1252_fallback", _byte_fallback)


def decode_bytes(data: bytes, source: object = "<bytes>") -> tuple[str, list[str]]:
    """Decode ``data`` to clean text; return (text, warnings). Raises InputError for binary data."""
    warnings: list[str] = []
    if looks_binary(data):
        raise InputError(source, "binary file, not text")
    if data.startswith(codecs.BOM_UTF16_LE) or data.startswith(codecs.BOM_UTF16_BE):
        try:
            text = data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(source, "invalid UTF-16") from None
    else:
        if data.startswith(codecs.BOM_UTF8):
            data = data[3:]
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as exc:
            n_bad = _count_bad_utf8(data)
            text = data.decode("utf-8", errors="framing_cp1252_fallback")
            warnings.append(
                f"{source}: not valid UTF-8 ({n_bad} bad byte(s), first at byte {exc.start}); "
                "decoded them as Windows-1252 and repaired"
            )
    fixed = repair_text(text)
    if fixed != text and not warnings:
        warnings.append(f"{source}: repaired mojibake or control characters")
    return fixed, warnings


def _count_bad_utf8(data: bytes) -> int:
    count = 0

    def handler(err: UnicodeDecodeError) -> tuple[str, int]:
        nonlocal count
        count += err.end - err.start
        return "", err.end

    codecs.register_error("framing_count", handler)
    data.decode("utf-8", errors="framing_count")
    return count


def repair_text(text: str) -> str:
    """ftfy's mojibake repair, then drop leftover C0/C1 controls; newlines normalised to \\n."""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
    text = _C1.sub("", text)
    text = _CONTROL.sub("", text)
    text = text.replace("\ufffd", "")
    return unicodedata.normalize("NFC", text)
