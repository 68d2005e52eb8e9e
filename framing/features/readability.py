"""Readability: textstat's classic formulas, computed from one shared pass over the words.

textstat recomputes the word list, syllables and difficult words for every formula and
caches per call in 128-entry LRU caches, which thrash on a corpus. We tokenise once,
exactly as textstat does (same punctuation rules, same sentence rule, CMUdict first
pronunciation then pyphen), and apply textstat's formulas to the shared counts.
``tests/features/test_readability.py`` checks every score equals textstat's own function
to 1e-6 on real articles, so the numbers are textstat's, only faster.

textstat itself is not imported (it imports NLTK: 0.5 s of start-up per process): its
rules are restated here, its easy-word list is read from its package files, and the tests
check both against textstat.
"""

from __future__ import annotations

import functools
import importlib.util
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import ClassVar

from framing.features._cmudict import syllables
from framing.features.base import Family, FamilyResult
from framing.text import Document
from framing.text.charclass import CharMap

# textstat's English constants (textstat.backend.utils.constants / LANG_CONFIGS["en"]).
_FRE_BASE, _FRE_SENT, _FRE_SYLL = 206.835, 1.015, 84.6
_FOG_SYLLABLES = 3  # "complex" word threshold in Gunning fog (textstat's syllable_threshold)
_SMOG_SYLLABLES = 3  # polysyllables in SMOG (textstat's count_polysyllable_words)
#: textstat's RE_NONCONTRACTION_APOSTROPHE (an apostrophe not starting a contraction's
#: ending is punctuation); the tests check it is textstat's
NONCONTRACTION_APOSTROPHE = r"\'(?!" + r"[tsd]|ve|ll|re" + ")"
_NONCONTRACTION = re.compile(NONCONTRACTION_APOSTROPHE)
#: textstat's sentence fragments (count_sentences)
_FRAGMENT = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_WORD_CHAR = re.compile(r"\w").search


def _kept(ch: str) -> bytes:
    """``ch`` as textstat's ``[^\\w\\s']`` removal leaves it: kept (in UTF-8) when a word
    character (``\\w`` is str.isalnum() or "_"), whitespace (``\\s`` is str.isspace()) or an
    apostrophe, else deleted."""
    return ch.encode("utf-8") if ch.isalnum() or ch == "_" or ch.isspace() or ch == "'" else b""


_PUNCTUATION = CharMap("textstat-punctuation", _kept)


@functools.cache
def _easy_words() -> frozenset[str]:
    """textstat's English easy-word (Dale-Chall) list, read from textstat's package files."""
    spec = importlib.util.find_spec("textstat")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textstat is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as f:
        return frozenset(ln.strip() for ln in f)


def _cleaned(text: str) -> str:
    """textstat's ``remove_punctuation``: non-contraction apostrophes go, then ``[^\\w\\s']``
    (the second substitution as one C pass instead of a regex, :mod:`framing.text.charclass`)."""
    if "'" in text:
        text = _NONCONTRACTION.sub("", text)
    return _PUNCTUATION.apply(text).decode("utf-8")


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: non-contraction apostrophes and punctuation removed."""
    return _cleaned(text).split()


def _at_most_two_words(fragment: str) -> bool:
    """textstat's ``count_words(fragment) <= 2``, reading only the first tokens when it can.

    Punctuation removal deletes characters but never whitespace, so it never adds a token,
    and a token is left as a word exactly when it holds a word character (an apostrophe
    it keeps is followed by one)."""
    head = fragment.split(None, 3)
    if len(head) <= 2:
        return True
    if all(map(_WORD_CHAR, head[:3])):
        return False
    return sum(1 for tok in fragment.split() if _WORD_CHAR(tok)) <= 2


def _sentence_count(text: str) -> int:
    """textstat's ``count_sentences``: fragments of <= 2 words do not count; at least 1."""
    if not text:
        return 0
    fragments = _FRAGMENT.findall(text)
    if len(fragments) <= 1:
        return 1  # max(1, ...) whatever the one fragment holds
    return max(1, len(fragments) - sum(map(_at_most_two_words, fragments)))


@dataclass(frozen=True, slots=True)
class Counts:
    """The counts every formula is built from."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of >= 3 syllables (SMOG)
    complex_words: int  # >= 3 syllables and not on the Dale-Chall easy list (Gunning fog)
    hard_words: int  # not on the Dale-Chall easy list (Dale-Chall)


#: Bound on the per-process word table below, so memory stays flat on an open vocabulary.
_WORD_CODES_MAX = 200_000


class _WordCodes(dict[str, int]):
    """word -> syllables * 2 + 1 if on the easy-word list: one look-up per distinct word
    of an article instead of two, in a table holding only the words the corpus uses
    (CMUdict's 126,000 words are looked up once each, when first met)."""

    def __missing__(self, word: str) -> int:
        if len(self) >= _WORD_CODES_MAX:
            self.clear()
        code = self[word] = syllables(word) * 2 + (word in _easy_words())
        return code


_CODES = _WordCodes()


def count(text: str) -> Counts:
    """Count words, sentences, syllables and difficult words in one pass."""
    lows = _cleaned(text).lower().split()  # textstat lower-cases the cleaned text, then splits
    # word -> code (syllables * 2 + easy) -> how many words have each code
    hist = Counter(map(_CODES.__getitem__, lows))
    syl = poly = fog = hard = 0
    for code, k in hist.items():
        s, easy = code >> 1, code & 1
        syl += s * k
        poly += k if s >= _SMOG_SYLLABLES else 0
        fog += k if s >= _FOG_SYLLABLES and not easy else 0
        hard += 0 if easy else k
    return Counts(len(lows), _sentence_count(text), syl, poly, fog, hard)


def scores(c: Counts) -> dict[str, float]:
    """textstat's formulas (and its zero-division conventions: 0.0 for empty text)."""
    wps = c.words / c.sentences if c.sentences else 0.0
    spw = c.syllables / c.words if c.words else 0.0
    if wps == 0 or spw == 0:
        fre = fkg = 0.0
    else:
        fre = _FRE_BASE - _FRE_SENT * wps - _FRE_SYLL * spw
        fkg = (0.39 * wps) + (11.8 * spw) - 15.59
    if c.words:
        fog = 0.4 * (wps + 100 * c.complex_words / c.words)
        pct_hard = 100 * c.hard_words / c.words
        dale = (0.1579 * pct_hard) + (0.0496 * wps)
        if pct_hard > 5:
            dale += 3.6365
    else:
        fog = dale = 0.0
    smog = (1.043 * (30 * (c.polysyllables / c.sentences)) ** 0.5) + 3.1291 if c.sentences else 0.0
    return {
        "flesch_reading_ease": fre,
        "flesch_kincaid_grade": fkg,
        "gunning_fog": fog,
        "smog_index": smog,
        "dale_chall": dale,
        "lexicon_count": float(c.words),
        "sentence_count": float(c.sentences),
        "syllables_per_word": spw,
        "words_per_sentence": wps,
    }


#: column suffix -> (meaning, unit); the order is the column order.
FEATURE_DOCS: dict[str, tuple[str, str]] = {
    "flesch_reading_ease": (
        "Flesch reading ease, 206.835 - 1.015 words/sentence - 84.6 syllables/word "
        "(textstat.flesch_reading_ease); higher is easier",
        "score (about 0-100)",
    ),
    "flesch_kincaid_grade": (
        "Flesch-Kincaid grade level (textstat.flesch_kincaid_grade)",
        "US school grade",
    ),
    "gunning_fog": (
        "Gunning fog index: 0.4 (words/sentence + % words of >= 3 syllables not on the "
        "Dale-Chall easy list) (textstat.gunning_fog)",
        "US school grade",
    ),
    "smog_index": (
        "SMOG index from words of >= 3 syllables per sentence (textstat.smog_index)",
        "US school grade",
    ),
    "dale_chall": (
        "Dale-Chall readability score from the share of words not on the Dale-Chall easy "
        "list (textstat.dale_chall_readability_score)",
        "score (4.9 and below: grade 4; 9.0+: college)",
    ),
    "lexicon_count": ("Words, punctuation removed (textstat.lexicon_count)", "words"),
    "sentence_count": (
        "Sentences as textstat counts them: fragments of <= 2 words are not counted "
        "(textstat.sentence_count)",
        "sentences",
    ),
    "syllables_per_word": (
        "Mean syllables per word (CMUdict first pronunciation, else pyphen)",
        "syllables/word",
    ),
    "words_per_sentence": ("Mean words per sentence (textstat's counts)", "words/sentence"),
}


class Readability(Family):
    """Readability formulas (textstat) for each article; no evidence spans."""

    name: ClassVar[str] = "readability"

    def feature_names(self) -> list[str]:
        return [f"{self.name}__{k}" for k in FEATURE_DOCS]

    def feature_docs(self) -> dict[str, tuple[str, str]]:
        """Column name -> (meaning, unit), for docs/features.md."""
        return {f"{self.name}__{k}": v for k, v in FEATURE_DOCS.items()}

    def analyze(self, doc: Document) -> FamilyResult:
        s = scores(count(doc.text))
        return FamilyResult(features={f"{self.name}__{k}": v for k, v in s.items()})
