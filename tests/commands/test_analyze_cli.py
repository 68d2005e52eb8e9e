"""``framing analyze``: article files are read without pandas, to the same rows, and the
command starts without scikit-learn, scipy or pandas."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from framing.io import load_corpus
from framing.io.loaders import load_articles


def _files(tmp: Path) -> list[Path]:
    (tmp / "a").mkdir()
    (tmp / "b").mkdir()
    texts = {
        "a/story.txt": "DAILY WORLD DIGEST\n\nCLASHES RESUME NEAR ALEPPO\n\n- 03.02.2016\n\n"
        "Reuters (3 February 2016)\n\n"
        "Fighting resumed on Wednesday near the northern city of Aleppo, residents said, as talks stalled.\n\n"
        "Source: http://example.org/story\n",
        "b/story.txt": "Officials opened a new school in the city on Monday, the ministry said. --AFP\n",
        "c.md": "title: A key-value header\noutlet: bbc\ndate: June 5, 2017\n\nThe council voted on Tuesday.\n",
        "d.html": "<html><head><title>Talks</title></head><body><article><p>The talks ended in an agreement "
        "that both sides welcomed, the envoy said on Friday after a long night of negotiations.</p></article>"
        "</body></html>",
        "empty.txt": "",
    }
    for name, text in texts.items():
        (tmp / name).write_text(text, encoding="utf-8")
    return [tmp / n for n in texts] + [tmp / "missing.txt"]


def _records(df) -> list[dict]:
    """The DataFrame's rows, NaN as None (pandas' concat turns some None into NaN; both are
    null to analyze_article)."""
    return [{k: None if isinstance(v, float) and v != v else v for k, v in r.items()} for r in df.to_dict("records")]


def test_article_files_give_the_rows_the_corpus_loader_gives(tmp_path):
    paths = _files(tmp_path)
    rows, problems = load_articles(paths)
    df = load_corpus(paths)
    assert rows == _records(df)
    assert problems == df.attrs["problems"] and len(problems) == 3  # empty, missing, duplicate id
    assert [r["id"] for r in rows] == ["story", "story#2", "c", "d"]


def test_analyze_gives_the_same_objects_as_through_the_corpus_loader(tmp_path):
    paths = [p for p in _files(tmp_path) if p.name not in ("empty.txt", "missing.txt", "d.html")]
    from framing.analyze import analyze_article
    from framing.cli import build_parser
    from framing.commands.analyze import article_rows

    args = build_parser().parse_args(["analyze", *map(str, paths)])
    rows = article_rows(args)
    assert rows == _records(load_corpus(paths))
    assert [analyze_article(r) for r in rows] == [analyze_article(r) for r in load_corpus(paths).to_dict("records")]


def test_analyze_imports_no_pandas_sklearn_or_scipy(seed_path):
    """(nor ftfy: the seed is valid text, so nothing needs its mojibake repair; nor the other
    commands' modules)"""
    code = (
        "import sys\nfrom framing.cli import main\n"
        f"main(['analyze', '--format', 'json', {str(seed_path)!r}])\n"
        "heavy = ('pandas', 'sklearn', 'scipy', 'pyarrow', 'ftfy', 'matplotlib', "
        "'framing.commands.compare', 'framing.commands.report', 'framing.commands.extract', "
        "'framing.commands.lexicon', 'framing.commands.stories')\n"
        "print(sorted(m for m in heavy if m in sys.modules), file=sys.stderr)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert json.loads(out.stdout)["loaded_terms"]
    assert out.stderr.strip().splitlines()[-1] == "[]"
