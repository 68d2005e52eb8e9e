"""The article card: the body text with what the analysis found marked in place.

One function builds the card for the report, for ``framing report`` on a single article and
for Jupyter (``AnalyzedArticle._repr_html_``), so a reader sees the same thing everywhere.

Safety: the body is split at span offsets and every piece of text is escaped with
``markupsafe.escape``; markup is only ever built from our own constant tags with escaped
attribute values (``Markup.format`` escapes its arguments). No article text is ever
inserted raw.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from markupsafe import Markup, escape

from framing.report.format import fmt as _fmt
from framing.report.format import n_loaded
from framing.report.templating import render

#: loaded-term categories in legend order, with their highlight colour
CATEGORY_COLORS: dict[str, str] = {
    "label": "#f4a3a3",
    "dysphemism": "#e88ac4",
    "euphemism": "#9fd49f",
    "intensifier": "#f7c873",
    "emotive": "#c9a7f0",
    "distancing": "#8fc9ee",
    "neutral": "#dddddd",
}
OTHER_CATEGORY_COLOR = "#cfcfcf"

#: attribution source types, with the outline colour of the source box
SOURCE_COLORS: dict[str, str] = {
    "person": "#1f6fb4",
    "organization": "#2c8a3c",
    "document": "#7a5195",
    "media": "#c26a00",
    "anonymous": "#c62828",
}
OTHER_SOURCE_COLOR = "#555555"

#: claim statuses flagged on the card (others are shown only in the tooltip)
FLAGGED_STATUSES: dict[str, str] = {
    "hedged": "#d9822b",
    "unattributed": "#c62828",
    "anonymous": "#8e44ad",
}

# Layers, outermost first: claims wrap sentences, sources/cues sit inside them, loaded
# terms and hedge words innermost.
_LAYER = {"claim": 0, "source": 1, "cue": 2, "loaded": 3, "hedge": 4}

#: scores shown on the card's headline strip, when the families produce them
HEADLINE_SCORES: tuple[tuple[str, str], ...] = (
    ("loaded__per_1k_narrator", "loaded terms / 1,000 words (narrator)"),
    ("loaded__per_1k_quoted", "loaded terms / 1,000 words (quoted)"),
    ("claims__share_unattributed", "unattributed claims (share)"),
    ("claims__share_hedged", "hedged claims (share)"),
    ("readability__flesch_reading_ease", "Flesch reading ease"),
    ("sentiment__compound", "sentiment (VADER compound)"),
    ("sentiment__sentence_mean", "sentence sentiment (mean)"),
)


@dataclass(frozen=True, slots=True)
class _Span:
    start: int
    end: int
    kind: str  # claim | source | cue | loaded | hedge
    css: str
    title: str
    style: str = ""


def _pos(d: Any, body_len: int) -> tuple[int, int] | None:
    """Offsets of a span dict, or None when missing or outside the body (never trusted)."""
    if not isinstance(d, Mapping):
        return None
    try:
        s, e = int(d.get("start")), int(d.get("end"))  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return None
    if not 0 <= s < e <= body_len:
        return None
    return s, e


def _collect_spans(a: Mapping[str, Any], body_len: int) -> tuple[list[_Span], dict, int]:
    """Turn the analysis lists into drawable spans; count those dropped for bad offsets."""
    spans: list[_Span] = []
    badges: dict[int, list[Markup]] = {}
    dropped = 0
    seen: set[tuple[str, int, int]] = set()
    for t in a.get("loaded_terms") or []:
        p = _pos(t, body_len)
        if p is None:
            dropped += 1
            continue
        cat = str(t.get("category") or "other")
        voice = "quoted" if t.get("voice") == "quoted" else "narrator"
        color = CATEGORY_COLORS.get(cat, OTHER_CATEGORY_COLOR)
        ref = t.get("referent") or "general language"
        title = (
            f"loaded term: {t.get('canonical') or t.get('text')} · {cat} · referent: {ref}"
            f" · {voice} voice · weight {_fmt(t.get('weight'))}"
            f" · connotation {_fmt(t.get('connotation'))}"
        )
        spans.append(
            _Span(*p, "loaded", f"fr-term fr-{voice}", title, f"--fr-c:{_css_color(color)}")
        )
    for at in a.get("attributions") or []:
        stype = str(at.get("source_type") or "unknown")
        cue = at.get("cue") or {}
        cue_txt = cue.get("lemma") or cue.get("text") or ""
        pairs = [(at.get("source"), stype)]
        cites = at.get("cites") or {}
        if cites:  # a source cited by the source ("citing an unnamed military commander")
            pairs.append((cites.get("source"), str(cites.get("source_type") or "unknown")))
        for src, st in pairs:
            p = _pos(src, body_len)
            if src is not None and p is None:
                dropped += 1
            if p is None:
                continue
            if ("source", *p) in seen:  # one source quoted twice is drawn once
                continue
            seen.add(("source", *p))
            color = SOURCE_COLORS.get(st, OTHER_SOURCE_COLOR)
            title = f"source ({st})" + (f" · cue: {cue_txt}" if cue_txt else "")
            if at.get("direct_quote"):
                title += " · direct quote"
            spans.append(_Span(*p, "source", "fr-source", title, f"--fr-s:{_css_color(color)}"))
            badges.setdefault(p[1], []).append(
                Markup('<sup class="fr-badge fr-src-badge" style="--fr-s:{}">{}</sup>').format(
                    _css_color(color), st
                )
            )
        p = _pos(cue, body_len)
        if p is not None and ("cue", *p) not in seen:
            seen.add(("cue", *p))
            ctype = at.get("cue_type")
            spans.append(
                _Span(*p, "cue", "fr-cue", f"attribution cue: {cue_txt}"
                      + (f" ({ctype})" if ctype else ""))
            )
        elif cue and p is None:
            dropped += 1
    for c in a.get("claims") or []:
        p = _pos(c, body_len)
        if p is None:
            dropped += 1
            continue
        status = str(c.get("status") or "unknown")
        flag_color = FLAGGED_STATUSES.get(status)
        if flag_color:
            spans.append(
                _Span(*p, "claim", f"fr-claim fr-claim-{_slug(status)}",
                      f"claim: {status}", f"--fr-f:{_css_color(flag_color)}")
            )
            badges.setdefault(p[0], []).insert(
                0,
                Markup('<span class="fr-badge fr-flag" style="--fr-f:{}">{}</span>').format(
                    _css_color(flag_color), status
                ),
            )
        for h in c.get("hedges") or []:
            hp = _pos(h, body_len)
            if hp is None:
                dropped += 1
                continue
            spans.append(_Span(*hp, "hedge", "fr-hedge", f"hedge: {h.get('text', '')}"))
    return spans, badges, dropped


#: the most characters of an article a card shows (about 30 pages of text); a longer body
#: is cut there, with a note, so one huge document cannot bloat the report
CARD_MAX_CHARS = 200_000


def highlight_body(a: Mapping[str, Any]) -> tuple[Markup, int]:
    """The body as HTML with every span marked; returns (markup, spans dropped)."""
    body = str(a.get("body") or "")
    spans, badges, dropped = _collect_spans(a, len(body))
    cuts = {0, len(body)}
    for s in spans:
        cuts.update((s.start, s.end))
    cuts.update(badges)
    points = sorted(cuts)
    # Sort once so each segment's active spans nest outermost-first (and longest first
    # within a layer), which keeps the emitted tags properly nested.
    spans.sort(key=lambda s: (_LAYER[s.kind], s.start, -(s.end - s.start)))
    # Each span's opening tag is built once, its attributes escaped (Markup.format per
    # segment was 60% of a card's time); the text between cuts is escaped as it is joined.
    opens = [f'<span class="{escape(s.css)}" title="{escape(s.title)}" style="{escape(s.style)}">'
             for s in spans]
    # A span covers the segment [a_, b_) between two cuts when it starts at or before a_ and
    # ends after it (its end is itself a cut): a sweep over the cuts keeps that set, instead
    # of testing every span on every segment (quadratic; a tenth of a report's card time).
    starts: dict[int, list[int]] = {}
    ends: dict[int, list[int]] = {}
    for j, s in enumerate(spans):
        if s.end > s.start:
            starts.setdefault(s.start, []).append(j)
            ends.setdefault(s.end, []).append(j)
    live: set[int] = set()
    out: list[str] = []
    for a_, b_ in zip(points, points[1:] + [None], strict=True):
        for badge in badges.get(a_, ()):
            out.append(str(badge))
        if b_ is None:
            break
        live.difference_update(ends.get(a_, ()))
        live.update(starts.get(a_, ()))
        active = sorted(live)
        out.extend(opens[j] for j in active)
        out.append(str(escape(body[a_:b_])))
        out.append("</span>" * len(active))
    return Markup("".join(out)), dropped


def _css_color(c: str) -> str:
    """Only #rrggbb colours reach a style attribute (they come from our tables, but check)."""
    if len(c) == 7 and c[0] == "#" and all(ch in "0123456789abcdefABCDEF" for ch in c[1:]):
        return c
    return "#999999"


def _slug(s: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in s.lower())


def _legend(a: Mapping[str, Any]) -> dict[str, list[tuple[str, str]]]:
    """Legend entries for what occurs on this card (so the legend explains, not lists)."""
    cats = {str(t.get("category") or "other") for t in a.get("loaded_terms") or []}
    srcs = set()
    for at in a.get("attributions") or []:
        if at.get("source"):
            srcs.add(str(at.get("source_type") or "unknown"))
        if (at.get("cites") or {}).get("source"):
            srcs.add(str(at["cites"].get("source_type") or "unknown"))
    stats = {str(c.get("status")) for c in a.get("claims") or []}
    return {
        "categories": [(c, CATEGORY_COLORS.get(c, OTHER_CATEGORY_COLOR))
                       for c in [*CATEGORY_COLORS, *sorted(cats - set(CATEGORY_COLORS))]
                       if c in cats],
        "sources": [(s, SOURCE_COLORS.get(s, OTHER_SOURCE_COLOR))
                    for s in [*SOURCE_COLORS, *sorted(srcs - set(SOURCE_COLORS))] if s in srcs],
        "flags": [(s, c) for s, c in FLAGGED_STATUSES.items() if s in stats],
    }


def is_informative(v: Any) -> bool:
    """A score worth a line: not zero and not missing (most naming columns are zero)."""
    if isinstance(v, float):  # nearly every score: a card asks this of ~5,000 of them
        return v != 0.0 and v == v  # NaN is the one float unequal to itself
    if v is None or isinstance(v, str):
        return v is not None
    try:
        return not (v == 0 or math.isnan(float(v)))
    except (TypeError, ValueError):
        return True


def score_groups(scores: Mapping[str, Any], docs: Mapping[str, tuple[str, str]] | None = None,
                 skip: Iterable[str] = ()) -> list[tuple[str, list[tuple[str, str, str, str]]]]:
    """Non-zero scores grouped by family prefix (``loaded__per_1k`` -> family ``loaded``):
    (name, value, gloss, unit), the gloss and unit from the families' ``feature_docs``."""
    from framing.report.glossary import gloss

    docs = docs or {}
    skipped = set(skip)
    groups: dict[str, list[tuple[str, str, str, str]]] = {}
    for k in sorted(k for k, v in scores.items() if is_informative(v) and k not in skipped):
        fam, _, name = k.partition("__")
        meaning, unit = gloss(k, docs) if docs else ("", "")
        groups.setdefault(fam if name else "other", []).append(
            (name or k, _fmt(scores[k], 3), meaning, unit))
    return sorted(groups.items())


def card_counts(a: Mapping[str, Any]) -> dict[str, int]:
    """The counts a card's header and the report's article index show."""
    claims = a.get("claims") or []
    return {
        "loaded": n_loaded(a),
        "attributions": len(a.get("attributions") or []),
        "claims": len(claims),
        "flagged": sum(1 for c in claims if c.get("status") in FLAGGED_STATUSES),
    }


def _safe_url(url: Any) -> str | None:
    """Only http(s) links become links (a ``javascript:`` URL must not)."""
    if isinstance(url, str) and url.lower().startswith(("http://", "https://")):
        return url
    return None


def article_card_html(analysis: Mapping[str, Any], include_style: bool = True,
                      anchor: str | None = None,
                      docs: Mapping[str, tuple[str, str]] | None = None) -> str:
    """The card for one ``framing.analyze.analyze_article`` dict, as an HTML fragment.

    ``include_style`` adds the card's (scoped) CSS so the fragment stands alone in
    Jupyter; the report includes that CSS once in its head instead. ``anchor`` is the card's
    id (the report's index links to it). The headline strip shows the few scores that matter,
    named in words with their unit; every other non-zero score is folded under it, each with
    its unit and (on hover) its meaning from ``docs`` (column -> (meaning, unit)).
    """
    body = str(analysis.get("body") or "")
    shortened = len(body) > CARD_MAX_CHARS
    if shortened:  # a 50 MB text would make a 50 MB card: show its start, say so
        analysis = {**analysis, "body": body[:CARD_MAX_CHARS]}
    body_html, dropped = highlight_body(analysis)
    meta = dict(analysis.get("article") or {})
    scores = dict(analysis.get("scores") or {})
    headline = [(label, _fmt(scores[k])) for k, label in HEADLINE_SCORES if k in scores]
    if docs is None:
        from framing.report.glossary import feature_docs

        docs = feature_docs()
    groups = score_groups(scores, docs, skip=[k for k, _ in HEADLINE_SCORES])
    warnings = [str(w) for w in analysis.get("warnings") or []]
    if shortened:
        warnings.append(f"text shortened for the report: the first {CARD_MAX_CHARS:,} of {len(body):,} "
                        "characters are shown, with the spans that lie in them")
    elif dropped:
        warnings.append(f"{dropped} span(s) with offsets outside the text were not drawn")
    return render(
        "card.html.j2",
        include_style=include_style,
        card_css=Markup(CARD_CSS),
        id=analysis.get("id"),
        meta=meta,
        url=_safe_url(meta.get("url")),
        body=body_html,
        legend=_legend(analysis),
        counts=card_counts(analysis),
        headline=headline,
        anchor=anchor,
        score_groups=groups,
        n_other=sum(len(items) for _, items in groups),
        n_hidden=sum(1 for v in scores.values() if not is_informative(v)),
        warnings=warnings,
    )


class AnalyzedArticle(Mapping[str, Any]):
    """An analysed article that shows itself as its card in Jupyter.

    A read-only mapping over the ``analyze_article`` dict, so ``art["scores"]`` and
    ``json.dumps(dict(art))`` work as on the plain dict.
    """

    def __init__(self, analysis: Mapping[str, Any]) -> None:
        self._d = dict(analysis)

    @classmethod
    def analyze(
        cls, article: Mapping[str, Any] | str, lexicons: Sequence[str | Path] = ()
    ) -> AnalyzedArticle:
        """Analyse a corpus row (or a bare text) and wrap the result."""
        from framing.analyze import analyze_article

        return cls(analyze_article(article, lexicons=lexicons))

    def __getitem__(self, key: str) -> Any:
        return self._d[key]

    def __iter__(self) -> Iterable[str]:  # type: ignore[override]
        return iter(self._d)

    def __len__(self) -> int:
        return len(self._d)

    def to_dict(self) -> dict[str, Any]:
        return dict(self._d)

    def card_html(self) -> str:
        return article_card_html(self._d)

    def _repr_html_(self) -> str:
        return article_card_html(self._d)

    def __repr__(self) -> str:
        meta = self._d.get("article") or {}
        c = card_counts(self._d)
        return (
            f"<AnalyzedArticle id={self._d.get('id')!r} outlet={meta.get('outlet')!r} "
            f"loaded={c['loaded']} attributions={c['attributions']} claims={c['claims']}>"
        )


#: Scoped under .framing-card so it can sit inside a notebook or the report unchanged.
CARD_CSS = """
.framing-card{font:15px/1.55 Georgia,'Times New Roman',serif;color:#1b1b1b;background:#fff;
 border:1px solid #d0d0d0;border-radius:6px;padding:14px 18px;margin:14px 0;max-width:60rem}
.framing-card h3{font:600 18px/1.3 system-ui,sans-serif;margin:0 0 4px}
.framing-card .fr-meta{font:13px/1.4 system-ui,sans-serif;color:#555;margin-bottom:8px}
.framing-card .fr-meta span+span:before{content:" · "}
.framing-card .fr-body{white-space:pre-wrap;overflow-wrap:anywhere;margin:10px 0}
.framing-card .fr-term{background:var(--fr-c);border-radius:3px;padding:0 1px}
.framing-card .fr-quoted{background:none;box-shadow:inset 0 -0.45em 0 var(--fr-c);
 outline:1.5px dashed var(--fr-c);outline-offset:0}
.framing-card .fr-source{box-shadow:0 0 0 1.5px var(--fr-s);border-radius:3px}
.framing-card .fr-cue{font-variant:small-caps;text-decoration:underline double #555}
.framing-card .fr-hedge{font-weight:700;color:#a34d00}
.framing-card .fr-claim{text-decoration:underline wavy var(--fr-f);
 text-decoration-thickness:1px;text-underline-offset:3px}
.framing-card .fr-badge{font:600 10px/1 system-ui,sans-serif;border-radius:8px;
 padding:1px 5px;margin:0 2px;white-space:nowrap}
.framing-card .fr-flag{background:var(--fr-f);color:#fff;vertical-align:2px}
.framing-card .fr-src-badge{color:var(--fr-s);border:1px solid var(--fr-s)}
.framing-card .fr-legend,.framing-card .fr-scores,.framing-card .fr-headline{
 font:12.5px/1.5 system-ui,sans-serif}
.framing-card .fr-legend{background:#f7f7f7;border-radius:4px;padding:6px 10px}
.framing-card .fr-legend span.fr-key{display:inline-block;margin:0 10px 2px 0}
.framing-card .fr-sw{display:inline-block;width:1.6em;height:1em;vertical-align:-2px;
 border-radius:3px;margin-right:3px}
.framing-card .fr-headline{display:flex;flex-wrap:wrap;gap:6px 14px;margin:8px 0}
.framing-card .fr-headline b{font-size:15px}
.framing-card table{border-collapse:collapse;font-size:12px;margin:2px 0 8px}
.framing-card td,.framing-card th{padding:1px 8px;border-bottom:1px solid #eee;text-align:left}
.framing-card td.num{text-align:right;font-variant-numeric:tabular-nums}
.framing-card td.unit{color:#666;font-size:11px}
.framing-card .fr-warn{color:#8a4b00;font:12.5px system-ui,sans-serif}
.framing-card details summary{cursor:pointer;font:600 12.5px system-ui,sans-serif}
"""
