"""The CLI shell: analyze, corpus info, datasets, errors as one line."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from framing.cli import main


def run_cli(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        main(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("framing ")


def test_analyze_seed_json(capsys, seed_path, gold):
    code, out, _ = run_cli(capsys, "analyze", str(seed_path), "--format", "json")
    assert code == 0
    obj = json.loads(out)
    art = obj["article"]
    assert art["outlet"] == gold["article"]["outlet"]
    assert art["publisher"] == gold["article"]["publisher"]
    assert art["date"] == gold["article"]["date"]
    assert art["title"].lower() == gold["article"]["title"].lower()
    for key in ("body", "loaded_terms", "attributions", "claims", "scores"):
        assert key in obj
    for t in obj["loaded_terms"]:
        assert obj["body"][t["start"] : t["end"]] == t["text"]


def test_analyze_jsonl_directory(capsys, tmp_path):
    for i in range(2):
        (tmp_path / f"{i}.txt").write_text(
            f"Article {i} says the talks in Geneva failed again on Monday.", encoding="utf-8"
        )
    code, out, _ = run_cli(capsys, "analyze", str(tmp_path), "--format", "jsonl", "--families", "readability")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 2 and all(json.loads(line)["body"] for line in lines)


def test_corpus_info_fakes(capsys, fakes):
    from framing.paths import FAKES_CSV

    code, out, _ = run_cli(capsys, "corpus", "info", str(FAKES_CSV), "--format", "json")
    assert code == 0
    info = json.loads(out)
    assert info["n_articles"] == 804
    assert len(info["outlets"]) == 15
    assert isinstance(info["problems"], list)


def test_error_is_one_line(capsys, tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("a,b\n1,2\n", encoding="utf-8")
    code, out, err = run_cli(capsys, "corpus", "info", str(f))
    assert code == 1
    assert err.count("\n") == 1 and "t.csv" in err and "Traceback" not in err


def test_console_script_runs():
    r = subprocess.run([sys.executable, "-m", "framing.cli", "--version"], capture_output=True, text=True)
    assert r.returncode == 0 and "framing" in r.stdout
