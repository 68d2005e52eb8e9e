"""Column documentation of the ``loaded`` family (docs/features.md is generated from it):
what each lexicon category counts and what each article-level column means, with its unit."""

from __future__ import annotations

#: what each lexicon category counts (README: lexicons/README.md)
CATEGORY_MEANINGS: dict[str, str] = {
    "label": "a contested name or label for a group, e.g. 'Daesh', 'regime', 'terrorists'",
    "dysphemism": "a derogatory name, harsher than the neutral one, e.g. 'armed gangs'",
    "euphemism": "a softening name, e.g. 'military advisers', 'Syrian crisis'",
    "intensifier": "an amplifying word, e.g. 'massive', 'unprecedented'",
    "emotive": "a term chosen for its emotional charge, e.g. 'massacre', 'barrel bombs'",
    "distancing": "a word that casts doubt on a name or claim, e.g. 'so-called', 'alleged'",
    "neutral": "a plain reference name, weight 0, not counted in the rates",
}

#: the article-level columns of the family: (meaning, unit)
RATE_DOCS: dict[str, tuple[str, str]] = {
    "per_1k": (
        "Loaded-term matches (a non-`neutral` entry whose confidence reaches the loaded "
        "threshold, 0.2: not weight-0.1 entries, proper names, repeated lines, a name's 4th "
        "and later uses, or with alone_names a name with no other loaded term near it; "
        "docs/loaded-language.md), narrator and quoted voice together, per 1,000 words of "
        "the body (0 for an empty body)",
        "per 1,000 words",
    ),
    "per_1k_narrator": (
        "Loaded-term matches in the narrator's voice (outside quotations of more than four "
        "words): the outlet's own wording",
        "per 1,000 words",
    ),
    "per_1k_quoted": (
        "Loaded-term matches inside direct quotations (more than four words): a source's "
        "wording the outlet chose to quote",
        "per 1,000 words",
    ),
    "weighted_per_1k": (
        "Sum of the lexicon weights (0..1, how loaded) of the loaded-term matches, any voice",
        "weight per 1,000 words",
    ),
    "per_1k_graded": (
        "Matches of the graded layer only: words no written entry lists whose mean valence in "
        "vaderSentiment's lexicon is strong (lexicons/graded.toml), any voice; also counted in "
        "`per_1k`",
        "per 1,000 words",
    ),
    "n_graded": (
        "Matches of the graded layer (strongly valenced words no written entry lists), any voice",
        "count",
    ),
    "distancing": (
        "Distancing markers: matches of `distancing` entries ('so-called', 'self-styled') "
        "plus scare-quoted names (`scare_quotes`)",
        "count",
    ),
    "scare_quotes": (
        "Short quotations (<= 4 words) whose whole text is one referent's name (the "
        "'rebels'), not after '(' or 'as/called/dubbed/named ...'",
        "count",
    ),
}
