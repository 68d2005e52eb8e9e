"""The gate every article passes before the families see it (``framing analyze`` and
``framing extract`` alike): a text too long to segment in reasonable time, undecodable
bytes or an empty text is reported, not analysed; lone surrogates are replaced one for one.

Its own module, free of pandas and numpy, so that analysing one article does not import
the corpus machinery of ``framing.extract``.
"""

from __future__ import annotations

import math
import re
from typing import Any

#: Articles longer than this (in characters, ~5 MB of text) are skipped with an error:
#: no news article is that long, such "articles" are mis-parsed dumps, and the families'
#: cost grows with length, so one would stall its whole chunk.
MAX_CHARS = 5_000_000
_SURROGATES = re.compile("[\ud800-\udfff]")


def clean_text(value: Any) -> tuple[str | None, str | None]:
    """(text to analyse or None to skip, problem to record or None)."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None, "empty text"
    if isinstance(value, bytes | bytearray):
        try:
            value = bytes(value).decode("utf-8")
        except UnicodeDecodeError as exc:
            return None, f"undecodable bytes ({exc.reason} at byte {exc.start}); skipped"
    text = value if isinstance(value, str) else str(value)
    if len(text) > MAX_CHARS:
        return None, f"text too long ({len(text):,} characters > {MAX_CHARS:,}); skipped"
    if not text.strip():
        return None, "empty text"
    problem = None
    bad = len(_SURROGATES.findall(text))
    if bad:
        # lone surrogates come from undecodable bytes; replacing them one for one keeps offsets
        text = _SURROGATES.sub("\ufffd", text)
        problem = f"{bad} undecodable characters replaced by U+FFFD"
    return text, problem
