"""The families' scikit-learn transformers, and the analysers that run without scikit-learn."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest
from sklearn.base import clone
from sklearn.utils import estimator_checks as ec

import framing.features
from framing.features import transformers
from framing.features.registry import DEFAULT_FAMILIES, family_class
from framing.text import Document

TEXTS = ['"We will never surrender," the commander said. The rebels shelled the market.', "", "Prices rose."]
CHECKS = ["check_estimator_cloneable", "check_get_params_invariance", "check_set_params", "check_estimators_pickle",
          "check_mixin_order", "check_pipeline_consistency", "check_fit_idempotent"]


@pytest.mark.parametrize("name", DEFAULT_FAMILIES)
def test_transformer_is_its_family_with_the_sklearn_api(name: str) -> None:
    cls = transformers.TRANSFORMERS[name]
    assert issubclass(cls, family_class(name)) and cls.__name__ == family_class(name).__name__
    assert getattr(framing.features, cls.__name__) is cls
    fam = clone(cls()).fit()
    X = fam.transform(TEXTS)
    assert list(fam.get_feature_names_out()) == family_class(name)().feature_names()
    plain = family_class(name)()
    for row, text in zip(X, TEXTS, strict=True):
        feats = plain.analyze(Document(text)).features
        want = [feats[n] for n in fam.get_feature_names_out()]
        np.testing.assert_array_equal(row, np.nan_to_num(np.asarray(want, dtype=float), nan=0.0))


@pytest.mark.parametrize("check", CHECKS)
def test_sklearn_checks_on_a_single_family(check: str) -> None:
    getattr(ec, check)("Readability", transformers.Readability())


def test_analysing_needs_no_sklearn() -> None:
    """scikit-learn costs ~1.3 CPU-s to import: analysing and extracting must not load it."""
    code = (
        "import sys\n"
        "from framing.analyze import analyze_article\n"
        "import framing.features, framing.extract\n"
        "analyze_article('The army said the road was open.')\n"
        "print(sorted(m for m in ('sklearn', 'scipy') if m in sys.modules))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.strip() == "[]"
