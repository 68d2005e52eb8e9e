"""Paragraph and sentence segmentation with character offsets, tuned for news text.

Hand-written rather than pySBD, for speed: measured on FA-KES (``python
benchmarks/bench_sourcing.py --pysbd``, figures in docs/attribution.md) pySBD segments
about 30-50 articles/s, far below the 1,000 articles/s budget for segmentation +
attribution + claims together; this module segments several thousand. On the hard cases in that
benchmark both are about equally accurate. One regex finds candidate boundaries; a short
decision (abbreviation list, initials, lower-case continuation) accepts or rejects each.

Also decided here: the *kind* of each sentence, so that headlines, section headings, photo
captions and credit lines ("The Associated Press contributed to this report.", "Follow him
on Twitter") are kept apart from body sentences (claim status ignores them).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

_BLANK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_LINE = re.compile(r"[^\n]+")

# a candidate boundary: terminal punctuation, closing quotes/brackets, then whitespace
_CAND = re.compile(r"[.!?\u2026]+[\"'\u201d\u2019)\]]*(?=\s)")
#: with str.isalnum() (which is \w without "_"): the characters of the word before a period
_TOKEN_CHARS = "_.-'\u2019"
#: a run of word characters and _TOKEN_CHARS (``\w`` is str.isalnum() plus "_")
_WORD_RUN = re.compile(r"[\w.\-'\u2019]*")
_DOTTED = re.compile(r"(?:[a-z]\.)+[a-z]")  # "u.s", "d.c": a dotted acronym before its last period
_WORD = re.compile(r"[\w']+")

# Abbreviations after which a period never ends a sentence (titles, months, "No.").
_ABBR_NEVER = frozenset(
    """mr mrs ms dr prof gen lt col maj capt cpt sgt adm cmdr gov sen rep rev st ft mt
    jan feb aug sept sep oct nov dec vs v fig approx dept est
    pres sec brig maj.gen lt.gen lt.col""".split()
)
# Abbreviations that may end a sentence: split only if the next word starts sentences.
# US state abbreviations (AP style) are among them: "Flake (R-Ariz.) Thursday said" goes on,
# "... of Tampa, Fla. He said" ends.
_STATES = frozenset(
    """ala ariz ark calif colo conn del fla ga ill ind kan kans ky la md mass mich minn miss mo
    mont neb nev n.h n.j n.m n.y n.c n.d okla ore pa r.i s.c s.d tenn tex vt va wash wis wyo""".split()
)
_ABBR_MAYBE = frozenset("inc co corp ltd jr sr etc a.m p.m u.s u.n u.k e.u d.c".split()) | _STATES
# a party-and-state tag: "R-Ariz.", "D-N.Y.", "I-Vt."
_PARTY_STATE = re.compile(r"[rdi]-((?:[a-z]\.)*[a-z]+)")
_STARTERS = frozenset(
    """the a an he she it they we i in on at but and this that these those there his her
    its their however meanwhile also after before since while when according earlier later
    last on of for as if so yet some many most other another one two three several""".split()
)
_MONTH_DATE = re.compile(
    r"(?:January|February|March|April|May|June|July|August|September|October|November|"
    r"December|Jan|Feb|Aug|Sept|Sep|Oct|Nov|Dec)\.?\s+\d{1,2},?\s+\d{4}\.?\s*$"
)
# present-tense description verbs of wire photo captions ("Fighters stand on a road ...")
_CAPTION_VERB = re.compile(
    r"\b(?:stands?|sits?|walks?|gathers?|holds?|looks?|rides?|inspects?|poses?|carry|carries|"
    r"march(?:es)?|waves?|attends?|speaks?|reacts?|patrols?|drives?|smokes?|rests?|"
    r"(?:is|are) seen|takes? part|flashes|prays?|mourns?|cries|shouts?|chants?|arrives?)\b"
)
_CAPTION_LEAD = re.compile(
    r"^\(?(?:photo|file photo|picture|pictured|image|caption)\b|"
    r"\((?:photo|picture|image)\b|\b(?:AFP|AP|Reuters|REUTERS|Getty|EPA)(?: Images| Photo)?\s*/|"
    r"\bphoto(?:graph)?:|\bphoto credit",
    re.IGNORECASE,
)
# credit and contact lines at the foot of a story: who contributed, where to follow the writer
_CREDIT_PATTERN = (
    r"^\W*[A-Z][\w.'\u2019&-]*(?:\s+(?:of\s+)?[A-Z][\w.'\u2019&-]*)*(?:\s+and\s+[A-Z][\w.'\u2019&-]*)*"
    r"(?:\s+in\s+[A-Z][\w.-]*(?:\s+[A-Z][\w.-]*)*)?\s+contributed(?:\s+reporting)?(?:\s+to\s+this"
    r"\s+(?:report|story|article))?\W*$"
    r"|^\W*follow\s+(?:him|her|them|us|me|@\w+|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)\s+on\s+"
    r"(?:twitter|facebook|instagram|x)\b"
    r"|^\W*(?:additional\s+)?(?:reporting|writing|editing)\s+by\s+[A-Z]"
    r"|^\W*contact\s+(?:him|her|them|the\s+(?:writer|reporter|author)|[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*)"
    r"\s+at\s+\S+@"
)


@cache
def _credit() -> re.Pattern[str]:
    # compiled on first use (0.006 CPU-s): only a short sentence holding one of its words
    # is searched, and many articles have none
    return re.compile(_CREDIT_PATTERN, re.IGNORECASE)


_TERMINAL = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")


@dataclass(frozen=True, slots=True)
class Span:
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Sentence:
    start: int
    end: int
    paragraph: int
    kind: str = "body"  # body | headline | caption | heading | credit


def paragraphs(text: str) -> list[Span]:
    """Blank-line separated paragraphs; single-newline lines when the text has no blank line."""
    out: list[Span] = []
    if _BLANK.search(text):
        pos = 0
        for m in _BLANK.finditer(text):
            _add(out, text, pos, m.start())
            pos = m.end()
        _add(out, text, pos, len(text))
    else:
        for m in _LINE.finditer(text):
            _add(out, text, m.start(), m.end())
    return out


def _add(out: list[Span], text: str, start: int, end: int) -> None:
    chunk = text[start:end]
    stripped = chunk.strip()
    if not stripped:
        return
    lead = len(chunk) - len(chunk.lstrip())
    out.append(Span(start + lead, start + lead + len(stripped)))


def _is_boundary(text: str, pstart: int, punct_start: int, after: int, pend: int) -> bool:
    """Decide one candidate: ``text[punct_start:after]`` is the punctuation run."""
    k = after
    while k < pend and text[k].isspace():
        k += 1
    if k >= pend:
        return False
    nxt = text[k]
    if nxt.islower():
        return False  # '"...," he said', 'e.g. the', 'the said ... lower'
    if not (nxt.isupper() or nxt.isdigit() or nxt in "\"'\u201c\u2018([\u00ab-"):
        return False
    if text[punct_start] != ".":
        return True  # ! ? and ellipsis followed by a capital
    if text[punct_start:after].startswith("..") or text[punct_start] == "\u2026":
        return True
    # the word before the period: the run of word characters, dots, hyphens and apostrophes
    # ending there (at most 40 back). A backward loop rather than a regex search for
    # r"[\w.\-'\u2019]+$", which tried a match at each of the 40 positions: the same run
    lo = max(pstart, punct_start - 40)
    # most words are preceded by a space: try the span from the last space (or ``lo``) and
    # check it is all word characters with one regex call; else walk back char by char
    w0 = max(lo, text.rfind(" ", lo, punct_start) + 1)
    if not _WORD_RUN.fullmatch(text, w0, punct_start):
        w0 = punct_start
        while w0 > lo and (text[w0 - 1].isalnum() or text[w0 - 1] in _TOKEN_CHARS):
            w0 -= 1
    if w0 == punct_start:
        return True
    tok = text[w0:punct_start].lstrip("-'\u2019").lower()
    if not tok:
        return True
    if len(tok) == 1 and tok.isalpha() and text[w0].isupper():
        return False  # an initial: "George W. Bush"
    if tok in _ABBR_NEVER:
        return False
    if tok in ("no", "nos") and nxt.isdigit():
        return False  # "No. 5"
    party = _PARTY_STATE.fullmatch(tok)
    if party and party.group(1) in _STATES:
        tok = party.group(1)  # "(R-Ariz.)": the state abbreviation decides
    if tok in _ABBR_MAYBE or _DOTTED.fullmatch(tok):
        word = _WORD.match(text, k, k + 20)
        return bool(word) and word.group().lower() in _STARTERS
    return True


def _candidates(text: str, start: int, end: int) -> Iterator[re.Match[str]]:
    """``_CAND.finditer(text, start, end)``, tried only where a terminal mark is written:
    str.find jumps to each mark, where the regex scan tested every character (a third of the
    segmentation time on FA-KES). Lazy, so that finding the lead's sentences stops trying
    marks once it has them (a one-paragraph article has all its marks in one paragraph)."""
    marks = []
    for ch in ".!?\u2026":
        i = text.find(ch, start, end)
        while i >= 0:
            marks.append(i)
            i = text.find(ch, i + 1, end)
    marks.sort()
    last = start
    for i in marks:
        if i < last:
            continue  # inside the run of the match before ("...")
        m = _CAND.match(text, i, end)
        if m is not None:
            yield m
            last = m.end()


def _kind(text: str, start: int, end: int, n_in_para: int, before_body: bool, alone: bool) -> str:
    s = text[start:end]
    # cheap substring tests first: these regexes ran on every sentence and cost 15% of time
    low = s.lower()
    if ("photo" in low or "/" in s or "picture" in low or "image" in low or "caption" in low) \
            and _CAPTION_LEAD.search(s):
        return "caption"
    if len(s) < 160 and ("contributed" in low or "follow" in low or "ing by " in low
                         or "contact" in low) and _credit().search(s):
        return "credit"  # "The Associated Press contributed to this report."
    if n_in_para == 1 and s[-1] in ".0123456789" and _MONTH_DATE.search(s[-30:]) \
            and _CAPTION_VERB.search(s):
        return "caption"
    if alone or s[0].islower():
        return "body"  # a one-paragraph text, or a lower-case start, is not a title
    words = s.split()
    if n_in_para == 1 and not _TERMINAL.search(s) and len(words) <= 20:
        return "headline" if before_body else "heading"
    if n_in_para == 1 and s.isupper() and len(words) <= 20:
        return "headline" if before_body else "heading"
    return "body"


def sentences(text: str, paras: list[Span] | None = None, limit: int | None = None) -> list[Sentence]:
    """Sentences of every paragraph, each with its paragraph index and kind.

    With ``limit``, only the first ``limit`` sentences, found without scanning the rest of the
    text (the lead of a long article). They are the same as the first ``limit`` of the full
    list: a sentence's kind depends only on whether its paragraph has one sentence or more,
    so the scan of a paragraph stops only once it holds more than one.
    """
    out: list[Sentence] = []
    before_body = True
    paras = paras if paras is not None else paragraphs(text)
    alone = len(paras) == 1
    for pi, p in enumerate(paras):
        if limit is not None and len(out) >= limit:
            break
        need = None if limit is None else max(2, limit - len(out) + 1)
        bounds: list[tuple[int, int]] = []
        s0 = p.start
        for m in _candidates(text, p.start, p.end):
            if _is_boundary(text, p.start, m.start(), m.end(), p.end):
                bounds.append((s0, m.end()))
                s0 = m.end()
                while s0 < p.end and text[s0].isspace():
                    s0 += 1
                if need is not None and len(bounds) >= need:
                    s0 = p.end  # enough: the rest of the paragraph is not needed
                    break
        if s0 < p.end:
            bounds.append((s0, p.end))
        n = len(bounds)
        if n == 2 and _CAPTION_LEAD.search(text, bounds[1][0], bounds[1][1]):
            n = 1  # a caption followed by its photo credit ("... 2016. (AP Photo/Jane Doe)")
        for a, b in bounds:
            while b > a and text[b - 1].isspace():
                b -= 1
            if b <= a:
                continue
            kind = _kind(text, a, b, n, before_body, alone)
            if kind == "body":
                before_body = False
            out.append(Sentence(a, b, pi, kind))
    return out if limit is None else out[:limit]
