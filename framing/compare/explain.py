"""Which features mark each outlet, how sure we are, and sentences that show them.

For the framing model, coefficients of a standardised logistic regression are log-odds per
standard deviation, so they compare across features; refitting on bootstrap resamples gives
an interval for each. Word features (TF-IDF) get their coefficients from the full fit. Each
feature comes with example sentences from the evidence spans (or, for words and when no span
matches, from the outlet's own articles) so a researcher can check what the number means.
"""

from __future__ import annotations

import copy
import re
import warnings
from typing import Any

import numpy as np
import pandas as pd
from sklearn.pipeline import Pipeline

from framing.text import Document

_MAX_SENTENCE = 300
_MIN_WORDS = 6


def model_feature_names(model: Pipeline) -> list[str]:
    """Input names for the classifier's coefficients: framing columns, then ``text:<term>`` for
    words and ``chars:<n-gram>`` for character n-grams."""
    ct = model.named_steps["features"]
    names: list[str] = []
    for name, trans, cols in ct.transformers_:
        if name == "framing":
            # through the block's own steps: a column cut (MinSupport) drops some
            names.extend(str(n) for n in trans.get_feature_names_out(list(cols)))
        elif name == "text":
            for t in trans[-1].get_feature_names_out():
                part, _, term = str(t).partition("__")  # FeatureUnion: word__x, char__x
                if not term:
                    part, term = "word", part
                names.append(f"{'chars' if part == 'char' else 'text'}:{term}")
    return names


def coef_matrix(model: Pipeline) -> tuple[np.ndarray, np.ndarray]:
    """(coefficients with one row per class, classes); a binary model's row is split +/-."""
    clf = model[-1]
    coef = np.asarray(clf.coef_, dtype=float)
    classes = np.asarray(clf.classes_)
    if coef.shape[0] == 1 and len(classes) == 2:
        coef = np.vstack([-coef[0], coef[0]])
    return coef, classes


def _warm_clf(model: Pipeline) -> Any:
    """A copy of the fitted classifier that starts from its coefficients: a resample's optimum
    lies close by, so each refit takes a few iterations instead of hundreds."""
    clf = copy.deepcopy(model[-1])
    if "warm_start" in clf.get_params():
        clf.set_params(warm_start=True)
    return clf


def bootstrap_coefs(
    model: Pipeline,
    X: pd.DataFrame,
    y: np.ndarray,
    n_boot: int = 30,
    seed: int = 0,
    groups: np.ndarray | None = None,
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Percentile 95% intervals of each coefficient of a *fitted* pipeline over refits.

    Returns (low, high, classes), each array shaped like ``coef_matrix``. Groups (near
    duplicates) are resampled whole so a republished story cannot narrow its own interval.
    Only the classifier is refitted: the feature steps before it are unsupervised (impute,
    rank-normalise, scale), so they are applied once, which makes this ~10x cheaper and
    barely changes the intervals.
    """
    rng = np.random.default_rng(seed)
    y = np.asarray(y)
    classes = np.unique(y)
    groups = np.arange(len(y)) if groups is None else np.asarray(groups)
    uniq = np.unique(groups)
    members = {g: np.flatnonzero(groups == g) for g in uniq}
    Z = model[:-1].transform(X)
    draws = []
    for _ in range(n_boot):
        pick = rng.choice(uniq, size=len(uniq), replace=True)
        idx = np.concatenate([members[g] for g in pick])
        if len(np.unique(y[idx])) < len(classes):
            continue  # a class missing from the resample has no coefficient to compare
        clf = _warm_clf(model)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            clf.fit(Z[idx], y[idx])
        coef = np.asarray(clf.coef_, dtype=float)
        if coef.shape[0] == 1 and len(classes) == 2:
            coef = np.vstack([-coef[0], coef[0]])
        draws.append(coef)
    if not draws:
        nan = np.full((len(classes), 0), np.nan)
        return nan, nan, classes
    arr = np.stack(draws)
    return np.percentile(arr, 2.5, axis=0), np.percentile(arr, 97.5, axis=0), classes


def top_features(
    model: Pipeline,
    k: int = 5,
    ci: tuple[np.ndarray, np.ndarray] | None = None,
) -> pd.DataFrame:
    """The ``k`` largest positive coefficients per class: by, feature, coef, ci_low, ci_high."""
    coef, classes = coef_matrix(model)
    names = model_feature_names(model)
    rows = []
    for i, c in enumerate(classes):
        order = np.argsort(-coef[i])[:k]
        for j in order:
            if coef[i, j] <= 0:
                break
            low = high = np.nan
            if ci is not None and ci[0].shape == coef.shape:
                low, high = float(ci[0][i, j]), float(ci[1][i, j])
            rows.append(
                {"by": str(c), "feature": names[j], "coef": float(coef[i, j]),
                 "ci_low": low, "ci_high": high}
            )
    return pd.DataFrame(rows, columns=["by", "feature", "coef", "ci_low", "ci_high"])


def _sentence_at(text: str, start: int, end: int) -> str:
    for s in Document(text).sentences:
        if s.start <= start < max(s.end, s.start + 1):
            sent = text[s.start : max(s.end, end)]
            break
    else:
        sent = text[max(0, start - 120) : end + 120]
    sent = " ".join(sent.split())
    return sent if len(sent) <= _MAX_SENTENCE else sent[: _MAX_SENTENCE - 1] + "\u2026"


def _norm(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "_", str(s).lower()).strip("_")


def _examples_from_spans(
    feature: str, ids: list[str], spans: pd.DataFrame, texts: dict[str, str], n: int
) -> list[str]:
    family, _, rest = feature.partition("__")
    cand = spans[(spans["family"] == family) & (spans["id"].isin(ids))]
    if cand.empty:
        return []
    key = _norm(rest)
    labels = cand["label"].map(_norm)
    # Spans whose label names this feature (e.g. label "islamic_state" for
    # loaded__naming__islamic_state__daesh); else any span of the family.
    hit = cand[labels.map(lambda lab: bool(lab) and (lab in key or key in lab))]
    if hit.empty:
        hit = cand
    rank = {i: r for r, i in enumerate(ids)}
    hit = hit.assign(_r=hit["id"].map(rank)).sort_values("_r")
    full: list[str] = []
    short: list[str] = []
    seen: set[str] = set()
    for row in hit.itertuples():
        if row.id in seen:
            continue  # one example per article, so two examples show two articles
        text = texts.get(row.id)
        sent = _sentence_at(text, int(row.start), int(row.end)) if text else str(row.text)
        if not sent or sent in full or sent in short:
            continue
        seen.add(row.id)
        # A reader learns more from a whole sentence than from a fragment ("Read", "219-"),
        # so fragments are shown only when nothing longer exists.
        (full if len(sent.split()) >= _MIN_WORDS else short).append(sent)
        if len(full) >= n:
            break
    return (full + short)[:n]


def _examples_for_term(term: str, ids: list[str], texts: dict[str, str], n: int) -> list[str]:
    pat = re.compile(r"(?<!\w)" + r"\s+".join(map(re.escape, term.split())) + r"(?!\w)", re.I)
    out: list[str] = []
    for i in ids:
        text = texts.get(i) or ""
        m = pat.search(text)
        if m:
            sent = _sentence_at(text, m.start(), m.end())
            if sent not in out:
                out.append(sent)
        if len(out) >= n:
            break
    return out


def add_examples(
    top: pd.DataFrame,
    features_df: pd.DataFrame,
    by: str,
    spans_df: pd.DataFrame | None = None,
    texts: dict[str, str] | None = None,
    n: int = 2,
) -> pd.DataFrame:
    """Add an ``examples`` column: ``n`` sentences per (outlet, feature), from that outlet.

    Framing features draw on the evidence spans of the outlet's articles that score highest
    on the feature; word features on the outlet's articles that contain the word.
    """
    texts = texts or {}
    ids_all = features_df["id"].astype(str)
    examples = []
    for row in top.itertuples():
        mask = (features_df[by].astype(str) == row.by).to_numpy()
        feat = row.feature
        if feat.startswith("text:"):
            ex = _examples_for_term(feat[5:], ids_all[mask].tolist(), texts, n)
        elif feat.startswith("chars:"):
            ex = []  # a character n-gram has no sentence of its own worth quoting
        else:
            vals = features_df.loc[mask, feat] if feat in features_df else None
            ids = ids_all[mask]
            if vals is not None:
                ids = ids.iloc[np.argsort(-vals.fillna(-np.inf).to_numpy(), kind="stable")]
            ex = []
            if spans_df is not None and len(spans_df):
                ex = _examples_from_spans(feat, ids.tolist(), spans_df, texts, n)
        examples.append(ex)
    out = top.copy()
    out["examples"] = examples
    return out
