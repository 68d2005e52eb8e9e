"""Corpus extraction: order, bad articles, streamed atomic Parquet, process pool and dask."""

from __future__ import annotations

import os

import numpy as np
import pandas as pd
import pytest

from framing.corpus import make_corpus
from framing.extract import (
    MAX_CHARS,
    SPAN_COLUMNS,
    extract_features,
    extract_to_parquet,
    iter_chunks,
)

FAMS = ["readability", "sentiment"]
SENTENCES = [
    "The shelling killed twelve civilians in a horrific attack on the market.",
    "Officials opened a wonderful new school, and parents were delighted.",
    "Talks resumed in Geneva on Tuesday.",
    "Rebels said the army had used banned weapons, a claim the government denied.",
    "The ceasefire collapsed after three days of brutal fighting.",
]


def _corpus(n: int) -> pd.DataFrame:
    rows = []
    for i in range(n):
        body = " ".join(SENTENCES[(i + k) % len(SENTENCES)] for k in range(1 + i % 4))
        rows.append({"id": f"a{i:03d}", "text": body, "outlet": f"outlet{i % 3}", "label": i % 2})
    return make_corpus(rows)


def _plain(df: pd.DataFrame) -> pd.DataFrame:
    """Missing values as None and object dtype, so Arrow's and pandas' spellings compare."""
    out = df.astype(object)
    return out.where(out.notna(), None)


def test_one_row_per_article_in_input_order() -> None:
    corpus = _corpus(23)
    feats, spans = extract_features(corpus, families=FAMS, chunk_size=5)
    assert list(feats["id"]) == list(corpus["id"])
    assert "text" not in feats.columns
    assert {"outlet", "label", "errors"} <= set(feats.columns)
    assert feats["errors"].isna().all()
    assert feats["readability__lexicon_count"].gt(0).all()
    assert list(spans.columns) == list(SPAN_COLUMNS)
    assert set(spans["id"]) <= set(corpus["id"])
    # every span's offsets index its article's body
    bodies = dict(zip(corpus["id"], corpus["text"], strict=True))
    for row in spans.itertuples():
        assert bodies[row.id][row.start : row.end] == row.text


def test_chunk_size_does_not_change_results() -> None:
    corpus = _corpus(17)
    a, sa = extract_features(corpus, families=FAMS, chunk_size=3)
    b, sb = extract_features(corpus, families=FAMS, chunk_size=100)
    pd.testing.assert_frame_equal(a, b)
    pd.testing.assert_frame_equal(sa, sb)


def test_process_pool_matches_one_process() -> None:
    corpus = _corpus(30)
    one, s1 = extract_features(corpus, families=FAMS, workers=1, chunk_size=4)
    two, s2 = extract_features(corpus, families=FAMS, workers=2, chunk_size=4)
    pd.testing.assert_frame_equal(one, two)
    pd.testing.assert_frame_equal(s1, s2)


def test_bad_articles_are_recorded_and_the_run_goes_on(monkeypatch) -> None:
    from framing.features.readability import Readability

    real = Readability.analyze

    def flaky(self, doc):  # type: ignore[no-untyped-def]
        if "EXPLODE" in doc.text:
            raise RuntimeError("synthetic failure")
        return real(self, doc)

    monkeypatch.setattr(Readability, "analyze", flaky)
    good = SENTENCES[0]
    # built directly (not make_corpus) so raw bytes and None reach the extractor as they are
    corpus = pd.DataFrame.from_records(
        [
            {"id": "ok1", "text": good},
            {"id": "empty", "text": "   "},
            {"id": "none", "text": None},
            {"id": "huge", "text": "word " * (MAX_CHARS // 5 + 1)},
            {"id": "bytes", "text": b"caf\xe9 \xff\xfe"},
            {"id": "surrogate", "text": "Bad byte \udce9 here. The attack was horrific."},
            {"id": "boom", "text": "EXPLODE. The attack was horrific."},
            {"id": "ok2", "text": good},
        ]
    ).astype(object)
    feats, _ = extract_features(corpus, families=FAMS, chunk_size=3)
    err = dict(zip(feats["id"], feats["errors"], strict=True))
    assert err["ok1"] is None and err["ok2"] is None
    assert err["empty"] == "empty text" and err["none"] == "empty text"
    assert "too long" in err["huge"]
    assert "undecodable bytes" in err["bytes"]
    assert "replaced by U+FFFD" in err["surrogate"]
    assert err["boom"].startswith("readability: RuntimeError: synthetic failure")
    row = feats.set_index("id")
    assert np.isnan(row.loc["huge", "sentiment__compound"])
    # the surrogate article is still analysed, and a failing family leaves the others intact
    assert row.loc["surrogate", "sentiment__compound"] < 0
    assert np.isnan(row.loc["boom", "readability__lexicon_count"])
    assert row.loc["boom", "sentiment__compound"] < 0
    pd.testing.assert_series_equal(
        row.loc["ok1"].drop("errors"), row.loc["ok2"].drop("errors"), check_names=False
    )


def test_parquet_output_equals_in_memory(tmp_path) -> None:
    corpus = _corpus(21)
    out, sp = tmp_path / "f.parquet", tmp_path / "s.parquet"
    summary = extract_to_parquet(corpus, out, sp, families=FAMS, chunk_size=4)
    assert summary.n_articles == 21 and summary.n_errors == 0
    feats, spans = extract_features(corpus, families=FAMS)
    got = pd.read_parquet(out)
    assert list(got.columns) == list(feats.columns)
    pd.testing.assert_frame_equal(_plain(got), _plain(feats))
    got_spans = pd.read_parquet(sp)
    assert len(got_spans) == summary.n_spans == len(spans)
    assert sorted(os.listdir(tmp_path)) == ["f.parquet", "s.parquet"]


def test_streamed_inputs(tmp_path) -> None:
    corpus = _corpus(12)
    rows = corpus.to_dict("records")
    a, _ = extract_features(corpus, families=["readability"])
    b, _ = extract_features(iter(rows), families=["readability"], chunk_size=5)
    c, _ = extract_features([corpus.iloc[:7], corpus.iloc[7:]], families=["readability"])
    pd.testing.assert_frame_equal(a, b, check_dtype=False)
    pd.testing.assert_frame_equal(a, c, check_dtype=False)
    assert [len(x) for x in iter_chunks(iter(rows), 5)] == [5, 5, 2]


def test_interrupted_run_leaves_no_output(tmp_path) -> None:
    out = tmp_path / "features.parquet"
    out.write_bytes(b"previous run")

    def articles():
        yield from _corpus(10).to_dict("records")
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        extract_to_parquet(articles(), out, tmp_path / "spans.parquet", families=FAMS, chunk_size=3)
    assert out.read_bytes() == b"previous run"  # untouched
    assert sorted(os.listdir(tmp_path)) == ["features.parquet"]  # no temp files, no spans


def test_dask_local_cluster_matches_local_engine(tmp_path) -> None:
    distributed = pytest.importorskip("distributed")
    corpus = _corpus(18)
    local = tmp_path / "local.parquet"
    extract_to_parquet(corpus, local, tmp_path / "ls.parquet", families=FAMS, chunk_size=4)
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=2, processes=False, protocol="tcp", host="127.0.0.1",
        dashboard_address=None,
    ) as cluster, distributed.Client(cluster) as client:
        remote = tmp_path / "dask.parquet"
        summary = extract_to_parquet(
            corpus, remote, tmp_path / "ds.parquet", families=FAMS, chunk_size=4,
            engine="dask", scheduler=client,
        )
        by_address = tmp_path / "addr.parquet"
        extract_to_parquet(
            corpus, by_address, families=FAMS, chunk_size=4, engine="dask",
            scheduler=cluster.scheduler_address,
        )
    assert summary.n_articles == 18
    pd.testing.assert_frame_equal(pd.read_parquet(local), pd.read_parquet(by_address))
    pd.testing.assert_frame_equal(pd.read_parquet(local), pd.read_parquet(remote))
    pd.testing.assert_frame_equal(
        pd.read_parquet(tmp_path / "ls.parquet"), pd.read_parquet(tmp_path / "ds.parquet")
    )


def test_unknown_engine_and_family() -> None:
    from framing.errors import FramingError

    with pytest.raises(FramingError):
        extract_features(_corpus(2), families=FAMS, engine="spark")
    with pytest.raises(KeyError):
        extract_features(_corpus(2), families=["no_such_family"])
