"""Feature families (one module each) and the registry that names them.

The families are plain analysers; their scikit-learn transformers (``LoadedTerms``,
``Attribution``, ``Claims``, ``Readability``, ``Sentiment``) and ``FramingFeatures`` (all of
them in one) are importable from here but load scikit-learn only when first asked for.
"""

from typing import Any

from framing.features.base import Evidence, Family, FamilyResult
from framing.features.registry import FAMILY_PATHS, family_class, register

#: names importable from here -> the module that defines them (imported on first use)
_LAZY = {
    "FramingFeatures": "framing.features.union",
    **{n: "framing.features.transformers" for n in ("LoadedTerms", "Attribution", "Claims", "Readability",
                                                    "Sentiment", "TextTransformer")},
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["FAMILY_PATHS", "Attribution", "Claims", "Evidence", "Family", "FamilyResult", "FramingFeatures",
           "LoadedTerms", "Readability", "Sentiment", "family_class", "register"]
