"""Helpers shared by the sourcing tests."""

from __future__ import annotations

from typing import Any

import pytest

from framing.sourcing.attribution import attributions
from framing.text import Document


def extract_all(text: str) -> list[dict[str, Any]]:
    return attributions(Document(text))


@pytest.fixture()
def atts():
    return extract_all
