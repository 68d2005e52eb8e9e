"""A temporary on-disk store of per-article records, read back in any order.

Story detection must walk the corpus in date order, but corpora arrive in any order (FA-KES
is sorted by outlet). Holding every article's vector until the corpus is read would make
memory grow with the corpus, so the one pass over the text writes each article's compact
record here and the sweep reads them back by date. Only an offset per record stays in
memory (8 bytes an article). Plain ``pickle`` to one append-only file: the records are our
own, short-lived, and never leave the process.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from array import array
from types import TracebackType
from typing import Any

import numpy as np


class RecordSpill:
    """Append records, then read them back by position; the file is deleted on close."""

    def __init__(self, directory: str | None = None) -> None:
        fd, self.path = tempfile.mkstemp(prefix="framing-stories-", suffix=".spill", dir=directory)
        self._file = os.fdopen(fd, "w+b")
        self._offsets = array("q")  # 8 bytes a record, not a Python int's 36
        self._end = 0
        self._frozen: np.ndarray | None = None

    def append(self, record: Any) -> int:
        """Store one record; returns its position."""
        if self._frozen is not None:
            raise RuntimeError("the spill is read-only once it has been read from")
        data = pickle.dumps(record, protocol=pickle.HIGHEST_PROTOCOL)
        self._file.write(data)
        self._offsets.append(self._end)
        self._end += len(data)
        return len(self._offsets) - 1

    def __len__(self) -> int:
        return len(self._offsets) if self._frozen is None else len(self._frozen) - 1

    def get(self, i: int) -> Any:
        if self._frozen is None:
            self._file.flush()
            self._offsets.append(self._end)
            self._frozen = np.frombuffer(self._offsets, dtype=np.int64)
        start, stop = int(self._frozen[i]), int(self._frozen[i + 1])
        self._file.seek(start)
        return pickle.loads(self._file.read(stop - start))

    def close(self) -> None:
        self._file.close()
        if os.path.exists(self.path):
            os.unlink(self.path)

    def __enter__(self) -> RecordSpill:
        return self

    def __exit__(self, *exc: type[BaseException] | BaseException | TracebackType | None) -> None:
        self.close()
