"""Hedges with kinds and context rules (framing/sourcing/hedges.py, lexicons/hedges.toml)."""

from __future__ import annotations

import pytest

from framing.sourcing.claims import claims
from framing.sourcing.cues import default_lexicon
from framing.sourcing.hedges import find_hedges
from framing.text import Document


def _hedges(text: str) -> list[tuple[str, str]]:
    return [(h["text"].lower(), h["kind"]) for h in find_hedges(Document(text), default_lexicon())]


@pytest.mark.parametrize(
    ("text", "want"),
    [
        ("The levee may fail before the storm passes.", ("may", "epistemic")),
        ("The dam reportedly cracked overnight.", ("reportedly", "evidential")),
        ("Some economists argue the tariff will backfire.", ("some", "weasel")),
        ("The plant is widely regarded as unsafe.", ("widely regarded", "weasel")),
        ("The senator has been described as a moderate.", ("has been described as", "weasel")),
        ("The evidence suggests a second shooter.", ("suggests", "epistemic")),
        ("The ferry is often described as the slowest in Europe.", ("often", "weasel")),
        ("Sightings of the bear have also been reported near the lake.",
         ("have also been reported", "evidential")),
        ("She is one of Norway's most celebrated painters.",
         ("one of norway's most", "weasel")),
        ("Turnout tends to fall in off-year races.", ("tends to", "epistemic")),
        ("The cause of the blaze remains unknown.", ("remains unknown", "epistemic")),
        ("In all likelihood the strike will end by Friday.", ("in all likelihood", "epistemic")),
        ("The link between the two fires remains tentative.", ("tentative", "epistemic")),
        ("A growing number of farmers back the plan.", ("a growing number of", "weasel")),
        ("Studies have shown the filter cuts smog.", ("studies have shown", "weasel")),
        ("The ceasefire seems fragile after the weekend.", ("seems", "epistemic")),
        ("The allegations against the mayor surfaced in June.", ("allegations", "evidential")),
        ("The renowned surgeon opened a clinic in the port.", ("renowned", "weasel")),
        ("The poem is attributed to a monk of the abbey.", ("is attributed to", "weasel")),
        ("A possible link between the two fires was found.", ("possible", "epistemic")),
        ("Others say the bridge was never safe.", ("others", "weasel")),
    ],
)
def test_each_kind_is_found(text: str, want: tuple[str, str]) -> None:
    assert want in _hedges(text)


@pytest.mark.parametrize(
    "text",
    [
        "The vote took place on May 5 in the capital.",  # the month
        "Voters elected Theresa May in the end.",  # a name
        "The country showed its military might at the parade.",  # the noun
        "The mayor could not attend the hearing.",  # inability, not doubt
        "Talks went on for a few months before the deal.",  # a span of time
        "It was the most expensive election in the state.",  # a superlative
        "The result is certain after the recount.",  # certainty
        "A person may apply for a permit at the town hall.",  # permission, not doubt
        "Only registered members may vote in the primary.",  # a restriction
        "Only the residents of the two northern islands may vote on the new charter.",  # same
        "Visitors may bring one bag into the stadium.",  # permission
        "The loaves are usually baked before dawn.",  # a habit, not a view
        "The fraud was alleged by the county auditor in March.",  # the holder is named
        "The farmers believe in the new tax plan.",  # support, not doubt
        "Crews will repair the pier as soon as possible.",  # a degree phrase
        "The road was made possible by a state grant.",  # a cause
        "The charity works for the welfare of others.",  # "others" as an object
    ],
)
def test_context_rules_drop_everyday_uses(text: str) -> None:
    assert _hedges(text) == []


def test_may_of_a_generic_agent_in_the_perfect_is_still_doubt() -> None:
    assert ("may", "epistemic") in _hedges("Several people may have died in the fire.")
    assert ("may", "epistemic") in _hedges("The senator may run for governor.")


def test_a_modal_inside_a_quotation_is_the_speakers_not_the_writers() -> None:
    text = 'The governor spoke at noon. "The bridge could collapse within a week," he said.'
    assert ("could", "epistemic") not in _hedges(text)
    assert ("could", "epistemic") in _hedges("The bridge could collapse within a week.")
    # a short quoted fragment is the source's wording too
    assert _hedges('The guide says that councils "may adopt" the rule.') == []


def test_a_claim_resting_on_a_vague_group_is_vague_not_anonymous() -> None:
    got = claims(Document("Critics say the new rules will hurt small farms. "
                          "A source said the rules were delayed."))
    assert [c["status"] for c in got] == ["vague", "anonymous"]


def test_an_agentless_weasel_is_hedged() -> None:
    got = claims(Document("It is widely believed that the mill will close next year."))
    assert got[0]["status"] == "hedged"
    assert got[0]["hedges"][0]["kind"] == "weasel"


def test_conll_tune_half_guard() -> None:
    """Catches a collapse of hedge detection quickly (the full evaluation is
    benchmarks/eval_hedges.py); skipped where the CoNLL-2010 slice is absent."""
    import sys

    from framing.paths import PROJECT_ROOT, SHARED_DIR

    if not (SHARED_DIR / "data" / "conll2010-dev" / "conll-dev.csv").exists():
        pytest.skip("CoNLL-2010 dev slice not found")
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        import eval_hedges as ev
    finally:
        sys.path.pop(0)
    df = ev.load()
    tune = df[df.half == "tune"]
    got = ev.score((tune.label == "uncertain").tolist(), [ev.predict(s)[0] for s in tune.sentence])
    assert got["f1"] >= 0.75
