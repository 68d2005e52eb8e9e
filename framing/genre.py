"""The genre of an article: news report, opinion, wire copy or live blog, and the cue that says so.

Genre stands in for lean when outlets are compared: wire copy is short and plainly sourced,
columns speak in the first person, live blogs are strings of timestamped posts. An outlet whose
pages are mostly wire copy reads as "center" and one that runs columns as partisan whatever
their framing. The comparison therefore carries the genre as a column and can control for it
(``framing.compare``); this module only decides it, from cues any news page carries, in this
order (the first that fires wins):

1. **live blog**: a "live updates" / "live blog" / "as it happened" label near the top, or
   at least ``LIVE_MIN_STAMPS`` paragraphs (and a fifth of them) that open with a clock time;
2. **opinion** (labelled): an "Opinion:" / "Op-Ed" / "Editorial" / "Commentary" / "Column" tag
   near the top, or a disclaimer or author note ("The views expressed ... are the author's",
   "... is a columnist for ...");
3. **wire copy**: an agency dateline or closing credit (``framing.io.provenance``), a wire
   production credit ("Reporting by ...; Editing by ..."), a wire copyright line, or a
   provenance ``origin`` that is a news agency;
4. **opinion** (voice): the narrator (outside quotation marks) says "I", "me" or "my" at least
   ``FIRST_PERSON_MIN`` times and ``FIRST_PERSON_PER_1K`` times per 1,000 narrator words:
   reporters quote people in the first person, columnists write in it;
5. otherwise **news report**.

Rules, not a trained model: there is no genre-labelled corpus here to train on, and a rule's cue
can be shown beside the label (``Genre.cue``) so a researcher can check it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import pandas as pd

from framing.text import Document

NEWS, OPINION, WIRE, LIVE = "news report", "opinion", "wire copy", "live blog"
GENRES = (NEWS, OPINION, WIRE, LIVE)
#: how far into the page a label counts as the page's own (a headline and a standfirst)
HEAD_CHARS = 300
#: how far from the end an author note or wire copyright counts
TAIL_CHARS = 500
LIVE_MIN_STAMPS = 4
FIRST_PERSON_MIN = 5
FIRST_PERSON_PER_1K = 6.0

_LIVE_LABEL = re.compile(
    r"\blive(?:\s*[-:|]\s*|\s+)(?:updates?|blog|coverage|reporting)\b|\bas it happened\b"
    r"|\bfollow (?:our |all the )?live\b|(?-i:\bLIVE\b)\s*[:|\u2013\u2014-]",
    re.IGNORECASE,
)
# a paragraph that opens with a clock time: "10:32 a.m.", "2.15pm", "1:05 PM ET", "09:41 GMT"
_STAMP = re.compile(
    r"^\s*(?:updated?:?\s*)?(?:\d{1,2}[:.]\d{2}\s*(?:[ap]\.?\s?m\.?)?|\d{1,2}\s*[ap]\.?\s?m\.?)"
    r"(?:\s*(?:ET|EST|EDT|CT|PT|GMT|BST|CET|UTC|local(?: time)?))?\b",
    re.IGNORECASE,
)
_OPINION_TAG = re.compile(
    r"(?:^|\n)\s*(?:opinion|op-ed|editorial|commentary|column|viewpoint|perspective)\s*[:|\u2013\u2014-]"
    r"|(?-i:\bOPINION\b)",
    re.IGNORECASE,
)
_AUTHOR_NOTE = re.compile(
    r"\b(?:the )?(?:views|opinions) expressed (?:in this [a-z-]+ |here )?are (?:solely )?(?:those of |the )"
    r"|\bis an? (?:weekly |regular |contributing |guest |opinion |syndicated )*(?:columnist|op-ed writer)\b"
    r"|\bwrites a (?:weekly |regular )?column\b|\bthis (?:is an? )?(?:opinion|op-ed) (?:piece|column|article)\b",
    re.IGNORECASE,
)
_WIRE_CREDIT = re.compile(
    r"\((?:additional )?reporting by [^)]{2,200}(?:editing|writing) by [^)]{2,120}\)"
    r"|\breporting by [^.;\n]{2,80}; (?:additional reporting by [^.;\n]{2,80}; )?editing by\b"
    r"|\bcopyright (?:\d{4} )?(?:the )?(?:associated press|reuters|agence france-presse|afp)\b"
    r"|\b(?:the )?associated press\.? all rights reserved\b",
    re.IGNORECASE,
)
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|I'd|I'll|I\u2019m|I\u2019ve|I\u2019d|I\u2019ll|me|my|mine|myself)\b")
_QUOTED = re.compile(
    r"[\"\u201c\u201d\u2018]|''|``|(?:^|\n)\s*[A-Z][A-Z.' -]{0,30}:"
    r"|\b(?:said|says|say|told|tells|asked|asks|added|adds|recalled|wrote|writes|explained)\b"
)
_WORD = re.compile(r"[^\W_]+(?:['\u2019][^\W_]+)*")


@dataclass(frozen=True)
class Genre:
    """A genre and the cue that decided it (shown beside the label, so it can be checked)."""

    label: str
    cue: str


@lru_cache(maxsize=1)
def _agencies() -> frozenset[str]:
    from framing.io.outlets import OutletRegistry

    reg = OutletRegistry.default()
    names = {"reuters", "afp", "ap", "associated press", "agence france-presse", "dpa", "xinhua"}
    for o in reg.agencies():
        names.update(n.lower() for n in (o.name, *o.aliases))
    return frozenset(names)


def _live(text: str, head: str) -> str | None:
    m = _LIVE_LABEL.search(head)
    if m:
        return f"label {m.group(0).strip()!r}"
    paras = [p for p in re.split(r"\n\s*\n|\n", text) if p.strip()]
    stamped = sum(1 for p in paras if _STAMP.match(p))
    if stamped >= LIVE_MIN_STAMPS and stamped >= 0.2 * len(paras):
        return f"{stamped} of {len(paras)} paragraphs open with a time"
    return None


def _labelled_opinion(head: str, tail: str) -> str | None:
    m = _OPINION_TAG.search(head)
    if m:
        return f"label {m.group(0).strip(' :|-')!r}"
    m = _AUTHOR_NOTE.search(head) or _AUTHOR_NOTE.search(tail)
    return f"author note {m.group(0).strip()!r}" if m else None


def _wire(text: str, origin: str | None) -> str | None:
    from framing.io.provenance import find_wire_credit

    # the dateline opens the body, which may follow a headline line
    for part in (text, *re.split(r"\n+", text.lstrip(), maxsplit=1)[1:]):
        agency, _, _ = find_wire_credit(part.lstrip())
        if agency:
            return f"wire credit ({agency})"
    m = _WIRE_CREDIT.search(text)
    if m:
        return f"wire credit {m.group(0)[:40]!r}"
    if origin and str(origin).strip().lower() in _agencies():
        return f"origin {origin}"
    return None


def _narrator_first_person(text: str) -> tuple[int, int]:
    """(first-person words, words) in the narrator's sentences.

    A sentence is the narrator's when it has no quotation mark of any style (straight, curly,
    or the doubled apostrophes some archives use), no speech verb, no speaker label
    ("CARSON: I think ...", "A: ...") and lies in no quotation ``Document.quotes`` finds:
    quotation finding alone misses unmarked and oddly marked quotes, and a reporter's quoted
    "I" must not make a news report a column.
    """
    doc = Document(text)
    quotes = [(q.start, q.end) for q in doc.quotes]  # a quote may run over many sentences
    first = words = 0
    for s in doc.sentences:
        sent = text[s.start : s.end]
        words += len(_WORD.findall(sent))
        if _QUOTED.search(sent) or any(a < s.end and s.start < b for a, b in quotes):
            continue
        first += len(_FIRST_PERSON.findall(sent))
    return first, words


def genre_of(text: str, title: str | None = None, origin: str | None = None) -> Genre:
    """The genre of one article (``text`` as loaded, before boilerplate is stripped: the
    datelines and credits that stripping removes are cues here)."""
    text = text or ""
    head = ((title or "") + "\n" + text[:HEAD_CHARS]).strip()
    tail = text[-TAIL_CHARS:]
    cue = _live(text, head)
    if cue:
        return Genre(LIVE, cue)
    cue = _labelled_opinion(head, tail)
    if cue:
        return Genre(OPINION, cue)
    cue = _wire(text, origin)
    if cue:
        return Genre(WIRE, cue)
    first, words = _narrator_first_person(text)
    if first >= FIRST_PERSON_MIN and words and 1000.0 * first / words >= FIRST_PERSON_PER_1K:
        return Genre(OPINION, f"narrator in the first person ({first} in {words} words)")
    return Genre(NEWS, "no live, opinion or wire cue")


def _column(df: pd.DataFrame, name: str) -> Iterable[str | None]:
    if name not in df.columns:
        return [None] * len(df)
    return [None if pd.isna(v) else str(v) for v in df[name]]


def genre_table(corpus: pd.DataFrame) -> pd.DataFrame:
    """``genre`` and ``genre_cue`` for each article of a corpus (columns ``text``, and
    ``title``/``origin`` where present), in the corpus's row order."""
    rows = [
        genre_of("" if pd.isna(t) else str(t), title, origin)
        for t, title, origin in zip(
            corpus["text"], _column(corpus, "title"), _column(corpus, "origin"), strict=True
        )
    ]
    return pd.DataFrame(
        {"genre": [g.label for g in rows], "genre_cue": [g.cue for g in rows]}, index=corpus.index
    )
