"""Fixtures for the report tests; the fakes themselves live in ``fakes.py``."""

from __future__ import annotations

from typing import Any

import pandas as pd
import pytest

from framing.report import build
from framing.report.comparison import result_section

from .fakes import fake_comparison, make_analysis


@pytest.fixture
def analysis() -> dict[str, Any]:
    return make_analysis()


@pytest.fixture
def fake_analysis(monkeypatch):
    """Analyses from the fixture (families are tested elsewhere) and a fake comparison."""

    def fake_analyze_corpus(corpus, lexicons=(), progress=None, workers=1):
        out = []
        for row in corpus.to_dict("records"):
            a = make_analysis(outlet=row["outlet"], id_=row["id"], title=row["title"])
            a["body"] = row["text"]
            a["article"].update(publisher=row["publisher"], origin=row["origin"])
            out.append(a)
        return build.CorpusAnalysis(out, ["loaded", "claims"],
                                    build.features_frame(corpus, out),
                                    pd.DataFrame(columns=list(build.SPAN_COLUMNS)))

    def fake_section(features, spans, corpus, groups, by, seed=0, options=None, docs=None):
        outlets = sorted(groups.unique())
        if len(outlets) < 2:
            return {"note": f"Only one {by}: a comparison needs two or more."}
        return result_section(fake_comparison(outlets), by)

    monkeypatch.setattr(build, "analyze_corpus", fake_analyze_corpus)
    monkeypatch.setattr(build.sections, "lexicon_versions", lambda lexicons: (
        [("test-lexicon", "1.2.3", "test.toml")], {"islamic_state": "the Islamic State group"}))
    monkeypatch.setattr(build, "comparison_section", fake_section)
