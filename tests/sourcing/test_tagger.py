"""The opt-in learned attribution tagger: model file safety, decoding, span assembly, and
that the rule-based default is untouched when no model is given."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import numpy as np
import pytest

from framing.errors import FramingError
from framing.sourcing.attribution import extract, rule_extract, to_dict
from framing.sourcing.cues import OTHER_KIND, default_lexicon
from framing.sourcing.tagfeatures import TAGS
from framing.sourcing.tagger import ENV, FORMAT, Tagger, load_tagger, segments
from framing.sourcing.train import gold_tags, parse_bias, read_records, split_of, write_model
from framing.text import Document

TEXT = ('The senator said the bill would pass. "It is a good day," she added. '
        "Critics eviscerated the plan.")


def _record(text: str = TEXT) -> dict:
    def span(s: str) -> dict:
        i = text.index(s)
        return {"start": i, "end": i + len(s), "text": s}

    return {"id": "x_2016_a_4b22", "text": text, "attributions": [
        {"source": [span("The senator")], "cue": [span("said")], "content": [span("the bill would pass")]},
        {"source": [span("Critics")], "cue": [span("eviscerated")], "content": [span("the plan")]},
    ]}


def _hand_model() -> dict:
    """A tiny model that tags 'eviscerated' (a cue no lexicon entry lists) as a cue, the word
    before it as source and the two after it as content: decoding and assembly by hand."""
    o, bs, bc, bt, it = (TAGS.index(t) for t in ("O", "B-S", "B-C", "B-T", "I-T"))
    trans = np.zeros((len(TAGS), len(TAGS)))
    trans[bt, it] = trans[it, it] = 1.0
    return {"format": FORMAT, "tags": list(TAGS), "transitions": trans.tolist(),
            "features": {"b": [[o, 3.0]], "w=eviscerated": [[bc, 10.0]],
                         "w+1=eviscerated": [[bs, 10.0]], "w-1=eviscerated": [[bt, 10.0]],
                         "w-2=eviscerated": [[it, 10.0]]},
            "gate_words": ["eviscerated"]}


def test_default_is_the_rules(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(ENV, raising=False)
    doc = Document(TEXT)
    lex = default_lexicon()
    assert [to_dict(TEXT, a) for a in extract(doc)] == [to_dict(TEXT, a) for a in rule_extract(doc, lex)]


def test_hand_model_finds_an_unlisted_cue(tmp_path: Path) -> None:
    path = tmp_path / "m.json.gz"
    write_model(_hand_model(), path)
    tagger = load_tagger(path)
    got = [to_dict(TEXT, a) for a in extract(Document(TEXT), model=tagger)]
    assert [(a["source"]["text"], a["cue"]["text"], a["cue_kind"], a["content"]["text"])
            for a in got] == [("Critics", "eviscerated", OTHER_KIND, "the plan")]
    assert "eviscerated" not in [TEXT[a.cue[0]:a.cue[1]] for a in rule_extract(Document(TEXT), default_lexicon())]


def test_env_variable_selects_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "m.json.gz"
    write_model(_hand_model(), path)
    monkeypatch.setenv(ENV, str(path))
    cues = [TEXT[a.cue[0]:a.cue[1]] for a in extract(Document(TEXT))]
    assert "eviscerated" in cues


def test_bad_model_files_give_one_line_errors(tmp_path: Path) -> None:
    with pytest.raises(FramingError, match="not found"):
        load_tagger(tmp_path / "missing.json.gz")
    junk = tmp_path / "junk.json.gz"
    junk.write_bytes(b"not gzip at all")
    with pytest.raises(FramingError, match="not a readable"):
        load_tagger(junk)
    wrong = tmp_path / "wrong.json.gz"
    with gzip.open(wrong, "wt", encoding="utf-8") as f:
        json.dump({"format": "something-else", "tags": list(TAGS)}, f)
    with pytest.raises(FramingError, match=FORMAT):
        load_tagger(wrong)


def test_viterbi_follows_transitions() -> None:
    m = _hand_model()
    m["transitions"] = np.zeros((len(TAGS), len(TAGS))).tolist()
    t = Tagger(m)
    # with no transition weights each token takes its best emission
    assert [TAGS[i] for i in t.decode([["b"], ["w=eviscerated"], ["b"]])] == ["O", "B-C", "O"]
    trans = np.zeros((len(TAGS), len(TAGS)))
    trans[TAGS.index("B-C"), TAGS.index("B-C")] = 10.0  # a strong pull to repeat the cue tag
    m["transitions"] = trans.tolist()
    assert [TAGS[i] for i in Tagger(m).decode([["w=eviscerated"], ["b"]])] == ["B-C", "B-C"]


def test_tag_bias_shifts_emissions() -> None:
    m = _hand_model()
    m["transitions"] = np.zeros((len(TAGS), len(TAGS))).tolist()
    assert [TAGS[i] for i in Tagger(m).decode([["b"]])] == ["O"]  # O scores 3.0
    m["tag_bias"] = {"C": 4.0}  # a role's bonus goes to its B- and I- tags alike
    assert [TAGS[i] for i in Tagger(m).decode([["b"]])] in (["B-C"], ["I-C"])
    m["tag_bias"] = {"C": 4.0, "B-C": 0.0}  # a tag's own value wins over its role's
    assert [TAGS[i] for i in Tagger(m).decode([["b"]])] == ["I-C"]
    m["tag_bias"] = {"C": "much"}
    with pytest.raises(FramingError, match="tag_bias"):
        Tagger(m)


def test_parse_bias() -> None:
    assert parse_bias("S=0.1, I-C=-0.5") == {"S": 0.1, "I-C": -0.5}
    assert parse_bias("") == {}
    for bad in ("X=1", "S=high"):
        with pytest.raises(FramingError, match="--tag-bias"):
            parse_bias(bad)


def test_batched_viterbi_equals_one_sentence_at_a_time() -> None:
    rng = np.random.default_rng(0)
    m = _hand_model()
    m["transitions"] = rng.normal(size=(len(TAGS), len(TAGS))).tolist()
    m["features"] = {f"f{i}": [[int(t), float(rng.normal())] for t in rng.choice(len(TAGS), 3)]
                     for i in range(40)}
    t = Tagger(m)
    sents = [[[f"f{j}" for j in rng.choice(45, 5)] for _ in range(int(n))] for n in rng.integers(1, 30, 50)]
    assert t.decode_many(sents) == [t.decode_many([s])[0] for s in sents]
    # and against a direct score: the chosen path scores at least as well as any one-tag change
    for s, best in zip(sents[:10], t.decode_many(sents[:10]), strict=True):
        def score(path: list[int], s: list[list[str]] = s) -> float:
            e = sum(t.weights[t.index[a], p] for tok, p in zip(s, path, strict=True) for a in tok if a in t.index)
            return e + sum(t.trans[a, b] for a, b in zip(path, path[1:], strict=False))
        for i in range(len(best)):
            for k in range(len(TAGS)):
                assert score(best) >= score(best[:i] + [k] + best[i + 1:]) - 1e-9


def test_segments_join_b_and_i_runs() -> None:
    toks = [(0, 1, "a")] * 5
    assert segments(toks, ["B-S", "I-S", "B-C", "O", "B-T"]) == [("S", 0, 1, False), ("C", 2, 2, False),
                                                                 ("T", 4, 4, False)]
    # an I- tag on the first token continues a run of the sentence before
    assert segments(toks[:2], ["I-T", "I-T"]) == [("T", 0, 1, True)]


def test_gold_tags_mark_piece_starts() -> None:
    rec = _record()
    toks = [(0, 3, "The"), (4, 11, "senator"), (12, 16, "said"), (17, 20, "the")]
    assert gold_tags(rec, toks) == ["B-S", "I-S", "B-C", "B-T"]


def test_read_records_errors_and_split(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": 1}\n', encoding="utf-8")
    with pytest.raises(FramingError, match=r"bad.jsonl:1"):
        read_records(bad, "all")
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps(_record()) + "\n", encoding="utf-8")
    assert len(read_records(good, "all")) == 1
    other = "test" if split_of("x_2016_a_4b22") == "dev" else "dev"
    with pytest.raises(FramingError, match="no records"):
        read_records(good, other)


def test_training_round_trip(tmp_path: Path) -> None:
    pytest.importorskip("sklearn_crfsuite")
    from framing.sourcing.train import train

    model = train([_record()] * 3, c1=0.01, iterations=30)
    path = tmp_path / "m.json.gz"
    write_model(model, path)
    tagger = load_tagger(path)
    assert tagger.meta["records"] == 3
    got = [to_dict(TEXT, a) for a in extract(Document(TEXT), model=tagger)]
    assert "eviscerated" in [a["cue"]["text"] for a in got]
