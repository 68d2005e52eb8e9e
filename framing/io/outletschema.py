"""What a valid outlet registry table is (``[[outlet]]`` in lexicons/outlets.toml): the
pydantic model, and the validation of a registry file against it.

Apart from :mod:`framing.io.outlets`, which builds the lookup tables: a process that finds
the validated registry in the user cache imports no pydantic.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from framing.errors import LexiconError

OWNERSHIP = ("state", "public", "private", "party-affiliated")


class OutletModel(BaseModel):
    """Schema of one ``[[outlet]]`` table."""

    model_config = ConfigDict(extra="allow")

    name: str
    id: str
    aliases: list[str] = Field(default_factory=list)
    domains: list[str] = Field(default_factory=list)
    country: str
    ownership: str
    kind: str = "outlet"
    language: list[str] = Field(default_factory=list)
    fakes_code: str | None = None
    sources: list[str] = Field(min_length=1)
    note: str = ""
    case_sensitive_aliases: list[str] = Field(default_factory=list)

    @field_validator("ownership")
    @classmethod
    def _ownership(cls, v: str) -> str:
        if v not in OWNERSHIP:
            raise ValueError(f"ownership must be one of {', '.join(OWNERSHIP)}, not {v!r}")
        return v


def _entry_lines(raw: str) -> list[int]:
    return [i + 1 for i, line in enumerate(raw.splitlines()) if line.strip() == "[[outlet]]"]


def validated(path: Path) -> list[dict[str, Any]]:
    """The ``[[outlet]]`` tables of one registry file, validated, as plain data (the model's
    fields only: other keys are allowed in the file but need not be JSON); errors name the
    file and the line where the table starts."""
    raw = Path(path).read_text(encoding="utf-8")
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, getattr(exc, "lineno", None), f"invalid TOML: {exc}") from None
    lines = _entry_lines(raw)
    out = []
    for i, item in enumerate(data.get("outlet", [])):
        line = lines[i] if i < len(lines) else None
        try:
            m = OutletModel.model_validate(item)
        except ValidationError as exc:
            err = exc.errors()[0]
            loc = ".".join(str(x) for x in err["loc"])
            raise LexiconError(path, line, f"outlet {item.get('name', '?')!r}: {loc}: {err['msg']}") from None
        out.append(m.model_dump(include=set(OutletModel.model_fields)))
    return out
