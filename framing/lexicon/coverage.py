"""Does the lexicon fit the corpus? Share of articles and sentences each pack touches, and
the frequent capitalised names and phrases that no entry covers.

A naming profile is only as good as the lexicon behind it: on a story the packs were not
written for (a local election, a new war) most articles touch no referent, and the names
that matter are missing. This says so before anyone reads a chart.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field

from framing.lexicon.load import Lexicon

#: a sentence for coverage: text up to . ! ? or a line break (approximate, and cheap enough to
#: run inside every report; `framing.text.segment` is exact but costs more than the matching)
_SENTENCE = re.compile(r"[^.!?\n]+[.!?]*")
#: a run of capitalised words, with the lower-case joiners of names ("Bank of England",
#: "Hayat Tahrir al-Sham", "bin Salman")
_NAME = re.compile(
    r"(?<![\w'\u2019])(?:[A-Z][\w'\u2019\-]*[\w])(?:\s+(?:(?:of|the|for|and|al|bin|de|del|van|von|la|le)\s+)?"
    r"(?:[A-Z][\w'\u2019\-]*[\w]))*"
)
#: capitalised words that are not names (sentence openers, titles, days, months)
_NOT_NAMES = frozenset(
    """the a an this that these those it its he she they we i you his her their our in on at of for
    to from by with as and but or if when while after before since because so yet also however but
    there here what who which where why how mr mrs ms dr sir said says monday tuesday wednesday
    thursday friday saturday sunday january february march april may june july august september
    october november december today yesterday tomorrow one two three last first new more most some
    many all no not according reuters ap afp photo file image video read watch click sen rep gov gen
    lt col sgt st jr president senator then now still even just only meanwhile instead thus although
    though once every each both neither other another such several any much later earlier""".split()
)


@dataclass
class PackCoverage:
    name: str
    articles: float  # share of articles with at least one match of the pack
    sentences: float  # share of sentences with at least one match of the pack
    matches: int


@dataclass
class Coverage:
    n_articles: int
    n_sentences: int
    any_articles: float
    any_sentences: float
    packs: list[PackCoverage] = field(default_factory=list)
    #: (phrase, articles it occurs in, occurrences), most widespread first
    uncovered: list[tuple[str, int, int]] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {
            "n_articles": self.n_articles,
            "n_sentences": self.n_sentences,
            "any_articles": self.any_articles,
            "any_sentences": self.any_sentences,
            "packs": [vars(p) for p in self.packs],
            "uncovered": [{"phrase": p, "articles": a, "occurrences": n} for p, a, n in self.uncovered],
        }


def _sentence_bounds(text: str) -> list[int]:
    return [m.end() for m in _SENTENCE.finditer(text)]


def _candidates(text: str) -> Iterable[tuple[int, int, str]]:
    for m in _NAME.finditer(text):
        phrase = m.group()
        words = phrase.split()
        while words and words[0].lower() in _NOT_NAMES:
            words = words[1:]
        if not words:
            continue
        if len(words) == 1:
            w = words[0]
            if len(w) < 3 or w.lower() in _NOT_NAMES:
                continue
            # a lone capitalised word that opens a sentence is not necessarily a name
            before = text[max(0, m.start() - 3) : m.start()]
            if not before.strip() or before.rstrip()[-1:] in ".!?\"\u201c:":
                if not w.isupper():
                    continue
        yield m.start(), m.end(), " ".join(words)


def lexicon_coverage(texts: Iterable[str], lexicon: Lexicon, top: int = 20, min_articles: int = 2) -> Coverage:
    """Coverage of ``texts`` by ``lexicon``'s packs (the graded layer counts as its own pack),
    and the ``top`` capitalised phrases in at least ``min_articles`` articles that no match
    overlaps."""
    matcher = lexicon.matcher()
    pack_articles: Counter[str] = Counter()
    pack_sentences: Counter[str] = Counter()
    pack_matches: Counter[str] = Counter()
    any_articles = any_sentences = n_articles = n_sentences = 0
    phrase_articles: Counter[str] = Counter()
    phrase_count: Counter[str] = Counter()
    for text in texts:
        text = text if isinstance(text, str) else ""
        n_articles += 1
        ends = _sentence_bounds(text)
        n_sentences += len(ends)
        hits = matcher.find(text)
        touched: dict[str, set[int]] = {}
        for h in hits:
            pack = h.entry.pack or "user"
            pack_matches[pack] += 1
            touched.setdefault(pack, set()).add(_index(ends, h.start))
        for pack, sents in touched.items():
            pack_articles[pack] += 1
            pack_sentences[pack] += len(sents)
        if hits:
            any_articles += 1
            any_sentences += len(set().union(*touched.values()))
        covered = [(h.start, h.end) for h in hits]
        seen: set[str] = set()
        for a, b, phrase in _candidates(text):
            if any(s < b and a < e for s, e in covered):
                continue
            phrase_count[phrase] += 1
            if phrase not in seen:
                seen.add(phrase)
                phrase_articles[phrase] += 1
    packs = [
        PackCoverage(
            name,
            pack_articles[name] / n_articles if n_articles else 0.0,
            pack_sentences[name] / n_sentences if n_sentences else 0.0,
            pack_matches[name],
        )
        for name in _pack_order(lexicon, pack_matches)
    ]
    ranked = sorted(
        (p for p, a in phrase_articles.items() if a >= min_articles),
        key=lambda p: (-phrase_articles[p], -phrase_count[p], p),
    )[:top]
    return Coverage(
        n_articles,
        n_sentences,
        any_articles / n_articles if n_articles else 0.0,
        any_sentences / n_sentences if n_sentences else 0.0,
        packs,
        [(p, phrase_articles[p], phrase_count[p]) for p in ranked],
    )


def _index(ends: list[int], pos: int) -> int:
    from bisect import bisect_right

    return bisect_right(ends, pos)


def _pack_order(lexicon: Lexicon, seen: Counter[str]) -> list[str]:
    names = list(dict.fromkeys([*lexicon.packs, *seen]))
    return names


def coverage_note(cov: Coverage, max_names: int = 8) -> str:
    """Two or three sentences for a report: how much of the corpus the lexicon touches, the
    packs that touch most, and the frequent names it misses."""
    if not cov.n_articles:
        return ""
    packs = sorted((p for p in cov.packs if p.matches), key=lambda p: -p.articles)
    parts = ", ".join(f"{p.name} {p.articles:.0%}" for p in packs[:6]) or "none"
    note = (
        f"Lexicon coverage: {cov.any_articles:.0%} of the {cov.n_articles:,} articles and "
        f"{cov.any_sentences:.0%} of their sentences contain a lexicon match (articles touched per "
        f"pack: {parts})."
    )
    if cov.uncovered:
        names = "; ".join(f"{p} ({a})" for p, a, _ in cov.uncovered[:max_names])
        note += (
            f" Frequent capitalised names no entry covers (articles): {names}. Where these are the "
            "story's actors, add entries for them (--lexicon) before reading the naming charts."
        )
    return note


__all__ = ["Coverage", "PackCoverage", "coverage_note", "lexicon_coverage"]
