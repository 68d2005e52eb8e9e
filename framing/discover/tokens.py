"""Texts to word ids and n-gram codes: what both counting passes read.

Hand-written rather than scikit-learn's ``CountVectorizer`` because the vectorizer builds
every n-gram as a Python string and keeps a vocabulary of all of them; here each word is
looked up once (a dict hit per token), and 1-3 grams are whole-array arithmetic on the ids:
a code packs up to three word ids into one 64-bit integer, so counting is ``numpy.unique``.

Rules (the same for every article, outlet and language pass):

- words are :func:`framing.text.normalize.fold`-ed after :func:`normalize_names`, so "U.S."
  and "US", "al-Assad" and "Al Assad" are one word;
- punctuation, line breaks and numbers are boundaries: no n-gram spans "killed 12 people"
  or two sentences;
- an n-gram neither starts nor ends with a stop word ("of the", "the regime" are not
  counted; "catch and release" is).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from framing.errors import FramingError
from framing.text.normalize import WORD, fold, is_stop_word, normalize_names

#: word ids stay below BASE, so three of them pack into one int64 code
BASE = 1 << 21
_BASE2 = BASE * BASE
#: a markup tag left in scraped text ("<tweet tweet-id=...>"), a word, or one character that
#: ends an n-gram; tags are boundaries, never words
_BOUNDARY = r"[.,;:!?()\[\]{}\"\u201c\u201d\u201e\u2026|/\\\n\u2022\u2014'\-<>]"
TOKEN = re.compile(r"<[^<>\n]{1,200}>|" + WORD.pattern + "|" + _BOUNDARY)


class _SurfaceIds(dict[str, int]):
    """Surface spelling -> word id; a spelling seen for the first time is folded once."""

    def __init__(self, vocab: Vocabulary) -> None:
        super().__init__()
        self.vocab = vocab

    def __missing__(self, surface: str) -> int:
        wid = self.vocab.add(fold(surface))
        self[surface] = wid
        return wid


class Vocabulary:
    """Folded words and their ids; id 0 is a boundary (punctuation, a number)."""

    def __init__(self) -> None:
        self.words: list[str] = [""]
        self._ids: dict[str, int] = {"": 0}
        self._stop: list[bool] = [True]
        self._surface = _SurfaceIds(self)
        self._stop_array: np.ndarray | None = None

    def add(self, folded: str) -> int:
        """The id of a folded word (new words get the next id); 0 for one with no letter."""
        wid = self._ids.get(folded)
        if wid is not None:
            return wid
        if folded[:1] == "<" or not any(c.isalpha() for c in folded):
            self._ids[folded] = 0
            return 0
        wid = len(self.words)
        if wid >= BASE:
            raise FramingError(f"more than {BASE - 1:,} distinct words: too many to count in one run")
        self._ids[folded] = wid
        self.words.append(folded)
        self._stop.append(is_stop_word(folded))
        self._stop_array = None
        return wid

    def ids(self, text: str) -> list[int]:
        """Word ids of a text in order (boundaries as 0)."""
        return list(map(self._surface.__getitem__, TOKEN.findall(normalize_names(text))))

    def spans(self, text: str) -> tuple[list[int], list[int], list[int]]:
        """Word ids with the start and end of each token in ``text`` (same length)."""
        ids, starts, ends = [], [], []
        get = self._surface.__getitem__
        for m in TOKEN.finditer(normalize_names(text)):
            ids.append(get(m.group()))
            starts.append(m.start())
            ends.append(m.end())
        return ids, starts, ends

    def code(self, phrase: str) -> int | None:
        """The code of a 1-3 word phrase as counted, or None (longer, or a stop word at an end)."""
        ids = [i for i in self.ids(phrase)]
        if not 1 <= len(ids) <= 3 or 0 in ids:
            return None
        if self._stop[ids[0]] or self._stop[ids[-1]]:
            return None
        ids = ids + [0] * (3 - len(ids))
        return (ids[0] * BASE + ids[1]) * BASE + ids[2]

    def stop_array(self) -> np.ndarray:
        if self._stop_array is None or len(self._stop_array) != len(self._stop):
            self._stop_array = np.array(self._stop, dtype=bool)
        return self._stop_array

    def term(self, code: int) -> str:
        """The folded words of a code, joined by spaces."""
        code = int(code)
        parts = (code // _BASE2, (code // BASE) % BASE, code % BASE)
        return " ".join(self.words[i] for i in parts if i)

    def __len__(self) -> int:
        return len(self.words)


def order_of(codes: np.ndarray) -> np.ndarray:
    """1, 2 or 3: how many words each code packs."""
    codes = np.asarray(codes, dtype=np.int64)
    return 1 + ((codes // BASE) % BASE > 0) + (codes % BASE > 0)


@dataclass
class Grams:
    """The 1-3 gram codes of a run of articles, with where each starts (token position) and
    how many words it has; ``ids`` holds the articles' word ids, a boundary after each."""

    ids: np.ndarray
    codes: np.ndarray
    starts: np.ndarray
    orders: np.ndarray
    #: position of the first token of each article in ``ids``
    offsets: np.ndarray

    def article_of(self, positions: np.ndarray) -> np.ndarray:
        return np.searchsorted(self.offsets, positions, side="right") - 1


def grams(vocab: Vocabulary, texts: Iterable[str]) -> Grams:
    """Every counted 1-3 gram of ``texts`` (see the module rules)."""
    ids: list[int] = []
    offsets = []
    for t in texts:
        offsets.append(len(ids))
        ids.extend(vocab.ids(t))
        ids.append(0)
    return grams_of_ids(vocab, np.array(ids, dtype=np.int64), np.array(offsets, dtype=np.int64))


def grams_of_ids(vocab: Vocabulary, a: np.ndarray, offsets: np.ndarray) -> Grams:
    stop = vocab.stop_array()
    word = a > 0
    content = word & ~stop[a]
    parts_codes, parts_starts, parts_orders = [], [], []
    pos = np.arange(len(a), dtype=np.int64)
    parts_codes.append(a[content] * _BASE2)
    parts_starts.append(pos[content])
    parts_orders.append(np.full(int(content.sum()), 1, dtype=np.int8))
    if len(a) >= 2:
        bi = content[:-1] & content[1:]
        parts_codes.append((a[:-1][bi] * BASE + a[1:][bi]) * BASE)
        parts_starts.append(pos[:-1][bi])
        parts_orders.append(np.full(int(bi.sum()), 2, dtype=np.int8))
    if len(a) >= 3:
        tri = content[:-2] & word[1:-1] & content[2:]
        parts_codes.append((a[:-2][tri] * BASE + a[1:-1][tri]) * BASE + a[2:][tri])
        parts_starts.append(pos[:-2][tri])
        parts_orders.append(np.full(int(tri.sum()), 3, dtype=np.int8))
    return Grams(a, np.concatenate(parts_codes), np.concatenate(parts_starts),
                 np.concatenate(parts_orders), offsets)
