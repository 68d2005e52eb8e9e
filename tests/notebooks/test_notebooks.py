"""The three notebooks execute top to bottom (as CI runs them) and show what they promise."""

from __future__ import annotations

import importlib.util
import time

import nbformat
import pytest
from nbclient import NotebookClient

from framing.paths import FAKES_CSV, PROJECT_ROOT

NOTEBOOKS = PROJECT_ROOT / "notebooks"
#: per-notebook ceiling; the first three together must stay under 5 minutes in CI, the
#: discovery notebook (120 FA-KES articles, no classifier) under one more
BUDGET_S = {"01_framing_card": 60, "02_compare_outlets": 120, "03_custom_lexicon": 120, "04_discover_terms": 60}


def _needs(name: str) -> str | None:
    if name == "01_framing_card":
        return None
    if not FAKES_CSV.exists():
        return f"FA-KES not found at {FAKES_CSV}"
    try:
        import framing.compare as compare
    except ImportError:
        return "framing.compare is not installed"
    if not hasattr(compare, "compare_outlets"):
        return "framing.compare.compare_outlets does not exist yet"
    if importlib.util.find_spec("framing.extract") is None:
        return "framing.extract does not exist yet"
    return None


def _run(name: str) -> tuple[nbformat.NotebookNode, float]:
    path = NOTEBOOKS / f"{name}.ipynb"
    nb = nbformat.read(path, as_version=4)
    assert all(not c.get("outputs") for c in nb.cells if c.cell_type == "code"), (
        f"{path.name} is committed with outputs; clear them")
    t0 = time.perf_counter()
    NotebookClient(nb, timeout=BUDGET_S[name], kernel_name="python3",
                   resources={"metadata": {"path": str(NOTEBOOKS)}}).execute()
    return nb, time.perf_counter() - t0


def _outputs(nb: nbformat.NotebookNode, mime: str) -> list[str]:
    return [o["data"][mime] for c in nb.cells if c.cell_type == "code"
            for o in c.get("outputs", []) if mime in o.get("data", {})]


@pytest.mark.parametrize("name", list(BUDGET_S))
def test_notebook_runs(name):
    if reason := _needs(name):
        pytest.skip(reason)
    nb, seconds = _run(name)
    assert seconds < BUDGET_S[name]
    html = "\n".join(_outputs(nb, "text/html"))
    text = "\n".join(_outputs(nb, "text/plain")) + "\n".join(
        o.get("text", "") for c in nb.cells for o in c.get("outputs", []))
    assert "<table" in html  # DataFrames are shown as tables
    if name == "04_discover_terms":  # suggest -> review -> re-run -> compare, no report
        assert _outputs(nb, "image/png")  # the Fightin' Words plot
        assert "entries still to review" in text and "accepted:" in text
        assert "exact" in html and "rejected" in html  # the re-run knows what was reviewed
        return
    assert ".html" in text and "KiB" in text  # each ends by writing its report
    if name == "01_framing_card":
        assert 'class="framing-card"' in html  # the article displays itself as its card
    else:
        assert "macro_f1" in html  # the classifier scores table
        assert _outputs(nb, "image/png")  # and matplotlib charts
