"""Every feature family as one scikit-learn transformer.

A ``FeatureUnion`` of the families would build and segment each text once per family;
here one :class:`~framing.text.Document` per text is shared by all of them, so
segmentation and quotation finding run once.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from framing.corpus import as_texts
from framing.features.base import Family, FamilyResult
from framing.features.registry import make_families, resolve_families
from framing.features.transformers import TextTransformer
from framing.text import Document


class FramingFeatures(TextTransformer):
    """All (or the named) feature families in one transformer.

    Parameters
    ----------
    families:
        Family names (``"loaded"``, ``"readability"``, ...) or ``None`` for every
        default family that is available.
    lexicons:
        Extra lexicon files passed to the families that take them.
    fill_value:
        Value put where a feature is undefined (e.g. the sentiment towards an actor the
        article never mentions, NaN in the feature table) so that estimators which
        reject NaN work; ``None`` keeps NaN. The ``*_n__*`` count columns still tell
        "not mentioned" apart.
    """

    def __init__(
        self,
        families: Sequence[str] | None = None,
        lexicons: Sequence[str | Path] = (),
        fill_value: float | None = 0.0,
    ) -> None:
        self.families = families
        self.lexicons = lexicons
        self.fill_value = fill_value

    def _make(self) -> list[Family]:
        return make_families(resolve_families(self.families), self.lexicons)

    def fit(self, X: Any = None, y: Any = None) -> FramingFeatures:
        """Fix the families and column order (nothing is learned from the data)."""
        self.families_ = self._make()
        names: list[str] = []
        for fam in self.families_:
            names.extend(fam.feature_names())
        self.feature_names_out_ = np.asarray(names, dtype=object)
        self.n_features_out_ = len(names)
        return self

    def analyze_document(self, doc: Document) -> list[FamilyResult]:
        """Every family's result for one shared document."""
        if not hasattr(self, "families_"):
            self.fit()
        return [fam.analyze(doc) for fam in self.families_]

    def transform(self, X: Any) -> np.ndarray:
        if not hasattr(self, "feature_names_out_"):
            self.fit()
        texts = as_texts(X)
        index = {n: j for j, n in enumerate(self.feature_names_out_)}
        out = np.full((len(texts), len(index)), np.nan, dtype=float)
        for i, text in enumerate(texts):
            row = out[i]
            for res in self.analyze_document(Document(text)):
                for name, value in res.features.items():
                    j = index.get(name)
                    if j is not None:
                        row[j] = value
        if self.fill_value is not None:
            out[np.isnan(out)] = self.fill_value
        return out

