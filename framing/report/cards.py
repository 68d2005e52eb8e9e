"""Section 4: a few article cards inline, an index of every article, every card one link away.

A card is 10-40 kB of marked-up text; 2,000 of them inline would make a 50 MB page nobody can
scroll. So the report shows the first ``max_cards`` of each group inline (folded per group),
lists every article in a compact index, and, with ``card_pages`` (the default), writes every
card into pages of ``PER_PAGE`` beside the report (``<report>-cards/page-001.html``). Each
page is self-contained like the report (same CSP, no script, CSS inline) and links back; the
report itself stays one file that fetches nothing, and links to the pages only.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Mapping, Sequence
from pathlib import Path
from typing import Any

import pandas as pd
from markupsafe import Markup

from framing.report.card import article_card_html, card_counts
from framing.report.templating import render

#: cards per separate page
PER_PAGE = 50


def card_anchor(article_id: Any, pos: int) -> str:
    """A stable, HTML-safe id for an article's card (position breaks ties between odd ids)."""
    slug = "".join(ch if ch.isalnum() or ch in "-_" else "-" for ch in str(article_id))[:60]
    return f"card-{pos}-{slug}"


def pages_dir(out_path: Path) -> Path:
    return out_path.with_name(out_path.stem + "-cards")


def _index_row(a: Mapping[str, Any], pos: int, href: str | None) -> dict[str, Any]:
    meta = a.get("article") or {}
    return {
        "pos": pos, "href": href, "title": meta.get("title") or "Untitled article",
        "date": meta.get("date") or "", "id": a.get("id"),
        **card_counts(a),
        "failed": any("analysis failed" in str(w) for w in a.get("warnings") or []),
    }


def cards_section(analyses: Sequence[Mapping[str, Any]], groups: pd.Series, max_cards: int,
                  out_path: Path, card_pages: bool,
                  card_of: Callable[[int], Markup]) -> dict[str, Any]:
    """Inline cards and the index per group; writes the card pages when asked.

    ``card_of(i)`` renders article ``i``'s card (the report drops warnings shared by every
    article from it). Returns the template context; the pages are written before the report,
    so a report never links to pages that are not there.
    """
    order = [int(i) for g in groups.value_counts().index
             for i in (groups == g).to_numpy().nonzero()[0]]
    pages: dict[int, str] = {}
    if card_pages:
        pages = write_pages(analyses, order, out_path, card_of)
    out = []
    inline_total = 0
    for g in groups.value_counts().index:
        idx = (groups == g).to_numpy().nonzero()[0].tolist()
        inline = idx[:max_cards]
        inline_total += len(inline)
        rows = []
        for i in idx:
            if i in inline:
                href = "#" + card_anchor(analyses[i].get("id"), i)
            elif i in pages:
                href = f"{pages[i]}#{card_anchor(analyses[i].get('id'), i)}"
            else:
                href = None
            rows.append(_index_row(analyses[i], i, href))
        out.append({"group": str(g), "n": len(idx),
                    "cards": [Markup(card_of(i)) for i in inline], "index": rows})
    n = len(analyses)
    note = (f"The first {max_cards} article(s) of each group are shown as cards "
            f"({inline_total} of {n}); the index under them lists every article")
    if card_pages and n > inline_total:
        note += (f", and links each to its card in the pages beside this report "
                 f"({pages_dir(out_path).name}/, {PER_PAGE} cards a page).")
    elif n > inline_total:
        note += "; run without --no-card-pages to write every card."
    else:
        note += "."
    return {"groups": out, "note": note, "n_pages": len(set(pages.values()))}


def write_pages(analyses: Sequence[Mapping[str, Any]], order: Sequence[int], out_path: Path,
                card_of: Callable[[int], Markup]) -> dict[int, str]:
    """Every card, ``PER_PAGE`` a page, into ``<report>-cards/``; returns article -> href.

    The folder is built next to its final place and swapped in whole, so a failure leaves the
    previous pages (or none), never a mix.
    """
    from framing.atomic import write_atomic
    from framing.report.card import CARD_CSS
    from framing.report.style import REPORT_CSS

    final = pages_dir(out_path)
    final.parent.mkdir(parents=True, exist_ok=True)  # the report's folder may not exist yet
    tmp = Path(tempfile.mkdtemp(prefix=f".{final.name}.", dir=final.parent))
    umask = os.umask(0)
    os.umask(umask)
    os.chmod(tmp, 0o777 & ~umask)  # mkdtemp makes it private; the pages are the report's
    try:
        chunks = [list(order[k:k + PER_PAGE]) for k in range(0, len(order), PER_PAGE)]
        hrefs: dict[int, str] = {}
        for p, chunk in enumerate(chunks, 1):
            name = f"page-{p:03d}.html"
            html = render("cards_page.html.j2", css=Markup(REPORT_CSS + CARD_CSS),
                          title=f"{out_path.stem}: article cards, page {p} of {len(chunks)}",
                          report=out_path.name, page=p, n_pages=len(chunks),
                          cards=[(card_anchor(analyses[i].get("id"), i), card_of(i))
                                 for i in chunk])
            write_atomic(tmp / name, html.encode("utf-8"))
            hrefs.update({i: f"{final.name}/{name}" for i in chunk})
        if final.exists():
            shutil.rmtree(final)
        os.replace(tmp, final)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return hrefs


def inline_card(analysis: Mapping[str, Any], anchor: str, common: Mapping[str, int],
                docs: Mapping[str, tuple[str, str]] | None = None) -> Markup:
    """One card, with the warnings every article shares left to the report's header."""
    a = {**analysis, "warnings": [w for w in analysis.get("warnings") or [] if w not in common]}
    return Markup(article_card_html(a, include_style=False, anchor=anchor, docs=docs))
