"""Near-duplicate groups, so the same wire story republished by two outlets never sits on both
sides of a cross-validation split (that would test memory, not framing).

MinHash LSH (datasketch) over word shingles finds candidate pairs in sub-quadratic time;
pairs whose estimated Jaccard similarity reaches the threshold are joined, and connected
components (scipy) become group ids for ``StratifiedGroupKFold``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix, csr_matrix
from scipy.sparse.csgraph import connected_components

_WORD = re.compile(r"[^\W_]+")


def shingles(text: str, k: int = 5) -> set[bytes]:
    """Lower-cased word k-grams (the whole text as one shingle when shorter than k words)."""
    words = _WORD.findall(text.lower())
    if len(words) < k:
        return {" ".join(words).encode()} if words else set()
    return {" ".join(words[i : i + k]).encode() for i in range(len(words) - k + 1)}


def _components(n: int, pairs: list[tuple[int, int]]) -> np.ndarray:
    if not pairs:
        return np.arange(n)
    a, b = np.array(pairs).T
    graph = coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n))
    _, labels = connected_components(graph, directed=False)
    return labels


def near_duplicate_pairs(
    texts: Sequence[str], threshold: float = 0.5, k: int = 5, num_perm: int = 128, seed: int = 1
) -> list[tuple[int, int, float]]:
    """Pairs (i, j, estimated Jaccard) of texts whose shingle sets overlap at least ``threshold``."""
    from datasketch import MinHash, MinHashLSH

    sigs = []
    for t in texts:
        m = MinHash(num_perm=num_perm, seed=seed)
        sh = shingles(t, k)
        if sh:
            m.update_batch(list(sh))
        sigs.append((m, bool(sh)))
    lsh = MinHashLSH(threshold=threshold, num_perm=num_perm)
    pairs: list[tuple[int, int, float]] = []
    for i, (m, nonempty) in enumerate(sigs):
        if not nonempty:
            continue
        for j in lsh.query(m):
            jac = m.jaccard(sigs[j][0])
            if jac >= threshold:  # LSH returns candidates; keep only pairs that really overlap
                pairs.append((int(j), i, float(jac)))
        lsh.insert(i, m)
    return pairs


def near_duplicate_groups(
    texts: Sequence[str], threshold: float = 0.5, k: int = 5, num_perm: int = 128, seed: int = 1
) -> np.ndarray:
    """Group id per text: texts linked by a chain of near-duplicate pairs share an id."""
    pairs = near_duplicate_pairs(texts, threshold=threshold, k=k, num_perm=num_perm, seed=seed)
    return _components(len(texts), [(i, j) for i, j, _ in pairs])


def similar_row_groups(X: Any, threshold: float) -> np.ndarray:
    """Group id per row of a feature matrix: rows linked by a chain of cosine similarities of
    at least ``threshold`` share an id. For a model that sees features, not texts (the
    recalibration folds in ``RecalibratedSVC``); one sparse product, fine at a few thousand rows."""
    from sklearn.preprocessing import normalize

    Xn = normalize(csr_matrix(X))
    sim = (Xn @ Xn.T).tocsr()
    sim.data = (sim.data >= threshold).astype(np.int8)
    sim.eliminate_zeros()
    return connected_components(sim, directed=False)[1]
