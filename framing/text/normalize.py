"""Style normalisation of names: one form for spellings that only a style guide tells apart.

Outlets spell the same name differently for reasons of house style, not framing: "U.S." and
"US", "al-Assad", "Al Assad" and "al Assad", "al–Nusra" with an en dash, "Assad’s" with a
curly apostrophe. Counting words per outlet without folding these would rank the style guide
("U.S." sets Reuters apart) instead of the naming choice. Two steps, kept apart so that
offsets survive:

- :func:`normalize_names` rewrites a text character for character (its length never
  changes, so every span found in it indexes the original): dashes and apostrophes to one
  form, the Arabic article joined to its name with a hyphen, and runs of capitalised words (a
  headline in capitals) lower-cased so that "TO" in "TRUMP TO VISIT" is not read as an acronym;
- :func:`fold` turns one word as written into the form that is counted: case folded, dots of
  an initialism dropped ("U.S." -> "US"), possessive "'s" dropped, and an acronym that case
  folding would merge with a function word ("US" / "us", "IS" / "is", "WHO" / "who") kept in
  capitals.

:func:`words` and :func:`name_key` put both together, for anyone who compares names across
outlets (``name_key("the U.S.") == name_key("the US")``).
"""

from __future__ import annotations

import re
from functools import lru_cache

from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

#: a word as counted: letters and digits, joined inside by apostrophes or hyphens ("al-Assad",
#: "so-called", "don't"), or an initialism written with dots ("U.S.", "U.N.")
WORD = re.compile(r"\b[A-Z](?:\.[A-Z])+\.?|[^\W_]+(?:['\-][^\W_]+)*")

_DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"  # hyphen-like dashes (not the em dash)
_APOSTROPHES = "\u2019\u2018\u02bc\u2032\u00b4`"
_ONE_FORM = str.maketrans({**{c: "-" for c in _DASHES}, **{c: "'" for c in _APOSTROPHES}})
#: the Arabic article before a capitalised name, joined by a space or a hyphen: "Al Assad",
#: "al-Assad", "el Sisi". The space becomes a hyphen; the case is left to :func:`fold`.
_ARTICLE = re.compile(r"\b([Aa]l|[Ee]l)[ -](?=[A-Z][a-z])")
#: three or more words in capitals in a row: a headline or label set in capitals, where case
#: says nothing about acronyms
_CAPS_RUN = re.compile(r"\b[A-Z][A-Z'\-]+(?:[ \t]+[A-Z][A-Z'\-]+){2,}\b")
_INITIALISM = re.compile(r"[A-Z](?:\.[A-Z])+\.?")
#: endings of a word that make it a function word: negated auxiliaries and clitics
_CLITIC = re.compile(r"(?:n't|'ll|'re|'ve|'d|'m)$")

#: scikit-learn's English stop words, less the words in it that carry meaning in news
#: ("fire", "bill", "system", "interest", "side", "call"...): "opened fire" or "the bill"
#: can be what sets an outlet apart.
_CONTENT_WORDS = frozenset(
    "amount back bill bottom call con cry describe detail empty fill find fire found front full give "
    "interest keep made mill move name part put see serious show side sincere system take thick thin top".split()
)
STOP_WORDS: frozenset[str] = frozenset(ENGLISH_STOP_WORDS - _CONTENT_WORDS)


def normalize_names(text: str) -> str:
    """``text`` with style variants of names in one form; the length never changes.

    Dashes inside words become hyphens and curly apostrophes straight ones, "Al Assad" and
    "al Assad" become "Al-Assad" and "al-Assad" (case is :func:`fold`'s job), and a run of
    three or more words in capitals is lower-cased.
    """
    if not text:
        return ""
    t = text if text.isascii() and "`" not in text else text.translate(_ONE_FORM)
    if " " in t:
        t = _ARTICLE.sub(r"\1-", t)
    return _CAPS_RUN.sub(lambda m: m.group().lower(), t)


@lru_cache(maxsize=1 << 16)
def fold(word: str) -> str:
    """The counted form of one word as written (a :data:`WORD` match of normalised text).

    Lower case, except an acronym (2-5 capitals) that lower case would turn into a stop word
    ("US", "IS", "WHO", "UN"); an initialism loses its dots ("U.S." -> "US"); a possessive
    loses its "'s" ("Assad's" -> "assad"), and "al-Assad" reads "al-assad".
    """
    if _INITIALISM.fullmatch(word):
        word = word.replace(".", "")
    if len(word) > 2 and word[-2:] in ("'s", "'S"):
        word = word[:-2]
    elif len(word) > 2 and word[-1] == "'" and word[-2] in "sS":
        word = word[:-1]
    low = word.lower()
    if 2 <= len(word) <= 5 and word.isupper() and word.isalpha() and low in STOP_WORDS:
        return word
    return low


def is_stop_word(folded: str) -> bool:
    """A function word: in :data:`STOP_WORDS`, one letter, or ending in a clitic ("don't")."""
    return folded in STOP_WORDS or len(folded) == 1 or bool(_CLITIC.search(folded))


def words(text: str) -> list[str]:
    """The counted words of ``text``, in order (stop words included)."""
    return [fold(m.group()) for m in WORD.finditer(normalize_names(text))]


def name_key(name: str) -> str:
    """One key for every house-style spelling of a name: "U.S." / "US", "Al Assad" /
    "al-Assad" / "al–Assad", "Assad's" / "Assad’s" each give the same key."""
    return " ".join(words(name))
