"""Pydantic models for the lexicon TOML format (documented in ``lexicons/README.md``).

The models are the single definition of what a valid lexicon is: the loader validates
every table against them, so ``framing lexicon validate`` and loading agree. Each builds its
validator when it first validates (``defer_build``): a process that reads the lexicon from
the disk cache validates nothing, and building the four cost 0.03 CPU-s of its start-up.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, PrivateAttr, field_validator, model_validator

# the plain parts of the format, re-exported here where they were defined before
from framing.lexicon.basics import CATEGORIES, CONTEXT_ANY, CONTEXT_NUMBER, STATUSES, slug  # noqa: F401
from framing.lexicon.records import EntryFields

#: the Literal types of CATEGORIES and STATUSES (framing.lexicon.basics)
Category = Literal["label", "dysphemism", "euphemism", "intensifier", "emotive", "distancing", "neutral"]
Status = Literal["accepted", "suggested", "rejected"]

_ID = re.compile(r"^[a-z][a-z0-9_]*$")


class Meta(BaseModel):
    """``[meta]``: what the file is. ``kind`` tells the default loader which files to read."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    name: str = Field(min_length=1)
    version: str = "0"
    description: str = ""
    language: str = "en"
    #: ``loaded`` files hold ``[[entry]]`` tables; other kinds (cues, hedges, ...) have
    #: their own formats and are skipped by :func:`framing.lexicon.load_lexicon`.
    kind: str = "loaded"
    #: whether each canonical name gets its own rate and lead column. A vocabulary pack of
    #: thousands of general words sets false: its matches count by category and in the rates,
    #: since a column per word would be a bag of words, not a naming choice. A topic pack sets
    #: "selected": its names get the columns only when the pack is selected by name
    #: (``pack:NAME``), so that with every pack on by default, names of stories a corpus is
    #: not about do not widen every table (their naming shares and mentions stay).
    name_columns: bool | Literal["selected"] = True


class Referent(BaseModel):
    """``[[referent]]``: a group that entries can name (the naming-profile unit)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

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

#: words that occur in nearly every English text: a form that is only one of these (or one
#: letter) would turn every article into a hit
_TOO_COMMON = frozenset(
    "a an the of to in on at by for with from and or but not no is are was were be been it its "
    "this that these those he she we you they i me him her us them his our your their as if so "
    "do does did has have had will would can could s t".split()
)


def form_problem(form: str, exact: bool = False) -> str | None:
    """Why ``form`` cannot be a lexicon form, or ``None``: it can never match (no letter or
    digit, or an invisible character such as a zero-width space, which texts almost never
    hold where the form has it), or it would match almost every text (what is left once
    matching drops its leading and trailing punctuation is one letter, or one very common
    word when matched in any case: "a**" is read as "a")."""
    core = form.strip()
    if not any(c.isalnum() for c in core):
        return f"form {form!r} can never match: it has no letter or digit"
    for c in core:
        if unicodedata.category(c) == "Cf":
            name = unicodedata.name(c, f"U+{ord(c):04X}")
            return f"form {form!r} can never match as written: it holds an invisible {name}"
    i, j = 0, len(core)
    while not core[i].isalnum():
        i += 1
    while not core[j - 1].isalnum():
        j -= 1
    words = re.findall(r"[^\W_]+", core[i:j].lower())
    if len(words) == 1 and (len(words[0]) == 1 or (not exact and words[0] in _TOO_COMMON)):
        read = f" (matching reads it as {core[i:j]!r})" if core[i:j] != core else ""
        return f"form {form!r} would match almost every text{read}: one letter or a very common word"
    return None




def _check_contexts(v: list[str]) -> list[str]:
    out = []
    for pat in v:
        words = pat.split()
        if not words:
            raise ValueError("a context pattern must not be blank")
        for w in words:
            if w not in (CONTEXT_ANY, CONTEXT_NUMBER) and not re.fullmatch(r"[^\W_]+(?:['\-.][^\W_]+)*\.?", w):
                raise ValueError(
                    f"context pattern {pat!r}: {w!r} is not a word, '{CONTEXT_ANY}' (any word) or "
                    f"'{CONTEXT_NUMBER}' (a number)"
                )
        out.append(" ".join(w if w in (CONTEXT_ANY, CONTEXT_NUMBER) else w.lower() for w in words))
    return out


class Entry(EntryFields, BaseModel):
    """``[[entry]]``: one loaded (or neutral) way of naming a referent or framing an event.
    (``pack``, ``layer``, ``source``, ``line``, ``counts``, ``key``: :class:`EntryFields`.)"""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    forms: list[NonEmpty] = Field(min_length=1)
    canonical: NonEmpty
    category: Category
    referent: str = ""
    connotation: float = Field(ge=-2, le=2)
    weight: float = Field(ge=0, le=1)
    case_sensitive: bool = False
    #: forms matched only as written, under the same name: the acronym "US" of "United
    #: States" collides with the pronoun, but is one name with "U.S." for naming shares
    exact_forms: list[NonEmpty] = Field(default_factory=list)
    inflect: bool = True
    #: sense rules: the match does not count when the words right after it (``not_before``)
    #: or right before it (``not_after``) read like one of these patterns (plain words,
    #: ``*`` for any one word, ``<num>`` for a number): "criminal charges", "massive 40%"
    not_before: list[str] = Field(default_factory=list)
    not_after: list[str] = Field(default_factory=list)
    #: the match counts only when one of these words is within four words of it in the same
    #: clause ("eliminated three militants", not "eliminate the visa lottery")
    only_near: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    why: NonEmpty
    used_by: str = ""
    ref: str = ""
    status: Status = "accepted"

    # where the entry was read from (set by the loader, not part of the file format)
    _source: str = PrivateAttr(default="")
    _line: int | None = PrivateAttr(default=None)
    #: the bundled pack ([meta] name) or user file it came from, and the layer that found it:
    #: "lexicon" (written entries) or "graded" (vaderSentiment's intensities)
    _pack: str = PrivateAttr(default="")
    _layer: str = PrivateAttr(default="lexicon")

    @field_validator("forms", "exact_forms")
    @classmethod
    def _strip_forms(cls, v: list[str]) -> list[str]:
        out = [f.strip() for f in v]
        if any(not f for f in out):
            raise ValueError("forms must not be blank")
        return out

    @model_validator(mode="after")
    def _matchable(self) -> Entry:
        for field, exact in (("forms", self.case_sensitive), ("exact_forms", True)):
            for f in getattr(self, field):
                problem = form_problem(f, exact)
                if problem:
                    # raised from here, pydantic reports no field: name it in the message
                    raise ValueError(f"{field}: {problem}")
        return self

    @field_validator("not_before", "not_after")
    @classmethod
    def _contexts(cls, v: list[str]) -> list[str]:
        return _check_contexts(v)

    @field_validator("only_near")
    @classmethod
    def _near(cls, v: list[str]) -> list[str]:
        out = _check_contexts(v)
        if any(len(p.split()) != 1 or p in (CONTEXT_ANY, CONTEXT_NUMBER) for p in out):
            raise ValueError("only_near takes single words")
        return out


class LexiconFile(BaseModel):
    """A whole loaded-language TOML file (tables other than these are an error)."""

    model_config = ConfigDict(extra="forbid", defer_build=True)

    meta: Meta
    referent: list[dict] = Field(default_factory=list)
    entry: list[dict] = Field(default_factory=list)
