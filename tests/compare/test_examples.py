import numpy as np
import pandas as pd

from framing.compare.columns import framing_columns
from framing.compare.examples import add_examples, examples_from_spans, own_spans
from framing.compare.explain import top_features
from framing.compare.models import build_model


def test_examples_come_from_that_outlets_evidence_spans(tiny):
    features, spans, corpus = tiny
    cols = framing_columns(features, exclude={"label"})
    model = build_model("framing", cols).fit(features, features["outlet"].to_numpy())
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


TEXTS = {
    "a": "Sanders said the plan would fail. Later, Sanders tweeted that he was right.",
    "b": "The ministry said the strikes hit no civilians. The army denied it.",
}
SPANS = pd.DataFrame([
    # two person sources in "a": one introduced by "said", one by "tweeted"
    {"id": "a", "family": "attribution", "label": "person", "start": 0, "end": 7,
     "text": "Sanders", "voice": "narrator"},
    {"id": "a", "family": "attribution", "label": "person", "start": 40, "end": 47,
     "text": "Sanders", "voice": "narrator"},
    {"id": "b", "family": "attribution", "label": "organization", "start": 0, "end": 12,
     "text": "The ministry", "voice": "narrator"},
    {"id": "b", "family": "claims", "label": "attributed", "start": 0, "end": 47,
     "text": "The ministry said ...", "voice": "narrator"},
    {"id": "a", "family": "loaded", "label": "civilians", "start": 0, "end": 1, "text": "S",
     "voice": "narrator"},
])


def test_a_cue_feature_is_shown_only_by_sentences_with_that_cue():
    ex = examples_from_spans("attribution__cue__tweet__person", ["a", "b"], SPANS, TEXTS, 2)
    assert ex == ["Later, Sanders tweeted that he was right."]
    ex = examples_from_spans("attribution__cue__say__organization", ["a", "b"], SPANS, TEXTS, 2)
    assert ex == ["The ministry said the strikes hit no civilians."]


def test_features_with_no_spans_of_their_own_get_no_examples():
    for feature in ("readability__flesch_reading_ease", "sentiment__compound",
                    "attribution__distinct_named_sources", "loaded__rate__daesh"):
        assert examples_from_spans(feature, ["a", "b"], SPANS, TEXTS, 2) == [], feature
    hit, _ = own_spans("claims__share_attributed", SPANS)
    assert hit["id"].tolist() == ["b"]
    assert own_spans("claims__share_hedged", SPANS)[0].empty
