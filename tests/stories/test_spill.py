"""The disk spill: records come back by position, and the file goes away."""

from __future__ import annotations

import os

import numpy as np
import pytest

from framing.stories.spill import RecordSpill


def test_records_come_back_in_any_order_and_the_file_is_removed() -> None:
    with RecordSpill() as spill:
        for k in range(5):
            spill.append((f"a{k}", np.arange(k)))
        path = spill.path
        assert [spill.get(i)[0] for i in (3, 0, 4)] == ["a3", "a0", "a4"]
        assert spill.get(2)[1].tolist() == [0, 1] and len(spill) == 5
        with pytest.raises(RuntimeError):
            spill.append("late")
    assert not os.path.exists(path)

