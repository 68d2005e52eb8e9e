import numpy as np
import pandas as pd
from sklearn.compose import ColumnTransformer
from sklearn.linear_model import LogisticRegression
from sklearn.pipeline import Pipeline

from framing.compare.choice import OutletFolds, PooledCVChoice


def test_outlet_folds_skip_an_outlet_whose_label_no_other_outlet_carries():
    y = np.array(["a"] * 4 + ["a"] * 4 + ["b"] * 4)
    g = np.array([0] * 4 + [1] * 4 + [2] * 4)
    splits = list(OutletFolds().split(None, y, g))
    assert [sorted(set(g[te])) for _, te in splits] == [[0], [1]]  # outlet 2 is the only "b"
    assert OutletFolds().get_n_splits(None, y, g) == 2
    # more outlets than folds: whole outlets dealt into 3 folds, none split
    g6 = np.repeat(np.arange(6), 4)
    y6 = np.array(["a", "b"] * 12)
    splits = list(OutletFolds(max_splits=3).split(None, y6, g6))
    assert len(splits) == 3
    for tr, te in splits:
        assert not set(g6[tr]) & set(g6[te]) and len(set(g6[te])) == 2


def test_pooled_choice_picks_the_setting_that_holds_on_unseen_outlets():
    rng = np.random.default_rng(0)
    # column "good" carries the label in every outlet; column "house" marks each outlet's
    # label only among the outlets of one half, and the opposite among the others
    rows = []
    for outlet in range(6):
        label = outlet % 2
        for _ in range(20):
            house = (label if outlet < 3 else 1 - label) + rng.normal(0, 0.1)
            rows.append({"good": label + rng.normal(0, 0.8), "house": house,
                         "y": "ab"[label], "g": outlet})
    df = pd.DataFrame(rows)
    features = ColumnTransformer([("good", "passthrough", ["good"]),
                                  ("house", "passthrough", ["house"])])
    pipe = Pipeline([("features", features), ("clf", LogisticRegression())])
    # the first candidate (the default) reads house style alone, the second the stable column
    model = PooledCVChoice(pipe, [{"features__good": "drop"}, {"features__house": "drop"}])
    X = df[["good", "house"]]
    y = df["y"].to_numpy()
    model.fit(X, y, groups=df["g"].to_numpy())
    assert len(model.scores_) == 2 and model.best_index_ == 1
    assert model.scores_[1] > model.scores_[0] + 0.2
    assert model.best_params_ == {"features__house": "drop"}
    assert (model.predict(X) == y).mean() > 0.6
    # without groups every article is its own outlet: the choice still runs
    assert PooledCVChoice(pipe, [{}]).fit(X, y).best_index_ == 0
