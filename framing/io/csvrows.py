"""CSV/TSV rows: the header decided once, every row aligned with it, bad rows named by line.

Written over the standard csv module rather than ``pandas.read_csv`` because pandas, given
a row with more fields than the header, either shifts the whole table (when the first data
row is the long one, its surplus field becomes an index and every value moves one column)
or drops the row with a message naming neither the file nor, for that first row, the line;
and its chunked reader decides the columns again in every chunk. Here a row with more
fields than the header (an unquoted separator, usually) is left out with a warning giving
its line, a row with fewer is padded, and every chunk has the header's columns.
"""

from __future__ import annotations

import csv
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.errors import InputError

if TYPE_CHECKING:
    import pandas as pd

# one field may hold a whole article; the csv module's default cap is 128 KiB
csv.field_size_limit(2**31 - 1)

#: the name pandas gives a column with an empty header cell, kept so tables read the same
UNNAMED = "Unnamed: "


def header_names(raw: list[str]) -> list[str]:
    """Column names: an empty cell becomes ``Unnamed: i``, a repeated name ``name.1``."""
    names: list[str] = []
    seen: dict[str, int] = {}
    for i, cell in enumerate(raw):
        name = cell.strip() or f"{UNNAMED}{i}"
        k = seen.get(name, 0)
        seen[name] = k + 1
        names.append(name if k == 0 else f"{name}.{k}")
    return names


def iter_frames(
    lines: Iterable[str], path: Path, sep: str, chunk_size: int, problems: list[str]
) -> Iterator[pd.DataFrame]:
    """The table in DataFrames of at most ``chunk_size`` rows, all with the header's columns
    (text values; empty fields are None). Problems are appended to ``problems``."""
    import pandas as pd

    reader = csv.reader(lines, delimiter=sep)
    try:
        header = next(reader, None)
    except csv.Error as exc:
        raise InputError(path, f"cannot parse the header: {exc}") from None
    if header is None or not any(c.strip() for c in header):
        raise InputError(path, "no header row")
    names = header_names(header)
    width = len(names)
    batch: list[list[Any]] = []
    yielded = False
    long_rows: list[tuple[int, int]] = []  # (line, fields)
    start = reader.line_num + 1
    while True:
        try:
            rec = next(reader)
        except StopIteration:
            break
        except csv.Error as exc:
            raise InputError(path, f"cannot parse line {start}: {exc}") from None
        line, start = start, reader.line_num + 1
        if not rec or (len(rec) == 1 and not rec[0].strip()):
            continue  # a blank line
        if len(rec) > width:
            if any(v.strip() for v in rec[width:]):
                long_rows.append((line, len(rec)))
                continue
            rec = rec[:width]  # only trailing separators
        values = [v if v != "" else None for v in rec]
        if len(values) < width:
            values.extend([None] * (width - len(values)))
        batch.append(values)
        if len(batch) >= chunk_size:
            yield pd.DataFrame(batch, columns=names, dtype=object)
            batch, yielded = [], True
    if batch or not yielded:
        yield pd.DataFrame(batch, columns=names, dtype=object)
    if long_rows:
        where = ", ".join(f"line {ln} ({n} fields)" for ln, n in long_rows[:5])
        more = f" and {len(long_rows) - 5} more" if len(long_rows) > 5 else ""
        problems.append(
            f"{path}: {len(long_rows)} row(s) with more fields than the header's {width} left out "
            f"(an unquoted {'tab' if sep == chr(9) else repr(sep)} in a value?): {where}{more}"
        )
