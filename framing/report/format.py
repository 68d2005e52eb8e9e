"""Number formatting shared by the card and the report tables."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any


def fmt(v: Any, digits: int = 2) -> str:
    """A readable cell: thousands separators, fixed decimals, '–' for missing."""
    if v is None:
        return "–"
    if isinstance(v, bool):
        return str(v)
    if hasattr(v, "item") and not isinstance(v, str | bytes):
        try:
            v = v.item()
        except (ValueError, AttributeError):
            pass
    if isinstance(v, int):
        return f"{v:,}"
    if isinstance(v, float):
        if math.isnan(v):
            return "–"
        if v.is_integer() and abs(v) < 1e9:
            return f"{int(v):,}"
        if v != 0 and abs(v) < 10 ** -digits:
            return f"{v:.2g}"  # 0.0085, not 0.01 or 8.5e-03 (g switches to e below 1e-4)
        return f"{v:,.{digits}f}"
    return str(v)


def is_loaded(term: Mapping[str, Any]) -> bool:
    """Whether a loaded-terms hit counts as loaded: the family's own decision (its confidence
    against the threshold, so weight-0.1 wire words do not count), or, for analyses saved
    before the family made it, any category but neutral."""
    if "loaded" in term:
        return bool(term["loaded"])
    return term.get("category") != "neutral"


def n_loaded(analysis: Mapping[str, Any]) -> int:
    return sum(1 for t in analysis.get("loaded_terms") or [] if is_loaded(t))

