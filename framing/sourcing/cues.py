"""The sourcing lexicons (cues.toml, anonymous.toml, hedges.toml): load, validate, compile.

Loaded once per process and compiled into a few regular expressions, because extraction
must run at >= 1,000 articles/s: one regex pass finds every cue, another every hedge.
The validated tables are kept in the user cache (plain JSON, :mod:`framing.usercache`),
keyed on the three files' bytes and the code that validates them: a fresh process that
finds them there parses no TOML and imports no pydantic (:mod:`framing.sourcing.cueschema`,
0.03 CPU-s of ``framing analyze FILE`` with the models' import). A file that does not
validate is never stored, so its error is the same ``file:line: problem`` every time.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any

from framing import paths as _paths
from framing import usercache
from framing.errors import LexiconError
from framing.text.phrases import PhraseFinder, PhraseGroup

#: title-case forms that are names or other words, never headline cues
_NOT_TITLE = frozenset(("Said", "Read", "Post", "Tell", "Found", "Show", "Shows", "Know", "Want"))
SOURCE_TYPES = ("person", "organization", "document", "media", "anonymous", "vague", "unknown")
#: cue classes that report speech or writing; the others are their own cue kind
SPEECH_CLASSES = frozenset(("speech", "reporting", "writing", "citing"))
CUE_KINDS = ("speech", "cognition", "stance", "evidential", "nominal")
#: the kind of a cue that the opt-in learned tagger found and no lexicon entry lists (counted
#: in n_attributions, in none of the per-kind columns)
OTHER_KIND = "other"


@dataclass(frozen=True, slots=True)
class Cue:
    lemma: str
    type: str  # neutral | loaded
    klass: str  # speech | reporting | writing | citing | cognition | stance | evidential
    source: str  # before | after | either
    requires: str
    followed_by: frozenset[str] = frozenset()
    not_followed_by: frozenset[str] = frozenset()

    @property
    def kind(self) -> str:
        """speech (said, reported, wrote, citing), cognition, stance, evidential or nominal:
        what a researcher filters on to keep speech alone."""
        return "speech" if self.klass in SPEECH_CLASSES else self.klass


@dataclass(frozen=True)
class SourcingLexicon:
    """Everything the extractor needs, compiled."""

    cues: dict[str, Cue]  # surface form -> cue
    cue_finder: PhraseFinder
    title_forms: frozenset[str]  # title-case variants made for headlines ("Says", "Slams")
    nominal_finder: PhraseFinder  # cue nouns ("his claim that", "her decision to")
    source_nouns: dict[str, str]  # lower-case word or phrase -> type
    name_words: dict[str, str]  # capitalised last word of a proper name -> type
    anon_always: frozenset[str]
    anon_heads: frozenset[str]
    vague_heads: frozenset[str]
    anon_markers: PhraseFinder
    anon_hint: tuple[str, ...]  # one word of every marker phrase: a cheap test before the finder
    hedges: PhraseFinder
    hedge_kinds: dict[str, tuple[str, str]]  # lower-case form -> (kind, context rule)
    #: first word of every cue and cue-noun form, lower case -> cue kind (the learned tagger
    #: reads it as a feature and tags only sentences that hold one, or another signal)
    cue_words: dict[str, str] = field(default_factory=dict)
    #: cue_finder, nominal_finder and hedges in one pass (``hits``)
    scanner: PhraseGroup | None = None
    #: the multi-word media nouns of ``source_nouns`` ("news agency", "state television"),
    #: listed once: typing a noun phrase looked through every source noun for them
    media_phrases: tuple[str, ...] = ()

    def hits(self, doc: Any) -> list[list[tuple[int, int]]]:
        """[cue hits, cue-noun hits, hedge hits] of a document, read in one pass and kept on
        it: the extractor and the hedge finder read the same article in turn."""
        cache = doc.__dict__
        got = cache.get("_sourcing_hits")
        if got is None or got[0] is not self:
            if self.scanner is None:
                found = [list(f.finditer(doc.text)) for f in (self.cue_finder, self.nominal_finder, self.hedges)]
            else:
                found = self.scanner.finditer_all(doc.text)
            got = cache["_sourcing_hits"] = (self, found)
        return got[1]


def _read(path: Path) -> tuple[dict[str, Any], list[str]]:
    import tomllib  # here: a warm `framing analyze FILE` reads the cached tables, no TOML

    try:
        raw = path.read_text(encoding="utf-8")
    except OSError as exc:
        raise LexiconError(path, None, f"cannot read: {exc.strerror or exc}") from None
    try:
        return tomllib.loads(raw), raw.splitlines()
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(path, getattr(exc, "lineno", None), f"invalid TOML: {exc}") from None


#: the user-cache folder of the validated tables, and the modules whose code decides them
CACHE_FOLDER = "sourcing"
_CODE = ("cues.py", "cueschema.py")

Tables = Callable[[Path, str], list[dict[str, Any]]]


def load_sourcing_lexicon(
    cues: Path | None = None, anonymous: Path | None = None, hedges: Path | None = None
) -> SourcingLexicon:
    """Load and compile the three lexicons (bundled ones by default)."""
    cues = Path(cues or _paths.LEXICON_DIR / "cues.toml")
    anonymous = Path(anonymous or _paths.LEXICON_DIR / "anonymous.toml")
    hedges = Path(hedges or _paths.LEXICON_DIR / "hedges.toml")
    here = Path(__file__).parent
    key = usercache.file_key("framing-sourcing-tables 1", [here / n for n in _CODE], [cues, anonymous, hedges])

    def use(stored: dict[str, list[dict[str, Any]]]) -> SourcingLexicon:
        return _compile(lambda _path, name: stored[name], cues, anonymous, hedges)

    def build() -> tuple[SourcingLexicon, dict[str, list[dict[str, Any]]]]:
        seen: dict[str, list[dict[str, Any]]] = {}
        return _compile(_validating(seen), cues, anonymous, hedges), seen

    return usercache.cached(CACHE_FOLDER, key, dict, use, build)


def _validating(seen: dict[str, list[dict[str, Any]]]) -> Tables:
    """Tables read and validated on demand, in the order the compiler asks for them (so a
    file with several problems reports the one it reported before the cache), kept in
    ``seen``."""
    parsed: dict[Path, tuple[dict[str, Any], list[str]]] = {}

    def tables(path: Path, name: str) -> list[dict[str, Any]]:
        from framing.sourcing.cueschema import validated

        if path not in parsed:
            parsed[path] = _read(path)
        seen[name] = validated(path, *parsed[path], name)
        return seen[name]

    return tables


def _compile(tables: Tables, cues: Path, anonymous: Path, hedges: Path) -> SourcingLexicon:
    """Compile the validated tables (``tables(file, table name)``: plain dicts)."""
    cue_map: dict[str, Cue] = {}
    titles: dict[str, Cue] = {}
    for c in tables(cues, "cue"):
        cue = Cue(c["lemma"], c["type"], c["klass"], c["source"], c["requires"],
                  frozenset(w.lower() for w in c["followed_by"]),
                  frozenset(w.lower() for w in c["not_followed_by"]))
        for f in c["forms"]:
            if f in cue_map:
                raise LexiconError(cues, None, f"[[cue]] {c['lemma']}: form {f!r} is already a "
                                   f"form of {cue_map[f].lemma!r}")
            cue_map[f] = cue
            title = f[0].upper() + f[1:]
            if f[0].islower() and " " not in f and title not in _NOT_TITLE:
                # headlines in title case ("Trump's Son Says The Battle ..."); the extractor
                # keeps these only before another capitalised word
                titles.setdefault(title, cue)
    titles = {t: c for t, c in titles.items() if t not in cue_map}  # "According to" is listed
    cue_map.update(titles)
    nouns: dict[str, str] = {}
    for s in tables(cues, "source_noun"):
        for f in s["forms"]:
            nouns.setdefault(f.lower(), s["type"])
    nominals = sorted({f.lower() for n in tables(cues, "nominal")
                       for f in n["forms"]})
    name_words = {f: n["type"] for n in tables(cues, "name_word")
                  for f in n["forms"]}
    if not cue_map:
        raise LexiconError(cues, None, "no [[cue]] entries")

    always: set[str] = set()
    heads: set[str] = set()
    for h in tables(anonymous, "head"):
        (always if h["always"] else heads).update(f.lower() for f in h["forms"])
    vague = frozenset(f.lower() for v in tables(anonymous, "vague")
                      for f in v["forms"])
    markers = [f.lower() for m in tables(anonymous, "marker")
               for f in m["forms"]]

    hedge_kinds: dict[str, tuple[str, str]] = {}
    for h in tables(hedges, "hedge"):
        for f in h["forms"]:
            hedge_kinds.setdefault(f.lower().replace("\u2019", "'"), (h["kind"], h["rule"]))
    hedge_forms = list(hedge_kinds)

    cue_finder = PhraseFinder(list(cue_map), ignore_case=False)
    nominal_finder = PhraseFinder(nominals, ignore_case=False)
    hedge_finder = PhraseFinder(hedge_forms, ignore_case=True)
    return SourcingLexicon(
        cues=cue_map,
        cue_finder=cue_finder,
        title_forms=frozenset(titles),
        nominal_finder=nominal_finder,
        source_nouns=nouns,
        name_words=name_words,
        anon_always=frozenset(always),
        anon_heads=frozenset(heads),
        vague_heads=vague,
        anon_markers=PhraseFinder(markers, ignore_case=True),
        anon_hint=_minimal_substrings({max(m.split(), key=len) for m in markers}),
        hedges=hedge_finder,
        hedge_kinds=hedge_kinds,
        scanner=PhraseGroup([cue_finder, nominal_finder, hedge_finder]),
        cue_words=_cue_words(cue_map, nominals),
        media_phrases=tuple(p for p, typ in nouns.items() if typ == "media" and " " in p),
    )


def _cue_words(cue_map: dict[str, Cue], nominals: list[str]) -> dict[str, str]:
    out: dict[str, str] = {}
    for form, cue in cue_map.items():
        w = form.split()[0].lower()
        if w not in _FUNCTION_FIRST:
            out.setdefault(w, cue.kind)
    for form in nominals:
        out.setdefault(form.split()[0], "nominal")
    return out


#: first words of multi-word cue forms that say nothing alone ("to", "in", "on")
_FUNCTION_FIRST = frozenset("to in on at of for a an the as by with".split())


def _minimal_substrings(words: set[str]) -> tuple[str, ...]:
    """The words no other word of the set is part of: "named" finds "unnamed" too, so a
    substring test for any of them needs only these."""
    return tuple(sorted(w for w in words if not any(o != w and o in w for o in words)))


@lru_cache(maxsize=1)
def default_lexicon() -> SourcingLexicon:
    """The bundled lexicons, compiled once per process."""
    return load_sourcing_lexicon()


SOURCING_KINDS = ("cues", "anonymous", "hedges")


def validate_file(path: str | Path) -> str:
    """Validate one sourcing lexicon by its ``[meta] kind`` (for ``framing lexicon validate``).

    Returns the kind; raises :class:`LexiconError` (``file:line: problem``) when invalid.
    """
    path = Path(path)
    data, _ = _read(path)
    kind = str((data.get("meta") or {}).get("kind", ""))
    if kind not in SOURCING_KINDS:
        raise LexiconError(path, None, f"[meta] kind must be one of {', '.join(SOURCING_KINDS)}")
    load_sourcing_lexicon(**{kind: path})
    return kind
