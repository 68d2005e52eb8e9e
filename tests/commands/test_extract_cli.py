"""``framing extract``: tables in, Parquet out, one-line errors."""

from __future__ import annotations

import os

import pandas as pd
import pytest

from framing.cli import main
from framing.paths import FAKES_CSV


@pytest.fixture()
def table(tmp_path):
    path = tmp_path / "articles.csv"
    pd.DataFrame(
        {
            "body": [
                "The shelling killed twelve civilians in a horrific attack.",
                "Officials opened a wonderful new school. Parents were delighted.",
                "",
            ],
            "source": ["Outlet A", "Outlet B", "Outlet A"],
            "headline": ["Attack", "School", "Empty"],
        }
    ).to_csv(path, index=False)
    return path


def test_extract_table_with_column_mapping(tmp_path, table, capsys) -> None:
    out, spans = tmp_path / "out" / "features.parquet", tmp_path / "spans.parquet"
    code = main(
        [
            "extract", str(table), "--text-col", "body", "--outlet-col", "source",
            "--title-col", "headline", "-o", str(out), "--spans", str(spans),
            "--families", "readability,sentiment", "--workers", "2", "--chunk-size", "1",
        ]
    )
    err = capsys.readouterr().err
    assert code == 0, err
    assert "wrote 3 articles" in err
    df = pd.read_parquet(out)
    assert list(df["title"]) == ["Attack", "School", "Empty"]
    assert list(df["outlet"]) == ["Outlet A", "Outlet B", "Outlet A"]
    assert df.loc[0, "sentiment__compound"] < 0 < df.loc[1, "sentiment__compound"]
    assert df["errors"].isna().tolist()[:2] == [True, True]
    assert not any(c.startswith("loaded__") for c in df.columns)
    s = pd.read_parquet(spans)
    assert set(s.columns) == {"id", "family", "label", "start", "end", "text", "voice"}
    assert not [f for f in os.listdir(out.parent) if f.endswith(".part")]


def test_bad_family_is_one_line_error(tmp_path, table, capsys) -> None:
    out = tmp_path / "f.parquet"
    code = main(["extract", str(table), "--text-col", "body", "-o", str(out), "--families", "nope"])
    err = capsys.readouterr().err.strip()
    assert code == 1 and "unknown feature family nope" in err and len(err.splitlines()) == 1
    assert not out.exists()


def test_missing_file_is_one_line_error(tmp_path, capsys) -> None:
    code = main(["extract", str(tmp_path / "nowhere.csv"), "-o", str(tmp_path / "f.parquet")])
    err = capsys.readouterr().err.strip()
    assert code == 1 and "nowhere.csv" in err


def test_scheduler_needs_dask(tmp_path, table, capsys) -> None:
    code = main(
        ["extract", str(table), "--text-col", "body", "-o", str(tmp_path / "f.parquet"),
         "--scheduler", "tcp://127.0.0.1:1"]
    )
    assert code == 1 and "--engine dask" in capsys.readouterr().err


def test_extract_fakes(tmp_path, capsys) -> None:
    if not FAKES_CSV.exists():
        pytest.skip(f"FA-KES not found at {FAKES_CSV}")
    out = tmp_path / "fakes.parquet"
    assert main(["extract", str(FAKES_CSV), "-o", str(out), "--families", "readability"]) == 0
    df = pd.read_parquet(out)
    assert len(df) == 804 and df["outlet"].nunique() >= 10
    assert df["readability__flesch_reading_ease"].notna().all()


def test_extract_on_dask_scheduler_address(tmp_path, table, capsys) -> None:
    distributed = pytest.importorskip("distributed")
    local, remote = tmp_path / "local.parquet", tmp_path / "dask.parquet"
    args = ["extract", str(table), "--text-col", "body", "--families", "readability,sentiment"]
    assert main([*args, "-o", str(local)]) == 0
    with distributed.LocalCluster(
        n_workers=1, threads_per_worker=1, processes=False, protocol="tcp", host="127.0.0.1",
        dashboard_address=None,
    ) as cluster:
        code = main(
            [*args, "-o", str(remote), "--engine", "dask", "--scheduler", cluster.scheduler_address]
        )
    assert code == 0, capsys.readouterr().err
    pd.testing.assert_frame_equal(pd.read_parquet(local), pd.read_parquet(remote))


def test_unreachable_scheduler_is_one_line_error(tmp_path, table, capsys) -> None:
    pytest.importorskip("distributed")
    import dask

    out = tmp_path / "f.parquet"
    with dask.config.set({"distributed.comm.timeouts.connect": "2s"}):
        code = main(
            ["extract", str(table), "--text-col", "body", "--families", "readability",
             "-o", str(out), "--engine", "dask", "--scheduler", "tcp://127.0.0.1:9"]
        )
    err = capsys.readouterr().err.strip().splitlines()
    assert code == 1 and "cannot reach dask scheduler" in err[-1]
    assert not out.exists()


@pytest.mark.parametrize("flag", ["-o", "--spans"])
def test_output_named_for_another_format_is_refused(tmp_path, table, capsys, flag) -> None:
    """``-o features.csv`` would otherwise get a Parquet file under a .csv name."""
    good, bad = tmp_path / "f.parquet", tmp_path / "f.csv"
    args = ["extract", str(table), "--text-col", "body", "--families", "readability"]
    args += ["-o", str(bad)] if flag == "-o" else ["-o", str(good), "--spans", str(bad)]
    code = main(args)
    err = capsys.readouterr().err.strip()
    assert code == 1 and len(err.splitlines()) == 1
    assert str(bad) in err and "Parquet" in err and ".csv" in err
    assert not bad.exists() and not good.exists()
