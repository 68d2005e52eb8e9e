"""Fixtures for the report tests; the fakes themselves live in ``fakes.py``."""

from __future__ import annotations

from typing import Any

import pytest

from .fakes import make_analysis


@pytest.fixture
def analysis() -> dict[str, Any]:
    return make_analysis()
