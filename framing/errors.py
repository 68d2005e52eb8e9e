"""The project's own error type: every expected failure is one of these, with a one-line message."""

from __future__ import annotations

import re

#: control characters (terminal escape sequences start with ESC), C1 controls, and the
#: invisible format characters that reorder or hide text on a terminal (bidi overrides)
_UNPRINTABLE = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u200b-\u200f\u202a-\u202e\u2066-\u2069]")
_BREAKS = re.compile("[\t\n\r\u2028\u2029]+")


def printable(text: object, limit: int | None = None) -> str:
    """``text`` made safe to print on one terminal line.

    Titles, file names and messages come from files nobody vetted: an escape sequence in a
    title would otherwise recolour or rewrite the user's terminal, and a newline would split
    a one-line error. Line breaks become spaces; other controls are shown escaped (``\\x1b``).
    ``limit`` cuts the result to that many characters (with an ellipsis).
    """
    s = _BREAKS.sub(" ", str(text))
    s = _UNPRINTABLE.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), s)
    if limit is not None and len(s) > limit:
        s = s[: max(limit - 1, 0)] + "…"
    return s


class FramingError(Exception):
    """A problem with the user's input or configuration, reported as one line (no traceback)."""


class InputError(FramingError):
    """A file or table could not be read as articles. The message names the file."""

    def __init__(self, path: object, problem: str) -> None:
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


class LexiconError(FramingError):
    """A malformed lexicon entry, reported as ``file:line: problem``."""

    def __init__(self, path: object, line: int | None, problem: str) -> None:
        self.path = str(path)
        self.line = line
        self.problem = problem
        where = f"{self.path}:{line}" if line is not None else self.path
        super().__init__(f"{where}: {problem}")
