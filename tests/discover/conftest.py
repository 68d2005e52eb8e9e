"""Fixtures for the discovery tests."""

from __future__ import annotations

import pandas as pd
import pytest

from .synthetic import make_articles


@pytest.fixture(scope="module")
def articles() -> pd.DataFrame:
    return make_articles()
