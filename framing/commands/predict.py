"""``framing predict MODEL CORPUS|FEATURES -o predictions.csv``: apply a saved comparison model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.commands._common import add_corpus_args, add_lexicon_arg
from framing.errors import FramingError


def register(sub: Any) -> None:
    p = sub.add_parser(
        "predict",
        help="predict the outlet (or other group) of articles with a model from `framing compare`",
    )
    p.add_argument("model", metavar="MODEL", help="model.skops written by `framing compare`")
    add_corpus_args(p)
    add_lexicon_arg(p)
    p.add_argument("-o", "--out", required=True, metavar="CSV", help="predictions CSV")
    p.add_argument("--corpus", nargs="+", metavar="PATH",
                   help="the corpus behind a feature table (its text, for word models)")
    p.add_argument("--workers", type=int, default=1, help="processes for extraction")
    p.add_argument("--keep-boilerplate", action="store_true",
                   help="extract from the text as loaded (match how the model's features were made)")
    p.set_defaults(func=run, label_col=None)


def strip_own_names(bundle: dict[str, Any], outlets: list[str]) -> None:
    """Let a word model's stripper also cut these outlets' names (and their aliases): articles
    from outlets the model never saw name themselves too."""
    from framing.compare.leakage import outlet_names

    model = bundle["model"]
    ct = getattr(model, "named_steps", {}).get("features")
    if ct is None or "text" not in getattr(ct, "named_transformers_", {}):
        return
    strip = ct.named_transformers_["text"].named_steps["strip"]
    known = tuple(strip.outlets or ())
    strip.set_params(outlets=tuple(sorted(set(known) | set(outlet_names(outlets)))))


def predict_frame(bundle: dict[str, Any], features: pd.DataFrame) -> pd.DataFrame:
    """Predictions for a feature table (with ``text`` when the model reads words)."""
    from framing.compare.models import class_scores

    model = bundle["model"]
    cols = list(bundle["feature_cols"])
    X = features.copy()
    missing = [c for c in cols if c not in X.columns]
    if len(missing) == len(cols) and cols:
        raise FramingError("the input has none of the model's feature columns")
    for c in missing:  # a family not extracted: imputed from training medians by the model
        X[c] = np.nan
    if bundle.get("needs_text") and "text" not in X.columns:
        raise FramingError("this model reads article text: give a corpus (or --corpus)")
    scores = class_scores(model, X)
    classes = [str(c) for c in model.classes_]
    out = pd.DataFrame({"id": X["id"].astype(str) if "id" in X else np.arange(len(X))})
    out["predicted"] = [classes[i] for i in scores.argmax(axis=1)]
    kind = "proba" if hasattr(model[-1], "predict_proba") else "score"
    for j, c in enumerate(classes):
        out[f"{kind}_{c}"] = scores[:, j]
    by = bundle.get("by", "outlet")
    if by in X.columns:
        out[f"true_{by}"] = X[by].astype(str).values
    return out


def run(args: argparse.Namespace) -> int:
    from framing.commands.compare import load_inputs
    from framing.compare.api import _texts
    from framing.compare.io import load_model, write_csv

    bundle = load_model(args.model)
    args.spans = None
    args.by = bundle.get("by", "outlet")
    # the outlets stripped are the predicted corpus's own (its `outlet` column), whatever the
    # model predicts: a label's values are not names
    args.strip_outlets = None
    features, _, corpus, _ = load_inputs(args)
    texts = _texts(features, corpus)
    if texts is not None:
        features = features.reset_index(drop=True).assign(text=texts.values)
    source = corpus if corpus is not None else features
    if "outlet" in source.columns:
        strip_own_names(bundle, sorted(source["outlet"].dropna().astype(str).unique()))
    out = predict_frame(bundle, features)
    write_csv(out, Path(args.out))
    print(f"framing: wrote {len(out)} predictions to {args.out}", file=sys.stderr)
    return 0
