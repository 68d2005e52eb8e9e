"""Strip text that names the outlet rather than frames the story, before any word model sees it.

A word classifier that learns "SANA" or "Source TRTWorld and agencies" scores well and tells a
researcher nothing about framing. We remove outlet names (every outlet the registry knows, since
a republished credit and a self-mention look alike), leading timestamps and datelines, bylines
and sign-offs, wire credits and site furniture. ``BoilerplateStripper`` wraps this as a transformer so the same
stripping runs inside cross-validation and inside the saved model used by ``framing predict``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from framing.compare.places import country_names, place_names
from framing.corpus import as_texts
from framing.io.outlets import OutletRegistry
from framing.text.phrases import PhraseFinder

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
    r"|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tue|tues|wed|thu|thurs|fri|sat|sun)(?:day|nesday|rsday|urday|sday)?\.?"
_DATE = (  # case-insensitive wherever it is used
    rf"(?i:\d{{1,2}}\s+{_MONTH},?\s+\d{{4}}"  # 05 Apr 2017
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s*\d{{4}}"  # April 5 2017, Apr 232017
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?"  # June 5 (in datelines)
    r"|\d{1,2}[./-]\d{1,2}[./-]\d{2,4}"  # 24.08.2013
    r"|\d{4}-\d{2}-\d{2})"
)
_TIME = (
    r"(?:(?:\d{1,2}[:.]\d{2}|\d{4}\b)(?:\s*[ap]\.?m\.?)?"
    r"(?:\s*(?:(?:gmt|utc)(?:\s*[+-]\d{1,2}(?::?\d{2})?)?|ksa|[+-]\d{2}:?\d{2}))?)"
)

# A timestamp at the very start: "Published February 18 2015", "Wed 05 Apr 2017 10:32 GMT".
_LEAD_STAMP = re.compile(
    rf"^\s*(?:(?:published|updated|last updated(?: at)?|posted(?: on)?|created"
    rf"|date(?: of publication)?)\s*:?\s*)?"
    rf"(?:{_WEEKDAY},?\s*)?{_DATE}(?:,?\s*(?:at\s*)?{_TIME})?[\s,:|-]*",
    re.IGNORECASE,
)
# "by Name Name (and Name Name)*" right after the stamp: a byline, not content.
_NAME = r"[A-Z][\w'-]+(?:[ \t]+[A-Z][\w'-]+){0,3}"
_LEAD_BYLINE = re.compile(
    rf"^\s*[Bb]y[ \t]+({_NAME}(?:[ \t]+(?:and|&)[ \t]+{_NAME})*)(?:[ \t]*\n+|[ \t]+|$)"
)
# A timestamp in brackets in the opening, "(updated 1935 05.10.2017)", and a short-URL widget
# ("Get short URL 101"), which scrapers leave after the headline as often as before it, and
# the "Tags" heading of a topic list there (the topics themselves are the story's words).
_HEAD_STAMP = re.compile(
    r"\(\s*(?:last\s+)?(?:updated|published|posted)\b[^()]{0,40}\)|\b(?:get\s+)?short\s+url\b[\s\d]*"
    r"|(?-i:\bTags\b)\s*:?(?=\s+[A-Z])"
    # page labels in capitals: "UPDATED Regime air raids ...", "URGENT 19 Killed ..."
    r"|(?-i:\b(?:UPDATED|URGENT|BREAKING(?: NEWS)?|EXCLUSIVE|PICTURES|PHOTOS|VIDEO|WATCH)\b)",
    re.IGNORECASE,
)
# A "Related News" heading (past the first quarter of the page) starts the list of other
# headlines a page ends with; the list runs to the end of the page and names the outlet's other
# stories, not this one.
_RELATED = re.compile(
    r"\b(?:Related (?:News|Articles|Stories|Posts|Coverage|Content)|RELATED (?:NEWS|ARTICLES)"
    r"|You (?:may|might) also like)\b"
)
# Scraped widgets at the start of a page ("Get short URL 0 0 0").
_LEAD_FURNITURE = re.compile(r"^\s*(?:get short url|share|print|email|send)[\s\d|]*", re.IGNORECASE)
# Links anywhere: share widgets and embedded tweets leave them, and a short link names the site
# ("SEND httpsabahdai.ly912r3U": scrapers lose the colon and slashes, and may glue the link to
# the word before it, so no word boundary is asked for).
_URL = re.compile(r"https?\S*|\bwww\.\S+|\bpic\.twitter\.com\S*", re.IGNORECASE)
# A place in capitals opening the story with no dash or agency after it ("BEIRUT A Russian air
# strike ...", "QAMISHLI Syria A massive bomb ..."): at the start, after a sentence, or after a
# headline or caption without a full stop. Whether the capitals are a place is for the
# gazetteer to say (see framing/compare/places.py), since "ISIL Claims ..." looks the same.
_BARE_DATELINE = re.compile(
    r"(?:(?<=^)|(?<=[.!?]\s)|(?<=[a-z0-9)]\s))"
    r"(?P<place>[A-Z][A-Z'\u2019-]+(?:[ ][A-Z][A-Z'\u2019-]+){0,2}),?"
    r"(?:\s+(?P<country>[A-Z][a-z]+(?:[ ][A-Z][a-z]+)?))?\s+(?=[A-Z0-9\"\u201c])"
)
# A timestamp or editor note at the very end: "Last Update: Saturday 7 October 2017 KSA 16:06 -
# GMT", "Updated with detail throughout", "al-Freih / Hazem Sabbagh" (SANA-style editor marks).
_TRAIL_STAMP = re.compile(
    rf"(?:(?:last\s+)?updated?\s*:?\s*(?:{_WEEKDAY},?\s*)?{_DATE}[^.]{{0,40}}"
    r"|updated with [^.]{0,60}"
    r"|(?:\b[\w-]+(?:\s[\w-]+)?\s*)?/\s*(?:[A-Z][\w-]*\s*){1,3}\.?)\s*$",
    re.IGNORECASE,
)
# Reuters-style production credits and trust lines anywhere.
_CREDIT_LINES = re.compile(
    r"(?:(?:additional\s+)?(?:reporting|writing|editing|compiled|translated)\s+by\s+[^.;\n]{1,120}"
    r"[;.]?\s*)+"
    r"|our standards\s*:?\s*the thomson reuters trust principles\.?",
    re.IGNORECASE,
)
# Datelines: "DAMASCUS, June 5 (Reuters) -", "BEIRUT (AFP) --", "Aleppo SANA-". The agency part
# is filled in from the outlet names (see _compiled).
_CAPS_DATELINE = re.compile(
    rf"(?:(?<=^)|(?<=[.!?\n]\s))[A-Z]{{3,}}(?:[ -][A-Z]{{3,}})*,?\s*(?:{_DATE}\s*)?[-\u2013\u2014]+\s*"
)
# Trailing wire credits and source notes: "- REUTERS", "--AFP", "(Source: X)", "Source TRTWorld
# and agencies", "with agencies".
_TRAIL_SOURCE = re.compile(
    r"(?:\(\s*source\s*:?[^)]{0,80}\)|\bsources?\s*:?\s+[^.]{0,60}?\bagencies\b\.?"
    r"|\bwith\s+agencies\b\.?|[-\u2013\u2014]{1,2}\s*agencies\b\.?)[\s.]*$",
    re.IGNORECASE,
)
# Site furniture left by scrapers at the end of a page: share/comment widgets, tag lists.
_TRAIL_FURNITURE = re.compile(
    r"(?:\s*(?:\.\.\.|\b\d{1,3}(?!\d*\.(?:\s|$))|tags\b[^.]{0,200}|community standards|discussion|comments?"
    r"|comment via \w+(?: news)?|twitter|facebook|whatsapp|telegram|email|print|share|tweet"
    r"|also(?: read)?)\s*[|:.]?)+\s*$",
    re.IGNORECASE,
)
# A sign-off after the last sentence: an editor's or correspondent's name, initials or an
# editor's code ("... the city. Hazem Sabbagh", "... in March 2011. MBMB", "H. Zain / R."), or a
# one-word widget left over ("Read"). Only words that all start with a capital and no closing
# full stop, so a last sentence that merely ends in a name ("... said Rami Abdulrahman.") stays.
_SIGNOFF_WORD = r"(?:[A-Z][\w'\u2019-]*|[A-Z]\.)"
_TRAIL_SIGNOFF = re.compile(
    rf"(?<=[.!?\"\u201d'])\s+{_SIGNOFF_WORD}(?:\s+(?:{_SIGNOFF_WORD}|al-\w+|bin|de|van)){{0,3}}"
    rf"(?:\s*/\s*(?:{_SIGNOFF_WORD}\s*){{0,3}})?\s*/?\s*$"
)
# What makes a recurring block at a page's edge site chrome rather than the outlet's own prose
# (words that news prose itself uses, "comments" or "newspaper" alone, are not on the list):
# it talks about the site (subscribe, share, copyright, apps, comments) or credits the page
# ("agencies contributed to this report", "an edited translation of our Arabic edition"), dates
# or tags it, or describes the outlet itself ("the world's premier pan-Arab daily newspaper").
# A recurring background paragraph ("... accuses foreign actors of orchestrating the
# conflict", "... sieges, mass executions and torture against civilians") has none of these
# words and is the outlet's standing framing of the war, which the comparison exists to see.
_CHROME = re.compile(
    r"\b(?:subscribe|newsletter|copyright|all rights reserved|download|youtube|facebook|twitter"
    r"|instagram|telegram|whatsapp|ios|android|app store|google play|watch live|live tv"
    r"|read more|read also|also read|click here|sign up|follow us|like us|share this"
    r"|(?:leave|post|add) a comment|\d+ comments?|comment via|advertisement|tags|topic"
    r"|date of publication|published on|daily newspaper|privacy policy|terms of use|cookies?"
    r"|contributed to this report|translation|translated (?:from|by)|edition)\b|\u00a9",
    re.IGNORECASE,
)
_SPACES = re.compile(r"[ \t]{2,}")
_TAIL = 400
_HEAD = 400


def _registry() -> OutletRegistry | None:
    """The outlet registry (lexicons/outlets.toml), or None when it holds no outlets."""
    reg = OutletRegistry.default()
    return reg if len(reg) else None


def _registry_names() -> list[str]:
    """Every outlet name and alias the registry knows."""
    reg = _registry()
    return [] if reg is None else [n for o in reg.outlets for n in (o.name, *o.aliases)]


def outlet_names(outlets: Iterable[str] | None = None) -> tuple[str, ...]:
    """The names to strip: the compared outlets' names and aliases plus every wire agency.

    Only these, not every outlet the registry knows: "the Syrian Observatory said" or "Press
    TV reported" is sourcing, part of the framing we measure, whereas an outlet naming itself
    or a wire credit only says who published the page. ``None`` strips every known name.
    """
    if outlets is None:
        return tuple(sorted(set(_registry_names())))
    wanted = {str(o).strip() for o in outlets if str(o).strip()}
    names: set[str] = set(wanted)
    reg = _registry()
    if reg is None:  # no registry: the group labels themselves are all we know
        return tuple(sorted(names))
    for w in wanted:
        o = reg.lookup(w)
        if o is not None:
            names.update((o.name, *o.aliases))
    for o in reg.agencies():
        names.update((o.name, *o.aliases))
    return tuple(sorted(names))


def _name_regex(names: list[str]) -> str:
    """Alternation of names, longest first, tolerant of "Al-Manar" / "Al Manar" / "AlManar".

    Acronyms (all capitals, up to five letters: "AP", "SANA", "TASS") must match in capitals,
    so "ap" or "Sana'a" are left alone; other names match in any case.
    """
    parts = []
    for name in sorted({n.strip() for n in names if n and n.strip()}, key=len, reverse=True):
        tokens = re.split(r"[\s\-]+", name)
        pat = r"[\s\-]?".join(re.escape(t) for t in tokens)
        parts.append(pat if _is_acronym(name) else f"(?i:{pat})")
    return "|".join(parts)


#: what a photo or wire credit in brackets says besides the agency: "(AFP Photo)", "(File
#: photo: Reuters)", "(Anadolu and Agencies)"
_CREDIT_WORD = r"(?i:(?:file\s+)?photos?|images?|video|archive|file|agencies)"


@dataclass(frozen=True)
class _Patterns:
    """The name-dependent patterns, compiled once per set of outlet names."""

    dateline: re.Pattern[str]
    caps_dateline: re.Pattern[str]
    credit: re.Pattern[str]
    credit_by: re.Pattern[str]
    wire_tail: re.Pattern[str]


@lru_cache(maxsize=8)
def _compiled(names: tuple[str, ...]) -> _Patterns:
    alt = _name_regex(list(names)) or r"(?!x)x"
    # the agency either before a dash ("Aleppo SANA-", "BEIRUT (AFP) --") or in brackets, where
    # scraped pages often lost the dash ("MOSCOW (Sputnik) Six people were killed")
    agency = rf"(?:\((?:{alt})\)\s*[-\u2013\u2014:]*|(?:{alt})\s*[-\u2013\u2014:]+)\s*"
    region = r"(?:\([A-Z][\w ]{1,30}\)\s*)?"  # "DEIR EZ-ZOR (Syria) (Sputnik)"
    dateline = re.compile(
        rf"(?:(?<=^)|(?<=[.!?\n]\s))(?:[A-Z][\w'.-]*(?:[ ,]+[A-Z][\w'.-]*){{0,3}},?\s*)?"
        rf"{region}(?:{_DATE}\s*)?{agency}",
    )
    # a place in capitals and a bracketed agency is a dateline wherever it sits in the opening,
    # also straight after a headline that has no full stop ("... Deal Reaches 207 MOSCOW (AFP)")
    caps_dateline = re.compile(
        rf"\b[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*,?\s*{region}(?:{_DATE}\s*)?\((?:{alt})\)"
        r"\s*[-\u2013\u2014:]*\s*"
    )
    # a credit in brackets goes whole, not just its name: "( and Agencies)" or "( Photo)" left
    # behind says as plainly which outlet published the page
    credit = re.compile(
        rf"\(\s*(?i:with\s+)?(?:{_CREDIT_WORD}\s*[:/]?\s*)?(?:{alt})"
        rf"(?:\s*(?:and|&|/|,)?\s*(?:{_CREDIT_WORD}|{alt}))*\s*(?:{_CREDIT_WORD}\s*)?\)"
    )
    # ... and one that closes a bracketed caption: "(Photo Smoke rises over Raqqa. by AFP)"
    credit_by = re.compile(rf"\s*\b(?i:(?:photo\s+)?by)\s+(?:{alt})\s*(?=\))")
    wire_tail = re.compile(rf"(?:[-\u2013\u2014]{{1,2}}|\|)\s*(?:{alt})\s*\.?\s*$")
    return _Patterns(dateline, caps_dateline, credit, credit_by, wire_tail)


def _is_acronym(name: str) -> bool:
    return name.isupper() and len(name) <= 5 and name.isalpha()


@lru_cache(maxsize=8)
def _finder(names: tuple[str, ...]) -> PhraseFinder:
    """One automaton over the names (stripping runs on every article of every comparison);
    acronyms such as "AP" or "SANA" only in capitals, "Al-Manar" also as "Al Manar"/"AlManar"."""
    # scraped text often loses apostrophes ("TRT Worlds correspondent"): the bare possessive
    # is a form of the name too (acronyms excepted: "AAs" is not a word anyone writes)
    bare = [f"{n}s" for n in names if not _is_acronym(n) and not n.endswith("s")]
    return PhraseFinder(
        [*names, *bare], exact={n for n in names if _is_acronym(n)}, fold_separators=True
    )


def outlet_spans(text: str, names: tuple[str, ...]) -> list[tuple[int, int]]:
    """Where ``names`` (from :func:`outlet_names`) occur in ``text``, each with a possessive
    "'s" after it: what stripping cuts, and what a benchmark counts."""
    spans = []
    for start, end in _finder(names).finditer(text):
        if text[end : end + 2].lower() in ("'s", "\u2019s"):
            end += 2
        spans.append((start, end))
    return spans


def _cut(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    out, pos = [], 0
    for s, e in sorted(spans):
        if s < pos:
            s = pos
        if e <= s:
            continue
        out.append(text[pos:s])
        out.append(" ")
        pos = e
    out.append(text[pos:])
    return "".join(out)


def _bare_dateline(m: re.Match[str]) -> str:
    """Cut a dash-less dateline if the gazetteer knows the place (or a country follows it)."""
    place, country = m.group("place"), m.group("country")
    if country and country in country_names() and len(place) >= 4:  # not "UK Russia"
        return " "
    if place in place_names():
        return " " + (m.group(0)[m.start("country") - m.start() :] if country else "")
    return m.group(0)


def strip_boilerplate(text: str, names: tuple[str, ...] | None = None) -> str:
    """Remove timestamps, datelines, bylines, wire credits, site furniture and outlet names.

    ``names`` (from :func:`outlet_names`) are the outlet names to remove; default all known.
    """
    if not text:
        return ""
    names = outlet_names() if names is None else names
    pat = _compiled(names)
    t = text.strip()
    # Leading material comes off repeatedly: "Wed 05 Apr 2017 by A B DAMASCUS (Reuters) - ...".
    authors: list[str] = []
    for _ in range(3):
        before = t
        t = _LEAD_FURNITURE.sub("", t, count=1)
        t = _LEAD_STAMP.sub("", t, count=1)
        m = _LEAD_BYLINE.match(t)
        if m:
            authors.append(m.group(1).strip())
            t = t[m.end() :]
        if t == before:
            break
    for author in authors:  # the byline's names repeated in a sign-off are the byline too
        t = t.replace(author, " ")
    # Datelines open a story (after the headline), so only the opening is searched.
    head, rest = t[:_HEAD], t[_HEAD:]
    head = _HEAD_STAMP.sub(" ", head)
    head = pat.dateline.sub(" ", head)
    head = pat.caps_dateline.sub(" ", head)
    head = _CAPS_DATELINE.sub(" ", head)
    head = _BARE_DATELINE.sub(_bare_dateline, head)
    t = head + rest
    t = _URL.sub(" ", t)
    t = _CREDIT_LINES.sub(" ", t)
    t = pat.credit.sub(" ", t)
    t = pat.credit_by.sub("", t)
    related = _RELATED.search(t, len(t) // 4)
    if related:
        t = t[: related.start()]
    # The end-anchored rules only ever match near the end; running them on the whole text
    # costs quadratic backtracking for nothing, so they see the last _TAIL characters.
    cut = max(0, len(t) - _TAIL)
    body, tail = t[:cut], t[cut:]
    for _ in range(3):
        before = tail
        tail = _TRAIL_FURNITURE.sub("", tail)
        tail = pat.wire_tail.sub("", tail)
        tail = _TRAIL_SOURCE.sub("", tail)
        tail = _TRAIL_STAMP.sub("", tail)
        tail = _TRAIL_SIGNOFF.sub("", tail)
        tail = tail.rstrip()
        if tail == before:
            break
    t = body + tail
    t = _cut(t, outlet_spans(t, names))
    return _SPACES.sub(" ", t).strip()


def strip_corpus(
    corpus: pd.DataFrame,
    by: str = "outlet",
    outlets: list[str] | None = None,
    chrome: bool = True,
) -> pd.DataFrame:
    """A copy of the corpus with boilerplate stripped from ``text``, for feature extraction.

    Framing features computed on raw pages pick up the page itself: a timestamp ending "KSA"
    counts as a mention of Saudi Arabia, an outlet's own name as a media source, a "Subscribe
    to our channel" footer as an unsourced claim. The outlet names removed are those of
    ``outlets`` (default: the values of ``by``) and wire agencies; with ``chrome``, site
    chrome that recurs at the edges of this corpus's pages goes too (``BoilerplateStripper``;
    it reads only the texts, never a label).
    """
    if outlets is None and by in corpus:
        outlets = sorted(corpus[by].dropna().astype(str).unique())
    names = outlet_names(outlets)
    out = corpus.copy()
    texts = [strip_boilerplate("" if t is None else str(t), names) for t in out["text"]]
    if chrome:
        texts = list(BoilerplateStripper(rules=False).fit_transform(texts))
    out["text"] = texts
    return out


_WORDS = re.compile(r"\S+")


def _words(text: str, offset: int = 0) -> list[tuple[str, int, int]]:
    return [(m.group().lower(), m.start() + offset, m.end() + offset) for m in _WORDS.finditer(text)]


def _grams(words: list[tuple[str, int, int]], starts: range, n: int) -> list[tuple[str, int, int]]:
    return [
        (" ".join(w for w, _, _ in words[i : i + n]), words[i][1], words[i + n - 1][2])
        for i in starts
        if i + n <= len(words)
    ]


def _zone_ngrams(text: str, n: int, head: int, tail: int) -> list[tuple[str, int, int]]:
    """Word n-grams starting in the first ``head`` or the last ``tail`` words."""
    # Tokenise only the two edges (a generous character window each) rather than the whole
    # article: this runs for every article in every fold.
    w_head, w_tail = (head + n) * 25, tail * 25
    if len(text) <= w_head + w_tail:
        words = _words(text)
        k = len(words)
        return _grams(words, range(min(head, k)), n) + _grams(words, range(max(head, k - tail), k), n)
    top = _words(text[:w_head])[: head + n - 1]
    bottom = _words(text[-w_tail:], len(text) - w_tail)[1:][-tail:]  # first may be cut mid-word
    return _grams(top, range(head), n) + _grams(bottom, range(len(bottom)), n)


_PIECE = re.compile(r"[^.!?]+(?:[.!?]+|$)")
_REST_OF_SENTENCE = re.compile(r"[^.!?]*(?:[.!?]+|$)")


def _chrome_runs(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of recurring blocks that read as site chrome (see _CHROME).

    Overlapping recurring n-grams chain into blocks. Within a block, everything from its first
    sentence with a chrome word to its last goes; a block that runs off the end of the page
    goes from the first such sentence to the end (footers trail into "Terms of Use", "About"),
    and one at the top of the page from its start. A stock background sentence next to a footer
    stays.
    """
    blocks: list[list[int]] = []
    for s, e in sorted(spans):
        if blocks and s <= blocks[-1][1]:
            blocks[-1][1] = max(blocks[-1][1], e)
        else:
            blocks.append([s, e])
    cuts = []
    for s, e in blocks:
        # a block's last recurring n-gram can end mid-sentence ("This article is an edited
        # translation" + " from our Arabic edition."): its sentence is judged, and cut, whole
        stop = _REST_OF_SENTENCE.match(text, e).end()
        chrome = [m.span() for m in _PIECE.finditer(text, s, stop) if _CHROME.search(m.group())]
        if not chrome:
            continue
        start = s if not text[:s].strip() else chrome[0][0]
        end = stop if not text[stop:].strip() else chrome[-1][1]
        cuts.append((start, end))
    return cuts


class BoilerplateStripper(TransformerMixin, BaseEstimator):
    """Transformer: texts in, stripped texts out (a 1-D object array for a text vectorizer).

    ``rules`` applies :func:`strip_boilerplate` with the names of ``outlets`` (stateless, so
    cross-validation may apply it once up front and pass ``rules=False`` here).
    Besides the fixed rules, ``fit`` learns site furniture the rules cannot know: word
    ``ngram``-grams near the top or bottom of a page that recur in at least ``min_docs``
    training articles (share widgets, footers, "This article is an edited translation...").
    Only the page edges are searched (the first ``head`` and last ``tail`` words: a scraped
    footer of menus and follow-us links runs to a hundred words or more), so an outlet's
    recurring phrasing in the story body stays;
    and only recurring blocks that read as site chrome are cut (see ``_CHROME``), so a stock
    background paragraph an outlet closes every story with stays too: it is framing.
    """

    def __init__(
        self,
        rules: bool = True,
        outlets: tuple[str, ...] | None = None,
        learn_furniture: bool = True,
        ngram: int = 6,
        min_docs: int = 3,
        head: int = 60,
        tail: int = 150,
    ) -> None:
        self.rules = rules
        self.outlets = outlets
        self.learn_furniture = learn_furniture
        self.ngram = ngram
        self.min_docs = min_docs
        self.head = head
        self.tail = tail

    def _rules(self, texts: list[str]) -> list[str]:
        if not self.rules:
            return texts
        names = outlet_names(self.outlets)
        return [strip_boilerplate(t, names) for t in texts]

    def _zones(self, texts: list[str]) -> list[list[tuple[str, int, int]]]:
        return [_zone_ngrams(t, self.ngram, self.head, self.tail) for t in texts]

    def _learn(self, zones: list[list[tuple[str, int, int]]]) -> None:
        df: dict[str, int] = {}
        for z in zones:
            for g in {g for g, _, _ in z}:
                df[g] = df.get(g, 0) + 1
        self.furniture_ = sorted(g for g, c in df.items() if c >= self.min_docs)

    def fit(self, X: Any, y: Any = None) -> BoilerplateStripper:
        self.furniture_: list[str] = []
        if self.learn_furniture:
            self._learn(self._zones(self._rules(as_texts(X))))
        return self

    def transform(self, X: Any) -> np.ndarray:
        texts = self._rules(as_texts(X))
        return self._apply(texts, self._zones(texts) if self.furniture_ else None)

    def _apply(self, texts: list[str], zones: list[Any] | None) -> np.ndarray:
        known = set(getattr(self, "furniture_", []) or [])
        if known and zones is not None:
            out = []
            for t, z in zip(texts, zones, strict=True):
                spans = _chrome_runs(t, [(s, e) for g, s, e in z if g in known])
                out.append(_SPACES.sub(" ", _cut(t, spans)).strip() if spans else t)
            texts = out
        return np.asarray(texts, dtype=object)

    def fit_transform(self, X: Any, y: Any = None, **fit_params: Any) -> np.ndarray:
        # Rules and edge n-grams computed once for both learning and applying.
        texts = self._rules(as_texts(X))
        self.furniture_ = []
        zones = None
        if self.learn_furniture:
            zones = self._zones(texts)
            self._learn(zones)
        return self._apply(texts, zones)

    def __sklearn_tags__(self):  # type: ignore[no-untyped-def]
        tags = super().__sklearn_tags__()
        tags.input_tags.string = True
        return tags
