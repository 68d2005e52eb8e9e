"""The feature-family contract: one module per family, each a scikit-learn transformer.

A family analyses one :class:`~framing.text.Document` at a time and returns flat numeric
features plus evidence spans (and JSON details for ``framing analyze``). The transformer
methods are derived from that, so every family drops into a ``Pipeline`` the same way.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, ClassVar

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from framing.corpus import as_texts
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


class TextTransformer(TransformerMixin, BaseEstimator):
    """What every text-to-features transformer here shares: texts in, names fixed at ``fit``."""

    def get_feature_names_out(self, input_features: Any = None) -> np.ndarray:
        if not hasattr(self, "feature_names_out_"):
            self.fit()
        return self.feature_names_out_.copy()

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        tags.input_tags.two_d_array = False
        tags.requires_fit = False
        return tags


class Family(TextTransformer):
    """Base class. Subclasses set ``name`` and implement ``feature_names`` and ``analyze``.

    ``fit`` learns nothing (the features are defined by rules and lexicons) but fixes the
    column order, so ``transform`` output always matches ``get_feature_names_out``.
    """

    name: ClassVar[str] = "family"
    #: what ``transform`` puts where a feature is undefined (NaN in ``analyze``: e.g. the
    #: sentiment towards an actor the article never mentions), so that a single family
    #: feeds an estimator that rejects NaN, as ``FramingFeatures`` does; None keeps NaN
    fill_value: ClassVar[float | None] = 0.0

    def feature_names(self) -> list[str]:  # pragma: no cover - abstract
        raise NotImplementedError

    def analyze(self, doc: Document) -> FamilyResult:  # pragma: no cover - abstract
        raise NotImplementedError

    # --- scikit-learn API -------------------------------------------------
    def fit(self, X: Any = None, y: Any = None) -> Family:
        self.feature_names_out_ = np.asarray(self.feature_names(), dtype=object)
        self.n_features_out_ = len(self.feature_names_out_)
        return self

    def transform(self, X: Any) -> np.ndarray:
        if not hasattr(self, "feature_names_out_"):
            self.fit(X)
        names = list(self.feature_names_out_)
        texts = as_texts(X)
        out = np.zeros((len(texts), len(names)), dtype=float)
        for i, text in enumerate(texts):
            feats = self.analyze(Document(text)).features
            out[i] = [feats.get(n, 0.0) for n in names]
        if self.fill_value is not None:
            out[np.isnan(out)] = self.fill_value
        return out


# The registry moved to framing.features.registry; these names stay importable from here.
from framing.features.registry import FAMILY_PATHS, family_class, register  # noqa: E402

__all__ = ["FAMILY_PATHS", "Evidence", "Family", "FamilyResult", "TextTransformer", "family_class", "register"]
