"""Sentiment (VADER): the article, its sentences, and the actors it names.

Three levels, because an article's overall tone hides whom it is negative about:
the document compound (VADER on the whole body), statistics of the per-sentence
compounds, and **actor-level sentiment**: for each referent group of the lexicon, the
mean compound of the sentences that mention it in the narrator's voice (the outlet's
own words, not a quoted source's).
"""

from __future__ import annotations

import functools
import math
import string
from bisect import bisect_right
from collections.abc import Sequence
from pathlib import Path
from typing import Any, ClassVar

from vaderSentiment.vaderSentiment import (
    BOOSTER_DICT,
    C_INCR,
    N_SCALAR,
    NEGATE,
    SPECIAL_CASES,
    SentimentIntensityAnalyzer,
    SentiText,
    allcap_differential,
    scalar_inc_dec,
)

from framing.features.base import Evidence, Family, FamilyResult
from framing.text import Document

#: VADER's conventional thresholds (its README): compound <= -0.05 negative, >= 0.05 positive.
NEG_THRESHOLD = -0.05
POS_THRESHOLD = 0.05
#: Sentences at least this strongly scored are listed as evidence spans.
EVIDENCE_THRESHOLD = 0.5
_NEGATE = frozenset(NEGATE)
_PUNCT = string.punctuation


def _but_check(lows: list[str], sentiments: list[float]) -> list[float]:
    """vaderSentiment's ``_but_check`` (quirks included) in O(nonzero^2) instead of O(n^2).

    VADER scales each score before the first "but" by 0.5 and after it by 1.5, locating
    each score with ``list.index`` (so equal scores hit the first occurrence). Zeros stay
    zero whichever zero is hit, so replaying the loop on the non-zero scores alone, with
    their original positions, gives the same list.
    """
    bi = lows.index("but")
    pos = [k for k, v in enumerate(sentiments) if v != 0]
    vals = [sentiments[k] for k in pos]
    for k in range(len(vals)):  # the original iterates the list it mutates: same order
        v = vals[k]
        si = vals.index(v)
        if pos[si] < bi:
            vals[si] = v * 0.5
        elif pos[si] > bi:
            vals[si] = v * 1.5
    out = list(sentiments)
    for k, v in zip(pos, vals, strict=True):
        out[k] = v
    return out


def _negated(lw: str) -> bool:
    """vaderSentiment's ``negated([w])`` for one lower-cased word, without copying NEGATE."""
    return lw in _NEGATE or "n't" in lw


class FastVader(SentimentIntensityAnalyzer):
    """VADER with identical scores, about 10x faster on news articles.

    vaderSentiment lower-cases the *whole* word list inside ``_negation_check``,
    ``_special_idioms_check`` and ``_but_check`` for every sentiment word (and
    ``_but_check`` is quadratic), so a 300-word article costs ~100k ``str.lower`` calls.
    Here each word is lower-cased once, the checks read only the words they need
    (i-3..i+2), the emoji rewrite is skipped when the text holds no emoji, and words
    outside VADER's lexicon skip the per-word rule (it would only append 0). The rules
    themselves are unchanged: ``tests/features/test_sentiment.py`` checks the scores
    equal vaderSentiment's own on FA-KES articles, their sentences and edge cases.
    Code adapted from vaderSentiment 3.3.2 (MIT licence, C.J. Hutto).
    """

    def __init__(self) -> None:
        super().__init__()
        self._emoji_chars = frozenset(k for k in self.emojis if len(k) == 1)

    def polarity_scores(self, text: str) -> dict[str, float]:
        if self._emoji_chars.isdisjoint(text):
            # the emoji loop would copy the text unchanged; only its final strip() matters
            return self._scores_no_emoji(text.strip())
        return super().polarity_scores(text)

    def _scores_no_emoji(self, text: str) -> dict[str, float]:
        # SentimentIntensityAnalyzer.polarity_scores after the emoji step, with each word
        # lower-cased once; SentiText is filled in directly (same words, same caps flag).
        sentitext = SentiText.__new__(SentiText)
        sentitext.text = text
        # SentiText._strip_punc_if_word inlined: strip punctuation unless <= 2 chars remain
        words = [t if len(st := t.strip(_PUNCT)) <= 2 else st for t in text.split()]
        sentitext.words_and_emoticons = words
        sentitext.is_cap_diff = allcap_differential(words)
        lows = [w.lower() for w in words]
        sentitext.lows = lows  # read by sentiment_valence below
        lexicon = self.lexicon
        last = len(words) - 1
        sentiments: list[float] = []
        for i, low in enumerate(lows):
            # boosters, "kind of", and words outside VADER's lexicon all score 0
            if low in BOOSTER_DICT or low not in lexicon or (
                i < last and low == "kind" and lows[i + 1] == "of"
            ):
                sentiments.append(0)
                continue
            sentiments = self.sentiment_valence(0, sentitext, words[i], i, sentiments)
        if "but" in lows:  # _but_check changes nothing otherwise
            sentiments = _but_check(lows, sentiments)
        return self.score_valence(sentiments, text)

    def sentiment_valence(
        self, valence: float, sentitext: Any, item: str, i: int, sentiments: list[float]
    ) -> list[float]:
        # vaderSentiment's rule for one lexicon word, reading precomputed lower-case words
        is_cap_diff = sentitext.is_cap_diff
        words = sentitext.words_and_emoticons
        lows = getattr(sentitext, "lows", None) or [w.lower() for w in words]
        lexicon = self.lexicon
        low = lows[i]
        if low in lexicon:
            valence = lexicon[low]
            if low == "no" and i != len(words) - 1 and lows[i + 1] in lexicon:
                valence = 0.0
            if (
                (i > 0 and lows[i - 1] == "no")
                or (i > 1 and lows[i - 2] == "no")
                or (i > 2 and lows[i - 3] == "no" and lows[i - 1] in ("or", "nor"))
            ):
                valence = lexicon[low] * N_SCALAR
            if item.isupper() and is_cap_diff:
                if valence > 0:
                    valence += C_INCR
                else:
                    valence -= C_INCR
            for start_i in range(0, 3):
                j = i - (start_i + 1)
                if i > start_i and lows[j] not in lexicon:
                    sc = scalar_inc_dec(words[j], valence, is_cap_diff)
                    if start_i == 1 and sc != 0:
                        sc = sc * 0.95
                    if start_i == 2 and sc != 0:
                        sc = sc * 0.9
                    valence = valence + sc
                    valence = self._negation_check(valence, words, start_i, i)
                    if start_i == 2:
                        valence = self._special_idioms_check(valence, words, i)
            valence = self._least_check(valence, words, i)
        sentiments.append(valence)
        return sentiments

    @staticmethod
    def _negation_check(valence: float, words: list[str], start_i: int, i: int) -> float:
        # VADER's rule, reading only the three words before i (callers guarantee i > start_i)
        w1 = words[i - 1].lower()
        if start_i == 0:
            if _negated(w1):
                valence = valence * N_SCALAR
        if start_i == 1:
            w2 = words[i - 2].lower()
            if w2 == "never" and (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w2 == "without" and w1 == "doubt":
                pass
            elif _negated(w2):
                valence = valence * N_SCALAR
        if start_i == 2:
            w2, w3 = words[i - 2].lower(), words[i - 3].lower()
            if w3 == "never" and (w2 == "so" or w2 == "this") or (w1 == "so" or w1 == "this"):
                valence = valence * 1.25
            elif w3 == "without" and (w2 == "doubt" or w1 == "doubt"):
                pass
            elif _negated(w3):
                valence = valence * N_SCALAR
        return valence

    @staticmethod
    def _special_idioms_check(valence: float, words: list[str], i: int) -> float:
        # VADER's rule on the window i-3..i+2 (called only with i >= 3)
        n = len(words)
        lo = {k: words[i + k].lower() for k in range(-3, 3) if 0 <= i + k < n}
        onezero = f"{lo[-1]} {lo[0]}"
        twoonezero = f"{lo[-2]} {lo[-1]} {lo[0]}"
        twoone = f"{lo[-2]} {lo[-1]}"
        threetwoone = f"{lo[-3]} {lo[-2]} {lo[-1]}"
        threetwo = f"{lo[-3]} {lo[-2]}"
        for seq in (onezero, twoonezero, twoone, threetwoone, threetwo):
            if seq in SPECIAL_CASES:
                valence = SPECIAL_CASES[seq]
                break
        if n - 1 > i:
            zeroone = f"{lo[0]} {lo[1]}"
            if zeroone in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroone]
        if n - 1 > i + 1:
            zeroonetwo = f"{lo[0]} {lo[1]} {lo[2]}"
            if zeroonetwo in SPECIAL_CASES:
                valence = SPECIAL_CASES[zeroonetwo]
        for n_gram in (threetwoone, threetwo, twoone):
            if n_gram in BOOSTER_DICT:
                valence = valence + BOOSTER_DICT[n_gram]
        return valence


@functools.cache
def analyzer() -> FastVader:
    """One analyser per process (loading VADER's lexicon takes ~50 ms)."""
    return FastVader()


@functools.lru_cache(maxsize=8)
def _lexicon_parts(lexicons: tuple[str, ...]) -> tuple[tuple[str, ...], Any]:
    """(referent ids, matcher) for these user lexicons; cached per process."""
    from framing.lexicon import load_lexicon

    lex = load_lexicon(extra=lexicons)
    ids = set(lex.referents) | {e.referent for e in lex.entries if e.referent}
    return tuple(sorted(ids)), lex.matcher()


DOC_FEATURES: dict[str, tuple[str, str]] = {
    "compound": (
        "VADER compound score of the whole body (vaderSentiment polarity_scores)",
        "score, -1 (negative) to +1 (positive)",
    ),
    "pos": ("VADER share of the body's sentiment mass that is positive", "proportion 0-1"),
    "neg": ("VADER share of the body's sentiment mass that is negative", "proportion 0-1"),
    "neu": ("VADER share of the body's words that are neutral", "proportion 0-1"),
    "sentence_mean": (
        "Mean VADER compound over the body's sentences (NaN when there are none)",
        "score, -1 to +1",
    ),
    "sentence_min": ("Most negative sentence compound (NaN when no sentences)", "score, -1 to +1"),
    "sentence_max": ("Most positive sentence compound (NaN when no sentences)", "score, -1 to +1"),
    "sentence_share_negative": (
        f"Share of sentences with compound <= {NEG_THRESHOLD} (NaN when no sentences)",
        "proportion 0-1",
    ),
    "sentence_share_positive": (
        f"Share of sentences with compound >= {POS_THRESHOLD} (NaN when no sentences)",
        "proportion 0-1",
    ),
}


class Sentiment(Family):
    """VADER sentiment at article, sentence and actor level.

    ``sentiment__actor__<referent>``: mean compound of the sentences in which a lexicon
    term for that referent occurs in narrator voice (outside quotations); NaN when the
    article has no such sentence, with ``sentiment__actor_n__<referent>`` counting them
    (0 then), so "not mentioned" is never confused with "neutral".
    """

    name: ClassVar[str] = "sentiment"

    def __init__(self, lexicons: Sequence[str | Path] = ()) -> None:
        self.lexicons = lexicons

    def _lexicon(self) -> tuple[tuple[str, ...], Any]:
        try:
            return _lexicon_parts(tuple(str(p) for p in self.lexicons))
        except ImportError:  # no lexicon package: document and sentence levels only
            return (), None

    def referents(self) -> tuple[str, ...]:
        return self._lexicon()[0]

    def feature_names(self) -> list[str]:
        names = [f"{self.name}__{k}" for k in DOC_FEATURES]
        for r in self.referents():
            names += [f"{self.name}__actor__{r}", f"{self.name}__actor_n__{r}"]
        return names

    def feature_docs(self) -> dict[str, tuple[str, str]]:
        """Column name -> (meaning, unit), for docs/features.md."""
        docs = {f"{self.name}__{k}": v for k, v in DOC_FEATURES.items()}
        for r in self.referents():
            docs[f"{self.name}__actor__{r}"] = (
                f"Mean VADER compound of the sentences that mention referent '{r}' in "
                "narrator voice (NaN when none)",
                "score, -1 to +1",
            )
            docs[f"{self.name}__actor_n__{r}"] = (
                f"Number of sentences mentioning referent '{r}' in narrator voice",
                "sentences",
            )
        return docs

    def analyze(self, doc: Document) -> FamilyResult:
        vader = analyzer()
        text = doc.text
        whole = vader.polarity_scores(text)
        sents = doc.sentences
        comp = [vader.polarity_scores(text[s.start : s.end])["compound"] for s in sents]
        f: dict[str, float] = {
            f"{self.name}__compound": whole["compound"],
            f"{self.name}__pos": whole["pos"],
            f"{self.name}__neg": whole["neg"],
            f"{self.name}__neu": whole["neu"],
        }
        n = len(comp)
        nan = math.nan
        f[f"{self.name}__sentence_mean"] = sum(comp) / n if n else nan
        f[f"{self.name}__sentence_min"] = min(comp) if n else nan
        f[f"{self.name}__sentence_max"] = max(comp) if n else nan
        f[f"{self.name}__sentence_share_negative"] = (
            sum(c <= NEG_THRESHOLD for c in comp) / n if n else nan
        )
        f[f"{self.name}__sentence_share_positive"] = (
            sum(c >= POS_THRESHOLD for c in comp) / n if n else nan
        )
        spans = [
            Evidence(
                self.name,
                "negative_sentence" if c < 0 else "positive_sentence",
                s.start,
                s.end,
                text[s.start : s.end],
                doc.voice_at(s.start, s.end),
            )
            for s, c in zip(sents, comp, strict=True)
            if abs(c) >= EVIDENCE_THRESHOLD
        ]
        referents, matcher = self._lexicon()
        if referents:
            by_ref = self._actor_sentences(doc, matcher)
            for r in referents:
                idx = by_ref.get(r, set())
                f[f"{self.name}__actor__{r}"] = (
                    sum(comp[i] for i in idx) / len(idx) if idx else nan
                )
                f[f"{self.name}__actor_n__{r}"] = float(len(idx))
        return FamilyResult(features=f, spans=spans)

    @staticmethod
    def _actor_sentences(doc: Document, matcher: Any) -> dict[str, set[int]]:
        """referent -> indices of the sentences that name it in narrator voice."""
        sents = doc.sentences
        starts = [s.start for s in sents]
        out: dict[str, set[int]] = {}
        for m in matcher.find(doc.text):
            ref = m.entry.referent
            if not ref or doc.voice_at(m.start, m.end) != "narrator":
                continue
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.start < sents[k].end:
                out.setdefault(ref, set()).add(k)
        return out
