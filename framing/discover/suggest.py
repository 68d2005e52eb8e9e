"""``suggest_terms``: the words and phrases that set each outlet (or group) apart.

The flow: count 1-3 grams per group in one streamed pass (:mod:`~framing.discover.counts`),
rank them by the Fightin' Words z-score (:mod:`~framing.discover.ranking`), shortlist the top
of each comparison, read the corpus again for the shortlist only
(:mod:`~framing.discover.evidence`: document frequency, the share that survives boilerplate
stripping, examples, spellings, contexts), re-rank on the counts that survive, say which
terms the lexicons already hold (:mod:`~framing.discover.known`) and group naming variants
(:mod:`~framing.discover.variants`). :mod:`~framing.discover.draft` writes the result as a
lexicon draft.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from tqdm import tqdm

from framing.compare.leakage import outlet_names
from framing.discover import ranking
from framing.discover.counts import (
    DEFAULT_MAX_TERMS,
    NgramCounts,
    TokenCache,
    article_parts,
    background_counts,
    hash_update,
    joined,
    rows_of,
)
from framing.discover.evidence import Evidence
from framing.discover.known import Known, entry_codes
from framing.discover.ranking import REST
from framing.discover.variants import DEFAULT_SIMILARITY, VariantGroup, embed, referent_hints, variant_groups
from framing.errors import FramingError
from framing.text.normalize import name_key

#: a corpus in memory, or a function that streams it afresh (suggesting reads it twice)
CorpusSource = pd.DataFrame | Callable[[], Iterable[pd.DataFrame]]
#: terms each comparison shortlists for the second pass, at least (and at least 2x ``top``)
SHORTLIST = 100
#: a term is boilerplate, not story, when less than this share of its uses survives stripping
MIN_KEPT = 0.5
#: a term is left out when a longer ranked term holds at least this share of its uses
SUBSUMED = 0.8
#: two overlapping terms are one phrase when their article sets overlap this much (Jaccard)
SAME_ARTICLES = 0.8
#: context words for the naming-variant vectors: the most frequent words
CONTEXT_WORDS = 1000
#: most frequent terms kept per comparison for the Fightin' Words plot
PLOT_TERMS = 3000


@dataclass
class Suggestions:
    """The ranking (``table``, one row per comparison and term), naming-variant groups and
    everything needed to say where they came from."""

    table: pd.DataFrame
    variants: list[VariantGroup]
    groups: list[str]
    comparisons: list[tuple[str, str]]
    articles: dict[str, int]
    corpus_hash: str
    params: dict[str, Any]
    #: per comparison: frequency, log-odds and z of the most frequent terms (for plots)
    scores: dict[tuple[str, str], pd.DataFrame] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    #: PPMI context vectors (unit rows) of the suggested terms and the lexicon's names
    vectors: pd.DataFrame | None = None
    #: the first pass's counts (for ``save_counts``)
    counts: NgramCounts | None = None

    def similar(self, term: str, n: int = 10) -> pd.Series:
        """The terms used most like ``term`` (cosine of their context vectors)."""
        if self.vectors is None or term not in self.vectors.index:
            return pd.Series(dtype=float)
        v = self.vectors
        sims = v.to_numpy() @ v.loc[term].to_numpy()
        return pd.Series(sims, index=v.index).drop(term).sort_values(ascending=False).head(n)

    def top(self, group: str, vs: str = REST, n: int | None = None) -> pd.DataFrame:
        t = self.table[(self.table["group"] == group) & (self.table["vs"] == vs)]
        return t.head(n) if n is not None else t


# --------------------------------------------------------------------------------------
# reading the corpus


def _chunks(source: CorpusSource, chunk_size: int) -> Iterator[pd.DataFrame]:
    frames = [source] if isinstance(source, pd.DataFrame) else source()
    for f in frames:
        for i in range(0, len(f), chunk_size):
            yield f.iloc[i : i + chunk_size]


class _Labeller:
    """The group of each article: the ``by`` value, or the ``groups`` label it is listed in."""

    def __init__(self, by: str, groups: Mapping[str, Sequence[str]] | None) -> None:
        self.by = by
        self.member: dict[str, str] | None = None
        if groups:
            from framing.io.outlets import OutletRegistry

            reg = OutletRegistry.default() if by in ("outlet", "publisher", "origin") else None
            self.member = {}
            for label, values in groups.items():
                for v in values:
                    self.member[str(v)] = label
                    if reg is not None:
                        self.member[str(reg.canonical(str(v)))] = label

    def __call__(self, chunk: pd.DataFrame) -> list[str | None]:
        if self.by not in chunk.columns:
            raise FramingError(f"cannot group by {self.by!r}: the corpus has no such column "
                               f"(columns: {', '.join(map(str, chunk.columns))})")
        out: list[str | None] = []
        for v in chunk[self.by]:
            s = None if v is None or v != v or not str(v).strip() else str(v).strip()
            out.append(self.member.get(s) if (self.member is not None and s is not None) else s)
        return out


# --------------------------------------------------------------------------------------
# the API


def suggest_terms(
    corpus: CorpusSource,
    by: str = "outlet",
    vs: str = REST,
    groups: Mapping[str, Sequence[str]] | None = None,
    top: int = 50,
    lexicons: Sequence[str | Path] = (),
    prior_scale: float = 1.0,
    background: str | Path | None = None,
    self_names: Sequence[str] = (),
    min_count: int = 5,
    min_docs: int = 3,
    samples: int = 10,
    variants: bool = True,
    similarity: float = DEFAULT_SIMILARITY,
    chunk_size: int = 5000,
    max_terms: int = DEFAULT_MAX_TERMS,
    progress: bool = False,
) -> Suggestions:
    """Rank the 1-3 grams that set each group apart (Fightin' Words z-scores; see the module).

    ``corpus`` is a corpus DataFrame or a function that streams one (called twice). Articles
    are grouped by their ``by`` value, or by the ``groups`` label whose list holds it (others
    are left out). ``vs`` is ``"rest"`` (each group against all the others) or a group (each
    other group against it, and it against each of them). ``top`` terms are kept per
    comparison; a term needs ``min_count`` uses and ``min_docs`` articles in the group it sets
    apart. ``background`` is a table of term counts (``save_counts``) to take the prior from
    instead of the corpus; ``self_names`` are outlet names to leave out besides those the
    outlet registry knows.
    """
    cache = TokenCache()
    try:
        return _suggest(corpus, cache, by=by, vs=vs, groups=groups, top=top, lexicons=lexicons,
                        prior_scale=prior_scale, background=background, self_names=self_names,
                        min_count=min_count, min_docs=min_docs, samples=samples, variants=variants,
                        similarity=similarity, chunk_size=chunk_size, max_terms=max_terms, progress=progress)
    finally:
        cache.close()


def _suggest(corpus: CorpusSource, cache: TokenCache, *, by: str, vs: str,
             groups: Mapping[str, Sequence[str]] | None, top: int, lexicons: Sequence[str | Path],
             prior_scale: float, background: str | Path | None, self_names: Sequence[str], min_count: int,
             min_docs: int, samples: int, variants: bool, similarity: float, chunk_size: int, max_terms: int,
             progress: bool) -> Suggestions:
    label = _Labeller(by, groups)
    counts = NgramCounts(max_terms=max_terms)
    h = hashlib.sha256()
    outlets: set[str] = set()
    skipped = 0
    for chunk in tqdm(_chunks(corpus, chunk_size), desc="counting", unit="chunk", disable=not progress):
        hash_update(h, chunk)
        labels = label(chunk)
        keep = [i for i, x in enumerate(labels) if x is not None]
        skipped += len(labels) - len(keep)
        if not keep:
            continue
        sub = chunk.iloc[keep]
        if "outlet" in sub.columns:
            outlets.update(str(o) for o in sub["outlet"].dropna())
        cache.put(counts.add([joined(t, b) for t, b in article_parts(sub)], [labels[i] for i in keep]))
    present = list(counts.groups)
    if len(present) < 2:
        raise FramingError(f"suggesting terms needs two or more {by} groups; found {len(present)}"
                           + (f" ({present[0]})" if present else ""))
    vs = _resolve_vs(vs, present, by)
    comps = ranking.comparisons(present, vs)
    known = Known.load(lexicons)
    names = tuple(sorted({*outlet_names(sorted(outlets | set(present))), *self_names}))
    self_keys = [k for k in (name_key(n) for n in names) if k]

    # ------------------------------------------------------------ first ranking
    y_total = counts.counts.sum(axis=1)
    orders = counts.orders
    totals = counts.totals.sum(axis=1)
    bg, bg_totals = background_counts(background, counts) if background else (None, None)
    alpha, alpha0 = ranking.prior(y_total, orders, totals, prior_scale, bg, bg_totals)
    col = {g: i for i, g in enumerate(counts.groups)}
    size = max(SHORTLIST, 2 * top)
    shortlist: dict[int, set[int]] = {}  # row -> the group columns it was shortlisted for
    first: dict[tuple[str, str], tuple[np.ndarray, np.ndarray]] = {}
    for t, r in comps:
        delta, z = _score(counts.counts, counts.totals, orders, alpha, alpha0, col[t], None if r == REST else col[r])
        first[(t, r)] = (delta, z)
        y_i = counts.counts[:, col[t]]
        cand = np.flatnonzero((z > 0) & (y_i >= min_count))
        cand = cand[np.argsort(-z[cand], kind="stable")]
        taken = 0
        for i in cand:
            if _is_self_name(counts.vocab.term(counts.codes[i]), self_keys):
                continue
            shortlist.setdefault(int(i), set()).add(col[t])
            taken += 1
            if taken >= size:
                break
    rows = np.array(sorted(shortlist), dtype=np.int64)
    short_codes = counts.codes[rows]
    wanted = np.zeros((len(rows), len(counts.groups)), dtype=bool)
    for k, i in enumerate(rows.tolist()):
        wanted[k, sorted(shortlist[i])] = True

    # ------------------------------------------------------------ second pass
    lex_codes = entry_codes(counts.vocab, known.lexicon.entries) if variants else {}
    lex_rows = rows_of(counts.codes, np.array(sorted(lex_codes), dtype=np.int64))
    lex_rows = lex_rows[y_total[lex_rows] >= min_count] if len(lex_rows) else lex_rows
    targets = np.unique(np.concatenate([short_codes, counts.codes[lex_rows]])) if variants else short_codes[:0]
    context = counts.frequent_words(CONTEXT_WORDS) if variants else np.zeros(0, dtype=np.int64)
    ev = Evidence(counts.vocab, short_codes, len(counts.groups), names, samples=samples,
                  targets=targets, context_words=context, wanted=wanted)
    n_chunk = 0
    for chunk in tqdm(_chunks(corpus, chunk_size), desc="evidence", unit="chunk", disable=not progress):
        labels = label(chunk)
        keep = [i for i, x in enumerate(labels) if x is not None]
        if keep:
            sub = chunk.iloc[keep]
            ev.add(article_parts(sub), np.array([col[labels[i]] for i in keep], dtype=np.int64),
                   cache.get(n_chunk, counts.vocab, len(keep)))
            n_chunk += 1
    ev.flush()

    # ------------------------------------------------------------ final ranking
    kept = ev.survival()
    adjusted = counts.counts[rows] * kept
    table = []
    scores = {}
    for t, r in comps:
        ti, ri = col[t], (None if r == REST else col[r])
        delta, z = _score(adjusted, counts.totals, orders[rows], alpha[rows], alpha0[rows], ti, ri)
        ok = (z > 0) & (ev.docs[:, ti] >= min_docs) & (adjusted[:, ti] >= min_count) & (kept[:, ti] >= MIN_KEPT)
        order = np.flatnonzero(ok)
        order = order[np.argsort(-z[order], kind="stable")]
        order = _one_per_phrase(order, [counts.vocab.term(c) for c in short_codes[order]], adjusted[order, ti],
                                ev)[:top]
        for rank, s in enumerate(order, 1):
            table.append(_row(counts, ev, known, rows, s, t, r, ti, ri, rank, delta[s], z[s], kept))
        scores[(t, r)] = _plot_frame(counts, first[(t, r)], y_total, PLOT_TERMS, set(rows[order].tolist()))
    df = pd.DataFrame(table, columns=_COLUMNS + [f"uses:{g}" for g in counts.groups])

    groups_found: list[VariantGroup] = []
    vectors = embed(ev.contexts) if variants else np.zeros((0, 0))
    if variants and len(df):
        terms = counts.terms(targets)
        refs = [lex_codes[c].referent if c in lex_codes else "" for c in targets.tolist()]
        groups_found = variant_groups(df, vectors, terms, refs, similarity)
        hints = referent_hints(df, vectors, terms, refs)
        df["referent_hint"] = [hints.get(term, ("", np.nan))[0] for term in df["term"]]
        df["hint_similarity"] = [hints.get(term, ("", np.nan))[1] for term in df["term"]]
    else:
        df["referent_hint"], df["hint_similarity"] = "", np.nan
    notes = []
    if skipped:
        notes.append(f"{skipped} article(s) in no {by} group were left out")
    if counts.prunes:
        notes.append(f"the n-gram table was pruned {counts.prunes} time(s); a count may be low by "
                     f"at most {counts.undercount_bound}")
    params = {"by": by, "vs": vs, "top": top, "prior": str(background) if background else "corpus",
              "prior_scale": prior_scale, "min_count": min_count, "min_docs": min_docs,
              "samples": samples, "groups": {k: list(v) for k, v in (groups or {}).items()},
              "lexicons": [str(p) for p in lexicons], "stripped_articles": ev.stripped_articles}
    return Suggestions(df, groups_found, list(counts.groups), comps,
                       {g: int(n) for g, n in zip(counts.groups, counts.articles, strict=True)},
                       h.hexdigest(), params, scores, notes,
                       vectors=pd.DataFrame(vectors, index=counts.terms(targets)) if variants else None,
                       counts=counts)


_COLUMNS = ["group", "vs", "rank", "term", "words", "z", "log_odds", "count", "count_vs", "total",
            "docs", "kept", "known", "lexicon_entry", "spellings", "examples"]


def _resolve_vs(vs: str, present: list[str], by: str) -> str:
    if vs == REST or vs in present:
        return vs
    from framing.io.outlets import OutletRegistry

    canon = OutletRegistry.default().canonical(vs)
    if canon in present:
        return str(canon)
    raise FramingError(f"--vs {vs!r}: no such {by} group; groups: {', '.join(present)} (or 'rest')")


def _score(table: np.ndarray, totals: np.ndarray, orders: np.ndarray, alpha: np.ndarray, alpha0: np.ndarray,
           t: int, r: int | None) -> tuple[np.ndarray, np.ndarray]:
    """Fightin' Words for group column ``t`` against column ``r`` (None: all other columns)."""
    y_i = table[:, t]
    n_i = totals[orders, t]
    if r is None:
        y_j = table.sum(axis=1) - y_i
        n_j = totals[orders].sum(axis=1) - n_i
    else:
        y_j = table[:, r]
        n_j = totals[orders, r]
    return ranking.log_odds(y_i, y_j, n_i, n_j, alpha, alpha0)


def _one_per_phrase(order: np.ndarray, terms: Sequence[str], uses: np.ndarray, ev: Evidence) -> np.ndarray:
    """``order`` (ranked shortlist rows) with one term per repeated phrase.

    A term inside a longer ranked term that holds SUBSUMED of its uses goes ("material" under
    "material damage": the longer phrase is the choice). Of two overlapping terms neither of
    which holds the other, the worse ranked goes when they occur in the same articles
    (estimated Jaccard at least SAME_ARTICLES): they are pieces of one repeated sentence
    ("regularly incites political", "incites political violence").
    """
    padded = [f" {t} " for t in terms]
    words = [set(t.split()) for t in terms]
    kept: list[int] = []
    for j in range(len(terms)):
        if any(padded[j] in padded[b] and uses[b] >= SUBSUMED * uses[j] for b in range(len(terms)) if b != j):
            continue
        if any(words[j] & words[k] and padded[k] not in padded[j] and padded[j] not in padded[k]
               and ev.jaccard(int(order[k]), int(order[j])) >= SAME_ARTICLES for k in kept):
            continue
        kept.append(j)
    return order[kept]


def _is_self_name(term: str, keys: Sequence[str]) -> bool:
    padded = f" {term} "
    return any(f" {k} " in padded for k in keys)


def _row(counts: NgramCounts, ev: Evidence, known: Known, rows: np.ndarray, s: int, t: str, r: str, ti: int,
         ri: int | None, rank: int, delta: float, z: float, kept: np.ndarray) -> list[Any]:
    i = rows[s]
    term = counts.vocab.term(counts.codes[i])
    spellings = [w for w, _ in ev.spellings[s].most_common(3)]
    status, entry = known.status(spellings[0] if spellings else term)
    y = counts.counts[i]
    y_vs = int(y.sum() - y[ti]) if ri is None else int(y[ri])
    examples = [k.line() for k in ev.examples.get((s, ti), [])]
    entry_name = f"{entry.canonical} ({entry.referent or 'general'})" if entry is not None else ""
    return [t, r, rank, term, len(term.split()), float(z), float(delta), int(y[ti]), y_vs, int(y.sum()),
            int(ev.docs[s, ti]), float(kept[s, ti]), status, entry_name, spellings, examples, *map(int, y)]


def _plot_frame(counts: NgramCounts, scored: tuple[np.ndarray, np.ndarray], y_total: np.ndarray, n: int,
                chosen: set[int]) -> pd.DataFrame:
    delta, z = scored
    rows = np.argsort(-y_total, kind="stable")[:n]
    rows = np.unique(np.concatenate([rows, np.array(sorted(chosen), dtype=np.int64)]))
    return pd.DataFrame({"term": counts.terms(counts.codes[rows]), "total": y_total[rows],
                         "log_odds": delta[rows], "z": z[rows], "suggested": [int(r) in chosen for r in rows]})
