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
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

from framing.features import _vader
from framing.features.base import Evidence, Family, FamilyResult
from framing.text import Document

#: VADER's conventional thresholds (its README): compound <= -0.05 negative, >= 0.05 positive.
NEG_THRESHOLD = -0.05
POS_THRESHOLD = 0.05
#: Sentences at least this strongly scored are listed as evidence spans.
EVIDENCE_THRESHOLD = 0.5


class FastVader:
    """vaderSentiment's scores, fast (see ``framing/features/_vader.py``).

    ``polarity_scores`` equals ``SentimentIntensityAnalyzer().polarity_scores`` on any text;
    ``document_scores`` gives the scores of a text and the compounds of its sentences from
    one split of the text.
    """

    def polarity_scores(self, text: str) -> dict[str, float]:
        return _vader.polarity_scores(text)

    def document_scores(
        self, text: str, spans: Sequence[tuple[int, int]]
    ) -> tuple[dict[str, float], list[float]]:
        return _vader.document_scores(text, spans)


@functools.cache
def analyzer() -> FastVader:
    """One analyser per process (VADER's lexicon is loaded once, on first use)."""
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
        text = doc.text
        sents = doc.sentences
        # the body and every sentence, as VADER scores each alone, from one split of the body
        whole, comp = analyzer().document_scores(text, [(s.start, s.end) for s in sents])
        referents, matcher = self._lexicon()
        names = _columns(self.name, referents)
        f = dict(names.empty)
        f[names.compound], f[names.pos] = whole["compound"], whole["pos"]
        f[names.neg], f[names.neu] = whole["neg"], whole["neu"]
        n = len(comp)
        if n:
            f[names.mean] = sum(comp) / n
            f[names.min], f[names.max] = min(comp), max(comp)
            f[names.share_neg] = sum(c <= NEG_THRESHOLD for c in comp) / n
            f[names.share_pos] = sum(c >= POS_THRESHOLD for c in comp) / n
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
        if referents:
            for r, idx in self._actor_sentences(doc, matcher).items():
                if r in names.actor:  # (the NaN / 0 defaults stand for the rest)
                    f[names.actor[r]] = sum(comp[i] for i in idx) / len(idx)
                    f[names.actor_n[r]] = float(len(idx))
        return FamilyResult(features=f, spans=spans)

    @staticmethod
    def _actor_sentences(doc: Document, matcher: Any) -> dict[str, set[int]]:
        """referent -> indices of the sentences that name it in narrator voice."""
        sents = doc.sentences
        starts = [s.start for s in sents]
        out: dict[str, set[int]] = {}
        for m in doc.matches(matcher):
            ref = m.entry.referent
            if not ref or doc.voice_at(m.start, m.end) != "narrator":
                continue
            k = bisect_right(starts, m.start) - 1
            if k >= 0 and m.start < sents[k].end:
                out.setdefault(ref, set()).add(k)
        return out


@dataclass(frozen=True)
class _Columns:
    """The family's column names, and a row of its defaults (NaN where undefined, 0 counts)."""

    compound: str
    pos: str
    neg: str
    neu: str
    mean: str
    min: str
    max: str
    share_neg: str
    share_pos: str
    actor: dict[str, str]
    actor_n: dict[str, str]
    empty: dict[str, float]


@functools.lru_cache(maxsize=8)
def _columns(name: str, referents: tuple[str, ...]) -> _Columns:
    """Built once per (family name, referents): the f-strings cost more than the scoring on
    short articles when rebuilt for every one."""
    doc = [f"{name}__{k}" for k in DOC_FEATURES]
    actor = {r: f"{name}__actor__{r}" for r in referents}
    actor_n = {r: f"{name}__actor_n__{r}" for r in referents}
    empty = dict.fromkeys(doc, math.nan)
    for r in referents:
        empty[actor[r]], empty[actor_n[r]] = math.nan, 0.0
    return _Columns(*doc, actor=actor, actor_n=actor_n, empty=empty)
