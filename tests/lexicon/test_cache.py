"""The disk cache of the merged lexicon: plain JSON, keyed on contents, never stale, optional."""

from __future__ import annotations

import json
import os
from pathlib import Path

import pytest

from framing.lexicon import cache, files
from framing.lexicon import load as load_mod
from framing.lexicon.load import load_lexicon
from framing.lexicon.packs import pack_token

FIX = Path(__file__).parent / "fixtures"
MINI = FIX / "mini.toml"
TEXT = "Daesh and ISIS fighters; the regime's thugs and the Assad regime."


@pytest.fixture
def xdg(tmp_path, monkeypatch, empty_bundle) -> Path:
    """A cache folder of its own, and no bundled lexicons (the tests' files only)."""
    d = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(d))
    load_mod._CACHE.clear()
    yield d
    load_mod._CACHE.clear()


def snapshot(lex) -> list:
    """Everything a load gives that the families read, matches included."""
    return [
        [(e.model_dump(), e.source, e.line, e.pack, e.layer) for e in lex.entries],
        {k: r.model_dump() for k, r in lex.referents.items()},
        lex.sources, {k: m.model_dump() for k, m in lex.packs.items()}, lex.pack_files,
        [(m.start, m.end, m.text, m.canonical) for m in lex.matcher().find(TEXT)],
    ]


def fresh(extra=()):
    """A load in a 'new process': nothing cached in memory."""
    load_mod._CACHE.clear()
    return load_lexicon(extra)


def no_toml(monkeypatch) -> None:
    def fail(path):
        raise AssertionError(f"parsed {path} although the cache holds it")

    monkeypatch.setattr(files, "_parse_toml", fail)
    monkeypatch.setattr(files, "_PARSED", {})


def test_a_second_process_reads_the_cache_and_gets_the_same_lexicon(xdg, monkeypatch):
    slow = fresh([str(MINI)])
    written = list((xdg / "framing" / "lexicon").glob("*.json"))
    assert len(written) == 1
    data = json.loads(written[0].read_text(encoding="utf-8"))  # plain JSON, not pickle
    assert data["format"] == cache.FORMAT and len(data["entries"]) == len(slow.entries)
    no_toml(monkeypatch)
    fast = fresh([str(MINI)])
    assert fast is not slow and snapshot(fast) == snapshot(slow)


def test_the_bundled_lexicons_round_trip_with_every_pack_and_a_selection(tmp_path, monkeypatch):
    xdg = tmp_path / "xdg"
    monkeypatch.setenv("XDG_CACHE_HOME", str(xdg))
    for extra in ((), (pack_token("conflict-middle-east"),)):
        slow = snapshot(fresh(extra))
        assert snapshot(fresh(extra)) == slow
    assert len(list((xdg / "framing" / "lexicon").glob("*.json"))) == 2


def test_an_edited_file_is_a_new_key_never_a_stale_hit(xdg, tmp_path):
    user = tmp_path / "user.toml"
    user.write_text(MINI.read_text())
    n = len(fresh([str(user)]).entries)
    user.write_text(MINI.read_text().replace('canonical = "daesh"', 'canonical = "daesh_renamed"'))
    os.utime(user, ns=(1, 1))
    assert "daesh_renamed" in {e.canonical for e in fresh([str(user)]).entries}
    assert len(fresh([str(user)]).entries) == n


def test_a_damaged_cache_file_is_passed_over(xdg):
    want = snapshot(fresh([str(MINI)]))
    for f in (xdg / "framing" / "lexicon").glob("*.json"):
        f.write_text('{"format": 1, "key": "')
    assert snapshot(fresh([str(MINI)])) == want


@pytest.mark.skipif(os.geteuid() == 0, reason="root writes into read-only folders")
def test_a_read_only_cache_folder_is_passed_over_silently(xdg):
    xdg.mkdir()
    xdg.chmod(0o500)
    try:
        want = snapshot(fresh([str(MINI)]))
        assert snapshot(fresh([str(MINI)])) == want
    finally:
        xdg.chmod(0o700)


def test_a_cache_path_that_cannot_be_a_folder_is_passed_over_silently(xdg):
    xdg.write_text("a file where the cache folder would go")
    want = snapshot(fresh([str(MINI)]))
    assert snapshot(fresh([str(MINI)])) == want and xdg.is_file()


def test_a_lexicon_with_errors_is_never_cached(xdg):
    from framing.errors import LexiconError

    with pytest.raises(LexiconError):
        fresh([str(FIX / "bad.toml")])
    assert not list(xdg.rglob("*.json"))


def test_a_folder_of_user_lexicons_takes_the_slow_path(xdg, tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "mini.toml").write_text(MINI.read_text())
    assert cache.cache_key(None, [folder]) is None
    assert {e.canonical for e in fresh([str(folder)]).entries} >= {"daesh"}
