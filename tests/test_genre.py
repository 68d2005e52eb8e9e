import pandas as pd

from framing.genre import GENRES, LIVE, NEWS, OPINION, WIRE, genre_of, genre_table

REPORT = (
    "Senate passes the budget bill.\n\n"
    "The Senate passed the budget bill on Tuesday after a long debate, officials said. "
    "The measure now goes to the House, where its fate is unclear. "
    "\"I will vote for it,\" said one member. \"My district needs it, and I know it.\" "
    "Another said she was undecided."
)


def test_a_plain_report_is_a_news_report_even_when_it_quotes_people_in_the_first_person():
    g = genre_of(REPORT)
    assert g.label == NEWS and g.cue


def test_agency_datelines_and_wire_credits_make_wire_copy():
    dated = "Clinton wins the primary.\n\nNEW YORK (AP) \u2014 Hillary Clinton won the primary."
    assert genre_of(dated).label == WIRE and "Associated Press" in genre_of(dated).cue
    credited = REPORT + "\n\n(Reporting by Jane Doe in Washington; Editing by John Roe)"
    assert genre_of(credited).label == WIRE
    assert genre_of(REPORT, origin="Reuters").label == WIRE


def test_a_column_speaks_in_the_first_person_outside_quotes():
    column = (
        "Why I changed my mind on the tax.\n\n"
        + "I have written about taxes for years, and my view was simple. " * 3
        + "Then I met the people it hurts. I was wrong, and I say so here. "
        "My readers deserve that much."
    )
    g = genre_of(column)
    assert g.label == OPINION and "first person" in g.cue


def test_quoted_first_person_over_several_sentences_is_not_the_narrator():
    speech = (
        "Trump speaks at rally.\n\nDonald Trump told the crowd on Monday: \u201cI am self funding. "
        "I have no lobbyists. I have no donors. I owe nobody. I will win. My polls are great.\u201d "
        "Supporters cheered."
    )
    assert genre_of(speech).label == NEWS
    interview = "Q&A with the senator.\n\nQ: Will you run?\n\nA: I think I will. I want to. I must."
    assert genre_of(interview + " I can. I do.").label == NEWS


def test_labels_near_the_top_say_opinion_or_live_blog():
    assert genre_of("Opinion: The mayor is wrong.\n\nThe mayor is wrong.").label == OPINION
    note = REPORT + "\n\nJane Doe is a columnist for the Daily Planet."
    assert genre_of(note).label == OPINION
    assert genre_of("Live updates: election night.\n\nVotes are being counted.").label == LIVE
    # a mention further down is not the page's own label
    assert genre_of(REPORT + " " + "More text here. " * 40 + "She wrote an op-ed.").label == NEWS


def test_timestamped_posts_make_a_live_blog():
    posts = "\n\n".join(f"{h}:{m:02d} p.m. ET - Polls close in state {h}." for h, m in
                        [(7, 0), (7, 30), (8, 0), (8, 15), (9, 0)])
    g = genre_of("Election night.\n\n" + posts)
    assert g.label == LIVE and "open with a time" in g.cue


def test_genre_table_has_one_row_per_article_in_order():
    corpus = pd.DataFrame({"text": [REPORT, "Opinion: x.\n\ny", None], "title": [None, None, "t"]},
                          index=[5, 6, 7])
    table = genre_table(corpus)
    assert list(table.index) == [5, 6, 7]
    assert table["genre"].tolist() == [NEWS, OPINION, NEWS]
    assert set(table["genre"]) <= set(GENRES) and table["genre_cue"].notna().all()
