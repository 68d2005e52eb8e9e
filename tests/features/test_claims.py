"""The claims family (framing/features/claims.py)."""

from __future__ import annotations

import pickle

from framing.features.base import family_class
from framing.features.claims import Claims
from framing.text import Document


def test_registered_and_picklable() -> None:
    assert family_class("claims") is Claims
    assert pickle.loads(pickle.dumps(Claims())).feature_names()[0] == "claims__share_attributed"


def test_features_spans_and_details(seed_article: dict) -> None:
    res = Claims().analyze(Document(seed_article["text"]))
    f = res.features
    shares = [v for k, v in f.items() if k.startswith("claims__share_")]
    assert abs(sum(shares) - 1) < 1e-9
    assert f["claims__share_hedged"] > 0 and f["claims__share_unattributed"] > 0
    assert f["claims__n_hedges"] >= 2  # reportedly, likely
    assert len(res.spans) == f["claims__n_sentences"] == len(res.details["claims"])
    assert {e.label for e in res.spans} <= {"attributed", "anonymous", "hedged", "unattributed",
                                            "other"}
    first = res.details["claims"][0]
    assert set(first) == {"sentence", "start", "end", "status", "hedges"}


def test_empty_text() -> None:
    f = Claims().analyze(Document("")).features
    assert f["claims__n_sentences"] == 0 and f["claims__share_attributed"] == 0
