"""Analyse articles: run the feature families over one article and assemble the JSON object.

This is the API behind ``framing analyze``, the report's article cards and the
notebooks' ``_repr_html_``; ``framing.extract`` runs the same families over a corpus.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

from framing.corpus import ARTICLE_COLUMNS
from framing.features.base import Family, FamilyResult
from framing.features.registry import DEFAULT_FAMILIES, available_families, make_families
from framing.text import Document
from framing.text.gate import clean_text

#: the registry's helpers stay importable from here, where they used to live
__all__ = ["DEFAULT_FAMILIES", "META_KEYS", "analyze_article", "available_families", "make_families", "run_families",
           "warning_list"]
META_KEYS = ("title", "outlet", "publisher", "origin", "date", "url", "language", "source_file")


def run_families(doc: Document, families: Sequence[Family]) -> list[FamilyResult]:
    return [f.analyze(doc) for f in families]


def analyze_article(
    article: Mapping[str, Any] | str,
    families: Sequence[Family] | None = None,
    lexicons: Sequence[str | Path] = (),
) -> dict[str, Any]:
    """One article (a corpus row or a bare text) -> the ``framing analyze`` JSON object.

    Keys: ``id``, ``article`` (metadata), ``body``, ``loaded_terms``, ``attributions``,
    ``claims``, ``scores``, ``warnings``. Every span's start/end indexes ``body``.
    """
    row: dict[str, Any] = {"text": article} if isinstance(article, str) else dict(article)
    raw = row.get("text")
    # the same gate as `framing extract`: a text too long to segment in reasonable time, or
    # undecodable bytes, is reported and kept as it came, not analysed
    text, problem = clean_text(raw)
    if problem == "empty text":  # analysed as ever: every family scores the empty text
        text, problem = "", None
    body = text if text is not None else (raw if isinstance(raw, str) else "")
    if families is None:
        families = make_families(available_families(), lexicons)
    out: dict[str, Any] = {
        "id": row.get("id"),
        "article": {k: _jsonable(row.get(k)) for k in META_KEYS},
        "body": body,
        "loaded_terms": [],
        "attributions": [],
        "claims": [],
        "scores": {},
        "warnings": warning_list(row.get("warnings")) + ([problem] if problem else []),
    }
    for res in run_families(Document(body), families) if text is not None else []:
        for key, value in res.details.items():
            out[key] = value
        out["scores"].update({k: _jsonable(v) for k, v in res.features.items()})
    extra = {k: _jsonable(v) for k, v in row.items() if k not in ARTICLE_COLUMNS and k != "warnings"}
    if extra:
        out["article"].update(extra)
    return out


def warning_list(value: Any) -> list[str]:
    """A row's ``warnings`` as a list, whatever the table gave: a list, an array (Parquet),
    None, or NaN (pandas reads an empty cell as NaN, which is truthy and not iterable)."""
    if value is None or (isinstance(value, float) and value != value):
        return []
    if isinstance(value, str):
        return [value] if value.strip() else []
    return [str(w) for w in value]


def _jsonable(v: Any) -> Any:
    if v is None:
        return None
    try:
        import math

        if isinstance(v, float) and math.isnan(v):
            return None
    except TypeError:
        pass
    if hasattr(v, "item"):
        return v.item()
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v
