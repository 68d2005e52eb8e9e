"""A synthetic corpus: three outlets writing from one Zipf-distributed vocabulary of made-up
words, so any term that sets an outlet apart is one the test planted (an invented word, so no
lexicon pack can ever hold it)."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.corpus import make_corpus

OUTLETS = ("Daily Sabah", "TRT World", "Al-Manar")


def _vocabulary(rng: np.random.Generator, n: int = 400) -> list[str]:
    letters = np.array(list("abcdefghiklmnoprstuvw"))
    words: set[str] = set()
    while len(words) < n:
        words.add("".join(rng.choice(letters, size=int(rng.integers(5, 9)))))
    return sorted(words)


def make_articles(seed: int = 0, per_outlet: int = 40, planted: str = "quibblewort", share: float = 0.6,
                  dateline: bool = True, self_names: bool = True) -> pd.DataFrame:
    """``planted`` appears in ``share`` of Al-Manar's articles; TRT World's open with a wire
    dateline ("BEIRUT (Reuters) -"); Daily Sabah's name themselves."""
    rng = np.random.default_rng(seed)
    vocab = _vocabulary(rng)
    p = 1.0 / np.arange(1, len(vocab) + 1)
    p /= p.sum()
    rows = []
    for outlet in OUTLETS:
        for i in range(per_outlet):
            sentences = []
            for _ in range(int(rng.integers(6, 10))):
                words = list(rng.choice(vocab, size=int(rng.integers(8, 15)), p=p))
                if outlet == "Al-Manar" and planted and rng.random() < share / 3:
                    words.insert(int(rng.integers(0, len(words))), planted)
                sentences.append(" ".join(words).capitalize() + ".")
            if outlet == "Al-Manar" and planted and not any(planted in s for s in sentences) and rng.random() < share:
                sentences[0] = sentences[0][:-1] + f" {planted}."
            text = " ".join(sentences)
            if outlet == "TRT World" and dateline:
                text = "BEIRUT (Reuters) - " + text
            if outlet == "Daily Sabah" and self_names:
                text = text + " Daily Sabah reported the news."
            rows.append({"id": f"{outlet[:3]}-{i}", "text": text, "outlet": outlet, "title": None})
    return make_corpus(rows)
