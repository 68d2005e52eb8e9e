"""The corpus API: sourcing_table (framing/sourcing/__init__.py)."""

from __future__ import annotations

import pandas as pd

from framing.corpus import make_corpus
from framing.sourcing import sourcing_table


def test_sourcing_table_one_row_per_article() -> None:
    corpus = make_corpus([
        {"id": "a", "text": "The army said the road was open. The town fell."},
        {"id": "b", "text": "A source said the bridge was mined."},
    ])
    t = sourcing_table(corpus)
    assert list(t["id"]) == ["a", "b"]
    assert t.loc[0, "attribution__n_organization"] == 1
    assert t.loc[1, "attribution__n_anonymous"] == 1
    assert t.loc[0, "claims__share_unattributed"] == 0.5
    shares = [c for c in t.columns if c.startswith("claims__share_")]
    assert (t[shares].sum(axis=1).round(9) == 1).all()


def test_sourcing_table_accepts_texts() -> None:
    t = sourcing_table(pd.Series(["Officials said it rained.", ""]))
    assert len(t) == 2 and "id" not in t.columns
    assert t.loc[1, "claims__n_sentences"] == 0
