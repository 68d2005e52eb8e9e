"""The ``loaded`` family: loaded terms and naming choices, split by narrator and quoted voice.

Which name an outlet uses for the same group ("Daesh" vs "Islamic State", "regime" vs
"government") is the core framing signal, so besides rates per 1,000 words the family
reports, per referent group, the share of each name among that group's mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar

import pandas as pd

from framing.features.base import Evidence, Family, FamilyResult
from framing.lexicon import CATEGORIES, Lexicon, Match, load_lexicon, slug
from framing.text import Document

NAME = "loaded"
_STRIP = " \t\n.,;:!?'\"\u2019\u2018"

# per process: (user lexicon paths) -> Lexicon; families are rebuilt in worker processes
# from their parameters, so only the paths travel and each process compiles once
_LEXICONS: dict[tuple[str, ...], Lexicon] = {}


def _lexicon(paths: tuple[str, ...]) -> Lexicon:
    lex = _LEXICONS.get(paths)
    if lex is None:
        lex = _LEXICONS[paths] = load_lexicon(paths)
    return lex


class LoadedTerms(Family):
    """Loaded-language matches from the bundled lexicons plus ``lexicons`` (user TOML paths).

    Neutral reference names (category ``neutral``) count towards the naming profile and
    mentions but not towards the loaded-term rates.
    """

    name: ClassVar[str] = NAME

    def __init__(self, lexicons: Sequence[str] = ()) -> None:
        self.lexicons = lexicons

    @property
    def lexicon(self) -> Lexicon:
        return _lexicon(tuple(str(p) for p in self.lexicons))

    def feature_names(self) -> list[str]:
        lex = self.lexicon
        names = [
            f"{NAME}__per_1k",
            f"{NAME}__per_1k_narrator",
            f"{NAME}__per_1k_quoted",
            f"{NAME}__weighted_per_1k",
            f"{NAME}__distancing",
            f"{NAME}__scare_quotes",
        ]
        names += [f"{NAME}__n_{c}" for c in CATEGORIES]
        names += [f"{NAME}__naming__{r}__{slug(c)}" for r, c in lex.naming_pairs()]
        refs = _referent_ids(lex)
        names += [f"{NAME}__mentions__{r}" for r in refs]
        names += [f"{NAME}__connotation__{r}" for r in refs]
        return names

    def analyze(self, doc: Document) -> FamilyResult:
        lex = self.lexicon
        matches = lex.matcher().find(doc.text)
        terms: list[dict[str, Any]] = []
        spans: list[Evidence] = []
        n_loaded = {"narrator": 0, "quoted": 0}
        weighted = 0.0
        per_cat: Counter[str] = Counter()
        by_ref: dict[str, Counter[str]] = defaultdict(Counter)
        conn: dict[str, float] = defaultdict(float)
        for m in matches:
            e = m.entry
            voice = doc.voice_at(m.start, m.end)
            terms.append(
                {
                    "text": m.text,
                    "canonical": e.canonical,
                    "category": e.category,
                    "referent": e.referent or None,
                    "voice": voice,
                    "start": m.start,
                    "end": m.end,
                    "weight": e.weight,
                    "connotation": e.connotation,
                }
            )
            spans.append(Evidence(NAME, e.canonical, m.start, m.end, m.text, voice))
            per_cat[e.category] += 1
            if e.category != "neutral":
                n_loaded[voice] += 1
                weighted += e.weight
            if e.referent:
                by_ref[e.referent][e.canonical] += 1
                conn[e.referent] += e.connotation

        scare = scare_quoted_names(doc, lex)
        for q_start, q_end, m in scare:
            spans.append(
                Evidence(NAME, "scare_quotes", q_start, q_end, doc.text[q_start:q_end], "narrator")
            )

        per_k = 1000.0 / doc.n_words if doc.n_words else 0.0
        f: dict[str, float] = {
            f"{NAME}__per_1k": (n_loaded["narrator"] + n_loaded["quoted"]) * per_k,
            f"{NAME}__per_1k_narrator": n_loaded["narrator"] * per_k,
            f"{NAME}__per_1k_quoted": n_loaded["quoted"] * per_k,
            f"{NAME}__weighted_per_1k": weighted * per_k,
            f"{NAME}__distancing": float(per_cat["distancing"] + len(scare)),
            f"{NAME}__scare_quotes": float(len(scare)),
        }
        for c in CATEGORIES:
            f[f"{NAME}__n_{c}"] = float(per_cat[c])
        for r, c in lex.naming_pairs():
            total = sum(by_ref[r].values()) if r in by_ref else 0
            f[f"{NAME}__naming__{r}__{slug(c)}"] = by_ref[r][c] / total if total else 0.0
        for r in _referent_ids(lex):
            total = sum(by_ref[r].values()) if r in by_ref else 0
            f[f"{NAME}__mentions__{r}"] = float(total)
            f[f"{NAME}__connotation__{r}"] = conn[r] / total if total else 0.0
        return FamilyResult(features=f, spans=spans, details={"loaded_terms": terms})


def _referent_ids(lex: Lexicon) -> list[str]:
    """Declared referents plus any named only by entries, in a stable order."""
    ids = dict.fromkeys(lex.referents)
    for r, _ in lex.naming_pairs():
        ids.setdefault(r, None)
    return list(ids)


def scare_quoted_names(doc: Document, lex: Lexicon) -> list[tuple[int, int, Match]]:
    """Short quotations whose whole inner text is one name of a referent group
    (``the "Free Syrian Army"``): the writer distances itself from the name."""
    out = []
    text = doc.text
    for q in doc.quotes:
        if not q.is_short:
            continue
        inner = text[q.inner_start : q.inner_end]
        core = inner.strip(_STRIP)
        if not core:
            continue
        found = lex.matcher().find(core)
        if len(found) == 1 and found[0].entry.referent and found[0].text == core:
            out.append((q.start, q.end, found[0]))
    return out


def naming_profile(
    data: pd.DataFrame | Iterable[Mapping[str, Any]],
    by: str = "outlet",
    referents: Sequence[str] | None = None,
) -> pd.DataFrame:
    """The naming-choice profile: per group (``by``) and referent, each name's share of
    that referent's mentions.

    ``data`` is either a DataFrame of matches with columns ``referent``, ``canonical`` and
    ``by`` (e.g. ``loaded_terms`` rows with the article's outlet added), or an iterable of
    ``framing analyze`` objects (``by`` read from ``article``). Returns columns
    ``by, referent, canonical, n, mentions, share`` sorted by group, referent and share.
    """
    if isinstance(data, pd.DataFrame):
        df = data
    else:
        rows = []
        for a in data:
            group = (a.get("article") or {}).get(by) if by not in a else a.get(by)
            for t in a.get("loaded_terms", []):
                rows.append({by: group, "referent": t.get("referent"), "canonical": t["canonical"]})
        df = pd.DataFrame(rows, columns=[by, "referent", "canonical"])
    df = df[df["referent"].notna() & (df["referent"] != "")]
    if referents is not None:
        df = df[df["referent"].isin(list(referents))]
    cols = [by, "referent", "canonical", "n", "mentions", "share"]
    if df.empty:
        return pd.DataFrame(columns=cols)
    counts = df.groupby([by, "referent", "canonical"], dropna=False).size().rename("n").reset_index()
    counts["mentions"] = counts.groupby([by, "referent"], dropna=False)["n"].transform("sum")
    counts["share"] = counts["n"] / counts["mentions"]
    return counts.sort_values([by, "referent", "share"], ascending=[True, True, False])[
        cols
    ].reset_index(drop=True)
