"""pyphen's en_US patterns from the user cache: pyphen's own hyphenation, parsed once per machine."""

from __future__ import annotations

import json

import pyphen
import pytest

from framing.features import _cmudict

WORDS = ("hyphenation", "Assad", "Aleppo", "misinformation", "zzyzx", "a", "counterterrorism", "Ghouta")


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    """A process of its own: an empty user cache, nothing parsed in memory."""
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(pyphen, "hdcache", {})

    def new_process():
        _cmudict._pyphen.cache_clear()
        pyphen.hdcache.clear()
        return _cmudict._pyphen()

    yield new_process
    _cmudict._pyphen.cache_clear()


def positions(hyphenator) -> list[list[int]]:
    return [list(hyphenator.positions(w)) for w in WORDS]


def test_the_patterns_are_cached_as_json_and_read_back_the_same(fresh, tmp_path, monkeypatch):
    reference = pyphen.HyphDict(pyphen.LANGUAGES["en_US"])
    expected = positions(pyphen.Pyphen(lang="en_US", cache=False))
    first = fresh()
    (stored,) = (tmp_path / "framing" / "pyphen").glob("*.json")
    assert len(json.loads(stored.read_text(encoding="utf-8"))["patterns"].split("\n")) == len(reference.patterns)

    def no_parse(*_a, **_k):
        raise AssertionError("parsed the .dic file although the cache holds it")

    monkeypatch.setattr(pyphen.HyphDict, "__init__", no_parse)
    second = fresh()
    assert second.hd.patterns == reference.patterns and second.hd.maxlen == reference.maxlen
    assert positions(second) == positions(first) == expected


def test_a_damaged_cache_file_is_passed_over(fresh, tmp_path):
    expected = positions(fresh())
    (stored,) = (tmp_path / "framing" / "pyphen").glob("*.json")
    for damage in ("{not json", "[]", '{"ab": [1]}', '{"patterns": "ab", "values": "1:"}',
                   '{"patterns": "ab\\ncd", "values": "1:2"}', '{"patterns": "ab", "values": "x:2"}',
                   '{"patterns": 3, "values": "1:2"}', '{"patterns": "", "values": ""}'):
        stored.write_text(damage, encoding="utf-8")
        assert positions(fresh()) == expected, damage


def test_an_unwritable_cache_only_means_no_cache(fresh, tmp_path):
    (tmp_path / "framing").write_text("a file where the folder would go")
    assert positions(fresh()) == positions(pyphen.Pyphen(lang="en_US", cache=False))
