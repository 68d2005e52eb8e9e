"""The report's story section: index first, folded story pages, marks, escaping."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from framing.corpus import make_corpus
from framing.report import build, build_report
from framing.report.stories import stories_section

sys.path.insert(0, str(Path(__file__).parents[1] / "stories"))
from accounts import BAGHDAD_OBSERVER, IDLIB_BOMBING, LEVANT_DAILY, story_corpus  # noqa: E402

EVIL = "<script>document.title='PWNED'</script><img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def corpus(seed_article: dict):
    seed = {k: v for k, v in seed_article.items() if k != "warnings"}
    evil = dict(LEVANT_DAILY, id="evil", outlet="Evil <b>Outlet</b>", title=EVIL,
                text=LEVANT_DAILY["text"] + f"\n\nThe officials said 77 more {EVIL} arrived.\n")
    return make_corpus([*story_corpus()[:6], seed, BAGHDAD_OBSERVER, LEVANT_DAILY, IDLIB_BOMBING, evil])


@pytest.fixture(scope="module")
def analysed(corpus):
    return build.analyze_corpus(corpus, progress=False)


def test_section_index_is_sorted_by_outlet_count(corpus, analysed) -> None:
    ctx = stories_section(corpus, analysed.analyses, analysed.features)
    counts = [s["n_outlets"] for s in ctx["index"]]
    assert counts == sorted(counts, reverse=True) and counts[0] == 4  # the meeting: seed + 3 accounts
    assert len(ctx["pages"]) == len(ctx["index"]) == 3
    meeting = ctx["pages"][0]
    assert [c["outlet"] for c in meeting.columns][:1] and len(meeting.columns) == 4
    assert all(len(row) == 4 for row in meeting.rows)


def test_story_pages_are_capped_and_say_so(corpus, analysed) -> None:
    ctx = stories_section(corpus, analysed.analyses, analysed.features, max_stories=1)
    assert len(ctx["pages"]) == 1 and len(ctx["index"]) == 3
    assert "drawn in full" in ctx["note"]


def test_report_has_the_story_section_escaped(corpus, analysed, tmp_path, monkeypatch) -> None:
    monkeypatch.setattr(build, "analyze_corpus", lambda *a, **k: analysed)
    monkeypatch.setattr(build, "comparison_section", lambda *a, **k: {"note": "skipped in this test"})
    html = build_report(corpus, tmp_path / "r.html", progress=False).read_text("utf-8")
    assert 'href="#stories"' in html and "Story index" in html
    assert html.index("Story index") < html.index('<details class="story"')  # index first
    assert html.count('<details class="story"') == 3  # folded: no details is open
    assert '<details open class="story"' not in html
    assert '<mark class="fact"' in html and ">Ali Mahmoud Abbas<" not in html  # marks whole names
    assert ">Major General Ali Mahmoud Abbas</mark>" in html
    assert "<script>" not in html and "<img src=x" not in html and "<b>Outlet" not in html
    assert "&lt;script&gt;document.title=" in html
    assert "Outlet differences within stories" in html
    assert "built-in method" not in html
