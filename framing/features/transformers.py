"""The feature families as scikit-learn transformers (``fit``/``transform``/``get_feature_names_out``).

Each transformer here is its family's analyser (``framing.features.<family>``) with the
transformer methods mixed in, so it takes the same parameters, clones, pickles and drops
into a ``Pipeline``. This is the only module of the families that imports scikit-learn
(about 1.3 CPU-seconds, most of it scipy): ``framing analyze`` and ``framing extract``
use the analysers and never load it.
"""

from __future__ import annotations

from typing import Any

import numpy as np
from sklearn.base import BaseEstimator, TransformerMixin

from framing.corpus import as_texts
from framing.features import attribution, claims, loaded, readability, sentiment
from framing.features.base import Family
from framing.text import Document


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


class FamilyTransformer(TextTransformer, Family):
    """The transformer methods of one family; put it first among the bases, the family second.

    ``fit`` learns nothing (the features are defined by rules and lexicons) but fixes the
    column order, so ``transform`` output always matches ``get_feature_names_out``.
    """

    def fit(self, X: Any = None, y: Any = None) -> FamilyTransformer:
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


class LoadedTerms(FamilyTransformer, loaded.LoadedTerms):
    __doc__ = loaded.LoadedTerms.__doc__


class Attribution(FamilyTransformer, attribution.Attribution):
    __doc__ = attribution.Attribution.__doc__


class Claims(FamilyTransformer, claims.Claims):
    __doc__ = claims.Claims.__doc__


class Readability(FamilyTransformer, readability.Readability):
    __doc__ = readability.Readability.__doc__


class Sentiment(FamilyTransformer, sentiment.Sentiment):
    __doc__ = sentiment.Sentiment.__doc__


#: family name -> its transformer class (a researcher's own family: FramingFeatures(families=[name]))
TRANSFORMERS: dict[str, type[FamilyTransformer]] = {
    cls.name: cls for cls in (LoadedTerms, Attribution, Claims, Readability, Sentiment)
}

__all__ = ["TRANSFORMERS", "Attribution", "Claims", "FamilyTransformer", "LoadedTerms", "Readability", "Sentiment",
           "TextTransformer"]
