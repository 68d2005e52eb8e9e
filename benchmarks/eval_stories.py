"""Story detection on FA-KES: how many stories, pairwise precision and recall on hand-labelled
pairs, republished copy, and (``--stats``) the story-controlled outlet statistics.

    python benchmarks/eval_stories.py                  # counts and P/R (dev and eval pairs)
    python benchmarks/eval_stories.py --sweep          # the dev-pair grid the defaults were chosen on
    python benchmarks/eval_stories.py --stats          # also extract features and test within stories

The pairs are tests/stories/fixtures/fakes_story_pairs.csv (sampling and labelling rule in
docs/stories.md). Settings were chosen on the 50 ``dev`` pairs; report the 100 ``eval`` pairs.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

PAIRS = Path(__file__).parents[1] / "tests" / "stories" / "fixtures" / "fakes_story_pairs.csv"


def _line(name: str, s: dict) -> str:
    return (f"{name}: P {s['precision']:.2f} R {s['recall']:.2f} "
            f"(tp {s['tp']}, fp {s['fp']}, fn {s['fn']}; {s['n_same']} same-story of {s['n_pairs']} pairs)")


def main(argv: list[str] | None = None) -> int:
    from framing.compare.neardup import near_duplicate_pairs
    from framing.io.datasets import load_fakes
    from framing.stories import StoryParams, detect_stories, story_of
    from framing.stories.pairs import pair_scores

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sweep", action="store_true", help="score the dev-pair grid")
    ap.add_argument("--stats", action="store_true", help="story-controlled statistics (extracts features)")
    args = ap.parse_args(argv)
    fakes = load_fakes()
    pairs = pd.read_csv(PAIRS, dtype={"id_a": str, "id_b": str})
    dev, ev = pairs[pairs["split"] == "dev"], pairs[pairs["split"] == "eval"]
    if args.sweep:
        for w in (3, 5):
            for lead in (60, 100, 150, 250):
                for margin in (0.0, 0.1, 0.2):
                    for t in (0.2, 0.25, 0.3, 0.35, 0.4):
                        st = detect_stories(fakes, StoryParams(threshold=t, window_days=w, lead_words=lead,
                                                               same_outlet_margin=margin))
                        print(_line(f"window {w} lead {lead} margin {margin} threshold {t} dev", pair_scores(st, dev)))
    stories = detect_stories(fakes)
    print(f"FA-KES: {len(fakes)} articles, {len(stories)} stories, {(stories['n_articles'] >= 2).sum()} with 2+ "
          f"articles, {(stories['n_outlets'] >= 2).sum()} with 2+ outlets (largest: {stories['n_articles'].max()} "
          f"articles, {stories['n_outlets'].max()} outlets)")
    print(_line("dev pairs (settings chosen here)", pair_scores(stories, dev)))
    print(_line("eval pairs", pair_scores(stories, ev)))
    long = story_of(stories).set_index("id")
    near = [(fakes["id"][i], fakes["id"][j]) for i, j, _ in near_duplicate_pairs(fakes["text"].tolist(), 0.3)]
    inside = [(a, b) for a, b in near if long.at[a, "story_id"] == long.at[b, "story_id"]]
    marked = sum(long.at[a, "copy_of"] == long.at[b, "copy_of"] for a, b in inside)
    print(f"near-duplicate pairs (MinHash Jaccard >= 0.3): {len(near)}, {len(inside)} inside one story, "
          f"{marked} of those marked as one copy")
    if args.stats:
        from framing.compare.leakage import strip_corpus
        from framing.extract import extract_features
        from framing.stories.compare import compare_within_stories

        stripped = strip_corpus(fakes, by="outlet")
        features, _ = extract_features(stripped)
        r = compare_within_stories(stripped, features, stories=detect_stories(stripped))
        c, p = r.controlled, r.paired
        print(f"story-controlled, {c['n_story_articles'].iloc[0]} articles of {c['n_stories'].iloc[0]} "
              f"multi-outlet stories (boilerplate stripped): {c['verdict'].value_counts().to_dict()}")
        print("surviving (first 15):", ", ".join(c.loc[c["verdict"] == "survives story control", "feature"][:15]))
        print(f"paired on shared stories: {p[['outlet_a', 'outlet_b']].drop_duplicates().shape[0]} outlet pairs "
              f"with >= 5 shared stories (max {p['n_shared_stories'].max() if len(p) else 0}); "
              f"{p['verdict'].value_counts().to_dict()}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
