"""Atomic writes: whole files, whole result folders, normal permissions, no litter."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from framing.atomic import PART_SUFFIX, staged_dir, sweep_stale, write_atomic
from framing.errors import InputError


def _dead_pid() -> int:
    p = subprocess.Popen([sys.executable, "-c", "pass"])
    p.wait()
    return p.pid


def test_write_atomic_gives_normal_permissions(tmp_path):
    old = os.umask(0o022)
    try:
        path = write_atomic(tmp_path / "a.txt", "x")
    finally:
        os.umask(old)
    assert path.stat().st_mode & 0o777 == 0o644


def test_litter_of_a_killed_writer_is_swept_and_live_writes_are_left(tmp_path):
    target = tmp_path / "features.parquet"
    dead = tmp_path / f".features.parquet.{_dead_pid()}.abc{PART_SUFFIX}"
    live = tmp_path / f".features.parquet.{os.getppid()}.abc{PART_SUFFIX}"
    dead.write_text("half")
    live.write_text("in progress")
    write_atomic(target, "done")
    assert not dead.exists() and live.exists() and target.read_text() == "done"
    assert sweep_stale(target) == []


def test_a_result_folder_is_swapped_whole(tmp_path):
    out = tmp_path / "results"
    with staged_dir(out, owned={"a.csv", "stale.csv", "summary.json"}) as tmp:
        (tmp / "a.csv").write_text("1")
        (tmp / "stale.csv").write_text("old run only")
    with staged_dir(out, owned={"a.csv", "stale.csv", "summary.json"}) as tmp:
        (tmp / "a.csv").write_text("2")
        (tmp / "summary.json").write_text("{}")
    assert sorted(p.name for p in out.iterdir()) == ["a.csv", "summary.json"]
    assert (out / "a.csv").read_text() == "2"
    assert [p.name for p in tmp_path.iterdir()] == ["results"]  # no temporary folders left


def test_a_failed_run_leaves_the_old_results(tmp_path):
    out = tmp_path / "results"
    with staged_dir(out) as tmp:
        (tmp / "a.csv").write_text("old")
    with pytest.raises(RuntimeError), staged_dir(out) as tmp:
        (tmp / "a.csv").write_text("new, half")
        raise RuntimeError("killed")
    assert (out / "a.csv").read_text() == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["results"]


def test_a_folder_of_someone_elses_files_is_not_replaced(tmp_path):
    (tmp_path / "thesis.docx").write_text("years of work")
    with pytest.raises(InputError, match="holds files framing did not write .thesis.docx"):
        with staged_dir(tmp_path, owned={"summary.json"}):
            pass
    assert (tmp_path / "thesis.docx").read_text() == "years of work"
