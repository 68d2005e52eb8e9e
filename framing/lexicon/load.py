"""Read lexicon TOML files, validate every table, and merge them into one :class:`Lexicon`.

Errors carry the file and line of the offending ``[[entry]]`` (or of the bad field in it):
``tomllib`` gives no positions for parsed values, so the loader maps the n-th ``[[entry]]``
header in the raw text to the n-th parsed entry.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing import paths as _paths  # tests and callers reach LEXICON_DIR here too
from framing.errors import LexiconError
from framing.lexicon.files import (  # noqa: F401  (re-exported: callers import them from here)
    _HEADER,
    _expand,
    _headers,
    _read_toml,
    _stamp,
    default_paths,
    is_loaded_lexicon,
    other_kind,
    user_files,
)
from framing.lexicon.records import EntryRecord, MetaRecord, ReferentRecord

if TYPE_CHECKING:
    from pydantic import ValidationError

    from framing.lexicon.matcher import Matcher, Table
    from framing.lexicon.schema import Entry, Meta, Referent

_TOP_KEYS = {"meta", "referent", "entry"}


@dataclass
class Lexicon:
    """Merged entries and referents. ``matcher()`` compiles the automaton once, lazily.

    A loaded lexicon holds plain records (:mod:`framing.lexicon.records`) of the validated
    tables, whether they were validated now or read from the disk cache."""

    entries: list[EntryRecord] = field(default_factory=list)
    referents: dict[str, ReferentRecord] = field(default_factory=dict)
    sources: list[str] = field(default_factory=list)
    #: [meta] of each pack or user file, and the file it came from, by name
    packs: dict[str, MetaRecord] = field(default_factory=dict)
    pack_files: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self._matcher: Matcher | None = None
        #: the matcher's key table when read from the disk cache (framing.lexicon.cache)
        self._table: Table | None = None

    def matcher(self) -> Matcher:
        if self._matcher is None:
            from framing.lexicon.matcher import Matcher

            self._matcher = Matcher(self.entries, self._table)
        return self._matcher

    def naming_pairs(self) -> list[tuple[str, str]]:
        """Every (referent, canonical) pair, in file order: the naming-profile columns."""
        seen: dict[tuple[str, str], None] = {}
        for e in self.entries:
            if e.referent:
                seen.setdefault((e.referent, e.canonical), None)
        return list(seen)

    def categories_used(self) -> list[str]:
        return sorted({e.category for e in self.entries})

    def __len__(self) -> int:
        return len(self.entries)

    # the compiled automaton is rebuilt after unpickling rather than shipped to workers
    def __getstate__(self) -> dict[str, Any]:
        state = self.__dict__.copy()
        state["_matcher"] = None
        state["_table"] = None
        return state

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)


# --------------------------------------------------------------------------------------
# one file


@dataclass
class _Parsed:
    path: Path
    meta: Meta | None
    referents: list[Referent]
    entries: list[Entry]
    errors: list[LexiconError]
    #: (entry, line) of each valid entry whose referent must be checked after merging
    referent_refs: list[tuple[Entry, int | None]]


def _block_end(lines: list[str], start: int) -> int:
    """The last line (1-based) of the table whose header is at ``start``."""
    for i in range(start, len(lines)):  # lines[i] is line i+1
        if _HEADER.match(lines[i]):
            return i
    return len(lines)


def _field_line(lines: list[str], start: int | None, name: str) -> int | None:
    """The line of ``name = ...`` inside the table starting at ``start`` (else the header)."""
    if start is None:
        return None
    pat = re.compile(rf"^\s*{re.escape(name)}\s*=")
    for i in range(start, _block_end(lines, start)):
        if pat.match(lines[i]):
            return i + 1
    return start


def _pydantic_problems(exc: ValidationError) -> list[tuple[str | None, str]]:
    out: list[tuple[str | None, str]] = []
    for err in exc.errors():
        loc = err.get("loc", ())
        fld = str(loc[0]) if loc else None
        where = ".".join(str(x) for x in loc) if loc else ""
        msg = err.get("msg", "invalid").removeprefix("Value error, ")
        if not loc and err.get("type") == "value_error":
            # a check across fields (schema.Entry._matchable) names its field in the message
            fld, _, rest = msg.partition(": ")
            out.append((fld or None, f"field '{fld}': {rest}" if rest else msg))
        elif err.get("type") == "missing":
            out.append((None, f"missing required field '{where}'"))
        elif err.get("type") == "extra_forbidden":
            out.append((fld, f"unknown field '{where}'"))
        else:
            out.append((fld, f"field '{where}': {msg} (got {err.get('input')!r})"))
    return out


def norm_key(form: str, case_sensitive: bool = False) -> str:
    """How the matcher sees a form: dashes as spaces, straight apostrophes, one space."""
    from framing.lexicon.matcher import normalise_form

    return normalise_form(form, case_sensitive)


def parse_file(path: str | Path) -> _Parsed:
    """Validate one loaded-language file; collect (not raise) every problem."""
    # pydantic only here, where tables are validated: a load from the disk cache needs none
    from pydantic import ValidationError

    from framing.lexicon.schema import Entry, Meta, Referent

    path = Path(path)
    data, raw, err = _read_toml(path)
    res = _Parsed(path, None, [], [], [], [])
    if err is not None:
        res.errors.append(err)
        return res
    assert data is not None
    lines = raw.splitlines()

    for key in data:
        if key not in _TOP_KEYS:
            hdr = [i for i, ln in enumerate(lines, 1) if re.match(rf"^\s*\[*\s*{key}\b", ln)]
            res.errors.append(LexiconError(path, hdr[0] if hdr else None, f"unknown table or key '{key}'"))

    meta_line = next((i for i, ln in enumerate(lines, 1) if ln.strip() == "[meta]"), None)
    if "meta" not in data:
        res.errors.append(LexiconError(path, 1, "missing [meta] table"))
    else:
        try:
            res.meta = Meta.model_validate(data["meta"])
        except ValidationError as exc:
            for fld, prob in _pydantic_problems(exc):
                line = _field_line(lines, meta_line, fld) if fld else meta_line
                res.errors.append(LexiconError(path, line, f"[meta] {prob}"))

    ref_lines = _headers(lines, "referent")
    seen_ids: dict[str, int | None] = {}
    for i, item in enumerate(_as_tables(data.get("referent"), path, res.errors, "referent")):
        line = ref_lines[i] if i < len(ref_lines) else None
        try:
            ref = Referent.model_validate(item)
        except ValidationError as exc:
            for fld, prob in _pydantic_problems(exc):
                at = _field_line(lines, line, fld) if fld else line
                res.errors.append(LexiconError(path, at, f"referent: {prob}"))
            continue
        if ref.id in seen_ids:
            res.errors.append(
                LexiconError(path, line, f"duplicate referent id '{ref.id}' (first at line {seen_ids[ref.id]})")
            )
            continue
        seen_ids[ref.id] = line
        res.referents.append(ref)

    entry_lines = _headers(lines, "entry")
    forms_seen: dict[str, tuple[int | None, str]] = {}
    for i, item in enumerate(_as_tables(data.get("entry"), path, res.errors, "entry")):
        line = entry_lines[i] if i < len(entry_lines) else None
        try:
            entry = Entry.model_validate(item)
        except ValidationError as exc:
            label = f"entry '{item.get('canonical', '?')}'" if isinstance(item, dict) else "entry"
            for fld, prob in _pydantic_problems(exc):
                at = _field_line(lines, line, fld) if fld else line
                res.errors.append(LexiconError(path, at, f"{label}: {prob}"))
            continue
        entry._source = str(path)
        entry._line = line
        entry._pack = res.meta.name if res.meta is not None else path.stem
        bad = False
        own: set[str] = set()
        for form in entry.forms:
            k = ("cs:" if entry.case_sensitive else "") + norm_key(form, entry.case_sensitive)
            if k in own:  # "death cult" and "death-cult" in one entry: redundant, harmless
                continue
            own.add(k)
            if k in forms_seen:
                first_line, first_canon = forms_seen[k]
                where = f"line {first_line}" if first_line else "an earlier entry"
                res.errors.append(
                    LexiconError(
                        path,
                        _field_line(lines, line, "forms"),
                        f"entry '{entry.canonical}': duplicate form '{form}' "
                        f"(already in entry '{first_canon}' at {where})",
                    )
                )
                bad = True
            else:
                forms_seen[k] = (line, entry.canonical)
        if bad:
            continue
        res.entries.append(entry)
        if entry.referent:
            res.referent_refs.append((entry, _field_line(lines, line, "referent")))
    return res


def _as_tables(value: Any, path: Path, errors: list[LexiconError], name: str) -> list[dict]:
    if value is None:
        return []
    if not isinstance(value, list):
        errors.append(LexiconError(path, None, f"'{name}' must be an array of tables [[{name}]]"))
        return []
    return value


# --------------------------------------------------------------------------------------
# several files


def _merge(parsed: Sequence[_Parsed], known: Iterable[str] = ()) -> tuple[Lexicon, list[LexiconError]]:
    errors: list[LexiconError] = [e for p in parsed for e in p.errors]
    lex = Lexicon(sources=[str(p.path) for p in parsed])
    for p in parsed:
        if p.meta is not None:
            lex.packs[p.meta.name] = p.meta
            lex.pack_files[p.meta.name] = str(p.path)
        for r in p.referents:
            lex.referents[r.id] = r  # a later file may relabel a referent
    known_ids = set(lex.referents) | set(known)
    index: dict[tuple[str, str], int] = {}
    for p in parsed:
        unknown = {id(e) for e, _ in p.referent_refs if e.referent not in known_ids}
        for e, line in p.referent_refs:
            if id(e) in unknown:
                errors.append(LexiconError(p.path, line, f"entry '{e.canonical}': unknown referent '{e.referent}'"))
        for e in p.entries:
            if id(e) in unknown or not e.counts:  # suggested or rejected: validated, not used
                continue
            if e.key in index:  # later files override (a researcher's own lexicon)
                lex.entries[index[e.key]] = e
            else:
                index[e.key] = len(lex.entries)
                lex.entries.append(e)
    return lex, errors


def validate_paths(paths: Sequence[str | Path] = ()) -> list[LexiconError]:
    """Every problem in ``paths`` (default: the bundled lexicons), as ``LexiconError``s.

    A user file may name referents declared in the bundled lexicons, so those count as known.
    """
    targets = [p for p in _expand(paths) if other_kind(p) is None] if paths else default_paths()
    parsed = [parse_file(p) for p in targets]
    known: set[str] = set()
    if paths:
        bundled = [parse_file(p) for p in default_paths()]
        known = {r.id for b in bundled for r in b.referents}
    _, errors = _merge(parsed, known)
    order = {str(p.path): i for i, p in enumerate(parsed)}
    return sorted(errors, key=lambda e: (order.get(e.path, len(order)), e.line or 0))


def unreviewed(paths: Sequence[str | Path] = ()) -> list[Entry]:
    """Entries still ``status = "suggested"`` (with their file and line): not counted yet."""
    targets = [p for p in _expand(paths) if other_kind(p) is None] if paths else default_paths()
    return [e for p in targets for e in parse_file(p).entries if e.status == "suggested"]


def count_entries(paths: Sequence[str | Path] = ()) -> int:
    targets = [p for p in _expand(paths) if other_kind(p) is None] if paths else default_paths()
    return sum(len(parse_file(p).entries) for p in targets)


_CACHE: dict[tuple, Lexicon] = {}


def load_lexicon(extra: Sequence[str | Path] = ()) -> Lexicon:
    """The bundled packs (all, or those ``extra`` selects with ``pack:NAME`` items), the
    graded layer when its pack is on, and ``extra``'s user files (later ones override entries
    with the same canonical and referent). Cached per process, keyed on the files'
    modification times, and on disk (:mod:`framing.lexicon.cache`), keyed on their contents.
    Raises :class:`LexiconError` on the first problem found."""
    from framing.lexicon import cache as _disk
    from framing.lexicon import packs as _packs

    if isinstance(extra, str | Path):
        extra = (extra,)
    selected, user = _packs.split_selection(extra)
    # a user folder is expanded (and its files stamped) by the full load only
    quick = None if any(p.is_dir() for p in user) else (
        "files", tuple(selected or ()), selected is None, _stamp(sorted(Path(_paths.LEXICON_DIR).glob("*.toml"))),
        _stamp(user))
    lex = _CACHE.get(quick) if quick is not None else None
    if lex is None:
        key = _disk.cache_key(selected, user) if quick is not None else None
        lex = _disk.read(key) if key is not None else None
        if lex is None:
            lex = _load(selected, user)
            if key is not None:
                _disk.write(key, lex)
        if quick is not None:
            _CACHE[quick] = lex
    return lex


def _load(selected: list[str] | None, user: list[Path]) -> Lexicon:
    """Read, validate and merge the files (cached per process on their modification times)."""
    from framing.lexicon import graded as _graded
    from framing.lexicon import packs as _packs

    available = _packs.bundled_packs()
    _packs.check_selection(selected, available)
    chosen = {n: kp for n, kp in available.items() if selected is None or n in selected}
    bundled = [p for p in default_paths() if any(p == f for _, f in chosen.values())]
    graded_files = [f for k, f in chosen.values() if k == _graded.GRADED_KIND]
    files = bundled + user_files(user)
    key = (_stamp(files), _stamp(graded_files))
    lex = _CACHE.get(key)
    if lex is None:
        lex, errors = _merge([parse_file(p) for p in files])
        if errors:
            first = errors[0]
            more = f" (and {len(errors) - 1} more; run 'framing lexicon validate')" if len(errors) > 1 else ""
            raise LexiconError(first.path, first.line, first.problem + more)
        for g in graded_files:
            cfg = _graded.read_config(g)
            written = {norm_key(f) for e in lex.entries for f in e.forms}
            # first in the list: every written entry wins a form they share
            lex.entries[:0] = _graded.graded_entries(cfg, written)
            lex.sources.append(str(g))
            lex.packs[cfg.meta.name] = cfg.meta
            lex.pack_files[cfg.meta.name] = str(g)
        _as_records(lex)
        _CACHE[key] = lex
    return lex


def _as_records(lex: Lexicon) -> None:
    """The validated models as plain records, as a load from the disk cache gives them."""
    lex.entries[:] = [EntryRecord.of(e) for e in lex.entries]
    lex.referents = {k: ReferentRecord(r.model_dump()) for k, r in lex.referents.items()}
    lex.packs = {k: MetaRecord(m.model_dump()) for k, m in lex.packs.items()}


__all__ = [
    "Lexicon",
    "count_entries",
    "default_paths",
    "is_loaded_lexicon",
    "load_lexicon",
    "other_kind",
    "parse_file",
    "user_files",
    "unreviewed",
    "validate_paths",
]
