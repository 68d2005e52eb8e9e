"""Pydantic models for the lexicon TOML format (documented in ``lexicons/README.md``).

The models are the single definition of what a valid lexicon is: the loader validates
every table against them, so ``framing lexicon validate`` and loading agree.
"""

from __future__ import annotations

import re
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator

#: What kind of loaded language an entry is. ``neutral`` names (weight 0) are kept so the
#: naming-choice profile can compare loaded names with plain ones.
CATEGORIES: tuple[str, ...] = (
    "label",
    "dysphemism",
    "euphemism",
    "intensifier",
    "emotive",
    "distancing",
    "neutral",
)
Category = Literal["label", "dysphemism", "euphemism", "intensifier", "emotive", "distancing", "neutral"]
#: Review state of an entry. Written entries are ``accepted`` (the default); ``framing lexicon
#: suggest`` writes ``suggested`` ones, which load and validate but do not count until a
#: researcher sets ``accepted`` (or ``rejected``, which keeps the term out of later drafts).
STATUSES: tuple[str, ...] = ("accepted", "suggested", "rejected")
Status = Literal["accepted", "suggested", "rejected"]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


def slug(text: str) -> str:
    """A feature-name-safe form of a canonical name (``so-called`` -> ``so_called``)."""
    s = re.sub(r"[^0-9a-z]+", "_", text.lower()).strip("_")
    return s or "x"


class Meta(BaseModel):
    """``[meta]``: what the file is. ``kind`` tells the default loader which files to read."""

    model_config = ConfigDict(extra="forbid")

    name: str = Field(min_length=1)
    version: str = "0"
    description: str = ""
    language: str = "en"
    #: ``loaded`` files hold ``[[entry]]`` tables; other kinds (cues, hedges, ...) have
    #: their own formats and are skipped by :func:`framing.lexicon.load_lexicon`.
    kind: str = "loaded"


class Referent(BaseModel):
    """``[[referent]]``: a group that entries can name (the naming-profile unit)."""

    model_config = ConfigDict(extra="forbid")

    id: str
    label: str = Field(min_length=1)
    region: list[str] = Field(default_factory=list)
    description: str = ""

    @field_validator("id")
    @classmethod
    def _snake(cls, v: str) -> str:
        if not _ID.match(v):
            raise ValueError(f"referent id {v!r} must be snake_case (a-z, 0-9, _)")
        return v


NonEmpty = Annotated[str, Field(min_length=1)]


class Entry(BaseModel):
    """``[[entry]]``: one loaded (or neutral) way of naming a referent or framing an event."""

    model_config = ConfigDict(extra="forbid")

    forms: list[NonEmpty] = Field(min_length=1)
    canonical: NonEmpty
    category: Category
    referent: str = ""
    connotation: float = Field(ge=-2, le=2)
    weight: float = Field(ge=0, le=1)
    case_sensitive: bool = False
    inflect: bool = True
    tags: list[str] = Field(default_factory=list)
    why: NonEmpty
    used_by: str = ""
    ref: str = ""
    status: Status = "accepted"

    # where the entry was read from (set by the loader, not part of the file format)
    _source: str = PrivateAttr(default="")
    _line: int | None = PrivateAttr(default=None)

    @field_validator("forms")
    @classmethod
    def _strip_forms(cls, v: list[str]) -> list[str]:
        out = [f.strip() for f in v]
        if any(not f for f in out):
            raise ValueError("forms must not be blank")
        return out

    @property
    def source(self) -> str:
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


class LexiconFile(BaseModel):
    """A whole loaded-language TOML file (tables other than these are an error)."""

    model_config = ConfigDict(extra="forbid")

    meta: Meta
    referent: list[dict] = Field(default_factory=list)
    entry: list[dict] = Field(default_factory=list)
