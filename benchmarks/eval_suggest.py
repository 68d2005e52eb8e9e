"""How useful are the suggestions? The top 50 per group on FA-KES and PolNeAR, by kind.

    python benchmarks/eval_suggest.py                 # the evaluation halves (reported)
    python benchmarks/eval_suggest.py --split dev     # the halves the settings were read off
    python benchmarks/eval_suggest.py --show          # also print every list (for labelling)

Both corpora are split in halves by a hash of the article id (PolNeAR with
``eval_attribution.split_of``, so its dev half is the one the attribution rules were written
on; FA-KES the same way on ``unit_id``). Every threshold of ``framing.discover`` was chosen
looking at the dev halves only; the tables in docs/discovery.md are the test halves.

Each suggestion is one of:

- **lexicon**: the bundled lexicons already match it, whole or in part (``known`` is
  ``exact`` or ``contains``; decided by the project's matcher, not by hand);
- **loaded**: a new word or phrase that carries a stance, judgement or emotion, so that it
  would be a loaded-language entry ("serial liar", "illegal aliens", "martyrs");
- **naming**: a new name or label for an actor, place, group or event where outlets choose
  between competing names or spellings ("Idleb" / "Idlib", "ISIL", "Mrs. Clinton" / "Hillary",
  "frontrunner"), so that it would be a naming entry (often neutral) of a referent;
- **noise**: everything else: what a story is about rather than how it is named ("rocket",
  "delegates", "teachers"), reporting style ("said", "says", "percent"), site furniture and
  markup the stripping missed ("like the page", "getty images"), fragments of a repeated
  sentence that name nothing ("billion members").

The labels (``benchmarks/data/suggest_labels.csv``) were written by hand for the terms the
test halves produced, reading each term's examples, with the rule above; a term the file does
not label is counted as ``unlabelled``, never guessed.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
from pathlib import Path

import numpy as np
import pandas as pd

from framing.discover import suggest_terms
from framing.io.datasets import load_fakes

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_heldout_outlets import SELF_NAMES  # noqa: E402
from bench_heldout_outlets import load as load_polnear  # noqa: E402
from eval_attribution import split_of  # noqa: E402

LABELS = Path(__file__).resolve().parent / "data" / "suggest_labels.csv"
TOP = 50
#: a two-sided 5% z: the tail of a top 50 below it is shown apart
Z_STRONG = 1.96
KINDS = ("lexicon", "loaded", "naming", "noise", "unlabelled")
#: FA-KES: Syrian state and allied media against the opposition coalition and Turkish media
CAMPS = {
    "pro-government (SANA, Al-Manar, Al-Alam)": ["Syrian Arab News Agency", "Al-Manar", "Al-Alam News Network"],
    "opposition and Turkey (Etilaf, TRT World, Daily Sabah)": ["Syrian National Coalition (Etilaf)", "TRT World",
                                                               "Daily Sabah"],
}
#: the partisan immigration terms named in the issue (written before any run): which surface?
ISSUE_TERMS = ("amnesty", "undocumented", "sanctuary cities", "open borders", "chain migration",
               "catch and release", "caravan", "muslim ban", "travel ban", "illegal aliens",
               "illegal immigrants", "undocumented immigrants")


def fakes_split(split: str) -> pd.DataFrame:
    df = load_fakes()
    side = ["dev" if int(hashlib.sha1(str(i).encode()).hexdigest(), 16) % 2 == 0 else "test" for i in df["id"]]
    return df[[s == split for s in side]].reset_index(drop=True)


def polnear_split(split: str) -> pd.DataFrame:
    df = load_polnear()
    return df[[split_of(i) == split for i in df["id"]]].reset_index(drop=True)


def read_labels(path: Path = LABELS) -> dict[tuple[str, str, str], str]:
    if not path.exists():
        return {}
    with path.open(encoding="utf-8") as f:
        return {(r["corpus"], r["group"], r["term"]): r["label"] for r in csv.DictReader(f)}


def kind(row: pd.Series, corpus: str, labels: dict) -> str:
    if row["known"] in ("exact", "contains"):
        return "lexicon"
    return labels.get((corpus, row["group"], row["term"]), "unlabelled")


def shares(table: pd.DataFrame, corpus: str, labels: dict) -> pd.DataFrame:
    t = table.assign(kind=[kind(r, corpus, labels) for _, r in table.iterrows()])
    out = pd.crosstab(t["group"], t["kind"]).reindex(columns=list(KINDS), fill_value=0)
    out.loc["all"] = out.sum()
    out.insert(0, "terms", out.sum(axis=1))
    return out


def _uses(s: object, term: str) -> int:
    """How often ``term`` occurs in the corpus (the first pass's count)."""
    counts = s.counts  # type: ignore[attr-defined]
    code = counts.vocab.code(term)
    if code is None:
        return 0
    i = int(np.searchsorted(counts.codes, code))
    return int(counts.counts[i].sum()) if i < len(counts.codes) and counts.codes[i] == code else 0


def markdown(df: pd.DataFrame) -> str:
    cols = list(df.columns)
    lines = ["| group | " + " | ".join(cols) + " |", "|---" * (len(cols) + 1) + "|"]
    for g, r in df.iterrows():
        n = r["terms"]
        cells = [str(n)] + [f"{r[c]} ({r[c] / n:.0%})" if n else "0" for c in cols[1:]]
        lines.append(f"| {g} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def show(table: pd.DataFrame, corpus: str, labels: dict) -> None:
    for g, sub in table.groupby("group", sort=False):
        print(f"\n## {corpus}: {g}")
        for _, r in sub.iterrows():
            ex = r["examples"][0] if r["examples"] else ""
            k = kind(r, corpus, labels)
            print(f"{r['rank']:>3} {r['term']:<32} z {r['z']:5.1f} n {r['count']:>4} {k:<10} {ex}")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--split", choices=("dev", "test"), default="test")
    ap.add_argument("--show", action="store_true", help="print every list with an example line")
    args = ap.parse_args(argv)
    labels = read_labels()
    runs = {
        "fa-kes": (fakes_split(args.split), {"groups": CAMPS}),
        "polnear": (polnear_split(args.split), {"self_names": [n for v in SELF_NAMES.values() for n in v]}),
    }
    for corpus, (df, opts) in runs.items():
        s = suggest_terms(df, top=TOP, **opts)
        sizes = ", ".join(f"{g} {n}" for g, n in s.articles.items())
        print(f"\n### {corpus}, {args.split} half: {sum(s.articles.values())} articles ({sizes})\n")
        print(markdown(shares(s.table, corpus, labels)))
        strong = s.table[s.table["z"] >= Z_STRONG]
        print(f"\nThe same, only terms with z >= {Z_STRONG} ({len(strong)} of {len(s.table)}):\n")
        print(markdown(shares(strong, corpus, labels)))
        if args.show:
            show(s.table, corpus, labels)
        if corpus == "polnear":
            print("\nThe issue's partisan immigration terms in this ranking:")
            for term in ISSUE_TERMS:
                hit = s.table[s.table["term"] == term]
                uses = _uses(s, term)
                where = "; ".join(f"{r.group} rank {r.rank} (z {r.z:.1f}, {r.count} of {r.total} uses)"
                                  for r in hit.itertuples())
                print(f"- {term} ({uses} uses in this half): {where or 'not in any top ' + str(TOP)}")
            found = s.table.assign(kind=[kind(r, corpus, labels) for _, r in s.table.iterrows()])
            print("\nNew loaded and naming terms per publisher:")
            for g, sub in found[found["kind"].isin(["loaded", "naming"])].groupby("group", sort=False):
                print(f"- {g}: " + ", ".join(f"{t} ({k})" for t, k in zip(sub["term"], sub["kind"], strict=True)))
        print("\nNaming-variant groups:")
        for v in s.variants:
            members = " | ".join(f"{t} [{f or 'lexicon'}]" for t, f in zip(v.terms, v.favoured_by, strict=True))
            print(f"- {members}" + (f" -> {v.referent}" if v.referent else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
