"""Loading: file:line errors for every bad entry, merging, the default-file rule, caching."""

from __future__ import annotations

import pickle
import textwrap
from pathlib import Path

import pytest

from framing.cli import main
from framing.errors import LexiconError
from framing.lexicon import load_lexicon, parse_file, validate_paths
from framing.lexicon.load import _merge, default_paths, is_loaded_lexicon

FIX = Path(__file__).parent / "fixtures"
MINI = FIX / "mini.toml"
BAD = FIX / "bad.toml"
SYNTAX = FIX / "syntax.toml"


def entry(canonical, forms, referent="", weight=0.5):
    quoted = ", ".join(f'"{f}"' for f in forms)
    return textwrap.dedent(
        f"""
        [[entry]]
        forms = [{quoted}]
        canonical = "{canonical}"
        category = "label"
        referent = "{referent}"
        connotation = -1
        weight = {weight}
        why = "test"
        """
    )


def test_valid_fixture():
    p = parse_file(MINI)
    assert p.errors == []
    assert len(p.entries) == 13
    assert p.entries[0].canonical == "daesh"
    assert p.entries[0].line == 19  # the line of its [[entry]] header
    assert MINI.read_text().splitlines()[18] == "[[entry]]"


def test_every_bad_entry_reported_with_line(empty_bundle):
    errors = validate_paths([BAD])
    got = [(Path(e.path).name, e.line) for e in errors]
    assert got == [
        ("bad.toml", 23),  # weight = 1.5
        ("bad.toml", 29),  # category = "slur"
        ("bad.toml", 31),  # connotation = -3
        ("bad.toml", 39),  # unknown referent
        ("bad.toml", 45),  # duplicate form "Rebel" (same as "rebel")
        ("bad.toml", 53),  # missing why (the entry header)
    ]
    text = "\n".join(str(e) for e in errors)
    assert "weight" in text and "slur" in text and "nobody_known" in text
    assert "duplicate form 'Rebel'" in text and "missing required field 'why'" in text
    assert str(errors[0]).startswith(f"{BAD}:23: ")


def test_toml_syntax_error_has_tomllib_line(empty_bundle):
    (err,) = validate_paths([SYNTAX])
    assert err.line == 6 and "TOML syntax error" in err.problem


def test_missing_file(empty_bundle, tmp_path):
    (err,) = validate_paths([tmp_path / "nope.toml"])
    assert "no such file" in str(err)


def test_unknown_top_level_table(tmp_path, empty_bundle):
    p = tmp_path / "x.toml"
    p.write_text('[meta]\nname = "x"\n\n[[entrys]]\nforms = ["a"]\n')
    (err,) = validate_paths([p])
    assert err.line == 4 and "entrys" in err.problem


def test_user_file_may_name_bundled_referents(tmp_path, empty_bundle):
    (empty_bundle / "base.toml").write_text(MINI.read_text())
    user = tmp_path / "user.toml"
    user.write_text('[meta]\nname = "u"\n' + entry("thugs", ["thugs"], "syrian_government"))
    assert validate_paths([user]) == []


def test_load_raises_first_problem(empty_bundle):
    with pytest.raises(LexiconError) as exc:
        load_lexicon([BAD])
    assert exc.value.line == 23 and "more" in str(exc.value)


def test_later_file_overrides_same_canonical_and_referent(tmp_path, empty_bundle):
    user = tmp_path / "user.toml"
    user.write_text(
        '[meta]\nname = "u"\n'
        + entry("daesh", ["Daesh", "Daech"], "islamic_state", weight=0.2)
        + entry("thugs", ["thugs"], "syrian_government")
    )
    lex = load_lexicon([MINI, user])
    daesh = [e for e in lex.entries if e.key == ("daesh", "islamic_state")]
    assert len(daesh) == 1 and daesh[0].weight == 0.2 and "Daech" in daesh[0].forms
    assert len(lex.entries) == 14  # 13 + thugs; daesh replaced in place
    assert lex.entries[0] is daesh[0]
    assert [m.text for m in lex.matcher().find("Daech thugs")] == ["Daech", "thugs"]


def test_merge_is_order_sensitive():
    a, b = parse_file(MINI), parse_file(MINI)
    lex, errors = _merge([a, b])
    assert errors == [] and len(lex.entries) == 13
    assert lex.entries[0] is b.entries[0]


def test_default_rule_skips_other_lexicons(tmp_path):
    (tmp_path / "conflict.toml").write_text(MINI.read_text())
    (tmp_path / "cues.toml").write_text('[meta]\nname = "cues"\n\n[[cue]]\nlemma = "say"\n')
    (tmp_path / "hedges.toml").write_text('[meta]\nname = "hedges"\n\n[[hedge]]\nforms = ["reportedly"]\n')
    (tmp_path / "outlets.toml").write_text('[[outlet]]\nname = "Reuters"\n')
    (tmp_path / "other.toml").write_text('[meta]\nname = "o"\nkind = "sentiment"\n\n[[entry]]\ncanonical = "x"\n')
    assert [p.name for p in default_paths(tmp_path)] == ["conflict.toml"]


def test_is_loaded_lexicon_rule():
    assert is_loaded_lexicon({"meta": {"kind": "loaded"}})
    assert not is_loaded_lexicon({"meta": {"kind": "cues"}, "entry": [{"canonical": "x"}]})
    assert is_loaded_lexicon({"meta": {}, "entry": [{"canonical": "x"}]})
    assert not is_loaded_lexicon({"meta": {}, "entry": [{"forms": ["x"]}]})


def test_cached_and_reloaded_when_file_changes(tmp_path, empty_bundle):
    user = tmp_path / "user.toml"
    user.write_text(MINI.read_text())
    first = load_lexicon([user])
    assert load_lexicon([user]) is first
    user.write_text(MINI.read_text() + entry("thugs", ["thugs"], "syrian_government"))
    import os

    os.utime(user, ns=(1, 1))  # a different mtime even on coarse clocks
    assert len(load_lexicon([user]).entries) == 14


def test_lexicon_pickles_without_automaton(empty_bundle):
    lex = load_lexicon([MINI])
    lex.matcher().find("Daesh")
    clone = pickle.loads(pickle.dumps(lex))
    assert clone._matcher is None
    assert [m.canonical for m in clone.matcher().find("Daesh and ISIS")] == ["daesh", "isis"]


def test_cli_validate(capsys, empty_bundle):
    assert main(["lexicon", "validate", str(MINI)]) == 0
    assert capsys.readouterr().out.strip() == "13 entries OK"
    assert main(["lexicon", "validate", str(BAD), str(SYNTAX)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out[0].startswith(f"{BAD}:23: ")
    assert any(line.startswith(f"{SYNTAX}:6: ") for line in out)
    assert out[-1] == "7 problems"


def test_cli_show(capsys, empty_bundle):
    assert main(["lexicon", "show", "--lexicon", str(MINI), "--referent", "islamic_state"]) == 0
    out = capsys.readouterr().out
    assert "daesh" in out and "regime" not in out and out.strip().endswith("4 entries")
    assert main(["lexicon", "show", "--lexicon", str(MINI), "--referent", "nobody"]) == 1
    assert "unknown referent nobody" in capsys.readouterr().err


def test_redundant_forms_within_one_entry_are_not_errors(tmp_path, empty_bundle):
    p = tmp_path / "x.toml"
    p.write_text('[meta]\nname = "x"\n' + entry("death cult", ["death cult", "death-cult", "Death Cult"]))
    assert validate_paths([p]) == []


def test_cli_validate_skips_other_lexicon_kinds(capsys, tmp_path, empty_bundle):
    cues = tmp_path / "cues.toml"
    cues.write_text('[meta]\nname = "cues"\n\n[[cue]]\nlemma = "say"\n')
    typo = tmp_path / "typo.toml"  # a loaded lexicon with a misspelt table is still checked
    typo.write_text('[meta]\nname = "t"\n\n[[entrys]]\nforms = ["a"]\n')
    # not a loaded-language lexicon: checked by the sourcing loader instead, file named
    assert main(["lexicon", "validate", str(cues)]) == 1
    assert f"{cues}" in capsys.readouterr().out
    assert main(["lexicon", "validate", str(typo)]) == 1
    assert f"{typo}:4: unknown table or key 'entrys'" in capsys.readouterr().out


def test_a_lexicon_of_another_kind_or_an_empty_folder_is_an_error(tmp_path, empty_bundle):
    # issue 22.9: read silently as nothing, the researcher's terms would go uncounted
    other = tmp_path / "sentiment.toml"
    other.write_text('[meta]\nname = "s"\nkind = "sentiment"\n\n[[entry]]\nword = "good"\n')
    with pytest.raises(LexiconError, match=r"sentiment\.toml: not a loaded-language lexicon \(kind = 'sentiment'\)"):
        load_lexicon([MINI, other])
    cues = tmp_path / "cues.toml"
    cues.write_text('[[cue]]\nlemma = "say"\nforms = ["said"]\n')
    with pytest.raises(LexiconError, match=r"cues\.toml: not a loaded-language lexicon \(has \[\[cue\]\]"):
        load_lexicon([cues])
    empty = tmp_path / "mine"
    empty.mkdir()
    (empty / "notes.txt").write_text("not a lexicon")
    with pytest.raises(LexiconError, match=r"mine: folder holds no loaded-language lexicon"):
        load_lexicon([empty])
    assert len(load_lexicon([MINI]).entries) == 13


def test_the_cli_reports_a_wrong_lexicon_in_one_line(tmp_path, capsys):
    from framing.cli import main

    empty = tmp_path / "nothing"
    empty.mkdir()
    doc = tmp_path / "a.txt"
    doc.write_text("The regime fell.")
    assert main(["analyze", str(doc), "--lexicon", str(empty)]) == 1
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("framing: error: ") and "nothing: folder holds no" in err[0]


def test_bundled_lexicons_are_valid():
    bundled = default_paths()
    if not bundled:
        pytest.skip("no bundled loaded-language lexicons")
    assert [str(e) for e in validate_paths()] == []
    lex = load_lexicon()
    assert len(lex.entries) >= 300 and len(lex.referents) >= 30


def test_a_form_that_cannot_match_is_reported_with_file_and_line(tmp_path, empty_bundle):
    f = tmp_path / "mine.toml"
    f.write_text('[meta]\nname = "mine"\n' + entry("stars", ["a**"]) + entry("dot", ["."]))
    errors = [str(e) for e in validate_paths([f])]
    lines = f.read_text().splitlines()
    at = [i for i, ln in enumerate(lines, 1) if ln.startswith("forms =")]
    assert errors[0].startswith(f"{f}:{at[0]}: entry 'stars': field 'forms': form 'a**' would match almost every text")
    assert errors[1].startswith(f"{f}:{at[1]}: entry 'dot': field 'forms': form '.' can never match")


def _pack(d, name, canonical, form):
    (d / f"{name}.toml").write_text(f'[meta]\nname = "{name}"\n' + entry(canonical, [form]))


def test_packs_are_selected_by_name_and_all_are_on_by_default(empty_bundle):
    from framing.errors import FramingError
    from framing.lexicon.packs import pack_token

    _pack(empty_bundle, "general", "thugs", "thugs")
    _pack(empty_bundle, "us-politics", "amnesty", "amnesty")
    every = load_lexicon()
    assert {e.canonical for e in every.entries} == {"thugs", "amnesty"}
    assert {e.pack for e in every.entries} == {"general", "us-politics"}
    only = load_lexicon([pack_token("us-politics")])
    assert [e.canonical for e in only.entries] == ["amnesty"]
    with_user = load_lexicon([pack_token("general"), MINI])
    names = {e.canonical for e in with_user.entries}
    assert "thugs" in names and "amnesty" not in names
    with pytest.raises(FramingError, match=r"unknown lexicon pack 'climate'; bundled packs: general, us-politics"):
        load_lexicon([pack_token("climate")])
