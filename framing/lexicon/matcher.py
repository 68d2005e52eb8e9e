"""One pass over a text for every lexicon form (an Aho-Corasick automaton, pyahocorasick).

The text is normalised character for character (lower case, every character that cannot be
inside a word a space) so every offset found in the normalised text indexes the original,
and keys padded with spaces match whole words only. Case-sensitive forms and overlaps are
checked on the few hits afterwards.
"""

from __future__ import annotations

from collections.abc import Sequence
from operator import itemgetter
from typing import TYPE_CHECKING, Any, NamedTuple

import ahocorasick

from framing.lexicon.context import context_allows, in_capitals

if TYPE_CHECKING:  # a type hint only (records on a cache hit): no pydantic at run time
    from framing.lexicon.schema import Entry

# one-to-one replacements, so a normalised text keeps every offset of the original
_DASHES = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\ufe58\ufe63\uff0d"
_APOSTROPHES = "\u2019\u2018\u02bc\u2032\u00b4`"
#: for comparing case-sensitive forms: dashes as spaces, curly apostrophes straight
_FOLD = str.maketrans({**{c: " " for c in _DASHES}, **{c: "'" for c in _APOSTROPHES}})
_NO_APOSTROPHE = str.maketrans("", "", "'" + _APOSTROPHES)
#: for the automaton: every character that cannot be inside a word becomes a space, so
#: keys padded with a space on each side only match whole words (no per-hit boundary check)
_SPACE_OUT = {c: " " for r in (range(0x3000), range(0xFE00, 0x10000)) for c in r if not chr(c).isalnum()}


def normalise_text(text: str) -> str:
    """Lower case, every non-word character a space; the length never changes."""
    low = text.lower()
    if len(low) != len(text):  # e.g. "İ".lower() is two characters: keep such chars as they are
        low = "".join(c.lower() if len(c.lower()) == 1 else c for c in text)
    return low.translate(_SPACE_OUT)


def normalise_form(form: str, case_sensitive: bool = False) -> str:
    """A form as matching sees it ("al-Nusra" = "al Nusra" = "Al–Nusra"); used to find
    duplicate forms."""
    f = " ".join(form.split())
    return " ".join(f.translate(_FOLD).split()) if case_sensitive else normalise_text(f)


def _trim(form: str) -> str:
    """Without leading/trailing punctuation, which matches any non-word character anyway
    ("militias'" is "militias" followed by a boundary)."""
    i, j = 0, len(form)
    while i < j and not form[i].isalnum():
        i += 1
    while j > i and not form[j - 1].isalnum():
        j -= 1
    return form[i:j]


def _key(variant: str) -> str:
    return " " + normalise_text(variant) + " "


_SIBILANT = ("s", "x", "z", "ch", "sh")
_VOWELS = set("aeiou")


def variants(form: str, inflect: bool = True) -> list[str]:
    """The form plus, with ``inflect``, its plurals (-s, -es, -ies) and possessives ('s, s')."""
    out = [form]
    if not inflect or not form or not form[-1].isalpha():
        return _with_bare(out)
    low = form.lower()
    if len(form) > 1 and form.isupper():
        # acronyms (case-sensitive entries keep their case): "NGOs", "IS's"; no "ISes"
        out.append(form + "'s")
        if not form.endswith("S"):
            out.extend([form + "s", form + "s'"])
        return _with_bare(out)
    plurals = [form + "s"]
    if low.endswith(_SIBILANT):
        plurals.append(form + "es")
    if len(low) > 1 and low.endswith("y") and low[-2] not in _VOWELS:
        plurals.append(form[:-1] + "ies")
    out.extend(plurals)
    out.append(form + "'s")
    if low.endswith("s"):
        out.append(form + "'")
    out.extend(p + "'" for p in plurals)
    return _with_bare(out)


def _with_bare(forms: list[str]) -> list[str]:
    """Each form plus its spelling without apostrophes: scraped text often loses them
    ("Assads regime", "PKKs"), and a lexicon form is a name, not a contraction."""
    seen: dict[str, None] = {}
    for v in forms:
        seen.setdefault(v, None)
    for v in forms:
        bare = v.translate(_NO_APOSTROPHE)
        if bare != v and bare:
            seen.setdefault(bare, None)
    return list(seen)


_START_END = itemgetter(0, 1)


class Match(NamedTuple):
    """One lexicon hit: ``text == body[start:end]`` (a named tuple: cheap to create)."""

    start: int
    end: int
    text: str
    entry: Entry

    @property
    def canonical(self) -> str:
        return self.entry.canonical

    @property
    def category(self) -> str:
        return self.entry.category

    @property
    def referent(self) -> str:
        return self.entry.referent

    @property
    def connotation(self) -> float:
        return self.entry.connotation

    @property
    def weight(self) -> float:
        return self.entry.weight


# a candidate for one automaton key: (entry, exact surface forms for case-sensitive entries,
# whether the entry has sense rules to check): flags computed once, not per hit
_Cand = tuple["Entry", frozenset[str] | None, bool]
#: one automaton key: (its length, the first candidate's entry, whether a hit needs
#: _choose (exact forms or sense rules on the first candidate), every candidate)
_Slot = tuple[int, "Entry", bool, tuple[_Cand, ...]]
#: the automaton's content as plain data (what framing.lexicon.cache stores): each key with
#: its candidates in priority order, as (index into the entries, exact forms or None);
#: lists in place of the tuples when read back from the cache
Table = list[tuple[str, list[tuple[int, list[str] | None]]]]


class Matcher:
    """All forms of all entries in one automaton, compiled on first use.

    Priority when several entries share a normalised key: case-sensitive entries whose
    exact form is present, then explicit forms before generated variants, then the entry
    listed later (later lexicons override earlier ones).
    """

    def __init__(self, entries: Sequence[Entry], table: Table | None = None) -> None:
        self.entries = list(entries)
        #: a table computed before (the disk cache's), or None to compute it on first use
        self._table = table
        self._automaton: Any = None
        self._slots: list[_Slot] = []

    def __getstate__(self) -> dict[str, Any]:
        return {"entries": self.entries, "_automaton": None}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.entries = state["entries"]
        self._table = None
        self._automaton = None
        self._slots = []

    def table(self) -> Table:
        """Every automaton key and its candidates, sorted by: case-sensitive first, written
        lexicon before the graded layer, explicit before generated forms, later entry first."""
        if self._table is not None:
            return self._table
        table: dict[str, list[tuple[int, int, int, int, list[str] | None]]] = {}
        for order, e in enumerate(self.entries):
            rank = int(e.layer != "lexicon")
            cs_forms: dict[str, set[str]] = {}
            groups = [(f, e.case_sensitive) for f in e.forms] + [(f, True) for f in e.exact_forms]
            for form, exact in groups:
                base = " ".join(form.split())
                for v in dict.fromkeys(_trim(x) for x in variants(base, e.inflect)):
                    key = _key(v)
                    if not v:
                        continue
                    if exact:
                        cs_forms.setdefault(key, set()).add(v.translate(_FOLD))
                    else:
                        table.setdefault(key, []).append((1, rank, int(v != base), -order, None))
            for key, want in cs_forms.items():
                table.setdefault(key, []).append((0, rank, 0, -order, sorted(want)))
        out: Table = []
        for key, cands in table.items():
            cands.sort(key=lambda c: c[:4])
            kept: list[tuple[int, list[str] | None]] = []
            for cs, _, _, neg_order, exact in cands:
                kept.append((-neg_order, exact))
                if cs:  # the best case-insensitive candidate ends the list
                    break
            out.append((key, kept))
        self._table = out
        return out

    def _build(self) -> Any:
        # integer values (a slot per key) keep building the automaton cheap: ~0.03 CPU-s for
        # 17,000 keys against ~0.15 s for as many Python tuples stored in it
        A = ahocorasick.Automaton(ahocorasick.STORE_INTS)
        slots: list[_Slot] = []
        flags: dict[int, bool] = {}
        for key, cands in self.table():
            kept = []
            for i, exact in cands:
                e = self.entries[i]
                ctx = flags.get(i)
                if ctx is None:
                    ctx = flags[i] = e.has_context
                kept.append((e, None if exact is None else frozenset(exact), ctx))
            A.add_word(key, len(slots))
            first, exact0, ctx0 = kept[0]
            slots.append((len(key), first, exact0 is not None or ctx0, tuple(kept)))
        A.make_automaton()
        self._slots = slots
        return A

    def compile(self) -> Matcher:
        if self._automaton is None:
            self._automaton = self._build()
        return self

    def is_one_key(self, text: str) -> bool:
        """Whether the whole of ``text`` is one automaton key: the cheap test (a dict lookup,
        no scan) for "could a single hit cover all of it", which most short quotations fail."""
        if self._automaton is None:
            self._automaton = self._build()
        return bool(text) and self._automaton.exists(" " + normalise_text(text) + " ")

    def find(self, text: str) -> list[Match]:
        """Every non-overlapping hit, longest first then leftmost, returned in text order."""
        if self._automaton is None:
            self._automaton = self._build()
        if not text or not self.entries:
            return []
        # padded: a key " form " hit ending at padded index `last` covers text[last-k+1:last-1].
        # The automaton reports hits in order of their end, so two hits overlap somewhere only
        # if some hit starts before the previous one ends: that test runs as hits come, and
        # without an overlap the hits are already in text order (no sort).
        padded = " " + normalise_text(text) + " "
        hits: list[Match] = []
        append = hits.append
        prev_end = -1
        overlap = False
        slots = self._slots
        new = tuple.__new__  # what Match(...) calls, without its Python-level __new__ per hit
        for last, slot in self._automaton.iter(padded):
            klen, entry, special, cands = slots[slot]
            start = last - klen + 1
            end = last - 1
            if special:  # the common case (no exact forms, no sense rule) skips the call
                entry = _choose(cands, text, start, end)
                if entry is None:
                    continue
            append(new(Match, (start, end, text[start:end], entry)))
            if start < prev_end:
                overlap = True
            prev_end = end
        if overlap:
            return _resolve_overlaps(hits)
        return hits


def _choose(cands: tuple[_Cand, ...], text: str, start: int, end: int) -> Entry | None:
    """The entry a hit of one key stands for: the first candidate whose exact form is there
    (case-sensitive entries), or ``None`` when none is or a sense rule stops the hit."""
    for entry, exact, ctx in cands:
        if exact is not None:
            if text[start:end].translate(_FOLD) not in exact or in_capitals(text, start, end):
                continue
        if ctx and not context_allows(entry, text, start, end):
            return None  # a literal use ("criminal charges"): no other candidate for this key
        return entry
    return None


def _longest_first(hit: Match) -> tuple[int, int]:
    return (hit.start - hit.end, hit.start)


def _resolve_overlaps(hits: list[Match]) -> list[Match]:
    """Longest match wins, then the leftmost; the rest of an overlapping hit is dropped.
    ``hits`` in order of their end. Only runs of mutually overlapping hits (clusters) need the
    longest-first choice; a hit that overlaps nothing is kept as it is."""
    hits.sort(key=_START_END)
    kept: list[Match] = []
    cluster: list[Match] = []
    cluster_end = -1
    for h in hits:
        if h.start >= cluster_end:
            if len(cluster) == 1:
                kept.append(cluster[0])
            elif cluster:
                kept.extend(_resolve_cluster(cluster))
            cluster = [h]
            cluster_end = h.end
        else:
            cluster.append(h)
            if h.end > cluster_end:
                cluster_end = h.end
    if len(cluster) == 1:
        kept.append(cluster[0])
    elif cluster:
        kept.extend(_resolve_cluster(cluster))
    return kept


def _resolve_cluster(cluster: list[Match]) -> list[Match]:
    # most clusters are two hits (a word inside a longer phrase): the longer, else the first
    if len(cluster) == 2:
        a, b = cluster
        return [b] if b.end - b.start > a.end - a.start else [a]
    # a handful of hits: pairwise checks against the kept ones beat marking a character map
    chosen: list[Match] = []
    for h in sorted(cluster, key=_longest_first):
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    chosen.sort(key=_START_END)
    return chosen
