"""Section 4: a few cards inline, an index of every article, every card reachable by a link."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
from markupsafe import Markup

from framing.report import build_report, cards

from .fakes import EVIL, _corpus, make_analysis


def _ids(path: Path) -> set[str]:
    return set(re.findall(r'\bid="([^"]+)"', path.read_text("utf-8")))


def test_every_article_is_one_link_from_the_index(tmp_path, fake_analysis, monkeypatch):
    monkeypatch.setattr(cards, "PER_PAGE", 4)
    out = build_report(_corpus(per=5), tmp_path / "r.html", max_cards=1, progress=False)
    html = out.read_text("utf-8")
    assert html.count('<article class="framing-card"') == 3  # one inline per outlet
    links = re.findall(r'<td><a href="([^"]+)">card</a></td>', html)
    assert len(links) == 15  # the index lists all 15 articles, each with a link
    pages = sorted((tmp_path / "r-cards").iterdir())
    assert [p.name for p in pages] == ["page-001.html", "page-002.html", "page-003.html",
                                       "page-004.html"]
    for href in links:
        target, _, anchor = href.partition("#")
        assert anchor in (_ids(tmp_path / target) if target else _ids(out)), href
    first = pages[0].read_text("utf-8")
    assert "default-src 'none'" in first and "<script" not in first and "<img src=x" not in first
    assert 'href="../r.html#cards"' in first and 'href="page-002.html"' in first


def test_without_pages_the_report_is_the_only_file(tmp_path, fake_analysis):
    out = build_report(_corpus(), tmp_path / "r.html", max_cards=1, progress=False,
                       card_pages=False)
    assert [p.name for p in tmp_path.iterdir()] == ["r.html"]
    assert "without --no-card-pages to write every card" in out.read_text("utf-8")


def test_a_rerun_replaces_the_pages_whole(tmp_path):
    analyses = [make_analysis(id_=f"a{i}", title=EVIL) for i in range(3)]
    groups = pd.Series(["X", "X", "Y"])

    def card_of(i):
        return Markup(f'<article class="framing-card" id="{cards.card_anchor(f"a{i}", i)}">x</article>')

    out = tmp_path / "r.html"
    (tmp_path / "r-cards").mkdir()
    (tmp_path / "r-cards" / "page-009.html").write_text("stale")
    ctx = cards.cards_section(analyses, groups, 1, out, True, card_of)
    assert [p.name for p in (tmp_path / "r-cards").iterdir()] == ["page-001.html"]
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".")]
    rows = [r for g in ctx["groups"] for r in g["index"]]
    assert [r["href"].split("#")[0] for r in rows] == ["", "r-cards/page-001.html", ""]
    assert rows[0]["title"] == EVIL  # escaped by the template, checked in test_build


def test_pages_go_into_a_folder_that_does_not_exist_yet(tmp_path, fake_analysis):
    # found at scale: 21 CPU-minutes of analysis were lost to mkdtemp in a missing folder
    out = build_report(_corpus(), tmp_path / "new" / "deeper" / "r.html", max_cards=1,
                       progress=False)
    assert out.is_file() and (out.parent / "r-cards" / "page-001.html").is_file()
    assert not [p for p in out.parent.iterdir() if p.name.startswith(".")]
