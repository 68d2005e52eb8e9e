"""``framing lexicon suggest``: draft, table, summary, and one-line errors."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest

from framing.cli import main

OUTLETS = ("Daily Sabah", "TRT World", "Al-Manar")


@pytest.fixture(scope="module")
def corpus_csv(tmp_path_factory):
    """Three outlets writing made-up words at random; Al-Manar also writes "amnesty"."""
    rng = np.random.default_rng(0)
    vocab = ["".join(rng.choice(list("abcdefghiklmnoprstuvw"), size=6)) for _ in range(200)]
    rows = []
    for outlet in OUTLETS:
        for i in range(25):
            words = list(rng.choice(vocab, size=80))
            if outlet == "Al-Manar" and i % 3:
                words[int(rng.integers(0, 80))] = "amnesty"
            text = ". ".join(" ".join(words[k : k + 10]) for k in range(0, 80, 10)) + "."
            rows.append({"id": f"{outlet}-{i}", "outlet": outlet, "text": text})
    path = tmp_path_factory.mktemp("suggest") / "corpus.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_suggest_writes_draft_and_table(corpus_csv, tmp_path, capsys):
    draft, table = tmp_path / "draft.toml", tmp_path / "terms.csv"
    code = main(["lexicon", "suggest", str(corpus_csv), "--top", "5", "-o", str(draft), "--table", str(table)])
    out = capsys.readouterr().out
    assert code == 0
    assert "Al-Manar vs rest: amnesty (z " in out
    assert draft.exists() and 'status = "suggested"' in draft.read_text(encoding="utf-8")
    t = pd.read_csv(table)
    assert t[t["group"] == "Al-Manar"].iloc[0]["term"] == "amnesty"
    assert {"z", "log_odds", "docs", "kept", "examples", "uses:Al-Manar"} <= set(t.columns)
    assert main(["lexicon", "validate", str(draft)]) == 0
    assert "still suggested, not counted" in capsys.readouterr().out


def test_groups_and_vs(corpus_csv, capsys):
    code = main(["lexicon", "suggest", str(corpus_csv), "--group", "manar=Al-Manar",
                 "--group", "turkish=Daily Sabah,TRT World", "--vs", "turkish", "--top", "3", "--no-variants"])
    out = capsys.readouterr().out
    assert code == 0 and "manar vs turkish: amnesty" in out and "turkish vs manar:" in out


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["missing.csv"], "missing.csv: no such file or directory"),
        (["{corpus}", "--vs", "Nobody"], "--vs 'Nobody': no such outlet group"),
        (["{corpus}", "--group", "oops"], "--group 'oops': write NAME=VALUE,VALUE,..."),
        (["{corpus}", "--prior", "nothere.tsv"], "nothere.tsv: no such term counts file"),
        (["{corpus}", "--by", "camp"], "cannot group by 'camp'"),
    ],
)
def test_bad_input_is_one_line(corpus_csv, tmp_path, capsys, args, message):
    draft = tmp_path / "draft.toml"
    argv = ["lexicon", "suggest", *[a.format(corpus=corpus_csv) for a in args], "-o", str(draft)]
    assert main(argv) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("framing: error: ") and message in err[-1]
    assert not draft.exists()
