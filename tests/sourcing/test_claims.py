"""Claim status per sentence and its decision order (framing/sourcing/claims.py)."""

from __future__ import annotations

from framing.sourcing.claims import STATUSES, claims
from framing.text import Document


def _status(text: str) -> list[tuple[str, str]]:
    return [(c["sentence"], c["status"]) for c in claims(Document(text))]


def test_seed_claims(seed_article: dict, gold: dict) -> None:
    got = claims(Document(seed_article["text"]))
    for g in gold["claims"]:
        match = [c for c in got if c["sentence"].startswith(g["sentence_starts"])]
        assert match, g["sentence_starts"]
        assert match[0]["status"] == g["status"], g["sentence_starts"]


def test_each_status() -> None:
    text = (
        "Border talks\n\n"
        "The army said the road was open. A source said the bridge was mined. "
        "The rebels reportedly withdrew. The town was shelled on Monday. Who fired first?"
    )
    assert _status(text) == [
        ("Border talks", "other"),
        ("The army said the road was open.", "attributed"),
        ("A source said the bridge was mined.", "anonymous"),
        ("The rebels reportedly withdrew.", "hedged"),
        ("The town was shelled on Monday.", "unattributed"),
        ("Who fired first?", "other"),
    ]


def test_attribution_outranks_hedge_and_hedges_are_listed() -> None:
    (c,) = claims(Document("The army said the rebels had likely fled."))
    assert c["status"] == "attributed"
    assert [h["text"] for h in c["hedges"]] == ["likely"]


def test_agentless_passive_is_hedged_not_attributed() -> None:
    (c,) = claims(Document("The commander is said to have fled the city."))
    assert c["status"] == "hedged" and c["hedges"][0]["text"] == "is said to"


def test_media_relaying_anonymous_source_is_anonymous() -> None:
    text = "Al Jazeera, citing an unnamed official, reported that the airport was hit."
    assert _status(text)[0][1] == "anonymous"


def test_multi_sentence_quote_is_attributed_throughout() -> None:
    text = '"We took the hill. We lost two men. We will hold it," the commander said.'
    assert [s for _, s in _status(text)] == ["attributed"] * 3


def test_continued_quotation_paragraph_is_attributed() -> None:
    text = ('Ghanmi said: "We agreed to share intelligence."\n\n'
            '"We will also coordinate air strikes near the border."')
    assert [s for _, s in _status(text)] == ["attributed", "attributed"]


def test_caption_is_other() -> None:
    text = ("The army advanced.\n\n"
            "Soldiers stand guard at a checkpoint in Aleppo on May 29, 2017.\n\nTalks resumed.")
    assert _status(text)[1][1] == "other"


def test_statuses_and_offsets() -> None:
    text = "The town fell. Officials said 12 died."
    for c in claims(Document(text)):
        assert c["status"] in STATUSES
        assert text[c["start"]:c["end"]] == c["sentence"]
