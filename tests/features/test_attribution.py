"""The attribution family (framing/features/attribution.py)."""

from __future__ import annotations

import pickle

import numpy as np
import pytest

from framing.features.attribution import Attribution
from framing.features.base import family_class
from framing.features.claims import Claims
from framing.text import Document


def test_registered_and_picklable() -> None:
    assert family_class("attribution") is Attribution
    fam = pickle.loads(pickle.dumps(Attribution()))
    assert all(n.startswith("attribution__") for n in fam.feature_names())


def test_features_on_seed(seed_article: dict) -> None:
    res = Attribution().analyze(Document(seed_article["text"]))
    f = res.features
    assert f["attribution__n_attributions"] == 5
    assert f["attribution__n_anonymous"] == 2  # A Syrian source; the unnamed commander (cited)
    assert f["attribution__n_media"] == 1 and f["attribution__n_document"] == 1
    assert f["attribution__distinct_named_sources"] == 4
    assert 0 < f["attribution__share_direct_quote"] < 0.3
    assert f["attribution__n_loaded_cues"] == 0
    assert {e.label for e in res.spans} == {"organization", "document", "person", "anonymous",
                                             "media"}
    assert len(res.details["attributions"]) == 6  # + the continued quotation paragraph


def test_loaded_cues_and_named_sources_merge() -> None:
    text = ("Othman al-Ghanmi said the talks went well. Ghanmi claimed the border was secure. "
            "Rebels alleged that the army lied.")
    f = Attribution().analyze(Document(text)).features
    assert f["attribution__n_loaded_cues"] == 2
    assert f["attribution__share_loaded_cues"] == 2 / 3
    assert f["attribution__distinct_named_sources"] == 1


def test_cue_by_source_type_rates() -> None:
    doc = Document("The minister said the army advanced. A source told reporters that 5 died. "
                   "The ministry claimed victory.")
    f = Attribution().analyze(doc).features
    per = 1000 / doc.n_words
    assert f["attribution__cue__say__person"] == pytest.approx(per)
    assert f["attribution__cue__tell__anonymous"] == pytest.approx(per)
    assert f["attribution__cue__claim__organization"] == pytest.approx(per)
    assert f["attribution__cue__say__anonymous"] == 0
    cue_cols = [k for k in f if k.startswith("attribution__cue__")]
    # one column per cue lemma in lexicons/cues.toml and source type; the cells add up
    assert sum(f[k] for k in cue_cols) == pytest.approx(f["attribution__per_1k_words"])


def test_lead_columns_say_who_sources_the_lead() -> None:
    text = ("Troops advance near the city, a military source said. Shelling went on. "
            "Later the minister said the army had won.")
    f = Attribution().analyze(Document(text)).features
    assert f["attribution__lead__anonymous"] == 1.0
    assert f["attribution__lead__person"] == 0.0  # the minister speaks in the third sentence
    assert f["attribution__n_person"] == 1


def test_transform_matches_feature_names() -> None:
    from framing.features.transformers import Attribution as AttributionTransformer

    fam = AttributionTransformer().fit()
    X = fam.transform(["The army said the road was open.", ""])
    assert X.shape == (2, len(fam.get_feature_names_out()))
    assert np.all(X[1] == 0)


def test_extraction_runs_once_for_both_families(monkeypatch) -> None:
    import framing.sourcing.attribution as mod

    calls = []
    real = mod.extract

    def counting(doc, lex=None):
        calls.append(1)
        return real(doc, lex)

    monkeypatch.setattr(mod, "extract", counting)
    doc = Document("The army said the road was open.")
    Attribution().analyze(doc)
    Claims().analyze(doc)
    assert len(calls) == 1
