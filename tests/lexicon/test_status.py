"""Entry status: suggested and rejected entries validate but do not count until accepted."""

from __future__ import annotations

from framing.cli import main
from framing.lexicon import load_lexicon, validate_paths
from framing.lexicon.load import unreviewed

DRAFT = """
[meta]
name = "draft"

[[entry]]
forms = ["blorfing quotas"]
canonical = "blorfing quotas"
category = "neutral"
connotation = 0
weight = 0
status = "{status}"
why = "test"
"""


def _write(tmp_path, status):
    p = tmp_path / f"{status}.toml"
    p.write_text(DRAFT.format(status=status), encoding="utf-8")
    return p


def _canonicals(path):
    return {e.canonical for e in load_lexicon([path]).entries}


def test_only_accepted_entries_count(tmp_path):
    for status in ("suggested", "rejected"):
        p = _write(tmp_path, status)
        assert validate_paths([p]) == []
        assert "blorfing quotas" not in _canonicals(p)
    assert "blorfing quotas" in _canonicals(_write(tmp_path, "accepted"))


def test_an_entry_without_status_is_accepted(tmp_path):
    p = tmp_path / "plain.toml"
    p.write_text(DRAFT.replace('status = "{status}"\n', ""), encoding="utf-8")
    assert "blorfing quotas" in _canonicals(p)


def test_an_unknown_status_is_a_validation_error(tmp_path):
    problems = validate_paths([_write(tmp_path, "maybe")])
    assert len(problems) == 1 and "status" in str(problems[0]) and ":11:" in str(problems[0])


def test_validate_lists_what_is_still_suggested(tmp_path, capsys):
    p = _write(tmp_path, "suggested")
    assert [e.canonical for e in unreviewed([p])] == ["blorfing quotas"]
    assert main(["lexicon", "validate", str(p)]) == 0
    out = capsys.readouterr().out
    assert f"{p}:5: entry 'blorfing quotas' is suggested, not yet reviewed" in out
    assert "1 entries OK (1 still suggested, not counted)" in out
