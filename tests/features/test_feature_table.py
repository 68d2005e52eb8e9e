"""The feature table of a fixed corpus equals the stored one: speed work must not change outputs.

The corpus is the seed article plus short news-like texts written for this test
(``fixtures/feature_table/corpus.jsonl``: quotations straight and curly, ©, ®, ™, emoji with
skin tones and joiners, ALL-CAPS headlines, "but", hedges, very long sentences, Greek, a text
with no punctuation, an empty one). Each family's columns are stored in their own file
(``fixtures/feature_table/<family>.csv``), so a family whose output changes *on purpose*
regenerates only its file::

    PYTHONPATH=. python tests/features/test_feature_table.py --write sentiment readability
    PYTHONPATH=. python tests/features/test_feature_table.py --write      # every family

Tolerance: relative 1e-9 (NaN where NaN); a changed column list fails too. The stored
values round-trip exactly (checked below), so the tolerance only admits summation-order
noise, not a changed rule.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

HERE = Path(__file__).resolve().parent / "fixtures" / "feature_table"
CORPUS = HERE / "corpus.jsonl"
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "000_89bd3b2a60d6eb6a.txt"
FAMILIES = ("loaded", "attribution", "claims", "readability", "sentiment")
RTOL = 1e-9


def corpus() -> pd.DataFrame:
    """The fixed corpus: the seed file's text as it is on disk, then the written texts."""
    rows = [{"id": "seed", "text": SEED.read_text(encoding="utf-8")}]
    with CORPUS.open(encoding="utf-8") as f:
        rows += [json.loads(line) for line in f if line.strip()]
    return pd.DataFrame(rows)


def table(family: str) -> pd.DataFrame:
    """This family's feature columns for the fixed corpus, indexed by id."""
    from framing.extract import extract_features

    feats, _ = extract_features(corpus(), families=[family])
    cols = [c for c in feats.columns if c.startswith(f"{family}__")]
    return feats.set_index("id")[cols]


def expected_path(family: str) -> Path:
    return HERE / f"{family}.csv"


def read_expected(family: str) -> pd.DataFrame:
    # pandas >= 3 parses floats round-trip by default (tests/features/test_feature_table.py
    # checks it: test_stored_floats_round_trip)
    return pd.read_csv(expected_path(family), index_col="id")


@pytest.mark.parametrize("family", FAMILIES)
def test_feature_table_equals_stored(family: str) -> None:
    path = expected_path(family)
    if not path.exists():
        pytest.fail(f"{path} missing; write it with: python {__file__} --write {family}")
    want = read_expected(family)
    got = table(family)
    assert list(got.columns) == list(want.columns), f"{family}: columns changed"
    assert list(got.index) == list(want.index)
    a, b = got.to_numpy(dtype=float), want.to_numpy(dtype=float)
    np.testing.assert_array_equal(np.isnan(a), np.isnan(b), err_msg=f"{family}: NaN cells moved")
    bad = ~np.isclose(a, b, rtol=RTOL, atol=0.0, equal_nan=True)
    if bad.any():
        rows, cols = np.nonzero(bad)
        diffs = [
            f"{got.index[r]} {got.columns[c]}: {a[r, c]!r} != {b[r, c]!r}"
            for r, c in list(zip(rows, cols, strict=True))[:10]
        ]
        pytest.fail(f"{family}: {int(bad.sum())} cells differ:\n" + "\n".join(diffs))


def test_stored_floats_round_trip(tmp_path: Path) -> None:
    x = np.random.default_rng(0).normal(size=(200, 3)) * 10.0 ** np.arange(-6, 9, 5)
    df = pd.DataFrame(x, columns=list("abc"), index=pd.Index(range(200), name="id"))
    df.to_csv(tmp_path / "t.csv")
    back = pd.read_csv(tmp_path / "t.csv", index_col="id").to_numpy()
    np.testing.assert_array_equal(back, x)


def test_fixture_corpus_has_the_hard_cases() -> None:
    """The corpus keeps the inputs the fast paths special-case (so the check means something)."""
    texts = corpus()["text"]
    joined = "\n".join(texts)
    for needed in ("\u00a9", "\u00ae", "\u2122", "\U0001f622", "\u200d", "\u201c", " but ", "!!!"):
        assert needed in joined, needed
    assert any(not t.strip() for t in texts)
    assert max(len(s) for t in texts for s in t.split(". ")) > 400  # a very long sentence


def _write(families: list[str]) -> None:
    for fam in families or FAMILIES:
        df = table(fam)
        df.to_csv(expected_path(fam))
        print(f"wrote {expected_path(fam)} ({df.shape[0]} rows, {df.shape[1]} columns)")


if __name__ == "__main__":
    args = sys.argv[1:]
    if not args or args[0] != "--write":
        raise SystemExit(f"usage: python {sys.argv[0]} --write [FAMILY ...]")
    _write(args[1:])
