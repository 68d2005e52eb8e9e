"""Readability: textstat's classic formulas, computed from one shared pass over the words.

textstat recomputes the word list, syllables and difficult words for every formula and
caches per call in 128-entry LRU caches, which thrash on a corpus. We tokenise once,
exactly as textstat does (same punctuation rules, same sentence rule, CMUdict first
pronunciation then pyphen), and apply textstat's formulas to the shared counts.
``tests/features/test_readability.py`` checks every score equals textstat's own function
to 1e-6 on real articles, so the numbers are textstat's, only faster.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from typing import ClassVar

from framing.features._cmudict import patch_textstat, syllable_table, syllables
from framing.features.base import Family, FamilyResult
from framing.text import Document

# textstat's English constants (textstat.backend.utils.constants / LANG_CONFIGS["en"]).
_FRE_BASE, _FRE_SENT, _FRE_SYLL = 206.835, 1.015, 84.6
_FOG_SYLLABLES = 3  # "complex" word threshold in Gunning fog (textstat's syllable_threshold)
_TEXTSTAT_LANG = "en_US"  # textstat's default language


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    # Built from textstat's own constants so a textstat change in them carries over.
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    return (
        re.compile(RE_NONCONTRACTION_APOSTROPHE),
        re.compile(r"[^\w\s\']"),
        re.compile(r"\b[^.!?]+[.!?]*", re.UNICODE),
    )


@functools.cache
def _easy_words() -> frozenset[str]:
    from textstat.backend.utils import get_lang_easy_words

    return frozenset(get_lang_easy_words(_TEXTSTAT_LANG))


def _words(text: str) -> list[str]:
    """textstat's ``list_words(text)``: non-contraction apostrophes and punctuation removed."""
    apostrophe, punct, _ = _patterns()
    return punct.sub("", apostrophe.sub("", text)).split()


def _sentence_count(text: str) -> int:
    """textstat's ``count_sentences``: fragments of <= 2 words do not count; at least 1."""
    if not text:
        return 0
    found = _patterns()[2].findall(text)
    ignored = sum(1 for s in found if len(_words(s)) <= 2)
    return max(1, len(found) - ignored)


@dataclass(frozen=True, slots=True)
class Counts:
    """The counts every formula is built from."""

    words: int
    sentences: int
    syllables: int
    polysyllables: int  # words of >= 3 syllables (SMOG)
    complex_words: int  # >= 3 syllables and not on the Dale-Chall easy list (Gunning fog)
    hard_words: int  # not on the Dale-Chall easy list (Dale-Chall)


def count(text: str) -> Counts:
    """Count words, sentences, syllables and difficult words in one pass."""
    patch_textstat()
    easy = _easy_words()
    table = syllable_table()
    words = _words(text)
    n_syll = n_poly = n_complex = n_hard = 0
    for w in words:
        low = w.lower()
        s = table.get(low)  # inlined fast path of syllables(): most words are in CMUdict
        if s is None:
            s = syllables(low)
        n_syll += s
        if s >= 3:
            n_poly += 1
        if low not in easy:
            n_hard += 1
            if s >= _FOG_SYLLABLES:
                n_complex += 1
    return Counts(len(words), _sentence_count(text), n_syll, n_poly, n_complex, n_hard)


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
