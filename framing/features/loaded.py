"""The ``loaded`` family: loaded terms and naming choices, split by narrator and quoted voice.

Which name an outlet uses for the same group ("Daesh" vs "Islamic State", "regime" vs
"government") is the core framing signal, so besides rates per 1,000 words the family
reports, per referent group, the share of each name among that group's mentions.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from framing.features.base import Evidence, Family, FamilyResult
from framing.features.loaded_docs import CATEGORY_MEANINGS, RATE_DOCS
from framing.features.loaded_style import STYLE_COLUMNS, STYLE_DOCS, has_abbreviation, style_features
from framing.lexicon import CATEGORIES, Lexicon, Match, load_lexicon, slug
from framing.lexicon.confidence import (
    ALONE_NAME_CONFIDENCE,
    LOADED_THRESHOLD,
    alone_names,
    not_a_use,
    repeated_line_spans,
    repeated_name_confidence,
    written_lower,
)
from framing.lexicon.packs import split_selection
from framing.text import Document

if TYPE_CHECKING:
    import pandas as pd

    from framing.lexicon.schema import Entry  # a type hint only: a cache hit imports no pydantic

NAME = "loaded"
_PER_1K, _PER_1K_NARRATOR, _PER_1K_QUOTED = f"{NAME}__per_1k", f"{NAME}__per_1k_narrator", f"{NAME}__per_1k_quoted"
_WEIGHTED, _PER_1K_GRADED, _N_GRADED = f"{NAME}__weighted_per_1k", f"{NAME}__per_1k_graded", f"{NAME}__n_graded"
_DISTANCING, _SCARE = f"{NAME}__distancing", f"{NAME}__scare_quotes"
_N_CATEGORY = {c: f"{NAME}__n_{c}" for c in CATEGORIES}
_STRIP = " \t\n.,;:!?'\"\u2019\u2018"


#: (canonical, category, referent, referent or None, weight, connotation, layer, graded,
#: written in lower case, neutral, a general label, a name for a group): the fields of an
#: entry the loop reads
_Info = tuple[str, str, str, "str | None", float, float, str, bool, bool, bool, bool, bool]


def _entry_info(e: Entry) -> _Info:
    graded = e.layer != "lexicon"
    return (
        e.canonical, e.category, e.referent, e.referent or None, e.weight, e.connotation,
        "graded" if graded else "lexicon", graded, written_lower(e), e.category == "neutral",
        is_general_label(e), is_group_name(e),
    )


@dataclass(frozen=True)
class _Plan:
    """Per-lexicon feature layout, computed once so each article only fills in numbers."""

    lexicon: Lexicon
    names: tuple[str, ...]
    referents: tuple[str, ...]
    #: referent -> [(canonical, feature name)]
    naming: dict[str, list[tuple[str, str]]]
    #: canonical name -> its rate column (every name in the lexicon, neutral ones included)
    rates: dict[str, str]
    #: canonical name -> (category, referent) of its first entry, for the column docs
    about: dict[str, tuple[str, str]]
    #: canonical name -> its lead column (used in the headline and lead or not)
    lead: dict[str, str]
    #: every feature at 0.0, copied per article
    zeros: dict[str, float]
    #: id() of the graded layer's entries (a set lookup per match instead of an attribute)
    graded: frozenset[int]
    #: id() of entries with an abbreviated / a hyphenated form (for the style columns)
    abbreviated: frozenset[int]
    hyphenated: frozenset[int]
    #: id() of entries written in lower case: only their capitalised hits can be proper names
    lower: frozenset[int]
    #: id() of each entry -> what the per-match loop reads of it (:func:`_entry_info`): one
    #: dict lookup per match instead of a dozen attribute and set lookups
    info: dict[int, _Info]
    #: referent -> its (mentions, connotation, labelled) columns
    ref_cols: dict[str, tuple[str, str, str]]
    #: referent -> {canonical name: its share column}: ``naming`` as a lookup, for filling in
    #: only the names an article used (absent for a referent two of whose names' slugs collide)
    share_cols: dict[str, dict[str, str]]


def _plan(lex: Lexicon, selected: frozenset[str] = frozenset()) -> _Plan:
    """The layout for ``lex``; ``selected``: the packs named in the lexicon arguments, whose
    names get per-name columns even where the pack says ``name_columns = "selected"``."""
    naming: dict[str, list[tuple[str, str]]] = {}
    for r, c in lex.naming_pairs():
        naming.setdefault(r, []).append((c, f"{NAME}__naming__{r}__{slug(c)}"))
    refs = list(dict.fromkeys([*lex.referents, *naming]))
    # One rate per name, not only a share within its referent: "Daesh" 3 times in 400 words
    # and once in 2,000 say different things about an outlet, while the share is 1.0 in both.
    # Names whose slugs collide ("so-called" / "so called") share one column.
    rates: dict[str, str] = {}
    about: dict[str, tuple[str, str]] = {}
    graded: set[int] = set()
    for e in lex.entries:
        if e.layer != "lexicon":  # thousands of graded words: counted together, not by name
            graded.add(id(e))
            continue
        meta = lex.packs.get(e.pack)
        if meta is not None and meta.name_columns is not True:
            if meta.name_columns is False or e.pack not in selected:
                continue
        rates.setdefault(e.canonical, f"{NAME}__rate__{slug(e.canonical)}")
        about.setdefault(e.canonical, (e.category, e.referent))
    names = [
        f"{NAME}__per_1k",
        f"{NAME}__per_1k_narrator",
        f"{NAME}__per_1k_quoted",
        f"{NAME}__weighted_per_1k",
        f"{NAME}__per_1k_graded",
        f"{NAME}__distancing",
        f"{NAME}__scare_quotes",
    ]
    names += [f"{NAME}__n_{c}" for c in CATEGORIES]
    names.append(f"{NAME}__n_graded")
    names += [n for pairs in naming.values() for _, n in pairs]
    names += [f"{NAME}__mentions__{r}" for r in refs]
    names += [f"{NAME}__connotation__{r}" for r in refs]
    names += [f"{NAME}__labelled__{r}" for r in refs]
    names += list(dict.fromkeys(rates.values()))
    lead = {c: col.replace("__rate__", "__lead__", 1) for c, col in rates.items()}
    names += list(dict.fromkeys(lead.values()))
    return _Plan(
        lex, tuple(names), tuple(refs), naming, rates, about, lead, dict.fromkeys(names, 0.0), frozenset(graded),
        frozenset(id(e) for e in lex.entries if e.referent and has_abbreviation([*e.forms, *e.exact_forms])),
        frozenset(id(e) for e in lex.entries if e.referent and any("-" in f for f in e.forms)),
        frozenset(id(e) for e in lex.entries if written_lower(e)),
        {id(e): _entry_info(e) for e in lex.entries},
        {r: (f"{NAME}__mentions__{r}", f"{NAME}__connotation__{r}", f"{NAME}__labelled__{r}") for r in refs},
        {r: dict(pairs) for r, pairs in naming.items() if len({n for _, n in pairs}) == len(pairs)},
    )


# per process: (user lexicon paths) -> plan; families are rebuilt in worker processes from
# their parameters, so only the paths travel and each process compiles the automaton once
_PLANS: dict[tuple[str, ...], _Plan] = {}


def _get_plan(paths: tuple[str, ...]) -> _Plan:
    plan = _PLANS.get(paths)
    if plan is None:
        packs, _ = split_selection(paths)
        plan = _PLANS[paths] = _plan(load_lexicon(paths), frozenset(packs or ()))
    return plan


class LoadedTerms(Family):
    """Loaded-language matches from the bundled lexicons plus ``lexicons`` (user TOML paths).

    Neutral reference names (category ``neutral``) count towards the naming profile and
    mentions but not towards the loaded-term rates.
    """

    name: ClassVar[str] = NAME

    def __init__(
        self, lexicons: Sequence[str] = (), style: bool = False, threshold: float = LOADED_THRESHOLD,
        alone_names: bool = False,
    ) -> None:
        self.lexicons = lexicons
        #: a match counts as loaded when its confidence reaches this (framing/lexicon/confidence.py)
        self.threshold = threshold
        #: lower a name for a group that stands alone (no other loaded term near it) below the
        #: threshold, as PTC's annotators read name-calling (confidence.alone_names). Off by
        #: default: it drops 41% of FA-KES's loaded uses, most of them lone "terrorists" and
        #: "regime" in state media, which is the naming a researcher of that coverage measures
        self.alone_names = alone_names
        #: also emit the spelling-style columns (loaded_style.py): house style, off by default
        #: so that models of framing do not learn an outlet's spelling
        self.style = style

    @property
    def _plan(self) -> _Plan:
        return _get_plan(tuple(str(p) for p in self.lexicons))

    @property
    def lexicon(self) -> Lexicon:
        return self._plan.lexicon

    def feature_names(self) -> list[str]:
        return list(self._plan.names) + (list(STYLE_COLUMNS) if self.style else [])

    def feature_docs(self) -> dict[str, tuple[str, str]]:
        """Column name -> (meaning, unit), for docs/features.md; the per-referent columns
        are described from the lexicon's referent labels and canonical names."""
        plan = self._plan
        docs = {f"{NAME}__{k}": v for k, v in RATE_DOCS.items()}
        if self.style:
            docs.update(STYLE_DOCS)
        for c in CATEGORIES:
            docs[f"{NAME}__n_{c}"] = (
                f"Loaded matches of `{c}` entries ({CATEGORY_MEANINGS[c]}), any voice"
                + (": plain names of a referent" if c == "neutral" else ""),
                "count",
            )
        for r in plan.referents:
            ref = plan.lexicon.referents.get(r)
            label = ref.label if ref is not None else r
            for c, name in plan.naming.get(r, ()):
                docs[name] = (
                    f"Share of mentions of {label} named '{c}' (0 when the article never "
                    "names the group)",
                    "share 0..1",
                )
            docs[f"{NAME}__mentions__{r}"] = (
                f"Mentions of {label}: matches of any of its names, neutral ones included, "
                "in any voice",
                "count",
            )
            docs[f"{NAME}__connotation__{r}"] = (
                f"Mean lexicon connotation of the names used for {label} over its "
                "mentions (-2 hostile .. +2 sympathetic; 0 when never mentioned)",
                "mean -2..+2",
            )
            docs[f"{NAME}__labelled__{r}"] = (
                f"Share of mentions of {label} with a general label or dysphemism "
                "('terrorists', 'militants') beside it in the same clause (0 when never "
                "mentioned)",
                "share 0..1",
            )
        for c, name in plan.rates.items():
            if name in docs:
                continue
            category, referent = plan.about[c]
            ref = plan.lexicon.referents.get(referent) if referent else None
            whom = f" for {ref.label}" if ref is not None else (f" ({referent})" if referent else "")
            docs[name] = (
                f"Matches of the `{category}` name '{c}'{whom} per 1,000 words of the body, "
                "any voice",
                "per 1,000 words",
            )
            docs[plan.lead[c]] = (
                f"1 if the `{category}` name '{c}'{whom} occurs in the headline and lead (the "
                "first two sentences, captions skipped), else 0: the lead carries the frame",
                "0/1",
            )
        return docs

    def analyze(self, doc: Document) -> FamilyResult:
        plan = self._plan
        lex = plan.lexicon
        text = doc.text
        # the scan shared with any other family reading the same lexicon (sentiment's actors)
        matches = doc.matches(lex.matcher())
        terms: list[dict[str, Any]] = []
        spans: list[Evidence] = []
        n_narrator = n_quoted = 0  # loaded matches per voice
        weighted = 0.0
        n_graded = 0
        per_cat: dict[str, int] = {}
        per_name: dict[str, int] = {}
        in_lead: set[str] = set()
        lead_end = doc.lead_end if matches else 0
        by_ref: dict[str, dict[str, int]] = {}
        conn: dict[str, float] = {}
        # without a quoted region everything is narrator voice: skip the lookups (and without
        # a hit, finding the regions at all)
        has_speech = bool(matches) and bool(doc.quoted_regions)
        voice_at = doc.voice_at
        info = plan.info
        threshold = self.threshold
        repeats = repeated_line_spans(text) if matches else []
        uses: list[Match] = []
        labels: list[bool] = []  # per use: a general label ("terrorists"), for labelled_mentions
        not_uses: list[dict[str, Any]] = []
        name_uses: dict[tuple[str, str], int] = {}  # (referent, name) -> its uses so far
        # for alone_names only: the loaded uses in text order, and which are names of groups
        alone = self.alone_names
        loaded_spans: list[tuple[int, int]] = []
        loaded_terms: list[dict[str, Any]] = []
        names_at: list[int] = []  # indices into loaded_spans
        for m in matches:
            start, end, mtext, e = m
            got = info.get(id(e))
            if got is None:  # an entry added after the plan was made
                got = _entry_info(e)
            (canonical, category, referent, ref_or_none, weight, connotation, layer, is_graded,
             lower, neutral, label, name) = got
            voice = voice_at(start, end) if has_speech else "narrator"
            # most hits are lower case, or a name written with a capital, on a line that is not
            # repeated: neither can be a non-use, so skip the call then
            reason = not_a_use(text, start, end, e, repeats) if repeats or (lower and text[start].isupper()) else None
            if reason is not None:
                conf = 0.0
            else:
                conf = weight
                if referent and not neutral:
                    k = name_uses[referent, canonical] = name_uses.get((referent, canonical), 0) + 1
                    conf = repeated_name_confidence(e, k)
            loaded = not neutral and conf >= threshold
            term = {
                "text": mtext,
                "canonical": canonical,
                "category": category,
                "referent": ref_or_none,
                "voice": voice,
                "start": start,
                "end": end,
                "weight": weight,
                "connotation": connotation,
                "layer": layer,
                "confidence": conf,
                "loaded": loaded,
            }
            if reason is not None:
                # a proper name or a repeated line: no mention, no loaded term; kept apart so
                # that readers of ``loaded_terms`` (report, naming charts) never count it
                term["not_a_use"] = reason
                not_uses.append(term)
                continue
            terms.append(term)
            uses.append(m)
            labels.append(label)
            if loaded and alone:
                if name:
                    names_at.append(len(loaded_spans))
                loaded_spans.append((start, end))
                loaded_terms.append(term)
            spans.append(Evidence(NAME, canonical, start, end, mtext, voice))
            if is_graded:
                if loaded:
                    n_graded += 1
                    if voice == "narrator":
                        n_narrator += 1
                    else:
                        n_quoted += 1
                    weighted += weight
                continue
            if loaded or (neutral and referent):  # a plain phrase counts nowhere
                per_cat[category] = per_cat.get(category, 0) + 1
            per_name[canonical] = per_name.get(canonical, 0) + 1
            if start < lead_end:
                in_lead.add(canonical)
            if loaded:
                if voice == "narrator":
                    n_narrator += 1
                else:
                    n_quoted += 1
                weighted += weight
            if referent:
                counts = by_ref.get(referent)
                if counts is None:
                    counts = by_ref[referent] = {}
                    conn[referent] = 0.0
                counts[canonical] = counts.get(canonical, 0) + 1
                conn[referent] += connotation
        matches = uses
        if names_at:
            # a name alone, no other loaded term near it, is the article's designation of the
            # group: still a mention, its confidence lowered (confidence.alone_names)
            dropped = False
            for i in alone_names(loaded_spans, names_at):
                term = loaded_terms[i]
                term["confidence"] = conf = min(term["confidence"], ALONE_NAME_CONFIDENCE)
                if conf < threshold:
                    term["loaded"] = False
                    dropped = True
                    category = term["category"]
                    per_cat[category] -= 1
                    if not per_cat[category]:
                        del per_cat[category]
                    if term["voice"] == "narrator":
                        n_narrator -= 1
                    else:
                        n_quoted -= 1
            if dropped:  # summed again in text order, as the loop summed it
                weighted = sum(t["weight"] for t in loaded_terms if t["loaded"])

        labelled: dict[str, int] = {}
        if by_ref and any(labels):  # no referent or no label: nothing can be labelled
            for i in _labelled(text, matches, labels):
                r = matches[i].entry.referent
                labelled[r] = labelled.get(r, 0) + 1

        scare = scare_quoted_names(doc, lex)
        for q_start, q_end, _m in scare:
            spans.append(Evidence(NAME, "scare_quotes", q_start, q_end, doc.text[q_start:q_end], "narrator"))

        per_k = 1000.0 / doc.n_words if doc.n_words else 0.0
        # a copy of the all-zero row, then only the columns this article touches
        f = plan.zeros.copy()
        f[_PER_1K] = (n_narrator + n_quoted) * per_k
        f[_PER_1K_NARRATOR] = n_narrator * per_k
        f[_PER_1K_QUOTED] = n_quoted * per_k
        f[_WEIGHTED] = weighted * per_k
        f[_PER_1K_GRADED] = n_graded * per_k
        f[_N_GRADED] = float(n_graded)
        f[_DISTANCING] = float(per_cat.get("distancing", 0) + len(scare))
        f[_SCARE] = float(len(scare))
        for c, k in per_cat.items():
            f[_N_CATEGORY.get(c) or f"{NAME}__n_{c}"] = float(k)
        rate_names = plan.rates
        for c, k in per_name.items():
            col = rate_names.get(c)
            if col is not None:  # always, unless an entry was added after the plan was made
                f[col] += k * per_k
        lead = plan.lead
        for c in in_lead:
            col = lead.get(c)
            if col is not None:
                f[col] = 1.0
        ref_cols = plan.ref_cols
        naming = plan.naming
        shares = plan.share_cols
        for r, counts in by_ref.items():  # unmentioned referents keep 0 shares and mentions
            total = sum(counts.values())
            cols = ref_cols.get(r) or (f"{NAME}__mentions__{r}", f"{NAME}__connotation__{r}", f"{NAME}__labelled__{r}")
            f[cols[0]] = float(total)
            f[cols[1]] = conn[r] / total
            f[cols[2]] = labelled.get(r, 0) / total
            share_cols = shares.get(r)
            if share_cols is None:  # two names of the referent share a column: every name, in order
                for c, name in naming.get(r, ()):
                    f[name] = counts.get(c, 0) / total
                continue
            # the row starts at 0.0: only the names this article used get a share
            for c, k in counts.items():
                name = share_cols.get(c)
                if name is not None:
                    f[name] = k / total
        if self.style:
            f.update(style_features(matches, plan.abbreviated, plan.hyphenated))
        return FamilyResult(features=f, spans=spans, details={"loaded_terms": terms, "loaded_not_uses": not_uses})


#: between a general label and a name: a few words, no sentence or clause punctuation
_GAP = re.compile(r"[\s\w'\u2019\-]{0,25}")
_LABEL_CATEGORIES = {"label", "dysphemism"}


def is_group_name(entry: Entry) -> bool:
    """A name for a group that is not neutral: a naming choice for a referent ("illegal
    aliens", "regime") or a label ("terrorists", "mainstream media")."""
    return entry.category != "neutral" and (bool(entry.referent) or entry.category == "label")


def is_general_label(entry: Entry) -> bool:
    """A label with no referent ("terrorists", "militants"): it names whoever it is beside."""
    return not entry.referent and entry.category in _LABEL_CATEGORIES


def labelled_mentions(text: str, matches: Sequence[Match]) -> list[int]:
    """Indices of referent mentions with a general label right beside them in the same
    clause ("ISIS terrorists", "terrorists of Jaish al-Islam"): whom the text calls what,
    which a referent-less label cannot show by itself. ``matches`` in text order."""
    return _labelled(text, matches, [is_general_label(m.entry) for m in matches])


def _labelled(text: str, matches: Sequence[Match], labels: Sequence[bool]) -> list[int]:
    """:func:`labelled_mentions` with each match's general-label flag given."""
    out = []
    # one flag per match (False at both ends, so neighbours need no bounds check)
    label = [False, *labels, False]
    gap = _GAP.fullmatch
    for i, m in enumerate(matches):
        if not m.entry.referent:
            continue
        if label[i] and gap(text, matches[i - 1].end, m.start):
            out.append(i)
        elif label[i + 2] and gap(text, m.end, matches[i + 1].start):
            out.append(i)
    return out


def scare_quoted_names(doc: Document, lex: Lexicon) -> list[tuple[int, int, Match]]:
    """Short quotations whose whole inner text is one name of a referent group
    (``the "Free Syrian Army"``): the writer distances itself from the name."""
    out = []
    text = doc.text
    matcher = lex.matcher()
    for q in doc.quotes:
        if not q.is_short:
            continue
        inner = text[q.inner_start : q.inner_end]
        core = inner.strip(_STRIP)
        # a hit covering the whole core is one automaton key: most quotations are not one
        if not core or not matcher.is_one_key(core):
            continue
        if _introduces_a_name(text, q.start):
            continue
        found = matcher.find(core)
        if len(found) == 1 and found[0].entry.referent and found[0].text == core:
            out.append((q.start, q.end, found[0]))
    return out


#: words after which a quoted name is being introduced or glossed, not doubted
_NAMING_WORDS = {"as", "called", "dubbed", "named", "titled", "entitled", "calls", "call"}


def _introduces_a_name(text: str, quote_start: int) -> bool:
    """``("Army of Conquest")``, ``known as "White Helmets"``: a gloss or a name being
    introduced, not scare quotes (``so-called "caliphate"`` still counts)."""
    before = text[max(0, quote_start - 40) : quote_start].rstrip()
    if before.endswith("("):
        return True
    words = before.split()
    return bool(words) and words[-1].lower() in _NAMING_WORDS


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
    import pandas as pd  # here, not at the top: analysing an article needs no pandas

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
