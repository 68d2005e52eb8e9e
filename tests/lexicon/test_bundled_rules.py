"""The bundled lexicons' sense rules and plain entries, each on a sentence written in the shape
it is for: a literal use does not count as loaded, the loaded use does."""

from __future__ import annotations

import pytest

from framing.features.loaded import LoadedTerms
from framing.lexicon.confidence import LOADED_THRESHOLD
from framing.text import Document


@pytest.fixture(scope="module")
def fam():
    return LoadedTerms()


def loaded(fam, text):
    return [t["text"].lower() for t in fam.analyze(Document(text)).details["loaded_terms"] if t["loaded"]]


@pytest.mark.parametrize(
    ("text", "word"),
    [
        # issue 15's literal uses
        ("He faces criminal charges in a federal court.", "criminal"),
        ("The bill would eliminate the visa lottery.", "eliminate"),
        ("A massive $1.5 trillion tax cut passed.", "massive"),
        ("An overwhelming majority voted for it.", "overwhelming"),
        # round 2
        ("Video shows muzzle flashes from the window.", "muzzle"),
        ("The Church is made up of sinners, he wrote.", "made up"),
        ("The school runs courses in history and mathematics.", "in history"),
        ("Monahan alleged in August that he had dragged her.", "alleged"),
        ("Sessions recused himself from the election meddling inquiry.", "meddling"),
        ("The report covers Russian meddling in the 2016 election.", "meddling"),
        ("The agency is planning for the worst-case scenario.", "worst"),
        ("He was charged with a hate crime on Tuesday.", "hate"),
        ("The car had been rigged with explosives.", "rigged"),
        ("The army deployed a Patriot missile battery.", "patriot"),
        ("Police said a lone gunman opened fire on the crowd.", "gunman"),
        ("Bolton, a supporter of regime change, joined.", "regime change"),
        ("The Islamist party won the vote.", "islamist"),
        ("The caravan of migrants reached the border.", "caravan of migrants"),
        # round 3: the agencies' attribution formula
        ("The state sued to block what it called a dangerous settlement.", "what it called"),
    ],
)
def test_literal_or_plain_use_is_not_loaded(fam, text, word):
    assert word not in loaded(fam, text)


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("a criminal regime that gasses its people", "criminal"),
        ("troops eliminated three militants", "eliminated"),
        ("a massive betrayal of voters", "massive"),
        ("They want to muzzle the press.", "muzzle"),
        ("They spread made-up claims about him.", "made-up"),
        ("the biggest tax cut in history", "in history"),
        ("the alleged chemical attack on Douma", "alleged"),
        ("Years of US meddling in the region followed.", "meddling"),
        ("the worst president we have ever had", "worst"),
        ("He called it a rigged system.", "rigged"),
        ("True patriots stand with him.", "true patriots"),
        ("Syrian state media blamed armed gunmen for the attack.", "armed gunmen"),
        ("radical Islamists seized the town", "radical islamists"),
        ("a flood of migrants at the border", "flood of migrants"),
        ("Only an idiot would believe such drivel.", "drivel"),
    ],
)
def test_loaded_use_still_counts(fam, text, word):
    assert word in loaded(fam, text)


def test_neutral_names_count_in_naming_but_never_as_loaded(fam):
    res = fam.analyze(Document("Migrants crossed from Mexico; Israel and the Syrian government agreed."))
    terms = res.details["loaded_terms"]
    assert terms and not any(t["loaded"] for t in terms)
    assert res.features["loaded__per_1k"] == 0


@pytest.mark.parametrize(
    ("plain", "charged", "word"),
    [
        ("Syrian state media blamed armed gunmen for the attack.",
         "Syrian state media blamed armed gunmen for the barbaric attack.", "armed gunmen"),
        ("radical Islamists seized the town", "radical Islamists seized the town in a brutal rampage",
         "radical islamists"),
        ("a flood of migrants at the border", "a flood of migrants at the border, a catastrophe", "flood of migrants"),
    ],
)
def test_alone_names_counts_a_name_only_among_charged_words(plain, charged, word):
    """With ``alone_names=True`` the sense rules still let these names through at their loaded
    weight ("armed gunmen", not the plain "gunmen"); alone in a plain sentence a name is a
    designation (confidence.alone_names), beside another loaded word it is loaded."""
    fam = LoadedTerms(alone_names=True)
    got = {t["text"].lower(): t for t in fam.analyze(Document(plain)).details["loaded_terms"]}
    assert got[word]["weight"] >= LOADED_THRESHOLD and not got[word]["loaded"]
    assert word in loaded(fam, charged)
