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

from framing.lexicon.schema import CONTEXT_ANY, CONTEXT_NUMBER, Entry

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


def _sequence_fits(pattern: str, words: list[str]) -> bool:
    parts = pattern.split()
    return len(words) >= len(parts) and all(_word_fits(p, w) for p, w in zip(parts, words, strict=False))


def context_allows(entry: Entry, text: str, start: int, end: int) -> bool:
    """Whether the hit ``text[start:end]`` of ``entry`` counts, by the entry's sense rules."""
    if entry.not_before:
        after = _words_after(text, end)
        if any(_sequence_fits(p, after) for p in entry.not_before):
            return False
    if entry.not_after:
        before = _words_before(text, start)[::-1]
        # patterns read left to right; compare them with the words read back from the hit
        if any(_sequence_fits(" ".join(p.split()[::-1]), before) for p in entry.not_after):
            return False
    if entry.only_near:
        near = _words_after(text, end)[:NEAR_WORDS] + _words_before(text, start)[-NEAR_WORDS:]
        if not any(_word_fits(p, w) for p in entry.only_near for w in near):
            return False
    return True


_PREV_WORD = re.compile(r"([^\W_]+)[ \t]+$")
_NEXT_WORD = re.compile(r"(?:['\u2019]s)?[ \t]+([^\W_]+)")


def _all_caps_word(word: str) -> bool:
    return len(word) >= 2 and word.isupper()


def in_capitals(text: str, start: int, end: int) -> bool:
    """An all-capital hit with an all-capital word beside it (spaces between, same line):
    a headline or slogan set in capitals, where "IS" and "US" are words, not acronyms."""
    hit = text[start:end]
    if not hit.isupper():
        return False
    m = _PREV_WORD.search(text, max(0, start - 40), start)
    if m is not None and _all_caps_word(m.group(1)):
        return True
    m = _NEXT_WORD.match(text, end, end + 40)
    return m is not None and _all_caps_word(m.group(1))


__all__ = ["NEAR_WORDS", "context_allows", "in_capitals"]
