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

