"""Each outlet's framing of one story, side by side: names, loaded terms, sources, claims, tone.

Reads the per-article analysis of :func:`framing.analyze.analyze_article` (the public JSON
shape: ``loaded_terms``, ``attributions``, ``claims``, ``scores``) and nothing inside the
families, so new source types (``vague``), claim statuses or referents show up as they come.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import pandas as pd

#: loaded-term categories that are plain names, not loaded language
NEUTRAL = "neutral"
_ACTOR = "sentiment__actor__"
_ACTOR_N = "sentiment__actor_n__"
TOP_TERMS = 5


@dataclass
class StoryProfile:
    """One story: a row per outlet (``outlets``) and the names each chose per referent."""

    outlets: pd.DataFrame
    names: pd.DataFrame


def _group(a: Mapping[str, Any], by: str) -> str:
    return str((a.get("article") or {}).get(by) or "(unknown)")


def _top(counter: Counter[str], k: int = TOP_TERMS) -> str:
    return ", ".join(f"{t} ×{n}" if n > 1 else t for t, n in counter.most_common(k))


def _shares(counter: Counter[str], prefix: str) -> dict[str, float]:
    total = sum(counter.values())
    return {f"{prefix}{k}": (n / total if total else 0.0) for k, n in sorted(counter.items())}


def _source_key(att: Mapping[str, Any]) -> str:
    src = att.get("source") or {}
    text = src.get("text") if isinstance(src, Mapping) else src
    return " ".join(str(text or "").lower().split())


def outlet_row(analyses: Sequence[Mapping[str, Any]]) -> dict[str, Any]:
    """The measures for one outlet's articles in a story."""
    narrator: Counter[str] = Counter()
    quoted: Counter[str] = Counter()
    types: Counter[str] = Counter()
    statuses: Counter[str] = Counter()
    sources: set[str] = set()
    actor_sum: Counter[str] = Counter()
    actor_n: Counter[str] = Counter()
    words = 0
    for a in analyses:
        words += len(str(a.get("body") or "").split())
        for t in a.get("loaded_terms") or []:
            if t.get("category") == NEUTRAL:
                continue
            (quoted if t.get("voice") == "quoted" else narrator)[str(t.get("canonical") or t.get("text"))] += 1
        for att in a.get("attributions") or []:
            types[str(att.get("source_type") or "unknown")] += 1
            if key := _source_key(att):
                sources.add(key)
        for c in a.get("claims") or []:
            statuses[str(c.get("status") or "unknown")] += 1
        scores = a.get("scores") or {}
        for k, v in scores.items():
            if k.startswith(_ACTOR_N) and v:
                actor = k[len(_ACTOR_N):]
                value = scores.get(_ACTOR + actor)
                if value is not None and value == value:
                    actor_sum[actor] += float(value) * float(v)
                    actor_n[actor] += float(v)
    n_att = sum(types.values())
    row: dict[str, Any] = {
        "n_articles": len(analyses),
        "words": words,
        "loaded_narrator": sum(narrator.values()),
        "loaded_quoted": sum(quoted.values()),
        "loaded_narrator_per_1k": 1000 * sum(narrator.values()) / words if words else 0.0,
        "top_loaded_narrator": _top(narrator),
        "top_loaded_quoted": _top(quoted),
        "attributions": n_att,
        "distinct_sources": len(sources),
        "anonymous_share": types.get("anonymous", 0) / n_att if n_att else 0.0,
        "vague_share": types.get("vague", 0) / n_att if n_att else 0.0,
        **_shares(types, "source_type:"),
        **_shares(statuses, "claims:"),
        "sentiment_toward": "; ".join(
            f"{actor} {actor_sum[actor] / actor_n[actor]:+.2f}"
            for actor in sorted(actor_n, key=lambda x: (-actor_n[x], x))[:TOP_TERMS]),
    }
    return row


def profile_story(analyses: Sequence[Mapping[str, Any]], by: str = "outlet") -> StoryProfile:
    """Side-by-side measures, one row per outlet (or other ``by`` value, sorted), for the
    analyses of one story."""
    by_outlet: dict[str, list[Mapping[str, Any]]] = {}
    for a in analyses:
        by_outlet.setdefault(_group(a, by), []).append(a)
    rows = []
    names = []
    for outlet in sorted(by_outlet):
        rows.append({"outlet": outlet, **outlet_row(by_outlet[outlet])})
        counts: Counter[tuple[str, str]] = Counter()
        for a in by_outlet[outlet]:
            for t in a.get("loaded_terms") or []:
                if t.get("referent"):
                    counts[(str(t["referent"]), str(t.get("canonical") or t.get("text")))] += 1
        names += [{"outlet": outlet, "referent": r, "name": n, "n": c} for (r, n), c in sorted(counts.items())]
    outlets = pd.DataFrame(rows)
    shares = sorted(c for c in outlets.columns if ":" in c)
    outlets[shares] = outlets[shares].fillna(0.0)
    fixed = [c for c in outlets.columns if ":" not in c and c != "sentiment_toward"]
    outlets = outlets[[*fixed, *shares, "sentiment_toward"]]
    return StoryProfile(outlets, pd.DataFrame(names, columns=["outlet", "referent", "name", "n"]))


def naming_table(profile: StoryProfile) -> pd.DataFrame:
    """Referents as rows, outlets as columns: the names each outlet used ('daesh ×3, isis')."""
    if profile.names.empty:
        return pd.DataFrame()
    cells = (profile.names.sort_values("n", ascending=False)
             .groupby(["referent", "outlet"])
             .apply(lambda g: ", ".join(f"{n} ×{c}" if c > 1 else n for n, c in zip(g["name"], g["n"], strict=True)),
                    include_groups=False))
    return cells.unstack("outlet").fillna("–")
