import framing.text.gate
from framing.analyze import analyze_article


def test_a_text_too_long_is_kept_and_reported_not_analysed(monkeypatch):
    monkeypatch.setattr(framing.text.gate, "MAX_CHARS", 50)
    text = "The army said the town fell on Monday, officials said."
    out = analyze_article({"id": "a", "text": text})
    assert out["body"] == text  # nothing lost
    assert out["scores"] == {} and out["attributions"] == []
    assert out["warnings"] and "too long" in out["warnings"][0]


def test_an_empty_text_is_still_scored_and_a_normal_one_analysed():
    assert analyze_article("")["scores"] and analyze_article("")["warnings"] == []
    out = analyze_article("The army said the town fell.")
    assert out["attributions"] and out["warnings"] == []


def test_warnings_from_a_table_nan_array_or_list(tmp_path):
    import io

    import numpy as np
    import pandas as pd

    # pandas reads an empty ``warnings`` cell as NaN: it used to raise TypeError (list(nan))
    table = pd.read_csv(io.StringIO("id,text,warnings\na,The army said the town fell.,\n"))
    row = table.to_dict("records")[0]
    assert row["warnings"] != row["warnings"]  # NaN, as a researcher's table gives it
    out = analyze_article(row)
    assert out["warnings"] == [] and out["attributions"]
    arr = analyze_article({"id": "b", "text": "Shelling.", "warnings": np.array(["repaired mojibake"])})
    assert arr["warnings"] == ["repaired mojibake"]
    assert analyze_article({"id": "c", "text": "Shelling.", "warnings": "one note"})["warnings"] == ["one note"]
