from framing.compare.places import country_names, place_names


def test_gazetteer_knows_cities_and_countries_in_capitals():
    names = place_names()
    for place in ("BEIRUT", "DAMASCUS", "ALEPPO", "DEIR EZ-ZOR", "SYRIA"):
        assert place in names, place
    assert "Lebanon" in country_names() and "Syria" in country_names()


def test_gazetteer_leaves_out_acronyms_and_actors_the_lexicon_names():
    names = place_names()
    # "Hamas" is also an alternate name of a town; the lexicon tracks it as an actor
    for word in ("HAMAS", "ISIS", "ISIL", "DAESH", "SDF", "UN"):
        assert word not in names, word
