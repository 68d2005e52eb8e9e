
from framing.compare.columns import framing_columns
from framing.compare.explain import bootstrap_coefs, coef_matrix, top_features
from framing.compare.models import build_model


def _fit(features, cols):
    y = features["outlet"].to_numpy()
    return build_model("framing", cols).fit(features, y), y


def test_top_features_name_the_feature_that_marks_each_outlet(tiny):
    features, spans, corpus = tiny
    cols = framing_columns(features, exclude={"label"})
    model, y = _fit(features, cols)
    low, high, _ = bootstrap_coefs(model, features, y, n_boot=20, seed=0)
    top = top_features(model, k=2, ci=(low, high))
    alpha = top[top.by == "Alpha Daily"]
    assert set(alpha.feature) & {"loaded__naming__x__militants"}
    gamma = top[top.by == "Gamma Times"].iloc[0]
    assert gamma.feature == "loaded__per_1k"
    assert gamma.ci_low > 0 and gamma.ci_low <= gamma.coef <= gamma.ci_high
    assert "noise" not in " ".join(top.feature)


def test_every_coefficient_lies_inside_its_own_interval(tiny):
    features, _, _ = tiny
    cols = framing_columns(features, exclude={"label"})
    model, y = _fit(features, cols)
    low, high, _ = bootstrap_coefs(model, features, y, n_boot=15, seed=3)
    coef, _ = coef_matrix(model)
    assert low.shape == coef.shape
    assert (low <= coef + 1e-12).all() and (coef <= high + 1e-12).all()
    assert (high - low > 0).any()
