"""Relay patterns: participles that take the sentence's subject ("X denied it, saying ..."),
"X quoted Y as saying" and "Y was quoted (by X) as saying"."""

from __future__ import annotations

from framing.sourcing.content import content_after
from framing.sourcing.model import Ctx, Extracted
from framing.sourcing.nounphrase import np_back, np_forward, strip_descriptor
from framing.sourcing.sourcetype import classify_source
from framing.sourcing.words import PRONOUNS


def participle(ctx: Ctx, a: Extracted, s_start: int) -> Extracted | None:
    """'X denied the report, saying ...': the source is the sentence's subject (filled later)."""
    a.extra["participle"] = True
    s_end = ctx.sents[ctx.sentence_of(a.cue[0])].end
    a.content, a.direct_quote = content_after(ctx, a.cue[1], s_end)
    toks = ctx.tokens(s_start, min(a.cue[0], s_start + 160))
    b = 0
    for j, t in enumerate(toks[:5]):
        if t[2] == ",":
            b = j + 1  # "Hours later, Trump ..., telling": skip the opener
            break
    end = np_forward(toks, b, ctx.lex) if len(toks) > b else None
    if end is None:
        a.extra["needs_speaker"] = True  # '"...," she said, adding ...': filled by extract
        return a
    src = (toks[b][0], toks[end][1])
    a.source = strip_descriptor(ctx.text, src)
    np = ctx.text[a.source[0]:a.source[1]]
    a.source_type = classify_source(np, "", ctx.lex)
    if np.lower() in PRONOUNS:
        a.pronoun = np.lower()
    if a.source_type == "unknown" and not a.pronoun:
        return None
    return a


def quoted_as_saying(
    ctx: Ctx, a: Extracted, right: list[tuple[int, int, str]], consumed: set[int]
) -> None:
    """'X quoted Y as saying ...': Y is cited by X."""
    end = np_forward(right, 0, ctx.lex)
    if end is None or end + 2 >= len(right):
        return
    if right[end + 1][2] != "as" or right[end + 2][2] not in ("saying", "telling"):
        return
    y = (right[0][0], right[end][1])
    say = right[end + 2]
    consumed.add(say[0])
    cited = Extracted(cue=(say[0], say[1]), cue_info=a.cue_info, source=y)
    cited.source_type = classify_source(ctx.text[y[0]:y[1]], ctx.text[y[1]:y[1] + 60], ctx.lex)
    a.cites = cited
    s_end = ctx.sents[ctx.sentence_of(a.cue[0])].end
    a.content, a.direct_quote = content_after(ctx, say[1], s_end)


def passive_quoted(
    ctx: Ctx,
    a: Extracted,
    left: list[tuple[int, int, str]],
    i: int,
    right: list[tuple[int, int, str]],
    consumed: set[int],
) -> Extracted | None:
    """'Y was quoted (by X) as saying': source Y (or X citing Y)."""
    j = i - 1
    if j < 0:
        return None
    k = np_back(left, j, ctx.lex)
    if k is None:
        return None
    y = (left[k][0], left[j][1])
    text = ctx.text
    r = 0
    by = None
    if right and right[0][2] == "by":
        end = np_forward(right, 1, ctx.lex)
        if end is not None:
            by = (right[1][0], right[end][1])
            r = end + 1
    if r + 1 >= len(right) or right[r][2] != "as" or right[r + 1][2] != "saying":
        return None
    consumed.add(right[r + 1][0])
    s_end = ctx.sents[ctx.sentence_of(a.cue[0])].end
    a.content, a.direct_quote = content_after(ctx, right[r + 1][1], s_end)
    y_type = classify_source(text[y[0]:y[1]], "", ctx.lex)
    if by is None:
        a.source, a.source_type = y, y_type
        return a
    a.source = by
    a.source_type = classify_source(text[by[0]:by[1]], "", ctx.lex)
    a.cites = Extracted(cue=a.cue, cue_info=a.cue_info, source=y, source_type=y_type)
    return a
