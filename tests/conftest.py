"""Shared fixtures: the seed article and the shared data sets (skipped when absent)."""

from __future__ import annotations

from pathlib import Path

import pytest

from framing.paths import FAKES_CSV, POLNEAR_JSONL, SEEDS_DIR, SHARED_DIR

SEED_PATH = SEEDS_DIR / "000_89bd3b2a60d6eb6a.txt"
GOLD_PATH = SHARED_DIR / "gold" / "seed-article.json"


@pytest.fixture(scope="session")
def seed_path() -> Path:
    return SEED_PATH


@pytest.fixture(scope="session")
def seed_article() -> dict:
    from framing.io import load_corpus

    return load_corpus([SEED_PATH]).iloc[0].to_dict()


@pytest.fixture(scope="session")
def gold() -> dict:
    import json

    if not GOLD_PATH.exists():
        pytest.skip(f"gold annotations not found at {GOLD_PATH}")
    return json.loads(GOLD_PATH.read_text(encoding="utf-8"))


@pytest.fixture(scope="session")
def fakes():
    if not FAKES_CSV.exists():
        pytest.skip(f"FA-KES not found at {FAKES_CSV}")
    from framing.io.datasets import load_fakes

    return load_fakes()


@pytest.fixture(scope="session")
def polnear_path() -> Path:
    if not POLNEAR_JSONL.exists():
        pytest.skip(f"PolNeAR not found at {POLNEAR_JSONL}")
    return POLNEAR_JSONL
