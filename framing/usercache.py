"""Plain-JSON files in framing's user cache (``$XDG_CACHE_HOME/framing/<folder>/<key>.json``):
data that is slow to build from installed files and the same in every process (the merged
lexicon, the hyphenation patterns), so a fresh ``framing analyze FILE`` reads it instead.

JSON, never pickle: reading a cache must not be able to run code. Writes are atomic. The
caller's key names everything the data is made from, so a changed source is a new file,
never a stale hit. A cache that cannot be read or written (a read-only home, a full disk, a
damaged file) is passed over silently: the caller builds the data as it would without one.
"""

from __future__ import annotations

import hashlib
import json
import logging
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

from framing import paths as _paths

T = TypeVar("T")

log = logging.getLogger("framing.cache")

#: files kept per folder (each edit of a source makes a new one)
KEEP = 16


def folder(name: str) -> Path:
    return _paths.user_cache_dir() / name


def digest(parts: Iterable[bytes | str]) -> str:
    """A key from the sources' identities (bytes, paths, versions), in order."""
    h = hashlib.sha256()
    for part in parts:
        data = part.encode("utf-8", "surrogatepass") if isinstance(part, str) else part
        h.update(f"{len(data)}\0".encode())
        h.update(data)
    return h.hexdigest()


def read_json(name: str, key: str) -> Any | None:
    """The data stored under ``key`` in folder ``name``, or None (absent or unreadable)."""
    path = folder(name) / f"{key}.json"
    try:
        return json.loads(path.read_bytes())
    except FileNotFoundError:
        return None
    except (OSError, ValueError) as exc:
        log.debug("cache %s not used: %s", path, exc)
        return None


def write_json(name: str, key: str, data: Any | None = None, build: Any = None) -> None:
    """Store ``data`` (or what ``build()`` returns: skipped when the folder is read-only)
    under ``key`` atomically, keeping the newest ``KEEP`` files; any failure only means no
    cache."""
    from framing.atomic import write_atomic
    from framing.errors import FramingError

    where = folder(name)
    try:
        where.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        log.debug("cache not written to %s: %s", where, exc)
        return
    if not os.access(where, os.W_OK):  # read-only: spare the serialising
        return
    try:
        text = json.dumps(build() if build is not None else data, ensure_ascii=False, separators=(",", ":"))
        write_atomic(where / f"{key}.json", text)
        _prune(where)
    except (OSError, FramingError) as exc:
        log.debug("cache not written to %s: %s", where, exc)


def _prune(where: Path) -> None:
    files = sorted(where.glob("*.json"), key=lambda p: p.stat().st_mtime_ns, reverse=True)
    for old in files[KEEP:]:
        old.unlink(missing_ok=True)


def file_key(tag: str, code: Iterable[Path], sources: Iterable[Path]) -> str | None:
    """The key of data validated from ``sources`` by ``code`` (their bytes, in order), or None
    when one cannot be read: the caller then takes its slow path, which reports it."""
    try:
        return digest([tag, *(p.read_bytes() for p in code), b"\0sources\0", *(p.read_bytes() for p in sources)])
    except OSError:
        return None


def read_keyed(name: str, key: str) -> Any | None:
    """What :func:`write_keyed` stored under ``key``, or None (absent, unreadable, not its key)."""
    data = read_json(name, key)
    if isinstance(data, dict) and data.get("key") == key and "data" in data:
        return data["data"]
    return None


def write_keyed(name: str, key: str, data: Any) -> None:
    """Store ``data`` (validated, plain JSON) with its key inside, so a renamed or damaged
    file is never read as another key's."""
    write_json(name, key, {"key": key, "data": data})


def cached(
    name: str, key: str | None, kind: type, use: Callable[[Any], T], build: Callable[[], tuple[T, Any]]
) -> T:
    """``use(stored)`` on what is kept under ``key`` when it is a ``kind``; else (absent, no
    key, another type, or ``use`` finds it damaged) ``build()``, which returns the result and
    the validated data to keep. Data is stored only after ``build`` returned, so a file that
    failed validation is never kept."""
    stored = read_keyed(name, key) if key else None
    if isinstance(stored, kind):
        try:
            return use(stored)
        except (KeyError, TypeError, AttributeError, ValueError, IndexError) as exc:
            log.debug("cache %s/%s not used: %s", name, key, exc)  # damaged: build again
    result, data = build()
    if key:
        write_keyed(name, key, data)
    return result
