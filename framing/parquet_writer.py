"""Parquet output for ``framing extract``: streamed in row groups, renamed into place at the end.

The schema is fixed by the first rows written (text and all-null columns typed as strings),
and every later chunk must have the same columns: a mismatch is a one-line error, never a
half-written file.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path
from typing import Any

import pandas as pd

from framing.errors import FramingError

#: Rows per Parquet row group (see AtomicParquet).
ROW_GROUP_ROWS = 4000


def _is_text(dtype: Any) -> bool:
    return pd.api.types.is_object_dtype(dtype) or pd.api.types.is_string_dtype(dtype)


def _schema_for(df: pd.DataFrame) -> Any:
    """Arrow schema of the first chunk, with all-null and text columns typed as strings."""
    import pyarrow as pa

    fields = []
    inferred = pa.Schema.from_pandas(df, preserve_index=False)
    for f in inferred:
        dtype = df[f.name].dtype
        if _is_text(dtype) or pa.types.is_null(f.type):
            fields.append(pa.field(f.name, pa.string()))
        else:
            fields.append(f)
    return pa.schema(fields)


def _to_table(df: pd.DataFrame, schema: Any, path: Path) -> Any:
    import pyarrow as pa

    if list(df.columns) != schema.names:
        extra = [c for c in df.columns if c not in schema.names][:3]
        missing = [c for c in schema.names if c not in df.columns][:3]
        raise FramingError(f"{path}: a chunk's columns differ from the first chunk's "
                           f"(new: {extra}, missing: {missing})")
    arrays = []
    for f in schema:
        col = df[f.name]
        try:
            arrays.append(pa.array(col, type=f.type, from_pandas=True))
        except (pa.ArrowInvalid, pa.ArrowTypeError):
            if pa.types.is_string(f.type):
                arrays.append(pa.array([None if pd.isna(v) else str(v) for v in col], pa.string()))
            else:
                raise FramingError(
                    f"{path}: column {f.name!r} changed type between chunks ({col.dtype})"
                ) from None
    return pa.Table.from_arrays(arrays, schema=schema)


class AtomicParquet:
    """A ParquetWriter on a temporary file beside ``path``, renamed into place on commit.

    Chunks are buffered into row groups of at least ``ROW_GROUP_ROWS`` rows: a row group
    per 200-article chunk costs more than the feature work itself with hundreds of
    columns, while a few thousand rows stay a few MB.
    """

    def __init__(self, path: Path, schema: Any = None) -> None:
        from framing.atomic import PART_SUFFIX, check_writable, sweep_stale, temp_name

        self.path = path
        check_writable(path)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            sweep_stale(path)  # litter of an earlier run that was killed
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=temp_name(path), suffix=PART_SUFFIX)
        except OSError as exc:
            raise FramingError(f"{path}: cannot write: {exc.strerror or exc}") from None
        os.close(fd)
        self.tmp = Path(tmp)
        self.writer: Any = None
        self.schema: Any = schema
        self.buffer: list[pd.DataFrame] = []
        self.buffered = 0

    def write(self, df: pd.DataFrame) -> None:
        if len(df):
            self.buffer.append(df)
            self.buffered += len(df)
        elif self.schema is None and not self.buffer:
            self.buffer.append(df)  # an empty first chunk still fixes the columns
        if self.buffered >= ROW_GROUP_ROWS:
            self.flush()

    def flush(self) -> None:
        import pyarrow.parquet as pq

        if not self.buffer:
            return
        df = self.buffer[0] if len(self.buffer) == 1 else pd.concat(self.buffer, ignore_index=True)
        self.buffer, self.buffered = [], 0
        if self.schema is None:
            self.schema = _schema_for(df)
        if self.writer is None:
            self.writer = pq.ParquetWriter(self.tmp, self.schema, compression="zstd")
        if len(df):
            self.writer.write_table(_to_table(df, self.schema, self.path))

    def commit(self, empty_schema: Any) -> None:
        import pyarrow.parquet as pq

        self.flush()
        if self.writer is None:  # nothing came: still write a valid (empty) file
            self.writer = pq.ParquetWriter(self.tmp, self.schema or empty_schema, compression="zstd")
        self.writer.close()
        mask = os.umask(0o022)
        os.umask(mask)
        os.chmod(self.tmp, 0o666 & ~mask)  # mkstemp makes 0600; outputs are for sharing
        try:
            os.replace(self.tmp, self.path)
        except OSError as exc:
            raise FramingError(f"{self.path}: cannot write: {exc.strerror or exc}") from None

    def abort(self) -> None:
        try:
            if self.writer is not None:
                self.writer.close()
        finally:
            self.tmp.unlink(missing_ok=True)


def span_schema() -> Any:
    import pyarrow as pa

    return pa.schema(
        [
            ("id", pa.string()),
            ("family", pa.string()),
            ("label", pa.string()),
            ("start", pa.int64()),
            ("end", pa.int64()),
            ("text", pa.string()),
            ("voice", pa.string()),
        ]
    )
