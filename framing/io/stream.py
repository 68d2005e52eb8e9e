"""Streaming corpus reading: the corpus in chunks, so memory stays flat in corpus size.

``load_corpus`` reads a whole table (what comparison and reports need); extraction over
millions of articles reads it chunk by chunk instead: CSV/TSV and JSONL through pandas'
chunked readers over a decoding text stream, Parquet by record batches, directories file
by file. Each chunk is a corpus DataFrame with the same columns and normalisation.
"""

from __future__ import annotations

import codecs
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pandas as pd

from framing.corpus import make_corpus
from framing.errors import InputError
from framing.io.csvrows import UNNAMED, iter_frames
from framing.io.decode import bom_encoding, looks_binary
from framing.io.loaders import (
    HTML_SUFFIXES,
    TABLE_SUFFIXES,
    TEXT_SUFFIXES,
    UniqueIds,
    _warn,
    check_path,
    finalize,
    iter_files,
    load_file,
    repair_columns,
    resolve_mapping,
    table_to_corpus,
)

_bad_bytes = 0


def _counting_fallback(err: UnicodeDecodeError) -> tuple[str, int]:
    """Like the loader's per-byte Windows-1252 fallback, counting what it replaced."""
    global _bad_bytes
    _bad_bytes += 1
    b = err.object[err.start : err.start + 1]
    try:
        return b.decode("cp1252"), err.start + 1
    except UnicodeDecodeError:
        return b.decode("latin-1"), err.start + 1


codecs.register_error("framing_stream_fallback", _counting_fallback)


def _check_head(path: Path) -> str:
    """The codec to read ``path`` with (UTF-8, or UTF-16/32 after a byte-order mark)."""
    try:
        with open(path, "rb") as f:
            head = f.read(8192)
    except OSError as exc:
        raise InputError(path, f"cannot read file ({exc.strerror or exc})") from None
    if not head.strip():
        raise InputError(path, "empty file")
    if looks_binary(head):
        raise InputError(path, "binary file, not text")
    bom = bom_encoding(head)
    return bom[0] if bom else "utf-8-sig"


def _unnamed_data(raw: pd.DataFrame, dropped: list[str]) -> int:
    """How many values a chunk holds in columns with no header name left out at the start."""
    return sum(int(raw[c].notna().sum()) for c in dropped if c in raw.columns)


def iter_table(path: Path, chunk_size: int, problems: list[str], mapping: dict[str, Any]) -> Iterator[pd.DataFrame]:
    """One table in chunks of ``chunk_size`` rows, every chunk with the same columns.

    The columns are decided once, from the header and the first chunk (a column with no
    header name is kept only if the first chunk has a value in it), never chunk by chunk.
    """
    global _bad_bytes
    suffix = path.suffix.lower()
    handle = None
    if suffix in {".parquet", ".pq"}:
        import pyarrow.parquet as pq

        try:
            # pyarrow's default pre-buffering keeps the file's column chunks it has read
            # (measured: 99 MB of Arrow memory still held after the last batch of a 104 MB
            # file, growing with the file); unbuffered reads of 1 MiB keep it flat (20 MB)
            pf = pq.ParquetFile(path, pre_buffer=False, buffer_size=1 << 20)
        except Exception as exc:  # pyarrow raises several types for corrupt files
            raise InputError(path, f"not a readable Parquet file ({type(exc).__name__})") from None
        batches: Any = (b.to_pandas() for b in pf.iter_batches(batch_size=chunk_size, use_threads=False))
    else:
        codec = _check_head(path)
        if codec != "utf-8-sig":
            _warn(problems, f"{path}: decoded as {codec.upper()} (byte-order mark)")
        _bad_bytes = 0
        handle = open(path, encoding=codec, errors="framing_stream_fallback", newline="")
        if suffix in {".jsonl", ".ndjson"}:
            try:
                batches = pd.read_json(handle, lines=True, dtype=False, chunksize=chunk_size)
            except ValueError as exc:
                handle.close()
                raise InputError(path, f"cannot parse as JSONL: {exc}") from None
        else:
            batches = iter_frames(handle, path, "\t" if suffix in {".tsv", ".tab"} else ",", chunk_size, problems)
    resolved: dict[str, str | None] | None = None
    columns: list[str] = []
    dropped: list[str] = []
    lost = offset = 0
    try:
        for raw in batches:
            if resolved is None:
                resolved = resolve_mapping(raw.columns, path, **mapping)
                dropped = [c for c in raw.columns if str(c).startswith(UNNAMED) and raw[c].isna().all()]
                columns = [c for c in raw.columns if c not in dropped]
            lost += _unnamed_data(raw, dropped)
            raw = raw.reindex(columns=columns)
            repaired = repair_columns(raw, [resolved["text"], resolved["title"]])
            chunk = table_to_corpus(raw, path, resolved, problems, row_offset=offset, row_warnings=repaired)
            offset += len(chunk)
            yield chunk
    except (ValueError, pd.errors.ParserError) as exc:
        raise InputError(path, f"cannot parse as {suffix.lstrip('.').upper()}: {str(exc).splitlines()[0]}") from None
    finally:
        if handle is not None:
            handle.close()
    if lost:
        _warn(problems, f"{path}: {lost} value(s) in columns with no header name ({', '.join(dropped[:3])}) "
                        "after the first chunk were left out; name those columns in the header")
    if _bad_bytes:
        _warn(
            problems, f"{path}: not valid UTF-8 ({_bad_bytes} bad byte(s)); decoded them as Windows-1252 and repaired"
        )


def iter_corpus(
    paths: str | Path | Sequence[str | Path],
    chunk_size: int = 5000,
    problems: list[str] | None = None,
    **mapping: Any,
) -> Iterator[pd.DataFrame]:
    """Yield corpus chunks of at most ``chunk_size`` articles from files, directories and tables.

    Problems are logged (``framing.io`` logger) and each chunk carries the ones found so far
    in ``attrs["problems"]`` (all of them end up in ``problems`` when given); ids are made
    unique across chunks with a ``#N`` suffix.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    problems = problems if problems is not None else []
    unique = UniqueIds()
    mapping = {k: v for k, v in mapping.items() if v}

    def emit(df: pd.DataFrame) -> pd.DataFrame:
        df = finalize(df.assign(id=unique(df["id"])))
        unique.report(problems)
        df.attrs["problems"] = list(problems)
        return df

    found = False
    for p in map(Path, paths):
        if why := check_path(p):  # one bad path among good ones is a warning, not the end
            if len(paths) == 1:
                raise InputError(p, why)
            _warn(problems, f"{p}: {why}")
            continue
        files = iter_files(p) if p.is_dir() else [p]
        rows: list[dict[str, Any]] = []
        for f in files:
            suffix = f.suffix.lower()
            if suffix in TABLE_SUFFIXES:
                try:
                    for chunk in iter_table(f, chunk_size, problems, mapping):
                        found = True
                        yield emit(chunk)
                except InputError as exc:
                    if not p.is_dir() and len(paths) == 1:
                        raise
                    _warn(problems, str(exc))
                continue
            if p.is_dir() and suffix not in TEXT_SUFFIXES | HTML_SUFFIXES:
                continue
            rel = f.relative_to(p) if p.is_dir() else Path(f.name)
            try:
                rows.append(
                    load_file(f, root=p if p.is_dir() else None, outlet=rel.parts[0] if len(rel.parts) > 1 else None)
                )
            except InputError as exc:
                if not p.is_dir() and len(paths) == 1:
                    raise
                _warn(problems, str(exc))
            if len(rows) >= chunk_size:
                found = True
                yield emit(make_corpus(rows))
                rows = []
        if rows:
            found = True
            yield emit(make_corpus(rows))
    if not found:
        raise InputError(
            ", ".join(map(str, paths)), "no articles could be loaded" + (f" ({problems[0]})" if problems else "")
        )
