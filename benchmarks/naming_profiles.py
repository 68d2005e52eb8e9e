"""Naming-choice profiles per FA-KES outlet, written to ``docs/naming-profiles.md``
(or, with ``--corpus polnear``, per PolNeAR publisher to ``docs/naming-profiles-us.md``).

    python benchmarks/naming_profiles.py [--corpus fakes|polnear] [--referent ID ...]
                                         [--lexicon PATH ...] [--out PATH]

For each referent group: of all the group's mentions in an outlet's articles, the share
that uses each name (with counts), from all 804 FA-KES articles. Also the rate of the most
frequent general loaded labels per outlet. Everything below the ``<!-- reading -->`` marker
in an existing output file (the hand-written reading of the tables) is kept.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

import pandas as pd

from framing.atomic import write_atomic

DEFAULT_REFERENTS = (
    "islamic_state",
    "syrian_government",
    "syrian_armed_opposition",
    "syrian_army",
    "hayat_tahrir_al_sham",
    "kurdish_forces_syria",
)
#: groups for the "who is called a terrorist" table
ATTACH_REFERENTS = (
    "islamic_state",
    "hayat_tahrir_al_sham",
    "syrian_armed_opposition",
    "kurdish_forces_syria",
    "pkk",
)
#: the US tables (PolNeAR, 2016 election coverage): immigration, abortion and election referents
US_SECTIONS = {
    "Immigration": (
        "immigrants_without_status", "legalization", "border_wall", "border_situation",
        "immigration_enforcement", "family_immigration", "travel_ban",
    ),
    "Abortion": ("abortion_opponents", "abortion_rights_supporters", "fetus", "abortion", "abortion_providers"),
    "Election": ("election_integrity", "democratic_party", "republican_party", "hillary_clinton", "donald_trump"),
}
MARKER = "<!-- reading -->"
MAX_NAMES = 9  # columns per referent table; the rest are summed as "other"


def collect(lexicons: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """All matches (with outlet and voice) and per-article word counts, for all of FA-KES."""
    from framing.features.loaded import LoadedTerms
    from framing.io.datasets import load_fakes
    from framing.text import Document

    df = load_fakes()
    fam = LoadedTerms(lexicons=lexicons)
    rows, arts = [], []
    for art in df.itertuples():
        doc = Document(art.text)
        res = fam.analyze(doc)
        arts.append({"id": art.id, "outlet": art.outlet, "n_words": doc.n_words})
        for t in res.details["loaded_terms"]:
            rows.append({"id": art.id, "outlet": art.outlet, **t})
    return pd.DataFrame(rows), pd.DataFrame(arts), dict(zip(df["id"], df["text"], strict=True))


def collect_polnear(lexicons: tuple[str, ...]) -> tuple[pd.DataFrame, pd.DataFrame, dict]:
    """The same as :func:`collect` for PolNeAR's training split: outlet = publisher; articles
    annotated twice (two records, one text) are counted once."""
    import json

    from framing.features.loaded import LoadedTerms
    from framing.paths import POLNEAR_JSONL
    from framing.text import Document

    fam = LoadedTerms(lexicons=lexicons)
    rows, arts, texts, seen = [], [], {}, set()
    with POLNEAR_JSONL.open(encoding="utf-8") as f:
        for line in f:
            rec = json.loads(line)
            if rec["text"] in seen:
                continue
            seen.add(rec["text"])
            doc = Document(rec["text"])
            texts[rec["id"]] = rec["text"]
            arts.append({"id": rec["id"], "outlet": rec["publisher"], "n_words": doc.n_words})
            for t in fam.analyze(doc).details["loaded_terms"]:
                rows.append({"id": rec["id"], "outlet": rec["publisher"], **t})
    return pd.DataFrame(rows), pd.DataFrame(arts), texts


def _profile(matches: pd.DataFrame, arts: pd.DataFrame) -> tuple[pd.Series, pd.DataFrame]:
    """Articles per outlet and the naming profile (share of each name per outlet and referent)."""
    from framing.features.loaded import naming_profile

    prof = naming_profile(matches[["outlet", "referent", "canonical"]], by="outlet")
    return arts.groupby("outlet").size(), prof


def render_us(matches: pd.DataFrame, arts: pd.DataFrame, labels: dict[str, str], coverage: str) -> str:
    """The PolNeAR tables: one per immigration, abortion and election referent."""
    articles, prof = _profile(matches, arts)
    out = [
        "# Naming choices per publisher: US election coverage (PolNeAR)",
        "",
        "Produced by `python benchmarks/naming_profiles.py --corpus polnear` from the articles of "
        "PolNeAR's training split (Newell et al., LREC 2018: hard news on the 2016 US election from "
        "seven publishers; each article once, though some were annotated twice) with every bundled "
        "pack. Each cell: the share of the group's mentions in that publisher's articles that use "
        "the name, with the count; both voices. `mentions` under 5 are anecdotes.",
        "",
        coverage,
        "",
    ]
    for section, refs in US_SECTIONS.items():
        out += [f"## {section}", ""]
        for r in refs:
            out += [f"### {r}: {labels.get(r, r)}", "", referent_table(prof, r, articles)]
    out += [
        "## Most frequent loaded terms, per 1,000 words (narrator voice)",
        "",
        label_rates(matches, arts, top=12),
    ]
    return "\n".join(out)


def referent_table(prof: pd.DataFrame, referent: str, articles: pd.Series) -> str:
    sub = prof[prof["referent"] == referent]
    if sub.empty:
        return "_No mentions._\n"
    totals = sub.groupby("canonical")["n"].sum().sort_values(ascending=False)
    names = list(totals.index[:MAX_NAMES])
    other = len(totals) > MAX_NAMES
    header = ["outlet", "articles", "mentions"] + [f"{n} (all: {totals[n]})" for n in names]
    if other:
        header.append("other")
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["--:"] * (len(header) - 1)) + "|"]
    outlets = sorted(articles.index, key=lambda o: -articles[o])
    for outlet in outlets:
        rows = sub[sub["outlet"] == outlet]
        mentions = int(rows["n"].sum())
        cells = [str(outlet), str(int(articles[outlet])), str(mentions)]
        by = dict(zip(rows["canonical"], rows["n"], strict=True))
        for n in names:
            k = int(by.get(n, 0))
            cells.append(f"{k / mentions:.0%} ({k})" if mentions and k else ("0" if mentions else ""))
        if other:
            k = int(sum(v for c, v in by.items() if c not in names))
            cells.append(f"{k / mentions:.0%} ({k})" if mentions and k else ("0" if mentions else ""))
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def wire_credits(texts: dict, arts: pd.DataFrame) -> str:
    """Share of each outlet's articles whose body names a wire agency: republished agency
    copy carries the agency's naming style, not the outlet's."""
    agencies = {
        "AFP": re.compile(r"\bAFP\b"),
        "Reuters": re.compile(r"\bReuters\b"),
        "AP": re.compile(r"\b(?:AP|Associated Press)\b"),
    }
    header = ["outlet", "articles"] + [f"% naming {a}" for a in agencies]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["--:"] * (len(header) - 1)) + "|"]
    for outlet, g in arts.groupby("outlet"):
        bodies = [texts[i] for i in g["id"]]
        cells = [str(outlet), str(len(bodies))]
        cells += [f"{sum(bool(p.search(b)) for b in bodies) / len(bodies):.0%}" for p in agencies.values()]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def label_rates(matches: pd.DataFrame, arts: pd.DataFrame, top: int = 10) -> str:
    """Rate per 1,000 words of the most frequent loaded canonicals without a referent
    (``terrorist``, ``takfiri`` ...), narrator voice only, per outlet."""
    gen = matches[(matches["category"] != "neutral") & (matches["voice"] == "narrator")]
    counts = gen.groupby("canonical").size().sort_values(ascending=False)
    names = list(counts.index[:top])
    words = arts.groupby("outlet")["n_words"].sum()
    per = gen[gen["canonical"].isin(names)].groupby(["outlet", "canonical"]).size().unstack(fill_value=0)
    per = per.reindex(index=words.index, columns=names, fill_value=0)
    rate = per.div(words, axis=0) * 1000
    header = ["outlet", "words"] + names
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["--:"] * (len(header) - 1)) + "|"]
    for outlet in rate.sort_values(names[0], ascending=False).index if names else []:
        cells = [str(outlet), f"{int(words[outlet]):,}"] + [f"{rate.loc[outlet, n]:.2f}" for n in names]
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


LABELS = ("terrorist", "takfiri", "militants", "jihadists", "extremists", "mercenaries")
_GAP = re.compile(r"^[\s\w'\-]{0,25}$")  # a short gap within one sentence


def attached_labels(matches: pd.DataFrame, texts: dict, referents: list[str]) -> str:
    """How often each referent's mention has a general label right beside it
    ("ISIS terrorists", "terrorists of Jaish al-Islam"): who gets called what, per outlet.
    General labels have no referent in the lexicon, so the naming profile cannot show this."""
    rows = []
    for aid, g in matches.sort_values("start").groupby("id", sort=False):
        text = texts[aid]
        recs = g.to_dict("records")
        for i, t in enumerate(recs):
            if t["referent"] not in referents:
                continue
            found = set()
            for j in (i - 1, i + 1):
                if not 0 <= j < len(recs) or recs[j]["canonical"] not in LABELS:
                    continue
                a, b = (recs[j], t) if j < i else (t, recs[j])
                if _GAP.match(text[a["end"] : b["start"]]):
                    found.add(recs[j]["canonical"])
            rows.append({"outlet": t["outlet"], "referent": t["referent"], "labels": found})
    df = pd.DataFrame(rows)
    if df.empty:
        return "_No mentions._\n"
    header = ["outlet"] + [f"{r}: mentions, % with {'/'.join(LABELS[:2])}" for r in referents]
    lines = ["| " + " | ".join(header) + " |", "|" + "|".join(["---"] + ["--:"] * len(referents)) + "|"]
    for outlet, g in df.groupby("outlet"):
        cells = [str(outlet)]
        for r in referents:
            sub = g[g["referent"] == r]
            if sub.empty:
                cells.append("")
                continue
            k = sum(bool(x & set(LABELS[:2])) for x in sub["labels"])
            cells.append(f"{len(sub)}, {k / len(sub):.0%}")
        lines.append("| " + " | ".join(cells) + " |")
    return "\n".join(lines) + "\n"


def render(
    matches: pd.DataFrame,
    arts: pd.DataFrame,
    referents: list[str],
    labels: dict[str, str],
    texts: dict,
    attach: list[str],
) -> str:
    articles, prof = _profile(matches, arts)
    out = [
        "# Naming-choice profiles per outlet (FA-KES)",
        "",
        "Produced by `python benchmarks/naming_profiles.py` from all 804 FA-KES articles "
        "with the bundled lexicons. Each cell: the share of the group's mentions in that "
        "outlet's articles that use the name, with the count; both narrator and quoted "
        "voice. `articles` is the outlet's number of articles in FA-KES; `mentions` the "
        "group's matched mentions in them. Outlets are FA-KES's source ids.",
        "",
    ]
    for r in referents:
        out += [f"## {r}: {labels.get(r, r)}", "", referent_table(prof, r, articles)]
    out += [
        "## Most frequent loaded terms, per 1,000 words (narrator voice)",
        "",
        "Not tied to one referent group (or counted over all groups): the outlet's own "
        "use of the labels, quotations excluded.",
        "",
        label_rates(matches, arts),
        "## Who is called a terrorist: general labels beside a group's name",
        "",
        "Labels such as `terrorist` and `takfiri` have no referent in the lexicon (they "
        "describe whoever the sentence is about), so the profiles above cannot show whom an "
        "outlet calls a terrorist. Here: of each group's mentions, the share with `terrorist` "
        'or `takfiri` right beside it in the same sentence ("ISIS terrorists", "Takfiri '
        'terrorists of Jaish al-Islam"), both voices; each cell gives mentions, share.',
        "",
        attached_labels(matches, texts, attach),
        "## Wire agencies named in the body",
        "",
        "Share of each outlet's articles whose text names AFP, Reuters or AP (a credit, a "
        "dateline or a citation): where it is high, the profiles above partly show the "
        "agency's style.",
        "",
        wire_credits(texts, arts),
    ]
    return "\n".join(out)


def main(argv: list[str] | None = None) -> int:
    from framing.paths import FAKES_CSV, PROJECT_ROOT

    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--referent", action="append", default=[], metavar="ID")
    ap.add_argument("--lexicon", action="append", default=[], metavar="PATH")
    ap.add_argument("--corpus", choices=("fakes", "polnear"), default="fakes",
                    help="FA-KES outlets (default) or PolNeAR's US publishers")
    ap.add_argument("--out", type=Path, help="default docs/naming-profiles.md (-us.md for polnear)")
    args = ap.parse_args(argv)
    if args.corpus == "polnear":
        return _main_polnear(args)
    args.out = args.out or PROJECT_ROOT / "docs" / "naming-profiles.md"
    if not FAKES_CSV.exists():
        print(f"FA-KES not found at {FAKES_CSV}", file=sys.stderr)
        return 1

    from framing.lexicon import load_lexicon

    lex = load_lexicon(tuple(args.lexicon))
    referents = args.referent or [r for r in DEFAULT_REFERENTS if r in lex.referents]
    missing = [r for r in referents if r not in lex.referents]
    if missing or not referents:
        print(f"unknown referent(s) {missing or list(DEFAULT_REFERENTS)}", file=sys.stderr)
        return 1
    matches, arts, texts = collect(tuple(args.lexicon))
    labels = {r.id: r.label for r in lex.referents.values()}
    attach = [r for r in ATTACH_REFERENTS if r in lex.referents]
    text = render(matches, arts, referents, labels, texts, attach)
    _write_keeping_reading(args.out, text)
    return 0


def _write_keeping_reading(out: Path, text: str) -> None:
    """Write the tables; keep the hand-written reading below the marker."""
    reading = ""
    if out.exists():
        old = out.read_text(encoding="utf-8")
        if MARKER in old:
            reading = old[old.index(MARKER) :]
    write_atomic(out, text + "\n" + (reading or MARKER + "\n"))
    print(f"wrote {out}")


def _main_polnear(args: argparse.Namespace) -> int:
    from framing.lexicon import load_lexicon
    from framing.lexicon.coverage import coverage_note, lexicon_coverage
    from framing.paths import POLNEAR_JSONL, PROJECT_ROOT

    if not POLNEAR_JSONL.exists():
        print(f"PolNeAR not found at {POLNEAR_JSONL}", file=sys.stderr)
        return 1
    lex = load_lexicon(tuple(args.lexicon))
    matches, arts, texts = collect_polnear(tuple(args.lexicon))
    labels = {r.id: r.label for r in lex.referents.values()}
    cov = coverage_note(lexicon_coverage(list(texts.values()), lex))
    out = args.out or PROJECT_ROOT / "docs" / "naming-profiles-us.md"
    _write_keeping_reading(out, render_us(matches, arts, labels, cov))
    return 0


if __name__ == "__main__":
    sys.exit(main())
