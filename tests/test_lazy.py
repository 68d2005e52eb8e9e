"""framing.lazy: a package's names resolve on first use, and only listed names do."""

from __future__ import annotations

import subprocess
import sys

import pytest

from framing.lazy import lazy_getattr


def test_listed_name_resolves_and_other_names_raise() -> None:
    get = lazy_getattr("pkg", {"dumps": "json"})
    import json

    assert get("dumps") is json.dumps
    with pytest.raises(AttributeError, match="module 'pkg' has no attribute 'loads'"):
        get("loads")


def test_package_import_defers_the_module() -> None:
    code = (
        "import sys, framing.io\n"
        "before = 'framing.io.loaders' in sys.modules\n"
        "framing.io.load_corpus\n"
        "print(before, 'framing.io.loaders' in sys.modules)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, check=True)
    assert out.stdout.split() == ["False", "True"]
