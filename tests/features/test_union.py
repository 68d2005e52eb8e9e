"""FramingFeatures: all families in one scikit-learn transformer over shared documents."""

from __future__ import annotations

import numpy as np
import pytest
from sklearn.linear_model import LogisticRegression
from sklearn.model_selection import GridSearchCV
from sklearn.pipeline import make_pipeline
from sklearn.preprocessing import StandardScaler
from sklearn.utils import estimator_checks as ec

import framing.features.union as union_mod
from framing.analyze import available_families
from framing.features import FramingFeatures
from framing.features.transformers import TRANSFORMERS

TEXTS = [
    "The rebels shelled the market, killing twelve civilians. Residents said the attack was brutal.",
    "Officials opened a new school in the city. Parents praised the wonderful teachers.",
    "",
    '"We will never surrender," the commander said. Fighting continued near Aleppo.',
]

# Checks that apply to a transformer that takes raw texts and learns nothing. The rest of
# scikit-learn's generic checks do not apply: they feed numeric 2-D arrays and expect
# numeric validation (NaN/inf, sparse, 1-D, complex, negative values, n_features_in_),
# sample weights, or classifier/regressor/outlier methods. ``check_estimator`` itself
# skips every check for string-input estimators (``input_tags.two_d_array=False``).
# Where a check below feeds numbers, they arrive as texts ("[0.1 0.5]"), which still
# exercises the API contract: params untouched, pickling, subset/order invariance.
APPLICABLE_CHECKS = [
    "check_estimator_cloneable",
    "check_estimator_repr",
    "check_estimator_tags_renamed",
    "check_valid_tag_types",
    "check_mixin_order",
    "check_parameters_default_constructible",
    "check_no_attributes_set_in_init",
    "check_do_not_raise_errors_in_init_or_set_params",
    "check_get_params_invariance",
    "check_set_params",
    "check_dont_overwrite_parameters",
    "check_estimators_overwrite_params",
    "check_estimators_fit_returns_self",
    "check_estimators_pickle",
    "check_fit_idempotent",
    "check_transformer_n_iter",
    "check_requires_y_none",
    "check_fit_check_is_fitted",
    "check_pipeline_consistency",
    "check_methods_subset_invariance",
    "check_methods_sample_order_invariance",
    "check_dict_unchanged",
]


@pytest.mark.parametrize("check", APPLICABLE_CHECKS)
def test_sklearn_estimator_checks(check: str) -> None:
    getattr(ec, check)("FramingFeatures", FramingFeatures(families=["readability", "sentiment"]))


def test_default_is_every_available_family() -> None:
    ff = FramingFeatures().fit()
    prefixes = {n.split("__", 1)[0] for n in ff.get_feature_names_out()}
    assert prefixes == set(available_families())
    assert {"readability", "sentiment"} <= prefixes


def test_union_equals_each_family_alone() -> None:
    names = available_families()
    ff = FramingFeatures(families=names).fit()
    X = ff.transform(TEXTS)
    parts = [TRANSFORMERS[name]().fit().transform(TEXTS) for name in names]
    expected = np.hstack(parts)
    assert X.shape == expected.shape == (len(TEXTS), len(ff.get_feature_names_out()))
    np.testing.assert_allclose(X, expected)
    # undefined features are NaN until filled: the union can keep them, as the table does
    kept = FramingFeatures(families=names, fill_value=None).fit().transform(TEXTS)
    assert np.isnan(kept).any() and np.array_equal(np.nan_to_num(kept, nan=0.0), X)


def test_a_single_family_feeds_an_estimator_that_rejects_nan() -> None:
    """Sentiment() alone emitted NaN (an actor never mentioned), breaking a plain pipeline."""
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import make_pipeline

    from framing.features.transformers import Sentiment

    assert np.isnan(FramingFeatures(families=["sentiment"], fill_value=None).fit_transform(TEXTS)).any()
    model = make_pipeline(Sentiment(), LogisticRegression()).fit(TEXTS, [i % 2 for i in range(len(TEXTS))])
    assert len(model.predict(TEXTS)) == len(TEXTS)


def test_one_document_per_text(monkeypatch) -> None:
    built: list[str] = []
    real = union_mod.Document

    class Counting(real):  # type: ignore[misc, valid-type]
        def __init__(self, text: str) -> None:
            built.append(text)
            super().__init__(text)

    monkeypatch.setattr(union_mod, "Document", Counting)
    FramingFeatures().fit().transform(TEXTS)
    assert built == TEXTS


def test_fill_value_and_names() -> None:
    ff = FramingFeatures(families="sentiment,readability", fill_value=None).fit()
    names = list(ff.get_feature_names_out())
    assert names[0].startswith("sentiment__") and names[-1].startswith("readability__")
    X = ff.transform([""])
    assert np.isnan(X).any()  # sentence statistics of an empty text are undefined
    assert not np.isnan(FramingFeatures(families=["sentiment"]).fit_transform([""])).any()


def test_pipeline_with_grid_search() -> None:
    good = [
        "Volunteers happily rebuilt the school; the community celebrated a wonderful success.",
        "Doctors praised the brave nurses. Families were grateful and hopeful.",
        "The festival brought joy, music and laughter to the peaceful town.",
        "Aid workers delivered food and smiles; children loved the generous gifts.",
        "The talks ended in a friendly agreement that both sides welcomed warmly.",
        "Farmers enjoyed a great harvest and thanked their supportive neighbours.",
    ]
    bad = [
        "The bombing killed dozens; survivors described a horrific, brutal massacre.",
        "Militants tortured prisoners and burned homes in a terrible attack.",
        "Famine and disease spread fear and misery through the ruined camp.",
        "Snipers murdered fleeing civilians; the wounded screamed in pain.",
        "The collapse left families devastated, angry and grieving their dead.",
        "Shelling destroyed the hospital, a cruel and deadly assault on the sick.",
    ]
    X = good + bad
    y = [1] * len(good) + [0] * len(bad)
    pipe = make_pipeline(FramingFeatures(), StandardScaler(), LogisticRegression())
    grid = GridSearchCV(
        pipe,
        {
            "framingfeatures__families": [["sentiment"], ["readability"]],
            "logisticregression__C": [0.1, 1.0],
        },
        cv=3,
    )
    grid.fit(X, y)
    assert grid.best_score_ >= 0.8
    assert grid.best_params_["framingfeatures__families"] == ["sentiment"]
    pred = grid.predict(
        ["A joyful, peaceful celebration of friendship.", "A brutal, deadly attack killed many."]
    )
    assert list(pred) == [1, 0]
