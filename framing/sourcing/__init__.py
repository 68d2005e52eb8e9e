"""Sourcing: attributions (who says what), anonymous sources and claim status.

``sourcing_table(corpus_df)`` gives the per-article scores for a corpus as a DataFrame;
``attributions(doc)`` and ``claims(doc)`` give the JSON-ready details of one document.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from framing.sourcing.attribution import attributions, classify_source, extract
from framing.sourcing.claims import STATUSES, claims

if TYPE_CHECKING:
    import pandas as pd

__all__ = ["STATUSES", "attributions", "claims", "classify_source", "extract", "sourcing_table"]


def sourcing_table(corpus: Any) -> pd.DataFrame:
    """One row per article: ``id`` (when the corpus has one) + every ``attribution__*`` and
    ``claims__*`` feature. Accepts a corpus DataFrame, a Series or a list of texts."""
    import pandas as pd

    from framing.corpus import as_texts
    from framing.features.attribution import Attribution
    from framing.features.claims import Claims
    from framing.text import Document

    fams = [Attribution(), Claims()]
    names = [n for f in fams for n in f.feature_names()]
    rows = []
    for text in as_texts(corpus):
        doc = Document(text)
        row: dict[str, float] = {}
        for fam in fams:
            row.update(fam.analyze(doc).features)
        rows.append([row.get(n, 0.0) for n in names])
    out = pd.DataFrame(rows, columns=names)
    if isinstance(corpus, pd.DataFrame) and "id" in corpus.columns:
        out.insert(0, "id", corpus["id"].to_numpy())
    return out
