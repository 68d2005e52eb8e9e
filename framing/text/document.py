"""One analysed text: the structures every family needs, computed once and cached.

Families share a ``Document`` so segmentation and quotation finding run once per
article however many families are extracted.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import cached_property
from typing import Any, Protocol

from framing.text import quotes as _quotes
from framing.text import segment as _segment
from framing.text.charclass import CharMap

_WORD = re.compile(r"[^\W_]+(?:['\u2019\-][^\W_]+)*")
#: sentences in the lead: a headline and the first sentence, or the first two sentences
LEAD_SENTENCES = 2
_LEAD_KINDS = ("body", "headline")


class _Finder(Protocol):
    def find(self, text: str) -> list[Any]: ...


def _lead_end(sents: list[_segment.Sentence]) -> int:
    kept = [s for s in sents if s.kind in _LEAD_KINDS][:LEAD_SENTENCES]
    return kept[-1].end if kept else 0


class Document:
    """Lazily segmented text. All offsets index ``text``."""

    __slots__ = ("text", "__dict__")

    def __init__(self, text: str) -> None:
        self.text = text

    @cached_property
    def paragraphs(self) -> list[_segment.Span]:
        return _segment.paragraphs(self.text)

    @cached_property
    def sentences(self) -> list[_segment.Sentence]:
        return _segment.sentences(self.text, self.paragraphs)

    @cached_property
    def lead_end(self) -> int:
        """Where the lead ends: after the first LEAD_SENTENCES sentences (a headline counts as
        one; captions and headings are skipped). News writing puts the frame in the headline
        and lead (the inverted pyramid), so families report what happens there separately."""
        if "sentences" not in self.__dict__:
            # Segmenting a whole article costs more than matching the lexicon in it, so when no
            # family has segmented it yet, segment only the opening sentences; only when a
            # caption or heading is among them is the whole text segmented (rare, and exact).
            first = _segment.sentences(self.text, self.paragraphs, limit=LEAD_SENTENCES)
            if len(first) < LEAD_SENTENCES or all(s.kind in _LEAD_KINDS for s in first):
                return _lead_end(first)
        return _lead_end(self.sentences)

    @cached_property
    def quotes(self) -> list[_quotes.Quote]:
        return _quotes.quote_spans(self.text)

    @cached_property
    def quoted_regions(self) -> list[tuple[int, int]]:
        """Spans in a source's voice: speech-length quotations, short quotations credited to a
        speaker, pasted tweets and block quotes (``quotes.quoted_regions``)."""
        return _quotes.quoted_regions(self.text, self.quotes)

    @cached_property
    def _quote_index(self) -> tuple[list[int], list[int]]:
        spans = self.quoted_regions
        return [a for a, _ in spans], [b for _, b in spans]

    def voice_at(self, start: int, end: int | None = None) -> str:
        """``quoted`` if [start, end) lies inside a quoted region (not scare quotes), else
        ``narrator``."""
        starts, ends = self._quote_index
        k = bisect_right(starts, start) - 1
        if k >= 0 and start < ends[k] and (end is None or end <= ends[k] + 1):
            return "quoted"
        return "narrator"

    def in_any_quote(self, start: int) -> bool:
        """True inside any quotation, scare quotes included."""
        for q in self.quotes:
            if q.inner_start <= start < q.inner_end:
                return True
        return False

    def matches(self, matcher: _Finder) -> list[Any]:
        """``matcher.find(text)``, found once per matcher: families that read the same
        lexicon (the loaded terms, the sentiment towards the actors they name) share the
        scan. The list is shared too: do not change it."""
        # keyed by identity (a matcher need not be hashable), holding the matcher so the
        # id cannot be reused while the Document lives
        memo: dict[int, tuple[_Finder, list[Any]]] = self.__dict__.setdefault("_matches", {})
        got = memo.get(id(matcher))
        if got is None:
            got = memo[id(matcher)] = (matcher, matcher.find(self.text))
        return got[1]

    @cached_property
    def word_spans(self) -> list[tuple[int, int]]:
        return [(m.start(), m.end()) for m in _WORD.finditer(self.text)]

    @cached_property
    def n_words(self) -> int:
        # counting without building the span list is several times cheaper (per-1k rates
        # need only the count)
        if "word_spans" in self.__dict__:
            return len(self.word_spans)
        return _count_words(self.text)


def _word_stand_in(ch: str) -> bytes:
    # _WORD's classes: "a" a word character ([^\W_] is str.isalnum()), "'" a joiner, " " other
    return b"a" if ch.isalnum() else b"'" if ch in "'\u2019-" else b" "


_WORD_CLASSES = CharMap("word-classes", _word_stand_in, codec="cp1252")


def _count_words(text: str) -> int:
    """``len(_WORD.findall(text))`` without building the words, about 6x faster (hand-written
    because word counting was the largest cost of the loaded-term rates): a word starts at
    each run of word characters not joined to the one before by a single joiner, that is
    at the text's start, after a space, after two joiners, or after a joiner that starts
    the text or follows a space."""
    c = _WORD_CLASSES.apply(text)
    return (c.count(b" a") + c.count(b" 'a") + c.count(b"''a")
            + c.startswith(b"a") + c.startswith(b"'a"))
