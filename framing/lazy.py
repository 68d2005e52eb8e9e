"""Module attributes imported on first use (PEP 562), for packages whose imports are costly.

``framing analyze FILE`` must not pay for pandas, scikit-learn or pydantic schemas that it
never touches, yet ``from framing.io import load_corpus`` and the other public paths should
keep working: a package lists which module defines each name, and this builds its
``__getattr__``.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any


def lazy_getattr(package: str, where: Mapping[str, str]) -> Callable[[str], Any]:
    """A module ``__getattr__`` for ``package``: ``where`` maps a name to the module that
    defines it, imported when the name is first read."""

    def __getattr__(name: str) -> Any:
        if name in where:
            return getattr(importlib.import_module(where[name]), name)
        raise AttributeError(f"module {package!r} has no attribute {name!r}")

    return __getattr__
