"""A disk cache of the validated, merged lexicon and of its matcher's keys, so that a fresh
process skips the TOML parse, the validation of ~2,700 entries and the expansion of their
forms into ~17,000 automaton keys (together about a CPU-second of ``framing analyze``).

The cache is plain JSON (:mod:`framing.usercache`: never pickle, atomic, silent when it
cannot be used), one file per key in ``$XDG_CACHE_HOME/framing/lexicon`` (``~/.cache`` when
unset). The key is a
hash of everything the merged lexicon is made from: the bytes and paths of every bundled
``lexicons/*.toml`` and of the user's files, the pack selection, vaderSentiment's valence
file (the graded layer) and the source of the modules that validate and merge, so editing
any of them is a new key, never a stale hit. Tables are rebuilt as plain records
(:mod:`framing.lexicon.records`: they were validated when the file was written), so a hit
imports no pydantic. A cache that cannot be read or written
(a read-only home, a full disk, a damaged file) is passed over silently: loading then
takes the slow path, with the same result.
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from framing import paths as _paths
from framing import usercache
from framing.lexicon.records import EntryRecord, MetaRecord, ReferentRecord
from framing.lexicon.vaderfile import vader_path

log = logging.getLogger("framing.lexicon")

#: bumped when the layout of a cache file changes
FORMAT = 1
FOLDER = "lexicon"
#: the modules whose code decides what a merged lexicon holds
_CODE = ("schema.py", "basics.py", "records.py", "load.py", "files.py", "packs.py", "graded.py", "matcher.py",
         "cache.py")


def cache_dir() -> Path:
    return usercache.folder(FOLDER)


def cache_key(selected: Sequence[str] | None, user: Sequence[Path]) -> str | None:
    """The key of a load, or None when it cannot be cached (a user path that is a folder
    or cannot be read: the slow path reports it)."""
    h = hashlib.sha256(f"framing-lexicon-cache {FORMAT}\0".encode())
    here = Path(__file__).parent
    try:
        for name in _CODE:
            h.update((here / name).read_bytes())
        bundled = sorted(Path(_paths.LEXICON_DIR).glob("*.toml"))
        for p in [*bundled, vader_path(), None, *user]:
            if p is None:  # the bundled files end here, the user's begin
                h.update(b"\0user\0")
                continue
            if not p.is_file():
                return None
            data = p.read_bytes()
            h.update(f"{p.resolve()}\0{len(data)}\0".encode("utf-8", "surrogatepass"))
            h.update(data)
    except OSError:
        return None
    h.update(json.dumps(list(selected) if selected is not None else None).encode())
    return h.hexdigest()


def _entry_row(e: EntryRecord) -> list[Any]:
    return [e.model_dump(), e.source, e.line, e.pack, e.layer]


def read(key: str) -> Any | None:
    """The lexicon stored under ``key``, or None (absent, unreadable or not this format)."""
    from framing.lexicon.load import Lexicon

    data = usercache.read_json(FOLDER, key)
    if not isinstance(data, dict) or data.get("format") != FORMAT or data.get("key") != key:
        return None
    try:
        lex = Lexicon(
            entries=[EntryRecord(*r) for r in data["entries"]],
            referents={k: ReferentRecord(v) for k, v in data["referents"].items()},
            sources=list(data["sources"]),
            packs={k: MetaRecord(v) for k, v in data["packs"].items()},
            pack_files=dict(data["pack_files"]),
        )
        lex._table = data["table"]  # [key, [[entry index, exact forms or null], ...]] as written
        return lex
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        log.debug("lexicon cache %s not used: %s", key, exc)
        return None


def write(key: str, lex: Any) -> None:
    """Store ``lex`` under ``key`` atomically; any failure only means no cache."""
    usercache.write_json(FOLDER, key, build=lambda: {
        "format": FORMAT,
        "key": key,
        "entries": [_entry_row(e) for e in lex.entries],
        "referents": {k: r.model_dump() for k, r in lex.referents.items()},
        "sources": list(lex.sources),
        "packs": {k: m.model_dump() for k, m in lex.packs.items()},
        "pack_files": dict(lex.pack_files),
        # the matcher's keys (a third of a CPU-second to compute): computed once, kept by
        # this process's matcher too
        "table": lex.matcher().table(),
    })
