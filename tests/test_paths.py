"""Bundled data: the wheel's package copy through importlib.resources, else the checkout's folders."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import framing.paths as paths


def test_the_checkout_folders_are_used_without_a_package_copy():
    assert paths.is_source_checkout()
    assert paths.bundled_dir("lexicons") == paths.PROJECT_ROOT / "lexicons"
    assert (paths.SEEDS_DIR / "000_89bd3b2a60d6eb6a.txt").is_file()


def test_the_package_copy_wins_where_it_exists(tmp_path, monkeypatch):
    pkg = tmp_path / "framing"
    (pkg / paths.PACKAGE_DATA / "lexicons").mkdir(parents=True)
    monkeypatch.setattr(paths.resources, "files", lambda name: pkg)
    assert paths.bundled_dir("lexicons") == pkg / paths.PACKAGE_DATA / "lexicons"


def test_every_lexicon_file_goes_into_the_wheel():
    """The build maps whole folders (pyproject.toml force-include), so a new lexicons/*.toml
    ships without being named anywhere."""
    import tomllib

    conf = tomllib.loads((paths.PROJECT_ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    mapped = conf["tool"]["hatch"]["build"]["targets"]["wheel"]["force-include"]
    assert mapped == {"lexicons": f"framing/{paths.PACKAGE_DATA}/lexicons",
                      "seeds": f"framing/{paths.PACKAGE_DATA}/seeds"}


def test_framing_lexicon_dir_still_points_elsewhere(tmp_path):
    env = {**os.environ, "FRAMING_LEXICON_DIR": str(tmp_path)}
    out = subprocess.run([sys.executable, "-c", "import framing.paths as p; print(p.LEXICON_DIR)"],
                         capture_output=True, text=True, env=env, timeout=120, check=True)
    assert Path(out.stdout.strip()) == tmp_path
