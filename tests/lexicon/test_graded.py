"""The graded layer: vaderSentiment's intensities read at run time, plain words, weights."""

from __future__ import annotations

import textwrap

import pytest

from framing.errors import LexiconError
from framing.lexicon import graded, load_lexicon
from framing.lexicon import load as load_mod
from framing.lexicon.packs import pack_token

CONFIG = textwrap.dedent(
    """
    [meta]
    name = "graded"
    kind = "graded"

    [graded]
    min_valence = 2.0
    polarity = "negative"
    weight_per_valence = 0.1
    max_weight = 0.3

    [[plain]]
    words = ["kill"]
    why = "event word"
    """
)
WRITTEN = textwrap.dedent(
    """
    [meta]
    name = "general"

    [[entry]]
    forms = ["horrible"]
    canonical = "horrible"
    category = "emotive"
    connotation = -2
    weight = 0.7
    why = "written"
    """
)


@pytest.fixture
def bundle(empty_bundle):
    (empty_bundle / "graded.toml").write_text(CONFIG)
    (empty_bundle / "general.toml").write_text(WRITTEN)
    load_mod._CACHE.clear()
    return empty_bundle


def test_valences_are_read_from_the_installed_package_not_copied():
    assert graded.vader_path().name == "vader_lexicon.txt" and graded.vader_path().exists()


def test_an_unlisted_emotive_word_counts_in_the_graded_layer_with_a_lower_weight(bundle):
    lex = load_lexicon()
    hits = {h.text: h for h in lex.matcher().find("A horrible, shameful and disgusting scene; they killed two.")}
    assert hits["horrible"].entry.layer == "lexicon" and hits["horrible"].weight == 0.7
    for w in ("shameful", "disgusting"):
        e = hits[w].entry
        assert e.layer == "graded" and e.category == "emotive" and e.pack == "graded"
        assert 0 < e.weight <= 0.3 and e.connotation < 0 and "vaderSentiment" in e.why
    assert "killed" not in hits  # a plain word (and its inflections) never counts


def test_positive_words_only_with_polarity_both(bundle):
    lex = load_lexicon()
    assert not lex.matcher().find("a wonderful, magnificent day")
    (bundle / "graded.toml").write_text(CONFIG.replace('"negative"', '"both"'))
    load_mod._CACHE.clear()
    assert [h.text for h in load_lexicon().matcher().find("a wonderful day")] == ["wonderful"]


def test_the_graded_pack_can_be_turned_off(bundle):
    lex = load_lexicon([pack_token("general")])
    assert {e.layer for e in lex.entries} == {"lexicon"}


def test_a_bad_setting_is_reported_with_file_and_line(bundle):
    (bundle / "graded.toml").write_text(CONFIG.replace("min_valence = 2.0", "min_valence = 9"))
    load_mod._CACHE.clear()
    with pytest.raises(LexiconError, match=r"graded\.toml:6: graded\.min_valence"):
        load_lexicon()


def test_plain_words_cover_regular_inflections():
    assert {"kill", "kills", "killed", "killing"} <= graded.inflections("kill")
    assert {"ban", "banned", "banning"} <= graded.inflections("ban")
    assert "killer" not in graded.inflections("kill")  # an agent noun can be a charge
