"""Charts as inline SVG strings (matplotlib): the report stays one file with no fetches.

Figures are built with matplotlib's object API (``Figure``, no pyplot), so making a report
neither changes the backend of a notebook that imports us nor keeps figures alive.

Text is written as SVG ``<text>`` (``svg.fonttype = none``), which matplotlib escapes,
so labels from the data (outlet names) stay text and the files stay small. Each chart
gets its own id salt so the clip-path ids of several charts in one page cannot collide.
"""

from __future__ import annotations

import io
import re
from collections.abc import Sequence

import matplotlib
import matplotlib.colors
import matplotlib.ticker
import numpy as np
import pandas as pd
from markupsafe import Markup
from matplotlib.axes import Axes
from matplotlib.figure import Figure

#: colour-blind-safe qualitative palette (Okabe & Ito), then tab20 for more groups
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#CC79A7", "#56B4E9", "#D55E00", "#F0E442",
           "#000000"]
_RC = {
    "svg.fonttype": "none",
    "font.family": "sans-serif",
    "font.size": 9.5,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.titlesize": 11,
    "axes.titleweight": "bold",
    "figure.dpi": 100,
}
_XML_HEAD = re.compile(r"^.*?(?=<svg)", re.S)
_ID_REF = re.compile(r'(\bid="|url\(#|href="#)([^")]+)')


def colors(n: int) -> list[str]:
    if n <= len(PALETTE):
        return PALETTE[:n]
    cmap = matplotlib.colormaps["tab20"]
    return [matplotlib.colors.to_hex(cmap(i % 20)) for i in range(n)]


def to_svg(fig: Figure, key: str) -> Markup:
    """Serialise and close the figure; strip the XML prolog so it can sit inside HTML."""
    buf = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": key}):
        fig.savefig(buf, format="svg", bbox_inches="tight", metadata={"Date": None})
    svg = _XML_HEAD.sub("", buf.getvalue(), count=1)
    # matplotlib numbers its ids per figure (axes_1, patch_1): prefix them with the chart
    # key so several charts in one page keep unique ids and their url(#...) references
    prefix = re.sub(r"[^A-Za-z0-9_-]", "-", key)
    svg = _ID_REF.sub(lambda m: f"{m.group(1)}{prefix}-{m.group(2)}", svg)
    # scale with the page instead of overflowing it
    svg = re.sub(r'<svg([^>]*?) width="([\d.]+)pt" height="([\d.]+)pt"',
                 r'<svg\1 width="100%" style="max-width:\2pt;height:auto"', svg, count=1)
    return Markup(svg)


def _figure(width: float, height: float) -> tuple[Figure, Axes]:
    fig = Figure(figsize=(width, height))
    return fig, fig.add_subplot()


def _style(ax: Axes) -> None:
    ax.spines["top"].set_visible(False)
    ax.spines["right"].set_visible(False)


def hbar(values: pd.Series, title: str, xlabel: str, key: str) -> Markup:
    """One horizontal bar per category, largest on top, value printed at the bar end."""
    values = values.sort_values()
    with matplotlib.rc_context(_RC):
        fig, ax = _figure(6, 0.7 + 0.3 * len(values))
        ax.barh([str(i) for i in values.index], values.to_numpy(), color=PALETTE[0])
        for y, v in enumerate(values.to_numpy()):
            ax.text(v, y, f" {v:g}", va="center", fontsize=8.5)
        ax.set_title(title, loc="left")
        ax.set_xlabel(xlabel)
        ax.margins(x=0.12)
        _style(ax)
        return to_svg(fig, key)


#: the colour of a bar resting on fewer than the minimum number of articles
THIN_COLOR = "#e4e4e4"


def stacked_hbar(shares: pd.DataFrame, title: str, key: str, xlabel: str = "share",
                 color_map: dict[str, str] | None = None, counts: pd.Series | None = None,
                 articles: pd.Series | None = None, min_n: int = 0) -> Markup:
    """Rows = groups, columns = parts summing to 1; the legend sits below the bars.

    ``counts`` (the number of items behind each row) is printed at the bar end so a
    reader can tell a 100 % bar resting on 2 mentions from one resting on 200. A row whose
    ``articles`` is under ``min_n`` is drawn grey, without percentages, and says so: a share
    from two articles is not a finding.
    """
    shares = shares.iloc[::-1]
    thin = np.array([articles is not None and int(articles.get(i, 0)) < min_n
                     for i in shares.index], dtype=bool)
    cols = list(shares.columns)
    pal = color_map or {}
    used = set(pal.values())  # auto colours must not repeat a mapped one (person vs unknown)
    auto = iter([c for c in colors(len(cols) + len(used)) if c not in used])
    cmap = {c: pal.get(c) or next(auto) for c in cols}
    with matplotlib.rc_context(_RC):
        fig, ax = _figure(7.5, 0.9 + 0.32 * len(shares) + 0.22 * ((len(cols) + 3) // 4))
        left = np.zeros(len(shares))
        labels = [str(i) for i in shares.index]
        for c in cols:
            v = shares[c].fillna(0).to_numpy(dtype=float)
            ax.barh(labels, v, left=left, color=[THIN_COLOR if t else cmap[c] for t in thin],
                    label=str(c), edgecolor="white", linewidth=0.5)
            for y, (x0, w) in enumerate(zip(left, v, strict=True)):
                if w >= 0.08 and not thin[y]:
                    ax.text(x0 + w / 2, y, f"{w:.0%}", ha="center", va="center", fontsize=7.5,
                            color="white" if _dark(cmap[c]) else "black")
            left += v
        if counts is not None or articles is not None:
            for y, idx in enumerate(shares.index):
                parts = [f"n={int(counts.get(idx, 0))}"] if counts is not None else []
                if articles is not None:
                    parts.append(f"{int(articles.get(idx, 0))} art.")
                    if thin[y]:
                        parts.append(f"under {min_n}: grey")
                ax.text(1.01, y, ", ".join(parts), va="center", fontsize=7.5, color="#555")
        ax.set_xlim(0, 1)
        ax.xaxis.set_major_formatter(matplotlib.ticker.PercentFormatter(1.0))
        ax.set_title(title, loc="left")
        ax.set_xlabel(xlabel)
        leg = ax.legend(loc="upper center",
                        bbox_to_anchor=(0.5, -0.5 / max(len(shares), 1) - 0.12),
                        ncol=min(4, len(cols)), frameon=False, fontsize=8.5)
        for patch, c in zip(leg.get_patches(), cols, strict=False):
            patch.set_facecolor(cmap[c])  # the legend shows the colour, not a grey first row
        _style(ax)
        return to_svg(fig, key)


def grouped_bars(df: pd.DataFrame, title: str, xlabel: str, key: str,
                 articles: pd.Series | None = None, min_n: int = 0) -> Markup:
    """Rows = groups down the side (long outlet names stay readable), columns = bars
    side by side within each group (e.g. narrator vs quoted). Groups with fewer than
    ``min_n`` ``articles`` are drawn grey and labelled so."""
    n, k = df.shape
    thin = np.array([articles is not None and int(articles.get(i, 0)) < min_n
                     for i in df.index], dtype=bool)
    height = 0.8 / max(k, 1)
    y = np.arange(n)[::-1]
    with matplotlib.rc_context(_RC):
        fig, ax = _figure(7, 0.9 + 0.22 * n * max(k, 1))
        for j, (c, col) in enumerate(zip(df.columns, colors(k), strict=True)):
            ax.barh(y + ((k - 1) / 2 - j) * height, df[c].fillna(0).to_numpy(dtype=float),
                    height, label=str(c), color=[THIN_COLOR if t else col for t in thin])
        ax.set_yticks(y, [f"{i} ({int(articles.get(i, 0))} art., under {min_n})" if t else str(i)
                          for i, t in zip(df.index, thin, strict=True)])
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        leg = ax.legend(frameon=False, loc="lower right")
        for patch, col in zip(leg.get_patches(), colors(k), strict=False):
            patch.set_facecolor(col)
        _style(ax)
        return to_svg(fig, key)


def timeline(counts: pd.DataFrame, title: str, key: str) -> Markup:
    """Articles per period (index) stacked by group (columns)."""
    with matplotlib.rc_context(_RC):
        fig, ax = _figure(8, 3.2)
        bottom = np.zeros(len(counts))
        labels = [str(i) for i in counts.index]
        x = np.arange(len(labels))
        for c, col in zip(counts.columns, colors(counts.shape[1]), strict=True):
            v = counts[c].to_numpy(dtype=float)
            ax.bar(x, v, bottom=bottom, label=str(c), color=col, width=0.85)
            bottom += v
        step = max(1, len(labels) // 14)
        ax.set_xticks(x[::step], labels[::step], rotation=45, ha="right")
        ax.set_ylabel("articles")
        ax.set_title(title, loc="left")
        if counts.shape[1] > 1:
            ax.legend(frameon=False, fontsize=8, ncol=1 + counts.shape[1] // 8,
                      loc="upper left", bbox_to_anchor=(1.0, 1.0))
        _style(ax)
        return to_svg(fig, key)


def heatmap(df: pd.DataFrame, title: str, key: str, cmap: str = "RdBu", center: float | None = 0,
            fmt: str = "{:.2f}", cbar_label: str = "", xlabel: str = "", ylabel: str = ""
            ) -> Markup:
    """A labelled matrix with the value in each cell (blank where missing)."""
    data = df.to_numpy(dtype=float)
    finite = data[np.isfinite(data)]
    if center is not None and finite.size:
        lim = max(abs(finite.min() - center), abs(finite.max() - center)) or 1.0
        vmin, vmax = center - lim, center + lim
    else:
        vmin, vmax = (finite.min(), finite.max()) if finite.size else (0, 1)
    n_r, n_c = data.shape
    with matplotlib.rc_context(_RC):
        fig, ax = _figure(min(12.0, 2.2 + 0.75 * n_c), 1.2 + 0.36 * n_r)
        im = ax.imshow(np.ma.masked_invalid(data), cmap=cmap, vmin=vmin, vmax=vmax,
                       aspect="auto")
        ax.set_xticks(range(n_c), [str(c) for c in df.columns], rotation=40, ha="right")
        ax.set_yticks(range(n_r), [str(i) for i in df.index])
        norm = im.norm
        annotate = n_r * n_c <= 150
        for i in range(n_r if annotate else 0):
            for j in range(n_c):
                v = data[i, j]
                if np.isfinite(v):
                    dark = _dark(matplotlib.colors.to_hex(im.cmap(norm(v))))
                    ax.text(j, i, fmt.format(v), ha="center", va="center", fontsize=7.5,
                            color="white" if dark else "black")
        cb = fig.colorbar(im, ax=ax, fraction=0.04, pad=0.02)
        cb.set_label(cbar_label)
        ax.set_title(title, loc="left")
        ax.set_xlabel(xlabel)
        ax.set_ylabel(ylabel)
        for s in ax.spines.values():
            s.set_visible(False)
        return to_svg(fig, key)


def dendrogram(linkage: np.ndarray, labels: Sequence[str], title: str, key: str) -> Markup:
    """Outlet similarity tree (scipy's dendrogram drawn on our axes)."""
    from scipy.cluster.hierarchy import dendrogram as _dendro

    with matplotlib.rc_context(_RC):
        fig, ax = _figure(7, 0.8 + 0.3 * len(labels))
        _dendro(np.asarray(linkage, dtype=float), labels=[str(x) for x in labels],
                orientation="left", ax=ax, color_threshold=0, above_threshold_color="#333")
        ax.set_title(title, loc="left")
        ax.set_xlabel("distance")
        _style(ax)
        ax.spines["left"].set_visible(False)
        return to_svg(fig, key)


def interval_plot(df: pd.DataFrame, title: str, key: str, xlabel: str,
                  chance: float | None = None) -> Markup:
    """Point estimates with intervals: columns ``estimate``, ``low``, ``high``; index = labels."""
    with matplotlib.rc_context(_RC):
        fig, ax = _figure(7, 0.8 + 0.38 * len(df))
        y = np.arange(len(df))[::-1]
        est = df["estimate"].to_numpy(dtype=float)
        lo = df["low"].to_numpy(dtype=float)
        hi = df["high"].to_numpy(dtype=float)
        err = np.vstack([np.nan_to_num(est - lo), np.nan_to_num(hi - est)])
        ax.errorbar(est, y, xerr=err, fmt="o", color=PALETTE[0], ecolor="#777", capsize=3)
        for yy, e in zip(y, est, strict=True):
            ax.text(e, yy + 0.18, f"{e:.2f}", ha="center", fontsize=8)
        ax.set_yticks(y, [str(i) for i in df.index])
        ax.set_ylim(-0.7, len(df) - 0.3)
        if chance is not None:
            ax.axvline(chance, ls="--", color="#c62828", lw=1)
            ax.text(chance, len(df) - 0.45, " chance", color="#c62828", fontsize=8)
        ax.set_xlabel(xlabel)
        ax.set_title(title, loc="left")
        _style(ax)
        return to_svg(fig, key)


def _dark(hex_color: str) -> bool:
    r, g, b = (int(hex_color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.299 * r + 0.587 * g + 0.114 * b < 140
