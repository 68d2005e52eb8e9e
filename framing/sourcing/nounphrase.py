"""Noun-phrase chunking over tokens: the source noun phrase before or after a cue.

Shallow, hand-written chunking (capitalised words, name connectors, a few modifiers up to a
determiner) instead of a parser, for speed and for text that lost its commas.
"""

from __future__ import annotations

import re

from framing.sourcing.cues import SourcingLexicon
from framing.sourcing.words import (
    ADJ_SUFFIX,
    CONNECTORS,
    DESCRIPTOR,
    DETS,
    FUNCTION,
    MODIFIERS,
    NAME_SUFFIX,
    NOT_HEAD,
    PLACE_CONNECTORS,
    PRONOUNS,
    QUANTITY,
    STOP_CAP,
    TITLE_ABBR,
    TOK,
)

#: connectors that tie a determiner's phrase to the name before it ("the Organisation for ...")
_OF_CONNECTORS = PLACE_CONNECTORS | {"of", "for"}


def is_name(t: str) -> bool:
    c = t[0]
    if c.isupper():
        return True
    tl = t.lower()
    return tl.startswith(("al-", "el-", "ad-", "as-", "ash-", "bin-", "ibn-")) and len(t) > 3


def _is_modifier(tl: str, lex: SourcingLexicon) -> bool:
    if tl in FUNCTION or tl in DETS or not tl[0].isalpha():
        return False
    if tl in lex.source_nouns or tl in MODIFIERS or tl in lex.anon_heads or tl in lex.vague_heads:
        return True
    return tl.endswith(ADJ_SUFFIX) and len(tl) > 4


def tokens(text: str, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), m.group()) for m in TOK.finditer(text, start, end)]


def np_back(toks: list[tuple[int, int, str]], i: int, lex: SourcingLexicon) -> int | None:
    """Index of the first token of the noun phrase ending at token ``i``, or None."""
    t = toks[i][2]
    tl = t.lower()
    if tl in PRONOUNS:
        return i
    if tl in QUANTITY or (tl == "%" and i > 0):
        # "52 percent said", "Several said", "all but two said": a share of people
        k = i - 1
        while k >= 0 and i - k < 6 and (toks[k][2][0].isdigit() or toks[k][2].lower() in
                                         ("about", "nearly", "almost", "some", "only", "just",
                                          "one", "in", "of", "the", "but", "all", "a", "%")):
            k -= 1
        return k + 1
    if t == "." and i > 0 and toks[i - 1][2].lower() in NAME_SUFFIX:
        i -= 1  # "Joseph R. Biden Jr. said": the suffix ends the name
        t, tl = toks[i][2], toks[i][2].lower()
        if i > 0 and toks[i - 1][2] == ",":
            i -= 1  # "Biden, Jr."
            if i == 0:
                return None
    head_ok = (
        (is_name(t) and (t not in STOP_CAP or (i > 0 and toks[i - 1][2].isupper()
                                              and len(toks[i - 1][2]) > 1)))  # "USA Today said"
        or tl in lex.source_nouns
        or tl in lex.anon_heads
        or tl in lex.vague_heads
        or tl in lex.anon_always
    )
    generic = False
    if not head_ok:
        # an unlisted common noun ("the admiral said", "his advisers say", "Social
        # conservatives say"): kept only if a determiner opens its phrase, or a plural
        # starts the sentence or clause
        if not (tl.isalpha() and len(tl) > 2 and t[0].islower()) or tl in FUNCTION \
                or tl in DETS or tl in NOT_HEAD:
            return None
        generic = True
    elif tl in FUNCTION or tl in DETS:
        return None
    start = i
    k = i - 1
    n_lower = 0
    while k >= 0 and i - k < 16:
        t = toks[k][2]
        tl = t.lower()
        if tl in DETS:
            if tl in ("one", "two", "three", "four", "five") and k > 0 and toks[k - 1][2] == "of":
                break
            start = k
            if k >= 2 and toks[k - 1][2] in _OF_CONNECTORS and (
                is_name(toks[k - 2][2]) or toks[k - 2][2].lower() in lex.source_nouns
            ):
                k -= 1  # "the Organisation for the Prohibition of ...", "a spokesman at the ..."
                continue
            break
        if t in PLACE_CONNECTORS and k > 0:
            prev = toks[k - 1][2]
            if (is_name(prev) and prev not in STOP_CAP) or prev.lower() in lex.source_nouns:
                start = k  # "A medical source in Aleppo said": the place belongs to the source
                k -= 1
                continue
            break
        if t[0].isdigit() and k >= 2 and toks[k - 1][2] == "." and toks[k - 2][2] in ("No", "Nos"):
            start = k - 2  # "The Senate's No. 2 Democrat"
            k -= 3
            continue
        if t == "." and k > 0 and toks[k - 1][2].lower() in TITLE_ABBR:
            start = k - 1
            k -= 2
            continue
        if is_name(t):
            if t in STOP_CAP:
                break
            start = k
            k -= 1
            continue
        if tl in CONNECTORS and k > 0:
            prev = toks[k - 1][2]
            if is_name(prev) or prev.lower() in lex.source_nouns:
                start = k
                k -= 1
                continue
            break
        if _is_modifier(tl, lex) and n_lower < 3:
            n_lower += 1
            start = k
            k -= 1
            continue
        break
    if generic:
        first = toks[start][2].lower()
        opened = first in DETS or (start > 0 and toks[start - 1][2].endswith(("'s", "\u2019s")))
        plural = toks[i][2].endswith("s") and not toks[i][2].endswith(("ss", "us", "is"))
        if not opened and not (plural and (start == 0 or toks[start - 1][2] in ",;:")):
            return None
        if not opened and start > 0 and toks[start - 1][2] not in ",;:":
            return None
    return start


def np_forward(toks: list[tuple[int, int, str]], i: int, lex: SourcingLexicon) -> int | None:
    """Index of the last token of the noun phrase starting at token ``i``, or None."""
    if i >= len(toks):
        return None
    t = toks[i][2]
    tl = t.lower()
    if tl in PRONOUNS and tl not in ("it", "you"):
        return i
    end = None
    k = i
    if tl in DETS:
        k += 1
    n = 0
    pending = 0
    while k < len(toks) and n < 10:
        t = toks[k][2]
        tl = t.lower()
        if (tl in lex.source_nouns or tl in lex.anon_heads or tl in lex.anon_always
                or tl in lex.vague_heads):
            end = k
            pending = 0
        elif is_name(t) and t not in STOP_CAP:
            end = k
        elif t == "." and end == k - 1 and toks[k - 1][2].lower() in TITLE_ABBR:
            end = k
        elif tl in CONNECTORS and end is not None and k + 1 < len(toks):
            nt = toks[k + 1][2]
            if not (is_name(nt) or nt.lower() in DETS or nt.lower() in lex.source_nouns):
                break
        elif tl in DETS and end is not None and k > 0 and toks[k - 1][2].lower() in CONNECTORS:
            pass
        elif (tl[0].isalpha() and tl not in FUNCTION and tl not in DETS and pending < 3
              and end is None):
            pending += 1  # "a new poll": adjectives before the head
        else:
            break
        k += 1
        n += 1
    return end


def strip_descriptor(text: str, src: tuple[int, int]) -> tuple[int, int]:
    """'Lebanon-based Arabic-language al-Mayadeen news network' -> 'al-Mayadeen news network'."""
    m = DESCRIPTOR.match(text, src[0], src[1])
    if m and m.end() < src[1]:
        return (m.end(), src[1])
    return src


def name_key(np: str) -> str:
    words = [w for w in TOK.findall(np) if is_name(w) and w not in STOP_CAP]
    if not words:
        return np.lower()
    key = re.sub(r"['\u2019]s$", "", words[-1]).lower()
    return re.sub(r"^(?:al|el|ad|as|ash|bin|ibn)-", "", key)


def named_key(np: str) -> str:
    """A key that merges mentions of one named source ("Othman al-Ghanmi", "Ghanmi")."""
    return name_key(DESCRIPTOR.sub("", np))
