"""The ``loaded`` family: loaded terms and naming choices, split by narrator and quoted voice.

Which name an outlet uses for the same group ("Daesh" vs "Islamic State", "regime" vs
"government") is the core framing signal, so besides rates per 1,000 words the family
reports, per referent group, the share of each name among that group's mentions.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, ClassVar

import pandas as pd

from framing.features.base import Evidence, Family, FamilyResult
from framing.lexicon import CATEGORIES, Lexicon, Match, load_lexicon, slug
from framing.text import Document

NAME = "loaded"
_STRIP = " \t\n.,;:!?'\"\u2019\u2018"


@dataclass(frozen=True)
class _Plan:
    """Per-lexicon feature layout, computed once so each article only fills in numbers."""

    lexicon: Lexicon
    names: tuple[str, ...]
    referents: tuple[str, ...]
    #: referent -> [(canonical, feature name)]
    naming: dict[str, list[tuple[str, str]]]


def _plan(lex: Lexicon) -> _Plan:
    naming: dict[str, list[tuple[str, str]]] = {}
    for r, c in lex.naming_pairs():
        naming.setdefault(r, []).append((c, f"{NAME}__naming__{r}__{slug(c)}"))
    refs = list(dict.fromkeys([*lex.referents, *naming]))
    names = [
        f"{NAME}__per_1k",
        f"{NAME}__per_1k_narrator",
        f"{NAME}__per_1k_quoted",
        f"{NAME}__weighted_per_1k",
        f"{NAME}__distancing",
        f"{NAME}__scare_quotes",
    ]
    names += [f"{NAME}__n_{c}" for c in CATEGORIES]
    names += [n for pairs in naming.values() for _, n in pairs]
    names += [f"{NAME}__mentions__{r}" for r in refs]
    names += [f"{NAME}__connotation__{r}" for r in refs]
    return _Plan(lex, tuple(names), tuple(refs), naming)


# per process: (user lexicon paths) -> plan; families are rebuilt in worker processes from
# their parameters, so only the paths travel and each process compiles the automaton once
_PLANS: dict[tuple[str, ...], _Plan] = {}


def _get_plan(paths: tuple[str, ...]) -> _Plan:
    plan = _PLANS.get(paths)
    if plan is None:
        plan = _PLANS[paths] = _plan(load_lexicon(paths))
    return plan


class LoadedTerms(Family):
    """Loaded-language matches from the bundled lexicons plus ``lexicons`` (user TOML paths).

    Neutral reference names (category ``neutral``) count towards the naming profile and
    mentions but not towards the loaded-term rates.
    """

    name: ClassVar[str] = NAME

    def __init__(self, lexicons: Sequence[str] = ()) -> None:
        self.lexicons = lexicons

    @property
    def _plan(self) -> _Plan:
        return _get_plan(tuple(str(p) for p in self.lexicons))

    @property
    def lexicon(self) -> Lexicon:
        return self._plan.lexicon

    def feature_names(self) -> list[str]:
        return list(self._plan.names)

    def analyze(self, doc: Document) -> FamilyResult:
        plan = self._plan
        lex = plan.lexicon
        matches = lex.matcher().find(doc.text)
        terms: list[dict[str, Any]] = []
        spans: list[Evidence] = []
        n_narrator = n_quoted = 0
        weighted = 0.0
        per_cat: Counter[str] = Counter()
        by_ref: dict[str, Counter[str]] = defaultdict(Counter)
        conn: dict[str, float] = defaultdict(float)
        voice_at = doc.voice_at
        for m in matches:
            e = m.entry
            voice = voice_at(m.start, m.end)
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
                if voice == "quoted":
                    n_quoted += 1
                else:
                    n_narrator += 1
                weighted += e.weight
            if e.referent:
                by_ref[e.referent][e.canonical] += 1
                conn[e.referent] += e.connotation

        scare = scare_quoted_names(doc, lex)
        for q_start, q_end, _m in scare:
            spans.append(Evidence(NAME, "scare_quotes", q_start, q_end, doc.text[q_start:q_end], "narrator"))

        per_k = 1000.0 / doc.n_words if doc.n_words else 0.0
        f = dict.fromkeys(plan.names, 0.0)
        f[f"{NAME}__per_1k"] = (n_narrator + n_quoted) * per_k
        f[f"{NAME}__per_1k_narrator"] = n_narrator * per_k
        f[f"{NAME}__per_1k_quoted"] = n_quoted * per_k
        f[f"{NAME}__weighted_per_1k"] = weighted * per_k
        f[f"{NAME}__distancing"] = float(per_cat["distancing"] + len(scare))
        f[f"{NAME}__scare_quotes"] = float(len(scare))
        for c, k in per_cat.items():
            f[f"{NAME}__n_{c}"] = float(k)
        for r, counts in by_ref.items():  # unmentioned referents keep 0 shares and mentions
            total = sum(counts.values())
            f[f"{NAME}__mentions__{r}"] = float(total)
            f[f"{NAME}__connotation__{r}"] = conn[r] / total
            for c, name in plan.naming.get(r, ()):
                f[name] = counts[c] / total
        return FamilyResult(features=f, spans=spans, details={"loaded_terms": terms})


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
    return counts.sort_values([by, "referent", "share"], ascending=[True, True, False])[cols].reset_index(drop=True)
