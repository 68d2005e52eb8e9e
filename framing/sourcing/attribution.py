"""Attribution extraction: who is said to say what, with character offsets.

Rule-based and shallow on purpose (no parser): it must run at >= 1,000 articles/s and
work on text that lost its commas (FA-KES). One regex pass finds every cue from
lexicons/cues.toml; for each cue a few local rules find the source noun phrase (before
the cue: "X said"; after it: "according to X", "citing X", '"...," said X'), the content
(the rest of the sentence, or the quotation next to the cue) and the source type.
Then three passes over the list: "citing" attributions nest as ``cites`` of the
attribution they sit in, paragraphs that are only a quotation continue the previous
paragraph's speaker, and "he"/"she"/"it" resolve to the last compatible named source when
exactly one candidate is in reach.
"""

from __future__ import annotations

from typing import Any

from framing.sourcing.cuerules import one_cue, widen_cue
from framing.sourcing.cues import SourcingLexicon, default_lexicon
from framing.sourcing.model import Ctx, Extracted, span_dict
from framing.sourcing.nominal import one_noun
from framing.sourcing.nounphrase import named_key
from framing.sourcing.passes import (
    continuations,
    drop_nested,
    interrupted,
    nest_citing,
    quote_runs,
    resolve_pronouns,
    trim_contents,
)
from framing.sourcing.sourcetype import classify_source
from framing.sourcing.tagger import Tagger, assemble, env_tagger, tag_document
from framing.text import Document

__all__ = ["Extracted", "attributions", "classify_source", "extract", "extracted", "named_key", "to_dict"]


def extract(doc: Document, lex: SourcingLexicon | None = None, model: Tagger | None = None
            ) -> list[Extracted]:
    """All attributions in a document, in text order.

    Rule-based by default. With a learned tagger (``model``, or the file named by
    ``FRAMING_ATTRIBUTION_MODEL``: opt-in, trained by the user, framing/sourcing/tagger.py)
    the rules' output becomes features of a CRF that tags source, cue and content tokens.
    """
    lex = lex or default_lexicon()
    model = model or env_tagger()
    rules = rule_extract(doc, lex)
    if model is None:
        return rules
    out = assemble(doc, tag_document(doc, rules, lex, model), lex)
    resolve_pronouns(Ctx(doc, lex), out)
    return out


def rule_extract(doc: Document, lex: SourcingLexicon) -> list[Extracted]:
    """The rule-based attributions of a document (the default), in text order."""
    ctx = Ctx(doc, lex)
    text = doc.text
    out: list[Extracted] = []
    consumed: set[int] = set()
    cue_hits, noun_hits, _ = lex.hits(doc)
    for ms, me in cue_hits:
        if ms in consumed:
            continue
        cue = lex.cues.get(text[ms:me])
        if cue is None:
            continue
        si = ctx.sentence_of(ms)
        if si < 0:
            continue
        sent = ctx.sents[si]
        a = one_cue(ctx, ms, me, cue, sent.start, sent.end, consumed)
        if a is None:
            continue
        if a.source is not None and text[a.source[0]:a.source[1]].lower() in ("i", "we", "you") \
                and ctx.inside_quote(ms) is not None:
            continue  # "where I say ..." inside a quotation: the quoted speaker's own words
        if cue.requires == "quote" and not a.direct_quote:
            continue  # "the fighting continued": not '"...," he continued'
        if a.extra.get("needs_speaker"):
            prev = out[-1] if out else None
            if prev is None or prev.sentence != si or prev.source is None:
                continue  # ', adding ...' with no speaker in the sentence
            a.source, a.source_type, a.pronoun = prev.source, prev.source_type, prev.pronoun
        widen_cue(ctx, a)
        a.sentence = si
        a.paragraph = sent.paragraph
        out.append(a)
    taken = {a.cue[0] for a in out}
    for ns, ne in noun_hits:
        si = ctx.sentence_of(ns)
        if si < 0 or ns in taken:
            continue
        sent = ctx.sents[si]
        a = one_noun(ctx, ns, ne, sent.start, sent.end)
        if a is not None:
            a.sentence, a.paragraph = si, sent.paragraph
            out.append(a)
    out.sort(key=lambda a: a.cue[0])
    out = drop_nested(ctx, out)
    out = nest_citing(out)
    trim_contents(ctx, out)
    interrupted(ctx, out)
    quote_runs(ctx, out)
    out = continuations(ctx, out)
    resolve_pronouns(ctx, out)
    return out


def to_dict(text: str, a: Extracted) -> dict[str, Any]:
    """The JSON shape of ``framing analyze``'s ``attributions`` entries."""
    cue = span_dict(text, a.cue) or {}
    cue["lemma"] = a.cue_info.lemma
    cites = None
    if a.cites is not None:
        cites = {
            "source": span_dict(text, a.cites.source),
            "source_type": a.cites.source_type,
            "cue": span_dict(text, a.cites.cue),
        }
    return {
        "source": span_dict(text, a.source),
        "source_type": a.source_type if a.source is not None else "unknown",
        "cue": cue,
        "cue_type": a.cue_info.type,
        "cue_kind": a.cue_info.kind,
        "content": span_dict(text, a.content),
        "content_more": [span_dict(text, c) for c in a.extra.get("content_more", [])],
        "direct_quote": bool(a.direct_quote),
        "cites": cites,
        "resolved": a.resolved,
    }


def extracted(doc: Document) -> list[Extracted]:
    """The bundled-lexicon attributions of a document, computed once and cached on it.

    The attribution and claims families both need them; caching on the ``Document``
    means extracting both families costs one extraction.
    """
    cache = doc.__dict__
    got = cache.get("_attributions_raw")
    if got is None:
        got = cache["_attributions_raw"] = extract(doc)
    return got


def attributions(doc: Document, lex: SourcingLexicon | None = None) -> list[dict[str, Any]]:
    """JSON-ready attributions of a document (``framing analyze``'s ``attributions``)."""
    if lex is not None:
        return [to_dict(doc.text, a) for a in extract(doc, lex)]
    cache = doc.__dict__
    if "_attributions" not in cache:
        cache["_attributions"] = [to_dict(doc.text, a) for a in extracted(doc)]
    return cache["_attributions"]


