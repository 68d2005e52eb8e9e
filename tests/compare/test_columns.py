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


def test_house_style_columns_are_flagged_and_naming_choices_are_not():
    from framing.compare.columns import is_style

    # "SAA" only abbreviates "Syrian Arab Army" (same referent, same category); "US"/"U.S." and
    # "IS" are forms of the "united states" and "islamic state" entries, so have no column
    for col in ("loaded__rate__saa", "loaded__lead__saa",
                "readability__lexicon_count", "claims__n_sentences", "style__us_spelling"):
        assert is_style(col), col
    # a different name, or a loaded one, is a framing choice
    for col in ("loaded__rate__united_states", "loaded__rate__uncle_sam", "loaded__rate__daesh",
                "loaded__naming__islamic_state__isis", "readability__words_per_sentence"):
        assert not is_style(col), col
