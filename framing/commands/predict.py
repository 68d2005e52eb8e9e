"""``framing predict MODEL CORPUS|FEATURES -o predictions.csv``: apply a saved comparison model."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.commands._common import add_corpus_args, add_lexicon_arg, add_output_arg, positive
from framing.errors import FramingError

if TYPE_CHECKING:  # numpy, pandas and scikit-learn load when the command runs
    import pandas as pd


def register(sub: Any) -> None:
    p = sub.add_parser(
        "predict",
        help="predict the outlet (or other group) of articles with a model from `framing compare`",
    )
    p.add_argument("model", metavar="MODEL", help="model.skops written by `framing compare`")
    add_corpus_args(p)
    add_lexicon_arg(p)
    add_output_arg(p, "CSV", "predictions CSV to write", old="--out")
    p.add_argument("--corpus", nargs="+", metavar="PATH",
                   help="the corpus behind a feature table (its text, for word models)")
    p.add_argument("--workers", type=positive, default=1, metavar="N", help="processes for extraction (default 1)")
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
    import numpy as np
    import pandas as pd

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
    import pandas as pd

    from framing.atomic import check_writable
    from framing.commands.compare import load_inputs
    from framing.compare.api import _texts
    from framing.compare.io import load_model, write_csv

    check_writable(args.output)
    bundle = load_model(args.model)  # refuses a file naming anything off its allow-list

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
    out["note"] = None
    left_out = dict((corpus.attrs if corpus is not None else {}).get("left_out", {}))
    if left_out:  # kept as rows with no prediction, so no article goes missing from the CSV
        skipped = pd.DataFrame({"id": list(left_out), "predicted": None, "note": list(left_out.values())})
        out = pd.concat([out, skipped], ignore_index=True)
    write_csv(out, Path(args.output))
    print(f"framing: wrote {len(out)} predictions to {args.output}", file=sys.stderr)
    return 0
