"""Loaded-language lexicons: schema, loading with ``file:line`` errors, and the one-pass matcher.

``load_lexicon()`` gives the bundled lexicons (cached per process); pass user files as
``extra`` to add or override entries. ``Lexicon.matcher().find(text)`` lists the hits.
"""

from __future__ import annotations

from framing.lazy import lazy_getattr

# imported on first use (PEP 562): the CLI parser needs only framing.lexicon.packs, and the
# schema (pydantic) and matcher cost a fifth of a CPU-second that building it need not pay
_LAZY = {
    **dict.fromkeys(("Lexicon", "count_entries", "default_paths", "is_loaded_lexicon", "load_lexicon", "parse_file",
                     "validate_paths"), "framing.lexicon.load"),
    **dict.fromkeys(("Match", "Matcher", "normalise_form", "normalise_text", "variants"), "framing.lexicon.matcher"),
    **dict.fromkeys(("Entry", "Meta", "Referent"), "framing.lexicon.schema"),
    **dict.fromkeys(("CATEGORIES", "slug"), "framing.lexicon.basics"),
}


__getattr__ = lazy_getattr(__name__, _LAZY)


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
