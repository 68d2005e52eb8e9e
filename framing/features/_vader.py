"""vaderSentiment's scores for a text and for its sentences, from one tokenisation.

vaderSentiment (3.3.2) costs the sentiment family most of its time on long news: each
text is split, stripped and lower-cased word by word, every rule lower-cases the *whole*
word list again, ``_but_check`` is quadratic, and a text holding any emoji character
(on news nearly always "©") goes through a character-by-character rewrite. Scoring the
body and then each sentence repeats all of it.

Here the body is split once, in pieces at the sentence boundaries, so the body's words
are the sentences' words joined; lower-casing, stripping and the look-ups run over the
whole word list at once. Only words in VADER's lexicon get a valence, and most of those
get their lexicon value untouched: VADER's rules change a valence only when a *trigger*
(a negation, a booster, "no", "least", "so", "this", a word of an idiom) lies within the
three words before or two after it, or the word is in capitals. Such words' valences
are computed with VADER's rule for the body and again for a sentence when its edges or
capitals could change them. Emoji become their descriptions as in VADER's rewrite, found
with one regular expression instead of a Python loop over every character.

The rules are vaderSentiment's, unchanged (adapted from vaderSentiment 3.3.2, MIT licence,
C.J. Hutto); ``tests/features/test_sentiment.py`` checks the scores equal its own
``polarity_scores`` on whole texts and on sentences, with and without emoji and symbols.
"""

from __future__ import annotations

import functools
import math
import operator
import re
import string
from bisect import bisect_left
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import compress, repeat

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    normalize,
)

_PUNCT = string.punctuation
_NEGATE = frozenset(NEGATE)
_ZERO = {"neg": 0.0, "neu": 0.0, "pos": 0.0, "compound": 0.0}
_amplify_ep = SentimentIntensityAnalyzer._amplify_ep
_amplify_qm = SentimentIntensityAnalyzer._amplify_qm
_SCORED, _TRIGGER, _BUT = 1, 2, 4  # word codes


@dataclass(frozen=True)
class _Resources:
    lexicon: dict[str, float]
    codes: dict[str, int]  # lower-cased word -> _SCORED | _TRIGGER | _BUT bits
    emoji: dict[int, str]  # character -> " " + description
    maybe_emoji: re.Pattern[str]
    emoji_chars: frozenset[str]


def _triggers() -> set[str]:
    """Every word whose presence near a lexicon word can make VADER's rule change its value.

    From ``sentiment_valence`` and its checks: "kind of" and "no" (the word itself),
    "no"/"or"/"nor", capitals (handled apart), boosters, negations ("n't" words apart),
    "never/so/this" and "without/doubt", "least", and the special-case and booster
    n-grams. An n-gram matches only if all its words do, so one word of each suffices.
    """
    out = set(_NEGATE) | {"no", "kind", "so", "this", "least", "never", "without"}
    out |= {k for k in BOOSTER_DICT if " " not in k}
    for key in [*SPECIAL_CASES, *BOOSTER_DICT]:
        if " " in key:  # (one-word special cases never match: the checks join 2-3 words)
            out.add(max(key.split(), key=len))
    return out


@functools.cache
def _resources() -> _Resources:
    sia = SentimentIntensityAnalyzer()
    lexicon = sia.lexicon
    codes: dict[str, int] = {}
    for w in lexicon:
        if w not in BOOSTER_DICT:  # boosters score 0 whatever the lexicon says
            codes[w] = _SCORED
    for w in _triggers():
        codes[w] = codes.get(w, 0) | _TRIGGER
    codes["but"] = codes.get("but", 0) | _BUT
    # VADER rewrites character by character, so only one-character emoji keys ever match
    emoji = {ord(k): " " + v for k, v in sia.emojis.items() if len(k) == 1}
    # a quick pre-filter: the BMP keys as a class (re makes it a bitmap) plus the range of
    # the others (1,043 astral characters in a class are tried one by one: ~20 ms/article)
    bmp = "".join(re.escape(chr(c)) for c in sorted(emoji) if c < 0x10000)
    astral = [c for c in emoji if c >= 0x10000]
    span = f"{re.escape(chr(min(astral)))}-{re.escape(chr(max(astral)))}" if astral else ""
    return _Resources(
        lexicon, codes, emoji, re.compile(f"[{bmp}{span}]"), frozenset(map(chr, emoji))
    )


def has_emoji(text: str) -> bool:
    """True if VADER would rewrite an emoji or symbol (©, ®, ™) in ``text``."""
    if text.isascii():  # (every key is above U+00A8)
        return False
    res = _resources()
    return res.maybe_emoji.search(text) is not None and not res.emoji_chars.isdisjoint(text)


def rewrite_emoji(text: str) -> str:
    """Each emoji character replaced by " " + its description: VADER's words, and its "!"
    and "?" counts, for the text (VADER adds the space only after a non-space; words are
    the same). Only the characters found are replaced (``str.translate`` with a 1,212-entry
    table costs about 1 us a character on non-ASCII text)."""
    emoji = _resources().emoji
    return _resources().maybe_emoji.sub(lambda m: emoji.get(ord(m[0]), m[0]), text)


def _negated(lw: str) -> bool:
    """vaderSentiment's ``negated([w])`` for one lower-cased word."""
    return lw in _NEGATE or "n't" in lw


class Words:
    """The words of one text as VADER splits them, and what its rules read about them.

    ``lows``: the lower-cased words. Sorted positions: ``hits`` (words the rule scores),
    ``triggers`` (see ``_triggers``; "n't" words too), ``uppers`` (ALL CAPS), ``buts``.
    """

    __slots__ = ("lows", "hits", "triggers", "uppers", "buts", "lexicon")

    def __init__(self, raw: list[str], text: str) -> None:
        """``raw``: the whitespace tokens of ``text`` (after the emoji rewrite)."""
        res = _resources()
        self.lexicon = res.lexicon
        # SentiText._strip_punc_if_word, then lower-cased
        lows = self.lows = [(t if len(st := t.strip(_PUNCT)) <= 2 else st).lower() for t in raw]
        n = range(len(lows))
        codes = list(map(res.codes.get, lows))
        hits: list[int] = []
        triggers: list[int] = []
        buts: list[int] = []
        for i in compress(n, codes):  # the few words with a code
            c = codes[i]
            if c & _SCORED:
                hits.append(i)
            if c & _TRIGGER:
                triggers.append(i)
            if c & _BUT:
                buts.append(i)
        if any(map(text.__contains__, ("n't", "N'T", "N't", "n'T"))):  # negation by contraction
            nt = compress(n, map(operator.contains, lows, repeat("n't")))
            triggers = sorted({*triggers, *nt})
        self.hits, self.triggers, self.buts = hits, triggers, buts
        # punctuation is uncased, so a token is ALL CAPS exactly when VADER's word is
        self.uppers = list(compress(n, map(str.isupper, raw)))

    def n_upper(self, lo: int, hi: int) -> int:
        return bisect_left(self.uppers, hi) - bisect_left(self.uppers, lo)

    def cap_diff(self, lo: int, hi: int) -> bool:
        """VADER's ``allcap_differential`` of the words lo..hi-1."""
        return 0 < self.n_upper(lo, hi) < hi - lo

    def context_free(self, i: int) -> bool:
        """True when word i keeps its lexicon value in any text holding it: no trigger
        among words i-3..i+2 and not in capitals."""
        t = self.triggers
        return bisect_left(t, i + 3) == bisect_left(t, i - 3) and not self.n_upper(i, i + 1)

    def valence(self, i: int, lo: int, hi: int, cap: bool) -> float:
        """vaderSentiment's ``sentiment_valence`` for word i of the text made of words lo..hi-1."""
        lows, lexicon = self.lows, self.lexicon
        low = lows[i]
        if low == "kind" and i < hi - 1 and lows[i + 1] == "of":
            return 0
        valence = lexicon[low]
        if low == "no" and i != hi - 1 and lows[i + 1] in lexicon:
            valence = 0.0
        if (
            (i > lo and lows[i - 1] == "no")
            or (i > lo + 1 and lows[i - 2] == "no")
            or (i > lo + 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor"))
        ):
            valence = lexicon[low] * N_SCALAR
        if cap and self.n_upper(i, i + 1):  # the word itself is ALL CAPS
            valence = valence + C_INCR if valence > 0 else valence - C_INCR
        for start_i in range(3):
            j = i - start_i - 1
            if j >= lo and lows[j] not in lexicon:
                s = 0.0  # scalar_inc_dec
                if lows[j] in BOOSTER_DICT:
                    s = BOOSTER_DICT[lows[j]]
                    if valence < 0:
                        s *= -1
                    if cap and self.n_upper(j, j + 1):
                        s = s + C_INCR if valence > 0 else s - C_INCR
                if start_i == 1 and s != 0:
                    s = s * 0.95
                if start_i == 2 and s != 0:
                    s = s * 0.9
                valence = valence + s
                valence = self._negation_check(valence, start_i, i)
                if start_i == 2:
                    valence = self._special_idioms_check(valence, i, hi)
        # _least_check
        if i > lo + 1 and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            if lows[i - 2] != "at" and lows[i - 2] != "very":
                valence = valence * N_SCALAR
        elif i > lo and lows[i - 1] not in lexicon and lows[i - 1] == "least":
            valence = valence * N_SCALAR
        return valence

    def _negation_check(self, valence: float, start_i: int, i: int) -> float:
        # reads words i-3..i-1 only, all inside the text when called
        lows = self.lows
        w1 = lows[i - 1]
        if start_i == 0:
            if _negated(w1):
                valence = valence * N_SCALAR
        elif start_i == 1:
            w2 = lows[i - 2]
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif _negated(w2):
                valence = valence * N_SCALAR
        else:
            w2, w3 = lows[i - 2], lows[i - 3]
            if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif _negated(w3):
                valence = valence * N_SCALAR
        return valence

    def _special_idioms_check(self, valence: float, i: int, hi: int) -> float:
        # reads words i-3..i+2 (called only with i-3 inside the text)
        lows = self.lows
        l3, l2, l1, l0 = lows[i - 3], lows[i - 2], lows[i - 1], lows[i]
        threetwoone, threetwo, twoone = f"{l3} {l2} {l1}", f"{l3} {l2}", f"{l2} {l1}"
        for seq in (f"{l1} {l0}", f"{l2} {l1} {l0}", twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if hi - 1 > i:
            zeroone = f"{l0} {lows[i + 1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if hi - 1 > i + 1:
            zeroonetwo = f"{l0} {lows[i + 1]} {lows[i + 2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence

    def first_but(self, lo: int, hi: int) -> int | None:
        k = bisect_left(self.buts, lo)
        return self.buts[k] if k < len(self.buts) and self.buts[k] < hi else None


def but_check(pos: list[int], vals: list[float], bi: int) -> list[float]:
    """vaderSentiment's ``_but_check`` (quirks included) on the non-zero scores alone.

    VADER scales each score before the first "but" by 0.5 and after it by 1.5, finding
    each with ``list.index`` (so equal scores hit the first occurrence). Zeros stay zero
    whichever zero is hit, so replaying the loop on the non-zero scores, with their
    positions, gives the same values, in O(nonzero^2) instead of O(n^2).
    """
    vals = list(vals)
    for k in range(len(vals)):  # the original iterates the list it mutates: same order
        v = vals[k]
        si = vals.index(v)
        if pos[si] < bi:
            vals[si] = v * 0.5
        elif pos[si] > bi:
            vals[si] = v * 1.5
    return vals


def _punct(text: str) -> float:
    return _amplify_ep(text) + _amplify_qm(text)


def score(vals: list[float], n: int, text: str) -> dict[str, float]:
    """vaderSentiment's ``score_valence`` from the non-zero valences of a text of n words."""
    if not n:
        return dict(_ZERO)
    sum_s = float(sum(vals))  # zeros add nothing to the sum
    punct = _punct(text)
    if sum_s > 0:
        sum_s += punct
    elif sum_s < 0:
        sum_s -= punct
    compound = normalize(sum_s)
    pos_sum = neg_sum = 0.0
    nonzero = 0
    for v in vals:  # _sift_sentiment_scores, zeros counted as neutral below
        if v > 0:
            pos_sum += float(v) + 1
            nonzero += 1
        elif v < 0:
            neg_sum += float(v) - 1
            nonzero += 1
    neu_count = n - nonzero
    if pos_sum > math.fabs(neg_sum):
        pos_sum += punct
    elif pos_sum < math.fabs(neg_sum):
        neg_sum -= punct
    total = pos_sum + math.fabs(neg_sum) + neu_count
    return {
        "neg": round(math.fabs(neg_sum / total), 3),
        "neu": round(math.fabs(neu_count / total), 3),
        "pos": round(math.fabs(pos_sum / total), 3),
        "compound": round(compound, 4),
    }


def compound(vals: list[float], text: str) -> float:
    """The ``compound`` of ``score(vals, n, text)`` alone (what a sentence needs)."""
    sum_s = float(sum(vals))
    if sum_s > 0:
        sum_s += _punct(text)
    elif sum_s < 0:
        sum_s -= _punct(text)
    return round(normalize(sum_s), 4)


class _Body:
    """Each scored word's valence in the whole text, and what a sentence may reuse."""

    def __init__(self, w: Words) -> None:
        n = len(w.lows)
        self.w, self.n, self.cap = w, n, w.cap_diff(0, n)
        lexicon, lows = w.lexicon, w.lows
        self.free = {i for i in w.hits if w.context_free(i)}
        self.val = {
            i: lexicon[lows[i]] if i in self.free else w.valence(i, 0, n, self.cap) for i in w.hits
        }

    def valences(self, hits: list[int], lo: int, hi: int) -> list[float]:
        """The non-zero valences, after the "but" rule, of the text of words lo..hi-1
        (``hits``: its scored words). A body valence is reused when the word is context-free,
        or the rule's window (i-3..i+2) lies inside and capitals cannot change it."""
        w, val, free = self.w, self.val, self.free
        cap = w.cap_diff(lo, hi)
        whole = lo == 0 and hi == self.n
        pos: list[int] = []
        vals: list[float] = []
        for i in hits:
            if whole or i in free or (
                lo <= i - 3 and i + 2 < hi and (cap == self.cap or not w.n_upper(i - 3, i + 1))
            ):
                v = val[i]
            else:
                v = w.valence(i, lo, hi, cap)
            if v != 0:
                pos.append(i)
                vals.append(v)
        bi = w.first_but(lo, hi)
        if bi is not None and vals:
            vals = but_check(pos, vals, bi)
        return vals


def _cuts_word(text: str, p: int) -> bool:
    return 0 < p < len(text) and not text[p - 1].isspace() and not text[p].isspace()


def _aligned(text: str, spans: Sequence[tuple[int, int]]) -> bool:
    """Sorted, non-overlapping spans, none of whose edges falls inside a word."""
    prev = 0
    for a, b in spans:
        if a < prev or b < a or _cuts_word(text, a) or _cuts_word(text, b):
            return False
        prev = b
    return True


def polarity_scores(text: str) -> dict[str, float]:
    """``SentimentIntensityAnalyzer().polarity_scores(text)``, computed the fast way."""
    if has_emoji(text):
        text = rewrite_emoji(text)
    raw = text.split()
    body = _Body(Words(raw, text))
    return score(body.valences(body.w.hits, 0, len(raw)), len(raw), text)


def document_scores(
    text: str, spans: Sequence[tuple[int, int]]
) -> tuple[dict[str, float], list[float]]:
    """(VADER's scores of ``text``, the compound of each ``text[a:b]``), as if VADER had
    been run on the whole text and on every span, from one split of the text."""
    if not _aligned(text, spans):  # (segmenters here never cut a word; be exact if one does)
        return polarity_scores(text), [polarity_scores(text[a:b])["compound"] for a, b in spans]
    emoji = has_emoji(text)
    raw: list[str] = []
    bounds: list[tuple[int, int, str]] = []
    prev = 0
    # the text in pieces: gap, sentence, gap, ..., tail; no span edge cuts a word, so the
    # text's words are the pieces' words in order
    for a, b in [*spans, (len(text), len(text))]:
        gap, piece = text[prev:a], text[a:b]
        if emoji:  # emoji become words, piece by piece (spans index the original text)
            gap, piece = rewrite_emoji(gap), rewrite_emoji(piece)
        raw += gap.split()
        k = len(raw)
        raw += piece.split()
        bounds.append((k, len(raw), piece))
        prev = b
    bounds.pop()  # the sentinel
    whole_text = rewrite_emoji(text) if emoji else text
    body = _Body(Words(raw, whole_text))
    hits = body.w.hits
    whole = score(body.valences(hits, 0, len(raw)), len(raw), whole_text)
    comps: list[float] = []
    h = 0
    for lo, hi, piece in bounds:  # sentences are in order: walk the hits once
        h = bisect_left(hits, lo, h)
        e = bisect_left(hits, hi, h)
        comps.append(compound(body.valences(hits[h:e], lo, hi), piece) if e > h else 0.0)
        h = e
    return whole, comps
