"""The extractor's record of one attribution and the per-document lookups the rules share."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from dataclasses import dataclass, field
from typing import Any

from framing.sourcing.cues import Cue, SourcingLexicon
from framing.sourcing.words import TOK
from framing.text import Document


@dataclass
class Extracted:
    """One attribution (offsets index the document text)."""

    cue: tuple[int, int]
    cue_info: Cue
    source: tuple[int, int] | None = None
    source_type: str = "unknown"
    content: tuple[int, int] | None = None
    direct_quote: bool = False
    cites: Extracted | None = None
    resolved: dict[str, Any] | None = None
    sentence: int = -1
    paragraph: int = -1
    continued: bool = False
    pronoun: str = ""
    extra: dict[str, Any] = field(default_factory=dict)


# ----------------------------------------------------------------------------- extraction
class Ctx:
    """Per-document lookups shared by the rules."""

    def __init__(self, doc: Document, lex: SourcingLexicon) -> None:
        self.doc = doc
        self.text = doc.text
        self.lex = lex
        self.sents = doc.sentences
        self.sent_starts = [s.start for s in self.sents]
        self.quotes = [q for q in doc.quotes if not q.is_short]
        self.q_starts = [q.start for q in self.quotes]
        self.q_ends = [q.end for q in self.quotes]
        self._toks: list[tuple[int, int, str]] | None = None
        self._t_starts: list[int] = []
        self._t_ends: list[int] = []

    def tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Tokens of ``text[start:end]`` (a window next to a cue: a few hundred characters),
        exactly as ``TOK.finditer(text, start, end)`` gives them.

        The whole text is tokenised once and each window is a slice of that list: the rules
        ask for about a dozen windows an article, and tokenising each one anew was a fifth of
        the extraction time. The regex restarts identically after whitespace, so only a window
        edge that falls inside a run of non-space characters is tokenised on its own.
        """
        if self._toks is None:
            self._toks = [(m.start(), m.end(), m.group()) for m in TOK.finditer(self.text)]
            self._t_starts = [t[0] for t in self._toks]
            self._t_ends = [t[1] for t in self._toks]
        text, toks, starts, ends = self.text, self._toks, self._t_starts, self._t_ends
        lo = bisect_left(starts, start)
        left: list[tuple[int, int, str]] = []
        p = start
        if lo > 0 and ends[lo - 1] > start:  # the window opens inside a token
            while p < end and not text[p].isspace():
                p += 1
            left = [(m.start(), m.end(), m.group()) for m in TOK.finditer(text, start, p)]
            if p >= end:
                return left
            lo = bisect_left(starts, p)
        hi = bisect_right(ends, end)
        if hi < len(toks) and starts[hi] < end:  # the window closes inside a token
            q = end
            while q > p and not text[q - 1].isspace():
                q -= 1
            while hi > lo and ends[hi - 1] > q:
                hi -= 1
            right = [(m.start(), m.end(), m.group()) for m in TOK.finditer(text, q, end)]
            return left + toks[lo:hi] + right
        return left + toks[lo:hi] if left else toks[lo:hi]

    def sentence_of(self, pos: int) -> int:
        return bisect_right(self.sent_starts, pos) - 1

    def quote_ending_before(self, pos: int, lo: int) -> Any:
        k = bisect_right(self.q_ends, pos) - 1
        if k >= 0:
            q = self.quotes[k]
            gap = self.text[q.end:pos]
            if q.end >= lo - 1 and not gap.strip(" ,\u2014-\n") and q.inner_end > q.inner_start:
                return q
            # the closing mark may follow the comma: ',"' is inside q already
        return None

    def quote_starting_after(self, pos: int, limit: int) -> Any:
        k = bisect_right(self.q_starts, pos - 1)
        if k < len(self.quotes):
            q = self.quotes[k]
            if q.start <= limit:
                return q
        return None

    def inside_quote(self, pos: int) -> Any:
        k = bisect_right(self.q_starts, pos) - 1
        if k >= 0 and self.quotes[k].inner_start <= pos < self.quotes[k].inner_end:
            return self.quotes[k]
        return None


def span_dict(text: str, span: tuple[int, int] | None) -> dict[str, Any] | None:
    if span is None:
        return None
    return {"text": text[span[0]:span[1]], "start": span[0], "end": span[1]}
