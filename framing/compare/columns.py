"""Which columns of a feature table a framing model may read.

Only numeric ``<family>__<name>`` columns: never ids, outlets, labels or other metadata, so a
model can never learn the answer from the table's bookkeeping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import pandas as pd

from framing.corpus import ARTICLE_COLUMNS, EXTRA_COLUMNS

#: ``<family>__<name>``: the only columns a framing model may see.
_FEATURE_COL = re.compile(r"^[a-z][a-z0-9_]*__\S+$")
_METADATA = set(ARTICLE_COLUMNS) | set(EXTRA_COLUMNS) | {"errors", "labels", "location"}


def framing_columns(df: pd.DataFrame, exclude: Iterable[str] = ()) -> list[str]:
    """Numeric ``<family>__<name>`` columns: never ids, outlets, labels or other metadata."""
    skip = _METADATA | set(exclude)
    return [
        c
        for c in df.columns
        if isinstance(c, str)
        and c not in skip
        and _FEATURE_COL.match(c)
        and pd.api.types.is_numeric_dtype(df[c])
        and not pd.api.types.is_bool_dtype(df[c])
    ] + [
        c
        for c in df.columns
        if isinstance(c, str) and c not in skip and _FEATURE_COL.match(c)
        and pd.api.types.is_bool_dtype(df[c])
    ]



#: Columns that measure house style or layout rather than framing: an outlet's length and
#: sentence count (a template, not a stance), and any ``style__`` family (spelling and casing
#: variants of one name, kept apart from the naming shares). Framing models leave them out
#: unless asked (``compare_outlets(style=True)``), so "Vox writes US, the others U.S." or
#: "wire copy is short" cannot pass for framing; the statistics still test them.
STYLE_COLUMNS = frozenset({
    "readability__lexicon_count", "readability__sentence_count", "claims__n_sentences",
})
STYLE_FAMILIES = ("style__",)


def is_style(col: str) -> bool:
    """Whether ``col`` measures house style or layout (see STYLE_COLUMNS)."""
    return col in STYLE_COLUMNS or col.startswith(STYLE_FAMILIES)
