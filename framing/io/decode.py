"""Bytes to text for messy corpora: never fail on bad bytes, repair what can be repaired, warn.

Real collections mix UTF-8 with Windows-1252 and carry mojibake; FA-KES is valid in
neither encoding. Decoding byte-by-byte with a fallback keeps every article loadable,
and ftfy repairs the classic mojibake ("Ã©", "â€™") that the fallback can leave.

ftfy runs only on a field a cheap check flags (:func:`needs_repair`): over whole, already
valid files it was about 70% of load time, and it leaves valid text as it is anyway. A file
with a UTF-16 or UTF-32 byte-order mark is decoded as such.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from framing.errors import InputError

_C1 = re.compile(r"[\x80-\x9f]")
_LEAD_OR_C1 = re.compile("[\x80-\x9f\u00c2-\u00f4]")
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


#: byte-order marks and their codecs, UTF-32 first (its little-endian mark starts like UTF-16's)
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF32_BE, "utf-32", "UTF-32"),
    (codecs.BOM_UTF16_LE, "utf-16", "UTF-16"),
    (codecs.BOM_UTF16_BE, "utf-16", "UTF-16"),
)


def bom_encoding(data: bytes) -> tuple[str, str] | None:
    """(codec, name) for a UTF-16/32 byte-order mark at the start of ``data``."""
    for bom, codec, name in _BOMS:
        if data.startswith(bom):
            return codec, name
    return None


def looks_binary(data: bytes) -> bool:
    """NUL bytes or a high share of control bytes in the first 8 KiB mean it is not text
    (a UTF-16/32 file with a byte-order mark is text: its NUL bytes are half its characters)."""
    head = data[:8192]
    if not head or bom_encoding(head):
        return False
    if b"\x00" in head:
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


def decode_bytes(data: bytes, source: object = "<bytes>", repair: bool = True) -> tuple[str, list[str]]:
    """Decode ``data`` to text; return (text, warnings). Raises InputError for binary data.

    ``repair=False`` leaves the mojibake repair to the caller, field by field (tables).
    """
    warnings: list[str] = []
    if looks_binary(data):
        raise InputError(source, "binary file, not text")
    if bom := bom_encoding(data):
        codec, name = bom
        try:
            text = data.decode(codec)
        except UnicodeDecodeError as exc:
            raise InputError(source, f"invalid {name} (byte-order mark, then bad bytes at {exc.start})") from None
        warnings.append(f"{source}: decoded as {name} (byte-order mark)")
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
    if not repair:
        return normalize_newlines(text), warnings
    fixed, what = repair_field(text)
    if what and not any("Windows-1252" in w for w in warnings):
        warnings.append(f"{source}: {what}")
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


def normalize_newlines(text: str) -> str:
    """CRLF and CR to LF: line endings, not mojibake, so never reported as a repair."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def needs_repair(text: str) -> bool:
    """The cheap check, in two steps: UTF-8 read as a single-byte encoding always leaves a
    lead byte decoded as one of U+00C2-U+00F4 (``Ã``, ``â``) or a C1 control, and one scan
    for those (a C-level character-class search) passes most news texts, which have none;
    only what is left goes to ftfy's own detector, whose regex costs about 5 ms on a 5 kB
    text and so is not run on every field."""
    if text.isascii() or not _LEAD_OR_C1.search(text):
        return False
    if _C1.search(text):
        return True
    import ftfy.badness  # imported on first need: most texts never reach it (70 ms at start-up)

    return ftfy.badness.is_bad(text)


def repair_field(text: str) -> tuple[str, str | None]:
    """One field repaired: (text, what was repaired or None). Valid text comes back as it
    was (newlines normalised to \\n); ftfy runs only where :func:`needs_repair` says so."""
    # line ends and stray byte-order marks (U+FEFF inside a text, invisible): dropped quietly
    text = normalize_newlines(text).replace("\ufeff", "")
    if not unicodedata.is_normalized("NFC", text):  # decomposed mojibake ("A" + U+0303 for "Ã")
        text = unicodedata.normalize("NFC", text)
    what = None
    if needs_repair(text):
        import ftfy

        fixed = ftfy.fix_text(text, normalization="NFC", uncurl_quotes=False, fix_line_breaks=False)
        if fixed != text:
            what = "repaired mojibake"
        text = fixed
    cleaned = _CONTROL.sub("", _C1.sub("", text)).replace("\ufffd", "")
    if cleaned != text and what is None:
        what = "removed control characters"
    return unicodedata.normalize("NFC", cleaned), what


def repair_text(text: str) -> str:
    """ftfy's mojibake repair where needed, then drop leftover C0/C1 controls; newlines
    normalised to \\n (see :func:`repair_field`, which also says what it repaired)."""
    return repair_field(text)[0]
