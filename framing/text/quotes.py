"""Quotation spans with character offsets, for the narrator/quoted voice split.

Hand-written because no maintained library returns quotation spans with offsets and
handles the news convention for long quotes: a quotation running over several
paragraphs re-opens each paragraph with a quote mark and closes only at its end.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

# opening mark -> closing marks that may end it
_PAIRS: dict[str, str] = {
    '"': '"',
    "\u201c": "\u201d\u201c",  # “ ... ” (some texts reuse “ to close)
    "\u201e": "\u201c\u201d",  # „ ... “
    "\u00ab": "\u00bb",  # « ... »
    "\u2018": "\u2019",  # ‘ ... ’ (only where ’ is not an apostrophe)
    "'": "'",  # ' ... ' (headline and British style; strict rules, since ' is also the apostrophe)
    "\u00bb": "\u00ab",  # » ... « (German style)
}
_OPENERS = set(_PAIRS)
_PARA_BREAK = re.compile(r"\n\s*\n|\r\n\s*\r\n")


@dataclass(frozen=True, slots=True)
class Quote:
    """One quotation: ``start``/``end`` include the marks, ``inner_*`` exclude them."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    n_words: int
    closed: bool  # False when the text ended (or a paragraph ended) before a closing mark
    mark: str = '"'  # the opening mark

    @property
    def is_short(self) -> bool:
        """Scare quotes or a quoted name/title (``"high-level delegation"``), not speech."""
        return self.n_words <= 4


def _is_word(ch: str) -> bool:
    return ch.isalnum()


#: what may stand before an opening straight single quote: a space, the start, a bracket, a
#: colon or dash ("Trump: 'We will win'"), or another quote mark
_SINGLE_BEFORE = set(" \t\n([{:\u2014\u2013-\"\u201c")
#: elisions that begin with an apostrophe, not a quotation ("'90s", "rock 'n' roll", "'em")
_ELISION = re.compile(r"'(?:\d|n'|em\b|tis\b|til\b|twas\b|cause\b|bout\b|round\b|s\b)", re.IGNORECASE)


def _can_open(text: str, i: int) -> bool:
    ch = text[i]
    prev = text[i - 1] if i > 0 else " "
    nxt = text[i + 1] if i + 1 < len(text) else " "
    if ch == "\u2018":
        return not _is_word(prev) and _is_word(nxt)
    if ch == "'":
        return prev in _SINGLE_BEFORE and _is_word(nxt) and not _ELISION.match(text, i)
    if ch == '"':
        # a straight quote opens where it is not glued to a word on its left
        return not _is_word(prev) and not nxt.isspace()
    return True


def _can_close(text: str, i: int, opener: str) -> bool:
    ch = text[i]
    if ch not in _PAIRS[opener]:
        return False
    if ch in "\u2019'":
        nxt = text[i + 1] if i + 1 < len(text) else " "
        if ch == "'" and text[i - 1 : i].isspace():
            return False  # a closing mark leans on the quoted word
        return not _is_word(nxt)  # "don’t" is an apostrophe
    return True


# a sentence end: final punctuation, space, then what can start a sentence ("U.S. forces" is not)
_SENT_END = re.compile(r'[.!?]+(?=\s+["\u201c\u2018(]?[A-Z0-9])')
_OPEN_RE = re.compile("[" + re.escape("".join(_PAIRS)) + "]")
# per opener: the next closing mark or paragraph break (searched with the C regex engine,
# since a Python loop over every character costs more than the rest of the analysis)
_STOP_RE: dict[str, re.Pattern[str]] = {
    o: re.compile("(" + _PARA_BREAK.pattern + ")|[" + re.escape(c) + "]") for o, c in _PAIRS.items()
}


_TWO_APOS_OPEN = re.compile(r"''(?=\w)")
_TWO_APOS = re.compile(r"''")


def quote_spans(text: str) -> list[Quote]:
    """Find quotations in ``text``; multi-paragraph quotes come back as one span."""
    quotes: list[Quote] = []
    n = len(text)
    i = 0
    full = text
    if "''" in text:
        # NYT style: two apostrophes for each double quote mark (''We will,'' she said).
        # Scanned as a straight quote and a space (same length, so offsets stay those of
        # ``text``), the quote on the side of the quoted words; each span then takes in
        # both apostrophes
        text = _TWO_APOS.sub('" ', _TWO_APOS_OPEN.sub(' "', text))
    while True:
        m = _OPEN_RE.search(text, i)
        if m is None:
            break
        start = m.start()
        if not _can_open(text, start):
            i = start + 1
            continue
        opener = text[start]
        stop = _STOP_RE[opener]
        j = start + 1
        end = n
        closed = False
        while True:
            s = stop.search(text, j)
            if s is None:
                break
            if s.group(1) is not None:
                # paragraph break inside an open quote: continue only if the next
                # paragraph re-opens with the same mark (news convention)
                nxt = s.end()
                if nxt < n and text[nxt] == opener:
                    j = nxt + 1
                    continue
                end = s.start()
                break
            k = s.start()
            if k > start + 1 and _can_close(text, k, opener):
                end = k + 1
                closed = True
                break
            j = k + 1
        if not closed and opener == "'":
            # a lone straight apostrophe is far likelier than an unclosed single quotation
            i = start + 1
            continue
        if not closed:
            # no closing mark in the paragraph: a lost mark is likelier than a quotation
            # running to the paragraph's end (texts scraped without paragraph breaks would
            # otherwise turn the whole rest of the article into quoted voice), so the
            # quotation ends with its first sentence
            s = _SENT_END.search(text, start + 1, end)
            if s is not None and s.end() < end:
                end = s.end()
        inner_start = start + 1
        inner_end = end - 1 if closed else end
        if full is not text:  # the span takes in both apostrophes of a '' mark
            start -= full[start - 1:start + 1] == "''"
            end += closed and full[end - 1:end + 1] == "''"
        quotes.append(
            Quote(start, end, inner_start, inner_end, _count_words(full, inner_start, inner_end), closed, opener)
        )
        i = max(end, start + 1)
    return quotes


def _count_words(text: str, start: int, end: int) -> int:
    return len(text[start:end].split())


# --------------------------------------------------------------------------------------
# quoted voice beyond quotation marks of speech length

#: verbs (and a colon) that introduce a source's own words: a short quotation right after one
#: ("TRUMP SLAMS 'DISGRACEFUL' DEAL", "called the plan 'a disaster'") is the source's voice, not
#: the writer's scare quotes
_SPEECH_VERBS = frozenset(
    """say says said tell tells told call calls called term terms termed describe describes described
    label labels labelled labeled brand brands branded slam slams slammed blast blasts blasted rip rips
    ripped mock mocks mocked hail hails hailed praise praises praised condemn condemns condemned
    denounce denounces denounced decry decries decried warn warns warned vow vows vowed urge urges urged
    insist insists insisted claim claims claimed declare declares declared tweet tweets tweeted write
    writes wrote add adds added accuse accuses accused dismiss dismisses dismissed reject rejects
    rejected deride derides derided lambast lambasts lambasted lambaste lambastes slams blasting
    slamming calling describing saying""".split()
)
_COLON_BEFORE = re.compile(r":\s*$")


def speech_introduced(text: str, q: Quote) -> bool:
    """A short quotation the text attributes to a speaker: after a colon, or within four
    words after a speech verb in the same clause ("called it 'a disaster'")."""
    before = text[max(0, q.start - 60) : q.start]
    if _COLON_BEFORE.search(before):
        return True
    cut = max((before.rfind(c) for c in ".;!?\n\"\u201c\u201d("), default=-1)
    words = re.findall(r"[^\W\d_]+", before[cut + 1 :].lower())[-5:]
    return any(w in _SPEECH_VERBS for w in words)


#: an embedded tweet as scraped text keeps its signature: "— Name (@handle) March 3, 2018"
@cache
def _tweet_signature() -> re.Pattern[str]:
    # compiled on first use: only a text holding "(@" is searched
    return re.compile(
        r"[\u2014\u2013\-]\s*[^\n()]{0,80}\(@\w{1,15}\)\s*(?:on\s+Twitter\s*)?"
        r"(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2},?\s+\d{4}|\d{1,2}\s+[A-Z][a-z]{2,8}\s+\d{4})"
    )


_PIC_LINK = re.compile(r"pic\.twitter\.com/\w+|https?://t\.co/\w+")
_BLOCK_QUOTE = re.compile(r"(?m)^[ \t]*>[^\n]*(?:\n[ \t]*>[^\n]*)*")
_PARA = re.compile(r"\n\s*\n")


def _paragraph_bounds(text: str, pos: int) -> tuple[int, int]:
    starts = [m.end() for m in _PARA.finditer(text, 0, pos)]
    start = starts[-1] if starts else 0
    m = _PARA.search(text, pos)
    return start, (m.start() if m else len(text))


def embedded_quotes(text: str) -> list[tuple[int, int]]:
    """Spans of pasted tweets (their text and signature) and block quotes (lines opened by
    '>'): another author's words in the article, so quoted voice."""
    out: list[tuple[int, int]] = []
    if "(@" in text:
        for m in _tweet_signature().finditer(text):
            p_start, _ = _paragraph_bounds(text, m.start())
            if not text[p_start : m.start()].strip() and p_start > 0:
                # the signature opens its paragraph: the tweet is the paragraph before it
                p_start, _ = _paragraph_bounds(text, max(0, p_start - 3))
            out.append((p_start, m.end()))
    if "twitter.com" in text or "t.co/" in text:
        for m in _PIC_LINK.finditer(text):
            out.append(_paragraph_bounds(text, m.start()))
    if ">" in text:
        out.extend((m.start(), m.end()) for m in _BLOCK_QUOTE.finditer(text))
    return out


def quoted_regions(text: str, quotes: list[Quote]) -> list[tuple[int, int]]:
    """Where the text is in a source's voice, as sorted, disjoint (start, end) spans: the inside
    of every quotation of speech length, short quotations a speaker is credited with, pasted
    tweets and block quotes."""
    spans = [(q.inner_start, q.inner_end) for q in quotes if not q.is_short or speech_introduced(text, q)]
    spans.extend(embedded_quotes(text))
    if not spans:
        return []
    spans.sort()
    merged = [spans[0]]
    for a, b in spans[1:]:
        if a <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(b, merged[-1][1]))
        else:
            merged.append((a, b))
    return merged
