"""The outlet registry: name normalisation, domains, mentions in text, schema errors."""

from __future__ import annotations

import pytest

from framing.errors import LexiconError
from framing.io.outlets import OutletRegistry


@pytest.fixture(scope="module")
def reg() -> OutletRegistry:
    return OutletRegistry.default()


def test_registry_size_and_fakes_codes(reg):
    assert len(reg) >= 40
    codes = [o.fakes_code for o in reg.outlets if o.fakes_code]
    assert len(codes) == len(set(codes)) == 15
    assert all(o.ownership in {"state", "public", "private", "party-affiliated"} for o in reg.outlets)
    assert all(o.sources for o in reg.outlets)


@pytest.mark.parametrize(
    "name", ["Press Tv", "PressTV", "presstv.ir", "https://www.presstv.ir/Detail/2017", "PRESS TV"]
)
def test_press_tv_variants(reg, name):
    assert reg.canonical(name) == "Press TV"


def test_unknown_outlet_kept(reg):
    assert reg.lookup("The Daily Nowhere") is None
    assert reg.canonical(" The Daily Nowhere ") == "The Daily Nowhere"


def test_subdomain_fallback(reg):
    o = reg.lookup("arabic.sputniknews.com")
    assert o is not None and o.name == "Sputnik"


def test_find_mentions(reg):
    text = "Lebanon-based al-Mayadeen news network reported, and the AP said. The Guardian Council met."
    names = [o.name for _, _, o in reg.find_mentions(text)]
    assert any("Mayadeen" in n for n in names)
    assert "Associated Press" in names
    assert not any("Guardian" in n for n in names)
    for s, e, _ in reg.find_mentions(text):
        assert text[s:e].strip() == text[s:e]


def test_case_sensitive_alias_not_matched_in_lowercase(reg):
    assert not [
        o
        for _, _, o in reg.find_mentions("they had to rt the file and ap the rest")
        if o.name in {"RT", "Associated Press"}
    ]


def test_bad_registry_reports_line(tmp_path):
    f = tmp_path / "o.toml"
    f.write_text(
        '[[outlet]]\nname="A"\nid="a"\ncountry="X"\nownership="state"\nsources=["u"]\n\n'
        '[[outlet]]\nname="B"\nid="b"\ncountry="X"\nownership="owned"\nsources=["u"]\n',
        encoding="utf-8",
    )
    with pytest.raises(LexiconError, match=r"o.toml:8: .*ownership"):
        OutletRegistry.from_files([f])


def test_a_second_load_reads_the_validated_registry_from_the_cache(tmp_path, monkeypatch):
    from framing.io import outletschema
    from framing.paths import LEXICON_DIR

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = OutletRegistry.from_files([LEXICON_DIR / "outlets.toml"])
    assert len(list((tmp_path / "framing" / "outlets").glob("*.json"))) == 1

    def fail(path):
        raise AssertionError(f"validated {path} although the cache holds it")

    monkeypatch.setattr(outletschema, "validated", fail)
    again = OutletRegistry.from_files([LEXICON_DIR / "outlets.toml"])
    assert again.outlets == first.outlets and [o.sources for o in again.outlets] == [o.sources for o in first.outlets]
    assert again._case_sensitive == first._case_sensitive and again.lookup("presstv.ir") == first.lookup("presstv.ir")


def test_a_bad_registry_gives_the_same_error_every_time_and_is_never_stored(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    f = tmp_path / "o.toml"
    f.write_text('[[outlet]]\nname="B"\nid="b"\ncountry="X"\nownership="owned"\nsources=["u"]\n', encoding="utf-8")
    errors = []
    for _ in range(2):
        with pytest.raises(LexiconError) as err:
            OutletRegistry.from_files([f])
        errors.append(str(err.value))
    assert errors[0] == errors[1] and errors[0].startswith(f"{f}:1:")
    assert not list((tmp_path / "xdg").rglob("*.json"))
