"""The project's own error type: every expected failure is one of these, with a one-line message."""

from __future__ import annotations


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
