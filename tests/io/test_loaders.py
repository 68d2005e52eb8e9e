"""Loading files, directories and tables, including every kind of bad input."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from framing.errors import FramingError, InputError
from framing.io import load_corpus, load_file, load_table


def test_seed_metadata(seed_article, gold):
    want = gold["article"]
    assert seed_article["title"].lower() == want["title"].lower()
    assert seed_article["outlet"] == want["outlet"]
    assert seed_article["origin"] == want["outlet"]
    assert seed_article["publisher"] == want["publisher"]
    assert seed_article["date"] == want["date"]


def test_seed_body_excludes_header_and_source_line(seed_article):
    body = seed_article["text"]
    assert body.startswith("A high-level delegation")
    assert body.rstrip().endswith("operating in the Middle East.")
    for meta in ("EURASIAN", "Press Tv (15 June 2017)", "Kaynak", "15.06.2017"):
        assert meta not in body


def test_general_republication_header(tmp_path):
    # a different masthead, credit and source line of the same shape
    text = (
        "DAILY WORLD DIGEST\n\nCLASHES RESUME NEAR ALEPPO\n\n- 03.02.2016\n\n"
        "Reuters (3 February 2016)\n\n"
        "Fighting resumed on Wednesday near the northern city of Aleppo, residents said, as talks stalled.\n\n"
        "Source: http://example.org/story\n"
    )
    f = tmp_path / "a.txt"
    f.write_text(text, encoding="utf-8")
    row = load_file(f)
    assert row["title"] == "CLASHES RESUME NEAR ALEPPO"
    assert row["date"] == "2016-02-03"
    assert row["outlet"] == "Reuters"
    assert row["publisher"] == "DAILY WORLD DIGEST"
    assert row["url"] == "http://example.org/story"
    assert row["text"].startswith("Fighting resumed")


def test_key_value_header(tmp_path):
    f = tmp_path / "b.md"
    f.write_text(
        "Title: A story\nOutlet: PressTV\nDate: 2019-03-01\n\nBody text goes here and is long enough.", encoding="utf-8"
    )
    df = load_corpus([f])
    assert df.loc[0, "title"] == "A story"
    assert df.loc[0, "date"] == "2019-03-01"
    assert df.loc[0, "text"].startswith("Body text")


def test_plain_text_without_header(tmp_path):
    f = tmp_path / "c.txt"
    f.write_text("Just one paragraph of article text that has no header at all, but is an article.", encoding="utf-8")
    df = load_corpus([f])
    assert df.loc[0, "text"].startswith("Just one paragraph")


def test_directory_outlet_from_folder(tmp_path):
    for outlet in ("sana", "reuters"):
        (tmp_path / outlet).mkdir()
        (tmp_path / outlet / "x.txt").write_text(
            f"Story from {outlet} with enough words to be an article body here.", encoding="utf-8"
        )
    df = load_corpus([tmp_path])
    assert len(df) == 2
    assert set(df["id"]) == {"sana/x", "reuters/x"}
    assert df["outlet"].notna().all()


def test_html_main_text(tmp_path):
    html = (
        "<html><head><title>Strikes hit Idlib</title></head><body><nav>Home | World</nav>"
        "<article><h1>Strikes hit Idlib</h1><p>Air strikes hit the city of Idlib on Monday, "
        "killing at least ten people, a monitoring group said.</p><p>The strikes came a day after "
        "rebels shelled government-held areas of the city, state media reported.</p></article>"
        "<footer>Copyright</footer></body></html>"
    )
    f = tmp_path / "s.html"
    f.write_text(html, encoding="utf-8")
    row = load_file(f)
    assert "Air strikes hit the city of Idlib" in row["text"]
    assert "Home | World" not in row["text"]


def test_wire_credit_sets_origin(tmp_path):
    f = tmp_path / "w.csv"
    pd.DataFrame(
        {
            "text": [
                "Dozens were killed in the attack, the monitor said. --Reuters",
                "DAMASCUS, June 5 (Reuters) - Syrian forces advanced on Monday.",
                "Government forces advanced on Monday, residents said.-AFP",
                "A photo credit (Reuters) in the middle does not count.",
            ],
            "outlet": ["nna"] * 4,
        }
    ).to_csv(f, index=False)
    df = load_corpus([f])
    assert df["origin"].tolist()[:3] == ["Reuters", "Reuters", "Agence France-Presse"] or df["origin"].tolist()[:3] == [
        "Reuters",
        "Reuters",
        "AFP",
    ]
    assert df["origin"].iloc[3] == df["outlet"].iloc[3]


# ----------------------------------------------------------------- bad input
def test_empty_file(tmp_path):
    f = tmp_path / "empty.txt"
    f.write_bytes(b"")
    with pytest.raises(InputError, match="empty.txt: empty file"):
        load_corpus([f])


def test_binary_file(tmp_path):
    f = tmp_path / "img.txt"
    f.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    with pytest.raises(InputError, match="img.txt: binary file"):
        load_corpus([f])


def test_undecodable_bytes_repaired_with_warning(tmp_path):
    f = tmp_path / "bad.txt"
    f.write_bytes("The caf\xe9 was hit \x93by shelling\x94 on Monday, witnesses said.".encode("latin-1"))
    df = load_corpus([f])
    text = df.loc[0, "text"]
    assert "café" in text and "\ufffd" not in text
    assert any("bad.txt" in w and "UTF-8" in w for w in df.loc[0, "warnings"])


def test_csv_without_text_column(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("headline,outlet\nA,b\n", encoding="utf-8")
    with pytest.raises(InputError) as exc:
        load_corpus([f])
    msg = str(exc.value)
    assert "t.csv" in msg and "headline" in msg and "outlet" in msg and "\n" not in msg


def test_explicit_missing_column(tmp_path):
    f = tmp_path / "t.csv"
    f.write_text("body,src\nSome text,x\n", encoding="utf-8")
    with pytest.raises(InputError, match="no column 'content'"):
        load_table(f, text_col="content")
    df = load_table(f, text_col="body", outlet_col="src")
    assert df.loc[0, "text"] == "Some text" and df.loc[0, "outlet"] == "x"


def test_duplicate_ids_kept_and_renamed(tmp_path):
    f = tmp_path / "d.jsonl"
    f.write_text("\n".join(json.dumps({"id": "1", "text": f"text {i}"}) for i in range(3)), encoding="utf-8")
    df = load_corpus([f])
    assert len(df) == 3 and df["id"].is_unique
    assert any("duplicate ids" in p for p in df.attrs["problems"])


def test_large_file_loads_with_warning(tmp_path):
    f = tmp_path / "big.txt"
    para = "Shelling continued in the eastern districts of the city on Monday, residents said. " * 40
    f.write_text(("\n\n".join([para] * 6100)), encoding="utf-8")  # ~20 MB
    assert f.stat().st_size > 20_000_000
    df = load_corpus([f])
    assert len(df.loc[0, "text"]) > 20_000_000 * 0.99
    assert any("very large" in w for w in df.loc[0, "warnings"])


def test_directory_with_bad_files_still_loads(tmp_path):
    (tmp_path / "good.txt").write_text("A good article with plenty of words in it for the test.", encoding="utf-8")
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02" * 100)
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing-target.txt")  # unreadable even as root
    df = load_corpus([tmp_path])
    assert df["id"].tolist() == ["good"]
    problems = " ".join(df.attrs["problems"])
    assert "empty.txt: empty file" in problems and "bin.txt: binary file" in problems
    assert "gone.txt: cannot read file" in problems


def test_missing_path():
    with pytest.raises(InputError, match="no such file"):
        load_corpus([Path("/nonexistent/x.txt")])


@settings(max_examples=150, deadline=None)
@given(st.binary(max_size=2000))
def test_arbitrary_bytes_never_crash(tmp_path_factory, data):
    f = tmp_path_factory.mktemp("fuzz") / "x.txt"
    f.write_bytes(data)
    try:
        row = load_file(f)
    except FramingError:
        return
    assert isinstance(row["text"], str) and row["text"].strip()
    assert "\ufffd" not in row["text"]
