"""Naming variants: PPMI context vectors, grouping, and the referent a group might join."""

from __future__ import annotations

import numpy as np

from framing.discover.variants import group_variants, ppmi


def test_ppmi_is_positive_and_unit_length():
    x = ppmi(np.array([[10, 0, 1], [0, 5, 5], [0, 0, 0]])).toarray()
    assert (x >= 0).all()
    assert np.allclose(np.linalg.norm(x[:2], axis=1), 1) and not x[2].any()
    assert x[0, 0] > x[0, 2]


def _unit(*rows):
    v = np.array(rows, dtype=float)
    return v / np.linalg.norm(v, axis=1, keepdims=True)


def test_competing_names_group_and_join_the_referent_of_their_lexicon_name():
    terms = ["illegal aliens", "undocumented immigrants", "illegal immigrants", "tax cuts", "tariffs"]
    vectors = _unit([1, 0.1, 0], [0.9, 0.2, 0], [1, 0.15, 0.05], [0, 0, 1], [0, 0.1, 1])
    favoured = ["breitbart", "huff-post", "", "nyt", "nyt"]
    referents = ["", "", "immigrants", "", ""]
    groups = group_variants(terms, vectors, favoured, referents, similarity=0.9)
    assert len(groups) == 1  # the tax words are one outlet's, not competing names
    g = groups[0]
    assert set(g.terms) == {"illegal aliens", "undocumented immigrants", "illegal immigrants"}
    assert g.referent == "immigrants" and g.competing and g.lexicon_names == ["illegal immigrants"]


def test_names_of_two_referents_are_not_one_group():
    vectors = _unit([1, 0], [1, 0.05], [0.95, 0.1])
    groups = group_variants(["a", "b", "c"], vectors, ["x", "", ""], ["", "r1", "r2"], similarity=0.9)
    assert groups == []
