"""Site furniture a page's rules cannot know, learned from the pages themselves.

Word n-grams that recur at the top or bottom of many pages (share widgets, footers, "This
article is an edited translation ...") are cut where the recurring block reads as site chrome.
``BoilerplateStripper`` wraps this, with the fixed rules of ``leakage.py``, as a transformer, so
the same stripping runs inside cross-validation and inside the saved model used by
``framing predict``; ``strip_corpus`` runs both over a corpus before feature extraction.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from framing.compare.leakage import _SPACES, _cut, outlet_names, strip_boilerplate
from framing.corpus import as_texts

# What makes a recurring block at a page's edge site chrome rather than the outlet's own prose
# (words that news prose itself uses, "comments" or "newspaper" alone, are not on the list):
# it talks about the site (subscribe, share, copyright, apps, comments) or credits the page
# ("agencies contributed to this report", "an edited translation of our Arabic edition"), dates
# or tags it, or describes the outlet itself ("the world's premier pan-Arab daily newspaper").
# A recurring background paragraph ("... accuses foreign actors of orchestrating the
# conflict", "... sieges, mass executions and torture against civilians") has none of these
# words and is the outlet's standing framing of the war, which the comparison exists to see.
_CHROME = re.compile(
    r"\b(?:subscribe|newsletter|copyright|all rights reserved|download|youtube|facebook|twitter"
    r"|instagram|telegram|whatsapp|ios|android|app store|google play|watch live|live tv"
    r"|read more|read also|also read|click here|sign up|follow us|like us|share this"
    r"|(?:leave|post|add) a comment|\d+ comments?|comment via|advertisement|tags|topic"
    r"|date of publication|published on|daily newspaper|privacy policy|terms of use|cookies?"
    r"|contributed to this report|translation|translated (?:from|by)|edition)\b|\u00a9",
    re.IGNORECASE,
)


_WORDS = re.compile(r"\S+")


def _words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start() + offset, m.end() + offset) for m in _WORDS.finditer(text)]


def _grams(words: list[tuple[str, int, int]], starts: range, n: int) -> list[tuple[str, int, int]]:
    return [
        (" ".join(w for w, _, _ in words[i : i + n]), words[i][1], words[i + n - 1][2])
        for i in starts
        if i + n <= len(words)
    ]


def _zone_ngrams(text: str, n: int, head: int, tail: int) -> list[tuple[str, int, int]]:
    """Word n-grams starting in the first ``head`` or the last ``tail`` words."""
    # Tokenise only the two edges (a generous character window each) rather than the whole
    # article: this runs for every article in every fold.
    w_head, w_tail = (head + n) * 25, tail * 25
    if len(text) <= w_head + w_tail:
        words = _words(text)
        k = len(words)
        return _grams(words, range(min(head, k)), n) + _grams(words, range(max(head, k - tail), k), n)
    top = _words(text[:w_head])[: head + n - 1]
    bottom = _words(text[-w_tail:], len(text) - w_tail)[1:][-tail:]  # first may be cut mid-word
    return _grams(top, range(head), n) + _grams(bottom, range(len(bottom)), n)


_PIECE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_REST_OF_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")


def _chrome_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of recurring blocks that read as site chrome (see _CHROME).

    Overlapping recurring n-grams chain into blocks. Within a block, everything from its first
    sentence with a chrome word to its last goes; a block that runs off the end of the page
    goes from the first such sentence to the end (footers trail into "Terms of Use", "About"),
    and one at the top of the page from its start. A stock background sentence next to a footer
    stays.
    """
    blocks: list[list[int]] = []
    for s, e in sorted(spans):
        if blocks and s <= blocks[-1][1]:
            blocks[-1][1] = max(blocks[-1][1], e)
        else:
            blocks.append([s, e])
    cuts = []
    for s, e in blocks:
        # a block's last recurring n-gram can end mid-sentence ("This article is an edited
        # translation" + " from our Arabic edition."): its sentence is judged, and cut, whole
        stop = _REST_OF_SENTENCE.match(text, e).end()
        chrome = [m.span() for m in _PIECE.finditer(text, s, stop) if _CHROME.search(m.group())]
        if not chrome:
            continue
        start = s if not text[:s].strip() else chrome[0][0]
        end = stop if not text[stop:].strip() else chrome[-1][1]
        cuts.append((start, end))
    return cuts


class BoilerplateStripper(TransformerMixin, BaseEstimator):
    """Transformer: texts in, stripped texts out (a 1-D object array for a text vectorizer).

    ``rules`` applies :func:`strip_boilerplate` with the names of ``outlets`` (stateless, so
    cross-validation may apply it once up front and pass ``rules=False`` here).
    Besides the fixed rules, ``fit`` learns site furniture the rules cannot know: word
    ``ngram``-grams near the top or bottom of a page that recur in at least ``min_docs``
    training articles (share widgets, footers, "This article is an edited translation...").
    Only the page edges are searched (the first ``head`` and last ``tail`` words: a scraped
    footer of menus and follow-us links runs to a hundred words or more), so an outlet's
    recurring phrasing in the story body stays;
    and only recurring blocks that read as site chrome are cut (see ``_CHROME``), so a stock
    background paragraph an outlet closes every story with stays too: it is framing.
    """

    def __init__(
        self,
        rules: bool = True,
        outlets: tuple[str, ...] | None = None,
        learn_furniture: bool = True,
        ngram: int = 6,
        min_docs: int = 3,
        head: int = 60,
        tail: int = 150,
    ) -> None:
        self.rules = rules
        self.outlets = outlets
        self.learn_furniture = learn_furniture
        self.ngram = ngram
        self.min_docs = min_docs
        self.head = head
        self.tail = tail

    def _rules(self, texts: list[str]) -> list[str]:
        if not self.rules:
            return texts
        names = outlet_names(self.outlets)
        return [strip_boilerplate(t, names) for t in texts]

    def _zones(self, texts: list[str]) -> list[list[tuple[str, int, int]]]:
        memo = _ZONES.get()
        if memo is None:
            return [_zone_ngrams(t, self.ngram, self.head, self.tail) for t in texts]
        # inside ``shared_stripping()``: `framing compare` learns the chrome of the same texts
        # four times (extraction, the comparison, the two word models' refits)
        out = []
        for t in texts:
            key = (t, self.ngram, self.head, self.tail)
            got = memo.get(key)
            if got is None:
                got = memo[key] = _zone_ngrams(t, self.ngram, self.head, self.tail)
            out.append(got)
        return out

    def _learn(self, zones: list[list[tuple[str, int, int]]]) -> None:
        df: dict[str, int] = {}
        for z in zones:
            for g in {g for g, _, _ in z}:
                df[g] = df.get(g, 0) + 1
        self.furniture_ = sorted(g for g, c in df.items() if c >= self.min_docs)

    def fit(self, X: Any, y: Any = None) -> BoilerplateStripper:
        self.furniture_: list[str] = []
        if self.learn_furniture:
            self._learn(self._zones(self._rules(as_texts(X))))
        return self

    def transform(self, X: Any) -> np.ndarray:
        texts = self._rules(as_texts(X))
        return self._apply(texts, self._zones(texts) if self.furniture_ else None)

    def _apply(self, texts: list[str], zones: list[Any] | None) -> np.ndarray:
        return self._apply_counted(texts, zones)[0]

    def _apply_counted(self, texts: list[str], zones: list[Any] | None) -> tuple[np.ndarray, list[int]]:
        """(stripped texts, chrome blocks cut from each)."""
        known = set(getattr(self, "furniture_", []) or [])
        cut = [0] * len(texts)
        if known and zones is not None:
            out = []
            for i, (t, z) in enumerate(zip(texts, zones, strict=True)):
                spans = _chrome_runs(t, [(s, e) for g, s, e in z if g in known])
                cut[i] = len(spans)
                out.append(_SPACES.sub(" ", _cut(t, spans)).strip() if spans else t)
            texts = out
        return np.asarray(texts, dtype=object), cut

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> np.ndarray:
        return self.fit_transform_counted(X)[0]

    def fit_transform_counted(self, X: Any) -> tuple[np.ndarray, list[int]]:
        """``fit_transform`` and the number of chrome blocks cut from each text."""
        # Rules and edge n-grams computed once for both learning and applying.
        texts = self._rules(as_texts(X))
        self.furniture_ = []
        zones = None
        if self.learn_furniture:
            zones = self._zones(texts)
            self._learn(zones)
        return self._apply_counted(texts, zones)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        return tags


#: each text's fixed-rule stripping, by (text, names), inside ``shared_stripping()``
_STRIPPED: ContextVar[dict[tuple[str, tuple[str, ...]], tuple[str, Counter[str]]] | None] = \
    ContextVar("framing_stripped", default=None)


#: each text's edge n-grams (``_zone_ngrams``) by (text, ngram, head, tail), likewise
_ZONES: ContextVar[dict[tuple[str, int, int, int], list[tuple[str, int, int]]] | None] = \
    ContextVar("framing_zones", default=None)


@contextmanager
def shared_stripping() -> Iterator[None]:
    """Within this block ``strip_texts`` strips each (text, outlet names) once: `framing
    compare` strips the corpus before extraction and the comparison strips the same texts
    again for its word models (8 of 104 CPU-seconds on FA-KES); the result is the same.
    Site chrome's edge n-grams are likewise found once per text."""
    token, zones = _STRIPPED.set({}), _ZONES.set({})
    try:
        yield
    finally:
        _STRIPPED.reset(token)
        _ZONES.reset(zones)


def strip_texts(
    texts: list[str], names: tuple[str, ...], chrome: bool = True
) -> tuple[list[str], list[Counter[str]]]:
    """Each text stripped by the fixed rules (with ``names``) and, with ``chrome``, of the site
    chrome that recurs at the edges of these pages; and what was cut from each, by kind
    (``leakage.EXCLUSION_KINDS`` plus ``chrome``). Reads only the texts, never a label."""
    memo = _STRIPPED.get()
    out, counts = [], []
    for t in texts:
        text = "" if t is None else str(t)
        got = memo.get((text, names)) if memo is not None else None
        if got is None:
            c: Counter[str] = Counter()
            got = (strip_boilerplate(text, names, c), c)
            if memo is not None:
                memo[(text, names)] = got
        out.append(got[0])
        counts.append(Counter(got[1]))  # a copy: callers add the chrome cuts to it
    if chrome:
        stripped, cut = BoilerplateStripper(rules=False).fit_transform_counted(out)
        out = list(stripped)
        for c, n in zip(counts, cut, strict=True):
            if n:
                c["chrome"] += n
    return out, counts


def strip_corpus(
    corpus: pd.DataFrame, outlets: list[str] | None = None, chrome: bool = True
) -> pd.DataFrame:
    """A copy of the corpus with boilerplate stripped from ``text``, for feature extraction.

    Framing features computed on raw pages pick up the page itself: a timestamp ending "KSA"
    counts as a mention of Saudi Arabia, an outlet's own name as a media source, a "Subscribe
    to our channel" footer or a "FILE PHOTO" caption as an unsourced claim. The outlet names
    removed are those of ``outlets`` (default: the corpus's ``outlet`` column, whatever the
    articles are later compared by: a label's values are never names) and every wire agency.
    """
    if outlets is None and "outlet" in corpus:
        outlets = sorted(corpus["outlet"].dropna().astype(str).unique())
    out = corpus.copy()
    out["text"] = strip_texts(list(out["text"]), outlet_names(outlets), chrome)[0]
    return out
