"""The extractor's record of one attribution and the per-document lookups the rules share."""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass, field
from typing import Any

from framing.sourcing.cues import Cue, SourcingLexicon
from framing.sourcing.words import TOK_FINDALL
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

    def tokens(self, start: int, end: int) -> list[tuple[int, int, str]]:
        """Tokens of ``text[start:end]`` (a window next to a cue: a few hundred characters)."""
        # Hand-written because a regex scan of every window was most of this function's time
        # (it runs for every cue): str.split cuts the window into whitespace-free chunks, a
        # chunk of letters and digits is one token (TOK's word run, no regex needed), and only
        # chunks with punctuation go through TOK; TOK's tokens never hold whitespace and
        # cover every other character, so the tokens are exactly TOK's over the window.
        # str.find places each chunk (the next occurrence is the chunk itself); the tokens
        # of a chunk are contiguous. words.token_words is the same rule without offsets; it
        # is not called here because placing its tokens one by one measured 26% slower.
        out = []
        pos = start
        find = self.text.find
        append = out.append
        for c in self.text[start:end].split():
            pos = find(c, pos)
            if c.isalnum():
                e = pos + len(c)
                append((pos, e, c))
                pos = e
            else:
                for w in TOK_FINDALL(c):
                    e = pos + len(w)
                    append((pos, e, w))
                    pos = e
        return out

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
