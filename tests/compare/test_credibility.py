import numpy as np
import pandas as pd
import pytest

from framing.compare.columns import framing_columns
from framing.compare.credibility import credibility, ratings_vs_profiles, read_ratings
from framing.compare.stats import profiles
from framing.errors import FramingError, InputError


def test_auc_finds_the_feature_behind_the_label(tiny):
    features, _, _ = tiny
    cols = framing_columns(features, exclude={"label"})
    groups = np.arange(len(features))
    summary, table, scores = credibility(
        features, cols, "label", groups, n_splits=3, n_boot=200, n_coef_boot=10
    )
    assert summary["auc"] > 0.75
    lo, hi = summary["auc_ci"]
    assert lo <= summary["auc"] <= hi
    top = table.set_index("feature").loc["attribution__n_named"]
    assert top.coef > 0 and top.goes_with == "label=1"
    assert "attribution__n_named" in summary["features_with_positive"]
    assert np.isfinite(scores).all()


def test_rare_columns_cut_by_the_model_leave_the_table_consistent(tiny):
    features, _, _ = tiny
    # never non-zero: below the framing block's default support, so the model drops it
    features = features.assign(loaded__rate__rare_name=0.0)
    cols = framing_columns(features, exclude={"label"})
    _, table, _ = credibility(
        features, cols, "label", np.arange(len(features)), n_splits=3, n_boot=50, n_coef_boot=5
    )
    assert "loaded__rate__rare_name" not in set(table["feature"])
    assert set(table["feature"]) < set(cols) and table["coef"].notna().all()


def test_label_must_be_binary(tiny):
    features, _, _ = tiny
    bad = features.assign(label=np.arange(len(features)) % 3)
    with pytest.raises(FramingError, match="two values"):
        credibility(bad, ["loaded__per_1k"], "label", np.arange(len(bad)))


def test_ratings_join_and_correlate(tiny, tmp_path):
    features, _, _ = tiny
    prof = profiles(features, ["loaded__per_1k", "claims__share_hedged"], "outlet")
    path = tmp_path / "ratings.csv"
    pd.DataFrame(
        {"outlet": ["Alpha Daily", "Beta News", "Gamma Times", "Nowhere"], "rating": [1, 2, 3, 9]}
    ).to_csv(path, index=False)
    summary, table = ratings_vs_profiles(prof, read_ratings(str(path)))
    assert summary["n_outlets_rated"] == 3
    assert summary["unmatched"] == ["Nowhere"]
    rho = table.set_index("feature").loc["loaded__per_1k", "spearman_rho"]
    assert rho == pytest.approx(1.0)


def test_ratings_csv_needs_its_columns(tmp_path):
    path = tmp_path / "r.csv"
    path.write_text("name,score\na,1\n")
    with pytest.raises(InputError, match="outlet,rating"):
        read_ratings(str(path))
