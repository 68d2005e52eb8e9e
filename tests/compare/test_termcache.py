import numpy as np
import pytest

from framing.compare.models import _TOKENS
from framing.compare.termcache import shared_term_counts
from framing.compare.transformers import TermTfidf

DOCS = [
    "The U.S. army said on Monday that rebels shelled the town.",
    "Rebels denied it. The army's statement was false, they said.",
    "DAESH fighters attacked; the U.S.-led coalition struck back.",
    "Residents fled the town as the army advanced on Monday.",
    "The coalition said it struck DAESH positions near the town.",
] * 3


@pytest.mark.parametrize("params", [
    {"lowercase": False, "token_pattern": _TOKENS, "ngram_range": (1, 2)},
    {"analyzer": "char_wb", "ngram_range": (2, 5), "lowercase": False},
    {"ngram_range": (1, 2)},
    {"ngram_range": (1, 1), "max_features": None, "min_df": 1, "max_df": 1.0},
])
def test_shared_counts_fit_the_same_vectorizer_on_every_fold(params):
    common = {"sublinear_tf": True, "min_df": 2, "max_df": 0.9, "max_features": 40,
              "dtype": np.float32}
    common = {**common, **{k: params.pop(k) for k in list(params) if k in common}}
    train, test = DOCS[:10], DOCS[10:] + ["A new text, never seen: the army left."]
    plain = TermTfidf(**common, **params)
    A = plain.fit_transform(train)
    with shared_term_counts():
        TermTfidf(**common, **params).fit(DOCS)  # the cache sees every text first
        cached = TermTfidf(**common, **params)
        B = cached.fit_transform(train)
        Bt = cached.transform(test)
        again = TermTfidf(**common, **params)  # another model's fold: the fitted state reused
        C = again.fit_transform(train)
    assert cached.vocabulary_ == plain.vocabulary_
    np.testing.assert_array_equal(cached.idf_, plain.idf_)
    np.testing.assert_allclose(B.toarray(), A.toarray())
    assert again.vocabulary_ == plain.vocabulary_
    np.testing.assert_allclose(C.toarray(), A.toarray())
    np.testing.assert_allclose(Bt.toarray(), plain.transform(test).toarray())
    # outside the block the fitted vectorizer reads new text by itself (framing predict)
    np.testing.assert_allclose(cached.transform(test).toarray(), Bt.toarray())


def test_a_fitted_state_s_matrices_are_kept_and_never_leak_into_another_comparison():
    from framing.compare import termcache

    train, test = DOCS[:10], DOCS[10:]
    settings = {"min_df": 2, "max_df": 0.9, "ngram_range": (1, 2), "dtype": np.float32}
    with shared_term_counts():
        words = TermTfidf(**settings)
        A, At = words.fit_transform(train), words.transform(test)
        combined = TermTfidf(**settings)  # the combined model's copy of the same fold
        B, Bt = combined.fit_transform(train), combined.transform(test)
        counts = termcache.counts_for(combined)
        assert counts is not None and len(counts.outputs) == 2  # train and test, kept once
        Bt.data[:] = 0  # a caller writing into its matrix does not change the kept one
        np.testing.assert_allclose(combined.transform(test).toarray(), At.toarray())
    np.testing.assert_allclose(B.toarray(), A.toarray())
    with shared_term_counts():  # a new comparison: its first state must not meet the old one's
        other = TermTfidf(**settings).fit(DOCS[5:])
        np.testing.assert_allclose(words.transform(test).toarray(),
                                   TermTfidf(**settings).fit(train).transform(test).toarray())
        assert other.transform(test).shape[1] == len(other.vocabulary_)
