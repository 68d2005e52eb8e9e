"""Which files are loaded-language lexicons: the default-set rule, file kinds, and what a
``--lexicon`` list may name (split from load.py, which validates and merges their contents)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

from framing import paths as _paths
from framing.errors import LexiconError

_HEADER = re.compile(r"^\s*\[\[?\s*([A-Za-z0-9_.\-]+)\s*\]\]?\s*(?:#.*)?$")
_TOML_POS = re.compile(r"\(at line (\d+), column \d+\)")


def _headers(lines: list[str], name: str) -> list[int]:
    """1-based line numbers of each ``[[name]]`` header."""
    out = []
    for i, line in enumerate(lines, 1):
        m = _HEADER.match(line)
        if m and m.group(1) == name and line.strip().startswith("[["):
            out.append(i)
    return out


#: parsed files by (path, mtime, size): choosing the packs, finding the default set and
#: validating each read the same files, and parsing TOML is most of a load's time
_PARSED: dict[tuple, tuple[dict[str, Any] | None, str, LexiconError | None]] = {}


def _read_toml(path: Path) -> tuple[dict[str, Any] | None, str, LexiconError | None]:
    """(data, raw text, error) of one TOML file, parsed once per version of the file.
    Callers must not modify the returned data."""
    try:
        st = path.stat()
        key: tuple | None = (str(path), st.st_mtime_ns, st.st_size)
    except OSError:
        key = None
    if key is not None and key in _PARSED:
        return _PARSED[key]
    got = _parse_toml(path)
    if key is not None:
        _PARSED[key] = got
    return got


def _parse_toml(path: Path) -> tuple[dict[str, Any] | None, str, LexiconError | None]:
    import tomllib  # here: a warm `framing analyze FILE` parses no TOML (0.006 CPU-s to import)

    try:
        raw = path.read_bytes().decode("utf-8")
    except FileNotFoundError:
        return None, "", LexiconError(path, None, "no such file")
    except (OSError, UnicodeDecodeError) as exc:
        return None, "", LexiconError(path, None, f"cannot read: {exc}")
    try:
        return tomllib.loads(raw), raw, None
    except tomllib.TOMLDecodeError as exc:
        m = _TOML_POS.search(str(exc))
        line = int(m.group(1)) if m else None
        problem = _TOML_POS.sub("", str(exc)).strip()
        return None, raw, LexiconError(path, line, f"TOML syntax error: {problem}")


def is_loaded_lexicon(data: dict[str, Any]) -> bool:
    """The default-set rule: ``[meta] kind = "loaded"`` (the default when ``kind`` is absent)
    and, when ``kind`` is absent, ``[[entry]]`` tables that have a ``canonical``."""
    meta = data.get("meta")
    if isinstance(meta, dict) and "kind" in meta:
        return meta["kind"] == "loaded"
    entries = data.get("entry")
    return (
        isinstance(entries, list)
        and bool(entries)
        and all(isinstance(e, dict) for e in entries)
        and any("canonical" in e for e in entries)
    )


_DEFAULT_CACHE: dict[tuple, list[Path]] = {}


def default_paths(directory: str | Path | None = None) -> list[Path]:
    """The bundled loaded-language lexicons: every ``lexicons/*.toml`` that
    :func:`is_loaded_lexicon` accepts (sourcing lexicons and the outlet registry are skipped)."""
    d = Path(directory) if directory is not None else _paths.LEXICON_DIR
    candidates = sorted(d.glob("*.toml"))
    key = _stamp(candidates)
    if key not in _DEFAULT_CACHE:
        _DEFAULT_CACHE[key] = _scan(candidates)
    return list(_DEFAULT_CACHE[key])


def _scan(candidates: list[Path]) -> list[Path]:
    out = []
    for p in candidates:
        data, raw, err = _read_toml(p)
        if err is not None:
            # unreadable: keep it only if it looks like a loaded lexicon, so its error shows
            if _headers(raw.splitlines(), "entry") and "canonical" in raw:
                out.append(p)
            continue
        if data is not None and is_loaded_lexicon(data):
            out.append(p)
    return out


def _expand(paths: Iterable[str | Path], strict: bool = False) -> list[Path]:
    """Files for user lexicon paths (a folder: its loaded-language ``*.toml``). With
    ``strict`` (what ``--lexicon`` gets), a folder holding none is an error, not nothing."""
    out: list[Path] = []
    for p in paths:
        p = Path(p)
        if p.is_dir():
            found = default_paths(p)
            if strict and not found:
                raise LexiconError(p, None, "folder holds no loaded-language lexicon (*.toml with [[entry]] tables)")
            out.extend(found)
        else:
            out.append(p)
    return out


def user_files(paths: Iterable[str | Path]) -> list[Path]:
    """The loaded-language files a ``--lexicon`` list names. A file of another kind (cues,
    hedges, the outlet registry, a graded-layer file) or an empty folder is a one-line error
    naming it: read silently as nothing, it would leave the researcher's terms uncounted."""
    out = _expand(paths, strict=True)
    for p in out:
        why = other_kind(p)
        if why is not None:
            raise LexiconError(
                p, None, f"not a loaded-language lexicon ({why}); --lexicon takes files with "
                "[[entry]] tables ([meta] kind = \"loaded\"); check other kinds with 'framing lexicon validate'"
            )
    return out


def other_kind(path: str | Path) -> str | None:
    """Why a file given explicitly is not a loaded-language lexicon (``None`` if it is one or
    cannot be read as TOML): its ``[meta] kind`` says so, or it has no ``[[entry]]`` or
    ``[[referent]]`` tables but other arrays of tables (cues, hedges, outlets...)."""
    data, _, err = _read_toml(Path(path))
    if err is not None or data is None:
        return None
    meta = data.get("meta")
    if isinstance(meta, dict) and "kind" in meta and meta["kind"] != "loaded":
        return f"kind = {meta['kind']!r}"
    tables = [k for k, v in data.items() if isinstance(v, list) and v and isinstance(v[0], dict)]
    if _OTHER_TABLES & set(tables) and not {"entry", "referent"} & set(tables):
        return "has " + ", ".join(f"[[{t}]]" for t in tables) + " tables, no [[entry]]"
    return None


#: the tables of the bundled non-loaded lexicons (a misspelt [[entrys]] is still an error)
_OTHER_TABLES = {"cue", "source_noun", "name_word", "hedge", "head", "marker", "outlet"}


def _stamp(paths: Sequence[Path]) -> tuple:
    out = []
    for p in paths:
        try:
            st = p.stat()
            out.append((str(p.resolve()), st.st_mtime_ns, st.st_size))
        except OSError:
            out.append((str(p), None, None))
    return tuple(out)
