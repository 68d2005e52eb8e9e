"""Which outlet names a comparison strips, and where they occur in a text.

The compared outlets' own names and aliases and every wire agency's, from the outlet registry
(lexicons/outlets.toml): an outlet naming itself or a wire credit only says who published the
page, whereas "the Syrian Observatory said" or "Press TV reported" is sourcing, part of the
framing, and stays. Matching is one Aho-Corasick pass (``PhraseFinder``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

from framing.io.outlets import OutletRegistry
from framing.text.phrases import PhraseFinder


def _registry() -> OutletRegistry | None:
    """The outlet registry (lexicons/outlets.toml), or None when it holds no outlets."""
    reg = OutletRegistry.default()
    return reg if len(reg) else None


def _registry_names() -> list[str]:
    """Every outlet name and alias the registry knows."""
    reg = _registry()
    return [] if reg is None else [n for o in reg.outlets for n in (o.name, *o.aliases)]


def outlet_names(outlets: Iterable[str] | None = None) -> tuple[str, ...]:
    """The names to strip: the compared outlets' names and aliases plus every wire agency.

    Only these, not every outlet the registry knows: "the Syrian Observatory said" or "Press
    TV reported" is sourcing, part of the framing we measure, whereas an outlet naming itself
    or a wire credit only says who published the page. ``None`` strips every known name.
    """
    if outlets is None:
        return tuple(sorted(set(_registry_names())))
    wanted = {str(o).strip() for o in outlets if str(o).strip()}
    names: set[str] = set(wanted)
    reg = _registry()
    if reg is None:  # no registry: the group labels themselves are all we know
        return tuple(sorted(names))
    for w in wanted:
        o = reg.lookup(w)
        if o is not None:
            names.update((o.name, *o.aliases))
    for o in reg.agencies():
        names.update((o.name, *o.aliases))
    return tuple(sorted(names))


def _name_regex(names: list[str]) -> str:
    """Alternation of names, longest first, tolerant of "Al-Manar" / "Al Manar" / "AlManar".

    Acronyms (all capitals, up to five letters: "AP", "SANA", "TASS") must match in capitals,
    so "ap" or "Sana'a" are left alone; other names match in any case.
    """
    parts = []
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        tokens = re.split(r"[\s\-]+", name)
        pat = r"[\s\-]?".join(re.escape(t) for t in tokens)
        parts.append(pat if _is_acronym(name) else f"(?i:{pat})")
    return "|".join(parts)


#: what a photo or wire credit in brackets says besides the agency: "(AFP Photo)", "(File

def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 5 and name.isalpha()


@lru_cache(maxsize=8)
def _finder(names: tuple[str, ...]) -> PhraseFinder:
    """One automaton over the names (stripping runs on every article of every comparison);
    acronyms such as "AP" or "SANA" only in capitals, "Al-Manar" also as "Al Manar"/"AlManar"."""
    # scraped text often loses apostrophes ("TRT Worlds correspondent"): the bare possessive
    # is a form of the name too (acronyms excepted: "AAs" is not a word anyone writes)
    bare = [f"{n}s" for n in names if not _is_acronym(n) and not n.endswith("s")]
    return PhraseFinder(
        [*names, *bare], exact={n for n in names if _is_acronym(n)}, fold_separators=True
    )


def outlet_spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where ``names`` (from :func:`outlet_names`) occur in ``text``, each with a possessive
    "'s" after it: what stripping cuts, and what a benchmark counts."""
    spans = []
    for start, end in _finder(names).finditer(text):
        if text[end : end + 2].lower() in ("'s", "\u2019s"):
            end += 2
        spans.append((start, end))
    return spans

