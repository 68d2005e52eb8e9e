from framing.compare.neardup import near_duplicate_groups, near_duplicate_pairs, shingles

STORY = (
    "Air strikes on two hospitals in rebel-held northwestern Syria on Thursday left ten people "
    "dead including two babies in incubators a monitor said adding that the strikes hit the "
    "towns of Kafr Nabl and Maarat al-Numan in Idlib province"
)


def test_republished_story_shares_a_group_and_others_do_not():
    texts = [
        STORY,
        STORY + " The Syrian Observatory said the toll could rise.",  # republished, one line added
        "Diplomats met in Geneva to discuss a ceasefire proposal put forward by the envoy on Monday",
        "The army said it had retaken three villages near Hama after days of heavy fighting there",
        "",
    ]
    g = near_duplicate_groups(texts, threshold=0.5)
    assert g[0] == g[1]
    assert len({g[0], g[2], g[3], g[4]}) == 4


def test_pairs_report_similarity_above_threshold():
    pairs = near_duplicate_pairs([STORY, STORY, "something else entirely here"], threshold=0.8)
    assert [(i, j) for i, j, _ in pairs] == [(0, 1)]
    assert pairs[0][2] > 0.95


def test_short_text_is_one_shingle():
    assert shingles("two words", k=5) == {b"two words"}
    assert shingles("", k=5) == set()
