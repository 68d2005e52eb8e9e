"""The ``attribution`` family: who the article lets speak, and how.

Features (``attribution__*``): number of attributions and per 1,000 words, sources by type,
share of anonymous sources, distinct named sources, share of the text in direct quotes,
loaded cue verbs (count and share). Evidence spans: each source, labelled by its type.
Details: ``{"attributions": [...]}`` in the ``framing analyze`` shape.
"""

from __future__ import annotations

from typing import ClassVar

from framing.features.base import Evidence, Family, FamilyResult
from framing.lexicon import slug
from framing.sourcing.attribution import attributions as _attributions
from framing.sourcing.attribution import named_key
from framing.sourcing.cues import CUE_KINDS, SOURCE_TYPES, default_lexicon
from framing.text import Document

_FEATURES = (
    ["n_attributions", "per_1k_words"]
    + [f"n_{t}" for t in SOURCE_TYPES]
    + ["share_anonymous", "distinct_named_sources", "share_direct_quote", "n_loaded_cues",
       "share_loaded_cues"]
    + [f"n_{k}_cues" for k in CUE_KINDS]
)
NAMED_TYPES = ("person", "organization", "document", "media")


def _cue_columns() -> dict[tuple[str, str], str]:
    """(cue lemma, source type) -> column, for every cue in lexicons/cues.toml.

    Which verb introduces which kind of source is house style and stance at once: "X claimed"
    for an organisation, "a source told" for an anonymous one, "according to" a document. The
    totals by type or by loaded/neutral cue hide that mix.
    """
    # speech cues only: beliefs and stances are counted by kind (n_cognition_cues, ...), so
    # the table does not grow by seven columns for every verb of thinking
    lemmas = sorted({c.lemma for c in default_lexicon().cues.values() if c.kind == "speech"})
    return {(lem, t): f"cue__{slug(lem)}__{t}" for lem in lemmas for t in SOURCE_TYPES}


_CUE_COLUMNS = _cue_columns()
_LEAD_COLUMNS = {t: f"lead__{t}" for t in SOURCE_TYPES}

#: what each source type means (framing.sourcing.attribution types the source noun phrase)
_TYPE_MEANINGS = {
    "person": "a named or described person, or 'he'/'she'",
    "organization": "a government, ministry, army, group, NGO, ...",
    "document": "a report, statement, study, ...",
    "media": "a news outlet, agency or broadcaster",
    "anonymous": "an unnamed source ('a source', 'officials who asked not to be named')",
    "vague": "a vague group standing for nobody in particular ('critics', 'some experts', "
    "'many')",
    "unknown": "a source whose type could not be told, e.g. an unresolved 'they' or 'it'",
}

#: column (without the family prefix) -> (meaning, unit), for docs/features.md
FEATURE_DOCS: dict[str, tuple[str, str]] = {
    "n_attributions": (
        "Attributions (one per cue: 'said', 'according to', 'citing', ...), not counting "
        "quotation-only paragraphs that continue the previous speaker",
        "count",
    ),
    "per_1k_words": ("`n_attributions` per 1,000 words of the body", "per 1,000 words"),
    **{
        f"n_{t}": (
            f"Sources typed `{t}` ({m}), counting each attribution's source and the source "
            "it cites ('X, citing Y')",
            "count",
        )
        for t, m in _TYPE_MEANINGS.items()
    },
    "share_anonymous": (
        "`n_anonymous` over all sources (the `n_<type>` columns summed); 0 when there are "
        "no sources",
        "share 0..1",
    ),
    "distinct_named_sources": (
        "Distinct person, organization, document and media sources (cited ones included), "
        "merged by name ('Othman al-Ghanmi' = 'Ghanmi'), pronouns counted as the source "
        "they resolve to",
        "count",
    ),
    "share_direct_quote": (
        "Characters of the body inside the quoted content of attributions (direct "
        "quotations, continued paragraphs included; overlaps once) over the body's length",
        "share 0..1",
    ),
    **{
        f"n_{k}_cues": (
            f"Attributions whose cue is of kind `{k}` ({m})",
            "count",
        )
        for k, m in (
            ("speech", "said, told, wrote, reported, according to, citing, ..."),
            ("cognition", "thinks, believes, wants, fears, hopes, declined to, ..."),
            ("stance", "supports, opposes, criticized, praised, endorsed, called for, ..."),
            ("evidential", "a poll shows, a study found, data indicate"),
            ("nominal", "a noun cue: 'his claim that', 'her decision to', 'in a statement'"),
        )
    },
    "n_loaded_cues": (
        "Attributions whose cue verb is loaded in lexicons/cues.toml ('claimed', "
        "'admitted', 'alleged', 'insisted', ...) rather than neutral ('said')",
        "count",
    ),
    "share_loaded_cues": (
        "`n_loaded_cues` over `n_attributions`; 0 when there are none",
        "share 0..1",
    ),
    **{
        col: (
            f"Attributions with the cue '{lem}' (any form in lexicons/cues.toml) and a source "
            f"typed `{t}`, per 1,000 words of the body",
            "per 1,000 words",
        )
        for (lem, t), col in _CUE_COLUMNS.items()
    },
    **{
        col: (
            f"1 if the headline and lead (the first two sentences, captions skipped) attribute "
            f"something to a source typed `{t}`, else 0: whether the lead is sourced, and to whom",
            "0/1",
        )
        for t, col in _LEAD_COLUMNS.items()
    },
}
_ALL = (*_FEATURES, *_CUE_COLUMNS.values(), *_LEAD_COLUMNS.values())
#: the cue and lead columns at 0.0, copied per article (built once, not per article)
_ZEROS = dict.fromkeys((*_CUE_COLUMNS.values(), *_LEAD_COLUMNS.values()), 0.0)


class Attribution(Family):
    """Attributions (source, cue, content) with typed sources; see framing.sourcing."""

    name: ClassVar[str] = "attribution"

    def feature_names(self) -> list[str]:
        return [f"{self.name}__{f}" for f in _ALL]

    def feature_docs(self) -> dict[str, tuple[str, str]]:
        """Column name -> (meaning, unit), for docs/features.md."""
        return {f"{self.name}__{k}": FEATURE_DOCS[k] for k in _ALL}

    def analyze(self, doc: Document) -> FamilyResult:
        atts = _attributions(doc)
        text = doc.text
        own = [a for a in atts if not (a["resolved"] or {}).get("rule", "").startswith("quotation")]
        sources = [(a["source"], a["source_type"]) for a in own if a["source"]]
        sources += [(a["cites"]["source"], a["cites"]["source_type"]) for a in own
                    if a["cites"] and a["cites"]["source"]]
        by_type = {t: 0 for t in SOURCE_TYPES}
        for _, t in sources:
            by_type[t] = by_type.get(t, 0) + 1
        named = set()
        for a in own:
            for src, typ in ((a["source"], a["source_type"]),
                             ((a["cites"] or {}).get("source"), (a["cites"] or {}).get("source_type"))):
                if src is None or typ not in NAMED_TYPES:
                    continue
                target = (a["resolved"] or {}).get("to") if src is a["source"] else None
                named.add(named_key((target or src)["text"]))
        named.discard("")
        quoted = _union([(a["content"]["start"], a["content"]["end"]) for a in atts
                         if a["direct_quote"] and a["content"]])
        n = len(own)
        loaded = sum(1 for a in own if a["cue_type"] == "loaded")
        words = max(1, doc.n_words)
        f = {
            "n_attributions": float(n),
            "per_1k_words": 1000.0 * n / words,
            **{f"n_{t}": float(by_type.get(t, 0)) for t in SOURCE_TYPES},
            "share_anonymous": by_type["anonymous"] / len(sources) if sources else 0.0,
            "distinct_named_sources": float(len(named)),
            "share_direct_quote": quoted / len(text) if text else 0.0,
            **{f"n_{k}_cues": float(sum(1 for a in own if a["cue_kind"] == k))
               for k in CUE_KINDS},
            "n_loaded_cues": float(loaded),
            "share_loaded_cues": loaded / n if n else 0.0,
            **_ZEROS,
        }
        lead_end = doc.lead_end if own else 0
        spans = []
        for a in own:
            col = _CUE_COLUMNS.get((a["cue"].get("lemma", ""), a["source_type"]))
            if col is not None:
                f[col] += 1000.0 / words
            if a["cue"]["start"] < lead_end and a["source_type"] in _LEAD_COLUMNS:
                f[_LEAD_COLUMNS[a["source_type"]]] = 1.0
            span = a["source"] or a["cue"]
            spans.append(Evidence(self.name, a["source_type"], span["start"], span["end"],
                                  span["text"], doc.voice_at(span["start"], span["end"])))
        return FamilyResult(
            features={f"{self.name}__{k}": v for k, v in f.items()},
            spans=spans,
            details={"attributions": atts},
        )


def _union(spans: list[tuple[int, int]]) -> int:
    """Characters covered by a set of spans (overlaps counted once)."""
    total, end = 0, -1
    for s, e in sorted(spans):
        if e <= end:
            continue
        total += e - max(s, end)
        end = e
    return total
