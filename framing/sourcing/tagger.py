"""The opt-in learned attribution tagger: a linear-chain CRF over tokens, stacked on the rules.

PolNeAR's licence is not stated (no licence file or section in its repository), so no model
trained on it ships with framing: a user trains one from their own copy of PolNeAR
(``python -m framing.sourcing.train``, docs/attribution.md) and points
``FRAMING_ATTRIBUTION_MODEL`` (or ``extract(doc, model=...)``) at the file.

The model file is gzipped JSON (tags, per-feature weights, transition weights, gate words):
data only, never unpickled code. Decoding is a plain Viterbi over numpy arrays, so
predicting needs no CRF library; only training does (sklearn-crfsuite).
"""

from __future__ import annotations

import gzip
import json
import os
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError
from framing.sourcing.cues import OTHER_KIND, Cue, SourcingLexicon
from framing.sourcing.model import Extracted
from framing.sourcing.sourcetype import classify_source
from framing.sourcing.tagfeatures import TAGS, quote_mask, rule_roles, sentence_features, units
from framing.sourcing.words import PRONOUNS
from framing.text import Document

if TYPE_CHECKING:  # numpy is imported where a model is used: not by the rule-based default
    import numpy as np

FORMAT = "framing-attribution-crf/1"
ENV = "FRAMING_ATTRIBUTION_MODEL"


class Tagger:
    """CRF weights ready for Viterbi decoding."""

    def __init__(self, data: dict[str, Any], path: str = "") -> None:
        if data.get("format") != FORMAT or list(data.get("tags", [])) != list(TAGS):
            raise FramingError(f"{path or 'model'}: not a {FORMAT} attribution model")
        import numpy as np

        feats = data["features"]
        self.index = {a: i for i, a in enumerate(feats)}
        w = np.zeros((len(feats) + 1, len(TAGS)))  # the last row: any unknown feature
        for i, a in enumerate(feats):
            for t, v in feats[a]:
                w[i, t] = v
        self.weights = w
        self.trans = np.asarray(data["transitions"], dtype=float)
        # a per-tag score added to every token's emissions (0 for O): Viterbi picks the one
        # best path, which under-predicts spans (precision 0.79, recall 0.55 on sources), so
        # a small bonus for the role tags, chosen on held-out data, trades back toward recall
        try:
            self.bias = bias_vector(data.get("tag_bias") or {})
        except (AttributeError, TypeError, ValueError):
            raise FramingError(f"{path or 'model'}: tag_bias must map roles or tags to numbers") from None
        self.gate = frozenset(data.get("gate_words", []))
        self.meta = data.get("meta", {})

    def decode(self, feats: list[list[str]]) -> list[int]:
        """Viterbi: the best tag index per token of one sentence."""
        return self.decode_many([feats])[0]

    def decode_many(self, sents: list[list[list[str]]]) -> list[list[int]]:
        """Viterbi over many sentences at once: one numpy step per token position across all
        of them (padded), not one per token, since per-call overhead dominates 7-tag arrays."""
        import numpy as np

        index, nt = self.index, len(TAGS)
        lens = [len(f) for f in sents]
        n_s, width = len(sents), max(lens, default=0)
        if width == 0:
            return [[] for _ in sents]
        # every feature of every token as a weight row (unknown features: the zero row at
        # the end), summed per token with one reduceat: no Python loop per feature
        miss = len(self.weights) - 1
        ids = np.asarray([index.get(a, miss) for f in sents for tok in f for a in tok], dtype=np.intp)
        counts = np.asarray([len(tok) or 1 for f in sents for tok in f])
        if len(ids) < counts.sum():  # a token with no features at all: give it the zero row
            ids = np.asarray([i for f in sents for tok in f for i in ([index.get(a, miss) for a in tok] or [miss])],
                             dtype=np.intp)
        offsets = np.concatenate(([0], np.cumsum(counts)[:-1]))
        flat = np.add.reduceat(self.weights[ids], offsets, axis=0) + self.bias
        emit = np.zeros((n_s, width, nt))
        lens_a = np.asarray(lens)
        mask = np.arange(width)[None, :] < lens_a[:, None]
        emit[mask] = flat
        score = emit[:, 0].copy()
        back = np.zeros((n_s, width, nt), dtype=np.intp)
        for i in range(1, width):
            cand = score[:, :, None] + self.trans[None]
            back[:, i] = cand.argmax(axis=1)
            score = np.where((i < lens_a)[:, None], cand.max(axis=1) + emit[:, i], score)
        cur = score.argmax(axis=1)
        path = np.zeros((n_s, width), dtype=np.intp)
        rows = np.arange(n_s)
        for i in range(width - 1, -1, -1):  # back-track every sentence from its own end
            live = i < lens_a
            path[:, i] = np.where(live, cur, 0)
            if i:
                cur = np.where(live, back[rows, i, cur], cur)
        return [p[:n] for p, n in zip(path.tolist(), lens, strict=True)]


def bias_vector(bias: dict[str, float | str]) -> np.ndarray:
    """Per-tag emission bonus from a role or tag -> value map (``{"S": 0.2, "I-C": -0.1}``:
    a tag's own value, else its role's); O gets 0."""
    import numpy as np

    return np.asarray([0.0 if t == "O" else float(bias.get(t, bias.get(t[2:], 0.0))) for t in TAGS])


def load_tagger(path: str | Path) -> Tagger:
    """Read a model written by ``python -m framing.sourcing.train``; one-line error if bad."""
    path = Path(path)
    try:
        with gzip.open(path, "rt", encoding="utf-8") as f:
            data = json.load(f)
    except FileNotFoundError:
        raise FramingError(f"{path}: attribution model not found") from None
    except (OSError, EOFError, ValueError) as exc:
        raise FramingError(f"{path}: not a readable attribution model ({exc})") from None
    if not isinstance(data, dict):
        raise FramingError(f"{path}: not a {FORMAT} attribution model")
    return Tagger(data, str(path))


@lru_cache(maxsize=4)
def _cached(path: str) -> Tagger:
    return load_tagger(path)


def env_tagger() -> Tagger | None:
    """The model named by ``FRAMING_ATTRIBUTION_MODEL``, or None (the rule-based default)."""
    path = os.environ.get(ENV, "")
    return _cached(path) if path else None


def tag_document(doc: Document, rules: list[Extracted], lex: SourcingLexicon, tagger: Tagger
                 ) -> list[tuple[int, list[tuple[int, int, str]], list[str]]]:
    """(sentence, tokens, tags) for every gated sentence."""
    rule = rule_roles(doc.text, rules)
    us = [u for u in units(doc, rule, lex, tagger.gate) if u.toks]
    tags = tagger.decode_many([sentence_features(doc, u, rule, lex, quote_mask(doc, u.toks)) for u in us])
    return [(u.sentence, u.toks, [TAGS[t] for t in ts]) for u, ts in zip(us, tags, strict=True)]


def segments(toks: list[tuple[int, int, str]], tags: list[str]) -> list[tuple[str, int, int, bool]]:
    """(role, first token, last token, continues) runs of a tag sequence. An I- tag after O
    starts a run; at the sentence's first token it ``continues`` a run of the sentence before
    (a content that runs over a sentence break)."""
    out: list[tuple[str, int, int, bool]] = []
    for i, t in enumerate(tags):
        if t == "O":
            continue
        role = t[2]
        if t[0] == "I" and out and out[-1][0] == role and out[-1][2] == i - 1:
            out[-1] = (role, out[-1][1], i, out[-1][3])
        else:
            out.append((role, i, i, i == 0 and t[0] == "I"))
    return out


def _cue_of(text: str, span: tuple[int, int], lex: SourcingLexicon) -> Cue:
    """The lexicon cue among the cue's words (the longest form), else an unlisted cue."""
    phrase = text[span[0]:span[1]]
    words = phrase.split()
    for n in range(min(4, len(words)), 0, -1):
        for k in range(len(words) - n + 1):
            c = lex.cues.get(" ".join(words[k:k + n]).strip(",.:;\"'"))
            if c is not None:
                return c
    return Cue(words[-1].lower().strip(",.:;\"'") if words else "", "neutral", OTHER_KIND, "before", "")


def assemble(doc: Document, tagged: list[tuple[int, list[tuple[int, int, str]], list[str]]],
             lex: SourcingLexicon) -> list[Extracted]:
    """Tag runs -> attributions: each cue run is one; a sentence's source and content runs go
    to its nearest cue; content in a sentence with no cue continues the last attribution of
    the paragraph (a quotation running on), else the next one."""
    text = doc.text
    sents = doc.sentences
    out: list[Extracted] = []
    orphans: list[tuple[int, tuple[int, int]]] = []
    for si, toks, tags in tagged:
        segs = segments(toks, tags)
        cues = [s for s in segs if s[0] == "C"]
        if not cues:
            orphans += [(si, (toks[s[1]][0], toks[s[2]][1]), s[3]) for s in segs if s[0] == "T"]
            continue
        made = []
        for _, a0, a1, _ in cues:
            span = (toks[a0][0], toks[a1][1])
            made.append(Extracted(cue=span, cue_info=_cue_of(text, span, lex), sentence=si,
                                  paragraph=sents[si].paragraph))
        taken: set[int] = set()
        for role, b0, b1, cont in segs:
            if role == "C":
                continue
            if role == "T" and cont and out and _extend(text, out[-1], (toks[b0][0], toks[b1][1])):
                continue  # the previous sentence's content runs on into this one
            k = min(range(len(cues)), key=lambda j: min(abs(cues[j][1] - b1), abs(b0 - cues[j][2])))
            span = (toks[b0][0], toks[b1][1])
            a = made[k]
            if role == "S":
                if k in taken:
                    continue
                taken.add(k)
                a.source = span
            elif a.content is None:
                a.content = span
            else:
                a.extra.setdefault("content_more", []).append(span)
        out += made
    out.sort(key=lambda a: a.cue[0])
    for si, span, cont in orphans:
        para = sents[si].paragraph
        prev = [a for a in out if a.paragraph == para and a.sentence < si]
        host = prev[-1] if prev else next((a for a in out if a.paragraph == para and a.sentence > si), None)
        if host is None or (cont and _extend(text, host, span)):
            continue
        if host.content is None:
            host.content = span
        else:
            host.extra.setdefault("content_more", []).append(span)
    for a in out:
        pieces = sorted(([a.content] if a.content else []) + list(a.extra.get("content_more", [])))
        if pieces:
            a.content, a.extra["content_more"] = pieces[0], pieces[1:]
            a.direct_quote = _quoted(doc, pieces[0])
        if a.source is not None:
            np_text = text[a.source[0]:a.source[1]]
            a.source_type = classify_source(np_text, text[a.cue[1]:a.cue[1] + 60], lex)
            if np_text.lower() in PRONOUNS:
                a.pronoun = np_text.lower()
    return out


def _extend(text: str, a: Extracted, span: tuple[int, int]) -> bool:
    """Grow ``a``'s last content piece over ``span`` when only spaces and punctuation lie
    between them (one gold piece across a sentence break)."""
    pieces = ([a.content] if a.content else []) + list(a.extra.get("content_more", []))
    if not pieces:
        return False
    last = max(pieces)
    if last[1] > span[0] or text[last[1]:span[0]].strip(" \n\t.,;:!?\"'\u201c\u201d\u2019"):
        return False
    grown = (last[0], span[1])
    if a.content == last:
        a.content = grown
    else:
        a.extra["content_more"] = [grown if p == last else p for p in a.extra["content_more"]]
    return True


def _quoted(doc: Document, span: tuple[int, int]) -> bool:
    """A content of five words or more inside (or being) a quotation."""
    for q in doc.quotes:
        if q.start <= span[0] + 1 and span[1] <= q.end + 1 and q.n_words >= 5:
            return True
    return False
