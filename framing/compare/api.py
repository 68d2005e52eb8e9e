"""``compare_outlets``: classifiers, explanations, statistics and credibility in one call.

The CLI (``framing compare``) and the notebooks call this; it returns a ``ComparisonResult``
and, given ``out_dir``, writes the tidy tables, ``summary.json`` and the saved model.
"""

from __future__ import annotations

import time
import warnings
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing import __version__
from framing.compare import credibility as cred
from framing.compare import explain, stats
from framing.compare import io as cio
from framing.compare.columns import framing_columns
from framing.compare.cv import make_cv, oof_predict
from framing.compare.leakage import outlet_names, strip_boilerplate
from framing.compare.models import MODEL_KINDS, build_model, chosen_params, final_pipeline, fit_model
from framing.compare.neardup import near_duplicate_groups
from framing.compare.scores import evaluate, macro_f1, top_confusions
from framing.errors import FramingError

NEAR_DUP_THRESHOLD = 0.3
#: Models whose framing weight is chosen by inner CV. The framing model's optional column cut
#: is not: on FA-KES it moved macro-F1 by 0.005 at five times the cost.
TUNED = ("combined",)


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


def _texts(features_df: pd.DataFrame, corpus_df: pd.DataFrame | None) -> pd.Series | None:
    """Article text per row: the table's own ``text`` column, else the corpus joined on id."""
    if "text" in features_df.columns and features_df["text"].notna().any():
        return features_df["text"].fillna("").astype(str).reset_index(drop=True)
    if corpus_df is not None and "text" in corpus_df.columns:
        m = corpus_df.assign(id=corpus_df["id"].astype(str)).drop_duplicates("id")
        m = m.set_index("id")["text"]
        t = features_df["id"].astype(str).map(m)
        if t.notna().any():
            return t.fillna("").astype(str).reset_index(drop=True)
    return None


def _finish_text_block(model: Any, outlets: list[str]) -> None:
    """Switch the stateless stripping rules on, so the fitted model takes raw text."""
    ct = model.named_steps["features"]
    if "text" not in ct.named_transformers_:
        return
    block = ct.named_transformers_["text"]
    block.named_steps["strip"].set_params(rules=True, outlets=tuple(outlets))


def _model(kind: str, cols: list[str], seed: int, furniture: bool = True) -> Any:
    """The one model every step scores and fits: text arrives stripped of the stateless rules
    (done once up front, see ``compare_outlets``); site chrome is learned per training fold."""
    return build_model(
        kind, cols, strip_rules=False, strip_furniture=furniture, seed=seed, tune=kind in TUNED
    )


def _repeated_scores(
    kind: str, cols: list[str], data: pd.DataFrame, y: np.ndarray, groups: np.ndarray,
    first: float, n_splits: int, seed: int, n_repeats: int,
) -> dict[str, Any]:
    """Macro-F1 over ``n_repeats`` fold draws (the first is the main score, already computed)."""
    t0 = time.perf_counter()
    scores = [first]
    for r in range(1, n_repeats):
        plan = make_cv(y, groups, n_splits=n_splits, seed=seed + r)
        pred, _, classes = oof_predict(_model(kind, cols, seed), data, y, plan)
        scores.append(macro_f1(y, pred, classes))
    return {
        "fold_seeds": [seed + r for r in range(n_repeats)],
        "macro_f1": scores,
        "mean": float(np.mean(scores)),
        "sd": float(np.std(scores, ddof=1)),
        "seconds_extra_draws": round(time.perf_counter() - t0, 1),
    }


def _flat_ci(scores: dict[str, Any]) -> dict[str, Any]:
    """``{"f1_ci": [lo, hi]}`` as ``f1_ci_low``/``f1_ci_high`` columns for the tidy CSV."""
    out: dict[str, Any] = {}
    for key, value in scores.items():
        if isinstance(value, list):
            out[f"{key}_low"], out[f"{key}_high"] = value
        else:
            out[key] = value
    return out


def check_table(df: pd.DataFrame, by: str) -> None:
    """Raise a one-line ``FramingError`` when ``df`` cannot be compared by ``by``."""
    if by not in df.columns:
        raise FramingError(f"no column {by!r} to compare by (columns: {list(df.columns)[:12]}...)")
    if "id" not in df.columns:
        raise FramingError("the feature table has no 'id' column")
    n = df[by].nunique()
    if n < 2:
        raise FramingError(f"need at least two values of {by!r} to compare, found {n}")


def compare_outlets(
    features_df: pd.DataFrame,
    spans_df: pd.DataFrame | None = None,
    by: str = "outlet",
    label_col: str | None = None,
    ratings: pd.DataFrame | str | None = None,
    out_dir: str | Path | None = None,
    corpus_df: pd.DataFrame | None = None,
    seed: int = 0,
    spans_corpus_df: pd.DataFrame | None = None,
    n_splits: int = 5,
    near_dup_threshold: float = NEAR_DUP_THRESHOLD,
    n_boot: int = 1000,
    n_coef_boot: int = 30,
    top_k: int = 5,
    models: tuple[str, ...] = MODEL_KINDS,
    n_repeats: int = 1,
    progress: Callable[[str], None] | None = None,
) -> ComparisonResult:
    """Compare groups of articles (outlets by default) on their framing features.

    ``corpus_df`` supplies article text when the feature table has none (word models,
    near-duplicate detection); ``spans_corpus_df`` is the text the evidence spans index, when
    the features were extracted from a different (e.g. boilerplate-stripped) copy.
    ``n_repeats`` > 1 scores every model again on folds drawn with seeds ``seed + 1``, ...:
    the bootstrap interval covers which articles were sampled, not which fold each landed in,
    and on a few hundred articles the fold draw alone moves macro-F1 by a few points.
    ``progress`` receives one line per step (a run on a thousand articles takes minutes).
    """
    say = progress or (lambda _msg: None)
    if n_repeats < 1:
        raise FramingError(f"repeats must be at least 1, got {n_repeats}")
    t0 = time.perf_counter()
    check_table(features_df, by)
    df = features_df[features_df[by].notna()].reset_index(drop=True).copy()
    df["id"] = df["id"].astype(str)
    y = np.array(df[by].astype(str).tolist(), dtype=object)
    exclude = {by, "id"} | ({label_col} if label_col else set())
    cols = framing_columns(df, exclude=exclude)
    if not cols:
        raise FramingError("the feature table has no <family>__<name> feature columns")
    leaked = exclude & set(cols)
    assert not leaked, f"metadata columns among features: {leaked}"  # framing_columns excludes them

    texts = _texts(df, corpus_df)
    notes: list[str] = []
    if texts is not None:
        groups = near_duplicate_groups(texts.tolist(), threshold=near_dup_threshold, seed=seed + 1)
        group_method = f"MinHash LSH Jaccard >= {near_dup_threshold} on word 5-shingles"
    else:
        groups = np.arange(len(df))
        group_method = "none (no article text: each article its own group)"
        notes.append("no article text: tfidf and combined models skipped")
        models = tuple(m for m in models if m == "framing")
    plan = make_cv(y, groups, n_splits=n_splits, seed=seed)
    counts = pd.Series(y).value_counts()
    small = counts[counts < plan.n_splits].index.tolist()
    if small:
        notes.append(f"fewer articles than folds for: {', '.join(map(str, small))}")

    X = df.copy()
    Xs = df.copy()
    if texts is not None:
        X["text"] = texts.values
        names = outlet_names(sorted(set(y)))
        Xs["text"] = [strip_boilerplate(t, names) for t in texts]
    id_to_text = dict(zip(df["id"], texts.tolist(), strict=True)) if texts is not None else {}
    if spans_corpus_df is not None:
        span_texts = _texts(df[["id"]], spans_corpus_df)
        if span_texts is not None:
            id_to_text = dict(zip(df["id"], span_texts.tolist(), strict=True))

    summary_models: dict[str, Any] = {}
    confusion: dict[str, pd.DataFrame] = {}
    pred_cols: dict[str, np.ndarray] = {}
    per_outlet_rows: list[dict[str, Any]] = []
    tops: list[pd.DataFrame] = []
    fitted: dict[str, Any] = {}
    for kind in models:
        variants = [("stripped", Xs, True)] if kind != "framing" else [("", X, False)]
        if kind != "framing":
            variants.append(("unstripped", X, False))
        entry: dict[str, Any] = {}
        for variant, data, strip in variants:
            say(f"{kind} model: cross-validating ({plan.n_splits} folds{', ' + variant if variant else ''})")
            model = _model(kind, cols, seed, furniture=strip)
            chosen: list[dict[str, Any]] = []
            pred, _, classes = oof_predict(model, data, y, plan, chosen=chosen)
            scores, cm = evaluate(y, pred, classes, n_boot=n_boot, seed=seed)
            if variant == "unstripped":
                entry["macro_f1_unstripped"] = scores["macro_f1"]
                entry["macro_f1_unstripped_ci"] = scores["macro_f1_ci"]
                entry["accuracy_unstripped"] = scores["accuracy"]
            else:
                entry.update(scores)
                if any(chosen):
                    entry["inner_cv_choice_per_fold"] = chosen
                entry["confused"] = top_confusions(cm)
                confusion[kind] = cm
                pred_cols[kind] = pred
            for o, s in scores["per_outlet"].items():
                per_outlet_rows.append(
                    {"model": kind, "variant": variant or "features", by: o, **_flat_ci(s)}
                )
        if n_repeats > 1:
            data = Xs if kind != "framing" else X
            extra = n_repeats - 1
            say(f"{kind} model: {extra} more fold draw{'s' if extra > 1 else ''}")
            entry["repeated_cv"] = _repeated_scores(
                kind, cols, data, y, groups, entry["macro_f1"], n_splits, seed, n_repeats
            )
        if kind != "framing":
            entry["boilerplate"] = "stripped: outlet names, datelines, bylines, credits, furniture"
        # Full fit for explanations and the saved model, on the text stripped once up front;
        # the stateless rules are then switched on inside the fitted pipeline so the saved
        # model strips raw text itself, exactly as if it had been fitted on raw text.
        say(f"{kind} model: fitting on all articles, explaining")
        full = _model(kind, cols, seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            fit_model(full, Xs, y, groups)
        if chosen_params(full):
            entry["inner_cv_choice_full_fit"] = chosen_params(full)
        full = final_pipeline(full)
        _finish_text_block(full, sorted(set(y)))
        fitted[kind] = full
        ci = None
        if kind == "framing" and n_coef_boot:
            low, high, _ = explain.bootstrap_coefs(
                full, X, y, n_boot=n_coef_boot, seed=seed, groups=groups
            )
            ci = (low, high)
        top = explain.top_features(full, k=top_k, ci=ci)
        top = explain.add_examples(top, df, by, spans_df=spans_df, texts=id_to_text)
        top.insert(0, "model", kind)
        tops.append(top)
        entry["top_features"] = {
            o: g.drop(columns=["model", "by"]).to_dict("records") for o, g in top.groupby("by")
        }
        summary_models[kind] = entry

    top_all = pd.concat(tops, ignore_index=True) if tops else pd.DataFrame()
    say(f"statistics: Kruskal-Wallis and pairwise tests on {len(cols)} features")
    kw = stats.kruskal_table(df, cols, by)
    pairwise = stats.pairwise_table(df, cols, by)
    prof = stats.profiles(df, cols, by)
    sim = stats.similarity(prof)
    z, labels = stats.cluster(prof)

    predictions = pd.DataFrame({"id": df["id"], by: y, "group": groups})
    for kind, p in pred_cols.items():
        predictions[f"pred_{kind}"] = p

    summary: dict[str, Any] = {
        "framing_version": __version__,
        "by": by,
        "n_articles": int(len(df)),
        "n_outlets": int(len(counts)),
        "n_features": len(cols),
        "articles_per_outlet": {str(k): int(v) for k, v in counts.items()},
        "cv": {
            **plan.describe(),
            "grouping": group_method,
            "near_dup_threshold": near_dup_threshold if texts is not None else None,
            "n_near_dup_groups": int(
                (pd.Series(groups).value_counts() > 1).sum()
            ),
            "seed": seed,
            "bootstrap": n_boot,
            "repeats": n_repeats,
        },
        "models": summary_models,
        "stats": {
            "n_features_tested": int(kw["p"].notna().sum()),
            "n_significant_q05": int((kw["q"] < 0.05).sum()),
            "top": kw.head(10)[["feature", "epsilon_sq", "q"]].to_dict("records"),
        },
        "clusters": {"order": stats.dendrogram_order(z, labels), "method": "average, cosine"},
        "notes": notes,
    }

    cred_table = None
    if label_col:
        say(f"credibility: {label_col!r} under grouped CV")
        cs, cred_table, cred_scores = cred.credibility(
            df, cols, label_col, groups, by=by, n_splits=n_splits, seed=seed, n_boot=n_boot,
            n_coef_boot=n_coef_boot,
        )
        predictions["credibility_score"] = cred_scores
        summary["credibility"] = cs

    ratings_table = None
    if ratings is not None:
        rdf = cred.read_ratings(ratings) if isinstance(ratings, (str, Path)) else ratings
        outlet_scores = (
            predictions.groupby(by)["credibility_score"].mean()
            if "credibility_score" in predictions
            else None
        )
        rs, ratings_table = cred.ratings_vs_profiles(prof, rdf, outlet_scores)
        summary["ratings"] = rs

    best = "combined" if "combined" in fitted else next(iter(fitted))
    bundle = {
        "model": fitted[best],
        "kind": best,
        "by": by,
        "feature_cols": list(cols),
        "needs_text": best != "framing",
        "classes": [str(c) for c in fitted[best].classes_],
        "framing_version": __version__,
    }
    summary["saved_model"] = {"kind": best, "file": "model.skops"}
    summary["seconds"] = round(time.perf_counter() - t0, 1)

    result = ComparisonResult(
        summary=summary,
        stats=kw,
        pairwise=pairwise,
        confusion=confusion,
        similarity=sim,
        profiles=prof,
        linkage=z,
        linkage_labels=labels,
        top_features=top_all,
        predictions=predictions,
        per_outlet=pd.DataFrame(per_outlet_rows),
        credibility=cred_table,
        ratings=ratings_table,
        model_bundle=bundle,
    )
    if out_dir is not None:
        write_results(result, out_dir)
    return result


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
