"""What each version of a story says that the others leave out.

The articles of one story are split into sentences (the project's segmenter,
:class:`framing.text.Document`) and aligned: two sentences of different articles are
matched when each is the other's most similar sentence in that article (TF-IDF cosine,
scikit-learn, fitted on the story's own sentences) and the cosine reaches ``threshold``;
matched sentences chained across articles form one row of the side-by-side view.

Then, per sentence, the facts in it: **numbers** (casualty counts, ages, distances; dates
are not facts here, outlets write them differently) and **names** (runs of capitalised
words: actors, places, organisations). A fact is *unique* to an outlet when no article of
any other outlet in the story contains it (a name counts as present when its last
significant word occurs: 'Ghanmi' stands for 'Lieutenant General Othman al-Ghanmi'). A sentence is
unique when nothing in another outlet's articles resembles it.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components
from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS, TfidfVectorizer

from framing.text import Document

#: mutual-best sentence pairs at least this similar are aligned (one row)
ALIGN_THRESHOLD = 0.3
#: a sentence no other outlet's sentence reaches this cosine with is unique
UNIQUE_THRESHOLD = 0.2

_MONTHS = ("january february march april may june july august september october november december "
           "jan feb mar apr jun jul aug sep sept oct nov dec").split()
_MONTH = r"(?:" + "|".join(_MONTHS) + r")\.?"
#: dates and times, whose numbers are not facts: '6 September 2016', 'June 15, 2017',
#: '15.06.2017', '2016-09-06', '22:33'
_DATE = re.compile(
    rf"\b(?:\d{{1,2}}\s+{_MONTH}(?:\s+\d{{4}})?|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?(?:,?\s+\d{{4}})?"
    rf"|{_MONTH}\s+\d{{4}}|\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}:\d{{2}})\b",
    re.IGNORECASE,
)
_NUMBER = re.compile(r"(?<![\w.])\d{1,3}(?:,\d{3})+(?![\w])|(?<![\w.])\d+(?:\.\d+)?(?![\w])")
#: number words as digits, so 'Thirteen civilians' and '13 civilians' are the same fact
#: ('one', 'two' are left out: 'the two sides', 'one field' are not counts)
_NUMBER_WORDS = {w: str(i) for i, w in enumerate(
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "
    "sixteen seventeen eighteen nineteen twenty".split())}
_NUMBER_WORDS.update({"thirty": "30", "forty": "40", "fifty": "50", "sixty": "60", "seventy": "70",
                      "eighty": "80", "ninety": "90", "hundred": "100"})
_NUMBER_WORD = re.compile(r"\b(" + "|".join(_NUMBER_WORDS) + r")\b", re.IGNORECASE)
#: a run of capitalised words, with the lower-case joiners names carry
_NAME = re.compile(r"\b[A-Z][\w'-]*(?:\s+(?:(?:al|el|bin|ibn|de|of|the|and)[- ]\s*)?[A-Z][\w'-]*)*")
_STOP = frozenset(ENGLISH_STOP_WORDS) | frozenset(_MONTHS) | {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"}


@dataclass(frozen=True)
class Fact:
    """A number or a name in a sentence; ``start``/``end`` index the sentence text."""

    kind: str  # number | name
    value: str  # normalised: digits, or lower-case name
    text: str
    start: int
    end: int


@dataclass
class Version:
    """One article of the story: its sentences and the facts in each."""

    article_id: str
    outlet: str
    sentences: list[str]
    facts: list[list[Fact]]


@dataclass
class UniqueFact:
    """What one outlet's version says that the other outlets' versions leave out."""

    article_id: str
    outlet: str
    sentence_index: int
    sentence: str
    kind: str  # sentence | number | name
    value: str
    start: int = 0
    end: int = 0


@dataclass
class StoryAlignment:
    """Articles as columns, aligned sentences as rows (sentence index per column, or None)."""

    versions: list[Version]
    rows: list[list[int | None]]
    unique: list[UniqueFact] = field(default_factory=list)

    def unique_by_sentence(self) -> dict[tuple[int, int], list[UniqueFact]]:
        """(version index, sentence index) -> its unique facts (for highlighting)."""
        pos = {v.article_id: k for k, v in enumerate(self.versions)}
        out: dict[tuple[int, int], list[UniqueFact]] = {}
        for u in self.unique:
            out.setdefault((pos[u.article_id], u.sentence_index), []).append(u)
        return out


def sentence_texts(text: str) -> list[str]:
    """The body sentences of a text (headlines, captions and headings are not compared)."""
    doc = Document(text)
    return [text[s.start:s.end].strip() for s in doc.sentences if s.kind == "body" and text[s.start:s.end].strip()]


def facts_in(sentence: str) -> list[Fact]:
    """Numbers (outside dates) and names in one sentence."""
    masked = _DATE.sub(lambda m: " " * len(m.group()), sentence)
    out = [Fact("number", m.group().replace(",", ""), m.group(), m.start(), m.end())
           for m in _NUMBER.finditer(masked)]
    out += [Fact("number", _NUMBER_WORDS[m.group().lower()], m.group(), m.start(), m.end())
            for m in _NUMBER_WORD.finditer(masked) if int(_NUMBER_WORDS[m.group().lower()]) > 2]
    for m in _NAME.finditer(sentence):
        words = m.group().split()
        while words and words[0].lower() in _STOP:  # 'The', 'On Tuesday', 'In February'
            words = words[1:]
        if not words or all(w.lower() in _STOP for w in words):
            continue
        if m.start() == 0 and len(words) == 1 and sentence[m.start():m.end()] == words[0]:
            continue  # a lone sentence-initial capital is any word, not a name
        value = " ".join(w.lower() for w in words)
        start = m.start() + m.group().find(words[0])
        out.append(Fact("name", value, sentence[start:m.end()], start, m.end()))
    return sorted(out, key=lambda f: f.start)


def _words(text: str) -> set[str]:
    """Lower-case words without a possessive ('Iraq's' is 'iraq')."""
    return {re.sub(r"'s$", "", w) for w in re.findall(r"[^\W_]+(?:'s)?", text.lower())}


def _head(value: str) -> str | None:
    """A name's last significant word ('Lieutenant General Othman al-Ghanmi' -> 'ghanmi'):
    another version that writes only 'Ghanmi' has the name; one that shares only 'General'
    does not."""
    words = [w for w in re.findall(r"[^\W_]+", re.sub(r"'s\b", "", value.lower()))
             if w not in _STOP and len(w) > 2 and w not in ("al", "el")]
    return words[-1] if words else None


def _mutual_best(S: np.ndarray, threshold: float) -> list[tuple[int, int]]:
    if S.size == 0:
        return []
    rows, cols = S.argmax(axis=1), S.argmax(axis=0)
    return [(i, int(j)) for i, j in enumerate(rows) if cols[j] == i and S[i, j] >= threshold]


def align_story(
    articles: Sequence[tuple[str, str, str]], threshold: float = ALIGN_THRESHOLD,
    unique_threshold: float = UNIQUE_THRESHOLD,
) -> StoryAlignment:
    """Align the articles ``(article id, outlet, text)`` of one story and find unique facts."""
    versions = []
    for aid, outlet, text in articles:
        sents = sentence_texts(text or "")
        versions.append(Version(str(aid), str(outlet), sents, [facts_in(s) for s in sents]))
    flat = [(k, i) for k, v in enumerate(versions) for i in range(len(v.sentences))]
    if not flat:
        return StoryAlignment(versions, [])
    offsets = np.cumsum([0] + [len(v.sentences) for v in versions])
    texts = [versions[k].sentences[i] for k, i in flat]
    try:
        X = TfidfVectorizer(stop_words="english", sublinear_tf=True).fit_transform(texts)
        S = (X @ X.T).toarray()
    except ValueError:  # only stop words: nothing to align on
        S = np.zeros((len(texts), len(texts)))
    # align: mutual best matches between every two articles, chained into rows
    links: list[tuple[int, int]] = []
    for a in range(len(versions)):
        for b in range(a + 1, len(versions)):
            block = S[offsets[a]:offsets[a + 1], offsets[b]:offsets[b + 1]]
            links += [(offsets[a] + i, offsets[b] + j) for i, j in _mutual_best(block, threshold)]
    n = len(flat)
    if links:
        u, v = np.array(links).T
        comp = connected_components(coo_matrix((np.ones(len(u)), (u, v)), shape=(n, n)), directed=False)[1]
    else:
        comp = np.arange(n)
    groups: dict[int, list[int | None]] = {}
    order: dict[int, list[float]] = {}
    for g, (k, i) in zip(comp, flat, strict=True):
        row = groups.setdefault(int(g), [None] * len(versions))
        if row[k] is None:  # a chain can bring two sentences of one article: keep the first
            row[k] = i
        order.setdefault(int(g), []).append(i / max(1, len(versions[k].sentences)))
    rows = [groups[g] for g in sorted(groups, key=lambda g: (np.mean(order[g]), g))]
    return StoryAlignment(versions, rows, _unique(versions, S, offsets, unique_threshold))


def _unique(versions: list[Version], S: np.ndarray, offsets: np.ndarray, threshold: float) -> list[UniqueFact]:
    outlets = {v.outlet for v in versions}
    if len(outlets) < 2:
        return []
    numbers: dict[str, set[str]] = {o: set() for o in outlets}
    words: dict[str, set[str]] = {o: set() for o in outlets}
    for v in versions:
        for fs in v.facts:
            numbers[v.outlet].update(f.value for f in fs if f.kind == "number")
        for s in v.sentences:
            words[v.outlet].update(_words(s))
    out: list[UniqueFact] = []
    for k, v in enumerate(versions):
        others = [j for j, w in enumerate(versions) if w.outlet != v.outlet]
        other_cols = np.concatenate([np.arange(offsets[j], offsets[j + 1]) for j in others])
        other_numbers = set().union(*(numbers[o] for o in outlets if o != v.outlet))
        other_words = set().union(*(words[o] for o in outlets if o != v.outlet))
        for i, sent in enumerate(v.sentences):
            best = S[offsets[k] + i, other_cols].max() if len(other_cols) else 0.0
            if best < threshold:
                out.append(UniqueFact(v.article_id, v.outlet, i, sent, "sentence", sent, 0, len(sent)))
            seen: set[tuple[str, str]] = set()
            for f in v.facts[i]:
                if (f.kind, f.value) in seen:
                    continue
                seen.add((f.kind, f.value))
                head = _head(f.value)
                missing = (f.value not in other_numbers if f.kind == "number"
                           else head is not None and head not in other_words)
                if missing:
                    out.append(UniqueFact(v.article_id, v.outlet, i, sent, f.kind, f.text, f.start, f.end))
    return out


def unique_table(alignment: StoryAlignment) -> list[dict[str, Any]]:
    """The unique facts as rows (for CSV / the report), sentences as evidence."""
    return [u.__dict__.copy() for u in alignment.unique]
