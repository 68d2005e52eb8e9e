"""Content spans: what the source is said to have said, next to the cue."""

from __future__ import annotations

import re

from framing.sourcing.model import Ctx
from framing.sourcing.words import THAT_AFTER, TRAILING


def content_after(ctx: Ctx, pos: int, s_end: int) -> tuple[tuple[int, int] | None, bool]:
    """Content following a cue (or source): a quotation next to it, else the clause."""
    text = ctx.text
    q = ctx.quote_starting_after(pos, min(s_end, pos + 40))
    if q is not None:
        between = text[pos:q.start]
        if _BETWEEN.fullmatch(between):
            s, e = _trim(text, q.inner_start, q.inner_end)
            m = THAT_AFTER.search(between)
            # PolNeAR's content keeps the complementiser: 'said that "..."' -> 'that "..."'
            return ((pos + m.start()) if m else s, e), True
    window = text[pos:min(s_end, pos + 120)]
    m = THAT_AFTER.search(window)
    if m and (TRAILING.match(window[:m.start()]) or len(window[:m.start()].split()) <= 2):
        # "said (on Tuesday / in a statement / to reporters) that ...": the content starts at
        # "that" (PolNeAR's convention); a "that" further on is a relative ("shirts that read")
        pos = pos + m.start()
    else:
        lead = _LEAD.match(text, pos, s_end)
        if lead:
            pos = lead.end()  # "talked about X", "said in a statement, X", "responded, saying X"
    while pos < s_end and text[pos] in " ,:\n\t":
        pos += 1
    end = s_end
    tail = _tail(text, pos, s_end)
    if tail:
        end = tail.start()  # ", leaving ...", ", a longstanding ...", " - all priorities of ..."
    while end > pos and text[end - 1] in ".!?;, \n\"'\u201d\u2019":
        end -= 1
    if end - pos < 3:
        return None, False
    return (pos, end), False


#: what may stand between a cue and the quotation that is its content
_BETWEEN = re.compile(r"[\s,:]*(?:that\s*)?|[\s,]*(?:in a statement|on \w+|to \w+)[\s,:]*")
#: words between a cue and its content that belong to neither ("about", "in a statement,")
_LEAD = re.compile(r"[\s,]*(?:(?:about|of|on|over)\s+|in an? (?:statement|interview|email|op-ed|post|"
                   r"letter|speech)[\s,]+|saying[\s,]+)", re.IGNORECASE)
#: where a clause content ends: a comma or dash before a participle, an apposition or a
#: relative clause that comments on the content instead of continuing it
_TAIL = re.compile(r"(?:,|\s[\u2014\u2013-])\s+(?:a|an|including|except|which|whose|\w+ing)\b")


def _tail(text: str, pos: int, s_end: int) -> re.Match[str] | None:
    """``_TAIL.search(text, pos, s_end)``, started where a match can first begin: at a comma,
    or at the space before a dash (str.find is far cheaper than the regex's scan of every
    character up to there)."""
    first = s_end
    for ch in ",-\u2014\u2013":
        i = text.find(ch, pos, first)
        if i >= 0:
            first = i
    if first == s_end:
        return None
    return _TAIL.search(text, max(pos, first - 1), s_end)


def content_before(ctx: Ctx, src_start: int, s_start: int) -> tuple[tuple[int, int] | None, bool]:
    q = ctx.quote_ending_before(src_start, s_start)
    if q is not None:
        return _trim(ctx.text, q.inner_start, q.inner_end), True
    text = ctx.text
    end = src_start
    while end > s_start and text[end - 1] in " ,;:\n\u2014-":
        end -= 1
    start = s_start
    if end - start < 3:
        return None, False
    return (start, end), False


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    """Drop the comma before a closing quote mark ('...,"' -> '...')."""
    while end > start and text[end - 1] in ", \n":
        end -= 1
    return start, end
