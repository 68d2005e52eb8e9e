import json

import numpy as np
import pandas as pd
import pytest

from framing.compare import ComparisonResult, compare_outlets, load_model
from framing.errors import FramingError


@pytest.fixture(scope="module")
def result(tiny, tmp_path_factory) -> tuple[ComparisonResult, object]:
    features, spans, corpus = tiny
    out = tmp_path_factory.mktemp("results")
    r = compare_outlets(
        features, spans_df=spans, corpus_df=corpus, label_col="label", out_dir=out,
        n_splits=3, n_boot=200, n_coef_boot=10,
    )
    return r, out


def test_summary_has_the_agreed_keys(result):
    r, out = result
    s = json.loads((out / "summary.json").read_text())
    assert s["n_articles"] == 42 and s["n_outlets"] == 3
    assert {"method", "n_splits", "n_groups", "near_dup_threshold"} <= set(s["cv"])
    assert s["cv"]["n_groups"] < 42  # the republished wire story was grouped
    assert set(s["models"]) == {"framing", "tfidf", "combined"}
    for kind, m in s["models"].items():
        assert {"macro_f1", "macro_f1_ci", "accuracy", "per_outlet", "top_features"} <= set(m)
        assert m["macro_f1_ci"][0] <= m["macro_f1"] <= m["macro_f1_ci"][1]
        if kind != "framing":
            assert "macro_f1_unstripped" in m
    assert s["credibility"]["auc"] is not None and len(s["credibility"]["auc_ci"]) == 2
    assert s == json.loads(json.dumps(s))  # plain JSON (no NaN)


def test_tables_are_written(result):
    _, out = result
    for name in ("stats_kruskal.csv", "stats_pairwise.parquet", "per_outlet.csv", "confusion.csv",
                 "top_features.csv", "similarity.csv", "linkage.csv", "predictions.csv",
                 "credibility_features.csv", "model.skops"):
        assert (out / name).stat().st_size > 0, name
    assert not list(out.glob(".*tmp"))  # no temporary files left behind
    per = pd.read_csv(out / "per_outlet.csv")
    assert {"f1", "f1_ci_low", "f1_ci_high", "precision_ci_low", "recall_ci_high"} <= set(per)
    assert (per["f1_ci_low"] <= per["f1"] + 1e-9).all() and (per["f1"] <= per["f1_ci_high"] + 1e-9).all()


def test_framing_model_sees_no_metadata(result):
    r, _ = result
    cols = r.model_bundle["feature_cols"]
    assert cols and all("__" in c for c in cols)
    assert not {"id", "outlet", "label", "errors"} & set(cols)
    framing_top = r.top_features[r.top_features.model == "framing"]
    assert framing_top.feature.str.contains("__").all()


def test_saved_model_reloads_and_predicts_the_same(result, tiny):
    r, out = result
    features, _, corpus = tiny
    bundle = load_model(out / "model.skops")
    X = features.assign(text=corpus["text"].values)
    assert (bundle["model"].predict(X) == r.model_bundle["model"].predict(X)).all()


def test_without_text_only_the_framing_model_runs(tiny):
    features, _, _ = tiny
    r = compare_outlets(features, n_splits=3, n_boot=50, n_coef_boot=0)
    assert set(r.summary["models"]) == {"framing"}
    assert r.summary["notes"]


def test_repeats_score_each_model_on_other_fold_draws(tiny):
    features, _, corpus = tiny
    r = compare_outlets(
        features, corpus_df=corpus, n_splits=3, n_boot=50, n_coef_boot=0, n_repeats=3,
        models=("framing", "tfidf"),
    )
    assert r.summary["cv"]["repeats"] == 3
    for m in r.summary["models"].values():
        rep = m["repeated_cv"]
        assert rep["fold_seeds"] == [0, 1, 2] and len(rep["macro_f1"]) == 3
        assert rep["macro_f1"][0] == m["macro_f1"]  # the first draw is the main score
        assert min(rep["macro_f1"]) <= rep["mean"] <= max(rep["macro_f1"]) and rep["sd"] >= 0
    with pytest.raises(FramingError, match="repeats"):
        compare_outlets(features, n_repeats=0)


def test_bad_group_column_is_a_clear_error(tiny):
    features, _, _ = tiny
    with pytest.raises(FramingError, match="no column 'publisher'"):
        compare_outlets(features, by="publisher")
    with pytest.raises(FramingError, match="at least two"):
        compare_outlets(features.assign(outlet="same"))


def test_confusion_rows_sum_to_outlet_sizes(result, tiny):
    r, _ = result
    features, _, _ = tiny
    cm = r.confusion["framing"]
    sizes = features["outlet"].value_counts()
    assert np.all(cm.sum(axis=1).to_numpy() == sizes.loc[cm.index].to_numpy())
