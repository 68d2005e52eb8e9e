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


class Claims(Family):
    """Claim status per sentence; see framing.sourcing.claims."""

    name: ClassVar[str] = "claims"

    def feature_names(self) -> list[str]:
        return [f"{self.name}__{f}" for f in _FEATURES]

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
