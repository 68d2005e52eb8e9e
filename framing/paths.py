"""Where the bundled data lives: lexicons (with the outlet registry), the seed article, reports.

The repository keeps the data where the design card put it, in the top-level ``lexicons/``
and ``seeds/``; the build backend copies both into the wheel as ``framing/_data/lexicons``
and ``framing/_data/seeds`` (pyproject.toml, ``force-include``), so an ordinary install
carries them. Lookup order for each folder:

1. ``FRAMING_LEXICON_DIR`` (lexicons only): the user's own folder;
2. the package's own copy, found with ``importlib.resources`` (a wheel install);
3. the source checkout's top-level folder beside the package (an editable install, or
   ``PYTHONPATH`` pointing at a clone), where the copy does not exist.

The report templates are ordinary package data (``framing/report/templates``).
"""

from __future__ import annotations

import atexit
import contextlib
import os
from importlib import resources
from pathlib import Path

PROJECT_ROOT = Path(__file__).resolve().parent.parent
#: where the wheel carries the repository's top-level data folders
PACKAGE_DATA = "_data"
_KEEP = contextlib.ExitStack()  # holds extracted copies alive when framing runs from a zip
atexit.register(_KEEP.close)


def is_source_checkout() -> bool:
    """Whether framing runs from a clone of the repository (not from an installed wheel)."""
    return (PROJECT_ROOT / "pyproject.toml").is_file() and (PROJECT_ROOT / "framing").is_dir()


def bundled_dir(name: str) -> Path:
    """The bundled data folder ``name`` (``lexicons`` or ``seeds``) as a real directory."""
    packaged = resources.files("framing").joinpath(PACKAGE_DATA, name)
    if packaged.is_dir():
        if isinstance(packaged, Path):
            return packaged
        return Path(_KEEP.enter_context(resources.as_file(packaged)))  # pragma: no cover - zip imports
    return PROJECT_ROOT / name


def user_cache_dir() -> Path:
    """framing's folder in the user's cache: ``$XDG_CACHE_HOME/framing``, ``~/.cache/framing``
    when that is unset (fetched data sets and the lexicon cache live under it)."""
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "framing"


def reports_dir() -> Path:
    """Where ``framing report`` writes by default: the checkout's reports/ in a clone, else
    reports/ in the current folder (never inside site-packages)."""
    return PROJECT_ROOT / "reports" if is_source_checkout() else Path.cwd() / "reports"


LEXICON_DIR = Path(os.environ.get("FRAMING_LEXICON_DIR") or bundled_dir("lexicons"))
SEEDS_DIR = bundled_dir("seeds")
REPORTS_DIR = reports_dir()
# ../shared beside the project, where the test and benchmark data sets are kept.
SHARED_DIR = Path(os.environ.get("FRAMING_SHARED_DIR", PROJECT_ROOT.parent / "shared"))
FAKES_CSV = SHARED_DIR / "data" / "fa-kes" / "FA-KES-Dataset.csv"
POLNEAR_JSONL = SHARED_DIR / "data" / "polnear" / "train.jsonl"
