"""Atomic writes: every output (tables, reports, docs, models, result folders) goes through here.

A file is written to a temporary name in the target's folder, then moved into place with
``os.replace``: readers never see half a file, and an interrupted run leaves any earlier
output untouched. A result *set* (``framing compare -o DIR``) is written into a temporary
sibling folder and swapped in whole, so old and new files never mix and a file an earlier
run wrote but this one does not (say ``credibility_features.csv``) does not survive.

Temporary names carry the writer's process id (``.NAME.PID.XXXX.part``), so a later run
can tell litter left by a killed process from a write still in progress, and removes it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import tempfile
from collections.abc import Iterator
from pathlib import Path

from framing.errors import InputError, printable

PART_SUFFIX = ".part"


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def _why(exc: OSError) -> str:
    """A short reason for a failed write, in the words a user would look for."""
    if isinstance(exc, IsADirectoryError):
        return "is a folder, not a file"
    if isinstance(exc, NotADirectoryError | FileExistsError):
        return "a parent of this path is a file, not a folder"
    if isinstance(exc, PermissionError):
        return "permission denied"
    return exc.strerror or str(exc)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process: alive
        return True
    return True


def sweep_stale(path: str | Path) -> list[Path]:
    """Remove temporary files and folders that a killed writer left beside ``path``.

    Only names of the form ``.NAME.PID.*.part`` whose PID no longer runs are removed: a
    write in progress (by this or another process) is left alone.
    """
    path = Path(path)
    removed: list[Path] = []
    try:
        candidates = list(path.parent.glob(f".{path.name}.*{PART_SUFFIX}"))
    except OSError:
        return removed
    for cand in candidates:
        rest = cand.name[len(path.name) + 2:]
        pid_text = rest.split(".", 1)[0]
        if not pid_text.isdigit() or int(pid_text) == os.getpid() or _alive(int(pid_text)):
            continue
        try:
            if cand.is_dir() and not cand.is_symlink():
                shutil.rmtree(cand)
            else:
                cand.unlink()
        except OSError:
            continue
        removed.append(cand)
    return removed


def _check_target(path: Path) -> None:
    if path.is_dir():
        raise InputError(path, "cannot write: is a folder, not a file")
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(path, f"cannot write: {_why(exc)}") from None
    if not path.parent.is_dir():
        raise InputError(path, "cannot write: a parent of this path is a file, not a folder")


def temp_name(path: Path) -> str:
    """The prefix of a temporary sibling of ``path`` (see :func:`sweep_stale`)."""
    return f".{path.name}.{os.getpid()}."


@contextlib.contextmanager
def atomic_path(path: str | Path) -> Iterator[Path]:
    """Yield a temporary file beside ``path``; on success it replaces ``path``, else it goes.

    An ``OSError`` while preparing or committing becomes a one-line ``InputError`` naming
    ``path`` (an unwritable folder, a folder in the file's place, a file in a folder's place).
    """
    path = Path(path)
    _check_target(path)
    sweep_stale(path)
    try:
        fd, tmp_name = tempfile.mkstemp(dir=path.parent, prefix=temp_name(path), suffix=PART_SUFFIX)
    except OSError as exc:
        raise InputError(path, f"cannot write: {_why(exc)}") from None
    os.close(fd)
    tmp = Path(tmp_name)
    try:
        yield tmp
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; outputs are for sharing
        os.replace(tmp, path)
    except OSError as exc:
        raise InputError(path, f"cannot write: {_why(exc)}") from None
    finally:
        with contextlib.suppress(OSError):
            tmp.unlink()


def write_atomic(path: str | Path, data: str | bytes) -> Path:
    """Write ``data`` (text as UTF-8) to ``path`` atomically, with normal file permissions."""
    with atomic_path(path) as tmp:
        tmp.write_bytes(data.encode("utf-8") if isinstance(data, str) else data)
    return Path(path)


def check_replaceable(path: str | Path, owned: frozenset[str] | set[str] | None = None) -> None:
    """Refuse, before any work, a results folder that cannot be written or replaced whole.

    ``owned`` names the files a previous run of the same writer may have left there: a folder
    holding anything else (the user's own files) is refused rather than replaced.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise InputError(path, "cannot write results: a file, not a folder")
    if path.is_dir() and owned is not None:
        foreign = sorted(p.name for p in path.iterdir() if p.name not in owned)
        if foreign:
            shown = ", ".join(printable(n, 60) for n in foreign[:3]) + (" ..." if len(foreign) > 3 else "")
            raise InputError(path, f"cannot write results: the folder holds files framing did not "
                                   f"write ({shown}); give a new or empty folder")
    _check_parent(path)


def check_writable(path: str | Path) -> None:
    """Refuse, before any work and without creating anything, an output file that cannot be
    written: a folder in its place, a file where a folder should be, no permission."""
    path = Path(path)
    if path.is_dir():
        raise InputError(path, "cannot write: is a folder, not a file")
    _check_parent(path)


def _check_parent(path: Path) -> None:
    parent = next((p for p in path.absolute().parents if p.exists()), None)
    if parent is not None and not parent.is_dir():
        raise InputError(path, "cannot write: a parent of this path is a file, not a folder")
    if parent is not None and not os.access(parent, os.W_OK | os.X_OK):
        raise InputError(path, "cannot write: permission denied")


@contextlib.contextmanager
def staged_dir(path: str | Path, owned: frozenset[str] | set[str] | None = None) -> Iterator[Path]:
    """Yield an empty temporary sibling folder; on success it takes ``path``'s place.

    ``owned`` names the files a previous run of the same writer may have left in ``path``:
    a folder holding anything else (the user's own files) is refused before any work,
    rather than replaced. The swap is two renames (the old folder aside, the new one in),
    then the old one is removed. A crash in the instant between the two leaves no ``path``
    (the old results wait in ``.NAME.PID.*.part`` beside it until the next run), never a
    mixture of old and new files.
    """
    path = Path(path)
    check_replaceable(path, owned)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise InputError(path, f"cannot write: {_why(exc)}") from None
    sweep_stale(path)
    try:
        tmp = Path(tempfile.mkdtemp(dir=path.parent, prefix=temp_name(path), suffix=PART_SUFFIX))
    except OSError as exc:
        raise InputError(path, f"cannot write: {_why(exc)}") from None
    old: Path | None = None
    try:
        yield tmp
        os.chmod(tmp, 0o777 & ~_umask())  # mkdtemp makes 0700
        if path.is_dir():
            old = Path(tempfile.mkdtemp(dir=path.parent, prefix=temp_name(path), suffix=PART_SUFFIX))
            os.replace(path, old / path.name)
            try:
                os.replace(tmp, path)
            except OSError:
                os.replace(old / path.name, path)  # the old results go back
                raise
        else:
            os.replace(tmp, path)
    except OSError as exc:
        raise InputError(path, f"cannot write: {_why(exc)}") from None
    finally:
        for leftover in (tmp, old):
            if leftover is not None and leftover.exists():
                shutil.rmtree(leftover, ignore_errors=True)
