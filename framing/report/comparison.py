"""Section 3: the outlet comparison, drawn from ``framing.compare.compare_outlets``.

The comparison is computed by the compare package; this module only turns its
``ComparisonResult`` into tables and charts, and explains when it does not apply.
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import FramingError
from framing.report import charts
from framing.report.sections import Figure, Table

MAX_FEATURES_PER_GROUP = 5
SCORE_COLUMNS = {"macro_f1": "macro-F1", "ci_low": "95% low", "ci_high": "95% high",
                 "acc_low": "accuracy 95% low", "acc_high": "accuracy 95% high"}
STATS_COLUMNS = {"h": "H", "p": "p", "epsilon_sq": "ε² (effect size)", "q": "q (BH)"}
MAX_STATS_ROWS = 30
#: The report's default caps the work that grows with the number of groups: per-group
#: sections, term suggestions, story statistics and the comparison cover the MAX_GROUPS
#: largest groups (ties by name) when there are more, and the comparison's classifiers see
#: at most MAX_PER_GROUP articles of each (a seeded sample) and are one, the framing-features
#: model, which is what the report is about (REPORT_MODELS; the words and combined models are
#: `framing compare`'s, and `framing report --models framing,tfidf,combined` adds them back:
#: on PolNeAR's 7 publishers the word model was most of the report's comparison time).
#: The rest are listed on stderr and in the report. On 2,000 articles from 146 outlets the
#: report took 21 CPU-minutes without them (docs/performance.md); `framing compare` compares
#: up to 30 groups, every article, with all three models. The term suggestions read the same
#: at most MAX_PER_GROUP articles of each group (a seeded sample): counting every n-gram of
#: 2,000 articles was a quarter of the report's time on PolNeAR's 7 publishers.
#: The report's comparison is scored on REPORT_FOLDS grouped folds, not `framing compare`'s 5:
#: about 40% fewer SVM fits; on FA-KES 3 folds scored 0.015-0.025 lower (means of 5 fold
#: draws, docs/comparison.md), which a summary of outlet differences can afford.
MAX_GROUPS = 10
MAX_PER_GROUP = 100
REPORT_MODELS = ("framing",)
REPORT_FOLDS = 3
DEFAULT_OPTIONS = {"max_groups": MAX_GROUPS, "max_per_group": MAX_PER_GROUP,
                   "models": REPORT_MODELS, "n_splits": REPORT_FOLDS}


def report_options(options: Mapping[str, Any] | None) -> dict[str, Any]:
    """The comparison options a report runs with: the caps above, then the user's."""
    return {**DEFAULT_OPTIONS, **dict(options or {})}


def models_left_out(options: Mapping[str, Any] | None) -> str | None:
    """A line naming the classifiers the report's comparison does not run (None: it runs
    all three), for stderr, the report's left-out list and its Methods."""
    from framing.compare.models import MODEL_KINDS

    models = tuple(report_options(options).get("models") or MODEL_KINDS)
    missing = [m for m in MODEL_KINDS if m not in models]
    if not missing:
        return None
    names = {"framing": "framing-features", "tfidf": "words (tf-idf)", "combined": "combined"}
    return (f"comparison models {', '.join(names[m] for m in missing)}: the report compares "
            f"with {', '.join(names[m] for m in models)} only by default; "
            f"--models {','.join(MODEL_KINDS)} adds them (framing compare runs all three)")


def largest_groups(groups: pd.Series, max_groups: int | None = MAX_GROUPS) -> list[str] | None:
    """The ``max_groups`` largest values of ``groups`` (ties by name), or None when there
    are no more than that (nothing to leave out)."""
    # the comparison's own choice of groups; imported here: framing.compare loads scikit-learn
    from framing.compare.selection import select_groups

    sel = select_groups(groups, min_articles=1, max_groups=max_groups)
    return sel.kept if sel.over_cap else None


def sampled_rows(groups: pd.Series, max_per_group: int | None, seed: int = 0
                 ) -> tuple[np.ndarray, str | None]:
    """Positions of every row, or of a seeded random ``max_per_group`` of each larger group
    (the comparison's own sampling, ``selection.sample_rows``), and a line naming what was
    sampled (None when nothing was)."""
    from framing.compare.selection import sample_rows, select_groups

    sel = select_groups(groups, min_articles=1, max_groups=None)
    rows, sel = sample_rows(groups, sel, max_per_group, seed)
    if not sel.sampled:
        return rows, None
    sizes = sorted(sel.sampled.items(), key=lambda kv: (-kv[1][1], kv[0]))
    names = ", ".join(f"{g} {n}" for g, (_, n) in sizes[:5])
    return rows, (f"the articles beyond a random {max_per_group} of each of {len(sizes)} "
                  f"value(s) ({names}{f', and {len(sizes) - 5} more' if len(sizes) > 5 else ''})")


def comparison_section(features: pd.DataFrame, spans: pd.DataFrame, corpus: pd.DataFrame,
                       groups: pd.Series, by: str, seed: int = 0,
                       options: Mapping[str, Any] | None = None,
                       docs: Mapping[str, tuple[str, str]] | None = None) -> dict[str, Any]:
    """Run the comparison; on a corpus where it does not apply, a note saying why."""
    n_groups = groups.nunique()
    if n_groups < 2:
        return {"note": f"Only one {by} ({groups.iloc[0]}): a comparison needs two or more."}
    try:
        from framing.compare import compare_outlets
    except ImportError:
        return {"note": "The comparison module (framing.compare) is not available in this "
                        "installation."}
    feats = features.copy()
    feats[by] = groups.to_numpy()
    try:
        with warnings.catch_warnings():  # numpy's all-NaN notes would bury the progress bar
            warnings.simplefilter("ignore", RuntimeWarning)
            warnings.simplefilter("ignore", pd.errors.PerformanceWarning)
            result = compare_outlets(feats, spans_df=spans, by=by, corpus_df=corpus, seed=seed,
                                     **report_options(options))
    except FramingError as exc:
        return {"note": f"The comparison could not be run: {exc}"}
    return result_section(result, by, docs)


def result_section(result: Any, by: str, docs: Mapping[str, tuple[str, str]] | None = None
                   ) -> dict[str, Any]:
    """Tables and charts for a ``ComparisonResult`` (any part may be missing).

    ``docs`` (column -> (meaning, unit), ``glossary.feature_docs``) glosses the feature
    names; the result itself, the score table and chance are kept for the summary."""
    docs = docs or {}
    summary = dict(getattr(result, "summary", None) or {})
    out: dict[str, Any] = {"note": "", "notes": [str(n) for n in _as_list(summary.get("notes"))],
                           "result": result, "scores_df": None, "chance": None}
    if cv := _cv_note(summary.get("cv")):
        out["notes"].insert(0, cv)
    scores = model_scores(summary)
    if scores is not None and len(scores):
        chance = _chance(summary)
        out["scores_df"], out["chance"] = scores, chance
        df = scores.rename(columns={"macro_f1": "estimate", "ci_low": "low", "ci_high": "high"})
        out["scores_fig"] = Figure(
            charts.interval_plot(df[["estimate", "low", "high"]], f"Predicting the {by}",
                                 "cmp-scores", "macro-F1 (out-of-fold, 95% bootstrap interval)",
                                 chance=chance),
            "Out-of-fold macro-F1 of each classifier (framing: the framing features only; "
            "tfidf: the words, outlet names and boilerplate stripped; combined: both)"
            + (f"; dashed line: a uniform random guess ({chance:.2f})."
               if chance is not None else "."))
        out["scores_table"] = Table.from_df(scores.rename(columns=SCORE_COLUMNS),
                                            "Classifier scores", digits=3)
    else:
        out["scores_fig"] = out["scores_table"] = None
    out["confusion"] = []
    for name, cm in (getattr(result, "confusion", None) or {}).items():
        if not isinstance(cm, pd.DataFrame) or cm.empty:
            continue
        share = cm.div(cm.sum(axis=1).replace(0, np.nan), axis=0)
        out["confusion"].append(Figure(
            charts.heatmap(share, f"Confusion matrix: {name}", f"cmp-cm-{_slug(name)}",
                           cmap="Blues", center=None, fmt="{:.0%}",
                           cbar_label="share of true articles", xlabel="predicted",
                           ylabel="true"),
            "Rows: the true outlet; cells: share of its articles predicted as each column."))
    out["confusion_inline"] = all(len(f_cm) <= 6 for f_cm in
                                  (getattr(result, "confusion", None) or {}).values())
    out["features"] = _top_features(getattr(result, "top_features", None), by, docs)
    out["stats"] = _stats(getattr(result, "stats", None), docs)
    sim = getattr(result, "similarity", None)
    # with two groups the tree has one join and the matrix is +-1: nothing to read
    n_groups = len(sim) if isinstance(sim, pd.DataFrame) else 0
    out["dendrogram"] = _dendrogram(result) if n_groups != 2 else None
    out["similarity"] = None
    if isinstance(sim, pd.DataFrame) and 3 <= len(sim) <= 30:
        out["similarity"] = Figure(
            charts.heatmap(sim, "Outlet similarity", "cmp-sim", cmap="viridis", center=None,
                           cbar_label="similarity"),
            "Similarity of outlets' mean framing profiles.")
    return out


def model_scores(summary: Mapping[str, Any]) -> pd.DataFrame | None:
    """One row per model: macro_f1, its interval, accuracy (from summary.json's models)."""
    models = summary.get("models")
    if not isinstance(models, Mapping):
        models = {k: v for k, v in summary.items() if isinstance(v, Mapping) and "macro_f1" in v}
    rows = {}
    for name, s in models.items():
        if not isinstance(s, Mapping):
            continue
        s = s.get("scores", s) if isinstance(s.get("scores"), Mapping) else s
        if "macro_f1" not in s:
            continue
        ci = list(s.get("macro_f1_ci") or [np.nan, np.nan])
        aci = list(s.get("accuracy_ci") or [np.nan, np.nan])
        row = {"macro_f1": s["macro_f1"], "ci_low": ci[0], "ci_high": ci[1],
               "accuracy": s.get("accuracy", np.nan), "acc_low": aci[0], "acc_high": aci[1]}
        if "macro_f1_unstripped" in s:  # the same words with outlet names left in
            row["macro_f1 (boilerplate kept)"] = s["macro_f1_unstripped"]
        rows[str(name)] = row
    if not rows:
        return None
    df = pd.DataFrame.from_dict(rows, orient="index").astype(float)
    df.index.name = "model"
    return df


def _chance(summary: Mapping[str, Any]) -> float | None:
    """Expected macro-F1 of guessing uniformly at random among the k groups.

    For a class with prevalence p, random guessing gives precision p and recall 1/k, so
    F1 = 2p(1/k)/(p + 1/k); the macro average of that is the honest floor for the chart.
    """
    counts = summary.get("articles_per_outlet")
    if isinstance(counts, Mapping) and len(counts) >= 2:
        n = np.asarray(list(counts.values()), dtype=float)
        p, q = n / n.sum(), 1.0 / len(n)
        return float(np.mean(2 * p * q / (p + q)))
    for key in ("chance_macro_f1", "chance", "baseline_macro_f1"):
        v = summary.get(key)
        if isinstance(v, int | float):
            return float(v)
        if isinstance(v, Mapping) and isinstance(v.get("macro_f1"), int | float):
            return float(v["macro_f1"])
    return None


def _cv_note(cv: Any) -> str:
    if not isinstance(cv, Mapping) or not cv.get("method"):
        return ""
    txt = f"Cross-validation: {cv.get('n_splits', '?')}-fold {cv['method']}"
    if cv.get("n_groups"):
        txt += f" over {cv['n_groups']} article groups"
    if cv.get("grouping"):
        txt += f" (near-duplicates kept in one fold: {cv['grouping']})"
    if cv.get("bootstrap"):
        txt += f"; intervals from {cv['bootstrap']} bootstrap resamples"
    return txt + "."


MODEL_TITLES = {"framing": "Framing features", "tfidf": "Words (tf-idf)",
                "combined": "Framing features and words combined"}


def _top_features(tf: Any, by: str, docs: Mapping[str, tuple[str, str]]
                  ) -> list[dict[str, Any]]:
    """Per model, then per group: the features that most distinguish it, with examples."""
    if not isinstance(tf, pd.DataFrame) or tf.empty or "feature" not in tf.columns:
        return []
    if "model" not in tf.columns:
        return [{"model": "", "title": "", "groups": _feature_groups(tf, by, docs)}]
    order = sorted(tf["model"].unique(), key=lambda m: (m not in MODEL_TITLES,
                                                         list(MODEL_TITLES).index(m)
                                                         if m in MODEL_TITLES else 0, m))
    return [{"model": m, "title": MODEL_TITLES.get(m, m),
             "groups": _feature_groups(tf[tf["model"] == m], by, docs)} for m in order]


def _feature_groups(tf: pd.DataFrame, by: str, docs: Mapping[str, tuple[str, str]]
                    ) -> list[dict[str, Any]]:
    from framing.report.glossary import gloss

    key = by if by in tf.columns else ("by" if "by" in tf.columns else None)
    out = []
    for g, sub in (tf.groupby(key, sort=True) if key else [("all", tf)]):
        sub = sub.sort_values("coef", ascending=False) if "coef" in sub else sub
        rows = []
        for r in sub.head(MAX_FEATURES_PER_GROUP).to_dict("records"):
            meaning, unit = gloss(str(r.get("feature")), docs)
            rows.append({
                "feature": str(r.get("feature")), "gloss": meaning, "unit": unit,
                "coef": r.get("coef"),
                "ci": (r.get("ci_low"), r.get("ci_high")),
                "examples": [_example_text(e) for e in _as_list(r.get("examples"))[:2]],
            })
        out.append({"group": str(g), "rows": rows})
    return out


def _example_text(e: Any, limit: int = 280) -> str:
    """One example sentence, cut to ``limit`` characters (a table cell, not the article)."""
    if isinstance(e, Mapping):
        txt = str(e.get("sentence") or e.get("text") or "")
        art = e.get("id") or e.get("article")
    else:
        txt, art = str(e), None
    txt = " ".join(txt.split())
    if len(txt) > limit:
        txt = txt[:limit].rsplit(" ", 1)[0] + " …"
    return f"{txt} [{art}]" if art else txt


def _stats(stats: Any, docs: Mapping[str, tuple[str, str]]) -> Table | None:
    from framing.report.glossary import gloss

    if not isinstance(stats, pd.DataFrame) or stats.empty:
        return None
    df = stats.rename(columns=STATS_COLUMNS)
    if "feature" in df.columns:
        glosses = [gloss(str(f), docs) for f in df["feature"]]
        df.insert(1, "meaning", [m for m, _ in glosses])
        df.insert(2, "unit", [u for _, u in glosses])
    sort_col = next((c for c in ("q (BH)", "p_adj", "p_fdr", "p_value", "p") if c in df.columns),
                    None)
    if sort_col:
        df = df.sort_values(sort_col)
    if "feature" in df.columns:
        df = df.set_index("feature")
    return Table.from_df(df, "Statistics: differences between outlets", digits=3,
                         max_rows=MAX_STATS_ROWS,
                         note="One Kruskal–Wallis test per feature across the groups; q: "
                              "Benjamini–Hochberg adjusted p; ε²: the effect size (share of "
                              "rank variance explained by the group; 0.01 small, 0.08 medium, "
                              "0.26 large). Sorted by q.")


def _dendrogram(result: Any) -> Figure | None:
    link = getattr(result, "linkage", None)
    labels = getattr(result, "linkage_labels", None) or getattr(result, "labels", None)
    if isinstance(link, tuple) and len(link) == 2:
        link, labels = link
    if link is None or labels is None:
        return None
    link = np.asarray(link, dtype=float)
    if link.ndim != 2 or link.shape[0] < 1 or link.shape[0] != len(labels) - 1:
        return None
    return Figure(charts.dendrogram(link, list(labels), "Outlet similarity dendrogram",
                                    "cmp-dendro"),
                  "Outlets joined early (short distance) frame the story alike.")


def _as_list(v: Any) -> list[Any]:
    if v is None:
        return []
    if isinstance(v, list | tuple):
        return list(v)
    if isinstance(v, np.ndarray):
        return v.tolist()
    return [v]


def _slug(s: str) -> str:
    return "".join(ch if ch.isalnum() else "-" for ch in str(s).lower())[:40]
