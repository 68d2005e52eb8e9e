"""Republished copy inside a story: which members carry the same (wire) text.

The near-duplicate grouping ``framing compare`` uses for its folds
(:func:`framing.compare.neardup.near_duplicate_pairs`, MinHash LSH over word 5-shingles)
runs on the members that could be copies, those with a TF-IDF cosine to another member of
at least ``cosine``, and only pairs inside one story count. Stories are marked in batches:
setting up an LSH index costs about 0.1 s, more than a whole story's other work.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
from scipy.sparse import coo_matrix
from scipy.sparse.csgraph import connected_components

from framing.stories.sweep import Story, cosines

#: candidate texts gathered before one near-duplicate run
BATCH_TEXTS = 2000


class CopyMarker:
    """Collect closed stories; hand them back with ``copy_of`` (a member id per member)."""

    def __init__(self, cosine: float, jaccard: float, id_of: Callable[[Any], str],
                 text_of: Callable[[Any], str]) -> None:
        self.cosine = cosine
        self.jaccard = jaccard
        self.id_of = id_of
        self.text_of = text_of
        self.waiting: list[tuple[Story, np.ndarray]] = []
        self.n_texts = 0

    def add(self, story: Story) -> list[tuple[Story, list[str]]]:
        """The stories ready now: this one at once when no member pair could be a copy."""
        ids = [self.id_of(r) for r in story.members]
        cand = np.zeros(0, dtype=np.int64)
        if len(ids) > 1:
            close = cosines(story.vectors) >= self.cosine
            np.fill_diagonal(close, False)
            cand = np.flatnonzero(close.any(axis=1))
        if len(cand) < 2:
            return [(story, ids)]
        self.waiting.append((story, cand))
        self.n_texts += len(cand)
        return self.flush() if self.n_texts >= BATCH_TEXTS else []

    def flush(self) -> list[tuple[Story, list[str]]]:
        from framing.compare.neardup import near_duplicate_pairs

        if not self.waiting:
            return []
        owner, member, texts = [], [], []
        for k, (story, cand) in enumerate(self.waiting):
            for i in cand:
                owner.append(k)
                member.append(int(i))
                texts.append(self.text_of(story.members[i]))
        pairs = [(i, j) for i, j, _ in near_duplicate_pairs(texts, threshold=self.jaccard)
                 if owner[i] == owner[j]]
        n = len(texts)
        if pairs:
            a, b = np.array(pairs).T
            labels = connected_components(coo_matrix((np.ones(len(a)), (a, b)), shape=(n, n)),
                                          directed=False)[1]
        else:
            labels = np.arange(n)
        out = []
        pos = 0
        for story, cand in self.waiting:
            ids = [self.id_of(r) for r in story.members]
            copy_of = list(ids)
            first: dict[int, str] = {}
            for k, i in enumerate(cand):  # members are in date order: the first copy is the original
                copy_of[i] = first.setdefault(int(labels[pos + k]), ids[i])
            pos += len(cand)
            out.append((story, copy_of))
        self.waiting, self.n_texts = [], 0
        return out
