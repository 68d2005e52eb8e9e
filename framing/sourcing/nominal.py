"""Nominal cues: a noun that reports what its possessor said, thinks or backs.

"his claim that the vote was rigged", "Mr. Trump's decision to seize on immigration", "her
opposition to the deal": PolNeAR annotates these as attributions with the possessor as the
source. Only a possessor (a possessive pronoun or a name with 's) followed by the noun and
a complement ("that ...", "to ...", "of/for/on/against ...") counts, so that "the claim" and
"his decision" with nothing said are left out.
"""

from __future__ import annotations

import re

from framing.sourcing.content import content_after
from framing.sourcing.cues import Cue
from framing.sourcing.model import Ctx, Extracted
from framing.sourcing.nounphrase import np_back
from framing.sourcing.sourcetype import classify_source

NOMINAL_CUE = Cue("nominal", "neutral", "nominal", "before", "")
_POSSESSIVE = frozenset("his her their its our my".split())
#: words that open the complement of a cue noun
_COMPLEMENT = frozenset("that to of for on about against over with".split())
_WORD = re.compile(r"[\w'\u2019.-]+")
#: adjectives allowed between possessor and noun ("his repeated claims", "her early support")
_MAX_ADJ = 2


def one_noun(ctx: Ctx, ns: int, ne: int, s_start: int, s_end: int) -> Extracted | None:
    """The attribution a cue noun at ``text[ns:ne]`` reports, or None."""
    text = ctx.text
    after = _WORD.match(text, ne + 1) if ne < len(text) and text[ne] == " " else None
    if after is None or after.group().lower() not in _COMPLEMENT:
        return None
    left = ctx.tokens(max(s_start, ns - 120), ns)
    k = len(left) - 1
    adj = 0
    while k >= 0 and adj < _MAX_ADJ and left[k][2].islower() and left[k][2] not in _POSSESSIVE \
            and left[k][2].isalpha():
        k -= 1
        adj += 1
    if k < 0:
        return None
    tok = left[k][2]
    if tok.lower() in _POSSESSIVE:
        src = (left[k][0], left[k][1])
        typ = "person" if tok.lower() in ("his", "her", "my") else "unknown"
    elif tok.endswith(("'s", "\u2019s")):
        bare = left[:k] + [(left[k][0], left[k][1] - 2, tok[:-2])]  # "mayor's" -> "mayor"
        start = np_back(bare, k, ctx.lex)
        if start is None:
            return None
        src = (left[start][0], left[k][1])
        typ = classify_source(text[src[0]:src[1] - 2], "", ctx.lex)
    else:
        return None
    a = Extracted(cue=(ns, ne), cue_info=NOMINAL_CUE, source=src, source_type=typ)
    if tok.lower() in ("his", "her"):
        a.pronoun = tok.lower().replace("his", "he").replace("her", "she")
    comp = after.start()
    if after.group().lower() != "that":
        comp = after.end()  # "his criticism of X": the content is X
    a.content, a.direct_quote = content_after(ctx, comp, s_end)
    if after.group().lower() == "that" and a.content is not None:
        a.content = (after.start(), a.content[1])
    return a
