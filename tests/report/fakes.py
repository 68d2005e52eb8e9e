"""Fake analysis dicts and comparison results, so the report is tested on its own.

A module of its own (not conftest) so tests import it by package path: a bare
``from conftest import`` resolves to whichever conftest pytest put on sys.path first.

The dicts follow the agreed ``analyze_article`` shape; offsets are found in the text, so
they are right by construction and the tests check drawing, not the families.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from framing.corpus import make_corpus

BODY = (
    "Syrian troops backed by volunteer forces reached the border. "
    "The Daesh Takfiri terrorists were reportedly trained abroad.\n\n"
    "Iraq's Defense Ministry said in a statement that \"the terrorist Daesh organization is "
    "our common enemy.\" A Syrian source said the strikes had been coordinated. "
    "The full liberation of Mosul would likely spell the end for the so-called caliphate."
)


def span(body: str, text: str, nth: int = 0) -> dict[str, Any]:
    start = -1
    for _ in range(nth + 1):
        start = body.index(text, start + 1)
    return {"text": text, "start": start, "end": start + len(text)}


def term(body, text, canonical, category, referent="", voice="narrator", nth=0):
    return {**span(body, text, nth), "canonical": canonical, "category": category,
            "referent": referent, "voice": voice, "weight": 0.8, "connotation": -1}


def sentence(body: str, starts: str, status: str, hedges: list[str] = ()) -> dict[str, Any]:
    s = body.index(starts)
    e = body.index(".", s) + 1
    if body[e:e + 1] == '"':
        e += 1
    return {"sentence": body[s:e], "start": s, "end": e, "status": status,
            "hedges": [span(body, h) for h in hedges]}


def make_analysis(body: str = BODY, outlet: str = "Press TV", id_: str = "a1",
                  title: str = "Delegation discusses border") -> dict[str, Any]:
    """An analysis of ``BODY`` (or any text containing the same phrases)."""
    a = {
        "id": id_,
        "article": {"title": title, "outlet": outlet, "publisher": outlet, "origin": None,
                    "date": "2017-06-15", "url": "https://example.org/a", "language": "en",
                    "source_file": None},
        "body": body,
        "loaded_terms": [
            term(body, "volunteer forces", "volunteer forces", "euphemism", "pmf"),
            term(body, "Daesh", "daesh", "label", "islamic_state"),
            term(body, "Takfiri", "takfiri", "dysphemism", "islamic_state"),
            term(body, "terrorists", "terrorist", "label", "islamic_state"),
            term(body, "terrorist", "terrorist", "label", "islamic_state", "quoted", nth=1),
            term(body, "Daesh", "daesh", "label", "islamic_state", "quoted", nth=1),
            term(body, "liberation", "liberation", "emotive"),
            term(body, "so-called", "so-called", "distancing"),
        ],
        "attributions": [
            {"source": span(body, "Iraq's Defense Ministry"), "source_type": "organization",
             "cue": {**span(body, "said"), "lemma": "say"}, "cue_type": "neutral",
             "content": span(body, "the terrorist Daesh organization is our common enemy."),
             "direct_quote": True, "cites": None, "resolved": None},
            {"source": span(body, "A Syrian source"), "source_type": "anonymous",
             "cue": {**span(body, "said", 1), "lemma": "say"}, "cue_type": "neutral",
             "content": span(body, "the strikes had been coordinated"), "direct_quote": False,
             "cites": None, "resolved": None},
        ],
        "claims": [
            sentence(body, "Syrian troops", "unattributed"),
            sentence(body, "The Daesh Takfiri", "hedged", ["reportedly"]),
            sentence(body, "Iraq's Defense", "attributed"),
            sentence(body, "A Syrian source", "anonymous"),
            sentence(body, "The full liberation", "hedged", ["likely"]),
        ],
        "scores": {"loaded__per_1k_narrator": 71.4, "loaded__per_1k_quoted": 166.7,
                   "claims__share_hedged": 0.4, "claims__share_unattributed": 0.2,
                   "readability__flesch_reading_ease": 48.2, "sentiment__compound": -0.6,
                   "sentiment__actor__islamic_state": -0.7},
        "warnings": [],
    }
    return a


@dataclass
class FakeComparison:
    """The agreed ``ComparisonResult`` shape, filled with plausible numbers."""

    summary: dict[str, Any] = field(default_factory=dict)
    stats: pd.DataFrame | None = None
    confusion: dict[str, pd.DataFrame] = field(default_factory=dict)
    similarity: pd.DataFrame | None = None
    linkage: Any = None
    labels: list[str] | None = None
    top_features: pd.DataFrame | None = None


def fake_comparison(outlets: list[str]) -> FakeComparison:
    from scipy.cluster.hierarchy import linkage

    rng = np.random.default_rng(0)
    k = len(outlets)
    cm = pd.DataFrame(rng.integers(0, 10, (k, k)) + np.eye(k, dtype=int) * 20,
                      index=outlets, columns=outlets)
    prof = rng.normal(size=(k, 4))
    sim = pd.DataFrame(np.corrcoef(prof), index=outlets, columns=outlets)
    tf = pd.DataFrame([
        {"by": o, "feature": f"loaded__naming__islamic_state__daesh<{j}>", "coef": 1.0 - j / 10,
         "ci_low": 0.5 - j / 10, "ci_high": 1.5, "examples": [
             {"id": "a1", "sentence": "The <b>Daesh</b> Takfiri terrorists were reportedly..."}]}
        for o in outlets for j in range(3)
    ])
    stats = pd.DataFrame({"feature": ["claims__share_hedged", "loaded__per_1k_narrator"],
                          "test": ["kruskal", "kruskal"], "statistic": [12.1, 30.2],
                          "p_value": [0.002, 1e-6], "p_adj": [0.004, 2e-6],
                          "effect_size": [0.12, 0.31], "effect": ["epsilon²", "epsilon²"]})
    return FakeComparison(
        summary={"models": {"framing": {"macro_f1": 0.41, "macro_f1_ci": [0.33, 0.49],
                                        "accuracy": 0.5, "accuracy_ci": [0.42, 0.58]},
                            "words": {"macro_f1": 0.55, "macro_f1_ci": [0.47, 0.62],
                                      "accuracy": 0.6, "accuracy_ci": [0.52, 0.67]}},
                 "chance_macro_f1": 1 / k, "notes": ["Grouped CV by near-duplicate cluster."]},
        stats=stats, confusion={"framing": cm}, similarity=sim,
        linkage=linkage(prof, "average") if k >= 2 else None, labels=outlets, top_features=tf)


EVIL = "<script>document.title='PWNED'</script><img src=x onerror=alert(1)>"


def _corpus(outlets=("Press TV", "Reuters", "SANA"), per=3):
    rows = []
    for o in outlets:
        for k in range(per):
            rows.append({"id": f"{o}-{k}", "text": BODY + (f" {EVIL}" if k == 0 else ""),
                         "title": f"{o} story {k}", "outlet": o, "publisher": o,
                         "origin": "Reuters" if (o == "SANA" and k == 1) else o,
                         "date": f"2017-0{k + 1}-15"})
    return make_corpus(rows)
