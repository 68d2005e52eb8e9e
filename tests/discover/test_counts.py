"""Pass one: streamed counts per group, bounded memory with a stated undercount."""

from __future__ import annotations

import hashlib

import numpy as np
import pandas as pd

from framing.discover.counts import NgramCounts, article_parts, hash_update, joined
from framing.io import corpus_hash


def test_counts_per_group_and_order():
    c = NgramCounts()
    c.add(["Open borders now.", "Open borders."], ["A", "A"])
    c.add(["Secure borders."], ["B"])
    table = dict(zip(c.terms(), map(tuple, c.counts), strict=True))
    assert table["open borders"] == (2, 0) and table["borders"] == (2, 1) and table["secure"] == (0, 1)
    assert c.totals[1].tolist() == [4, 2] and c.totals[2].tolist() == [2, 1]  # "now" is a stop word
    assert c.articles.tolist() == [2, 1]


def test_pruning_bounds_the_table_and_says_by_how_much_counts_may_be_low():
    rng = np.random.default_rng(0)
    c = NgramCounts(max_terms=300)
    frequent = "alpha beta gamma"
    for _ in range(20):
        noise = [" ".join(f"w{rng.integers(1e6)}x" for _ in range(30)) for _ in range(5)]
        c.add([f"{frequent}. {n}" for n in noise], ["A"] * 5)
        assert len(c.codes) <= 300
    assert c.prunes > 0 and c.undercount_bound >= 1
    got = dict(zip(c.terms(), c.counts[:, 0], strict=True))
    assert 100 - c.undercount_bound <= got["alpha beta gamma"] <= 100


def test_hash_matches_the_loaders_definition():
    df = pd.DataFrame({"id": ["a", "b", "c"], "text": ["x", "y\u00e9", ""]})
    h = hashlib.sha256()
    hash_update(h, df.iloc[:2])
    hash_update(h, df.iloc[2:])
    assert h.hexdigest() == corpus_hash(df)


def test_headline_is_counted_once():
    df = pd.DataFrame({"text": ["Rebels advance\n\nThe rebels advanced.", "Body only."],
                       "title": ["Rebels advance", "A headline"]})
    parts = article_parts(df)
    assert parts == [("", "Rebels advance\n\nThe rebels advanced."), ("A headline", "Body only.")]
    assert joined(*parts[1]) == "A headline\nBody only."
