"""The article and corpus model: a corpus is a pandas DataFrame with fixed columns.

A DataFrame (not a list of objects) so researchers can filter, join and group with
pandas directly, and so the feature table is the same shape with columns added.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import pandas as pd

#: The metadata columns of every corpus, in order. ``text`` is the article body
#: (metadata lines removed); every span offset in the project indexes it.
ARTICLE_COLUMNS: tuple[str, ...] = (
    "id",
    "text",
    "title",
    "outlet",  # who wrote it
    "publisher",  # who published this copy
    "origin",  # the original outlet or wire agency when republished
    "date",  # ISO 8601 string (YYYY-MM-DD) or None
    "url",
    "language",
    "source_file",
)

#: Optional columns loaders may add (kept when present).
EXTRA_COLUMNS: tuple[str, ...] = ("label", "warnings")


def make_corpus(rows: Iterable[Mapping[str, Any]]) -> pd.DataFrame:
    """Build a corpus DataFrame from article dicts, filling missing metadata with None."""
    import pandas as pd  # in the functions: ARTICLE_COLUMNS alone must not cost pandas' import

    records = [dict(r) for r in rows]
    df = pd.DataFrame.from_records(records)
    for col in ARTICLE_COLUMNS:
        if col not in df.columns:
            df[col] = None
    extra = [c for c in df.columns if c not in ARTICLE_COLUMNS]
    df = df[list(ARTICLE_COLUMNS) + extra]
    df["text"] = df["text"].fillna("").astype(str)
    return df.reset_index(drop=True)


def as_texts(X: Any) -> list[str]:
    """Accept a corpus DataFrame, a Series, or any iterable of strings; return the texts.

    Every feature family takes the same inputs, so this is the one place that knows them.
    """
    import pandas as pd

    if isinstance(X, pd.DataFrame):
        if "text" not in X.columns:
            raise ValueError(f"DataFrame has no 'text' column (columns: {list(X.columns)})")
        return ["" if v is None else str(v) for v in X["text"].tolist()]
    if isinstance(X, pd.Series):
        return ["" if v is None else str(v) for v in X.tolist()]
    if isinstance(X, str):
        return [X]
    return ["" if v is None else str(v) for v in X]
