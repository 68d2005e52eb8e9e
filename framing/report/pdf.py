"""The report as PDF: the same HTML rendered by WeasyPrint, fetching nothing but data: URLs."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from framing.atomic import write_atomic
from framing.errors import FramingError


def _require_weasyprint() -> Callable[..., Any]:
    try:
        from weasyprint import HTML
    except ImportError as exc:
        raise FramingError(
            "--pdf needs WeasyPrint: pip install 'framing[pdf]' (and the pango libraries, "
            f"Debian: libpango-1.0-0 libpangoft2-1.0-0); import failed: {exc}"
        ) from None
    except OSError as exc:  # the Python package is there but its system libraries are not
        raise FramingError(
            "--pdf: WeasyPrint cannot load its system libraries (Debian: apt-get install "
            f"libpango-1.0-0 libpangoft2-1.0-0): {exc}"
        ) from None
    return HTML


def write_pdf(html: str, path: Path) -> Path:
    """Render the same HTML to PDF; no base URL, so nothing outside the file is fetched."""
    html_cls = _require_weasyprint()
    try:  # WeasyPrint >= 68: a fetcher restricted to data: URLs (the heatmaps' pixels)
        from weasyprint import URLFetcher

        fetcher: Any = URLFetcher(allowed_protocols=["data"])
    except ImportError:  # older WeasyPrint: wrap its default fetcher
        from weasyprint import default_url_fetcher

        def fetcher(url: str, *args: Any, **kwargs: Any) -> Any:
            if url.startswith("data:"):
                return default_url_fetcher(url, *args, **kwargs)
            raise ValueError(f"the report does not fetch {url!r}")

    data = html_cls(string=html, url_fetcher=fetcher).write_pdf()
    return write_atomic(path, data)
