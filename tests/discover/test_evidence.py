"""Pass two: document frequency, survival of boilerplate stripping, examples, contexts."""

from __future__ import annotations

import numpy as np

from framing.discover.counts import NgramCounts
from framing.discover.evidence import Evidence, kwic


def _evidence(bodies, groups, terms, **kw):
    c = NgramCounts()
    c.add(bodies, ["g"] * len(bodies))
    codes = np.array(sorted(c.vocab.code(t) for t in terms), dtype=np.int64)
    ev = Evidence(c.vocab, codes, 1, ("Reuters",), **kw)
    ev.add([("", b) for b in bodies], np.array(groups))
    ev.flush()
    return c, ev, {c.vocab.term(x): i for i, x in enumerate(codes)}


def test_dateline_words_do_not_survive_stripping_story_words_do():
    bodies = [f"BEIRUT (Reuters) - Shelling hit the old market on day {i}. Beirut residents fled." for i in range(4)]
    _, ev, idx = _evidence(bodies, [0] * 4, ["beirut", "shelling"])
    kept = ev.survival()[:, 0]
    assert kept[idx["beirut"]] == 0.5  # the dateline goes, the story's "Beirut residents" stays
    assert kept[idx["shelling"]] == 1.0
    assert ev.docs[idx["beirut"], 0] == 4


def test_only_the_first_samples_articles_are_stripped():
    bodies = [f"Shelling hit the market on day {i}." for i in range(10)]
    _, ev, idx = _evidence(bodies, [0] * 10, ["shelling"], samples=3)
    assert ev.stripped_articles == 3 and ev.docs[idx["shelling"], 0] == 10


def test_examples_and_spellings_come_from_the_page():
    bodies = ["Forces of the Assad regime shelled Idlib.", "The Assad Regime denied it."]
    _, ev, idx = _evidence(bodies, [0, 0], ["assad regime"])
    lines = [k.line() for k in ev.examples[(idx["assad regime"], 0)]]
    assert lines == ["\u2026Forces of the \u00abAssad regime\u00bb shelled Idlib.\u2026",
                     "\u2026The \u00abAssad Regime\u00bb denied it.\u2026"]
    assert set(ev.spellings[idx["assad regime"]]) == {"Assad regime", "Assad Regime"}


def test_kwic_cuts_at_words():
    text = "one two three four five six seven eight nine ten eleven twelve"
    k = kwic(text, text.index("six"), text.index("six") + 3, width=12)
    assert k.match == "six" and not k.left.startswith("ee") and k.left.endswith(" ")
    assert k.right.startswith(" ") and k.right.strip().split()[0] == "seven"


def test_contexts_go_to_the_longest_target():
    c = NgramCounts()
    bodies = ["the united nations said", "the nations said"]
    c.add(bodies, ["g", "g"])
    targets = np.array(sorted(c.vocab.code(t) for t in ("nations", "united nations")), dtype=np.int64)
    words = np.array(sorted({c.vocab.add(w) for w in ("the", "said")}), dtype=np.int64)
    ev = Evidence(c.vocab, targets[:0], 1, (), targets=targets, context_words=words)
    ev.add([("", b) for b in bodies], np.array([0, 0]))
    row = {c.vocab.term(t): i for i, t in enumerate(targets)}
    # "nations" inside "united nations" lends it nothing: one use, "the" before and "said" after
    assert ev.contexts[row["nations"]].sum() == 2
    assert ev.contexts[row["united nations"]].sum() == 2
