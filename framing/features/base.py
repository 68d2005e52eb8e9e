"""The feature-family contract: one module per family, each a plain analyser.

A family analyses one :class:`~framing.text.Document` at a time and returns flat numeric
features plus evidence spans (and JSON details for ``framing analyze``). The families
import nothing from scikit-learn, which costs more than a second to import and which
``framing analyze`` and ``framing extract`` never use; the scikit-learn transformers of
the same names, built on these, live in :mod:`framing.features.transformers`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

from framing.text import Document


@dataclass(slots=True)
class Evidence:
    """One evidence span: what was found, where (offsets into the article body), in which voice."""

    family: str
    label: str
    start: int
    end: int
    text: str
    voice: str = "narrator"


@dataclass(slots=True)
class FamilyResult:
    """What a family finds in one article."""

    features: dict[str, float] = field(default_factory=dict)
    spans: list[Evidence] = field(default_factory=list)
    #: JSON-ready details merged into the ``framing analyze`` object (fixed keys:
    #: ``loaded_terms``, ``attributions``, ``claims``).
    details: dict[str, Any] = field(default_factory=dict)


class Family:
    """Base class. Subclasses set ``name`` and implement ``feature_names`` and ``analyze``.

    Parameters are kept as attributes of the same names (scikit-learn's convention), so
    that :mod:`framing.features.transformers` can make any family a transformer by
    inheritance alone.
    """

    name: ClassVar[str] = "family"
    #: what a transformer puts where a feature is undefined (NaN in ``analyze``: e.g. the
    #: sentiment towards an actor the article never mentions), so that a single family
    #: feeds an estimator that rejects NaN, as ``FramingFeatures`` does; None keeps NaN
    fill_value: ClassVar[float | None] = 0.0

    def feature_names(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def analyze(self, doc: Document) -> FamilyResult:  # pragma: no cover - abstract
        raise NotImplementedError


def __getattr__(name: str) -> Any:
    # TextTransformer moved to framing.features.transformers (it needs scikit-learn); the
    # old import path still works, paying for scikit-learn only when it is asked for
    if name == "TextTransformer":
        from framing.features.transformers import TextTransformer

        return TextTransformer
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


# The registry moved to framing.features.registry; these names stay importable from here.
from framing.features.registry import FAMILY_PATHS, family_class, register  # noqa: E402

__all__ = ["FAMILY_PATHS", "Evidence", "Family", "FamilyResult", "family_class", "register"]
