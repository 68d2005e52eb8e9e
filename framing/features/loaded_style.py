"""Spelling-style columns of the loaded family (off by default): house style, not framing.

"U.S.", "US" and "United States" are one name for naming shares (one lexicon entry); how an
outlet spells its names is a house-style habit (Vox writes "US", Reuters "U.S."), which a
classifier of outlets picks up at once and which says nothing about framing. These columns keep
that difference measurable for a researcher who wants it (``LoadedTerms(style=True)``); models
of framing leave them out.
"""

from __future__ import annotations

from collections.abc import Sequence

from framing.lexicon import Match

PREFIX = "loaded__style__"
STYLE_DOCS: dict[str, tuple[str, str]] = {
    f"{PREFIX}dotted_abbreviations": (
        "House style, not framing (only with `LoadedTerms(style=True)`): of the lexicon names "
        "written as an abbreviation ('U.S.', 'US', 'U.N.'), the share written with full stops "
        "(0 when none)",
        "share 0..1",
    ),
    f"{PREFIX}abbreviated": (
        "House style, not framing (only with `style=True`): of the mentions of names that have an "
        "abbreviation ('United States' / 'US'), the share written as the abbreviation (0 when none)",
        "share 0..1",
    ),
    f"{PREFIX}hyphenated": (
        "House style, not framing (only with `style=True`): of the matches of names the lexicon "
        "writes with a hyphen ('al-Assad', 'al-Nusra'), the share written with a hyphen rather "
        "than a space ('al Assad') (0 when none)",
        "share 0..1",
    ),
}
STYLE_COLUMNS: tuple[str, ...] = tuple(STYLE_DOCS)


def _is_abbreviation(surface: str) -> bool:
    core = surface.removesuffix("'s").removesuffix("\u2019s").replace(".", "")
    return len(core) >= 2 and core.isalpha() and core.isupper()


def has_abbreviation(forms: Sequence[str]) -> bool:
    """Whether a name has an abbreviated form among its forms."""
    return any(_is_abbreviation(f) for f in forms)


def style_features(
    matches: Sequence[Match], abbreviated: frozenset[int], hyphenated: frozenset[int]
) -> dict[str, float]:
    """The three style shares over an article's matches. ``abbreviated``/``hyphenated``: id()
    of the entries with an abbreviation form / a hyphenated form."""
    n_abbr = n_dotted = n_named = n_short = n_hyph = n_hyph_written = 0
    for m in matches:
        surface = m.text
        key = id(m.entry)
        if _is_abbreviation(surface):
            n_abbr += 1
            n_dotted += "." in surface
        if key in abbreviated:
            n_named += 1
            n_short += _is_abbreviation(surface)
        if key in hyphenated and ("-" in surface or " " in surface):
            n_hyph += 1
            n_hyph_written += "-" in surface
    return {
        f"{PREFIX}dotted_abbreviations": n_dotted / n_abbr if n_abbr else 0.0,
        f"{PREFIX}abbreviated": n_short / n_named if n_named else 0.0,
        f"{PREFIX}hyphenated": n_hyph_written / n_hyph if n_hyph else 0.0,
    }
