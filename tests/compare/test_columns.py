import pandas as pd

from framing.compare.columns import framing_columns


def test_framing_columns_never_include_metadata():
    df = pd.DataFrame(
        {
            "id": [1, 2], "outlet": ["a", "b"], "label": [0, 1], "errors": [None, None],
            "text": ["x", "y"], "loaded__per_1k": [1.0, 2.0], "sentiment__compound": [0.1, 0.2],
            "loaded__note": ["a", "b"],  # not numeric
            "outlet__id": [1, 2],  # looks like a feature but is excluded by name
        }
    )
    cols = framing_columns(df, exclude={"outlet__id"})
    assert cols == ["loaded__per_1k", "sentiment__compound"]
