"""Claim status of each sentence: attributed, anonymous, hedged, unattributed or other.

Decision order (first rule that applies wins; docs/attribution.md):

1. ``other``: not a body sentence (headline, heading, caption), a question, or a fragment
   of fewer than three words: none of these asserts a fact.
2. ``attributed``: an attribution with a named source (person, organization, document,
   media, or a pronoun) covers the sentence: its cue is in the sentence, or its content
   (a quotation, possibly several sentences or a continued paragraph) overlaps it.
3. ``anonymous``: only anonymous sources cover it, or the covering source relays an
   anonymous one ("al-Mayadeen, citing an unnamed commander, reported").
4. ``vague``: only vague groups cover it ("critics say", "some experts believe", "many
   argue"): nobody in particular holds the claim, which is weaker than a hidden source.
5. ``hedged``: no source, but a hedge from lexicons/hedges.toml ("reportedly", "is
   believed to", "likely").
6. ``unattributed``: a factual assertion with no source and no hedge.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from typing import Any

from framing.sourcing.attribution import Extracted, extracted
from framing.sourcing.cues import SourcingLexicon, default_lexicon
from framing.sourcing.hedges import find_hedges
from framing.text import Document

STATUSES = ("attributed", "anonymous", "vague", "hedged", "unattributed", "other")
#: which covering status wins when several sources cover one sentence
_RANK = {"attributed": 3, "anonymous": 2, "vague": 1}
_QUESTION = re.compile(r"\?[\"'\u201d\u2019)\]]*$")


def _status_of(a: Extracted) -> str | None:
    if a.source is None:
        return None
    if a.source_type in ("anonymous", "vague"):
        return a.source_type
    if a.cites is not None and a.cites.source_type in ("anonymous", "vague"):
        return a.cites.source_type
    return "attributed"


def claims(doc: Document, lex: SourcingLexicon | None = None) -> list[dict[str, Any]]:
    """One entry per sentence: ``{sentence, start, end, status, hedges}`` (cached on doc)."""
    cache = doc.__dict__
    if lex is None and "_claims" in cache:
        return cache["_claims"]
    lex = lex or default_lexicon()
    text = doc.text
    sents = doc.sentences
    starts = [s.start for s in sents]
    cover: dict[int, str] = {}

    def mark(si: int, st: str) -> None:
        if _RANK[st] > _RANK.get(cover.get(si, ""), 0):  # named > anonymous > vague
            cover[si] = st

    for a in extracted(doc):
        st = _status_of(a)
        if st is None:
            continue
        if not a.continued and a.sentence >= 0:
            mark(a.sentence, st)
        pieces = ([a.content] if a.content is not None else []) + a.extra.get("content_more", [])
        for c0, c1 in pieces:
            lo = max(0, bisect_right(starts, c0) - 1)
            for si in range(lo, len(sents)):
                s = sents[si]
                if s.start >= c1:
                    break
                if s.end > c0 and _overlap(s.start, s.end, c0, c1) > 0.5:
                    mark(si, st)

    found_h = find_hedges(doc, lex)
    # a vague source is a weasel attribution: list it with the claim's hedges ("Some
    # researchers say ...", "supporters argue ...")
    seen = [(h["start"], h["end"]) for h in found_h]
    for a in extracted(doc):
        for src, typ in ((a.source, a.source_type),
                         (a.cites.source if a.cites else None, a.cites.source_type if a.cites else "")):
            if src is None or typ != "vague" or a.continued:
                continue
            if not any(s0 < src[1] and src[0] < s1 for s0, s1 in seen):  # "some" already listed
                seen.append(src)
                found_h.append({"text": text[src[0]:src[1]], "start": src[0], "end": src[1],
                                "kind": "weasel"})
    hedges: dict[int, list[dict[str, Any]]] = {}
    for h in sorted(found_h, key=lambda h: h["start"]):
        si = bisect_right(starts, h["start"]) - 1
        if si >= 0 and h["end"] <= sents[si].end:
            hedges.setdefault(si, []).append(h)

    out: list[dict[str, Any]] = []
    for si, s in enumerate(sents):
        sent = text[s.start:s.end]
        found = hedges.get(si, [])
        if s.kind != "body" or ("?" in sent and _QUESTION.search(sent)) or len(sent.split(None, 2)) < 3:
            status = "other"
        elif si in cover:
            status = cover[si]
        elif found:
            status = "hedged"
        else:
            status = "unattributed"
        out.append({"sentence": sent, "start": s.start, "end": s.end, "status": status,
                    "hedges": found})
    if lex is default_lexicon():
        cache["_claims"] = out
    return out


def _overlap(s0: int, s1: int, c0: int, c1: int) -> float:
    """Share of the sentence inside the content span."""
    inter = min(s1, c1) - max(s0, c0)
    return inter / max(1, s1 - s0)
