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
    for m in s["models"].values():
        assert {"macro_f1", "macro_f1_ci", "accuracy", "per_outlet", "top_features"} <= set(m)
        assert m["macro_f1_ci"][0] <= m["macro_f1"] <= m["macro_f1_ci"][1]
        assert "macro_f1_unstripped" not in m and "repeated_cv" not in m  # --thorough only
        assert m["by_genre"]["news report"]["n"] == 42
    assert s["effort"] == "fast" and s["cv"]["coef_bootstrap"] == 10  # asked for
    assert s["credibility"]["auc"] is not None and len(s["credibility"]["auc_ci"]) == 2
    assert set(s["excluded"]) == {"Alpha Daily", "Beta News", "Gamma Times"}
    assert s["excluded"]["Alpha Daily"]["articles"] == 14
    assert s["genre"]["per_group"]["Alpha Daily"]["news report"] == 14
    assert s["selection"]["n_compared"] == 3 and not s["selection"]["too_small"]
    assert s == json.loads(json.dumps(s))  # plain JSON (no NaN)


def test_tables_are_written(result):
    _, out = result
    for name in ("stats_kruskal.csv", "stats_pairwise.parquet", "per_outlet.csv", "confusion.csv",
                 "top_features.csv", "similarity.csv", "linkage.csv", "predictions.csv",
                 "credibility_features.csv", "model.skops", "naming_shares.csv"):
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


def test_the_framing_model_alone_strips_nothing_and_scores_as_beside_the_others(result, tiny):
    features, spans, corpus = tiny
    r = compare_outlets(features, spans_df=spans, corpus_df=corpus, n_splits=3, n_boot=50,
                        n_coef_boot=0, models=("framing",))
    assert set(r.summary["models"]) == {"framing"} and r.summary["excluded"] == {}
    assert any("no word model" in n for n in r.summary["notes"])
    full = result[0].predictions
    assert r.predictions["pred_framing"].tolist() == full["pred_framing"].tolist()
    assert r.summary["cv"]["n_groups"] == result[0].summary["cv"]["n_groups"]  # text still groups


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


def test_thorough_runs_the_full_analysis(tiny):
    features, _, corpus = tiny
    r = compare_outlets(features, corpus_df=corpus, n_splits=3, n_boot=50, thorough=True,
                        n_repeats=2, n_coef_boot=8, models=("framing", "tfidf"))
    s = r.summary
    assert s["effort"] == "thorough" and s["cv"]["repeats"] == 2
    assert "macro_f1_unstripped" in s["models"]["tfidf"]
    assert len(s["models"]["framing"]["repeated_cv"]["macro_f1"]) == 2
    top = r.top_features[r.top_features.model == "framing"]
    assert top["ci_low"].notna().all()
    assert ((top.ci_low <= top.coef + 1e-9) & (top.coef <= top.ci_high + 1e-9)).all()


def _labelled(tiny, label: dict[str, object]):
    features, spans, corpus = tiny
    f = features.assign(lean=features["outlet"].map(label))
    c = corpus.copy()
    # numbers and the word "left" in every story, and each outlet naming itself
    c["text"] = [f"{t} The vote was 2 to 1 with 0 abstentions on the left bank, {o} reported."
                 for t, o in zip(c["text"], c["outlet"], strict=True)]
    return f, spans, c


@pytest.mark.parametrize("label", [{"Alpha Daily": 0, "Beta News": 1, "Gamma Times": 2},
                                   {"Alpha Daily": "left", "Beta News": "left",
                                    "Gamma Times": "right"}])
def test_by_a_label_strips_the_outlets_names_and_never_the_label_values(tiny, label):
    f, _, c = _labelled(tiny, label)
    r = compare_outlets(f, corpus_df=c, by="lean", n_splits=3, n_boot=20,
                        models=("tfidf",))
    strip = r.model_bundle["model"].named_steps["features"].named_transformers_["text"]
    out = strip.named_steps["strip"].transform(
        ["The vote was 2 to 1 with 0 abstentions on the left bank, Beta News reported."])[0]
    assert "2 to 1 with 0 abstentions on the left bank" in out
    assert "Beta News" not in out
    assert r.model_bundle["strip_outlets"] == ["Alpha Daily", "Beta News", "Gamma Times"]
    assert sum(e["cuts"].get("outlet_name", 0) for e in r.summary["excluded"].values()) == 42


def test_groups_with_too_few_articles_are_left_out_and_named(tiny):
    features, _, corpus = tiny
    f = features.copy()
    f.loc[f.index[:3], "outlet"] = "Tiny Gazette"
    said: list[str] = []
    r = compare_outlets(f, corpus_df=corpus, n_splits=3, n_boot=20, models=("framing",),
                        min_articles=5, progress=said.append)
    assert "Tiny Gazette" not in r.summary["articles_per_outlet"]
    assert r.summary["selection"]["too_small"] == {"Tiny Gazette": 3}
    assert any("left out" in m and "Tiny Gazette 3" in m for m in said)
    r = compare_outlets(features, corpus_df=corpus, n_splits=3, n_boot=20, models=("framing",),
                        max_groups=2)
    assert r.summary["n_outlets"] == 2 and len(r.summary["selection"]["over_cap"]) == 1


def _six_outlets(tiny, tiny_other):
    features, spans, corpus = tiny
    f2, c2 = tiny_other[0].copy(), tiny_other[2].copy()
    for df in (f2, c2):
        df["outlet"] = df["outlet"] + " II"
        df["id"] = df["id"] + "b"
    f = pd.concat([features, f2], ignore_index=True)
    c = pd.concat([corpus, c2], ignore_index=True)
    lean = {o: ("a" if o.startswith(("Alpha", "Beta")) else "b") for o in f["outlet"].unique()}
    return f.assign(lean=f["outlet"].map(lean)), spans, c


def test_outlets_held_out_one_at_a_time_with_word_settings_chosen_on_other_outlets(tiny, tiny_other):
    f, _, c = _six_outlets(tiny, tiny_other)
    r = compare_outlets(f, corpus_df=c, by="lean", cv="outlet", n_boot=20)
    s = r.summary
    assert s["cv"]["method"] == "LeaveOneGroupOut over outlets" and s["cv"]["n_splits"] == 6
    assert all(len(h) == 1 for h in s["cv"]["held_out_outlets"])
    assert set(s["models"]) == {"framing", "tfidf", "combined"}
    assert len(s["models"]["tfidf"]["word_settings_per_fold"]) == 6
    assert r.predictions["tested"].all()


def test_given_test_outlets_score_only_those(tiny, tiny_other):
    f, _, c = _six_outlets(tiny, tiny_other)
    r = compare_outlets(f, corpus_df=c, by="lean", test_outlets=["Alpha Daily", "Gamma Times"],
                        n_boot=20, models=("framing", "tfidf"))
    tested = r.predictions[r.predictions["tested"]]
    assert set(tested["outlet"]) == {"Alpha Daily", "Gamma Times"}
    assert r.predictions.loc[~r.predictions["tested"], "pred_framing"].isna().all()
    assert r.summary["models"]["framing"]["per_outlet"].keys() == {"a", "b"}
    with pytest.raises(FramingError, match="not in the data"):
        compare_outlets(f, corpus_df=c, by="lean", test_outlets=["Nope"], models=("framing",))


def test_holding_out_outlets_needs_a_label_with_two_outlets_each(tiny):
    features, _, corpus = tiny
    lean = {"Alpha Daily": "a", "Beta News": "a", "Gamma Times": "b"}
    f = features.assign(lean=features["outlet"].map(lean))
    with pytest.raises(FramingError, match="'b' has only 'Gamma Times'"):
        compare_outlets(f, corpus_df=corpus, by="lean", cv="outlet", models=("framing",))
    with pytest.raises(FramingError, match="needs a label"):
        compare_outlets(features, corpus_df=corpus, cv="outlet", models=("framing",))


def test_the_genre_control_is_reported_both_ways(tiny):
    features, _, corpus = tiny
    c = corpus.copy()
    # Gamma's stories are wire copy: genre alone would give it away
    gamma = c["outlet"] == "Gamma Times"
    c.loc[gamma, "text"] = "NEW YORK (AP) \u2014 " + c.loc[gamma, "text"]
    r = compare_outlets(features, corpus_df=c, n_splits=3, n_boot=20, control="genre",
                        models=("framing",))
    m = r.summary["models"]["framing"]
    assert "without_control" in m and 0 <= m["without_control"]["macro_f1"] <= 1
    assert "pred_framing_without_control" in r.predictions
    assert set(m["by_genre"]) == {"news report", "wire copy"}
    assert r.summary["genre"]["confounded"] == ["wire copy"]
    assert r.summary["genre"]["per_group"]["Gamma Times"]["wire copy"] == 14
