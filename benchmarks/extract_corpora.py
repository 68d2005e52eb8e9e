"""The corpora ``bench_extract.py`` times, built from ../shared/data (never committed).

- ``fakes``: FA-KES as ``framing.io.datasets.load_fakes`` reads it (804 articles, mean
  ~1,900 characters, most punctuation lost), repeated with fresh ids.
- ``news``: ordinary news articles of 4-8 kB (UTF-8) assembled from PolNeAR's texts
  (1,008 hard-news articles on the 2016 US election from 7 publishers; training split):
  an article of 4-8 kB is kept whole; a longer one is cut at the last paragraph break
  before 8 kB; shorter ones are joined, in file order, with a blank line, until the
  join reaches 4 kB (a join past 8 kB is dropped). That gives 570 distinct texts of
  mean ~6.2 kB, repeated in order with fresh ids to the size asked for. Each keeps the
  publisher of its first part as its outlet.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pandas as pd

NEWS_MIN_BYTES, NEWS_MAX_BYTES = 4000, 8000


def _size(text: str) -> int:
    return len(text.encode("utf-8"))


def news_bases(path: Path) -> list[dict[str, Any]]:
    """The distinct 4-8 kB news texts, in file order (see the module docstring)."""
    seen: set[str] = set()
    rows: list[dict[str, Any]] = []
    with path.open(encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            if r["text"] not in seen:  # some articles were annotated twice
                seen.add(r["text"])
                rows.append(r)
    out: list[dict[str, Any]] = []
    pending: list[dict[str, Any]] = []
    for r in rows:
        text, n = r["text"], _size(r["text"])
        if n > NEWS_MAX_BYTES:
            kept: list[str] = []
            for para in text.split("\n\n"):
                if _size("\n\n".join([*kept, para])) > NEWS_MAX_BYTES:
                    break
                kept.append(para)
            text = "\n\n".join(kept)
            if _size(text) >= NEWS_MIN_BYTES:
                out.append({"id": r["id"], "text": text, "outlet": r["publisher"]})
        elif n >= NEWS_MIN_BYTES:
            out.append({"id": r["id"], "text": text, "outlet": r["publisher"]})
        else:
            pending.append(r)
            joined = "\n\n".join(p["text"] for p in pending)
            if _size(joined) >= NEWS_MIN_BYTES:
                if _size(joined) <= NEWS_MAX_BYTES:
                    out.append({"id": pending[0]["id"], "text": joined, "outlet": pending[0]["publisher"]})
                pending = []
    return out


def repeated(base: pd.DataFrame, n: int) -> pd.DataFrame:
    """``base`` repeated in order to ``n`` rows, each copy's ids suffixed ``-<copy>``."""
    parts, made, rep = [], 0, 0
    while made < n:
        part = base.iloc[: n - made].copy()
        part["id"] = part["id"].astype(str) + f"-{rep}"
        parts.append(part)
        made += len(part)
        rep += 1
    return pd.concat(parts, ignore_index=True)


def fakes(n: int) -> pd.DataFrame:
    from framing.io.datasets import load_fakes

    df = load_fakes()
    keep = ["id", "text", "title", "outlet", "date", "label"]
    return repeated(df[[c for c in keep if c in df.columns]], n)


def news(n: int) -> pd.DataFrame:
    from framing.paths import POLNEAR_JSONL

    return repeated(pd.DataFrame(news_bases(POLNEAR_JSONL)), n)


def available() -> dict[str, bool]:
    from framing.paths import FAKES_CSV, POLNEAR_JSONL

    return {"fakes": FAKES_CSV.exists(), "news": POLNEAR_JSONL.exists()}


def build(name: str, n: int) -> pd.DataFrame:
    return {"fakes": fakes, "news": news}[name](n)


def describe(df: pd.DataFrame) -> str:
    sizes = df["text"].map(_size)
    return (
        f"{len(df):,} articles ({df['text'].nunique():,} distinct), "
        f"{sizes.mean() / 1000:.1f} kB mean ({sizes.min() / 1000:.1f}-{sizes.max() / 1000:.1f})"
    )
