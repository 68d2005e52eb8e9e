"""The sourcing lexicons load, validate and match (framing/sourcing/cues.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.errors import LexiconError
from framing.paths import LEXICON_DIR
from framing.sourcing.cues import default_lexicon, load_sourcing_lexicon


def test_bundled_lexicons_load() -> None:
    lex = default_lexicon()
    assert lex.cues["said"].lemma == "say" and lex.cues["said"].type == "neutral"
    assert lex.cues["alleged"].type == "loaded"
    assert lex.cues["according to"].source == "after"
    assert lex.source_nouns["statement"] == "document"
    assert "source" in lex.anon_always and "official" in lex.anon_heads
    assert lex.hedges.search("the rebels reportedly fled")


def test_bad_cue_entry_names_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "cues.toml"
    bad.write_text('[meta]\nname = "x"\n\n[[cue]]\nlemma = "say"\nforms = ["said"]\n'
                   'type = "sneaky"\nclass = "speech"\nwhy = "w"\n', encoding="utf-8")
    with pytest.raises(LexiconError) as err:
        load_sourcing_lexicon(cues=bad)
    assert str(err.value).startswith(f"{bad}:4:") and "type" in str(err.value)


def test_missing_why_and_invalid_toml(tmp_path: Path) -> None:
    bad = tmp_path / "hedges.toml"
    bad.write_text('[[hedge]]\nforms = ["maybe"]\nkind = "epistemic"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match=r"hedges.toml:1: .*why"):
        load_sourcing_lexicon(hedges=bad)
    broken = tmp_path / "anonymous.toml"
    broken.write_text("[[head]\nforms = [", encoding="utf-8")
    with pytest.raises(LexiconError, match="invalid TOML"):
        load_sourcing_lexicon(anonymous=broken)


def test_missing_file_is_a_lexicon_error(tmp_path: Path) -> None:
    with pytest.raises(LexiconError, match="cannot read"):
        load_sourcing_lexicon(cues=tmp_path / "nope.toml")


def test_every_bundled_file_documents_its_format() -> None:
    for name in ("cues.toml", "anonymous.toml", "hedges.toml"):
        head = (LEXICON_DIR / name).read_text(encoding="utf-8").splitlines()[:5]
        assert head[0].startswith("#") and any("format" in ln.lower() or "[[" in ln for ln in
                                                (LEXICON_DIR / name).read_text().splitlines()[:30])


def test_validate_file_by_kind(tmp_path: Path) -> None:
    from framing.sourcing.cues import validate_file

    assert [validate_file(LEXICON_DIR / f"{k}.toml") for k in ("cues", "anonymous", "hedges")] \
        == ["cues", "anonymous", "hedges"]
    other = tmp_path / "x.toml"
    other.write_text('[meta]\nname = "x"\n', encoding="utf-8")
    with pytest.raises(LexiconError, match="kind must be"):
        validate_file(other)
