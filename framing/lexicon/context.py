"""Checks on a lexicon hit's surroundings: sense rules and all-capital runs.

The automaton finds forms; whether a hit counts can depend on the words beside it. An
entry's ``not_before`` / ``not_after`` patterns stop literal uses ("criminal charges",
"massive 40% rise"), ``only_near`` keeps a euphemism to its loaded sense ("eliminated three
militants", not "eliminate the visa lottery"), and a case-sensitive acronym ("IS", "US") is
not a name inside a run of capitalised words ("THE TAX PLEDGE IS FOREVER"). Only hits of
entries that need a check pay for it.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from framing.lexicon.basics import CONTEXT_ANY, CONTEXT_NUMBER

if TYPE_CHECKING:  # a type hint only: a cache hit imports no pydantic
    from framing.lexicon.schema import Entry

#: how far to look (characters) and how many words count as "near"
_WINDOW = 80
NEAR_WORDS = 4
#: a word or a number ("$1.5", "40%", "3,000"); clause punctuation between words ends the context
_TOKEN = re.compile(r"[$\u00a3\u20ac]?\d[\d,.]*%?|[^\W_]+(?:['\u2019][^\W_]+)*")
_BREAK = re.compile(r"[.,;:!?()\[\]\"\u201c\u201d\n]")
_NUMBER_WORDS = frozenset(
    "one two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty "
    "fifty hundred hundreds thousand thousands million millions billion billions trillion "
    "trillions dozen dozens half quarter".split()
)
_NUMERIC = re.compile(r"[$\u00a3\u20ac]?\d[\d,.]*%?")


def _words_after(text: str, end: int) -> list[str]:
    window = text[end : end + _WINDOW]
    b = _BREAK.search(window)
    if b is not None:
        window = window[: b.start()]
    return [w.lower() for w in _TOKEN.findall(window)]


def _words_before(text: str, start: int) -> list[str]:
    window = text[max(0, start - _WINDOW) : start]
    cut = max((m.end() for m in _BREAK.finditer(window)), default=0)
    return [w.lower() for w in _TOKEN.findall(window[cut:])]


def _word_fits(pattern: str, word: str) -> bool:
    if pattern == CONTEXT_ANY:
        return True
    if pattern == CONTEXT_NUMBER:
        return bool(_NUMERIC.fullmatch(word)) or word in _NUMBER_WORDS
    return pattern == word.replace("\u2019", "'")


def _sequence_fits(parts: tuple[str, ...], words: list[str]) -> bool:
    return len(words) >= len(parts) and all(_word_fits(p, w) for p, w in zip(parts, words, strict=False))


class _Rules:
    """An entry's patterns, compiled once: plain one-word patterns as a set (one lookup), the
    rest as word tuples (``not_after`` ones reversed, to compare with the words read back)."""

    __slots__ = ("before_words", "before_seqs", "after_words", "after_seqs", "near")

    def __init__(self, entry: Entry) -> None:
        self.before_words, self.before_seqs = self._split(entry.not_before, reverse=False)
        self.after_words, self.after_seqs = self._split(entry.not_after, reverse=True)
        self.near = frozenset(entry.only_near)

    @staticmethod
    def _split(patterns: list[str], reverse: bool) -> tuple[frozenset[str], list[tuple[str, ...]]]:
        words = {p for p in patterns if " " not in p and p not in (CONTEXT_ANY, CONTEXT_NUMBER)}
        seqs = [tuple(p.split()[::-1] if reverse else p.split()) for p in patterns if p not in words]
        return frozenset(words), seqs


_RULES: dict[int, tuple[Entry, _Rules]] = {}


def _rules(entry: Entry) -> _Rules:
    got = _RULES.get(id(entry))
    if got is None or got[0] is not entry:  # (the entry is kept so its id cannot be reused)
        got = _RULES[id(entry)] = (entry, _Rules(entry))
    return got[1]


def _blocked(words: list[str], singles: frozenset[str], seqs: list[tuple[str, ...]]) -> bool:
    """Whether ``words`` (read away from the hit) start with one of the patterns."""
    if not words:
        return False
    return words[0].replace("\u2019", "'") in singles or any(_sequence_fits(p, words) for p in seqs)


def context_allows(entry: Entry, text: str, start: int, end: int) -> bool:
    """Whether the hit ``text[start:end]`` of ``entry`` counts, by the entry's sense rules."""
    r = _rules(entry)
    if (r.before_words or r.before_seqs) and _blocked(_words_after(text, end), r.before_words, r.before_seqs):
        return False
    if (r.after_words or r.after_seqs) and _blocked(_words_before(text, start)[::-1], r.after_words, r.after_seqs):
        return False
    if r.near:
        near = _words_after(text, end)[:NEAR_WORDS] + _words_before(text, start)[-NEAR_WORDS:]
        if not any(w in r.near for w in near):
            return False
    return True


def _caps_word(word: str) -> bool:
    return len(word) >= 2 and word.isalpha() and word.isupper()


def in_capitals(text: str, start: int, end: int) -> bool:
    """An all-capital hit with an all-capital word beside it (spaces between, same line):
    a headline or slogan set in capitals, where "IS" and "US" are words, not acronyms.
    (String slicing rather than a regex: this runs on every hit of an acronym.)"""
    if not text[start:end].isupper():
        return False
    before = text[max(0, start - 30) : start]
    if before[-1:] in (" ", "\t"):
        words = before.rstrip(" \t").rsplit(None, 1)
        line_break = "\n" in before[len(before.rstrip(" \t")) :]
        if words and not line_break and _caps_word(words[-1]):
            return True
    after = text[end : end + 30]
    if after[:2] in ("'s", "\u2019s"):
        after = after[2:]
    if after[:1] in (" ", "\t"):
        words = after.lstrip(" \t").split(None, 1)
        if words and _caps_word(words[0].rstrip(".,;:!?'\"\u2019\u201d)")):
            return True
    return False


__all__ = ["NEAR_WORDS", "context_allows", "in_capitals"]
