"""What a valid sourcing lexicon table is (cues.toml, anonymous.toml, hedges.toml): the
pydantic models, and the validation of a parsed file's tables against them.

Apart from :mod:`framing.sourcing.cues`, which compiles the tables: a process that finds the
validated tables in the user cache (:mod:`framing.sourcing.cuecache`) imports no pydantic.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from framing.errors import LexiconError


class CueModel(BaseModel):
    model_config = ConfigDict(extra="forbid", populate_by_name=True)

    lemma: str = Field(min_length=1)
    forms: list[str] = Field(min_length=1)
    type: Literal["neutral", "loaded"]
    klass: Literal[
        "speech", "reporting", "writing", "citing", "cognition", "stance", "evidential"
    ] = Field(alias="class")
    source: Literal["before", "after", "either"] = "before"
    requires: Literal["", "document", "quote"] = ""
    followed_by: list[str] = []
    not_followed_by: list[str] = []
    why: str = Field(min_length=1)


class TypedFormsModel(BaseModel):
    """``[[source_noun]]`` and ``[[name_word]]``: words that type a source, with the type."""

    model_config = ConfigDict(extra="forbid")

    type: Literal["person", "organization", "document", "media"]
    forms: list[str] = Field(min_length=1)
    why: str = Field(min_length=1)


class FormsModel(BaseModel):
    """``[[nominal]]``, ``[[vague]]`` and ``[[marker]]``: a list of forms and its reason."""

    model_config = ConfigDict(extra="forbid")

    forms: list[str] = Field(min_length=1)
    why: str = Field(min_length=1)


SourceNounModel = NameWordModel = TypedFormsModel
NominalModel = VagueModel = MarkerModel = FormsModel


class HeadModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    forms: list[str] = Field(min_length=1)
    always: bool = False
    why: str = Field(min_length=1)


class HedgeModel(BaseModel):
    model_config = ConfigDict(extra="forbid")

    forms: list[str] = Field(min_length=1)
    kind: Literal["evidential", "epistemic", "weasel"]
    rule: Literal["", "modal", "quantifier", "frequency", "possible"] = ""
    why: str = Field(min_length=1)


#: the model of each table name (names are unique across the three files)
MODELS: dict[str, type[BaseModel]] = {
    "cue": CueModel, "source_noun": SourceNounModel, "nominal": NominalModel, "name_word": NameWordModel,
    "head": HeadModel, "vague": VagueModel, "marker": MarkerModel, "hedge": HedgeModel,
}


def validated(path: Path, data: dict[str, Any], lines: list[str], key: str) -> list[dict[str, Any]]:
    """Each ``[[key]]`` table, validated, as plain data (defaults filled in, ``class`` read as
    ``klass``); errors name the line where the table starts."""
    model = MODELS[key]
    starts = [i + 1 for i, ln in enumerate(lines) if ln.strip() == f"[[{key}]]"]
    out = []
    for i, item in enumerate(data.get(key, [])):
        line = starts[i] if i < len(starts) else None
        try:
            out.append(model.model_validate(item).model_dump())
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(x) for x in err["loc"]) or key
            raise LexiconError(path, line, f"[[{key}]] {loc}: {err['msg']}") from None
    return out
