"""`framing report` on tiny corpora: the parts that need no model, and a word on what is left out."""

from __future__ import annotations

import shutil

import pytest

from framing.cli import main

OTHER = ("Title: {t}\nOutlet: {o}\n\nThe minister said on Monday that the talks would resume in Geneva. "
         "Officials reportedly disagreed about the agenda, and rebels denied the claims.\n")


def _corpus(tmp_path, seed_path, n: int):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(seed_path, folder / "seed.txt")
    for i in range(n - 1):
        (folder / f"other{i}.txt").write_text(OTHER.format(t=f"Story {i}", o="Reuters" if i % 2 else "AFP"),
                                               encoding="utf-8")
    return folder


@pytest.mark.parametrize("n", [1, 2, 5])
def test_a_tiny_corpus_gets_a_report_that_names_what_it_left_out(n, tmp_path, seed_path, capsys):
    src = seed_path if n == 1 else _corpus(tmp_path, seed_path, n)
    out = tmp_path / "r.html"
    assert main(["report", str(src), "-o", str(out), "-q"]) == 0
    html = out.read_text(encoding="utf-8")
    err = capsys.readouterr().err
    assert "Traceback" not in err
    if n == 1:
        assert 'class="framing-card"' in html and "Left out: corpus overview" in html
        assert "left out corpus overview, per-outlet sections and comparison" in err
    else:
        assert "1 Corpus overview" in html and "2 Per outlet" in html and "framing-card" in html
        assert "Left out: comparison: " in html and "at least 5 articles each" in html
        assert "report: left out comparison" in err


def test_compare_refuses_a_tiny_corpus_in_one_line(tmp_path, seed_path, capsys):
    src = _corpus(tmp_path, seed_path, 5)
    out = tmp_path / "results"
    assert main(["compare", str(src), "-o", str(out)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert err[-1].startswith("framing: error:") and "needs at least two values of 'outlet' with at least 5" in err[-1]
    assert not out.exists()


def test_report_models_option_reaches_the_comparison_and_rejects_unknown_kinds(
        tmp_path, seed_path, capsys, monkeypatch):
    import framing.report.build as build

    seen: dict = {}

    def fake_build(corpus, out, **kw):
        seen.update(kw)
        out.write_text("<html></html>", encoding="utf-8")
        return out

    monkeypatch.setattr(build, "build_report", fake_build)
    src = _corpus(tmp_path, seed_path, 2)
    out = tmp_path / "r.html"
    assert main(["report", str(src), "-o", str(out), "-q", "--models", "framing, tfidf"]) == 0
    assert seen["compare_options"] == {"models": ("framing", "tfidf")}
    assert main(["report", str(src), "-o", str(out), "-q"]) == 0
    assert seen["compare_options"] is None  # the report's own default (framing only)
    with pytest.raises(SystemExit) as exc:
        main(["report", str(src), "-o", str(out), "--models", "framing,bogus"])
    assert exc.value.code == 2 and "unknown model 'bogus'" in capsys.readouterr().err
