"""Plain records of validated lexicon tables: what a loaded :class:`~framing.lexicon.Lexicon`
holds, free of pydantic.

The pydantic models (:mod:`framing.lexicon.schema`) decide what a valid table is; once a
table has passed them (now, or when the disk cache was written) the families only read its
fields. Rebuilding ~2,700 entries as pydantic models from the cache (``model_construct``)
cost 0.11 CPU-s of ``framing analyze FILE``, and each read of a private attribute (``pack``,
``layer``) goes through pydantic's ``__getattr__``; these records take 0.01 s. The entry's
derived properties live in :class:`EntryFields`, which the pydantic ``Entry`` shares, so
both read alike.
"""

from __future__ import annotations

from typing import Any

#: the fields of ``schema.Meta``, ``schema.Referent`` and ``schema.Entry``, in their order
#: (tests/lexicon/test_records.py checks them against the models)
META_FIELDS = ("name", "version", "description", "language", "kind", "name_columns")
REFERENT_FIELDS = ("id", "label", "region", "description")
ENTRY_FIELDS = ("forms", "canonical", "category", "referent", "connotation", "weight", "case_sensitive",
                "exact_forms", "inflect", "not_before", "not_after", "only_near", "tags", "why", "used_by",
                "ref", "status")


class EntryFields:
    """What an entry says beyond its fields, for the pydantic model and the record alike."""

    # (no annotations here: pydantic would read them as the model's fields)
    __slots__ = ()

    @property
    def has_context(self) -> bool:
        return bool(self.not_before or self.not_after or self.only_near)

    @property
    def pack(self) -> str:
        """The bundled pack ([meta] name) or user file it came from."""
        return self._pack

    @property
    def layer(self) -> str:
        """The layer that found it: "lexicon" (written entries) or "graded" (vaderSentiment)."""
        return self._layer

    @property
    def source(self) -> str:
        """The file it was read from."""
        return self._source

    @property
    def line(self) -> int | None:
        return self._line

    @property
    def counts(self) -> bool:
        """Only accepted entries are matched and counted."""
        return self.status == "accepted"

    @property
    def key(self) -> tuple[str, str]:
        """Entries with the same key override each other when lexicons are merged."""
        return (self.canonical, self.referent)


class _Record:
    """Fields as slots, read-only by convention; ``model_dump()`` as the pydantic models have."""

    __slots__ = ()
    _FIELDS: tuple[str, ...] = ()

    def __init__(self, fields: dict[str, Any]) -> None:
        for name in self._FIELDS:
            setattr(self, name, fields[name])

    def model_dump(self) -> dict[str, Any]:
        return {name: getattr(self, name) for name in self._FIELDS}

    def __eq__(self, other: object) -> bool:
        return type(other) is type(self) and self._state() == other._state()  # type: ignore[attr-defined]

    __hash__ = None  # type: ignore[assignment]  (mutable lists inside, like the models)

    def _state(self) -> tuple[Any, ...]:
        return tuple(getattr(self, n) for n in self.__slots__)

    def __getstate__(self) -> tuple[Any, ...]:  # slots without __dict__: pickled to workers
        return self._state()

    def __setstate__(self, state: tuple[Any, ...]) -> None:
        for name, value in zip(self.__slots__, state, strict=True):
            setattr(self, name, value)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({', '.join(f'{n}={getattr(self, n)!r}' for n in self._FIELDS)})"


class MetaRecord(_Record):
    __slots__ = META_FIELDS
    _FIELDS = META_FIELDS


class ReferentRecord(_Record):
    __slots__ = REFERENT_FIELDS
    _FIELDS = REFERENT_FIELDS


class EntryRecord(EntryFields, _Record):
    __slots__ = (*ENTRY_FIELDS, "_source", "_line", "_pack", "_layer")
    _FIELDS = ENTRY_FIELDS

    def __init__(self, fields: dict[str, Any], source: str = "", line: int | None = None, pack: str = "",
                 layer: str = "lexicon") -> None:
        super().__init__(fields)
        self._source, self._line, self._pack, self._layer = source, line, pack, layer

    @classmethod
    def of(cls, entry: Any) -> EntryRecord:
        """The record of a validated entry (a pydantic ``Entry``, or a record)."""
        if isinstance(entry, cls):
            return entry
        return cls(entry.model_dump(), entry.source, entry.line, entry.pack, entry.layer)

