"""Each feature family's CPU time per article beside peers, measured in one process.

Run by ``bench_extract.py`` in a fresh process per corpus. Each family first runs once over
the texts untimed (its per-process caches, e.g. syllables of words outside CMUdict, fill
as they would early in a corpus), then is timed twice:
on fresh ``Document``s (so whichever family first needs the sentences or quotations pays
for segmenting them, as when it runs alone) and on pre-segmented ones (paragraphs,
sentences, quotations and word counts computed beforehand: the family's own work). The
peers do comparable work on the same texts:

- vaderSentiment: ``SentimentIntensityAnalyzer().polarity_scores`` on the body and on
  every sentence (what the sentiment family reports; the family also scores actors);
- textstat: its nine functions behind the readability columns, each on the body;
- a bare Aho-Corasick scan (pyahocorasick) of 500 lexicon phrases over the lower-cased
  body, counting hits (the floor for any lexicon family).
"""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any


def _cpu(fn: Callable[[Any], Any], items: list[Any]) -> float:
    t = time.process_time()
    for x in items:
        fn(x)
    return time.process_time() - t


def _fresh(texts: list[str]) -> list[Any]:
    from framing.text import Document

    return [Document(t) for t in texts]


def _segmented(texts: list[str]) -> list[Any]:
    docs = _fresh(texts)
    for d in docs:
        _ = d.paragraphs, d.sentences, d.quotes, d.n_words
        d.voice_at(0)  # the quotation index
    return docs


def _textstat_all(text: str) -> None:
    import textstat

    textstat.flesch_reading_ease(text)
    textstat.flesch_kincaid_grade(text)
    textstat.gunning_fog(text)
    textstat.smog_index(text)
    textstat.dale_chall_readability_score(text)
    textstat.lexicon_count(text)
    textstat.sentence_count(text)
    textstat.avg_syllables_per_word(text)
    textstat.words_per_sentence(text)


def _aho_scan(n_phrases: int) -> Callable[[str], int]:
    import ahocorasick

    from framing.lexicon import load_lexicon

    forms: list[str] = []
    for e in load_lexicon().entries:
        for f in e.forms:
            if f.lower() not in forms:
                forms.append(f.lower())
    auto = ahocorasick.Automaton()
    for f in forms[:n_phrases]:
        auto.add_word(f, f)
    auto.make_automaton()
    return lambda text: sum(1 for _ in auto.iter(text.lower()))


def measure(texts: list[str], names: list[str]) -> dict[str, Any]:
    """{family: {fresh_s, segmented_s}, "all": {...}, peers: {...}}: CPU seconds for the texts."""
    from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

    from framing.extract import _families, warm
    from framing.features._cmudict import patch_textstat

    warm(tuple(names), ())
    fams, _ = _families(tuple(names), ())
    out: dict[str, Any] = {"n": len(texts), "families": {}, "peers": {}}
    for fam in fams:
        _cpu(fam.analyze, _fresh(texts))  # warm
    for fam in fams:
        out["families"][fam.name] = {
            "fresh_s": _cpu(fam.analyze, _fresh(texts)),
            "segmented_s": _cpu(fam.analyze, _segmented(texts)),
        }
    out["families"]["all"] = {
        "fresh_s": _cpu(lambda d: [f.analyze(d) for f in fams], _fresh(texts)),
        "segmented_s": _cpu(lambda d: [f.analyze(d) for f in fams], _segmented(texts)),
    }
    out["segmentation_s"] = _cpu(lambda t: _segmented([t]), texts)

    sia = SentimentIntensityAnalyzer()

    def vader(d: Any) -> None:
        sia.polarity_scores(d.text)
        for s in d.sentences:
            sia.polarity_scores(d.text[s.start : s.end])

    out["peers"]["vaderSentiment per sentence"] = {"s": _cpu(vader, _segmented(texts)), "vs": "sentiment"}
    patch_textstat()
    _textstat_all("Warm up. The cat sat on the mat.")
    out["peers"]["textstat (9 scores)"] = {"s": _cpu(_textstat_all, texts), "vs": "readability"}
    scan = _aho_scan(500)
    out["peers"]["Aho-Corasick scan, 500 phrases"] = {"s": _cpu(scan, texts), "vs": "loaded"}
    return out
