"""Measure a rendered report in headless Chromium: page height, where an element ends, a screenshot.

The report runs no script (its CSP forbids them), so nothing can be measured from inside the
page. Chromium's DevTools protocol can measure from outside: ``--remote-debugging-pipe``
speaks it over file descriptors 3 and 4 (NUL-terminated JSON), which needs no port, no
websocket library and no script in the page. ``DOM.getBoxModel`` gives an element's box as
laid out, ``Page.getLayoutMetrics`` the whole page's size. Used by the report's browser tests
(the summary fits the first screen) and by ``benchmarks/bench_report.py`` (page height).
"""

from __future__ import annotations

import base64
import json
import os
import shutil
import subprocess
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from framing.errors import FramingError

#: the flags the browser tests use: no network, no first-run work
FLAGS = ("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--hide-scrollbars")


def find_chromium() -> str | None:
    """The first Chromium-like browser on PATH, or None."""
    return next((p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome"))
                 if p), None)


@dataclass
class Layout:
    """What a page looks like at one viewport: sizes in CSS pixels."""

    width: int
    height: int
    page_height: float
    #: CSS selector -> (top, bottom) of its border box, None where nothing matched
    boxes: dict[str, tuple[float, float] | None] = field(default_factory=dict)
    #: the first screen as PNG bytes (None unless asked for)
    screenshot: bytes | None = None


class _Pipe:
    """One DevTools session over Chromium's pipe: send a command, wait for its answer."""

    def __init__(self, proc: subprocess.Popen[bytes], to_browser: int, from_browser: int) -> None:
        self.proc, self.out, self.inp = proc, to_browser, from_browser
        self.buf = b""
        self.next_id = 0
        self.events: list[dict[str, Any]] = []

    def _read(self, deadline: float) -> dict[str, Any]:
        while b"\0" not in self.buf:
            if time.monotonic() > deadline:
                raise FramingError("chromium did not answer in time")
            chunk = os.read(self.inp, 1 << 16)
            if not chunk:
                raise FramingError("chromium closed the DevTools pipe")
            self.buf += chunk
        msg, _, self.buf = self.buf.partition(b"\0")
        return json.loads(msg)

    def call(self, method: str, session: str | None = None, timeout: float = 60,
             **params: Any) -> dict[str, Any]:
        self.next_id += 1
        msg: dict[str, Any] = {"id": self.next_id, "method": method, "params": params}
        if session:
            msg["sessionId"] = session
        os.write(self.out, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        while True:
            got = self._read(deadline)
            if got.get("id") == self.next_id:
                if "error" in got:
                    raise FramingError(f"chromium: {method}: {got['error'].get('message')}")
                return got.get("result") or {}
            self.events.append(got)

    def wait_event(self, method: str, timeout: float = 60) -> dict[str, Any]:
        for i, e in enumerate(self.events):
            if e.get("method") == method:
                return self.events.pop(i)
        deadline = time.monotonic() + timeout
        while True:
            got = self._read(deadline)
            if got.get("method") == method:
                return got
            self.events.append(got)


def measure(page: str | Path, selectors: tuple[str, ...] = (), width: int = 1280,
            height: int = 800, screenshot: bool = False, chromium: str | None = None,
            timeout: float = 120, fragment: str = "") -> Layout:
    """Load ``page`` (at ``#fragment`` when given) at a ``width`` x ``height`` viewport and
    measure it (no script runs)."""
    exe = chromium or find_chromium()
    if exe is None:
        raise FramingError("chromium is not installed (Debian: apt-get install chromium)")
    url = Path(page).resolve().as_uri() + (f"#{fragment}" if fragment else "")
    to_r, to_w = os.pipe()      # we write commands to to_w; chromium reads fd 3
    from_r, from_w = os.pipe()  # chromium writes fd 4; we read from_r
    with tempfile.TemporaryDirectory(prefix="framing-chromium-") as profile:
        proc = subprocess.Popen(
            [exe, *FLAGS, "--remote-debugging-pipe", f"--user-data-dir={profile}",
             f"--window-size={width},{height}", "about:blank"],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            pass_fds=(3, 4), preexec_fn=lambda: _onto_3_and_4(to_r, from_w),
        )
        os.close(to_r)
        os.close(from_w)
        cdp = _Pipe(proc, to_w, from_r)
        try:
            return _measure(cdp, url, selectors, width, height, screenshot, timeout)
        finally:
            try:
                cdp.call("Browser.close", timeout=10)
            except (FramingError, OSError):
                pass
            os.close(to_w)
            os.close(from_r)
            try:
                proc.wait(timeout=20)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait()


def _onto_3_and_4(read_end: int, write_end: int) -> None:
    """In the child: chromium reads commands on fd 3 and writes answers on fd 4."""
    import fcntl

    hi_r = fcntl.fcntl(read_end, fcntl.F_DUPFD, 10)  # above 4 first: either end may be 3 or 4
    hi_w = fcntl.fcntl(write_end, fcntl.F_DUPFD, 10)
    os.dup2(hi_r, 3)
    os.dup2(hi_w, 4)


def _measure(cdp: _Pipe, url: str, selectors: tuple[str, ...], width: int, height: int,
             screenshot: bool, timeout: float) -> Layout:
    target = cdp.call("Target.createTarget", url="about:blank", timeout=timeout)["targetId"]
    sid = cdp.call("Target.attachToTarget", targetId=target, flatten=True)["sessionId"]
    cdp.call("Emulation.setDeviceMetricsOverride", sid, width=width, height=height,
             deviceScaleFactor=1, mobile=False)
    cdp.call("Page.enable", sid)
    cdp.call("Page.navigate", sid, url=url, timeout=timeout)
    cdp.wait_event("Page.loadEventFired", timeout=timeout)
    metrics = cdp.call("Page.getLayoutMetrics", sid)
    size = metrics.get("cssContentSize") or metrics.get("contentSize") or {}
    root = cdp.call("DOM.getDocument", sid, depth=0)["root"]["nodeId"]
    boxes: dict[str, tuple[float, float] | None] = {}
    for sel in selectors:
        node = cdp.call("DOM.querySelector", sid, nodeId=root, selector=sel).get("nodeId")
        if not node:
            boxes[sel] = None
            continue
        quad = cdp.call("DOM.getBoxModel", sid, nodeId=node)["model"]["border"]
        ys = quad[1::2]
        boxes[sel] = (float(min(ys)), float(max(ys)))
    png = None
    if screenshot:
        shot = cdp.call("Page.captureScreenshot", sid, format="png", timeout=timeout)
        png = base64.b64decode(shot["data"])
    return Layout(width, height, float(size.get("height", 0.0)), boxes, png)
