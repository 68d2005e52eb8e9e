"""Feature families (one module each) and the registry that names them.

The families are plain analysers; their scikit-learn transformers (``LoadedTerms``,
``Attribution``, ``Claims``, ``Readability``, ``Sentiment``) and ``FramingFeatures`` (all of
them in one) are importable from here but load scikit-learn only when first asked for.
"""

from framing.features.base import Evidence, Family, FamilyResult
from framing.features.registry import FAMILY_PATHS, family_class, register
from framing.lazy import lazy_getattr

#: names importable from here -> the module that defines them (imported on first use)
_LAZY = {
    "FramingFeatures": "framing.features.union",
    **{n: "framing.features.transformers" for n in ("LoadedTerms", "Attribution", "Claims", "Readability",
                                                    "Sentiment", "TextTransformer")},
}


__getattr__ = lazy_getattr(__name__, _LAZY)


__all__ = ["FAMILY_PATHS", "Attribution", "Claims", "Evidence", "Family", "FamilyResult", "FramingFeatures",
           "LoadedTerms", "Readability", "Sentiment", "family_class", "register"]
