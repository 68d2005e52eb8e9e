"""`framing compare -o DIR`: a result set swapped in whole; a folder of someone else's files refused."""

from __future__ import annotations

import json

import pytest

from framing.cli import main


@pytest.fixture(scope="module")
def tables(tmp_path_factory):
    import importlib.util
    from pathlib import Path

    # the compare tests' tiny corpus (their conftest, loaded under its own name)
    spec = importlib.util.spec_from_file_location(
        "compare_tiny", Path(__file__).resolve().parents[1] / "compare" / "conftest.py")
    tiny = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(tiny)
    features, _, corpus = tiny.make_tiny(n_per=8)
    d = tmp_path_factory.mktemp("tables")
    features.to_parquet(d / "features.parquet")
    corpus.to_csv(d / "corpus.csv", index=False)
    return d / "features.parquet", d / "corpus.csv"


def _compare(fpath, cpath, out, *extra):
    return main(["compare", str(fpath), "--corpus", str(cpath), "-o", str(out), "--bootstrap", "20",
                 "--folds", "2", *extra])


def test_a_rerun_replaces_the_whole_result_set(tables, tmp_path):
    fpath, cpath = tables
    out = tmp_path / "results"
    assert _compare(fpath, cpath, out, "--label-col", "label") == 0
    assert (out / "credibility_features.csv").exists()
    assert _compare(fpath, cpath, out) == 0
    assert not (out / "credibility_features.csv").exists()  # stale: this run has no labels
    assert "credibility" not in json.loads((out / "summary.json").read_text())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["results"]  # no temporary folders


def test_a_folder_of_other_files_is_refused_before_any_work(tables, tmp_path, capsys):
    fpath, cpath = tables
    (tmp_path / "notes.txt").write_text("mine")
    assert _compare(fpath, cpath, tmp_path) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and "holds files framing did not write (notes.txt)" in err[0]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]
