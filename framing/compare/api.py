"""``compare_outlets``: classifiers, explanations, statistics and credibility in one call.

The CLI (``framing compare``), the report and the notebooks call this; it returns a
``ComparisonResult`` and, given ``out_dir``, writes the tidy tables, ``summary.json`` and the
saved model. The steps: choose the groups to compare (``selection``), find each article's
genre and near duplicates, strip page residue (counting what goes, per outlet), score the
three models on the same folds (``classify``), fit and explain them, then the statistics.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from framing import __version__
from framing.compare import credibility as cred
from framing.compare import stats
from framing.compare.classify import FAST, THOROUGH, Setup, fit_and_explain, score_kind
from framing.compare.columns import framing_columns, is_style
from framing.compare.control import balancing_weights, confounded_strata
from framing.compare.cv import make_cv, outlet_cv
from framing.compare.furniture import BoilerplateStripper, strip_texts
from framing.compare.leakage import outlet_names
from framing.compare.models import MODEL_KINDS
from framing.compare.neardup import near_duplicate_groups
from framing.compare.results import ComparisonResult, write_results
from framing.compare.selection import MAX_GROUPS, MIN_ARTICLES, sample_rows, select_groups
from framing.compare.shares import exclusion_table, naming_shares
from framing.compare.termcache import shared_term_counts
from framing.errors import FramingError

NEAR_DUP_THRESHOLD = 0.3
#: Pairwise tests (Dunn, Cliff's delta) are run for at most this many features, those with
#: the largest Kruskal-Wallis effects among the significant ones (all significant ones with
#: ``thorough``): post-hoc tests where the omnibus test found a difference.
PAIRWISE_FEATURES = 50
CONTROLS = ("genre",)
CV_MODES = ("groups", "outlet")

__all__ = ["ComparisonResult", "check_table", "compare_outlets", "write_results"]


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


def _corpus_column(df: pd.DataFrame, corpus_df: pd.DataFrame | None, col: str) -> pd.Series:
    """A metadata column (title, origin) for each row, from the table or the corpus."""
    if col in df.columns:
        return df[col].reset_index(drop=True)
    if corpus_df is not None and col in corpus_df.columns:
        m = corpus_df.assign(id=corpus_df["id"].astype(str)).drop_duplicates("id").set_index("id")
        return df["id"].astype(str).map(m[col]).reset_index(drop=True)
    return pd.Series([None] * len(df))


def check_table(df: pd.DataFrame, by: str, min_articles: int = MIN_ARTICLES) -> None:
    """Raise a one-line ``FramingError`` when ``df`` cannot be compared by ``by``."""
    if by not in df.columns:
        raise FramingError(f"no column {by!r} to compare by (columns: {list(df.columns)[:12]}...)")
    if "id" not in df.columns:
        raise FramingError("the feature table has no 'id' column")
    counts = df[by].dropna().astype(str).value_counts()
    if len(counts) < 2:
        raise FramingError(f"need at least two values of {by!r} to compare, found {len(counts)}")
    if (counts >= min_articles).sum() < 2:
        found = ", ".join(f"{k} {v}" for k, v in counts.head(6).items()) + (" ..." if len(counts) > 6 else "")
        raise FramingError(
            f"the comparison needs at least two values of {by!r} with at least {min_articles} "
            f"articles each (found: {found})"
        )


def _shared_words(texts: list[str]) -> bool:
    """Whether some word is in two or more texts but not in nearly all, which is what the word
    models' vocabulary pruning keeps: on empty or near-empty texts it keeps nothing, and
    scikit-learn raises "After pruning, no terms remain"."""
    from sklearn.feature_extraction.text import CountVectorizer

    try:
        CountVectorizer(min_df=2, max_df=0.9, lowercase=False).fit(texts)
    except ValueError:
        return False
    return True


def _check_options(by: str, cv: str, test_outlets: Any, control: str | None,
                   df: pd.DataFrame, n_repeats: int | None) -> None:
    if n_repeats is not None and n_repeats < 1:
        raise FramingError(f"repeats must be at least 1, got {n_repeats}")
    if cv not in CV_MODES:
        raise FramingError(f"unknown cv {cv!r}; known: {', '.join(CV_MODES)}")
    if control is not None and control not in CONTROLS:
        raise FramingError(f"unknown control {control!r}; known: {', '.join(CONTROLS)}")
    if (cv == "outlet" or test_outlets is not None) and by == "outlet":
        raise FramingError("holding outlets out needs a label to predict (--by COLUMN other than "
                           "outlet): an outlet never seen cannot be recognised")
    if (cv == "outlet" or test_outlets is not None) and "outlet" not in df.columns:
        raise FramingError("holding outlets out needs an 'outlet' column")


def compare_outlets(*args: Any, **kwargs: Any) -> ComparisonResult:
    """Compare groups of articles (outlets by default) on their framing features; see
    ``_compare`` for the arguments.

    The work runs with the BLAS and OpenMP pools held to one thread: the matrices here are a
    few hundred rows wide, so threads buy nothing, and on a machine shared with other jobs an
    idle OpenBLAS thread spins. On FA-KES five framing-model fits took 13.8 CPU-seconds with
    two BLAS threads and 1.0 with one, with the same predictions.
    """
    with threadpool_limits(limits=1):
        return _compare(*args, **kwargs)


def _compare(
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
    n_coef_boot: int | None = None,
    top_k: int = 5,
    models: tuple[str, ...] = MODEL_KINDS,
    n_repeats: int | None = None,
    progress: Callable[[str], None] | None = None,
    thorough: bool = False,
    cv: str = "groups",
    test_outlets: list[str] | None = None,
    control: str | None = None,
    min_articles: int = MIN_ARTICLES,
    max_groups: int | None = MAX_GROUPS,
    style: bool = False,
    max_per_group: int | None = None,
) -> ComparisonResult:
    """Compare groups of articles (outlets by default) on their framing features.

    ``corpus_df`` supplies article text when the feature table has none (word models,
    near-duplicate detection, genre); ``spans_corpus_df`` is the text the evidence spans index,
    when the features were extracted from a different (e.g. boilerplate-stripped) copy.
    The fast default scores each model once on ``n_splits`` grouped folds; ``thorough`` runs
    today's full analysis (``classify.THOROUGH``); ``n_repeats`` and ``n_coef_boot`` override
    its fold draws and coefficient bootstraps. ``cv="outlet"`` holds whole outlets out (leave
    one out) and ``test_outlets`` names the outlets to score on, for predicting a label
    (``by``) on outlets never seen. ``control="genre"`` weighs training articles so genre
    cannot stand in for ``by`` and reports every score both ways. Only groups with at least
    ``min_articles`` articles are compared, at most ``max_groups`` of them (None: all); the
    rest are listed in the summary and told to ``progress``; ``max_per_group`` compares a
    seeded random sample of that many articles of each larger group (None: all; the report's
    default caps it). ``style`` lets the framing models read house-style columns
    (``columns.is_style``), left out by default.
    """
    say = progress or (lambda _msg: None)
    t0 = time.perf_counter()
    check_table(features_df, by, min_articles)
    _check_options(by, cv, test_outlets, control, features_df, n_repeats)
    effort = THOROUGH if thorough else FAST
    effort = type(effort)(**{**effort.__dict__,
                             **({"n_repeats": n_repeats} if n_repeats else {}),
                             **({"n_coef_boot": n_coef_boot} if n_coef_boot is not None else {})})
    held_out = cv == "outlet" or test_outlets is not None

    df = features_df[features_df[by].notna()].reset_index(drop=True).copy()
    df["id"] = df["id"].astype(str)
    sel = select_groups(df[by], min_articles, max_groups)
    rows, sel = sample_rows(df[by], sel, max_per_group, seed)
    notes: list[str] = []
    if sel.left_out or sel.sampled:
        say(sel.message(by) or "")
        notes.append(sel.message(by) or "")
        df = df.iloc[rows].reset_index(drop=True)
    if df[by].nunique() < 2:
        raise FramingError(f"fewer than two values of {by!r} have {min_articles}+ articles")
    y = np.array(df[by].astype(str).tolist(), dtype=object)
    exclude = {by, "id", "genre", "genre_cue"} | ({label_col} if label_col else set())
    all_cols = framing_columns(df, exclude=exclude)
    cols = all_cols if style else [c for c in all_cols if not is_style(c)]
    if not cols:
        raise FramingError("the feature table has no <family>__<name> feature columns")
    counts = pd.Series(y).value_counts()

    texts = _texts(df, corpus_df)
    words = any(m != "framing" for m in models)
    if texts is not None and words and not _shared_words(texts.tolist()):
        notes.append("word models skipped: no word is shared by two articles (empty or near-empty texts)")
        models = tuple(m for m in models if m == "framing")
    if texts is not None:
        say(f"near duplicates and genre of {len(df)} articles")
        groups = near_duplicate_groups(texts.tolist(), threshold=near_dup_threshold, seed=seed + 1)
        group_method = f"MinHash LSH Jaccard >= {near_dup_threshold} on word 5-shingles"
        if "genre" not in df.columns:
            from framing.genre import genre_table

            g = genre_table(pd.DataFrame({"text": texts, "title": _corpus_column(df, corpus_df, "title"),
                                          "origin": _corpus_column(df, corpus_df, "origin")}))
            df["genre"], df["genre_cue"] = g["genre"].to_numpy(), g["genre_cue"].to_numpy()
    else:
        groups = np.arange(len(df))
        group_method = "none (no article text: each article its own group)"
        notes.append("no article text: tfidf and combined models skipped")
        models = tuple(m for m in models if m == "framing")
    if control == "genre" and "genre" not in df.columns:
        raise FramingError("the genre control needs article text (or a 'genre' column)")
    outlets = df["outlet"].astype(str).to_numpy() if "outlet" in df.columns else y
    if held_out:
        plan = outlet_cv(y, outlets, groups, test_outlets=test_outlets, n_splits=n_splits, seed=seed)
    else:
        plan = make_cv(y, groups, n_splits=n_splits, seed=seed)
    small = counts[counts < plan.n_splits].index.tolist()
    if small and not held_out:
        notes.append(f"fewer articles than folds for: {', '.join(map(str, small))}")

    # The names stripped are the outlets' (and every wire agency's), whatever ``by`` is: the
    # values of a label column ("0", "left") are not names and must never be cut from the text.
    strip_names = outlet_names(sorted(set(outlets)) if "outlet" in df.columns else [])
    X = df.copy()
    Xs = rules = df
    excluded: dict[str, Any] = {}
    if texts is not None and not words:
        # the stripped text feeds the word models alone (the framing features are the table's
        # own): with none to run it is not made, and nothing is counted as excluded
        notes.append("page residue not stripped or counted: no word model was run")
    elif texts is not None:
        say(f"stripping page residue from {len(df)} articles")
        X["text"] = texts.values
        rules = df.copy()
        rules["text"], cuts = strip_texts(texts.tolist(), strip_names, chrome=False)
        Xs = rules
        if not effort.chrome_per_fold:  # chrome learned once from every article's text
            Xs = rules.copy()
            Xs["text"], chrome_cuts = BoilerplateStripper(rules=False).fit_transform_counted(
                rules["text"].tolist())
            for c, n in zip(cuts, chrome_cuts, strict=True):
                if n:
                    c["chrome"] += n
        excluded = exclusion_table(cuts, outlets)
    id_to_text = dict(zip(df["id"], texts.tolist(), strict=True)) if texts is not None else {}
    if spans_corpus_df is not None:
        span_texts = _texts(df[["id"]], spans_corpus_df)
        if span_texts is not None:
            id_to_text = dict(zip(df["id"], span_texts.tolist(), strict=True))

    strata = df["genre"].astype(str).to_numpy() if "genre" in df.columns else None
    weights = balancing_weights(y, strata) if control == "genre" else None
    setup = Setup(cols=cols, y=y, plan=plan, groups=groups, seed=seed, n_splits=n_splits,
                  n_boot=n_boot, effort=effort, held_out=held_out, weights=weights,
                  strata=strata, say=say)

    summary_models: dict[str, Any] = {}
    confusion: dict[str, pd.DataFrame] = {}
    pred_cols: dict[str, np.ndarray] = {}
    per_outlet_rows: list[dict[str, Any]] = []
    tops: list[pd.DataFrame] = []
    fitted: dict[str, Any] = {}
    with shared_term_counts():
        for kind in models:
            entry, pred, cm, rows = score_kind(kind, setup, Xs, X, by)
            model, extra, top = fit_and_explain(kind, setup, rules, X, df, by, strip_names,
                                                spans_df, id_to_text, top_k)
            entry.update(extra)
            summary_models[kind] = entry
            confusion[kind] = cm
            pred_cols[kind] = pred
            per_outlet_rows += rows
            tops.append(top)
            fitted[kind] = model

    top_all = pd.concat(tops, ignore_index=True) if tops else pd.DataFrame()
    say(f"statistics: Kruskal-Wallis on {len(all_cols)} features, pairwise tests on the strongest")
    kw = stats.kruskal_table(df, all_cols, by)
    sig = kw[kw["q"] < 0.05]["feature"].tolist()
    pairwise = stats.pairwise_table(df, sig if thorough else sig[:PAIRWISE_FEATURES], by)
    prof = stats.profiles(df, cols, by)
    sim = stats.similarity(prof)
    z, labels = stats.cluster(prof)
    shares = naming_shares(df, by)

    tested = np.zeros(len(df), dtype=bool)
    tested[plan.tested] = True
    predictions = pd.DataFrame({"id": df["id"], by: y, "group": groups, "tested": tested})
    if "outlet" in df.columns and by != "outlet":
        predictions["outlet"] = outlets
    if strata is not None:
        predictions["genre"] = strata
        predictions["genre_cue"] = df["genre_cue"].to_numpy()
    for kind, p in pred_cols.items():
        predictions[f"pred_{kind}"] = np.where(tested, p, None)
        if kind in setup.uncontrolled:
            predictions[f"pred_{kind}_without_control"] = np.where(tested, setup.uncontrolled[kind],
                                                                   None)

    summary: dict[str, Any] = {
        "framing_version": __version__,
        "by": by,
        "effort": effort.name,
        "n_articles": int(len(df)),
        "n_outlets": int(len(counts)),
        "n_features": len(cols),
        "style_columns_left_out": sorted(set(all_cols) - set(cols)),
        "articles_per_outlet": {str(k): int(v) for k, v in counts.items()},
        "selection": sel.describe(),
        "cv": {
            **plan.describe(),
            "grouping": group_method,
            "near_dup_threshold": near_dup_threshold if texts is not None else None,
            "n_near_dup_groups": int((pd.Series(groups).value_counts() > 1).sum()),
            "seed": seed,
            "bootstrap": n_boot,
            "repeats": effort.n_repeats if not held_out else 1,
            "coef_bootstrap": effort.n_coef_boot,
        },
        "models": summary_models,
        "stats": {
            "n_features_tested": int(kw["p"].notna().sum()),
            "n_significant_q05": int((kw["q"] < 0.05).sum()),
            "n_pairwise_features": int(pairwise["feature"].nunique()) if len(pairwise) else 0,
            "top": kw.head(10)[["feature", "epsilon_sq", "q"]].to_dict("records"),
        },
        "clusters": {"order": stats.dendrogram_order(z, labels), "method": "average, cosine"},
        "excluded": excluded,
        "notes": notes,
    }
    if strata is not None:
        summary["genre"] = {
            "per_group": pd.crosstab(pd.Series(y, name=by), pd.Series(strata, name="genre"))
            .to_dict("index"),
            "control": control,
        }
        if control == "genre":
            summary["genre"]["confounded"] = confounded_strata(y, strata)

    cred_table = None
    if label_col:
        say(f"credibility: {label_col!r} under grouped CV")
        cs, cred_table, cred_scores = cred.credibility(
            df, cols, label_col, groups, by=by, n_splits=n_splits, seed=seed, n_boot=n_boot,
            n_coef_boot=effort.n_coef_boot,
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
        "strip_outlets": sorted(set(outlets)) if "outlet" in df.columns else [],
        "framing_version": __version__,
    }
    summary["saved_model"] = {"kind": best, "file": "model.skops"}
    summary["seconds"] = round(time.perf_counter() - t0, 1)

    result = ComparisonResult(
        summary=summary, stats=kw, pairwise=pairwise, confusion=confusion, similarity=sim,
        profiles=prof, linkage=z, linkage_labels=labels, top_features=top_all,
        predictions=predictions, per_outlet=pd.DataFrame(per_outlet_rows),
        credibility=cred_table, ratings=ratings_table, model_bundle=bundle,
        naming_shares=shares,
    )
    if out_dir is not None:
        write_results(result, out_dir)
    return result
