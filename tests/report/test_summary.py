"""The first screen: the strongest differences, in words, with direction, n and links."""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from framing.report import build_report
from framing.report.summary import divergent_naming, effect_words, model_lines, strongest_features

from .fakes import _corpus


def _features():
    rng = np.random.default_rng(0)
    g = pd.Series(["A"] * 20 + ["B"] * 20 + ["C"] * 3)
    high_b = np.r_[rng.normal(1, 0.1, 20), rng.normal(5, 0.1, 20), rng.normal(9, 0.1, 3)]
    return g, pd.DataFrame({"claims__share_hedged": high_b,
                            "loaded__rate__rebels": high_b, "claims__n_hedges": high_b,
                            "loaded__naming__opposition__rebels": high_b,
                            "readability__sentence_count": high_b,
                            "sentiment__compound": rng.normal(size=43)})


def _stats(rows):
    return pd.DataFrame(rows, columns=["feature", "h", "p", "epsilon_sq", "q"])


def test_effect_words_follow_the_usual_thresholds():
    assert effect_words(0.30) == "a large difference"
    assert effect_words(0.10) == "a medium difference"
    assert effect_words(0.02) == "a small difference"
    assert effect_words(0.001) == "a negligible difference"
    assert effect_words(float("nan")) == "an effect of unknown size"


def test_strongest_features_are_significant_not_style_one_per_topic_with_direction():
    groups, feats = _features()
    stats = _stats([("readability__sentence_count", 50, 1e-9, 0.9, 1e-8),  # house style: aside
                    ("loaded__rate__rebels", 40, 1e-8, 0.8, 1e-7),
                    ("loaded__naming__opposition__rebels", 39, 1e-8, 0.7, 1e-7),  # same topic
                    ("claims__n_hedges", 35, 1e-7, 0.6, 1e-6),          # a count: aside
                    ("claims__share_hedged", 30, 1e-6, 0.5, 1e-5),
                    ("sentiment__compound", 1, 0.5, 0.9, 0.6)])         # not significant
    docs = {"claims__share_hedged": ("Share of the article's sentences that are hedged", "share 0..1"),
            "claims__n_hedges": ("Hedge phrases", "count")}
    got = strongest_features(stats, feats, groups, ["A", "B"], docs)
    assert [f["feature"] for f in got] == ["loaded__rate__rebels", "claims__share_hedged"]
    hedged = got[1]
    assert hedged["gloss"] == "Share of the article's sentences that are hedged"
    assert hedged["effect"] == "a large difference" and hedged["unit"] == "share 0..1"
    # direction among the groups compared only: C (3 articles, left out) is not "highest"
    assert hedged["high"][0] == "B" and hedged["high"][2] == 20 and hedged["low"][0] == "A"
    assert 4.5 < hedged["high"][1] < 5.5


def test_divergent_naming_needs_min_n_articles_on_both_sides():
    shares = pd.DataFrame({
        "outlet": ["A", "B", "C", "A", "B"],
        "referent": ["opp", "opp", "opp", "gov", "gov"],
        "name": ["rebels", "rebels", "rebels", "regime", "regime"],
        "n_articles": [12, 6, 1, 8, 8], "share": [0.76, 0.12, 1.0, 0.5, 0.4],
        "ci_low": [0.48, 0.02, 0.2, 0.2, 0.1], "ci_high": [0.92, 0.52, 1.0, 0.8, 0.7]})
    got = divergent_naming(shares, {"opp": "the armed opposition"}, min_n=5,
                           charted=["naming-opp"])
    assert [(g["referent"], g["high"]["group"], g["low"]["group"]) for g in got] == [
        ("opp", "A", "B"), ("gov", "A", "B")]  # C's 100% from one article is not the top
    first = got[0]
    assert first["label"] == "the armed opposition" and first["anchor"] == "naming-opp"
    assert first["high"] == {"group": "A", "share": "76%", "n": 12, "ci": "48%–92%"}
    assert got[1]["anchor"] == "naming"  # no chart of its own: the section
    assert divergent_naming(shares, {}, min_n=20) == []


def test_model_lines_put_chance_beside_the_scores():
    scores = pd.DataFrame({"macro_f1": [0.41], "ci_low": [0.33], "ci_high": [0.49]},
                          index=["framing"])
    (line,) = model_lines(scores, 0.14)
    assert "framing features 0.41 (0.33–0.49)" in line and "random guess scores 0.14" in line


def test_summary_comes_first_and_links_resolve(tmp_path, fake_analysis):
    html = build_report(_corpus(), tmp_path / "r.html", max_cards=1, progress=False,
                        title="Immigration <coverage> & outlets").read_text("utf-8")
    assert "<title>Immigration &lt;coverage&gt; &amp; outlets</title>" in html
    summary = html[html.index('<section id="summary"'):html.index("</section>")]
    assert html.index('<section id="summary"') < html.index('id="overview"')
    assert "Macro-F1 out of fold" in summary and "random guess" in summary
    ids = set(re.findall(r'\bid="([^"]+)"', html))
    links = re.findall(r'href="#([^"]+)"', summary)
    assert links and all(a in ids for a in links), set(links) - ids
    # every section folded, nothing scripted
    assert '<details class="sec" id="comparison">' in html and "<script" not in html
