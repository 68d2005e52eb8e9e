"""The article card: every piece of article text escaped, every span drawn where it belongs."""

from __future__ import annotations

import html
import re

from framing.report import AnalyzedArticle, article_card_html
from framing.report.card import highlight_body

from .fakes import make_analysis, span

EVIL_SCRIPT = "<script>alert(1)</script>"
EVIL_IMG = "<img src=x onerror=alert(1)>"


def _evil_analysis():
    body = (f"Officials said {EVIL_SCRIPT} the Daesh group attacked. "
            f"Rebels {EVIL_IMG} were reportedly killed.")
    a = {"id": '"><script>alert(2)</script>', "body": body,
         "article": {"title": f"Title {EVIL_SCRIPT}", "outlet": EVIL_IMG,
                     "publisher": EVIL_SCRIPT, "url": "javascript:alert(1)"},
         "scores": {"loaded__<script>": 1.0}}
    a["loaded_terms"] = [
        # a term whose span covers the injected markup itself
        {**span(body, EVIL_SCRIPT), "canonical": EVIL_SCRIPT, "category": "<b>label</b>",
         "referent": "x\" onmouseover=\"alert(3)", "voice": "narrator", "weight": 1,
         "connotation": -1},
        {**span(body, "Daesh"), "canonical": "daesh", "category": "label",
         "referent": "islamic_state", "voice": "narrator", "weight": 0.9, "connotation": -2},
    ]
    a["attributions"] = [{"source": span(body, "Officials"), "source_type": "<i>x</i>",
                          "cue": {**span(body, "said"), "lemma": "say"}, "cue_type": "neutral",
                          "content": None, "direct_quote": False, "cites": None,
                          "resolved": None}]
    s = body.index("Rebels")
    a["claims"] = [{"sentence": body[s:], "start": s, "end": len(body), "status": "hedged",
                    "hedges": [span(body, "reportedly")]}]
    a["warnings"] = [EVIL_IMG]
    return a


def test_injected_markup_is_rendered_as_text():
    out = article_card_html(_evil_analysis())
    # no live tag from the article survives: only our own elements appear
    tags = {t.lower() for t in re.findall(r"<\s*([a-zA-Z][\w-]*)", out)}
    assert tags <= {"style", "article", "h3", "div", "span", "b", "sup", "details", "summary",
                    "table", "tr", "th", "td"}, tags
    assert "onerror" not in re.sub(r"&lt;img src=x onerror=alert\(1\)&gt;", "", out)
    assert "onmouseover=\"" not in out
    assert 'href="javascript' not in out
    # and the text is all there, escaped, for the reader to see
    assert html.escape(EVIL_SCRIPT, quote=False) in out
    assert "&lt;img src=x onerror=alert(1)&gt;" in out


def test_body_is_reproduced_exactly():
    a = make_analysis()
    markup, dropped = highlight_body(a)
    assert dropped == 0
    text = re.sub(r"<sup[^>]*>.*?</sup>", "", str(markup))
    text = re.sub(r'<span class="fr-badge[^>]*>.*?</span>', "", text)
    text = re.sub(r"<[^>]+>", "", text)
    assert html.unescape(text) == a["body"]


def test_each_term_is_wrapped_with_its_category_and_voice():
    a = make_analysis()
    out = article_card_html(a)
    for t in a["loaded_terms"]:
        title = f"loaded term: {t['canonical']} · {t['category']}"
        assert html.escape(title) in out or title in out
    assert out.count("fr-term fr-quoted") == 2
    assert out.count("fr-term fr-narrator") == 6
    # tags nest properly: every span opened is closed
    assert out.count("<span") == out.count("</span>")


def test_flags_sources_and_legend():
    out = article_card_html(make_analysis())
    body = str(highlight_body(make_analysis())[0])
    assert body.count('class="fr-badge fr-flag"') == 4  # 2 hedged, 1 unattributed, 1 anonymous
    assert "fr-claim-hedged" in out and "fr-claim-unattributed" in out
    assert ">anonymous</sup>" in out and ">organization</sup>" in out
    assert "fr-hedge" in out
    for key in ("euphemism", "dysphemism", "distancing", "Voice:", "Sources", "Flagged claims"):
        assert key in out


def test_bad_offsets_are_dropped_and_reported():
    a = make_analysis()
    a["loaded_terms"].append({"text": "x", "start": 5, "end": 10_000, "category": "label"})
    a["claims"].append({"sentence": "", "start": "nan", "end": None, "status": "hedged"})
    out = article_card_html(a)
    assert "2 span(s) with offsets outside the text were not drawn" in out


def test_empty_analysis_still_renders():
    out = article_card_html({"body": "", "article": {}})
    assert "Untitled article" in out and "Nothing was marked" in out


def test_analyzed_article_repr_html_is_the_card(analysis):
    art = AnalyzedArticle(analysis)
    assert art._repr_html_() == article_card_html(analysis)
    assert art["id"] == "a1" and dict(art) == analysis
    assert "loaded=8" in repr(art)


def test_a_source_quoted_twice_is_drawn_once(analysis):
    first = analysis["attributions"][0]
    analysis["attributions"].append({**first, "content": None})
    body = str(highlight_body(analysis)[0])
    assert body.count(">organization</sup>") == 1


def test_a_huge_body_is_cut_with_a_note():
    from framing.report.card import CARD_MAX_CHARS

    from .fakes import BODY

    body = BODY + " The regime said so." * (CARD_MAX_CHARS // 10)
    a = make_analysis(body=body)
    html_ = article_card_html(a, include_style=False)
    assert len(html_) < 3 * CARD_MAX_CHARS
    assert f"the first {CARD_MAX_CHARS:,} of {len(body):,} characters" in html_
    assert "offsets outside the text" not in html_
