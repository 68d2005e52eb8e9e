"""`framing compare` and `framing predict` end to end on the tiny corpus."""

import json

import pandas as pd
import pytest

from framing.cli import main


def test_compare_then_predict(tiny, tmp_path, capsys):
    features, spans, corpus = tiny
    fpath, cpath, spath = tmp_path / "f.parquet", tmp_path / "c.csv", tmp_path / "s.parquet"
    features.to_parquet(fpath)
    corpus.to_csv(cpath, index=False)
    spans.to_parquet(spath)
    out = tmp_path / "results"
    rc = main([
        "compare", str(fpath), "--corpus", str(cpath), "--spans", str(spath), "-o", str(out),
        "--label-col", "label", "--folds", "3", "--bootstrap", "100", "--repeats", "2",
    ])
    assert rc == 0
    captured = capsys.readouterr()
    printed = captured.out
    assert "macro-F1" in printed and "credibility ROC AUC" in printed
    assert "framing: combined model: StratifiedGroupKFold, 3 folds, stripped" in captured.err
    assert printed.count("over 2 fold draws") == 3  # one per model
    summary = json.loads((out / "summary.json").read_text())
    assert summary["models"]["combined"]["macro_f1"] > 0.5

    pred_path = tmp_path / "pred.csv"
    rc = main(["predict", str(out / "model.skops"), str(fpath), "--corpus", str(cpath),
               "-o", str(pred_path)])
    assert rc == 0
    pred = pd.read_csv(pred_path)
    assert len(pred) == len(features)
    assert (pred["predicted"] == pred["true_outlet"]).mean() > 0.8  # seen data


def test_missing_input_is_one_line_error(tmp_path, capsys):
    rc = main(["compare", str(tmp_path / "nope.parquet"), "-o", str(tmp_path / "o")])
    assert rc == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith("framing: error:") and "\n" not in err


def test_table_without_the_group_column_names_the_file(tiny, tmp_path, capsys):
    features, _, _ = tiny
    fpath = tmp_path / "f.parquet"
    features.drop(columns=["outlet"]).to_parquet(fpath)
    out = tmp_path / "o"
    rc = main(["compare", str(fpath), "-o", str(out)])
    assert rc == 1
    err = capsys.readouterr().err.strip()
    assert str(fpath) in err and "no column 'outlet'" in err and "\n" not in err
    assert not out.exists()  # nothing half-written


def test_repeats_below_one_is_refused_before_any_work(tmp_path, capsys):
    with pytest.raises(SystemExit) as info:  # by the argument parser, in one line
        main(["compare", str(tmp_path / "nope.parquet"), "-o", str(tmp_path / "o"), "--repeats", "0"])
    assert info.value.code == 2
    assert "argument --repeats: must be at least 1: 0" in capsys.readouterr().err


def test_predict_rejects_a_non_model(tmp_path, capsys):
    bad = tmp_path / "m.skops"
    bad.write_text("x")
    rc = main(["predict", str(bad), str(tmp_path / "c.csv"), "-o", str(tmp_path / "p.csv")])
    assert rc == 1
    assert "not a skops model file" in capsys.readouterr().err


def test_too_few_distinct_stories_is_a_one_line_error_naming_the_file(tmp_path, capsys):
    # eleven copies of one story and one other article: grouped folds cannot train a classifier
    story = "Rebels said the town fell on Monday. The army denied it. " * 20
    rows = [{"id": f"a{i}", "outlet": "AB"[i % 2], "text": story} for i in range(11)]
    rows.append({"id": "x", "outlet": "B", "text": "Aid reached the north, officials said."})
    path = tmp_path / "corpus.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    out = tmp_path / "o"
    rc = main(["compare", str(path), "-o", str(out)])
    assert rc == 1
    err = capsys.readouterr().err.strip().splitlines()[-1]
    assert err.startswith("framing: error:") and str(path) in err and "cannot cross-validate" in err
    assert not out.exists()


def _lean_corpus(tmp_path):
    # six outlets, two leans, each outlet naming itself and every story holding numbers
    words = {"a": "the reform helps working families and the poor", "b": "the tax burden hurts "
             "small business owners and the economy"}
    rows = []
    for k, (outlet, lean) in enumerate([("Alpha Daily", "a"), ("Beta News", "a"),
                                         ("Gamma Times", "a"), ("Delta Post", "b"),
                                         ("Echo Herald", "b"), ("Foxtrot Wire", "b")]):
        for i in range(8):
            rows.append({"id": f"{k}-{i}", "outlet": outlet, "lean": lean,
                         "text": f"Story {i} from {outlet}. The council voted {i} to {k} on "
                                 f"day {i * 7 + k}. Critics said {words[lean]}, {outlet} reported. "
                                 f"Officials said the vote on measure {k}{i} was close."})
    path = tmp_path / "lean.csv"
    pd.DataFrame(rows).to_csv(path, index=False)
    return path


def test_compare_by_a_label_on_held_out_outlets_then_predict(tmp_path, capsys):
    path = _lean_corpus(tmp_path)
    out = tmp_path / "res"
    rc = main(["compare", str(path), "--by", "lean", "--cv", "outlet", "-o", str(out),
               "--bootstrap", "50"])
    assert rc == 0
    err = capsys.readouterr().err
    assert "LeaveOneGroupOut over outlets" in err and "extracted" in err
    summary = json.loads((out / "summary.json").read_text())
    assert summary["cv"]["n_splits"] == 6 and summary["by"] == "lean"
    listing = tmp_path / "test-outlets.txt"
    listing.write_text("# held out\nAlpha Daily\nDelta Post\n")
    out2 = tmp_path / "res2"
    rc = main(["compare", str(path), "--by", "lean", "--test-outlets", str(listing), "-o",
               str(out2), "--bootstrap", "50"])
    assert rc == 0
    pred = pd.read_csv(out2 / "predictions.csv")
    assert set(pred.loc[pred["tested"], "outlet"]) == {"Alpha Daily", "Delta Post"}
    rc = main(["predict", str(out2 / "model.skops"), str(path), "-o", str(tmp_path / "p.csv")])
    assert rc == 0
    assert set(pd.read_csv(tmp_path / "p.csv")["predicted"]) <= {"a", "b"}


def test_held_out_outlets_need_a_label(tmp_path, capsys):
    rc = main(["compare", str(tmp_path / "x.csv"), "--cv", "outlet", "-o", str(tmp_path / "o")])
    assert rc == 1
    assert "need --by COLUMN other than outlet" in capsys.readouterr().err
