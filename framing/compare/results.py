"""What a comparison returns (``ComparisonResult``) and how it is written to a results folder."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.compare import io as cio


@dataclass
class ComparisonResult:
    """Everything ``framing compare`` reports; ``summary`` is summary.json."""

    summary: dict[str, Any]
    stats: pd.DataFrame
    pairwise: pd.DataFrame
    confusion: dict[str, pd.DataFrame]
    similarity: pd.DataFrame
    profiles: pd.DataFrame
    linkage: np.ndarray
    linkage_labels: list[str]
    top_features: pd.DataFrame
    predictions: pd.DataFrame
    per_outlet: pd.DataFrame
    credibility: pd.DataFrame | None = None
    ratings: pd.DataFrame | None = None
    model_bundle: dict[str, Any] | None = field(default=None, repr=False)
    #: per group, referent and name: pooled share, mentions, articles, Wilson interval
    naming_shares: pd.DataFrame | None = None


def write_results(result: ComparisonResult, out_dir: str | Path) -> Path:
    """Write the tidy tables, summary.json and model.skops into ``out_dir``."""
    out = Path(out_dir)
    out.mkdir(parents=True, exist_ok=True)
    by = result.summary.get("by", "outlet")
    cio.write_csv(result.stats, out / "stats_kruskal.csv")
    cio.write_parquet(result.pairwise, out / "stats_pairwise.parquet")
    cio.write_csv(result.pairwise, out / "stats_pairwise.csv")
    cio.write_csv(result.per_outlet, out / "per_outlet.csv")
    tidy = [
        cm.stack().rename("count").reset_index().assign(model=k)[["model", "true", "predicted",
                                                                  "count"]]
        for k, cm in result.confusion.items()
    ]
    if tidy:
        cio.write_csv(pd.concat(tidy, ignore_index=True), out / "confusion.csv")
    top = result.top_features.copy()
    if len(top):
        top["examples"] = top["examples"].map(lambda xs: " || ".join(xs))
    cio.write_csv(top, out / "top_features.csv")
    cio.write_csv(result.similarity.rename_axis(by).reset_index(), out / "similarity.csv")
    cio.write_csv(result.profiles.copy().rename_axis(by).reset_index(), out / "profiles.csv")
    link = pd.DataFrame(result.linkage, columns=["left", "right", "distance", "size"])
    cio.write_csv(link, out / "linkage.csv")
    cio.write_csv(result.predictions, out / "predictions.csv")
    if result.naming_shares is not None:
        cio.write_csv(result.naming_shares, out / "naming_shares.csv")
    if result.credibility is not None:
        cio.write_csv(result.credibility, out / "credibility_features.csv")
    if result.ratings is not None:
        cio.write_csv(result.ratings, out / "ratings_correlation.csv")
    if result.model_bundle is not None:
        cio.save_model(result.model_bundle, out / "model.skops")
    summary = dict(result.summary)
    summary["linkage_labels"] = result.linkage_labels
    cio.write_json(summary, out / "summary.json")
    return out
