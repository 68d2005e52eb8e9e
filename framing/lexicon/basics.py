"""The plain parts of the lexicon format: categories, review states, the tokens of sense-rule
patterns, and the slug of a canonical name.

Their own module, free of pydantic: the schema (:mod:`framing.lexicon.schema`) validates
with them and the families and the matcher read them, and a process that reads the lexicon
from the disk cache must not import the schema for a few strings.
"""

from __future__ import annotations

import re

#: What kind of loaded language an entry is. ``neutral`` names (weight 0) are kept so the
#: naming-choice profile can compare loaded names with plain ones.
CATEGORIES: tuple[str, ...] = (
    "label",
    "dysphemism",
    "euphemism",
    "intensifier",
    "emotive",
    "distancing",
    "neutral",
)
#: Review state of an entry. Written entries are ``accepted`` (the default); ``framing lexicon
#: suggest`` writes ``suggested`` ones, which load and validate but do not count until a
#: researcher sets ``accepted`` (or ``rejected``, which keeps the term out of later drafts).
STATUSES: tuple[str, ...] = ("accepted", "suggested", "rejected")

#: tokens a context pattern may use besides plain words: any one word, any number
CONTEXT_ANY = "*"
CONTEXT_NUMBER = "<num>"


def slug(text: str) -> str:
    """A feature-name-safe form of a canonical name (``so-called`` -> ``so_called``)."""
    s = re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")
    return s or "x"
