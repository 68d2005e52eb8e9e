"""FA-KES read as published, and the checksum-verified fetch."""

from __future__ import annotations

import pytest

from framing.errors import FramingError
from framing.io.datasets import FAKES, fetch, repair_fakes_text


def test_fakes_shape(fakes):
    assert len(fakes) == 804
    assert fakes["outlet"].nunique() == 15
    assert fakes["id"].is_unique
    assert set(fakes["label"].unique()) == {0, 1}
    assert fakes["date"].str.match(r"^\d{4}-\d{2}-\d{2}$").all()


def test_fakes_text_is_clean(fakes):
    for col in ("text", "title"):
        joined = "".join(fakes[col].astype(str))
        assert "\ufffd" not in joined
        assert not any("\x80" <= ch <= "\x9f" for ch in joined)
        assert "\u2022" not in joined


def test_fakes_nna_wire_origin(fakes):
    nna = fakes[fakes["outlet"] == fakes.loc[fakes["id"] == "1914947530", "outlet"].iloc[0]]
    wired = nna[nna["origin"] != nna["outlet"]]
    assert len(wired) == 9
    assert set(wired["origin"]) <= {"Reuters", "Agence France-Presse"}


def test_repair_rules():
    assert repair_fakes_text("Syria\u2022_s Aleppo") == "Syria's Aleppo"
    assert repair_fakes_text("killed 39 \u2022_ monitor") == "killed 39 - monitor"
    assert repair_fakes_text("\u2022_chemical attack\u2022_ kills") == '"chemical attack" kills'


def test_fetch_from_file_verifies_checksum(tmp_path, fakes):
    from framing.paths import FAKES_CSV

    path = fetch("fa-kes", from_file=FAKES_CSV, dest=tmp_path)
    assert path.name == FAKES.filename and path.exists()
    bad = tmp_path / "bad.csv"
    bad.write_text("unit_id,article_content\n1,x\n", encoding="utf-8")
    with pytest.raises(FramingError, match="checksum mismatch"):
        fetch("fa-kes", from_file=bad, dest=tmp_path / "other")
    assert not (tmp_path / "other" / "fa-kes" / FAKES.filename).exists()


def test_unknown_dataset():
    with pytest.raises(FramingError, match="unknown data set"):
        fetch("nope")
