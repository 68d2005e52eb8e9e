"""The reports as a reader sees them: rendered by headless Chromium, screenshot, no script run.

Fails on any console message (the report has no scripts, so any message is a CSP refusal,
a failed fetch or an injected script) and on any live ``<script>``/``onerror`` in the DOM.
Screenshots go to ``$FRAMING_SCREENSHOT_DIR`` when set (to look at them), else tmp.

The first screen is measured, not guessed: ``framing.report.browser.measure`` loads the page at
a 1280 x 800 viewport and asks Chromium over its DevTools pipe for the summary's border box
(``DOM.getBoxModel``) and the page's laid-out height (``Page.getLayoutMetrics``); no script
runs in the page.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from html.parser import HTMLParser
from pathlib import Path

import pytest

from framing.paths import FAKES_CSV, REPORTS_DIR, SEEDS_DIR
from framing.report import build_report
from framing.report.browser import measure

from .fakes import _corpus

INJECT = "<script>document.title='PWNED';console.log('PWNED')</script>"
INJECT_IMG = "<img src=x onerror=\"document.title='PWNED'\">"
CHROMIUM = next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                 if p), None)
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="chromium is not installed (Debian: apt-get install chromium)")
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]


class _Dom(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.title = ""
        self.scripts = 0
        self.handlers: list[str] = []
        self._in_title = False

    def handle_starttag(self, tag, attrs):
        self.scripts += tag == "script"
        self.handlers += [f"{tag} {k}" for k, _ in attrs if k.startswith("on")]
        self._in_title = tag == "title"

    def handle_endtag(self, tag):
        self._in_title = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data


def _chromium(page: Path, tmp: Path, *args: str) -> subprocess.CompletedProcess[str]:
    profile = tmp / "profile"
    return subprocess.run(
        [CHROMIUM, *FLAGS, f"--user-data-dir={profile}", *args, page.resolve().as_uri()],
        capture_output=True, text=True, timeout=120, check=False,
    )


def _check_in_browser(page: Path, tmp: Path, name: str) -> _Dom:
    run = _chromium(page, tmp, "--enable-logging=stderr", "--v=0", "--dump-dom")
    assert run.returncode == 0, run.stderr[-2000:]
    console = [ln for ln in run.stderr.splitlines() if ":CONSOLE" in ln]
    assert not console, f"console messages in {page.name}: {console[:5]}"
    dom = _Dom()
    dom.feed(run.stdout)
    assert "PWNED" not in dom.title
    assert dom.scripts == 0, f"{dom.scripts} <script> element(s) in {page.name}"
    assert not dom.handlers, dom.handlers[:5]
    shots = Path(os.environ.get("FRAMING_SCREENSHOT_DIR") or tmp)
    shots.mkdir(parents=True, exist_ok=True)
    png = shots / f"{name}.png"
    run = _chromium(page, tmp, f"--screenshot={png}", "--window-size=1280,4000",
                    "--hide-scrollbars")
    assert run.returncode == 0 and png.stat().st_size > 20_000, run.stderr[-2000:]
    return dom


def test_seed_report_in_browser(tmp_path):
    from framing.io import load_corpus

    corpus = load_corpus([SEEDS_DIR])
    corpus.loc[0, "text"] += f"\n\nInjected: {INJECT} and {INJECT_IMG}"
    page = build_report(corpus, tmp_path / "seeds.html", progress=False)
    dom = _check_in_browser(page, tmp_path, "seeds")
    assert dom.title.startswith("Framing card")
    assert "Injected: <script>document.title" in page.read_text("utf-8").replace(
        "&lt;", "<").replace("&gt;", ">").replace("&#39;", "'")


def test_committed_example_in_browser(tmp_path):
    page = REPORTS_DIR / "seed-example.html"
    if not page.exists():
        pytest.skip(f"{page} not generated yet")
    assert page.stat().st_size < 2_000_000
    _check_in_browser(page, tmp_path, "seed-example")


@pytest.mark.skipif(not FAKES_CSV.exists(), reason=f"FA-KES not found at {FAKES_CSV}")
def test_two_outlet_fakes_report_in_browser(tmp_path):
    from framing.io.datasets import load_fakes

    df = load_fakes()
    two = df["outlet"].value_counts().index[:2]
    df = df[df["outlet"].isin(two)].groupby("outlet").head(15).reset_index(drop=True)
    df.loc[0, "text"] = f"{INJECT} {df.loc[0, 'text']} {INJECT_IMG}"
    df.loc[0, "title"] = INJECT
    page = build_report(df, tmp_path / "fakes2.html", max_cards=2, progress=False,
                        compare_options={"n_boot": 200, "n_coef_boot": 10})
    dom = _check_in_browser(page, tmp_path, "fakes-two-outlets")
    assert dom.title == "Framing report: fakes2"
    html = page.read_text("utf-8")
    assert "2 Per outlet" in html and "3 Comparison of outlets" in html
    _summary_fits_first_screen(page)


def _summary_fits_first_screen(page: Path) -> None:
    lay = measure(page, ("#summary", "#cards"), width=1280, height=800)
    top, bottom = lay.boxes["#summary"]
    assert 0 < top < bottom < 800, (top, bottom)
    assert lay.boxes["#cards"][0] > bottom  # the summary comes before the evidence


def test_summary_fits_the_first_screen_and_sections_are_folded(tmp_path, fake_analysis):
    page = build_report(_corpus(outlets=("Press TV", "Reuters", "SANA", "Al Masdar News",
                                         "The Long Name of a Regional Outlet")),
                        tmp_path / "r.html", progress=False)
    _check_in_browser(page, tmp_path, "summary-fake")
    _summary_fits_first_screen(page)
    folded = measure(page).page_height
    unfolded = measure(build_report(_corpus(outlets=("Press TV", "Reuters", "SANA",
                                                      "Al Masdar News",
                                                      "The Long Name of a Regional Outlet")),
                                    tmp_path / "open.html", progress=False, fold=False)
                       ).page_height
    assert folded < 1600 < unfolded, (folded, unfolded)
    # a summary link opens the folded section it points into (fragment navigation, no script)
    opened = measure(page, ("#comparison", "#cmp-scores"), fragment="cmp-scores")
    top, bottom = opened.boxes["#comparison"]
    assert bottom - top > 400 and -5 < opened.boxes["#cmp-scores"][0] < 800, opened.boxes
