import framing.extract
from framing.analyze import analyze_article


def test_a_text_too_long_is_kept_and_reported_not_analysed(monkeypatch):
    monkeypatch.setattr(framing.extract, "MAX_CHARS", 50)
    text = "The army said the town fell on Monday, officials said."
    out = analyze_article({"id": "a", "text": text})
    assert out["body"] == text  # nothing lost
    assert out["scores"] == {} and out["attributions"] == []
    assert out["warnings"] and "too long" in out["warnings"][0]


def test_an_empty_text_is_still_scored_and_a_normal_one_analysed():
    assert analyze_article("")["scores"] and analyze_article("")["warnings"] == []
    out = analyze_article("The army said the town fell.")
    assert out["attributions"] and out["warnings"] == []
