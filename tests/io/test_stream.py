"""Streaming corpus reading gives the same articles as loading whole, chunk by chunk."""

from __future__ import annotations

import json

import pandas as pd
import pytest

from framing.errors import InputError
from framing.io import load_corpus
from framing.io.stream import iter_corpus

COLS = ["id", "text", "title", "outlet", "origin", "date"]


def _rows(n: int) -> list[dict]:
    return [
        {
            "id": f"a{i % 7}" if i % 5 == 0 else f"r{i}",
            "text": f"Article {i}: shelling in Idlib, residents said.",
            "title": f"T{i}",
            "outlet": "PressTV" if i % 2 else "sana",
            "date": "3/4/2017",
        }
        for i in range(n)
    ]


@pytest.mark.parametrize("fmt", ["csv", "tsv", "jsonl", "parquet"])
def test_chunks_equal_whole_load(tmp_path, fmt):
    df = pd.DataFrame(_rows(53))
    f = tmp_path / f"c.{fmt}"
    if fmt == "csv":
        df.to_csv(f, index=False)
    elif fmt == "tsv":
        df.to_csv(f, index=False, sep="\t")
    elif fmt == "jsonl":
        f.write_text("\n".join(json.dumps(r) for r in _rows(53)), encoding="utf-8")
    else:
        df.to_parquet(f)
    chunks = list(iter_corpus([f], chunk_size=10))
    assert [len(c) for c in chunks] == [10, 10, 10, 10, 10, 3]
    streamed = pd.concat(chunks, ignore_index=True)
    whole = load_corpus([f])
    assert streamed["id"].is_unique
    pd.testing.assert_frame_equal(streamed[COLS].fillna(""), whole[COLS].fillna(""))
    assert set(streamed["outlet"]) == {"Press TV", "Syrian Arab News Agency"}


def test_directory_in_chunks_with_bad_file(tmp_path):
    for i in range(5):
        (tmp_path / "sana").mkdir(exist_ok=True)
        (tmp_path / "sana" / f"{i}.txt").write_text(
            f"Story {i} with enough words to be an article body.", encoding="utf-8"
        )
    (tmp_path / "sana" / "empty.txt").write_bytes(b"")
    problems: list[str] = []
    chunks = list(iter_corpus([tmp_path], chunk_size=2, problems=problems))
    assert sum(len(c) for c in chunks) == 5
    assert all(len(c) <= 2 for c in chunks)
    assert any("empty.txt: empty file" in p for p in problems)


def test_undecodable_table_streams_with_warning(tmp_path):
    f = tmp_path / "bad.csv"
    f.write_bytes('text,outlet\n"caf\xe9 hit by \x93shelling\x94",sana\n'.encode("latin-1"))
    problems: list[str] = []
    (chunk,) = list(iter_corpus([f], problems=problems))
    assert "café" in chunk.loc[0, "text"] and "\ufffd" not in chunk.loc[0, "text"]
    assert any("bad.csv" in p and "UTF-8" in p for p in problems)


def test_missing_text_column_is_one_line(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("headline,site\nA,b\n", encoding="utf-8")
    with pytest.raises(InputError, match="t.csv: no text column"):
        list(iter_corpus([f]))


def test_binary_table(tmp_path):
    f = tmp_path / "t.csv"
    f.write_bytes(b"\x00\x01\x02\x03" * 100)
    with pytest.raises(InputError, match="binary file"):
        list(iter_corpus([f]))


def test_parquet_arrow_memory_flat_in_file_size(tmp_path):
    """Arrow memory held while streaming a Parquet file does not grow with the file: pyarrow's
    default pre-buffering kept every column chunk read so far (RSS grew with the corpus)."""
    import numpy as np
    import pyarrow as pa

    def held(n_groups: int) -> int:
        f = tmp_path / f"c{n_groups}.parquet"
        words = np.random.default_rng(n_groups).integers(0, 50_000, size=(200 * n_groups, 300))
        rows = [{"id": f"r{i}", "text": " ".join(map(str, w))} for i, w in enumerate(words)]  # incompressible
        pd.DataFrame(rows).to_parquet(f, row_group_size=200)
        most = 0
        for _chunk in iter_corpus(f, chunk_size=200):
            most = max(most, pa.total_allocated_bytes())
        return most

    small, large = held(4), held(24)
    assert large < 2 * small + (1 << 20)
