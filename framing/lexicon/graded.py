"""The graded layer: strongly valenced words that no written entry lists, from vaderSentiment.

A written lexicon can never list every emotive word a journalist or a source reaches for
("monstrous", "shameless", "gut-wrenching"), so the family also reads the valence
intensities that ship inside vaderSentiment (``vader_lexicon.txt``: the mean rating of ten
raters, -4..+4) at run time and counts a word whose mean valence is strong, with a weight
below the written entries'. The intensities are read from the installed package, never
copied into ``lexicons/``; ``lexicons/graded.toml`` holds only the settings and the words
that are strongly valenced but plain in news ("killed", "prison", "support": they report
an event rather than load it), each group with its reason.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from framing.errors import LexiconError
from framing.lexicon.schema import Entry, Meta
from framing.lexicon.vaderfile import vader_path

GRADED_KIND = "graded"
LAYER = "graded"
#: a vaderSentiment line: word, mean valence, standard deviation, the ten ratings
_WORD = re.compile(r"[a-z][a-z'\-]*[a-z]")


class Settings(BaseModel):
    """``[graded]``: which words count and how much."""

    model_config = ConfigDict(extra="forbid")

    source: Literal["vaderSentiment"] = "vaderSentiment"
    #: a word counts when its mean valence is at least this far from 0 (vader's scale -4..4)
    min_valence: float = Field(default=2.0, gt=0, le=4)
    #: "negative" counts only words below -min_valence; "both" also strongly positive ones
    polarity: Literal["negative", "both"] = "both"
    #: weight = |valence| x weight_per_valence, at most max_weight (written entries: 0.2..1)
    weight_per_valence: float = Field(default=0.1, gt=0, le=0.25)
    max_weight: float = Field(default=0.4, gt=0, le=1)
    #: shortest word that counts (vader also rates chat abbreviations such as "lol")
    min_length: int = Field(default=4, ge=1)


class Plain(BaseModel):
    """``[[plain]]``: strongly valenced words that report rather than load (and their
    regular inflections: "kill" also covers kills, killed, killing)."""

    model_config = ConfigDict(extra="forbid")

    words: list[str] = Field(min_length=1)
    why: str = Field(min_length=1)


class GradedFile(BaseModel):
    model_config = ConfigDict(extra="forbid")

    meta: Meta
    graded: Settings = Field(default_factory=Settings)
    plain: list[Plain] = Field(default_factory=list)


@dataclass(frozen=True)
class GradedConfig:
    path: Path
    meta: Meta
    settings: Settings
    plain: frozenset[str]


def inflections(word: str) -> set[str]:
    """The regular inflections of a plain word (enough to keep "kill" from counting as
    "killed"; irregular forms are listed in the file)."""
    w = word.lower()
    out = {w, w + "s", w + "es", w + "ed", w + "d", w + "ing"}
    if w.endswith("e"):
        out |= {w[:-1] + "ing"}
    if w.endswith("y") and len(w) > 2:
        out |= {w[:-1] + "ies", w[:-1] + "ied"}
    if len(w) > 2 and w[-1] not in "aeiouwxy" and w[-2] in "aeiou":
        out |= {w + w[-1] + "ed", w + w[-1] + "ing"}
    return out


def read_config(path: str | Path) -> GradedConfig:
    """Validate ``graded.toml``; problems are ``file:line: problem`` (:class:`LexiconError`)."""
    import tomllib

    path = Path(path)
    try:
        raw = path.read_text(encoding="utf-8")
        data = tomllib.loads(raw)
    except (OSError, UnicodeDecodeError) as exc:
        raise LexiconError(path, None, f"cannot read: {exc}") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, None, f"TOML syntax error: {exc}") from None
    try:
        f = GradedFile.model_validate(data)
    except ValidationError as exc:
        err = exc.errors()[0]
        loc = [str(x) for x in err["loc"]]
        line = _line_of(raw, loc)
        raise LexiconError(path, line, f"{'.'.join(loc)}: {err['msg']}") from None
    plain: set[str] = set()
    for group in f.plain:
        for w in group.words:
            plain |= inflections(w)
    return GradedConfig(path, f.meta, f.graded, frozenset(plain))


def _line_of(raw: str, loc: list[str]) -> int | None:
    """The line of the table a validation error is in (the n-th ``[[plain]]``, ``[graded]``)."""
    if not loc:
        return None
    lines = raw.splitlines()
    if loc[0] == "plain" and len(loc) > 1 and loc[1].isdigit():
        heads = [i for i, ln in enumerate(lines, 1) if ln.strip() == "[[plain]]"]
        k = int(loc[1])
        return heads[k] if k < len(heads) else None
    for i, ln in enumerate(lines, 1):
        if ln.strip() in (f"[{loc[0]}]", f"[[{loc[0]}]]"):
            return i
    return None


def is_graded_file(data: dict) -> bool:
    meta = data.get("meta")
    return isinstance(meta, dict) and meta.get("kind") == GRADED_KIND


@lru_cache(maxsize=8)
def _vader(path: Path) -> tuple[tuple[str, float], ...]:
    out = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            parts = line.split("\t")
            if len(parts) < 2 or not _WORD.fullmatch(parts[0]):
                continue
            try:
                out.append((parts[0], float(parts[1])))
            except ValueError:
                continue
    return tuple(out)


def graded_entries(config: GradedConfig, written: Iterable[str] = ()) -> list[Entry]:
    """One entry per strongly valenced vaderSentiment word that is neither plain nor a
    written form (``written``: normalised forms of the written lexicons, which win)."""
    s = config.settings
    taken = set(written)
    src = vader_path()
    out: list[Entry] = []
    for word, v in _vader(src):
        if abs(v) < s.min_valence or (s.polarity == "negative" and v > 0):
            continue
        if len(word) < s.min_length or word in config.plain or word in taken:
            continue
        e = Entry.model_construct(
            forms=[word],
            canonical=word,
            category="emotive",
            referent="",
            connotation=max(-2.0, min(2.0, v / 2)),
            weight=weight_of(v, s),
            case_sensitive=False,
            exact_forms=[],
            inflect=False,
            not_before=[],
            not_after=[],
            only_near=[],
            tags=["graded"],
            why=f"vaderSentiment mean valence {v:+.1f} (of -4..+4); no written entry",
            used_by="",
            ref="",
        )
        e._source = str(src)
        e._pack = config.meta.name
        e._layer = LAYER
        out.append(e)
    return out


def weight_of(valence: float, settings: Settings) -> float:
    """The weight a word of this valence gets (documented in lexicons/README.md)."""
    return round(min(settings.max_weight, math.fabs(valence) * settings.weight_per_valence), 3)


__all__ = ["GRADED_KIND", "LAYER", "GradedConfig", "graded_entries", "read_config", "vader_path"]
