import numpy as np

from framing.compare.columns import framing_columns
from framing.compare.explain import add_examples, bootstrap_coefs, top_features
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


def test_examples_come_from_that_outlets_evidence_spans(tiny):
    features, spans, corpus = tiny
    cols = framing_columns(features, exclude={"label"})
    model, _ = _fit(features, cols)
    top = top_features(model, k=1)
    texts = dict(zip(corpus["id"], corpus["text"], strict=True))
    ex = add_examples(top, features, "outlet", spans_df=spans, texts=texts, n=2)
    row = ex[ex.feature == "loaded__naming__x__militants"].iloc[0]
    assert len(row.examples) == 2
    assert all("militants were seen" in s for s in row.examples)  # whole sentences, Alpha's


def test_word_features_get_sentences_containing_the_word(tiny):
    features, _, corpus = tiny
    X = features.assign(text=corpus["text"].values)
    y = X["outlet"].to_numpy()
    model = build_model("tfidf", []).fit(X, y)
    top = top_features(model, k=3)
    assert top.feature.str.startswith("text:").all()
    texts = dict(zip(corpus["id"], corpus["text"], strict=True))
    ex = add_examples(top, X, "outlet", texts=texts)
    for row in ex.itertuples():
        word = row.feature[5:]
        assert row.examples and all(word in s.lower() for s in row.examples)
    assert np.isnan(top.ci_low).all()  # no interval claimed for word coefficients
