"""Provenance: who wrote, who published and where a copy came from.

Republished articles carry the republisher's masthead, a date line, a credit line naming
the original outlet and a trailing source line; wire copy carries a dateline or a closing
credit. These are metadata, not the outlet's prose, so they are lifted out of the body
(and would otherwise leak the outlet's name into classifiers).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property, lru_cache

from framing.io.outlets import OutletRegistry

_MONTHS = (
    "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    "sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?"
)
# "- 15.06.2017", "15/06/2017", "2017-06-15", "June 15, 2017", "15 June 2017"
_DATE_LINE = re.compile(
    rf"^[\-\u2013\u2014\s]*(?:\d{{1,2}}[./]\d{{1,2}}[./]\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}}|"
    rf"(?:\d{{1,2}}\s+(?:{_MONTHS})\.?,?\s+\d{{4}})|(?:(?:{_MONTHS})\.?\s+\d{{1,2}},?\s+\d{{4}}))\s*$",
    re.I,
)
# "Press Tv (15 June 2017)", "Reuters (June 15, 2017)"
_CREDIT_LINE = re.compile(r"^(?P<outlet>[^()\n]{2,60}?)\s*\((?P<date>[^()\n]*\d{4}[^()\n]*)\)\s*$")
# trailing "Kaynak/Source: http://...", "Source: Press TV", "Original source: ..."
_SOURCE_LINE = re.compile(
    r"^(?:kaynak\s*/\s*source|source\s*/\s*kaynak|kaynak|source|original(?:ly)?\s+(?:source|published(?:\s+(?:by|at|in))?))\s*:\s*(?P<rest>.*)$",
    re.I,
)
_DOTTED = re.compile(r"(\d{1,2})\.(\d{1,2})\.(\d{4})")
#: the unambiguous forms read without pandas (whose import costs half a CPU-second, more than
#: reading an article): ISO, "15 June 2017", "June 15, 2017" (tests check they agree)
_ISO = re.compile(r"(\d{4})-(\d{2})-(\d{2})")
_DAY_MONTH = re.compile(rf"(\d{{1,2}})\s+({_MONTHS})\.?,?\s+(\d{{4}})", re.I)
_MONTH_DAY = re.compile(rf"({_MONTHS})\.?\s+(\d{{1,2}}),?\s+(\d{{4}})", re.I)
_MONTH_NUMBER = {m: i for i, m in enumerate(("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct",
                                              "nov", "dec"), 1)}
_KEY_VALUE = re.compile(
    r"^(?P<key>title|headline|outlet|publisher|origin|date|url|language|author|byline)\s*:\s*(?P<value>.+)$", re.I
)


@dataclass
class Provenance:
    """Metadata lifted from a text, and the body left after lifting it."""

    body: str
    title: str | None = None
    outlet: str | None = None
    publisher: str | None = None
    origin: str | None = None
    date: str | None = None
    url: str | None = None
    language: str | None = None
    notes: list[str] = field(default_factory=list)


def parse_date(value: object) -> str | None:
    """Best-effort ISO date (YYYY-MM-DD) from the forms news metadata uses; None if unknown."""
    if value is None:
        return None
    return _parse_date_str(str(value).strip().lstrip("-\u2013\u2014 ").strip())


@lru_cache(maxsize=1 << 16)
def _parse_date_str(s: str) -> str | None:
    # memoised: a corpus has few distinct date strings (FA-KES: 1 per ~9 articles), and
    # pandas.to_datetime costs ~1 ms a call (format guessing); the bound keeps memory flat
    if not s:
        return None
    m = _DOTTED.fullmatch(s)  # European dotted: day first
    if m:
        return _iso(int(m[3]), int(m[2]), int(m[1]))
    if m := _ISO.fullmatch(s):
        return _iso(int(m[1]), int(m[2]), int(m[3]))
    if m := _DAY_MONTH.fullmatch(s):
        return _iso(int(m[3]), _MONTH_NUMBER[m[2][:3].lower()], int(m[1]))
    if m := _MONTH_DAY.fullmatch(s):
        return _iso(int(m[3]), _MONTH_NUMBER[m[1][:3].lower()], int(m[2]))
    import pandas as pd  # here, for the other forms: reading an article rarely needs it

    try:
        ts = pd.to_datetime(s, errors="raise", dayfirst=False)
    except (ValueError, TypeError, OverflowError):
        return None
    if pd.isna(ts):
        return None
    return ts.date().isoformat()


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text)]


def _is_body_like(p: str) -> bool:
    words = p.split()
    return len(words) >= 12 or (len(words) >= 6 and p.rstrip().endswith((".", '"', "\u201d")))


def parse_text_header(text: str, registry: OutletRegistry | None = None) -> Provenance:
    """Lift a key-value header, a republication header and a trailing source line from a text."""
    registry = registry or OutletRegistry.default()
    prov = Provenance(body=text)
    lines = text.lstrip("\ufeff").split("\n")
    # 1. "Title: ...", "Outlet: ..." header block (ends at the first other line)
    i = 0
    kv: dict[str, str] = {}
    while i < len(lines) and (m := _KEY_VALUE.match(lines[i].strip())):
        kv[m["key"].lower()] = m["value"].strip()
        i += 1
    if kv:
        prov.title = kv.get("title") or kv.get("headline")
        prov.outlet = kv.get("outlet")
        prov.publisher = kv.get("publisher")
        prov.origin = kv.get("origin")
        prov.date = parse_date(kv.get("date"))
        prov.url = kv.get("url")
        prov.language = kv.get("language")
        text = "\n".join(lines[i:])
    paras = [p for p in _paragraphs(text) if p]
    # 2. trailing source line
    if paras and (m := _SOURCE_LINE.match(paras[-1])) and len(paras[-1].split()) <= 12:
        rest = m["rest"].strip()
        if re.match(r"https?://", rest):
            prov.url = prov.url or rest.split()[0]
        elif rest and not prov.origin:
            prov.origin = registry.canonical(rest)
        paras = paras[:-1]
        prov.notes.append("trailing source line removed")
    # 3. leading header block: short paragraphs before the first body-like one
    k = 0
    while k < len(paras) and k < 15 and not _is_body_like(paras[k]):
        k += 1
    header, body = paras[:k], paras[k:]
    if header and body:
        texts: list[str] = []
        for p in header:
            flat = " ".join(p.split())
            if _DATE_LINE.match(flat):
                prov.date = prov.date or parse_date(flat)
            elif (m := _CREDIT_LINE.match(flat)) and parse_date(m["date"]):
                credited = registry.canonical(m["outlet"])
                prov.outlet = prov.outlet or credited
                prov.origin = prov.origin or credited
                prov.date = prov.date or parse_date(m["date"])
            else:
                texts.append(flat)
        if texts:
            title_i = max(range(len(texts)), key=lambda j: len(texts[j].split()))
            masthead = [t for j, t in enumerate(texts) if j != title_i]
            prov.title = prov.title or texts[title_i]
            if masthead:
                prov.publisher = prov.publisher or _masthead_publisher(masthead, registry)
        prov.notes.append(f"{len(header)} header line(s) lifted as metadata")
        paras = body
    prov.body = "\n\n".join(paras)
    if prov.outlet and not prov.publisher:
        prov.publisher = prov.outlet
    return prov


def _masthead_publisher(lines: list[str], registry: OutletRegistry) -> str:
    """The registered outlet a masthead names (any run of its lines), else the masthead text."""
    for size in range(len(lines), 0, -1):
        for start in range(0, len(lines) - size + 1):
            o = registry.lookup(" ".join(lines[start : start + size]))
            if o:
                return o.name
    return " ".join(lines)


# ---------------------------------------------------------------- wire credits
def _agency_names(registry: OutletRegistry) -> list[str]:
    names = {"Reuters", "AFP", "AP", "dpa", "DPA", "Xinhua", "EFE", "ANSA", "UPI", "ANA", "AA"}
    for o in registry.agencies():
        names.update(a for a in (o.name, *o.aliases) if len(a) <= 40)
    return sorted(names, key=len, reverse=True)


@dataclass(frozen=True)
class _WirePatterns:
    opening: re.Pattern[str]
    #: an agency name, reversed, at the start of a reversed string: the closing credit's
    #: cheap pre-check (one anchored try; a search for ``name\Z`` tries every position)
    reversed_name: re.Pattern[str]
    longest: int
    #: the agency names as one alternation
    alt: str

    @cached_property
    def closing(self) -> re.Pattern[str]:
        # compiled only for a text that passes the pre-check (few do): compiling it was
        # 0.011 CPU-s of every `framing analyze FILE`
        return re.compile(rf"(?:^|(?<=[\s.\"\u201d]))[\-\u2013\u2014]{{1,2}}\s*({self.alt})\s*\.?\s*$", re.I)


@lru_cache(maxsize=8)
def _wire_patterns(registry: OutletRegistry) -> _WirePatterns:
    # built once per registry (the registry is immutable once loaded): rebuilding the
    # alternation of ~150 names was 80% of find_wire_credit's time
    names = _agency_names(registry)
    alt = "|".join(re.escape(n) for n in names)
    return _WirePatterns(
        opening=re.compile(
            # optional dateline: PLACE[, REGION][, Month D]
            rf"^\s*(?:[A-Z][A-Za-z .'\-]{{1,40}}(?:,\s*[A-Z][A-Za-z .'\-]{{0,30}})?"
            rf"(?:,?\s+[A-Z][a-z]{{2,8}}\.?\s+\d{{1,2}})?\s*)?"
            rf"\(({alt})\)\s*[\-\u2013\u2014]+\s*"
        ),
        reversed_name=re.compile("|".join(re.escape(n[::-1]) for n in names), re.I),
        longest=max(map(len, names)),
        alt=alt,
    )


def _may_close_with_credit(text: str, pat: _WirePatterns) -> bool:
    """A necessary condition for ``pat.closing``: an agency name ends the text, before at
    most trailing spaces and one full stop. Checked on a short tail (names are at most
    ``longest`` characters), so the full search, which tries every position, runs only on
    the few texts that end with an agency's name."""
    tail = text.rstrip()
    ends = [tail]
    if tail.endswith("."):
        ends.append(tail[:-1].rstrip())
    return any(pat.reversed_name.match(e[: -pat.longest - 1 : -1]) for e in ends)


def find_wire_credit(text: str, registry: OutletRegistry | None = None) -> tuple[str | None, int, int]:
    """(agency, start, end) of a wire credit that opens or closes ``text``, else (None, 0, 0).

    Closing: "--Reuters", "- AFP", ".-REUTERS". Opening: "DAMASCUS, June 5 (Reuters) -",
    "(AP) —". Only the very start or end counts: a "(Reuters)" photo credit mid-text does not.
    """
    registry = registry or OutletRegistry.default()
    pat = _wire_patterns(registry)
    end = pat.closing.search(text) if _may_close_with_credit(text, pat) else None
    if end:
        return _agency_name(end.group(1), registry), end.start(), end.end()
    start = pat.opening.match(text) if "(" in text else None
    if start:
        return _agency_name(start.group(1), registry), start.start(), start.end()
    return None, 0, 0


def _agency_name(raw: str, registry: OutletRegistry) -> str:
    o = registry.lookup(raw) or registry.lookup(raw.capitalize())
    return o.name if o else raw.strip()
