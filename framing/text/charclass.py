"""Per-character maps over whole texts at C speed, for any Unicode text, without numpy.

Counting words or deleting punctuation the way a regular expression does (``\\w``,
``\\s``) costs a regex pass over every character. Here each character is replaced by a
few bytes standing for it (none: it is deleted) in C: ``bytes.translate`` for ASCII (or
a one-byte codec's characters), and for the characters outside it an encoding error
handler (``codecs.register_error``) that the encoder calls once per *run* of such
characters, looked up in a table filled the first time a run is met (from ``stand_in``,
built on ``str`` methods, which define ``\\w`` and ``\\s``). News text is mostly ASCII
with a few curly quotes, dashes and accented letters, so that is one C pass and a few
dozen look-ups per article.

Hand-written because no library offers such a map. It replaces a numpy code-point
table: importing numpy was 0.11-0.15 CPU-s of a one-article ``framing analyze``, more
than the whole analysis. Per article, readability's pass is faster with it and the word
count as fast on FA-KES, up to 17 µs slower on PolNeAR's texts outside ASCII
(``docs/performance.md``, "Start-up", round 4). Used by ``Document.n_words`` and the
readability family.
"""

from __future__ import annotations

import codecs
import itertools
from collections.abc import Callable

#: Bound on each map's table of runs, so memory stays flat on text outside ASCII (in a
#: script without ASCII letters every word is a run).
_RUNS_MAX = 100_000
_SERIAL = itertools.count()


class CharMap:
    """char -> the bytes standing for it (``b""`` deletes it), applied to whole texts.

    ``codec`` is ASCII or a one-byte codec that extends it: its characters go through
    ``bytes.translate`` (``stand_in`` gives each at most one byte), the rest through the
    error handler. ``cp1252`` covers the curly quotes, dashes and accented letters of
    Western news, so the handler is rarely called, but then the output can only be
    stand-ins, not the characters. The bytes ``stand_in`` gives a character the codec
    lacks must stand for themselves (bytes the table leaves alone: ASCII stand-ins that
    map to themselves, or with ASCII, bytes >= 0x80), because the handler's output goes
    through the same ``bytes.translate``.
    """

    def __init__(self, name: str, stand_in: Callable[[str], bytes], codec: str = "ascii") -> None:
        table, delete = bytearray(range(256)), bytearray()
        for b in range(256):
            try:
                ch = bytes([b]).decode(codec)
            except UnicodeDecodeError:  # a byte the codec never writes
                continue
            out = stand_in(ch)
            if len(out) > 1:
                raise ValueError(f"{name}: {ch!r} stands for more than one byte")
            if out:
                table[b] = out[0]
            else:
                delete.append(b)
        self._table, self._delete, self._codec = bytes(table), bytes(delete), codec
        self._stand_in = stand_in
        self._runs: dict[str, bytes] = {}
        #: the error handler's name: the registry is process-wide, so namespaced and numbered
        #: (two maps of one name must not replace each other's handler)
        self.errors = f"framing.charmap.{name}.{next(_SERIAL)}"
        codecs.register_error(self.errors, self._handler)

    def apply(self, text: str) -> bytes:
        """Every character of ``text`` replaced by its stand-in bytes."""
        codec = "ascii" if text.isascii() else self._codec  # ASCII's encoder only copies
        return text.encode(codec, self.errors).translate(self._table, self._delete)

    def _handler(self, exc: UnicodeError) -> tuple[bytes, int]:
        if not isinstance(exc, UnicodeEncodeError):
            raise exc
        run = exc.object[exc.start : exc.end]
        out = self._runs.get(run)
        if out is None:
            out = b"".join(map(self._stand_in, run))
            if out.translate(self._table, self._delete) != out:
                raise ValueError(f"{self.errors}: the stand-in of {run!r} does not stand for itself")
            if len(self._runs) >= _RUNS_MAX:
                self._runs.clear()
            self._runs[run] = out
        return out, exc.end
