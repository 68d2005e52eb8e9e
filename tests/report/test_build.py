"""build_report end to end: sections present or explained, text escaped, files written whole."""

from __future__ import annotations

import re
from html import unescape

import pandas as pd
import pytest

from framing.cli import main
from framing.corpus import make_corpus
from framing.errors import FramingError
from framing.report import build, build_report

from .fakes import EVIL, _corpus, fake_comparison


def test_multi_outlet_report_has_every_section(tmp_path, fake_analysis):
    out = build_report(_corpus(), tmp_path / "r.html", max_cards=2, progress=False)
    html = out.read_text(encoding="utf-8")
    for heading in ("1 Corpus overview", "2 Per outlet", "3 Comparison of outlets",
                    "Words that set each outlet apart",
                    "4 Article cards", "5 Methods", "Naming: the Islamic State group",
                    "test-lexicon 1.2.3", "Sourcing mix",
                    "Outlet similarity dendrogram", "Confusion matrix: framing",
                    "Predicting the outlet", "epsilon²"):
        assert heading in html, heading
    assert html.count('<article class="framing-card"') == 6  # 2 per outlet x 3 outlets
    # provenance: SANA's agency copy is listed
    assert "1 carry copy from another origin" in html
    # no file left half-written (the card pages beside it are whole), nothing fetched
    assert sorted(p.name for p in tmp_path.iterdir()) == ["r-cards", "r.html"]
    assert [p.name for p in (tmp_path / "r-cards").iterdir()] == ["page-001.html"]
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html.replace(
        'href="https://example.org/a"', ""))
    # the classifier interval and example sentences made it through, escaped
    assert "0.330" in html and "&lt;b&gt;Daesh&lt;/b&gt;" in html


def test_injected_text_is_escaped_everywhere(tmp_path, fake_analysis):
    corpus = _corpus(outlets=("Press TV", EVIL))
    html = build_report(corpus, tmp_path / "r.html", progress=False).read_text("utf-8")
    assert "<script>" not in html and "<img src=x" not in html
    assert "&lt;script&gt;document.title=" in html


def test_one_outlet_explains_missing_comparison(tmp_path, fake_analysis):
    html = build_report(_corpus(outlets=("SANA",)), tmp_path / "r.html",
                        progress=False).read_text("utf-8")
    assert "Only one outlet" in html
    assert "1 Corpus overview" in html


def test_single_article_is_its_card_and_scores(tmp_path, fake_analysis):
    html = build_report(_corpus(outlets=("SANA",), per=1), tmp_path / "one.html",
                        progress=False).read_text("utf-8")
    assert html.count('<article class="framing-card"') == 1
    assert 'id="scores"' in html and "per_1k_narrator" in html
    assert "Corpus overview" not in html


def test_seed_report_with_real_families(tmp_path):
    from framing.io import corpus_hash, load_corpus
    from framing.paths import SEEDS_DIR

    corpus = load_corpus([SEEDS_DIR])
    html = build_report(corpus, tmp_path / "seeds.html", progress=False).read_text("utf-8")
    assert corpus_hash(corpus) in html
    assert "<script" not in html
    # the card reproduces the body exactly once the marks are taken out
    card = html[html.index('<div class="fr-body">'):]
    card = card[:card.index("</div>") + 6]
    text = re.sub(r'<(sup|span) class="fr-badge[^>]*>[^<]*</(sup|span)>', "", card)
    assert unescape(re.sub(r"<[^>]+>", "", text)) == corpus["text"].iloc[0]


def test_failed_article_is_kept_with_its_error(tmp_path, monkeypatch):
    import framing.analyze as analyze

    real = analyze.analyze_article

    def flaky(row, families=None, lexicons=()):
        if isinstance(row, dict) and row.get("id") == "SANA-1":
            raise RuntimeError("boom")
        return real(row, families, lexicons)

    monkeypatch.setattr(analyze, "analyze_article", flaky)
    monkeypatch.setattr(build, "_WORKER_CACHE", {})
    html = build_report(_corpus(outlets=("SANA",)), tmp_path / "r.html", progress=False,
                        max_cards=3).read_text("utf-8")
    assert "1 article(s) could not be analysed" in html
    assert "analysis failed: RuntimeError: boom" in html


def test_a_failed_row_with_missing_warnings_keeps_its_error():
    # a table read by pandas gives NaN, not [], for an empty warnings cell
    got = build._failed({"id": "x1", "text": "t", "warnings": float("nan")}, "analysis failed: boom")
    assert got["warnings"] == ["analysis failed: boom"]
    got = build._failed({"id": "x2", "text": "t", "warnings": "repaired mojibake"}, "why")
    assert got["warnings"] == ["repaired mojibake", "why"]


@pytest.mark.parametrize(
    ("df", "by", "message"),
    [
        (make_corpus([]), "outlet", "empty"),
        (_corpus(), "country", "cannot group by 'country'"),
        (pd.DataFrame({"x": [1]}), "outlet", "no id, text column"),
    ],
)
def test_bad_input_is_one_clear_error(tmp_path, df, by, message):
    with pytest.raises(FramingError, match=message):
        build_report(df, tmp_path / "r.html", by=by, progress=False)
    assert not any(tmp_path.iterdir())


def test_pdf(tmp_path, fake_analysis):
    try:
        import weasyprint  # noqa: F401
    except (ImportError, OSError) as exc:
        with pytest.raises(FramingError, match="WeasyPrint"):
            build_report(_corpus(), tmp_path / "r.html", pdf=True, progress=False)
        pytest.skip(f"WeasyPrint not usable here: {exc}")
    out = build_report(_corpus(outlets=("SANA",), per=1), tmp_path / "r.html", pdf=True,
                       progress=False)
    assert out.with_suffix(".pdf").read_bytes().startswith(b"%PDF")


def test_cli_report(tmp_path, capsys):
    out = tmp_path / "seeds.html"
    assert main(["report", "-q", "-o", str(out)]) == 0
    assert out.exists() and f"wrote {out}" in capsys.readouterr().out
    assert main(["report", "-q", "--by", "nope", "-o", str(out)]) == 1
    assert "cannot group by 'nope'" in capsys.readouterr().err


def test_cli_default_output_names():
    from framing.commands.report import default_output
    from framing.paths import REPORTS_DIR

    assert default_output([]) == REPORTS_DIR / "seeds.html"
    assert default_output(["data/fakes.csv"]).name == "fakes.html"
    assert default_output(["corpus_dir", "b.csv"]).name == "corpus_dir-and-1-more.html"


def test_workers_give_the_same_analyses(monkeypatch):
    monkeypatch.setattr(build, "CHUNK_SIZE", 2)
    corpus = _corpus(outlets=("SANA", "Reuters"), per=3)
    one = build.analyze_corpus(corpus, progress=False)
    two = build.analyze_corpus(corpus, progress=False, workers=2)
    assert one.analyses == two.analyses
    pd.testing.assert_frame_equal(one.features, two.features)
    pd.testing.assert_frame_equal(one.spans, two.spans)
    assert list(one.features["id"]) == list(corpus["id"])


def test_a_given_comparison_is_drawn_not_recomputed(tmp_path, fake_analysis, monkeypatch):
    def fail(*args, **kwargs):
        raise AssertionError("comparison recomputed")

    monkeypatch.setattr(build, "comparison_section", fail)
    html = build_report(_corpus(), tmp_path / "r.html", progress=False,
                        comparison=fake_comparison(["Press TV", "Reuters", "SANA"]))
    assert "Predicting the outlet" in html.read_text("utf-8")


def test_rates_carry_n_and_a_bootstrap_interval():
    import numpy as np

    from framing.report.rates import rates_table

    f = pd.DataFrame({"loaded__per_1k_narrator": np.arange(12.0),
                      "claims__share_hedged": np.linspace(0, 1, 12)})
    docs = {"claims__share_hedged": ("Share hedged", "share 0..1")}
    t = rates_table(f, pd.Series(["A"] * 9 + ["B"] * 3), ["A", "B"], "outlet", docs, 5)
    assert t.columns == ["outlet", "articles", "per 1k narrator", "Share hedged (share 0..1)"]
    a, b = t.rows
    assert a[:2] == ["A", "9"] and b[:2] == ["B", "3 (under 5)"]
    mean, lo, hi = (float(x) for x in re.findall(r"[\d.]+", a[2]))
    assert mean == 4 and lo < mean < hi


def test_cli_title_min_n_and_no_card_pages(tmp_path, fake_analysis, capsys):
    src = tmp_path / "corpus.csv"
    _corpus().to_csv(src, index=False)
    out = tmp_path / "out" / "r.html"
    out.parent.mkdir()
    assert main(["report", str(src), "-o", str(out), "-q", "--title", "Gaza <coverage>",
                 "--min-n", "4", "--no-card-pages", "--cards", "1", "--unfolded"]) == 0
    html = out.read_text("utf-8")
    assert "<h1>Gaza &lt;coverage&gt;</h1>" in html
    assert "grey: fewer than 4 articles" in html and "<td>min n (grey below)</td><td>4</td>" in html
    assert [p.name for p in out.parent.iterdir()] == ["r.html"]
    assert '<details class="sec" id="comparison" open>' in html
    with pytest.raises(SystemExit):  # argparse refuses it in one line
        main(["report", str(src), "-o", str(out), "--min-n", "0"])
    assert "--min-n" in capsys.readouterr().err


def test_many_outlets_focus_on_the_largest_and_list_the_rest(tmp_path, fake_analysis, monkeypatch):
    # 12 outlets: the 10 largest get the per-outlet sections and the comparison, the two
    # smallest are named on stderr and in the report, and keep their cards
    seen: dict[str, list[str]] = {}
    fake = build.comparison_section

    def spy(features, spans, corpus, groups, by, seed=0, options=None, docs=None):
        seen["compared"] = sorted(groups.unique())
        return fake(features, spans, corpus, groups, by, seed, options, docs)

    monkeypatch.setattr(build, "comparison_section", spy)
    names = [f"Outlet {i:02d}" for i in range(12)]
    corpus = pd.concat([_corpus(names[:10], per=3), _corpus(names[10:], per=2)], ignore_index=True)
    told: list[str] = []
    out = build_report(corpus, tmp_path / "r.html", max_cards=1, progress=False,
                       on_left_out=told.append)
    html = unescape(out.read_text(encoding="utf-8"))
    assert seen["compared"] == names[:10]
    line = next(t for t in told if "beyond the 10 largest" in t)
    assert "2 outlets" in line and "Outlet 10 2" in line and "Outlet 11 2" in line
    assert "beyond the 10 largest" in html
    assert 'id="Outlet-11-0"' in html or "Outlet 11 story 0" in html  # cards keep every outlet
    assert "compare max_groups" in html  # the cap is in the methods


def test_term_suggestions_read_at_most_the_comparisons_articles_per_outlet(tmp_path, fake_analysis,
                                                                          monkeypatch):
    seen: dict[str, pd.Series] = {}
    real = build.discover_section

    def spy(corpus, by, lexicons=()):
        seen["sizes"] = corpus[by].value_counts()
        return real(corpus, by, lexicons)

    monkeypatch.setattr(build, "discover_section", spy)
    corpus = pd.concat([_corpus(["Big Daily"], per=9), _corpus(["Small Times"], per=3)],
                       ignore_index=True)
    told: list[str] = []
    build_report(corpus, tmp_path / "r.html", max_cards=1, progress=False, on_left_out=told.append,
                 compare_options={"max_per_group": 4})
    assert seen["sizes"].to_dict() == {"Big Daily": 4, "Small Times": 3}
    line = next(t for t in told if t.startswith("term suggestions:"))
    assert "a random 4 of each of 1 value(s) (Big Daily 9)" in line


def test_report_comparison_defaults_are_capped_and_the_users_options_win():
    from framing.report.comparison import report_options

    opts = report_options(None)
    assert opts["n_splits"] == 3 and opts["max_per_group"] == 100 and "combined" not in opts["models"]
    assert report_options({"n_splits": 5, "max_per_group": None}) == {**opts, "n_splits": 5,
                                                                      "max_per_group": None}


def test_report_comparison_runs_the_framing_model_alone_by_default_and_says_so():
    from framing.compare.models import MODEL_KINDS
    from framing.report.comparison import models_left_out, report_options

    assert report_options(None)["models"] == ("framing",)
    line = models_left_out(None)
    assert line is not None and "words (tf-idf), combined" in line and "--models" in line
    assert "framing-features" not in line.split(":")[0]
    assert models_left_out({"models": MODEL_KINDS}) is None
    assert "framing-features" in (models_left_out({"models": ("tfidf",)}) or "")
