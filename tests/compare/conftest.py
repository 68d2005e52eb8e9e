"""Tiny synthetic corpora for the compare tests: seconds, no shared data needed."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

OUTLETS = ("Alpha Daily", "Beta News", "Gamma Times")
WORDS = {
    "Alpha Daily": ["militants", "shelling", "liberated", "heroic", "army"],
    "Beta News": ["rebels", "regime", "barrel", "activists", "monitor"],
    "Gamma Times": ["fighters", "government", "talks", "diplomats", "envoy"],
}
SHARED = ["the", "city", "people", "killed", "said", "on", "in", "attack", "syria", "aleppo"]


def make_tiny(n_per: int = 14, seed: int = 0) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """(features_df, spans_df, corpus_df): three outlets, separable framing features,
    a label tied to one feature, and one wire story republished by two outlets."""
    rng = np.random.default_rng(seed)
    rows, corpus, spans = [], [], []
    for k, outlet in enumerate(OUTLETS):
        for i in range(n_per):
            words = list(rng.choice(SHARED, 40)) + list(rng.choice(WORDS[outlet], 12))
            rng.shuffle(words)
            body = " ".join(words)
            text = f"{body.capitalize()}. The {WORDS[outlet][0]} were seen in the city on day {i}."
            aid = f"{outlet[:1]}{i:02d}"
            named = rng.normal(2.0, 1.0)
            label = int(named + rng.normal(0, 0.5) > 2.0)
            rows.append(
                {
                    "id": aid,
                    "outlet": outlet,
                    "label": label,
                    "loaded__per_1k": rng.normal(3.0 * k, 1.0),
                    "loaded__naming__x__militants": rng.normal(2.0 if k == 0 else 0.0, 0.5),
                    "attribution__n_named": named,
                    "claims__share_hedged": rng.normal(0.0, 1.0),  # pure noise
                    "readability__words": float(len(words)),
                }
            )
            corpus.append({"id": aid, "outlet": outlet, "text": text, "label": label})
            s = text.index(WORDS[outlet][0], len(body))
            spans.append(
                {"id": aid, "family": "loaded", "label": "militants", "start": s,
                 "end": s + len(WORDS[outlet][0]), "text": WORDS[outlet][0], "voice": "narrator"}
            )
    # the same wire story in two outlets: must land in one cross-validation group
    wire = " ".join(["wire"] + SHARED * 4) + " according to the agency report today."
    corpus[0]["text"] = wire
    corpus[n_per]["text"] = wire + " Extra line."
    replaced = {corpus[0]["id"], corpus[n_per]["id"]}
    spans = [sp for sp in spans if sp["id"] not in replaced]  # their old offsets are void
    features = pd.DataFrame(rows)
    features["errors"] = None
    return features, pd.DataFrame(spans), pd.DataFrame(corpus)


@pytest.fixture(scope="session")
def tiny() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    return make_tiny()


@pytest.fixture(scope="session")
def tiny_other() -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Three more outlets like ``tiny``'s, with other stories (seed 1)."""
    return make_tiny(seed=1)
