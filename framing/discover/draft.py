"""Write suggestions as a lexicon draft in the project's format, every entry ``suggested``.

Each entry carries its provenance in the lexicon's own fields (``why``: the comparison,
z-score, log-odds and counts; ``used_by``: the groups it sets apart; ``ref``: the corpus
hash) and, as comments above it, its uses per group and two lines in context, so a
researcher can review the file alone. Entries are written as neutral names (weight 0):
accepting one (``status = "accepted"``) without grading it adds a plain name, never a loaded
term. Terms a lexicon already holds, whole or in part, are left out (the ranking table says
which they were), as are terms a researcher's own files reject or still hold as suggestions.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from pathlib import Path

import numpy as np
import pandas as pd

from framing.atomic import write_atomic
from framing.discover.counts import NgramCounts
from framing.discover.known import CONTAINS, DRAFTED, EXACT, REJECTED
from framing.discover.suggest import Suggestions
from framing.errors import InputError
from framing.lexicon.load import norm_key

SKIPPED = (EXACT, CONTAINS, REJECTED, DRAFTED)


def _s(value: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's)."""
    return json.dumps(value, ensure_ascii=False)


def _comment(text: str) -> str:
    return " ".join(str(text).split())


def _referents(s: Suggestions) -> dict[str, tuple[str, str]]:
    """term -> (referent, why) from the naming-variant groups that found one."""
    out: dict[str, tuple[str, str]] = {}
    for g in s.variants:
        if g.referent:
            for t in g.terms:
                out.setdefault(t, (g.referent, g.reason))
    return out


def draft_toml(s: Suggestions, name: str = "suggested-terms") -> str:
    """The draft as TOML text (see the module docstring)."""
    now = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    comps = "; ".join(f"{t} vs {r}" for t, r in s.comparisons)
    sizes = ", ".join(f"{g} {n}" for g, n in s.articles.items())
    lines = [
        f"# Lexicon draft written by `framing lexicon suggest` on {now}.",
        f"# Corpus sha256 {s.corpus_hash}; articles per group: {sizes}.",
        f"# Compared: {comps}. Ranked by the Fightin' Words z-score (log-odds ratio with an",
        f"# informative Dirichlet prior from the {s.params.get('prior', 'corpus')}; Monroe, Colaresi and Quinn 2008).",
        "#",
        '# Every entry has status = "suggested": it validates but does not count. To use one, set',
        '# status = "accepted", give it a category, connotation and weight (it is written as a',
        "# neutral name, weight 0) and a referent where it names one, and replace `why` with your",
        '# reason. status = "rejected" keeps a term out of later drafts (pass this file with --lexicon).',
        "",
    ]
    lines += _variant_comments(s)
    lines += [
        "[meta]",
        f"name = {_s(name)}",
        'version = "0.1.0"',
        f"description = {_s('Terms suggested by framing lexicon suggest for review (' + comps + ')')}",
        'language = "en"',
        'kind = "loaded"',
        "",
    ]
    refs = _referents(s)
    seen_forms: set[str] = set()
    t = s.table[~s.table["known"].isin(SKIPPED)].sort_values("z", ascending=False, kind="stable")
    by_term = {term: grp for term, grp in t.groupby("term", sort=False)}
    uses_cols = [c for c in s.table.columns if c.startswith("uses:")]
    for term, rows in by_term.items():
        best = rows.iloc[0]
        forms = []
        for f in [*list(best["spellings"]), term]:
            k = norm_key(f)
            if k not in seen_forms and k not in {norm_key(x) for x in forms}:
                forms.append(f)
        if not forms:
            continue
        seen_forms.update(norm_key(f) for f in forms)
        forms = forms[:3]
        referent, ref_why = refs.get(term, ("", ""))
        uses = ", ".join(f"{c[5:]} {int(best[c])}" for c in uses_cols if int(best[c]))
        favoured = ", ".join(f"{r['group']} (z {r['z']:.1f} vs {r['vs']})" for _, r in rows.iterrows())
        lines.append(f"# {_comment(term)}: uses {uses}; kept after stripping {best['kept']:.0%}")
        lines += [f"#   {_comment(x)}" for x in best["examples"]]
        if referent:
            lines.append(f"#   naming variant: might join referent {referent!r} ({_comment(ref_why)})")
        elif isinstance(best.get("referent_hint"), str) and best["referent_hint"]:
            lines.append(f"#   closest referent by context: {best['referent_hint']!r} "
                         f"(cosine {best['hint_similarity']:.2f})")
        case = any(w.isupper() for w in term.split())
        why = (f"Suggested by framing lexicon suggest: sets {best['group']} apart from {best['vs']} "
               f"(z = {best['z']:.2f}, log-odds {best['log_odds']:+.2f}; {best['count']} of {best['total']} "
               f"uses, in {best['docs']} articles). Replace with why the term is loaded, or a plain name.")
        lines += [
            "[[entry]]",
            f"forms = [{', '.join(_s(f) for f in forms)}]",
            f"canonical = {_s(term)}",
            'category = "neutral"',
            f"referent = {_s(referent)}",
            "connotation = 0",
            "weight = 0",
            *(["case_sensitive = true"] if case else []),
            'status = "suggested"',
            f"why = {_s(why)}",
            f"used_by = {_s(favoured)}",
            f"ref = {_s('corpus sha256:' + s.corpus_hash)}",
            "",
        ]
    return "\n".join(lines)


def _variant_comments(s: Suggestions) -> list[str]:
    if not s.variants:
        return []
    out = ["# Naming variants (terms used in the same contexts; proposals, check each):"]
    for i, g in enumerate(s.variants, 1):
        members = " | ".join(f"{t} [{f}]" if f else f"{t} [lexicon]" for t, f in zip(g.terms, g.favoured_by,
                                                                                    strict=True))
        where = f"might join {g.referent!r}: {g.reason}" if g.referent else "no existing referent: declare one"
        out.append(_comment(f"#  {i}. {members} (cohesion {g.cohesion:.2f}; {where})"))
    return [*out, ""]


def write_draft(s: Suggestions, path: str | Path, name: str | None = None) -> Path:
    """Write the draft atomically; returns the path."""
    path = Path(path)
    return write_atomic(path, draft_toml(s, name or path.stem))


# --------------------------------------------------------------------------------------
# term counts, for a background prior


def save_counts(counts: NgramCounts, path: str | Path, min_count: int = 2) -> Path:
    """All counted terms with at least ``min_count`` uses, as ``term<TAB>count`` lines."""
    total = counts.counts.sum(axis=1)
    rows = np.flatnonzero(total >= min_count)
    df = pd.DataFrame({"term": counts.terms(counts.codes[rows]), "count": total[rows]})
    return write_atomic(path, df.to_csv(sep="\t", index=False))


def read_counts(path: str | Path) -> Mapping[str, float]:
    """A ``term<TAB>count`` table (``save_counts``) as a dict."""
    try:
        df = pd.read_csv(path, sep="\t", dtype={"term": str}, keep_default_na=False)
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise InputError(path, f"cannot read term counts: {exc}") from None
    if not {"term", "count"} <= set(df.columns):
        raise InputError(path, "a term counts table needs 'term' and 'count' columns")
    counts = pd.to_numeric(df["count"], errors="coerce")
    if counts.isna().any() or (counts < 0).any():
        raise InputError(path, "'count' must hold non-negative numbers")
    return dict(zip(df["term"], counts.astype(float), strict=True))
