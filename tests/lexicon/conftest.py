"""Shared fixtures of the lexicon tests."""

from __future__ import annotations

import pytest

from framing.lexicon import load as load_mod


@pytest.fixture
def empty_bundle(tmp_path, monkeypatch):
    """An empty bundled-lexicon folder, so tests do not depend on the bundled data."""
    d = tmp_path / "bundle"
    d.mkdir()
    monkeypatch.setattr(load_mod._paths, "LEXICON_DIR", d)
    load_mod._CACHE.clear()
    yield d
    load_mod._CACHE.clear()
