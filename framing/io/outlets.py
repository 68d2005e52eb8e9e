"""The outlet registry (lexicons/outlets.toml): normalise outlet names, recognise media sources.

One registry serves three jobs: canonical outlet names for corpora ("Press Tv", "PressTV",
"presstv.ir" -> "Press TV"), media recognition in attribution ("al-Mayadeen reported"), and
stripping outlet self-mentions before classification. The validated registry is kept in the
user cache (plain JSON, :mod:`framing.usercache`, keyed on the files' bytes and the
validating code), so a fresh process that finds it there parses no TOML and imports no
pydantic (:mod:`framing.io.outletschema`: 0.04 CPU-s of ``framing analyze FILE``).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from framing import paths as _paths
from framing import usercache
from framing.text.phrases import PhraseFinder

#: the user-cache folder of the validated registry, and the modules whose code decides it
CACHE_FOLDER = "outlets"
_CODE = ("outlets.py", "outletschema.py")


@dataclass(frozen=True)
class Outlet:
    """A registered outlet (immutable, hashable so it can key dicts)."""

    id: str
    name: str
    country: str
    ownership: str
    kind: str
    aliases: tuple[str, ...] = ()
    domains: tuple[str, ...] = ()
    fakes_code: str | None = None
    note: str = ""
    sources: tuple[str, ...] = field(default=(), compare=False)

    @property
    def is_agency(self) -> bool:
        return "agency" in self.kind.lower()


def _key(name: str) -> str:
    """Normalise a name for lookup: case, punctuation, leading 'the', spacing."""
    s = name.strip().lower()
    s = re.sub(r"^https?://", "", s)
    s = re.sub(r"^www\.", "", s)
    s = s.split("/")[0] if "." in s.split("/")[0] and " " not in s else s
    s = re.sub(r"[\u2010-\u2015_\-.'\u2019]+", " ", s)
    s = re.sub(r"^the\s+", "", s)
    return re.sub(r"\s+", " ", s).strip()


class OutletRegistry:
    """Lookup tables over the outlets of one or more registry files."""

    def __init__(self, outlets: list[Outlet], case_sensitive: set[str] | None = None) -> None:
        self.outlets = outlets
        self._by_key: dict[str, Outlet] = {}
        self._case_sensitive = case_sensitive or set()
        for o in outlets:
            for name in (o.name, o.id, *o.aliases, *o.domains):
                if name in self._case_sensitive:
                    continue
                self._by_key.setdefault(_key(name), o)
            if o.fakes_code:
                self._by_key.setdefault(_key(o.fakes_code), o)
        self._exact = {a: o for o in outlets for a in (*o.aliases, o.name) if a in self._case_sensitive}
        self._finder: PhraseFinder | None = None

    # ------------------------------------------------------------------ loading
    @classmethod
    def from_files(cls, paths: list[Path]) -> OutletRegistry:
        here = Path(__file__).parent
        key = usercache.file_key("framing-outlets 1", [here / n for n in _CODE], [Path(p) for p in paths])

        def build() -> tuple[OutletRegistry, list[dict]]:
            from framing.io.outletschema import validated

            tables = [t for path in paths for t in validated(path)]
            return cls._of_tables(tables), tables

        return usercache.cached(CACHE_FOLDER, key, list, cls._of_tables, build)

    @classmethod
    def _of_tables(cls, tables: list[dict]) -> OutletRegistry:
        """The registry of validated ``[[outlet]]`` tables (plain dicts), in file order."""
        outlets: list[Outlet] = []
        cs: set[str] = set()
        for m in tables:
            cs.update(m["case_sensitive_aliases"])
            outlets.append(
                Outlet(
                    id=m["id"],
                    name=m["name"],
                    country=m["country"],
                    ownership=m["ownership"],
                    kind=m["kind"],
                    aliases=tuple(m["aliases"]),
                    domains=tuple(m["domains"]),
                    fakes_code=m["fakes_code"],
                    note=m["note"],
                    sources=tuple(m["sources"]),
                )
            )
        return cls(outlets, cs)

    @classmethod
    def default(cls) -> OutletRegistry:
        return _default_registry()

    # ------------------------------------------------------------------ lookup
    def lookup(self, name: str | None) -> Outlet | None:
        """The outlet a name, alias, FA-KES code or web domain/URL refers to, or None."""
        if not name:
            return None
        name = str(name).strip()
        if name in self._exact:
            return self._exact[name]
        found = self._by_key.get(_key(name))
        if found is None and "." in name and " " not in name:
            # an unlisted subdomain (arabic.sputniknews.com): drop leading labels until one matches
            host = _key(name).split(" ")
            for k in range(1, len(host) - 1):
                found = self._by_key.get(" ".join(host[k:]))
                if found:
                    break
        return found

    def canonical(self, name: str | None) -> str | None:
        """Canonical name if registered, else the input stripped (unknown outlets are kept)."""
        if name is None:
            return None
        o = self.lookup(name)
        return o.name if o else (str(name).strip() or None)

    def names_for(self, outlet: Outlet) -> list[str]:
        return [outlet.name, *outlet.aliases]

    def find_mentions(self, text: str) -> list[tuple[int, int, Outlet]]:
        """Outlet names mentioned in ``text`` (whole words, longest first)."""
        if self._finder is None:
            # the same matcher that strips outlet names before classification; case-sensitive
            # aliases ("AP", "The Independent") only as written, other names in any case
            self._finder = PhraseFinder(
                [n for o in self.outlets for n in (o.name, *o.aliases)],
                exact=self._case_sensitive,
                fold_separators=True,
            )
        out = []
        for start, end in self._finder.finditer(text):
            name = text[start:end]
            if name in self._exact and _next_word_capitalised(text, end):
                continue  # "The Guardian Council", "The Independent Vermont senator": a longer name
            o = self._exact.get(name) or self.lookup(name)
            if o is not None:
                out.append((start, end, o))
        return out

    def agencies(self) -> list[Outlet]:
        return [o for o in self.outlets if o.is_agency]

    def __len__(self) -> int:
        return len(self.outlets)


def _next_word_capitalised(text: str, end: int) -> bool:
    m = re.match(r" ([A-Z])[a-z]", text[end : end + 4])
    return m is not None


@lru_cache(maxsize=1)
def _default_registry() -> OutletRegistry:
    path = _paths.LEXICON_DIR / "outlets.toml"
    if not path.exists():
        return OutletRegistry([])
    return OutletRegistry.from_files([path])
