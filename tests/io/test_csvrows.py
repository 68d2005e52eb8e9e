"""Tables row by row: ragged rows named by line, columns decided once, unique ids, repairs per row."""

from __future__ import annotations

import pandas as pd

from framing.io import load_corpus
from framing.io.stream import iter_corpus


def _csv(tmp_path, text: str, name: str = "t.csv"):
    path = tmp_path / name
    path.write_bytes(text.encode("utf-8"))
    return path


def test_a_row_with_extra_fields_is_named_and_the_rest_stay_aligned(tmp_path):
    path = _csv(tmp_path, "id,outlet,text\n1,A,first text, with a comma\n2,B,second text\n3,C,third\n")
    whole = load_corpus(path)
    streamed: list[str] = []
    for df, problems in ((whole, whole.attrs["problems"]),
                         (pd.concat(list(iter_corpus(path, chunk_size=1, problems=streamed))), streamed)):
        assert df["id"].tolist() == ["2", "3"]
        assert df["outlet"].tolist() == ["B", "C"] and df["text"].tolist() == ["second text", "third"]
        assert any("line 2 (4 fields)" in p and "t.csv" in p for p in problems), problems


def test_trailing_separators_and_short_rows_are_not_lost(tmp_path):
    path = _csv(tmp_path, "id,outlet,text\n1,A,one,,\n2,B\n")
    df = load_corpus(path)
    assert df["id"].tolist() == ["1", "2"] and df["text"].tolist() == ["one", ""]


def test_duplicate_ids_end_unique(tmp_path):
    path = _csv(tmp_path, "id,text\n1,a\n1,b\n1,c\n1#2,d\n")
    for ids in (load_corpus(path)["id"].tolist(),
                [i for c in iter_corpus(path, chunk_size=1) for i in c["id"]]):
        assert len(set(ids)) == 4 and ids[0] == "1", ids


def test_streamed_chunks_keep_the_columns_of_the_header(tmp_path):
    """Trailing empty columns used to be dropped chunk by chunk, and the write failed at the end."""
    rows = ["id,outlet,text,,"] + [f"{i},A,text {i},," for i in range(4001)]
    rows[3000] = "2999,A,text 2999,late value,"
    path = _csv(tmp_path, "\n".join(rows) + "\n")
    problems: list[str] = []
    chunks = list(iter_corpus(path, chunk_size=500, problems=problems))
    assert len({tuple(c.columns) for c in chunks}) == 1
    assert sum(len(c) for c in chunks) == 4001
    assert any("1 value(s) in columns with no header name" in p for p in problems)


def test_a_streamed_extract_of_such_a_table_succeeds(tmp_path):
    from framing.extract import extract_to_parquet

    rows = ["id,outlet,text,,"] + [f"{i},A,The army said on day {i} that it had advanced.,," for i in range(300)]
    rows[250] = "249,A,The army said it advanced.,late,"
    path = _csv(tmp_path, "\n".join(rows) + "\n")
    out = tmp_path / "f.parquet"
    summary = extract_to_parquet(iter_corpus(path, chunk_size=100), out, families=["readability"], chunk_size=50)
    assert summary.n_articles == 300 and len(pd.read_parquet(out)) == 300
    assert oct(out.stat().st_mode & 0o777) in ("0o644", "0o664")  # not mkstemp's 0600


def test_mojibake_is_repaired_and_reported_per_row(tmp_path):
    bad = "Caf\u00c3\u00a9 reopened"  # 'Café' read as Windows-1252
    path = _csv(tmp_path, f"id,text\n1,{bad}\n2,plain\n3,also plain\r\n")
    df = load_corpus(path)
    assert df["text"].tolist()[0] == "Café reopened"
    assert [("repaired mojibake" in w) for w in df["warnings"].map(" ".join)] == [True, False, False]
    assert any("repaired mojibake in 1 row(s) (ids: 1)" in p for p in df.attrs["problems"])


def test_one_bad_path_among_good_ones_is_a_warning(tmp_path, seed_path):
    loop = tmp_path / "loop.txt"
    loop.symlink_to(loop)
    df = load_corpus([seed_path, tmp_path / "missing.txt", loop])
    assert len(df) == 1
    problems = " | ".join(df.attrs["problems"])
    assert "missing.txt: no such file" in problems and "symbolic links" in problems
