from collections import Counter

import numpy as np

from framing.compare.leakage import BoilerplateStripper, outlet_names, strip_boilerplate


def test_reuters_dateline_and_credit_lines_go():
    text = (
        "DAMASCUS, June 5 (Reuters) - Syrian troops advanced on Tuesday, a monitor said. "
        "Reporting by John Davison; Editing by Mark Heinrich"
    )
    out = strip_boilerplate(text, outlet_names(["Reuters"]))
    assert out.startswith("Syrian troops advanced")
    assert "Reuters" not in out and "Editing" not in out and "DAMASCUS" not in out


def test_leading_timestamp_and_byline_and_signoff_go():
    text = (
        "Posted on April 2 2017\nBy Youssef Diab\nrebels shelled the town on Monday. "
        "Residents fled north. Youssef Diab"
    )
    out = strip_boilerplate(text)
    assert out.startswith("rebels shelled the town")
    assert "Youssef" not in out and "2017" not in out


def test_weekday_date_prefix_and_trailing_wire_credit():
    out = strip_boilerplate("Wed 05 Apr 2017 Victims showed signs of nerve agent use. - REUTERS")
    assert out == "Victims showed signs of nerve agent use."
    assert strip_boilerplate("Ten people died in the blast.--AFP") == "Ten people died in the blast."


def test_self_mention_goes_but_other_sources_stay():
    names = outlet_names(["Syrian Arab News Agency"])
    out = strip_boilerplate(
        "SANA reported the attack, while the Syrian Observatory for Human Rights said 12 died.",
        names,
    )
    assert "SANA" not in out
    assert "Syrian Observatory for Human Rights" in out


def test_acronyms_only_in_capitals():
    names = outlet_names(["Syrian Arab News Agency"])
    text = "Fighting near Sana'a continued and the AP was not there."
    out = strip_boilerplate(text, names)
    assert "Sana'a" in out  # not the agency
    assert " AP " not in f" {out} "  # a wire agency, in capitals


def test_outlet_names_go_in_articles_with_a_byline_too():
    # the byline's author once replaced the outlet names to strip (a shadowed variable)
    names = outlet_names(["Syrian Arab News Agency"])
    out = strip_boilerplate("By John Smith\nA car bomb hit the town, SANA reported. It was a blast.", names)
    assert "SANA" not in out and "John Smith" not in out
    assert out.endswith("It was a blast.")


def test_possessive_without_apostrophe_goes_with_the_name():
    out = strip_boilerplate("TRT Worlds Ahmed reports from Idlib. TRT World's crew left.",
                            outlet_names(["TRT World"]))
    assert "TRT" not in out and "World" not in out


def test_bracketed_credits_go_whole_not_just_the_name():
    # "( and Agencies)" or "( Photo)" left behind names the publisher as plainly as the name
    names = outlet_names(["TRT World"])
    for credit in ("(TRT World and Agencies)", "(AFP Photo)", "(File photo: Reuters)", "(AP)",
                   "(With AFP and Reuters)", "(With AP Reuters and AFP)"):
        out = strip_boilerplate(f"Smoke rose over the city. {credit} Three people died.", names)
        assert out == "Smoke rose over the city. Three people died.", credit
    # a bracketed photo caption goes whole, credit and all: it describes a picture, not the story
    out = strip_boilerplate("(Photo Smoke rises over Raqqa. by AFP) Three people died.", names)
    assert out == "Three people died."
    # a bracket that says more than who published the page stays, name aside
    out = strip_boilerplate("The ministry (which AFP could not reach) denied it.", names)
    assert "(which" in out and "could not reach)" in out and "AFP" not in out


def test_datelines_whose_dash_was_lost_go_with_their_place():
    names = outlet_names(["Sputnik"])
    for opening in ("MOSCOW (Sputnik) ", "DEIR EZ-ZOR (Syria) (Sputnik) ",
                    "BEIRUT August 21 (Sputnik) "):
        text = f"Truce Holds in the North. {opening}Six people were killed in shelling."
        out = strip_boilerplate(text, names)
        assert out == "Truce Holds in the North. Six people were killed in shelling.", opening
    # straight after a headline with no full stop
    out = strip_boilerplate("Aid Deal Reaches 207 Families MOSCOW (Sputnik) At the crossing.",
                            names)
    assert out == "Aid Deal Reaches 207 Families At the crossing."
    # a capitalised place naming an outlet that is not being stripped is sourcing, and stays
    out = strip_boilerplate("LONDON (SOHR) The monitor counted 12 dead.", names)
    assert out.startswith("LONDON (SOHR)")


def test_a_place_in_capitals_with_no_dash_is_a_dateline_when_the_gazetteer_knows_it():
    for text, expected in [
        ("BEIRUT A Russian air strike killed 38 civilians.", "A Russian air strike killed 38 civilians."),
        ("AMMAN Nearly 50 air strikes hit the town.", "Nearly 50 air strikes hit the town."),
        ("Smoke over Hasakeh on Monday BEIRUT Thirteen died.", "Smoke over Hasakeh on Monday Thirteen died."),
        # a capitalised word after the place is the story unless it is a country
        ("BEIRUT Syrian warplanes struck.", "Syrian warplanes struck."),
        # an unknown village is a dateline when a country name follows it
        ("JISREEN, Syria At least four children died.", "At least four children died."),
    ]:
        assert strip_boilerplate(text, ()) == expected, text
    # capitals that are no place, or an actor the lexicon tracks, open a headline and stay;
    # so does a short acronym before a country name in a topic list
    for text in ("ISIL Claims Attack on Homs The group said so.", "HAMAS Says It Will Fight",
                 "Aleppo Syria UK Russia UK Parliament The forces returned."):
        assert strip_boilerplate(text, ()) == text


def test_links_and_page_labels_go():
    # a share widget's short link names the site even with its colon and slashes lost
    out = strip_boilerplate("Published August 6 2016 SEND httpsabahdai.lyac6kWj An airstrike "
                            "hit a hospital.", ())
    assert out == "An airstrike hit a hospital."
    out = strip_boilerplate("Strikes hit Hamahttpst.coGtDL9PVBg0 pic.twitter.comgo7275KrXQ on "
                            "Monday. See www.example.org/page for more.", ())
    assert out == "Strikes hit Hama on Monday. See for more."
    assert strip_boilerplate("UPDATED Regime air raids kill 42 near the capital.", ()) == (
        "Regime air raids kill 42 near the capital.")
    # the same words in running text are words
    text = "The army said it updated its figures and would watch the border."
    assert strip_boilerplate(text, ()) == text


def test_stamps_and_widgets_in_the_opening_and_related_lists_at_the_end_go():
    text = (
        "Mortar Hits Damascus (updated 1935 05.10.2017) Get short URL 101 A mortar shell hit a "
        "school on Monday, the ministry said. Officials counted four dead in the blast and "
        "twelve wounded at the city hospital. Related News Vote violations | The gag rule | "
        "Elections in Europe"
    )
    out = strip_boilerplate(text, ())
    assert out == (
        "Mortar Hits Damascus A mortar shell hit a school on Monday, the ministry said. "
        "Officials counted four dead in the blast and twelve wounded at the city hospital."
    )
    out = strip_boilerplate("Date of publication 5 July 2016 The bomber was on a motorbike.", ())
    assert out == "The bomber was on a motorbike."
    out = strip_boilerplate("Clashes go on. Tags Syria Aleppo The army shelled the town.", ())
    assert out == "Clashes go on. Syria Aleppo The army shelled the town."
    # a "related" heading in the first half is not a closing list
    text = "Related News agencies were banned. " + "The court heard the case for hours. " * 3
    assert strip_boilerplate(text, ()).startswith("Related News agencies")


def test_signoff_names_and_editor_codes_after_the_last_sentence_go():
    for tail in ("Hazem Sabbagh", "MBMB", "H. Zain / R.", "Manar al-Frieh/", "Read"):
        out = strip_boilerplate(f"Three people were injured in the city. {tail}", ())
        assert out == "Three people were injured in the city.", tail
    # a last sentence that ends in a name, or a capitalised phrase inside it, is the story
    for text in ('"We will hold the town," said Rami Abdulrahman.',
                 "The draft went to the UN Security Council."):
        assert strip_boilerplate(text, ()) == text


def test_numbers_that_end_the_story_stay():
    # share counters ("Share 0 0 0") are furniture; a figure closing a sentence is not
    for text in ("The war began in March 2011.", "The death toll rose to 12.", "It began in 2011"):
        assert strip_boilerplate(text, ()) == text
    assert strip_boilerplate("Aid reached the town. Share 0 0 0", ()) == "Aid reached the town."


def test_plain_story_text_is_untouched():
    text = "Government forces recaptured the village after heavy fighting, residents said."
    assert strip_boilerplate(text) == text


def test_stripper_learns_page_furniture_from_repeats_only():
    footer = " Follow us on our channel for more news every day."
    texts = [f"Story number {w} happened in the north today." + footer for w in "abcd"]
    texts.append("A story about a single event in the south." + " Unique closing words here now.")
    st = BoilerplateStripper(rules=False, min_docs=3)
    out = st.fit_transform(texts)
    assert all("Follow us" not in t for t in out[:4])
    assert "Unique closing words" in out[4]
    assert isinstance(out, np.ndarray) and out.dtype == object
    # transform on new text uses what fit learned
    assert "Follow us" not in st.transform(["Another story happened here today." + footer])[0]


def test_a_recurring_background_paragraph_is_framing_and_stays():
    # an outlet that closes every story with the same account of the war is framing the war;
    # only recurring blocks about the site itself (subscribe, share, copyright) are furniture
    background = (
        " The government accuses foreign powers of arming the gunmen since the unrest began."
    )
    footer = " Subscribe to our channel and follow us for more."
    texts = [f"Story number {w} happened in the north today." + background + footer for w in "abcd"]
    out = BoilerplateStripper(rules=False, min_docs=3).fit_transform(texts)
    assert all("accuses foreign powers of arming the gunmen" in t for t in out)
    assert all("Subscribe" not in t and "follow us" not in t for t in out)


def test_a_chrome_sentence_goes_whole_when_the_repeats_end_inside_it():
    # the recurring n-grams can stop short of a closing credit's last words (here the edition
    # named differs); its sentence goes whole, not up to where the repeats stop
    ends = ["Arabic", "French", "Turkish", "Persian"]
    texts = [
        f"Story {w} happened in the north today and many fled. This article is an edited "
        f"translation from our {e} edition."
        for w, e in zip("abcd", ends, strict=True)
    ]
    out = BoilerplateStripper(rules=False, min_docs=3).fit_transform(texts)
    assert all(t.endswith("many fled.") for t in out), out


def test_news_words_that_chrome_also_uses_do_not_make_prose_chrome():
    # "comments" and "newspaper" occur in reporting; only "leave a comment"-style chrome goes
    stock = " The minister repeated the charge in comments to a state newspaper on Monday."
    texts = [f"Report {w} came from the eastern front late on Sunday." + stock for w in "abcd"]
    out = BoilerplateStripper(rules=False, min_docs=3).fit_transform(texts)
    assert all("in comments to a state newspaper" in t for t in out)


def test_timezone_offsets_go_with_the_timestamp():
    out = strip_boilerplate("August 13 2016 2037 UTC+3 Clashes broke out east of the city.")
    assert out == "Clashes broke out east of the city."


def test_stripper_can_be_switched_off():
    text = "Wed 05 Apr 2017 Victims showed signs. - REUTERS"
    st = BoilerplateStripper(rules=False, learn_furniture=False).fit([text])
    assert st.transform([text])[0] == text


def test_strip_corpus_strips_each_outlets_own_name():
    import pandas as pd

    from framing.compare.leakage import strip_corpus

    corpus = pd.DataFrame(
        {
            "id": ["1", "2"],
            "outlet": ["Reuters", "TRT World"],
            "text": [
                "BEIRUT (Reuters) - Shelling hit the town, the Syrian Observatory said.",
                "Shelling hit the town on Monday. Source: TRT World and agencies",
            ],
        }
    )
    out = strip_corpus(corpus)
    assert out["text"].tolist() == [
        "Shelling hit the town, the Syrian Observatory said.",
        "Shelling hit the town on Monday.",
    ]
    assert corpus["text"].iloc[0].startswith("BEIRUT")  # the input is not modified


def test_strip_corpus_removes_chrome_that_recurs_across_its_pages():
    import pandas as pd

    from framing.compare.leakage import strip_corpus

    footer = " Subscribe to our YouTube channel for all the latest reports from the ground."
    texts = [f"Fighting {w} was reported near the northern town on Monday." + footer for w in "abc"]
    corpus = pd.DataFrame({"id": list("123"), "outlet": ["X"] * 3, "text": texts})
    assert not any("Subscribe" in t for t in strip_corpus(corpus)["text"])
    assert all("Subscribe" in t for t in strip_corpus(corpus, chrome=False)["text"])


def test_photo_captions_and_credits_go_on_any_site():
    for text, expected in [
        ("Smoke rose. (Photo: Getty Images) Three died.", "Smoke rose. Three died."),
        ("Trump spoke. (AP Photo/Evan Vucci) He left.", "Trump spoke. He left."),
        ("FILE PHOTO: Smoke rises over the city. Talks resumed.", "Talks resumed."),
        ("Headline\nImage copyright Reuters\nTalks resumed.", "Headline Talks resumed."),
        ("REUTERS/Rodi Said The army advanced.", "The army advanced."),
        ("Clinton spoke in Iowa. Joe Raedle via Getty Images", "Clinton spoke in Iowa."),
    ]:
        assert strip_boilerplate(text, ()).split() == expected.split(), text
    # poll sponsors and prose about photos are the story
    for text in ("A CNN/ORC poll and a Reuters/Ipsos poll agree.", "Photos showed mourners."):
        assert strip_boilerplate(text, ()) == text


def test_embedded_media_and_social_chrome_go_and_prose_about_them_stays():
    for text, expected in [
        ("Sanders spoke. MUST WATCH Sanders on immigration 03:30 He left.", "Sanders spoke. He left."),
        ("The ad ran in Iowa. Watch the ad above.", "The ad ran in Iowa."),
        ("He won. Follow John Doe on Twitter @jdoe.", "He won."),
        ("He won. This story has been updated to include a comment.", "He won."),
        ("He won.\n\nDo you support him? Like the page:\n\nHe said so.", "He won. Do you support him? He said so."),
    ]:
        assert strip_boilerplate(text, ()).split() == expected.split(), text
    for text in ("Voters watch the debate closely.", "Supporters follow him on the trail."):
        assert strip_boilerplate(text, ()) == text


def test_credit_sentences_at_the_end_and_layout_labels_go():
    out = strip_boilerplate("Clinton won Iowa. Turnout was high.\n\nCosta reported from Washington.", ())
    assert out == "Clinton won Iowa. Turnout was high."
    out = strip_boilerplate("He won. Jane Roe contributed reporting from Concord, N.H.", ())
    assert out == "He won."
    out = strip_boilerplate("Jobs report lifts Democrats\n\nABSTRACT.\n\nHiring rose.", ())
    assert "ABSTRACT" not in out and out.startswith("Jobs report lifts Democrats") and "Hiring rose." in out
    # a reporter's past reporting, told in the story, is not a credit
    kept = "In 2003 the senator reported from memory what she saw. " * 12 + "Talks go on."
    assert strip_boilerplate(kept, ()) == kept.strip()


def test_us_style_datelines_go():
    for opening in ("NASHUA, N.H. - ", "RENO, Nev. (AP) \u2014 ", "NEW YORK, Nov. 19 (UPI) \u2014 ",
                    "CAMBRIDGE, Mass., Dec. 11 (UPI) \u2014 ", "WASHINGTON \u2014 "):
        out = strip_boilerplate(f"All eggs in one basket.\n\n{opening}Christie spoke on Monday.", ())
        assert out.split() == "All eggs in one basket. Christie spoke on Monday.".split(), opening
    # a hyphenated place name is not a dateline's dash
    out = strip_boilerplate("DEIR EZ-ZOR is besieged, the monitor said.", ())
    assert out.startswith("DEIR EZ-ZOR")


def test_counts_say_what_was_cut_by_kind():
    from collections import Counter

    from framing.compare.leakage import EXCLUSION_KINDS

    counts: Counter = Counter()
    text = ("Trump wins.\n\nRENO, Nev. (AP) \u2014 Trump won, the AP said. (AP Photo/Evan Vucci) "
            "He left. Follow Jane Doe on Twitter @jdoe.")
    out = strip_boilerplate(text, outlet_names([]), counts)
    assert counts["dateline"] == 1 and counts["caption"] == 1 and counts["social"] == 1
    assert counts["outlet_name"] == 1  # "the AP said"
    assert set(counts) <= set(EXCLUSION_KINDS)
    assert out == strip_boilerplate(text, outlet_names([]))  # counting changes nothing


def test_strip_texts_counts_learned_chrome_too():
    from framing.compare.furniture import strip_texts

    footer = " Subscribe to our channel and share this story with friends and family today."
    texts = [f"Story {i} about the town council and its budget vote today." + footer for i in range(4)]
    out, counts = strip_texts(texts, ())
    assert all("Subscribe" not in t for t in out)
    assert all(c["chrome"] == 1 for c in counts)


def test_shared_stripping_strips_each_text_once_with_the_same_result(monkeypatch):
    import framing.compare.furniture as furniture
    from framing.compare.furniture import shared_stripping, strip_texts

    footer = " Subscribe to our channel and share this story with friends and family today."
    texts = ["WASHINGTON (Reuters) - The council voted on the budget." + footer,
             "FILE PHOTO: a man walks by. The mayor said the vote was close." + footer] * 2
    plain = strip_texts(texts, ())
    calls = []
    real = furniture.strip_boilerplate
    monkeypatch.setattr(furniture, "strip_boilerplate", lambda *a: calls.append(a[0]) or real(*a))
    with shared_stripping():
        first = strip_texts(texts, ())
        again = strip_texts(texts, (), chrome=False)
        first[1][0]["chrome"] += 5  # a caller adding to its counts must not change the memo
        third = strip_texts(texts, ())
    assert len(calls) == 2  # two distinct texts, each stripped once
    assert third == plain and first[0] == plain[0]
    assert [c - Counter({"chrome": c["chrome"]}) for c in plain[1]] == again[1]
    strip_texts(texts, ())
    assert len(calls) == 2 + len(texts)  # outside the block nothing is kept


def test_shared_stripping_finds_each_text_s_edge_ngrams_once(monkeypatch):
    import framing.compare.furniture as furniture
    from framing.compare.furniture import BoilerplateStripper, shared_stripping

    footer = " Subscribe to our channel and share this story with friends and family today."
    texts = [f"Story {i} about the town council and its budget vote today." + footer for i in range(4)]
    plain = BoilerplateStripper(rules=False).fit_transform(texts)
    calls = []
    real = furniture._zone_ngrams
    monkeypatch.setattr(furniture, "_zone_ngrams", lambda *a: calls.append(a[0]) or real(*a))
    with shared_stripping():
        first = BoilerplateStripper(rules=False).fit_transform(texts)
        again, cut = BoilerplateStripper(rules=False).fit_transform_counted(texts)
    assert len(calls) == len(texts)  # the second stripper found them kept
    assert list(first) == list(again) == list(plain) and cut == [1, 1, 1, 1]
