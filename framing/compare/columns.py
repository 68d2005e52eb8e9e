"""Which columns of a feature table a framing model may read.

Only numeric ``<family>__<name>`` columns: never ids, outlets, labels or other metadata, so a
model can never learn the answer from the table's bookkeeping.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

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
#: sentence count (a template, not a stance), any ``style__`` family, and the columns of a name
#: that only spells another name of the same referent differently (``spelling_variants``:
#: "US" beside "United States", "IS" beside "Islamic State"). Framing models leave them out
#: unless asked (``compare_outlets(style=True)``), so "Vox writes US, the others U.S." or
#: "wire copy is short" cannot pass for framing; the statistics still test them.
STYLE_COLUMNS = frozenset({
    "readability__lexicon_count", "readability__sentence_count", "claims__n_sentences",
})
STYLE_FAMILIES = ("style__",)
_NAME_COLUMN = re.compile(r"^loaded__(?:rate|lead)__(.+)$|^loaded__naming__[a-z0-9_]+?__(.+)$")


def _letters(s: str) -> str:
    return re.sub(r"[^a-z0-9]", "", s.lower())


def _initials(s: str) -> str:
    return "".join(w[0] for w in re.findall(r"[a-z0-9]+", s.lower()))


@lru_cache(maxsize=1)
def spelling_variants() -> frozenset[str]:
    """Slugs of lexicon names that respell another name of their referent: the same letters
    ("al-Assad" / "al Assad") or its initials ("US" / "United States"), in the same category
    (an initialism that changes the loading, "Uncle Sam" for "US", is a naming choice). The
    shorter name of each such pair is the variant; the other keeps its columns."""
    from framing.lexicon import load_lexicon, slug

    by_ref: dict[tuple[str, str], list[str]] = {}
    for e in load_lexicon().entries:
        if e.referent:
            names = by_ref.setdefault((e.referent, e.category), [])
            if e.canonical not in names:
                names.append(e.canonical)
    out = set()
    for names in by_ref.values():
        for a in names:
            for b in names:
                if a != b and len(a) <= len(b) and (
                    _letters(a) == _letters(b) or _letters(a) == _initials(b)
                ) and (len(a) < len(b) or a > b):
                    out.add(slug(a))
    return frozenset(out)


def is_style(col: str) -> bool:
    """Whether ``col`` measures house style or layout (see STYLE_COLUMNS)."""
    if col in STYLE_COLUMNS or col.startswith(STYLE_FAMILIES):
        return True
    m = _NAME_COLUMN.match(col)
    return bool(m) and (m.group(1) or m.group(2)) in spelling_variants()
