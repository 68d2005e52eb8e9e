"""The family registry: family names to classes, imported only when a family is used.

It lives with the families (not in ``framing.analyze`` or ``framing.extract``) so that the
API that runs families over one article, the one that runs them over a corpus, and the
all-families transformer each import it, and none of them imports another in a circle.
"""

from __future__ import annotations

import importlib
import inspect
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import FramingError

if TYPE_CHECKING:
    from framing.features.base import Family

#: the families every command runs unless told otherwise, in column order
DEFAULT_FAMILIES: tuple[str, ...] = ("loaded", "attribution", "claims", "readability", "sentiment")

#: Registered families by name -> "module:Class", imported lazily so that
#: ``extract --families loaded,claims`` pays only for what it uses.
FAMILY_PATHS: dict[str, str] = {
    "loaded": "framing.features.loaded:LoadedTerms",
    "attribution": "framing.features.attribution:Attribution",
    "claims": "framing.features.claims:Claims",
    "readability": "framing.features.readability:Readability",
    "sentiment": "framing.features.sentiment:Sentiment",
}


class UnknownFamilyError(FramingError, KeyError):
    """A family name nobody registered (a ``KeyError`` too, as the registry always raised)."""

    __str__ = Exception.__str__  # KeyError would quote the whole message


def register(name: str, path: str) -> None:
    """Register a researcher's own family (``"package.module:Class"``) under ``name``."""
    FAMILY_PATHS[name] = path


def family_class(name: str) -> type[Family]:
    try:
        mod, cls = FAMILY_PATHS[name].split(":")
    except KeyError:
        raise UnknownFamilyError(
            f"unknown feature family {name!r} (known: {', '.join(FAMILY_PATHS)})"
        ) from None
    return getattr(importlib.import_module(mod), cls)


def available_families(names: Iterable[str] = DEFAULT_FAMILIES) -> list[str]:
    """The names whose modules exist (lets partial installs still analyse)."""
    out = []
    for n in names:
        try:
            family_class(n)
        except (ImportError, AttributeError):
            continue
        out.append(n)
    return out


def check_families(names: Iterable[str]) -> list[str]:
    """``names`` (stripped, empty ones dropped), or a one-line error naming the unknown or
    uninstalled ones, so no command gets as far as a traceback for a typo."""
    names = [n.strip() for n in names if n and n.strip()]
    unknown = [n for n in names if n not in FAMILY_PATHS]
    if unknown:
        raise UnknownFamilyError(
            f"unknown feature family {', '.join(unknown)} (known: {', '.join(FAMILY_PATHS)})"
        )
    missing = [n for n in names if n not in available_families([n])]
    if missing:
        raise FramingError(f"feature family {', '.join(missing)} is not installed")
    if not names:
        raise FramingError("no feature family named")
    return names


def resolve_families(families: Sequence[str] | str | None) -> list[str]:
    """Family names to run: ``None`` = every default family whose module is installed."""
    if families is None:
        return available_families(DEFAULT_FAMILIES)
    if isinstance(families, str):
        families = [f.strip() for f in families.split(",") if f.strip()]
    return list(families)


def make_families(names: Iterable[str] = DEFAULT_FAMILIES, lexicons: Sequence[str | Path] = ()) -> list[Family]:
    """Instantiate families by name, passing user lexicons to those that take them."""
    fams: list[Family] = []
    for name in names:
        cls = family_class(name)
        kwargs: dict[str, Any] = {}
        if "lexicons" in inspect.signature(cls.__init__).parameters:
            kwargs["lexicons"] = tuple(str(p) for p in lexicons)
        fams.append(cls(**kwargs))
    return fams
