"""How sure the family is that one match is a loaded use: a confidence per match, and the
threshold at which the family calls it loaded.

A lexicon hit is a form found in a text; whether that use is loaded depends on the entry and
on where the form stands. The confidence starts from the entry's weight (how loaded the word
is in its usual news use: entries whose loaded sense is rare in news carry a weight below
:data:`LOADED_THRESHOLD`, so they are matched and counted in naming shares but never as loaded)
and drops to 0 where the text shows the form is not the writer's word choice at all:

- *page furniture*: a line repeated verbatim further down the same article (a poll widget, a
  share prompt, a pull quote) is counted once, at its first copy;
- *a proper name*: a form the lexicon writes in lower case, capitalised in mid-sentence inside
  a run of capitalised words ("Everytown for Gun Safety", "the Great Depression", "Shahid
  Imran", "The Remnant"), names an organisation, an event or a person, not a charge. Headline
  lines set in title case are left alone: there every word is capitalised.

A third rule lowers the confidence without denying the use: *a name repeated as the article's
term of reference*. An outlet chooses a group's name once per article ("the regime", "illegal
aliens") and then repeats it as its plain way of referring to that group; the naming shares
count every mention, so the choice is measured there, but after the first
:data:`NAME_USES_LOADED` uses of the same name for the same referent a further use is not a
fresh loaded word choice. Its confidence drops to :data:`REPEATED_NAME_CONFIDENCE`, below the
threshold: still a mention, no longer a loaded term. General vocabulary ("brutal", "corrupt")
is a fresh choice every time and is not capped.

A fourth, opt-in (``LoadedTerms(alone_names=True)``; off by default because a lone "terrorists"
or "regime" is the naming a researcher of war coverage measures), lowers it the same way: *a
name alone*. A name for a group (a referent's naming
choice, or a label such as "terrorists" or "mainstream media") that no other loaded term
stands near (:data:`ALONE_NAME_CHARS` either side, about ten words) is the article's
designation of the group in a plain sentence ("a terrorist attack in Manchester", "illegal
immigrants crossed the border"): the naming shares measure that choice. The same name among
other charged words ("murderous terrorists", "the corrupt mainstream media") is name-calling,
and stays loaded. Its confidence drops to :data:`ALONE_NAME_CONFIDENCE`.

Each check reads a few characters around the hit (string slicing, no regexes on the whole
text) and runs only for the hits it could change.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a type hint only: a cache hit imports no pydantic
    from framing.lexicon.schema import Entry

#: a match is *loaded* when its confidence is at least this (documented in
#: docs/loaded-language.md). The graded layer's lightest words weigh 0.2; written entries whose
#: loaded sense is rare in news ("alleged", "gunman", "regime change") weigh less.
LOADED_THRESHOLD = 0.2

#: characters after which a capital letter starts a sentence, a quotation or a list item
_OPENERS = frozenset(".!?:;\"'\u201c\u201d\u2018\u2019([\u2014\u2013-*\u2022|>\n")
#: a capitalised "The" in mid-sentence starts a title ("The Remnant", "The Intercept")
_TITLE_WORDS = frozenset({"The"})
_CONNECTORS = frozenset({"of", "for"})
#: uses of one name of one referent per article that count as loaded; later ones are the
#: article's term of reference (module docstring). Read on PTC dev's tune part: the 4th and
#: later uses of one name had precision 0.06 (35 matches), the 2nd and 3rd 0.46 (28)
NAME_USES_LOADED = 3
#: the confidence of a name's later uses: below LOADED_THRESHOLD, like a word whose loaded
#: sense is rare in news
REPEATED_NAME_CONFIDENCE = 0.1
#: a loaded name of a group with no other loaded term within this many characters either
#: side is "alone" (module docstring). Read on PTC dev's tune part (54 articles), at 60
#: characters: names and labels alone had precision 0.22 (129 matches), beside another loaded
#: term 0.60 (84); the other words alone 0.58, so only names are lowered. 40 / 100 / 150
#: characters gave all-match precision 0.608 / 0.589 / 0.572 against 0.604 at 60 (recall 0.439
#: to 0.446): 60, about ten words or a clause, as the round figure
ALONE_NAME_CHARS = 60
#: the confidence of a name alone: below LOADED_THRESHOLD, as for a repeated name
ALONE_NAME_CONFIDENCE = 0.1
_LOWER_FORMS: dict[int, tuple[Entry, bool]] = {}


def written_lower(entry: Entry) -> bool:
    """Whether every form of ``entry`` starts with a lower-case letter (cached per entry)."""
    got = _LOWER_FORMS.get(id(entry))
    if got is None or got[0] is not entry:
        lower = all(f[:1].islower() for f in [*entry.forms, *entry.exact_forms])
        got = _LOWER_FORMS[id(entry)] = (entry, lower)
    return got[1]


def _capitalised(word: str) -> bool:
    """"Imran", "Heart", "Safety": a capital then a lower-case letter (not "DOJ", not "I")."""
    return len(word) > 1 and word[0].isupper() and word[1].islower()


def _starts_sentence(text: str, start: int) -> bool:
    before = text[max(0, start - 3) : start].rstrip(" \t")
    return not before or before[-1] in _OPENERS


def _line(text: str, start: int) -> str:
    a = text.rfind("\n", 0, start) + 1
    b = text.find("\n", start)
    return text[a : b if b >= 0 else len(text)]


def _title_case(line: str) -> bool:
    """A headline set in title case: nearly every word longer than three letters is capitalised
    (at 0.6 a sentence full of names, "column in The Remnant's Print/E-edition. Subscribe
    Today!", passed for a headline)."""
    words = [w for w in line.split() if len(w) > 3 and w[0].isalpha()]
    return len(words) >= 3 and sum(w[0].isupper() for w in words) >= 0.8 * len(words)


def _word_before(text: str, start: int) -> tuple[str, int]:
    """The word right before ``start`` when only one space separates them, and its start."""
    if start < 2 or text[start - 1] != " ":
        return "", -1
    i = start - 1
    j = i
    while j > 0 and (text[j - 1].isalpha() or text[j - 1] in "'\u2019-"):
        j -= 1
    return text[j:i], j


def _word_after(text: str, end: int) -> str:
    if end >= len(text) - 1 or text[end] != " ":
        return ""
    j = end + 1
    k = j
    while k < len(text) and text[k].isalpha():
        k += 1
    return text[j:k]


def _beside_a_name(text: str, start: int, end: int) -> bool:
    """Whether a capitalised word (or a title "The", or "X for/of") stands right beside the hit."""
    prev, prev_start = _word_before(text, start)
    if prev in _TITLE_WORDS and not _starts_sentence(text, prev_start):
        return True
    if _capitalised(prev) and not _starts_sentence(text, prev_start):
        return True
    if prev in _CONNECTORS:  # "Everytown for Gun Safety", "Museum of Tolerance"
        before, b_start = _word_before(text, prev_start)
        if _capitalised(before) and not _starts_sentence(text, b_start):
            return True
    return _capitalised(_word_after(text, end))


#: a line longer than this is a paragraph, never a headline (the title-case test is skipped)
_HEADLINE_CHARS = 300


def proper_name_collision(text: str, start: int, end: int, entry: Entry) -> bool:
    """Whether the hit ``text[start:end]`` is part of a proper name: see the module docstring.
    The cheap tests run first; the line's title case is read only for a hit beside a name."""
    if not text[start].isupper() or text[start:end].isupper() or not written_lower(entry):
        return False
    if _starts_sentence(text, start) or not _beside_a_name(text, start, end):
        return False
    line = _line(text, start)
    return len(line) > _HEADLINE_CHARS or not _title_case(line)


def repeated_line_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every line that repeats, word for word, a line earlier in the text
    (at least four words: a repeated dateline or "Advertisement" holds no loaded term anyway)."""
    if "\n" not in text:
        return []
    lines = text.split("\n")
    if len(set(lines)) == len(lines):
        return []
    seen: set[str] = set()
    out = []
    pos = 0
    for line in lines:
        key = " ".join(line.split())
        if key.count(" ") >= 3:
            if key in seen:
                out.append((pos, pos + len(line)))
            else:
                seen.add(key)
        pos += len(line) + 1
    return out


def repeated_name_confidence(entry: Entry, use: int) -> float:
    """The confidence of the ``use``-th use (1-based) in one article of a referent's name
    ``entry``: its weight for the first :data:`NAME_USES_LOADED` uses, then
    :data:`REPEATED_NAME_CONFIDENCE` (never above the weight)."""
    if use <= NAME_USES_LOADED or not entry.referent:
        return entry.weight
    return min(entry.weight, REPEATED_NAME_CONFIDENCE)


def alone_names(spans: Sequence[tuple[int, int]], names: Sequence[int]) -> list[int]:
    """Of ``names`` (indices into ``spans``, the (start, end) of every loaded use in text
    order), those with no other loaded use within :data:`ALONE_NAME_CHARS` of either end."""
    out = []
    last = len(spans) - 1
    for i in names:
        start, end = spans[i]
        if i > 0 and start - spans[i - 1][1] <= ALONE_NAME_CHARS:
            continue
        if i < last and spans[i + 1][0] - end <= ALONE_NAME_CHARS:
            continue
        out.append(i)
    return out


def _inside(spans: Sequence[tuple[int, int]], start: int) -> bool:
    return any(a <= start < b for a, b in spans)


#: why a hit is not a use of the entry at all (then it counts nowhere, naming shares included)
REPEATED_LINE = "repeated line"
PROPER_NAME = "proper name"


def not_a_use(text: str, start: int, end: int, entry: Entry, repeats: Sequence[tuple[int, int]] = ()) -> str | None:
    """Why the hit ``text[start:end]`` is not the writer's use of the entry (``None`` when it
    is); ``repeats`` from :func:`repeated_line_spans` of the same text."""
    if repeats and _inside(repeats, start):
        return REPEATED_LINE
    if proper_name_collision(text, start, end, entry):
        return PROPER_NAME
    return None


def confidence(entry: Entry, reason: str | None = None) -> float:
    """The confidence (0..1) that a hit is a loaded use: 0 when it is not a use
    (:func:`not_a_use`), else the entry's weight."""
    return 0.0 if reason is not None else entry.weight


def is_loaded(entry: Entry, conf: float, threshold: float = LOADED_THRESHOLD) -> bool:
    """The family's decision: a non-neutral entry whose hit reaches the threshold."""
    return entry.category != "neutral" and conf >= threshold


__all__ = [
    "ALONE_NAME_CHARS",
    "ALONE_NAME_CONFIDENCE",
    "LOADED_THRESHOLD",
    "NAME_USES_LOADED",
    "REPEATED_NAME_CONFIDENCE",
    "PROPER_NAME",
    "REPEATED_LINE",
    "alone_names",
    "confidence",
    "is_loaded",
    "not_a_use",
    "proper_name_collision",
    "repeated_name_confidence",
    "repeated_line_spans",
]
