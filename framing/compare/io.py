"""Writing comparison results (tidy CSV/Parquet, summary.json) and the saved model.

Every file is written through ``framing.atomic`` (a temporary name, then ``os.replace``), so
an interrupted run never leaves a half-written table behind. The model is saved with skops
(not pickle), and ``load_model`` trusts exactly an allow-list of classes: a file that names a
function (``builtins.exec``) or any class a comparison model is not made of is refused, in
one line naming the type, before anything in it is built.
"""

from __future__ import annotations

import json
import math
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.atomic import atomic_path, check_replaceable
from framing.errors import InputError, printable

#: skops node kinds that load a function or a method: a comparison model holds none, and a
#: function named in a file is how a crafted file runs code, so any such node is refused
_FUNCTION_LOADERS = frozenset({"FunctionNode", "MethodNode", "PartialNode", "OperatorFuncNode"})
#: a schema.json larger than this is not a model framing wrote (the arrays live beside it)
_MAX_SCHEMA_BYTES = 64 * 1024 * 1024


def trusted_classes() -> tuple[type, ...]:
    """The classes a saved comparison model may contain: classes only, never functions, and
    only those ``framing compare`` really saves (tests/compare/test_io.py saves a model of
    every kind and checks each names nothing else, so the list cannot silently drift)."""
    from sklearn.compose import ColumnTransformer
    from sklearn.feature_extraction.text import TfidfTransformer
    from sklearn.impute import SimpleImputer
    from sklearn.linear_model import LogisticRegression
    from sklearn.pipeline import FeatureUnion, Pipeline
    from sklearn.preprocessing import QuantileTransformer, StandardScaler

    from framing.compare.leakage import BoilerplateStripper
    from framing.compare.models import BlockWeight, MentionShrinkage, MinSupport, RecalibratedSVC, TermTfidf
    from framing.compare.transformers import NormalQuantiles

    return (
        # the containers and scalars any skops file is made of
        dict, list, tuple, slice, str, int, float, bool,
        np.ndarray, np.dtype, np.float64, np.float32, np.int64, np.int32,
        # scikit-learn's pieces of the three model kinds
        Pipeline, FeatureUnion, ColumnTransformer, SimpleImputer, StandardScaler,
        QuantileTransformer, TfidfTransformer, LogisticRegression,
        # framing's own estimators
        BoilerplateStripper, BlockWeight, MentionShrinkage, MinSupport, NormalQuantiles,
        RecalibratedSVC, TermTfidf,
    )


def type_name(cls: type) -> str:
    """The name skops writes for a class (``module.QualName``)."""
    return f"{cls.__module__}.{cls.__qualname__}"


def trusted_type_names() -> frozenset[str]:
    return frozenset(type_name(c) for c in trusted_classes())


#: every file ``write_results`` may write into a results folder: a folder holding anything
#: else is the user's, and ``framing compare -o`` refuses to replace it
RESULT_FILES = frozenset({
    "stats_kruskal.csv", "stats_pairwise.parquet", "stats_pairwise.csv", "per_outlet.csv",
    "confusion.csv", "top_features.csv", "similarity.csv", "profiles.csv", "linkage.csv",
    "predictions.csv", "naming_shares.csv", "credibility_features.csv", "ratings_correlation.csv",
    "model.skops",
    "summary.json",
    # framing compare --within-story (framing.stories.compare.write_within_story)
    "stories.parquet", "story_outlets.csv", "story_names.csv", "story_unique_facts.csv",
    "story_controlled_stats.csv", "story_paired_stats.csv", "stories_summary.json",
})


def check_result_dir(path: str | Path) -> None:
    """Refuse, before any work, a results folder ``framing compare`` cannot replace whole."""
    check_replaceable(path, RESULT_FILES)


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    with atomic_path(path) as tmp:
        write(tmp)
    return Path(path)


def _clean(obj: Any) -> Any:
    """JSON-safe: numpy scalars to Python, NaN/inf to null."""
    if isinstance(obj, dict):
        return {str(k): _clean(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [_clean(v) for v in obj]
    if isinstance(obj, np.ndarray):
        return [_clean(v) for v in obj.tolist()]
    if isinstance(obj, np.generic):
        obj = obj.item()
    if isinstance(obj, float) and not math.isfinite(obj):
        return None
    return obj


def write_json(obj: Any, path: Path) -> Path:
    text = json.dumps(_clean(obj), indent=2, ensure_ascii=False)
    return _atomic(path, lambda p: p.write_text(text + "\n", encoding="utf-8"))


def write_csv(df: pd.DataFrame, path: Path, index: bool = False) -> Path:
    return _atomic(path, lambda p: df.to_csv(p, index=index))


def write_parquet(df: pd.DataFrame, path: Path) -> Path:
    return _atomic(path, lambda p: df.to_parquet(p, index=False))


def save_model(bundle: dict[str, Any], path: Path) -> Path:
    """Save ``{"model": pipeline, ...metadata}`` with skops."""
    import skops.io as sio

    return _atomic(path, lambda p: sio.dump(bundle, p))


def named_types(path: Path) -> set[tuple[str, str]]:
    """Every (type, node kind) a skops file names, read from its schema without loading it.

    Read here rather than taken from skops's own list of untrusted types, so what framing
    accepts is exactly its allow-list, whatever skops trusts by default in a given version.
    """
    try:
        with zipfile.ZipFile(path) as z:
            info = z.getinfo("schema.json")
            if info.file_size > _MAX_SCHEMA_BYTES:
                raise InputError(path, "not a framing model file (schema too large)")
            schema = json.loads(z.read(info))
    except InputError:
        raise
    except (zipfile.BadZipFile, KeyError, ValueError, OSError, RuntimeError) as exc:
        raise InputError(path, f"not a skops model file ({exc.__class__.__name__})") from None
    found: set[tuple[str, str]] = set()
    for node in _dicts(schema):
        cls, mod = node.get("__class__"), node.get("__module__")
        if cls is not None or mod is not None:
            found.add((f"{mod}.{cls}", str(node.get("__loader__"))))
    return found


def _dicts(obj: Any) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON tree, without recursion (a crafted file may nest deeply)."""
    stack = [obj]
    while stack:
        item = stack.pop()
        if isinstance(item, dict):
            yield item
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)


def check_model_types(path: Path) -> None:
    """Refuse, in one line naming the type, a file naming a function or a class off the list."""
    allowed = trusted_type_names()
    for name, loader in sorted(named_types(path)):
        if loader in _FUNCTION_LOADERS:
            raise InputError(path, f"model file refers to a function or method ({printable(name, 120)}); "
                                   "framing loads only the classes a comparison model is made of")
        if name not in allowed:
            raise InputError(path, f"model holds a type framing does not trust: {printable(name, 120)}")


def load_model(path: str | Path) -> dict[str, Any]:
    """Load a model bundle saved by ``framing compare``, trusting exactly the classes of
    :func:`trusted_classes`: every type the file names is checked before anything is built."""
    import skops.io as sio

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such model file")
    check_model_types(path)
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # skops raises several types for a file that is not its own
        raise InputError(path, f"not a skops model file ({exc.__class__.__name__})") from None
    bad = sorted(set(untrusted) - trusted_type_names())
    if bad:  # cannot happen after check_model_types; kept so skops is never told to trust more
        raise InputError(path, f"model holds a type framing does not trust: {printable(bad[0], 120)}")
    try:
        bundle = sio.load(path, trusted=untrusted)
    except Exception as exc:
        raise InputError(path, f"cannot load model ({exc.__class__.__name__}: {printable(str(exc), 200)})") from None
    if not isinstance(bundle, dict) or "model" not in bundle:
        raise InputError(path, "not a framing model bundle (no 'model' entry)")
    return bundle
