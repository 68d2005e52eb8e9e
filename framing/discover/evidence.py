"""Pass two: what the shortlisted terms look like in the articles.

The counting pass reads the text as loaded, because stripping every page with
:func:`framing.compare.leakage.strip_boilerplate` costs ten times as much as counting. This
pass goes over the corpus again for a few hundred shortlisted terms only, and finds:

- **document frequency** per group (exact: every article is read), so a term one long article
  repeats is told from one an outlet uses across its coverage, and a bottom-k sketch of the
  articles each term occurs in, so that pieces of one repeated sentence can be told apart from
  terms that merely share a word (:meth:`Evidence.jaccard`);
- **survival**: the share of a term's uses left once datelines, bylines, credits, site chrome
  and outlet names are stripped (``strip_boilerplate`` and a ``BoilerplateStripper`` fitted on
  the stripped pages, as ``framing compare`` does). It is measured on the first ``samples``
  articles that contain the term in each group it was shortlisted for, so only those pages are
  stripped (elsewhere its uses are taken as story, which can only lower its score); a dateline
  ("DAMASCUS (SANA) -") or a sign-off keeps nothing, a story word keeps all;
- two **keyword-in-context** lines per term and group, and the **spellings** it is written
  with, from the stripped pages;
- **contexts**: the words at each of the ``window`` positions on either side of every use
  of the target terms, for the naming-variant vectors (:mod:`framing.discover.variants`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse

from framing.compare.leakage import BoilerplateStripper, strip_boilerplate
from framing.discover.counts import joined
from framing.discover.tokens import Grams, Vocabulary, grams, grams_of_ids

#: stripped pages are fitted for recurring site chrome in batches of this many
BATCH = 400
#: characters of context on each side of a keyword-in-context line
KWIC_WIDTH = 70
#: size of each term's bottom-k sketch of the articles it occurs in (for Jaccard estimates)
SKETCH = 64
_EMPTY = np.iinfo(np.uint64).max
_GOLDEN = np.uint64(0x9E3779B97F4A7C15)


@dataclass
class Kwic:
    """One keyword-in-context line: the text before, the match as written, the text after."""

    left: str
    match: str
    right: str

    def line(self) -> str:
        return f"\u2026{self.left}\u00ab{self.match}\u00bb{self.right}\u2026"


def kwic(text: str, start: int, end: int, width: int = KWIC_WIDTH) -> Kwic:
    """The line around ``text[start:end]``, cut at whole words and on one line."""
    left = text[max(0, start - width) : start]
    right = text[end : end + width]
    if start > width and " " in left:
        left = left.split(" ", 1)[1]
    if len(text) > end + width and " " in right:
        right = right.rsplit(" ", 1)[0]
    return Kwic(" ".join(left.split()) + (" " if left[-1:].isspace() else ""), " ".join(text[start:end].split()),
                (" " if right[:1].isspace() else "") + " ".join(right.split()))


def member(values: np.ndarray, sorted_ref: np.ndarray) -> np.ndarray:
    """``np.isin`` for a sorted reference array, by binary search (no hashing of ``values``)."""
    if not len(sorted_ref):
        return np.zeros(len(values), dtype=bool)
    pos = np.minimum(np.searchsorted(sorted_ref, values), len(sorted_ref) - 1)
    return sorted_ref[pos] == values


def _inside_longer(starts: np.ndarray, orders: np.ndarray) -> np.ndarray:
    """Which occurrences lie inside a longer one of the same list."""
    keys = np.sort(starts * 4 + orders)
    inside = np.zeros(len(starts), dtype=bool)
    for shift in (0, 1, 2):
        for longer in (2, 3):
            cand = (longer > orders) & (longer - shift >= orders) & (starts >= shift) & ~inside
            if cand.any():
                inside[cand] = member((starts[cand] - shift) * 4 + longer, keys)
    return inside


@dataclass
class _Pending:
    text: str
    group: int
    terms: np.ndarray
    raw: np.ndarray


@dataclass
class Evidence:
    """Pass-two findings for ``shortlist`` (sorted codes) over ``n_groups`` groups."""

    vocab: Vocabulary
    shortlist: np.ndarray
    n_groups: int
    names: tuple[str, ...]
    samples: int = 10
    #: context targets (sorted codes) and context words (word ids), for naming variants
    targets: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    context_words: np.ndarray = field(default_factory=lambda: np.zeros(0, dtype=np.int64))
    #: words on each side whose position and identity make a context
    window: int = 2
    #: (terms x groups): where survival matters, i.e. the groups each term was shortlisted for
    #: (default: everywhere). Only articles with such a pair still short of samples are stripped.
    wanted: np.ndarray | None = None

    def __post_init__(self) -> None:
        s, g = len(self.shortlist), self.n_groups
        if self.wanted is None:
            self.wanted = np.ones((s, g), dtype=bool)
        self.docs = np.zeros((s, g), dtype=np.int64)
        self.sampled = np.zeros((s, g), dtype=np.int64)
        self.raw = np.zeros((s, g), dtype=np.int64)
        self.kept = np.zeros((s, g), dtype=np.int64)
        self.examples: dict[tuple[int, int], list[Kwic]] = {}
        self.spellings: list[Counter[str]] = [Counter() for _ in range(s)]
        # sparse: a few thousand targets by 4,000 position-word columns, mostly zero
        self.contexts = sparse.csr_matrix((len(self.targets), 2 * self.window * len(self.context_words)),
                                          dtype=np.int64)
        self._pending: list[_Pending] = []
        self.stripped_articles = 0
        self.sketch = np.full((s, SKETCH), _EMPTY, dtype=np.uint64)
        self._articles_read = 0

    # ------------------------------------------------------------------ reading
    def add(self, parts: Sequence[tuple[str, str]], groups: np.ndarray, g: Grams | None = None) -> None:
        """Read some articles, (headline, body) each; ``groups`` holds each one's group column;
        ``g`` their grams when the first pass kept them."""
        if g is None:
            g = grams(self.vocab, [joined(t, b) for t, b in parts])
        self._documents(parts, groups, g)
        if len(self.targets) and len(self.context_words):
            self._contexts(g)
        if len(self._pending) >= BATCH:
            self.flush()

    def _documents(self, parts: Sequence[tuple[str, str]], groups: np.ndarray, g: Grams) -> None:
        n = len(self.shortlist)
        if not n:
            return
        hit = member(g.codes, self.shortlist)
        sidx = np.searchsorted(self.shortlist, g.codes[hit])
        art = g.article_of(g.starts[hit])
        keys, per = np.unique(art * n + sidx, return_counts=True)
        art_u, s_u = keys // n, keys % n
        np.add.at(self.docs, (s_u, groups[art_u]), 1)
        self._sketch(s_u, (art_u + self._articles_read).astype(np.uint64))
        self._articles_read += len(parts)
        bounds = np.flatnonzero(np.diff(art_u)) + 1
        for a_idx, terms, raw in zip(np.split(art_u, bounds), np.split(s_u, bounds), np.split(per, bounds),
                                     strict=True):
            if not len(a_idx):
                continue
            a = int(a_idx[0])
            grp = int(groups[a])
            if not (self.wanted[terms, grp] & (self.sampled[terms, grp] < self.samples)).any():
                continue
            self.sampled[terms, grp] += 1
            self.stripped_articles += 1
            title, body = parts[a]
            page = joined(strip_boilerplate(title, self.names), strip_boilerplate(body, self.names))
            self._pending.append(_Pending(page, grp, terms, raw))

    def _sketch(self, terms: np.ndarray, articles: np.ndarray) -> None:
        """Keep the SKETCH smallest article hashes of each term."""
        with np.errstate(over="ignore"):
            h = articles * _GOLDEN
        h ^= h >> np.uint64(29)
        rows = np.repeat(np.arange(len(self.sketch)), SKETCH)
        all_t = np.concatenate([rows, terms])
        all_h = np.concatenate([self.sketch.ravel(), h])
        order = np.lexsort((all_h, all_t))
        all_t, all_h = all_t[order], all_h[order]
        first = np.searchsorted(all_t, np.arange(len(self.sketch)))
        rank = np.arange(len(all_t)) - first[all_t]
        keep = rank < SKETCH
        self.sketch[all_t[keep], rank[keep]] = all_h[keep]

    def jaccard(self, a: int, b: int) -> float:
        """Estimated Jaccard similarity of the article sets of shortlisted terms ``a`` and ``b``."""
        sa, sb = self.sketch[a][self.sketch[a] != _EMPTY], self.sketch[b][self.sketch[b] != _EMPTY]
        union = np.union1d(sa, sb)[:SKETCH]
        if not len(union):
            return 0.0
        return float(np.isin(union, sa).__and__(np.isin(union, sb)).sum() / len(union))

    def _contexts(self, g: Grams) -> None:
        """Count the words at each position around each target use (left 2, left 1, right 1,
        right 2: a column per position and word), within its article."""
        hit = member(g.codes, self.targets)
        if not hit.any():
            return
        rows = np.searchsorted(self.targets, g.codes[hit])
        starts, orders = g.starts[hit], g.orders[hit].astype(np.int64)
        # leftmost-longest, as the lexicon matcher reads: "nations" inside "united nations"
        # is a use of the longer target, and lends it no contexts of its own
        top = ~_inside_longer(starts, orders)
        rows, starts, orders = rows[top], starts[top], orders[top]
        n_ctx = len(self.context_words)
        col_of = np.full(max(len(self.vocab), int(self.context_words.max()) + 1), -1, dtype=np.int64)
        col_of[self.context_words] = np.arange(n_ctx)
        art = g.article_of(starts)
        n = len(g.ids)
        offsets = [*(starts - d for d in range(self.window, 0, -1)),
                   *(starts + orders - 1 + d for d in range(1, self.window + 1))]
        rs, cs = [], []
        for slot, pos in enumerate(offsets):
            ok = (pos >= 0) & (pos < n)
            p, r, a = pos[ok], rows[ok], art[ok]
            ids = g.ids[p]
            col = np.where(ids < len(col_of), col_of[np.minimum(ids, len(col_of) - 1)], -1)
            keep = (col >= 0) & (g.article_of(p) == a)
            rs.append(r[keep])
            cs.append(slot * n_ctx + col[keep])
        r, c = np.concatenate(rs), np.concatenate(cs)
        add = sparse.coo_matrix((np.ones(len(r), dtype=np.int64), (r, c)), shape=self.contexts.shape)
        self.contexts = self.contexts + add.tocsr()

    # ------------------------------------------------------------------ stripped pages
    def flush(self) -> None:
        """Fit site chrome on the pending stripped pages and count what survives in them."""
        if not self._pending:
            return
        pages = BoilerplateStripper(rules=False).fit_transform([p.text for p in self._pending])
        for page, p in zip(pages, self._pending, strict=True):
            self.raw[p.terms, p.group] += p.raw
            self._count_page(str(page), p)
        self._pending = []

    def _count_page(self, page: str, p: _Pending) -> None:
        ids, starts, ends = self.vocab.spans(page)
        ids.append(0)
        g = grams_of_ids(self.vocab, np.array(ids, dtype=np.int64), np.zeros(1, dtype=np.int64))
        hit = member(g.codes, self.shortlist[np.sort(p.terms)])
        if not hit.any():
            return
        sidx = np.searchsorted(self.shortlist, g.codes[hit])
        np.add.at(self.kept, (sidx, p.group), 1)
        seen: set[int] = set()
        for s, first, order in zip(sidx.tolist(), g.starts[hit].tolist(), g.orders[hit].tolist(), strict=True):
            a, b = starts[first], ends[first + order - 1]
            self.spellings[s][" ".join(page[a:b].split())] += 1
            if s in seen:
                continue
            seen.add(s)
            lines = self.examples.setdefault((s, p.group), [])
            if len(lines) < 2:
                lines.append(kwic(page, a, b))

    # ------------------------------------------------------------------ results
    def survival(self) -> np.ndarray:
        """Share of sampled uses left after stripping, per term and group (1 where unsampled)."""
        with np.errstate(invalid="ignore", divide="ignore"):
            s = self.kept / self.raw
        return np.where(self.raw > 0, np.minimum(s, 1.0), 1.0)
