"""Lexicon packs: the bundled loaded-language files, by ``[meta] name``, and how a selection
of them travels.

Every bundled pack is on by default. A selection travels with the user's ``--lexicon`` paths
as ``pack:NAME`` items, so the one tuple of lexicon arguments that families, worker processes
and the report already pass around also carries it (``--lexicon-pack NAME`` on the command
line, ``LoadedTerms(lexicons=("pack:us-politics",))`` in Python).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from framing import paths as _paths
from framing.errors import FramingError
from framing.lexicon.files import _read_toml

PACK_PREFIX = "pack:"
_CACHE: dict[tuple, dict[str, tuple[str, Path]]] = {}


def pack_token(name: str) -> str:
    """The lexicon-argument item that selects bundled pack ``name``."""
    return PACK_PREFIX + name


def split_selection(extra: Iterable[str | Path]) -> tuple[list[str] | None, list[Path]]:
    """(selected pack names, or ``None`` for all; the user's lexicon paths)."""
    packs: list[str] = []
    paths: list[Path] = []
    for item in extra:
        s = str(item)
        if s.startswith(PACK_PREFIX):
            packs.append(s[len(PACK_PREFIX) :].strip())
        else:
            paths.append(Path(item))
    return (packs or None), paths


def bundled_packs(directory: str | Path | None = None) -> dict[str, tuple[str, Path]]:
    """``{name: (kind, file)}`` for the bundled loaded-language and graded files, in file
    order (a file that cannot be read is left out here; loading reports it)."""
    d = Path(directory) if directory is not None else _paths.LEXICON_DIR
    files = sorted(d.glob("*.toml"))
    key = tuple((str(p), p.stat().st_mtime_ns) for p in files if p.exists())
    if key not in _CACHE:
        out: dict[str, tuple[str, Path]] = {}
        for p in files:
            data, _, err = _read_toml(p)
            if err is not None or data is None:
                continue
            meta = data.get("meta") if isinstance(data.get("meta"), dict) else {}
            kind = meta.get("kind", "loaded" if "entry" in data else "")
            if kind in ("loaded", "graded"):
                out[str(meta.get("name") or p.stem)] = (kind, p)
        _CACHE[key] = out
    return dict(_CACHE[key])


def check_selection(packs: list[str] | None, available: dict[str, tuple[str, Path]]) -> None:
    """An unknown pack name is a one-line error listing the bundled packs."""
    if packs is None:
        return
    unknown = [p for p in packs if p not in available]
    if unknown:
        raise FramingError(
            f"unknown lexicon pack {', '.join(repr(u) for u in unknown)}; "
            f"bundled packs: {', '.join(available) or 'none'}"
        )


__all__ = ["PACK_PREFIX", "bundled_packs", "check_selection", "pack_token", "split_selection"]
