"""The report's "words that set each outlet apart" section."""

from __future__ import annotations

import numpy as np
import pandas as pd

from framing.corpus import make_corpus
from framing.report.discover import discover_section


def _corpus() -> pd.DataFrame:
    rng = np.random.default_rng(1)
    vocab = ["".join(rng.choice(list("abcdefghiklmnoprstuvw"), size=6)) for _ in range(150)]
    rows = []
    for outlet in ("Press TV", "Reuters"):
        for i in range(15):
            words = list(rng.choice(vocab, size=60))
            if outlet == "Press TV":
                words[i % 60] = "takfiri"
                words[(i + 7) % 60] = "resistance axis"
            rows.append({"id": f"{outlet}{i}", "outlet": outlet,
                         "text": ". ".join(" ".join(words[k:k + 10]) for k in range(0, 60, 10)) + "."})
    return make_corpus(rows)


def test_section_lists_and_plots_the_ranking():
    sec = discover_section(_corpus(), "outlet")
    rows = dict(zip([r[0] for r in sec["table"].rows], [r[1] for r in sec["table"].rows], strict=True))
    assert rows["Press TV"].startswith("resistance axis (z ") or rows["Press TV"].startswith("takfiri (z ")
    assert "takfiri (z " in rows["Press TV"] and "[lexicon]" in rows["Press TV"]  # a bundled entry
    assert len(sec["figures"]) == 2 and "<svg" in sec["figures"][0].svg


def test_section_explains_when_nothing_ranks():
    same = make_corpus([{"id": str(i), "outlet": "AB"[i % 2], "text": "The same words every time."}
                        for i in range(8)])
    sec = discover_section(same, "outlet")
    assert sec["table"] is None and "No term sets any outlet apart" in sec["note"]
    one = discover_section(same.assign(outlet="A"), "outlet")
    assert one["table"] is None and "two or more" in one["note"]
