"""Sentiment: VADER's own scores (faster), sentence statistics, actor-level sentiment."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from framing.features.sentiment import FastVader, Sentiment, analyzer
from framing.paths import FAKES_CSV
from framing.text import Document

TRICKY = [
    "",
    "   ",
    "The food was not good but the service was great!!!",
    "It was never so bad. Without doubt the best. Kind of nice, sort of awful.",
    "That movie was the bomb. He is a bad ass. Yeah right, kiss of death.",
    "I am VERY happy, SO happy but not THAT sad?? Really???",
    "No problem at all, no worries, nor any harm. At least not least.",
    "The attack killed 20 civilians \U0001f622 and wounded dozens \U0001f494.",
    "He didn't like it; they weren't bad; we can't complain; it isn't terrible.",
    # symbols and emoji: VADER rewrites them into words ("copyright", "registered")
    "\u00a9 2024 Example News. All rights reserved.",
    "Acme\u00ae and Widget\u2122 are great\u00a92025 brands, but sales were awful \u00ae",
    "\u00a9\u00a9 wow\u00a9\u00ae\u00a9 sad",
    "We will restore everything. \U0001f4aa\U0001f3fd Families "
    "\U0001f468\u200d\U0001f469\u200d\U0001f467 wept \U0001f622\U0001f622!",
    "\U0001f51b ON! arrow?? \U0001f199 so \U0001f60d good",
    "The heat was NOT good \U0001f525 but the team was VERY brave \U0001f44d\U0001f3fb",
    "Kind of \U0001f621, no \U0001f600 at all. Least \U0001f62d, at least not \U0001f389.",
    # lower-casing the joined words equals lower-casing each (final sigma, dotted I)
    "\u0391\u0398\u0397\u039d\u0391\u03a3 \u03a3 \u039f\u0394\u039f\u03a3. \u0130stanbul GOOD \u0130 bad",
    "nothing\u2028good\u00a0happens\u3000here, but it is\u2003great",
]

LEXICON = """
[meta]
name = "test-actors"

[[referent]]
id = "rebels"
label = "armed opposition"

[[referent]]
id = "government"
label = "the government"

[[referent]]
id = "unused_group"
label = "never mentioned"

[[entry]]
forms = ["rebels", "rebel"]
canonical = "rebels"
category = "neutral"
referent = "rebels"
connotation = 0
weight = 0
why = "test entry"

[[entry]]
forms = ["government"]
canonical = "government"
category = "neutral"
referent = "government"
connotation = 0
weight = 0
why = "test entry"
"""


def _fakes_texts(n: int) -> list[str]:
    if not FAKES_CSV.exists():
        pytest.skip(f"FA-KES not found at {FAKES_CSV}")
    df = pd.read_csv(FAKES_CSV, encoding="latin-1", usecols=["article_content"])
    return df["article_content"].fillna("").astype(str).tolist()[:n]


@pytest.fixture(scope="module")
def lexicon_path(tmp_path_factory) -> str:
    p = tmp_path_factory.mktemp("lex") / "actors.toml"
    p.write_text(LEXICON, encoding="utf-8")
    return str(p)


@pytest.mark.parametrize("text", TRICKY)
def test_fast_vader_equals_vader_on_tricky_text(text: str) -> None:
    assert FastVader().polarity_scores(text) == SentimentIntensityAnalyzer().polarity_scores(text)


def test_fast_vader_equals_vader_on_articles_and_sentences() -> None:
    texts = _fakes_texts(150)
    fast, ref = analyzer(), SentimentIntensityAnalyzer()
    for text in texts:
        assert fast.polarity_scores(text) == ref.polarity_scores(text)
        doc = Document(text)
        for s in doc.sentences[:5]:
            piece = text[s.start : s.end]
            assert fast.polarity_scores(piece) == ref.polarity_scores(piece)


def _fixture_texts() -> list[str]:
    import json
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "feature_table" / "corpus.jsonl"
    return [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]


def _assert_document_scores_equal_vader(text: str, ref: SentimentIntensityAnalyzer) -> None:
    doc = Document(text)
    spans = [(s.start, s.end) for s in doc.sentences]
    whole, comps = analyzer().document_scores(text, spans)
    assert whole == ref.polarity_scores(text)
    assert comps == [ref.polarity_scores(text[a:b])["compound"] for a, b in spans]


def test_document_scores_equal_vader_on_body_and_every_sentence() -> None:
    """Body and sentences scored from one split equal VADER run on each alone, on texts
    with and without emoji and symbols (the fixture corpus has (c), (R), TM, emoji)."""
    ref = SentimentIntensityAnalyzer()
    texts = _fixture_texts() + TRICKY + [" ".join(TRICKY), "\n\n".join(TRICKY)]
    for text in texts:
        _assert_document_scores_equal_vader(text, ref)


def test_document_scores_equal_vader_on_articles() -> None:
    ref = SentimentIntensityAnalyzer()
    for text in _fakes_texts(150):
        _assert_document_scores_equal_vader(text, ref)


def test_document_scores_equal_vader_on_long_news(polnear_path) -> None:
    """Ordinary US news (PolNeAR): curly quotes, long texts, many "but"s."""
    import json

    ref = SentimentIntensityAnalyzer()
    with polnear_path.open(encoding="utf-8") as f:
        for line in list(f)[:60]:
            _assert_document_scores_equal_vader(json.loads(line)["text"], ref)


def test_spans_that_cut_words_are_still_scored_exactly() -> None:
    """Spans need not fall on whitespace (another segmenter's): each is scored as VADER would."""
    text = "Great.\u00a9Not good at all!But fine. \U0001f622Bad"
    spans = [(0, 6), (6, 28), (28, 37), (37, len(text))]
    ref = SentimentIntensityAnalyzer()
    whole, comps = analyzer().document_scores(text, spans)
    assert whole == ref.polarity_scores(text)
    assert comps == [ref.polarity_scores(text[a:b])["compound"] for a, b in spans]


def test_words_near_sentence_edges_are_rescored() -> None:
    """A sentence's first words lose the previous sentence's negation and boosters."""
    text = "It was not. Good news came. He was VERY. GOOD at it. no. Problem solved."
    _assert_document_scores_equal_vader(text, SentimentIntensityAnalyzer())
    spans = [(s.start, s.end) for s in Document(text).sentences]
    assert len(spans) >= 4


def test_random_texts_from_vader_cue_words() -> None:
    """Random word salads of VADER's cue words (negations, boosters, idioms, caps, but,
    emoji) in random sentences: every score equals VADER's."""
    import random

    vocab = (
        "good bad GOOD BAD not never so this without doubt no nor or least at very kind of "
        "sort extremely barely but BUT the bomb yeah right kiss death die for isn't don't "
        "great horrible killed hope peace war \u00a9 \u00ae \U0001f622 \U0001f600 ! ?? :) "
        "VERY SO"
    ).split()
    rng = random.Random(7)
    ref = SentimentIntensityAnalyzer()
    for _ in range(300):
        n = rng.randint(0, 40)
        words = [rng.choice(vocab) for _ in range(n)]
        for k in range(n):
            if rng.random() < 0.15:
                words[k] += rng.choice([".", "!", "?", ".\n\n"])
        _assert_document_scores_equal_vader(" ".join(words), ref)


def test_document_and_sentence_features() -> None:
    text = "The attack was horrific and brutal. Aid arrived. Volunteers were wonderful and kind."
    f = Sentiment(lexicons=()).analyze(Document(text)).features
    assert f["sentiment__compound"] == SentimentIntensityAnalyzer().polarity_scores(text)["compound"]
    assert f["sentiment__sentence_min"] < 0 < f["sentiment__sentence_max"]
    assert f["sentiment__sentence_share_negative"] == pytest.approx(1 / 3)
    assert f["sentiment__sentence_share_positive"] == pytest.approx(1 / 3)
    assert -1 <= f["sentiment__sentence_mean"] <= 1


def test_empty_text_gives_nan_sentence_stats() -> None:
    f = Sentiment().analyze(Document("")).features
    assert f["sentiment__compound"] == 0.0
    assert math.isnan(f["sentiment__sentence_mean"])


def test_strong_sentences_are_evidence() -> None:
    text = "The massacre was a horrific, brutal atrocity. The meeting is on Tuesday."
    spans = Sentiment().analyze(Document(text)).spans
    assert [s.label for s in spans] == ["negative_sentence"]
    assert text[spans[0].start : spans[0].end] == spans[0].text
    assert spans[0].text.startswith("The massacre")


def test_actor_sentiment_uses_narrator_sentences_only(lexicon_path: str) -> None:
    text = (
        "The rebels killed dozens of innocent civilians in a horrific attack. "
        "The government praised the wonderful, brave doctors. "
        '"The government are murderers and liars," a rebel commander said. '
        "Prices rose."
    )
    fam = Sentiment(lexicons=(lexicon_path,))
    names = fam.feature_names()
    for r in ("rebels", "government", "unused_group"):
        assert f"sentiment__actor__{r}" in names and f"sentiment__actor_n__{r}" in names
    doc = Document(text)
    f = fam.analyze(doc).features
    vader = SentimentIntensityAnalyzer()
    s_rebels = vader.polarity_scores(text[doc.sentences[0].start : doc.sentences[0].end])
    s_gov = vader.polarity_scores(text[doc.sentences[1].start : doc.sentences[1].end])
    # sentence 3 names the government inside a quotation (not narrator voice): excluded;
    # "a rebel commander" in sentence 3 is narrator voice, so rebels have two sentences.
    assert f["sentiment__actor_n__government"] == 1
    assert f["sentiment__actor__government"] == pytest.approx(s_gov["compound"])
    assert f["sentiment__actor__government"] > 0
    assert f["sentiment__actor_n__rebels"] == 2
    assert f["sentiment__actor__rebels"] < 0
    assert s_rebels["compound"] < 0
    assert f["sentiment__actor_n__unused_group"] == 0
    assert math.isnan(f["sentiment__actor__unused_group"])


def test_transform_and_pickle(lexicon_path: str) -> None:
    import pickle

    from framing.features.transformers import Sentiment as SentimentTransformer

    fam = SentimentTransformer(lexicons=(lexicon_path,))
    X = fam.fit_transform(["Great news!", "Terrible war.", ""])
    assert X.shape == (3, len(fam.get_feature_names_out()))
    assert X[0, 0] > 0 > X[1, 0]
    again = pickle.loads(pickle.dumps(fam))
    np.testing.assert_array_equal(again.transform(["Great news!"]), X[:1])
    assert set(fam.feature_docs()) == set(fam.get_feature_names_out())


def test_but_check_replays_vader_quirks() -> None:
    """Equal scores and zeros around "but" are scaled exactly as VADER's list.index loop does."""
    import random

    from framing.features._vader import but_check

    rng = random.Random(0)
    for _ in range(500):
        n = rng.randint(1, 25)
        sentiments = [rng.choice([0, 0, 0, 1.5, -1.5, 2.0, 0.75, -0.5]) for _ in range(n)]
        words = [rng.choice(["good", "bad", "the", "war"]) for _ in range(n)]
        bi = rng.randrange(n)
        words[bi] = "but"
        expected = SentimentIntensityAnalyzer._but_check(list(words), list(sentiments))
        pos = [k for k, v in enumerate(sentiments) if v != 0]
        got = [0.0] * n
        for k, v in zip(pos, but_check(pos, [sentiments[k] for k in pos], bi), strict=True):
            got[k] = v
        assert got == expected
