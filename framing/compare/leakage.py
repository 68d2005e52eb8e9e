"""Strip text that names the outlet rather than frames the story, before any model sees it.

A word classifier that learns "SANA" or "Source TRTWorld and agencies" scores well and tells a
researcher nothing about framing, and framing features computed on a page count its chrome (a
"FILE PHOTO" caption as an unattributed sentence, a dateline's "U.S." as a naming choice). We
remove outlet names (the compared outlets' and every wire agency's), leading timestamps and
datelines, bylines and sign-offs, wire and production credits, photo captions and credits,
embedded-media and social chrome, layout labels and links: page residue that any news site
leaves, whatever the story. Each cut is counted by kind (``strip_boilerplate(..., counts=...)``,
``EXCLUSION_KINDS``) so a comparison can say, per outlet, what it took away. Chrome that only
one site's pages share is learned from the pages (``furniture.py``).
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from framing.compare.names import _name_regex, outlet_names, outlet_spans
from framing.compare.places import country_names, place_names

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
    # (the names in capitals whatever the flag says: "a Reuters/Ipsos poll agree." is prose)
    r"|(?:\b[\w-]+(?:\s[\w-]+)?\s*)?/\s*(?-i:(?:[A-Z][\w-]*\s*){1,3})\.?)\s*$",
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
_SPACES = re.compile(r"[ \t]{2,}")
_TAIL = 400
_HEAD = 400


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


#: What strip_boilerplate cuts, by kind: the keys of its ``counts``.
EXCLUSION_KINDS = (
    "timestamp", "byline", "dateline", "credit", "caption", "media", "social", "label", "link",
    "related", "signoff", "outlet_name",
)

# Photo and video captions and credits, for any site: a bracket that opens with a photo word
# ("(Photo: Getty Images)", "(AP Photo/Evan Vucci)", "(File photo shows ...)"); a caption line
# ("Image copyright Reuters", "Image caption Protesters ...", "FILE PHOTO: ...", "PHOTO: ...");
# a photographer's credit ("REUTERS/Kevin Lamarque", "AFP/Getty Images", "Photo by X/Getty").
_PICTURE_AGENCY = r"(?:REUTERS|AFP|EPA|AP(?: Photo)?|UPI|ANADOLU|XINHUA|SANA|POOL)"
_CAPTION = re.compile(
    r"\(\s*(?:[A-Z][\w.]*\s+)?(?i:(?:file\s+)?(?:photo|image|picture|video)s?(?:graph)?\b|getty\b)"
    r"[^()]{0,300}\)"
    r"|(?m:^[ \t]*(?:(?i:image (?:copyright|caption)\b:?|(?:photo(?:graph)?|picture|video|caption):)"
    r"|FILE PHOTO\b:?)[^\n]{0,200}?(?:[.!?](?=\s|$)|$))"
    r"|\bFILE PHOTO\b:?[^.\n]{0,200}(?:\.|$)"
    # a photographer's name is one of a few stock credits or a first and a last name: the
    # capitalised word after it opens the next sentence ("REUTERS/Rodi Said The army ...")
    rf"|\b(?:{_PICTURE_AGENCY}|Photo by [A-Z][\w.' -]{{1,40}})/(?:Stringer|Handout|Pool"
    r"|File(?: Photo)?|[A-Z][\w'-]+ [A-Z][\w'-]+)(?:/(?:Getty Images|File))?"
    r"|\b(?:via |/)?Getty Images\b|\(Getty\)"
)
# Embedded media and share chrome: "MUST WATCH <title> 03:30", "Watch the video above.",
# "WATCH:" lines, "Story continues below", "Continue reading the main story", "Advertisement"
# on its own, "Click here to ...", "Sign up for our newsletter ...", "Share this article".
_MEDIA = re.compile(
    r"\bMUST WATCH\b[^\n]{0,200}?\b\d{1,2}:\d{2}\b"
    r"|(?i:\bwatch (?:the (?:full )?(?:video|ad|clip|interview|segment)|it|below|above)"
    r"(?: (?:above|below|here))?\s*[.:]?)"
    r"|(?m:^[ \t]*(?:WATCH|VIDEO|LISTEN|RELATED|READ MORE|READ|MORE)\s*:[^\n]{0,150}?(?:[.!?](?=\s|$)|$))"
    r"|(?i:\bstory continues below\b|\bcontinue reading the main story\b|\bplay video\b)"
    r"|(?m:^[ \t]*(?i:advertisement|embed|share this (?:article|story|page)?)[ \t]*$)"
    r"|(?i:\bclick here (?:to|for) [^.\n]{0,120}[.!]?)"
    r"|(?i:\bsign up (?:for|to) (?:our|the) [^.\n]{0,60}newsletters?\b[^.\n\u2014]{0,80}[.!]?)"
)
# Social and author chrome: "Follow John Nolte on Twitter @NolteNC.", "Follow @handle",
# "Like the page:", "Like us on Facebook", "This story has been updated to ...", "This article
# originally appeared on ...".
_SOCIAL = re.compile(
    r"(?i:\bfollow (?:[A-Z][\w.'-]*\s){0,3}(?:on (?:twitter|facebook|instagram)\s*)?@\w+\.?)"
    r"|(?i:\bfollow (?:us|me|him|her) on (?:twitter|facebook|instagram)\b[^.\n]{0,40}\.?)"
    r"|(?i:\blike (?:the|our|this) page\s*:?|\blike us on facebook\b[^.\n]{0,40}\.?)"
    r"|(?i:\bthis (?:story|article|post|report) (?:has been|was) updated\b[^.\n]{0,200}\.?)"
    r"|(?i:\bthis (?:story|article|post) (?:was )?(?:originally|first) (?:appeared|published)"
    r"\b[^.\n]{0,120}\.?)"
)
# A credit sentence among the last lines: "Costa reported from Washington.", "Jane Doe
# contributed reporting.", "The Associated Press contributed to this report.", "John Doe is a
# staff writer for the Daily Planet."
_TAIL_CREDIT = re.compile(
    r"(?:^|(?<=[.!?\"\u201d]\s)|(?<=\n))[A-Z][\w.'\u2019-]*(?:,? (?:and |& )?[A-Z][\w.'\u2019-]*){0,6}"
    r" (?:(?:also )?contributed(?: reporting| to this (?:report|story|article))+(?: from [^\n]{1,60}?)?"
    r"|reported (?:from|in) [A-Z][^\n]{1,60}?"
    r"|(?:is|are) an? (?:[\w-]+ ){0,3}(?:reporter|correspondent|writer|editor|producer|contributor)s?"
    r" (?:for|at|with) [^\n]{1,80}?)\.(?=\s*$|\s+[A-Z\"\u201c])",
)
# A layout label on its own line: "ABSTRACT.", "LETTERS.", "FULL TEXT:" (one or two words in
# capitals; a headline is longer, and the first line is never cut).
_LABEL = re.compile(r"(?m)(?<=\n)[ \t]*[A-Z][A-Z&']{2,}(?: [A-Z][A-Z&']{2,})?[ \t]*[.:]?[ \t]*$")
# A dateline after a place in capitals and a region or state ("NASHUA, N.H. -", "RENO, Nev. (AP)
# --", "NEW YORK, Nov. 19 (UPI) --", "CAMBRIDGE, Mass., Dec. 11 (UPI) --"): the bracketed
# credit, whoever it names, goes with the dash.
_REGION_DATELINE = re.compile(
    rf"(?:(?<=^)|(?<=[.!?\n]\s)|(?<=\n))[A-Z]{{3,}}(?:[ -][A-Z]{{2,}})*"
    rf"(?:,\s*(?:[A-Z][A-Za-z]{{0,12}}\.?(?:\s?[A-Z][A-Za-z]{{0,12}}\.?)?))?"
    rf"(?:,?\s*{_DATE})?\s*(?:\([A-Z][\w&.' -]{{1,30}}\)\s*)?(?<=[\s)])[-\u2013\u2014]+(?=\s)\s*"
)


def _sub(
    pattern: re.Pattern[str], repl: Any, text: str, counts: Counter[str] | None, kind: str,
    count: int = 0,
) -> str:
    """``pattern.sub`` that adds the number of cuts to ``counts[kind]``."""
    if counts is None:
        return pattern.sub(repl, text, count=count)
    if callable(repl):
        cut = 0

        def counted(m: re.Match[str]) -> str:
            nonlocal cut
            out = repl(m)
            cut += out != m.group(0)
            return out

        new = pattern.sub(counted, text, count=count)
    else:
        new, cut = pattern.subn(repl, text, count=count)
    if cut:
        counts[kind] += cut
    return new


def strip_boilerplate(
    text: str, names: tuple[str, ...] | None = None, counts: Counter[str] | None = None
) -> str:
    """Remove timestamps, datelines, bylines, credits, captions, page chrome and outlet names.

    ``names`` (from :func:`outlet_names`) are the outlet names to remove; default all known.
    With ``counts``, each cut adds one to ``counts[kind]`` (kinds: ``EXCLUSION_KINDS``).
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
        t = _sub(_LEAD_FURNITURE, "", t, counts, "media", count=1)
        t = _sub(_LEAD_STAMP, "", t, counts, "timestamp", count=1)
        m = _LEAD_BYLINE.match(t)
        if m:
            authors.append(m.group(1).strip())
            t = t[m.end() :]
            if counts is not None:
                counts["byline"] += 1
        if t == before:
            break
    for author in authors:  # the byline's names repeated in a sign-off are the byline too
        t = t.replace(author, " ")
    # Captions, embedded media and social chrome (before the page labels: "MUST WATCH").
    t = _sub(_CAPTION, " ", t, counts, "caption")
    t = _sub(_MEDIA, " ", t, counts, "media")
    t = _sub(_SOCIAL, " ", t, counts, "social")
    # Datelines open a story (after the headline), so only the opening is searched.
    head, rest = t[:_HEAD], t[_HEAD:]
    head = _sub(_HEAD_STAMP, " ", head, counts, "timestamp")
    head = _sub(pat.dateline, " ", head, counts, "dateline")
    head = _sub(pat.caps_dateline, " ", head, counts, "dateline")
    head = _sub(_REGION_DATELINE, " ", head, counts, "dateline")
    head = _sub(_BARE_DATELINE, _bare_dateline, head, counts, "dateline")
    t = head + rest
    t = _sub(_URL, " ", t, counts, "link")
    t = _sub(_CREDIT_LINES, " ", t, counts, "credit")
    t = _sub(pat.credit, " ", t, counts, "credit")
    t = _sub(pat.credit_by, "", t, counts, "credit")
    t = _sub(_LABEL, " ", t, counts, "label")
    related = _RELATED.search(t, len(t) // 4)
    if related:
        t = t[: related.start()]
        if counts is not None:
            counts["related"] += 1
    # The end-anchored rules only ever match near the end; running them on the whole text
    # costs quadratic backtracking for nothing, so they see the last _TAIL characters.
    cut = max(0, len(t) - _TAIL)
    body, tail = t[:cut], t[cut:]
    tail = _sub(_TAIL_CREDIT, " ", tail, counts, "credit")
    for _ in range(3):
        before = tail
        tail = _sub(_TRAIL_FURNITURE, "", tail, counts, "media")
        tail = _sub(pat.wire_tail, "", tail, counts, "credit")
        tail = _sub(_TRAIL_SOURCE, "", tail, counts, "credit")
        tail = _sub(_TRAIL_STAMP, "", tail, counts, "timestamp")
        tail = _sub(_TRAIL_SIGNOFF, "", tail, counts, "signoff")
        tail = tail.rstrip()
        if tail == before:
            break
    t = body + tail
    spans = outlet_spans(t, names)
    if counts is not None and spans:
        counts["outlet_name"] += len(spans)
    t = _cut(t, spans)
    return _SPACES.sub(" ", t).strip()


def __getattr__(name: str) -> Any:
    # ``BoilerplateStripper`` and ``strip_corpus`` moved to furniture.py; saved models name the
    # stripper as framing.compare.leakage.BoilerplateStripper, and older code imports both here.
    if name in ("BoilerplateStripper", "strip_corpus"):
        from framing.compare import furniture

        return getattr(furniture, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
