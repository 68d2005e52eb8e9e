import json
import math

import numpy as np
import pandas as pd
import pytest

from framing.compare.io import load_model, save_model, write_csv, write_json
from framing.errors import InputError


def test_json_is_atomic_and_nan_free(tmp_path):
    path = tmp_path / "sub" / "s.json"
    write_json({"a": np.float64(1.5), "b": math.nan, "c": np.arange(2)}, path)
    assert json.loads(path.read_text()) == {"a": 1.5, "b": None, "c": [0, 1]}
    assert [p.name for p in path.parent.iterdir()] == ["s.json"]


def test_failed_write_leaves_nothing(tmp_path):
    class Boom(pd.DataFrame):
        def to_csv(self, *a, **k):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv(Boom({"a": [1]}), tmp_path / "t.csv")
    assert list(tmp_path.iterdir()) == []


def test_model_file_errors_are_one_line(tmp_path):
    with pytest.raises(InputError, match="no such model file"):
        load_model(tmp_path / "missing.skops")
    bad = tmp_path / "bad.skops"
    bad.write_text("not a zip")
    with pytest.raises(InputError, match="not a skops model file"):
        load_model(bad)


class Gadget:
    """Stands for code nobody vetted inside a model file."""

    def __init__(self) -> None:
        self.payload = 1


def test_untrusted_types_are_refused(tmp_path):
    path = tmp_path / "m.skops"
    save_model({"model": Gadget()}, path)
    with pytest.raises(InputError, match="does not trust"):
        load_model(path)
