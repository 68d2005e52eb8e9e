"""The collector during start-up: off until the first result, then on again as it was."""

from __future__ import annotations

import gc

import pytest

from framing.collector import first_without_collector


def _watched(n: int, fail_at: int | None = None):
    for i in range(n):
        if i == fail_at:
            raise ValueError("bad article")
        yield i, gc.isenabled(), gc.get_freeze_count() > 0


def test_the_collector_is_off_for_the_first_item_only_and_restored_after():
    assert gc.isenabled() and gc.get_freeze_count() == 0
    got = list(first_without_collector(_watched(3)))
    assert [on for _, on, _ in got] == [False, True, True]
    assert [frozen for _, _, frozen in got] == [False, True, True]  # start-up frozen after the first
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_failure_before_the_first_item_restores_the_collector():
    with pytest.raises(ValueError):
        list(first_without_collector(_watched(3, fail_at=0)))
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_a_collector_that_was_off_stays_off():
    gc.disable()
    try:
        assert [on for _, on, _ in first_without_collector(_watched(2))] == [False, False]
        assert not gc.isenabled()
    finally:
        gc.enable()
