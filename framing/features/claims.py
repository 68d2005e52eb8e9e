"""The ``claims`` family: how much of the article is sourced, hedged or asserted bare.

Features (``claims__*``): share of sentences in each status (attributed, anonymous, hedged,
unattributed, other; the shares sum to 1), number of sentences, hedges per 1,000 words.
Evidence spans: each sentence, labelled by its status. Details: ``{"claims": [...]}``.
The decision order is documented in framing/sourcing/claims.py and docs/attribution.md.
"""

from __future__ import annotations

from typing import ClassVar

from framing.features.base import Evidence, Family, FamilyResult
from framing.sourcing.claims import STATUSES
from framing.sourcing.claims import claims as _claims
from framing.text import Document

_FEATURES = [f"share_{s}" for s in STATUSES] + ["n_sentences", "n_hedges", "hedges_per_1k_words"]

#: what each claim status means (decision order in framing/sourcing/claims.py)
_STATUS_MEANINGS = {
    "attributed": "covered by an attribution with a named source (its cue is in the sentence "
    "or its quoted content overlaps it)",
    "anonymous": "covered only by anonymous sources, or by a source relaying an anonymous one",
    "vague": "covered only by vague groups ('critics say', 'some experts believe', 'many "
    "argue'), or by a source relaying one",
    "hedged": "no source, but a hedge from lexicons/hedges.toml ('reportedly', 'is believed "
    "to', 'likely')",
    "unattributed": "a factual assertion with no source and no hedge",
    "other": "not an assertion: headline, heading, caption, question or fragment of < 3 words",
}

#: column (without the family prefix) -> (meaning, unit), for docs/features.md
FEATURE_DOCS: dict[str, tuple[str, str]] = {
    **{
        f"share_{s}": (
            f"Share of the article's sentences with status `{s}`: {m}; the six shares sum "
            "to 1 (all 0 when there are no sentences)",
            "share 0..1",
        )
        for s, m in _STATUS_MEANINGS.items()
    },
    "n_sentences": (
        "Sentences in the article (headline and captions included), the denominator of the "
        "shares",
        "count",
    ),
    "n_hedges": (
        "Hedge phrases (lexicons/hedges.toml) found in any sentence, whatever its status",
        "count",
    ),
    "hedges_per_1k_words": ("`n_hedges` per 1,000 words of the body", "per 1,000 words"),
}


class Claims(Family):
    """Claim status per sentence; see framing.sourcing.claims."""

    name: ClassVar[str] = "claims"

    def feature_names(self) -> list[str]:
        return [f"{self.name}__{f}" for f in _FEATURES]

    def feature_docs(self) -> dict[str, tuple[str, str]]:
        """Column name -> (meaning, unit), for docs/features.md."""
        return {f"{self.name}__{k}": FEATURE_DOCS[k] for k in _FEATURES}

    def analyze(self, doc: Document) -> FamilyResult:
        cl = _claims(doc)
        n = len(cl)
        counts = {s: 0 for s in STATUSES}
        for c in cl:
            counts[c["status"]] += 1
        n_hedges = sum(len(c["hedges"]) for c in cl)
        f = {f"share_{s}": (counts[s] / n if n else 0.0) for s in STATUSES}
        f["n_sentences"] = float(n)
        f["n_hedges"] = float(n_hedges)
        f["hedges_per_1k_words"] = 1000.0 * n_hedges / max(1, doc.n_words)
        spans = [
            Evidence(self.name, c["status"], c["start"], c["end"], c["sentence"],
                     doc.voice_at(c["start"], c["end"]))
            for c in cl
        ]
        return FamilyResult(
            features={f"{self.name}__{k}": v for k, v in f.items()},
            spans=spans,
            details={"claims": cl},
        )
