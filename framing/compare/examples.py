"""Example sentences for a feature, from that feature's own evidence spans or none at all.

A researcher checks what a number means by reading where it came from, so an example must
show the feature itself: ``attribution__cue__tweet__person`` needs a person's source with a
"tweet" cue, not any attribution ("... Sanders said"). Each feature column is mapped to the
spans that produced it (``own_spans``); a feature with no spans of its own (readability,
overall sentiment, counts of distinct sources) gets no examples rather than borrowed ones.
Word features get sentences that contain the word.
"""

from __future__ import annotations

import re
from functools import lru_cache

import numpy as np
import pandas as pd

from framing.text import Document

_MAX_SENTENCE = 300
_MIN_WORDS = 6
#: claim-status columns and the span label of their sentences
_CLAIMS = {"share_attributed": "attributed", "share_anonymous": "anonymous",
           "share_hedged": "hedged", "share_unattributed": "unattributed",
           "share_other": "other", "n_hedges": "hedged", "hedges_per_1k_words": "hedged"}
_SENTIMENT = {"sentence_share_negative": "negative_sentence",
              "sentence_share_positive": "positive_sentence"}
_SOURCE_TYPES = ("person", "organization", "document", "media", "anonymous", "unknown")


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(s).lower()).strip("_")


@lru_cache(maxsize=1)
def _lexicon_names() -> tuple[dict[str, str], dict[str, str]]:
    """(name slug -> referent, name slug -> category) from the bundled lexicon."""
    from framing.lexicon import load_lexicon

    referent, category = {}, {}
    for e in load_lexicon().entries:
        key = _slug(e.canonical)
        referent.setdefault(key, e.referent or "")
        category.setdefault(key, e.category)
    return referent, category


def _loaded(rest: str, spans: pd.DataFrame) -> pd.Series:
    """Which loaded-family spans made ``loaded__<rest>``."""
    label = spans["label"].map(_slug)
    referent, category = _lexicon_names()
    kind, _, name = rest.partition("__")
    if kind in ("rate", "lead"):
        return label == name
    if kind == "naming":
        return label == name.partition("__")[2]
    if kind in ("mentions", "connotation", "labelled"):
        hit = label.map(referent.get) == name
        if kind == "labelled":
            hit &= label.map(category.get).isin(["label", "dysphemism"])
        return hit
    if kind.startswith("n_"):
        return label.map(category.get) == kind[2:]
    if kind in ("per_1k", "weighted_per_1k"):
        return label != "scare_quotes"
    if kind in ("per_1k_narrator", "per_1k_quoted"):
        return (label != "scare_quotes") & (spans["voice"] == kind.rsplit("_", 1)[1])
    if kind == "scare_quotes":
        return label == "scare_quotes"
    return pd.Series(False, index=spans.index)


#: cue verbs whose past forms are not lemma + "ed"
_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"),
              "read": ("read",), "speak": ("spoke", "spoken"), "think": ("thought",)}


def _cue_pattern(cue: str) -> re.Pattern[str]:
    """Any inflection of a cue's lemma ("deny": denies, denied, denying; "say": said)."""
    words = cue.split("_")
    head = words[0]
    stem = head[:-1] if head.endswith("e") else head
    forms = {head, head + "s", head + "es", stem + "ed", stem + "ing", *_IRREGULAR.get(head, ())}
    if head.endswith("y"):
        forms |= {head[:-1] + "ies", head[:-1] + "ied"}
    if len(head) > 2 and head[-1] not in "aeiouwy" and head[-2] in "aeiou" and head[-3] not in "aeiou":
        forms |= {head + head[-1] + "ed", head + head[-1] + "ing"}  # admit: admitted
    tail = "".join(rf"\s+{re.escape(w)}" for w in words[1:])
    alternatives = "|".join(sorted(map(re.escape, forms), key=len, reverse=True))
    return re.compile(rf"\b(?:{alternatives}){tail}\b", re.IGNORECASE)


def own_spans(feature: str, spans: pd.DataFrame) -> tuple[pd.DataFrame, re.Pattern[str] | None]:
    """The spans that made ``feature``, and for cue columns the cue the sentence must hold."""
    family, _, rest = feature.partition("__")
    cand = spans[spans["family"] == family]
    none = cand.iloc[:0]
    if cand.empty:
        return none, None
    if family == "loaded":
        return cand[_loaded(rest, cand).to_numpy()], None
    if family == "attribution":
        kind, _, name = rest.partition("__")
        if kind == "cue":  # attribution__cue__<cue>__<source type>
            cue, _, stype = name.rpartition("__")
            return cand[cand["label"] == stype], _cue_pattern(cue)
        if kind == "lead" or (kind.startswith("n_") and kind[2:] in _SOURCE_TYPES):
            return cand[cand["label"] == (name or kind[2:])], None
        if rest == "share_anonymous":
            return cand[cand["label"] == "anonymous"], None
        if rest in ("n_attributions", "per_1k_words"):
            return cand, None
        return none, None
    if family == "claims" and rest in _CLAIMS:
        return cand[cand["label"] == _CLAIMS[rest]], None
    if family == "sentiment" and rest in _SENTIMENT:
        return cand[cand["label"] == _SENTIMENT[rest]], None
    return none, None


def _sentence_at(text: str, start: int, end: int) -> str:
    for s in Document(text).sentences:
        if s.start <= start < max(s.end, s.start + 1):
            sent = text[s.start : max(s.end, end)]
            break
    else:
        sent = text[max(0, start - 120) : end + 120]
    sent = " ".join(sent.split())
    return sent if len(sent) <= _MAX_SENTENCE else sent[: _MAX_SENTENCE - 1] + "\u2026"


def examples_from_spans(
    feature: str, ids: list[str], spans: pd.DataFrame, texts: dict[str, str], n: int
) -> list[str]:
    """Up to ``n`` sentences holding ``feature``'s own spans, from the articles ``ids`` in that
    order (one per article, its first such span: for a lead column, the one in the lead), whole
    sentences before fragments."""
    hit, cue = own_spans(feature, spans[spans["id"].isin(ids)])
    if hit.empty:
        return []
    rank = {i: r for r, i in enumerate(ids)}
    hit = hit.assign(_r=hit["id"].map(rank)).sort_values(["_r", "start"])
    full: list[str] = []
    short: list[str] = []
    seen: set[str] = set()
    for row in hit.itertuples():
        if row.id in seen:
            continue  # one example per article, so two examples show two articles
        text = texts.get(row.id)
        if not text:
            continue
        sent = _sentence_at(text, int(row.start), int(row.end))
        if cue is not None and not cue.search(sent):
            continue  # the source type matches but another cue introduced it
        if not sent or sent in full or sent in short:
            continue
        seen.add(row.id)
        # A reader learns more from a whole sentence than from a fragment ("Read", "219-"),
        # so fragments are shown only when nothing longer exists.
        (full if len(sent.split()) >= _MIN_WORDS else short).append(sent)
        if len(full) >= n:
            break
    return (full + short)[:n]


def examples_for_term(term: str, ids: list[str], texts: dict[str, str], n: int) -> list[str]:
    """Sentences of the articles ``ids`` that contain the word (or words) ``term``."""
    pat = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)", re.I)
    out: list[str] = []
    for i in ids:
        text = texts.get(i) or ""
        m = pat.search(text)
        if m:
            sent = _sentence_at(text, m.start(), m.end())
            if sent not in out:
                out.append(sent)
        if len(out) >= n:
            break
    return out


def add_examples(
    top: pd.DataFrame,
    features_df: pd.DataFrame,
    by: str,
    spans_df: pd.DataFrame | None = None,
    texts: dict[str, str] | None = None,
    n: int = 2,
) -> pd.DataFrame:
    """Add an ``examples`` column: ``n`` sentences per (group, feature), from that group.

    Framing features draw on their own evidence spans in the group's articles that score
    highest on the feature; word features on the group's articles that contain the word;
    character n-grams and features without spans of their own get none.
    """
    texts = texts or {}
    ids_all = features_df["id"].astype(str)
    examples = []
    for row in top.itertuples():
        mask = (features_df[by].astype(str) == row.by).to_numpy()
        feat = row.feature
        ex: list[str] = []
        if feat.startswith("text:"):
            ex = examples_for_term(feat[5:], ids_all[mask].tolist(), texts, n)
        elif not feat.startswith("chars:") and spans_df is not None and len(spans_df):
            ids = ids_all[mask]
            if feat in features_df:
                vals = features_df.loc[mask, feat].fillna(-np.inf).to_numpy()
                ids = ids.iloc[np.argsort(-vals, kind="stable")]
            ex = examples_from_spans(feat, ids.tolist(), spans_df, texts, n)
        examples.append(ex)
    out = top.copy()
    out["examples"] = examples
    return out
