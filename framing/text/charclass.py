"""Per-character classes for whole texts at numpy speed, for any Unicode text.

Counting words or deleting punctuation the way a regular expression does (``\\w``,
``\\s``) costs a Python-level pass or a regex pass over every character; looking the
characters' code points up in a table is one numpy operation. The table covers every
code point and is filled lazily: a character's class is computed (by the ``classify``
function, from ``str`` methods, which define ``\\w`` and ``\\s``) the first time a text
holds it. Hand-written because no library offers such a table; used by
``Document.n_words`` and the readability family.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np

_UNKNOWN = 255


def codepoints(text: str) -> np.ndarray:
    """The text's code points (uint8 for ASCII text, else uint32); lone surrogates kept."""
    if text.isascii():
        return np.frombuffer(text.encode("ascii"), dtype=np.uint8)
    return np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)


def from_codepoints(u: np.ndarray) -> str:
    """The inverse of :func:`codepoints` (for a selection of a text's code points)."""
    if u.dtype == np.uint8:
        return u.tobytes().decode("ascii")
    return u.tobytes().decode("utf-32-le", "surrogatepass")


class CharClasses:
    """code point -> a small class number (0-254), from ``classify(char)``."""

    def __init__(self, classify: Callable[[str], int]) -> None:
        self.classify = classify
        self.table = np.full(0x110000, _UNKNOWN, dtype=np.uint8)
        self.table[:128] = [classify(chr(c)) for c in range(128)]

    def of(self, u: np.ndarray) -> np.ndarray:
        """The class of each code point in ``u`` (a fresh array)."""
        cls = self.table[u]
        if u.dtype != np.uint8:
            unknown = cls == _UNKNOWN
            if unknown.any():  # characters not met before in this process
                for c in np.unique(u[unknown]).tolist():
                    self.table[c] = self.classify(chr(c))
                cls = self.table[u]
        return cls
