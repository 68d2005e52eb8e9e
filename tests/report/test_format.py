"""What the report counts as a loaded term."""

from __future__ import annotations

from framing.report.format import is_loaded, n_loaded


def test_the_familys_own_decision_wins_over_the_category():
    # a weight-0.1 wire word ('gunman') has a category but is below the loaded threshold
    below = {"text": "gunman", "category": "dysphemism", "loaded": False}
    above = {"text": "Takfiri", "category": "dysphemism", "loaded": True}
    plain = {"text": "migrants", "category": "neutral", "loaded": False}
    assert not is_loaded(below) and is_loaded(above) and not is_loaded(plain)
    assert n_loaded({"loaded_terms": [below, above, plain]}) == 1


def test_analyses_saved_before_the_decision_fall_back_to_the_category():
    old = [{"text": "regime", "category": "label"}, {"text": "government", "category": "neutral"}]
    assert n_loaded({"loaded_terms": old}) == 1
    assert n_loaded({}) == 0
