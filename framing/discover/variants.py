"""Naming variants: terms used in the same contexts, proposed as names for one referent.

Competing names for one referent ("illegal aliens", "undocumented immigrants"; "the regime",
"the Syrian government") occur with the same neighbours ("deport", "border", "crossed";
"forces", "shelled", "loyal to"), while each outlet prefers one. Each term is a vector of
its neighbour counts within a few words (:class:`framing.discover.evidence.Evidence`),
weighted by positive pointwise mutual information with context-distribution smoothing
(Levy, Goldberg and Dagan 2015: context counts raised to 0.75), reduced by truncated SVD
(scikit-learn; a few hundred articles give sparse counts, and the reduction lets "daesh"
and "isil" meet through contexts each has only some of), and compared by cosine.
Terms are grouped by complete-linkage agglomerative clustering (scikit-learn) under a
distance threshold; a group is proposed when it holds a suggested term and one more name.

A group might join an existing referent when a member is already one of its names in the
lexicon, or when the group's vector is close to the vector of that referent's names as the
corpus uses them. Distributional similarity also groups related but different actors (the
two sides of a war share "forces", "attacked", "fighters"): the groups are proposals for a
researcher, never written as fact.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse
from sklearn.cluster import AgglomerativeClustering
from sklearn.decomposition import TruncatedSVD
from sklearn.preprocessing import normalize

#: cosine similarity every pair of a group reaches (read off the
#: FA-KES and PolNeAR dev halves: see docs/discovery.md)
DEFAULT_SIMILARITY = 0.5
#: cosine to a referent's names above which a group without any of them might join it
JOIN_SIMILARITY = 0.6
#: dimensions kept by the SVD
DIMENSIONS = 100
#: context distribution smoothing exponent (Levy et al. 2015)
SMOOTHING = 0.75


def ppmi(counts: np.ndarray | sparse.spmatrix, smoothing: float = SMOOTHING) -> sparse.csr_matrix:
    """Positive PMI of a (terms x context words) count matrix, rows L2-normalised (sparse:
    only the observed pairs are computed)."""
    c = sparse.csr_matrix(counts, dtype=float)
    total = c.sum()
    if total == 0:
        return c
    p_t = np.asarray(c.sum(axis=1)).ravel() / total
    ctx = np.asarray(c.sum(axis=0)).ravel() ** smoothing
    p_c = ctx / ctx.sum()
    coo = c.tocoo()
    pmi = np.log((coo.data / total) / (p_t[coo.row] * p_c[coo.col]))
    keep = pmi > 0
    out = sparse.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=c.shape)
    return normalize(out)


def embed(counts: np.ndarray | sparse.spmatrix, dimensions: int = DIMENSIONS, seed: int = 0) -> np.ndarray:
    """Unit vectors of a (terms x context words) count matrix: PPMI, then truncated SVD."""
    x = ppmi(counts)
    k = min(dimensions, x.shape[0] - 1, x.shape[1] - 1)
    if k < 2:
        return x.toarray()
    return normalize(TruncatedSVD(k, random_state=seed).fit_transform(x))


@dataclass
class VariantGroup:
    """Terms proposed as competing names for one referent."""

    terms: list[str]
    #: the group each term sets apart ("" for a lexicon name)
    favoured_by: list[str]
    #: the existing referent it might join, why, and the similarity behind it
    referent: str = ""
    reason: str = ""
    similarity: float = float("nan")
    cohesion: float = float("nan")
    lexicon_names: list[str] = field(default_factory=list)

    @property
    def competing(self) -> bool:
        """Two or more outlets (or an outlet and the lexicon) prefer different members."""
        return len({f for f in self.favoured_by if f}) >= 2 or (bool(self.lexicon_names) and any(self.favoured_by))


def referent_vectors(vectors: np.ndarray, referents: Sequence[str]) -> dict[str, np.ndarray]:
    """One unit vector per referent: the sum of its names' vectors (``referents[i]`` is the
    referent of row i, "" for rows that are not lexicon names)."""
    out: dict[str, np.ndarray] = {}
    for r in sorted({r for r in referents if r}):
        rows = [i for i, x in enumerate(referents) if x == r]
        v = vectors[rows].sum(axis=0)
        norm = np.linalg.norm(v)
        if norm > 0:
            out[r] = v / norm
    return out


def nearest_referent(vector: np.ndarray, refs: Mapping[str, np.ndarray]) -> tuple[str, float]:
    if not refs or not np.any(vector):
        return "", float("nan")
    names = list(refs)
    sims = np.array([float(vector @ refs[r]) for r in names])
    best = int(np.argmax(sims))
    return names[best], float(sims[best])


def group_variants(
    terms: Sequence[str],
    vectors: np.ndarray,
    favoured_by: Sequence[str],
    referents: Sequence[str],
    similarity: float = DEFAULT_SIMILARITY,
) -> list[VariantGroup]:
    """Groups of ``terms`` (rows of ``vectors``, unit length) in which every pair has a cosine
    similarity of at least ``similarity`` (complete linkage: a chain of look-alikes is not a
    group). ``favoured_by[i]`` is the group term i sets apart ("" for a lexicon name);
    ``referents[i]`` the referent a lexicon name belongs to ("" otherwise). Only competing
    groups are returned (two outlets prefer different members, or a suggested term sits with
    a lexicon name), and none that holds names of two different referents (those are related
    actors, not one); most cohesive first.
    """
    live = [i for i in range(len(terms)) if np.any(vectors[i])]
    if len(live) < 2:
        return []
    x = vectors[live]
    dist = np.clip(1.0 - x @ x.T, 0.0, 2.0)
    labels = AgglomerativeClustering(
        n_clusters=None, metric="precomputed", linkage="complete", distance_threshold=1.0 - similarity
    ).fit_predict(dist)
    refs = referent_vectors(vectors, referents)
    out = []
    for lab in np.unique(labels):
        members = [live[k] for k in np.flatnonzero(labels == lab)]
        if len(members) < 2 or not any(favoured_by[i] for i in members):
            continue
        if len({favoured_by[i] for i in members if favoured_by[i]}) < 2 and not any(referents[i] for i in members):
            continue
        sub = vectors[members]
        sims = sub @ sub.T
        cohesion = float((sims.sum() - len(members)) / (len(members) * (len(members) - 1)))
        names = [terms[i] for i in members if referents[i]]
        grp = VariantGroup([terms[i] for i in members], [favoured_by[i] for i in members],
                           cohesion=cohesion, lexicon_names=names)
        own = [referents[i] for i in members if referents[i]]
        if len(set(own)) > 1:  # names of two known referents: related actors, not one referent
            continue
        if own:
            grp.referent = own[0]
            grp.reason = "has its lexicon names " + ", ".join(f'"{n}"' for n in names)
            centroid = normalize(sub.sum(axis=0, keepdims=True))[0]
            grp.similarity = float(centroid @ refs[grp.referent]) if grp.referent in refs else float("nan")
        else:
            centroid = normalize(sub.sum(axis=0, keepdims=True))[0]
            ref, sim = nearest_referent(centroid, refs)
            if ref and sim >= max(similarity, JOIN_SIMILARITY):
                grp.referent, grp.similarity = ref, sim
                grp.reason = f"used like the lexicon's names for it (cosine {sim:.2f})"
        out.append(grp)
    return sorted(out, key=lambda g: -g.cohesion)


def variant_groups(table: Any, vectors: np.ndarray, terms: Sequence[str], referents: Sequence[str],
                   similarity: float = DEFAULT_SIMILARITY) -> list[VariantGroup]:
    """The groups among the ranking's terms (``table``: term, group, z) and the lexicon's names
    (rows of ``vectors`` named by ``terms``, ``referents[i]`` "" for a row that is no name)."""
    best = table.sort_values("z", ascending=False).drop_duplicates("term")
    fav = dict(zip(best["term"], best["group"], strict=True))
    rows = [j for j, t in enumerate(terms) if t in fav or referents[j]]
    if not rows:
        return []
    return group_variants([terms[j] for j in rows], vectors[rows], [fav.get(terms[j], "") for j in rows],
                          [referents[j] for j in rows], similarity)


def referent_hints(table: Any, vectors: np.ndarray, terms: Sequence[str],
                   referents: Sequence[str]) -> dict[str, tuple[str, float]]:
    """For each ranked term, the existing referent whose names are used most like it."""
    refs = referent_vectors(vectors, referents)
    index = {t: j for j, t in enumerate(terms)}
    return {t: nearest_referent(vectors[index[t]], refs) for t in table["term"].unique() if t in index}
