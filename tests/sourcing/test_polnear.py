"""Regression guard on a slice of the PolNeAR dev split (the full evaluation is
benchmarks/eval_attribution.py; this only catches a collapse, quickly)."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from framing.paths import PROJECT_ROOT


def test_precision_and_recall_on_dev_slice(polnear_path: Path) -> None:
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        import eval_attribution as ev
    finally:
        sys.path.pop(0)
    with polnear_path.open(encoding="utf-8") as f:
        recs = [json.loads(line) for line in f]
    dev = [r for r in recs if ev.split_of(r["id"]) == "dev"][:60]
    if len(dev) < 30:
        pytest.skip("PolNeAR dev slice too small")
    res = ev.evaluate(dev)["speech/reporting cues"]
    assert res["precision"] >= 0.8
    assert res["recall"] >= 0.6


def test_split_is_deterministic_and_keeps_double_annotations_together() -> None:
    sys.path.insert(0, str(PROJECT_ROOT / "benchmarks"))
    try:
        import eval_attribution as ev
    finally:
        sys.path.pop(0)
    assert ev.split_of("nyt_2016-01-01_x_4b22") == ev.split_of("nyt_2016-01-01_x_d473")
    assert {ev.split_of(f"a_{i}_x") for i in range(40)} == {"dev", "test"}
