"""Loaded-language lexicons: schema, loading with ``file:line`` errors, and the one-pass matcher.

``load_lexicon()`` gives the bundled lexicons (cached per process); pass user files as
``extra`` to add or override entries. ``Lexicon.matcher().find(text)`` lists the hits.
"""

from __future__ import annotations

from framing.lexicon.load import (
    Lexicon,
    count_entries,
    default_paths,
    is_loaded_lexicon,
    load_lexicon,
    parse_file,
    validate_paths,
)
from framing.lexicon.matcher import Match, Matcher, normalise_form, normalise_text, variants
from framing.lexicon.schema import CATEGORIES, Entry, Meta, Referent, slug

__all__ = [
    "CATEGORIES",
    "Entry",
    "Lexicon",
    "Match",
    "Matcher",
    "Meta",
    "Referent",
    "count_entries",
    "default_paths",
    "is_loaded_lexicon",
    "load_lexicon",
    "normalise_form",
    "normalise_text",
    "parse_file",
    "slug",
    "validate_paths",
    "variants",
]
