"""Token features for the learned attribution tagger (framing/sourcing/tagger.py).

The tagger reads a sentence as tokens and gives each one a role tag (B-/I- source, cue,
content, or O), the way PolNeAR's annotations are a tag sequence. Its features are the
words around a token, their shape and suffix, the lexicon's view of them (cue forms by
kind, source nouns, anonymous and vague heads) and, above all, what the rule-based
extractor found there: the model learns where the rules are right and where the long tail
of cues and PolNeAR's span conventions lie beyond them.

Hand-written (not sklearn's DictVectorizer) because the features are strings read straight
into a weight lookup at prediction time, with no sparse-matrix round trip per sentence.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

from framing.sourcing.cues import SourcingLexicon
from framing.sourcing.model import Extracted
from framing.sourcing.words import QUOTE_CHARS, TOK
from framing.text import Document

_WORDS = re.compile(r"[a-z]+")
ROLES = ("S", "C", "T")  # source, cue, content (T: the "text" that was said)
TAGS = ("O", "B-S", "I-S", "B-C", "I-C", "B-T", "I-T")


@dataclass(frozen=True, slots=True)
class Unit:
    """One sentence to tag: its tokens (start, end, text) and the sentence index."""

    sentence: int
    toks: list[tuple[int, int, str]]


def _shape(t: str) -> str:
    c = t[0]
    if c.isupper():
        return "X" if len(t) == 1 or t.isupper() else "Xx"
    if c.islower():
        return "x"
    if c.isdigit():
        return "d"
    return t if t in ",.;:!?()-\u2014\u2013" or t in QUOTE_CHARS or t in "'\u2018\u2019" else "p"


def rule_roles(text: str, atts: list[Extracted]) -> tuple[list[int], list[int], list[str]]:
    """The rule extractor's output as sorted (start, end, role) intervals, for lookups."""
    spans: list[tuple[int, int, str]] = []
    for a in atts:
        kind = a.cue_info.kind
        if not a.continued:
            spans.append((a.cue[0], a.cue[1], "C" + kind[:2]))
            if a.source is not None:
                spans.append((a.source[0], a.source[1], "S"))
        for c in ([a.content] if a.content else []) + list(a.extra.get("content_more", [])):
            spans.append((c[0], c[1], "T"))
        if a.cites is not None and a.cites.source is not None:
            spans.append((a.cites.source[0], a.cites.source[1], "S"))
    spans.sort()
    return [s for s, _, _ in spans], [e for _, e, _ in spans], [r for _, _, r in spans]


def units(doc: Document, rule: tuple[list[int], list[int], list[str]],
          lex: SourcingLexicon, gate: frozenset[str] = frozenset()) -> list[Unit]:
    """The sentences worth tagging: those where the rules found a role, that hold a quotation
    mark, or that hold a word the lexicons list as a cue (or, ``gate``, one that was part of
    a cue in the training data). Other sentences carry almost no
    attribution (checked on PolNeAR's dev part) and are left untagged, for speed."""
    text = doc.text
    starts = rule[0]
    out = []
    for si, s in enumerate(doc.sentences):
        if s.kind not in ("body", "headline"):
            continue
        k = bisect_right(starts, s.end) - 1
        hit = k >= 0 and rule[1][k] > s.start
        seg = text[s.start:s.end]
        if not hit and not any(q in seg for q in QUOTE_CHARS):
            cw = lex.cue_words
            if not any(w in cw or w in gate for w in _WORDS.findall(seg.lower())):
                continue
        out.append(Unit(si, [(m.start(), m.end(), m.group()) for m in TOK.finditer(text, s.start, s.end)]))
    return out


def _rule_at(rule: tuple[list[int], list[int], list[str]], pos: int) -> str:
    k = bisect_right(rule[0], pos) - 1
    while k >= 0:
        if rule[0][k] <= pos < rule[1][k]:
            return rule[2][k]
        if rule[1][k] <= pos and k > 0 and rule[0][k - 1] < rule[0][k] - 400:
            break
        k -= 1
    return "O"


def _rule_label(rule: tuple[list[int], list[int], list[str]], toks: list[tuple[int, int, str]]
                ) -> list[str]:
    """Per token: the rule role (S, C<kind>, T) with B/I, or O."""
    out = []
    prev = "O"
    for s, _, _ in toks:
        r = _rule_at(rule, s)
        out.append("O" if r == "O" else ("I" if r == prev else "B") + r)
        prev = r
    return out


def sentence_features(doc: Document, unit: Unit, rule: tuple[list[int], list[int], list[str]],
                      lex: SourcingLexicon, in_quote: list[bool]) -> list[list[str]]:
    """One list of feature strings per token of ``unit``."""
    toks = unit.toks
    n = len(toks)
    words = [t[2] for t in toks]
    low = [w.lower() for w in words]
    shapes = [_shape(w) for w in words]
    rl = _rule_label(rule, toks)
    cue_at = [-1] * n
    last = -10**6
    for i in range(n):  # distance to the nearest rule cue, before and after
        if rl[i][1:2] == "C":
            last = i
        cue_at[i] = i - last
    nxt_cue = [10**6] * n
    last = 10**6
    for i in range(n - 1, -1, -1):
        if rl[i][1:2] == "C":
            last = i
        nxt_cue[i] = last - i
    cue_words, src_nouns = lex.cue_words, lex.source_nouns
    # sentence-level context: does it open inside a quotation (a quotation running on from the
    # sentence before), does it open with a quote mark, did the rules find a cue in it
    ctx = ["q0=" + ("1" if in_quote[0] else "0") + ("o" if words[0] in QUOTE_CHARS else ""),
           "hasc=" + ("1" if any(r[1:2] == "C" for r in rl) else "0")]
    feats = []
    for i in range(n):
        w = low[i]
        f = [
            "b",
            "w=" + w,
            "s=" + shapes[i],
            "x3=" + w[-3:],
            "r=" + rl[i],
            "r-1=" + (rl[i - 1] if i > 0 else "<"),
            "r+1=" + (rl[i + 1] if i + 1 < n else ">"),
            "w-1=" + (low[i - 1] if i > 0 else "<"),
            "w+1=" + (low[i + 1] if i + 1 < n else ">"),
            "w-2=" + (low[i - 2] if i > 1 else "<"),
            "w+2=" + (low[i + 2] if i + 2 < n else ">"),
            "s-1s=" + (shapes[i - 1] if i > 0 else "<") + shapes[i],
            "ss+1=" + shapes[i] + (shapes[i + 1] if i + 1 < n else ">"),
            "q=" + ("1" if in_quote[i] else "0"),
            "pc=" + _bucket(cue_at[i]),
            "nc=" + _bucket(nxt_cue[i]),
        ]
        f += ctx
        f += _context_features(i, n, low, shapes, rl, in_quote, cue_words)
        if i == 0:
            f.append("first")
        elif i == n - 1:
            f.append("last")
        f.append("x2=" + w[-2:])
        if w in cue_words:
            f.append("cw=" + cue_words[w])
        t = src_nouns.get(w)
        if t is not None:
            f.append("sn=" + t)
        if w in lex.vague_heads:
            f.append("vague")
        if w in lex.anon_heads or w in lex.anon_always:
            f.append("anon")
        if i + 1 < n:
            f.append("bg+=" + w + "|" + low[i + 1])
        if i > 0:
            f.append("bg-=" + low[i - 1] + "|" + w)
        feats.append(f)
    return feats


def _context_features(i: int, n: int, low: list[str], shapes: list[str], rl: list[str],
                      in_quote: list[bool], cue_words: dict[str, str]) -> list[str]:
    """A wider window: words and rule roles three and two away, the cue kind of the
    neighbouring words (a source ends right before a cue word, a content starts right after),
    where the token sits in the sentence, where a quotation opens or closes, and whether the
    token is inside a run of capitalised words (a name: "Sen. Mitch McConnell")."""
    f = [
        "w-3=" + (low[i - 3] if i > 2 else "<"),
        "w+3=" + (low[i + 3] if i + 3 < n else ">"),
        "r-2=" + (rl[i - 2] if i > 1 else "<"),
        "r+2=" + (rl[i + 2] if i + 2 < n else ">"),
        "cw-1=" + (cue_words.get(low[i - 1], "-") if i > 0 else "<"),
        "cw+1=" + (cue_words.get(low[i + 1], "-") if i + 1 < n else ">"),
        "pos=" + _bucket(i),
        "end=" + _bucket(n - 1 - i),
        "qq=" + ("1" if i > 0 and in_quote[i - 1] else "0") + ("1" if in_quote[i] else "0")
        + ("1" if i + 1 < n and in_quote[i + 1] else "0"),
    ]
    if shapes[i][0] == "X" and ((i > 0 and shapes[i - 1][0] == "X") or (i + 1 < n and shapes[i + 1][0] == "X")):
        f.append("capsrun")
    return f


def _bucket(d: int) -> str:
    if d > 100000:
        return "none"
    if d <= 3:
        return str(d)
    return "near" if d <= 8 else "far"


def quote_mask(doc: Document, toks: list[tuple[int, int, str]]) -> list[bool]:
    """Per token: inside a quotation (any length, so scare quotes count too)."""
    qs = doc.quotes
    starts = [q.inner_start for q in qs]
    out = []
    for s, _, _ in toks:
        k = bisect_right(starts, s) - 1
        out.append(k >= 0 and s < qs[k].inner_end)
    return out
