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


def test_every_cue_has_a_kind_and_speech_can_be_kept_alone() -> None:
    from framing.sourcing.attribution import attributions
    from framing.sourcing.cues import CUE_KINDS
    from framing.text import Document

    lex = default_lexicon()
    assert {c.kind for c in lex.cues.values()} <= set(CUE_KINDS)
    assert (lex.cues["said"].kind, lex.cues["believes"].kind, lex.cues["endorsed"].kind,
            lex.cues["shows"].kind) == ("speech", "cognition", "stance", "evidential")
    text = ("The mayor said the bridge was safe. Residents believe it is not. "
            "The union endorsed the mayor. A new survey shows most drivers avoid it.")
    got = attributions(Document(text))
    assert [a["cue_kind"] for a in got] == ["speech", "cognition", "stance", "evidential"]
    assert [a["source"]["text"] for a in got if a["cue_kind"] == "speech"] == ["The mayor"]


@pytest.mark.parametrize(
    ("text", "n"),
    [
        ("Exports declined 40 percent last year.", 0),  # 'declined' needs 'to'
        ("The spokesman declined to comment.", 1),
        ("The fighting continued into the night.", 0),  # 'continued' needs a quotation
        ('"We will rebuild every school in the city," the mayor continued.', 1),
        ("The police found a car near the border.", 0),  # 'found' needs a document source
        ("The audit found that the funds were missing.", 1),
        ("Support for the bill fell in the poll.", 0),  # the noun
        ('"I think the plan is wrong," the senator said.', 1),  # a belief inside a quotation
    ],
)
def test_cue_constraints(text: str, n: int) -> None:
    from framing.sourcing.attribution import attributions
    from framing.text import Document

    assert len(attributions(Document(text))) == n


def test_cue_constraint_fields_validate(tmp_path: Path) -> None:
    bad = tmp_path / "cues.toml"
    bad.write_text('[meta]\nname = "x"\n\n[[cue]]\nlemma = "go"\nforms = ["went"]\n'
                   'type = "neutral"\nclass = "speech"\nrequires = "video"\nwhy = "w"\n',
                   encoding="utf-8")
    with pytest.raises(LexiconError, match=r"cues.toml:4: .*requires"):
        load_sourcing_lexicon(cues=bad)


def test_hedge_kinds_and_rules_load() -> None:
    lex = default_lexicon()
    assert lex.hedge_kinds["may"] == ("epistemic", "modal")
    assert lex.hedge_kinds["reportedly"][0] == "evidential"
    assert lex.hedge_kinds["some"] == ("weasel", "quantifier")
    assert "critics" in lex.vague_heads and "critics" not in lex.anon_heads


def test_a_form_listed_under_two_cues_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "cues.toml"
    entry = '[[cue]]\nlemma = "{}"\nforms = ["said"]\ntype = "neutral"\nclass = "speech"\nwhy = "w"\n'
    bad.write_text('[meta]\nname = "x"\n\n' + entry.format("say") + "\n" + entry.format("tell"),
                   encoding="utf-8")
    with pytest.raises(LexiconError, match="already a form of 'say'"):
        load_sourcing_lexicon(cues=bad)


def _compiled(lex) -> tuple:
    """What a compiled lexicon holds, less its finders (compared by what they find)."""
    return (lex.cues, lex.title_forms, lex.source_nouns, lex.name_words, lex.anon_always, lex.anon_heads,
            lex.vague_heads, lex.anon_hint, lex.hedge_kinds, lex.cue_words, lex.media_phrases,
            lex.hits(_Doc("Officials said the rebels reportedly fled, his claim that a source told ...")))


class _Doc:
    def __init__(self, text: str) -> None:
        self.text = text


@pytest.fixture
def user_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    d = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(d))
    return d / "framing" / "sourcing"


def _no_validation(monkeypatch: pytest.MonkeyPatch) -> None:
    from framing.sourcing import cueschema

    def fail(path, *_args):
        raise AssertionError(f"validated {path} although the cache holds it")

    monkeypatch.setattr(cueschema, "validated", fail)


def test_a_second_load_reads_the_validated_tables_from_the_cache(user_cache, monkeypatch) -> None:
    first = load_sourcing_lexicon()
    stored = list(user_cache.glob("*.json"))
    assert len(stored) == 1 and '"cue"' in stored[0].read_text(encoding="utf-8")  # plain JSON
    _no_validation(monkeypatch)
    assert _compiled(load_sourcing_lexicon()) == _compiled(first)


def test_an_edited_file_is_validated_again(user_cache, tmp_path, monkeypatch) -> None:
    hedges = tmp_path / "hedges.toml"
    hedges.write_text('[[hedge]]\nforms = ["maybe"]\nkind = "epistemic"\nwhy = "w"\n', encoding="utf-8")
    assert set(load_sourcing_lexicon(hedges=hedges).hedge_kinds) == {"maybe"}
    hedges.write_text('[[hedge]]\nforms = ["perhaps"]\nkind = "epistemic"\nwhy = "w"\n', encoding="utf-8")
    assert set(load_sourcing_lexicon(hedges=hedges).hedge_kinds) == {"perhaps"}
    assert len(list(user_cache.glob("*.json"))) == 2


def test_a_bad_file_gives_the_same_error_every_time_and_is_never_stored(user_cache, tmp_path) -> None:
    bad = tmp_path / "cues.toml"
    bad.write_text('[meta]\nname = "x"\n\n[[cue]]\nlemma = "say"\nforms = ["said"]\n'
                   'type = "sneaky"\nclass = "speech"\nwhy = "w"\n', encoding="utf-8")
    errors = []
    for _ in range(2):
        with pytest.raises(LexiconError) as err:
            load_sourcing_lexicon(cues=bad)
        errors.append(str(err.value))
    assert errors[0] == errors[1] and errors[0].startswith(f"{bad}:4:")
    assert not list(user_cache.glob("*.json"))


def test_a_damaged_cache_file_is_passed_over(user_cache) -> None:
    first = load_sourcing_lexicon()
    (stored,) = user_cache.glob("*.json")
    key = stored.stem
    stored.write_text(f'{{"key": "{key}", "data": {{"cue": [{{"lemma": 1}}]}}}}', encoding="utf-8")
    assert _compiled(load_sourcing_lexicon()) == _compiled(first)
    stored.write_text("{not json", encoding="utf-8")
    assert _compiled(load_sourcing_lexicon()) == _compiled(first)
