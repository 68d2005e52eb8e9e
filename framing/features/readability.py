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

import numpy as np

from framing.features._cmudict import syllables
from framing.features.base import Family, FamilyResult
from framing.text import Document
from framing.text.charclass import CharClasses, codepoints, from_codepoints

# textstat's English constants (textstat.backend.utils.constants / LANG_CONFIGS["en"]).
_FRE_BASE, _FRE_SENT, _FRE_SYLL = 206.835, 1.015, 84.6
_FOG_SYLLABLES = 3  # "complex" word threshold in Gunning fog (textstat's syllable_threshold)
_SMOG_SYLLABLES = 3  # polysyllables in SMOG (textstat's count_polysyllable_words)
#: textstat's RE_NONCONTRACTION_APOSTROPHE (an apostrophe not starting a contraction's
#: ending is punctuation); the tests check it is textstat's
NONCONTRACTION_APOSTROPHE = r"\'(?!" + r"[tsd]|ve|ll|re" + ")"
_CONTRACTION_ENDINGS = ("t", "s", "d", "ve", "ll", "re")
#: textstat's sentence fragments (count_sentences)
_FRAGMENT = re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE)
_KEEP, _REMOVE, _MAYBE, _SPACE = 0, 1, 2, 3


def _action(ch: str) -> int:
    """What textstat's punctuation removal does to a character: keep a word character
    (``\\w`` is str.isalnum() or "_"), remove it, maybe (an apostrophe: kept before a
    contraction's ending), or keep whitespace (``\\s`` is str.isspace())."""
    if ch == "'":
        return _MAYBE
    if ch.isspace():
        return _SPACE
    return _KEEP if ch.isalnum() or ch == "_" else _REMOVE


_ACTIONS = CharClasses(_action)


@functools.cache
def _easy_words() -> frozenset[str]:
    """textstat's English easy-word (Dale-Chall) list, read from textstat's package files."""
    spec = importlib.util.find_spec("textstat")  # finds the package without importing it
    if spec is None or not spec.submodule_search_locations:
        raise ImportError("textstat is not installed")
    path = Path(next(iter(spec.submodule_search_locations))) / "resources" / "en" / "easy_words.txt"
    with path.open(encoding="utf-8") as f:
        return frozenset(ln.strip() for ln in f)


def _actions(text: str, u: np.ndarray) -> np.ndarray:
    """What textstat's ``remove_punctuation`` does to each character of ``text`` (``u``:
    its code points): ``[^\\w\\s']`` goes, and so do apostrophes not followed by a
    contraction's ending."""
    act = _ACTIONS.of(u)
    for p in np.flatnonzero(act == _MAYBE).tolist():
        act[p] = _KEEP if text.startswith(_CONTRACTION_ENDINGS, p + 1) else _REMOVE
    return act


@dataclass(frozen=True, slots=True)
class _Cleaned:
    """textstat's punctuation-free text, built in one numpy pass instead of textstat's two
    regular-expression substitutions, with which original characters it kept (``kept``)
    and which of those are word characters (``word``)."""

    text: str
    kept: np.ndarray
    word: np.ndarray


def _cleaned(text: str) -> _Cleaned:
    u = codepoints(text)
    act = _actions(text, u)
    kept = act != _REMOVE
    return _Cleaned(from_codepoints(u[kept]), kept, act[kept] != _SPACE)


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: non-contraction apostrophes and punctuation removed."""
    return _cleaned(text).text.split()


def _sentence_count(text: str, c: _Cleaned) -> int:
    """textstat's ``count_sentences``: fragments of <= 2 words do not count; at least 1.

    Each fragment's words are counted in the cleaned text: every deletion depends only on
    the character and the two after it, and a fragment that does not end the text ends
    with ".", "!" or "?", so it keeps what each of its deletions reads.
    """
    if not text:
        return 0
    spans = [m.span() for m in _FRAGMENT.finditer(text)]
    if len(spans) <= 1:
        return 1  # max(1, ...) whatever the one fragment holds
    where = np.concatenate(([0], np.cumsum(c.kept)))  # original offset -> cleaned offset
    start = c.word.copy()
    start[1:] &= ~c.word[:-1]
    starts = np.concatenate(([0], np.cumsum(start)))
    inside = np.append(c.word & ~start, False)  # continues a word
    cut = where[np.asarray(spans)]
    a, b = cut[:, 0], cut[:, 1]
    # the words starting in the fragment, plus one if it begins inside a word ("5 million"
    # after "3.")
    words = starts[b] - starts[a] + (inside[a] & (a < b))
    return max(1, len(spans) - int(np.count_nonzero(words <= 2)))


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
    cleaned = _cleaned(text)
    lows = cleaned.text.lower().split()  # textstat lower-cases the cleaned text, then splits
    # word -> code (syllables * 2 + easy) -> how many words have each code
    hist = Counter(map(_CODES.__getitem__, lows))
    syl = poly = fog = hard = 0
    for code, k in hist.items():
        s, easy = code >> 1, code & 1
        syl += s * k
        poly += k if s >= _SMOG_SYLLABLES else 0
        fog += k if s >= _FOG_SYLLABLES and not easy else 0
        hard += 0 if easy else k
    return Counts(len(lows), _sentence_count(text, cleaned), syl, poly, fog, hard)


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
