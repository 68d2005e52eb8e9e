"""Short glosses and units for feature columns, from the families' own ``feature_docs()``.

A card or table that prints ``attribution__cue__tweet__person`` asks the reader to know the
code; the families already document every column (``docs/features.md`` is generated from the
same call), so the report shows the first clause of that meaning and its unit beside the name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from functools import lru_cache
from pathlib import Path

#: longest gloss shown in a table cell; the full meaning is in docs/features.md
MAX_GLOSS = 110
_PAREN = re.compile(r"\s*\([^()]*\)")
_CUT = re.compile(r"\s*(?:;|: (?=[a-z])|, per 1,000 words| else 0)")


@lru_cache(maxsize=8)
def _docs(lexicons: tuple[str, ...]) -> dict[str, tuple[str, str]]:
    from framing.analyze import available_families, make_families

    out: dict[str, tuple[str, str]] = {}
    for fam in make_families(available_families(), lexicons):
        if hasattr(fam, "feature_docs"):
            out.update({str(k): (str(m), str(u)) for k, (m, u) in fam.feature_docs().items()})
    return out


def feature_docs(lexicons: Sequence[str | Path] = ()) -> dict[str, tuple[str, str]]:
    """column -> (meaning, unit) for every documented feature column (cached per lexicons)."""
    try:
        return _docs(tuple(str(p) for p in lexicons))
    except ImportError:  # a partial install without the families: names stay bare
        return {}


@lru_cache(maxsize=8192)  # every card glosses the same few thousand columns again
def short(meaning: str, limit: int = MAX_GLOSS) -> str:
    """The meaning's first clause, cut at a word under ``limit`` characters."""
    text = _PAREN.sub("", " ".join(str(meaning).replace("`", "").split()))
    m = _CUT.search(text)
    if m and m.start() >= 20:
        text = text[:m.start()]
    if len(text) > limit:
        text = text[:limit].rsplit(" ", 1)[0] + " …"
    return text.rstrip(" .,")


def gloss(column: str, docs: Mapping[str, tuple[str, str]]) -> tuple[str, str]:
    """(short meaning, unit) of ``column``; a readable fallback from the name when undocumented."""
    got = docs.get(column)
    if got:
        return short(got[0]), got[1]
    if column.startswith("text:"):
        return f"the word(s) “{column[5:]}” in the text (tf-idf)", "tf-idf weight"
    fam, _, rest = column.partition("__")
    return (rest or fam).replace("__", " · ").replace("_", " "), ""


def glossary_rows(columns: Iterable[str], docs: Mapping[str, tuple[str, str]]
                  ) -> list[tuple[str, str, str]]:
    """(column, gloss, unit) for each distinct column, in first-seen order."""
    seen = dict.fromkeys(str(c) for c in columns)
    return [(c, *gloss(c, docs)) for c in seen]
