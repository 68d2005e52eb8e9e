"""Writing comparison results (tidy CSV/Parquet, summary.json) and the saved model.

Every file is written to a temporary name in the same folder and moved into place with
``os.replace``, so an interrupted run never leaves a half-written table behind. The model is
saved with skops (not pickle) so ``framing predict`` can refuse files holding unexpected code.
"""

from __future__ import annotations

import json
import math
import os
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from framing.errors import InputError

#: type-name prefixes a saved model may contain; anything else is refused at load time
_TRUSTED_PREFIXES = ("sklearn.", "numpy.", "scipy.", "framing.compare.", "builtins.")


_UMASK = os.umask(0)
os.umask(_UMASK)


def _atomic(path: Path, write: Callable[[Path], None]) -> Path:
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    os.close(fd)
    try:
        write(Path(tmp))
        os.chmod(tmp, 0o666 & ~_UMASK)  # mkstemp makes 0600; give the file normal permissions
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
    return path


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


def load_model(path: str | Path) -> dict[str, Any]:
    """Load a model bundle saved by ``framing compare``, trusting only known library types."""
    import skops.io as sio

    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such model file")
    try:
        untrusted = sio.get_untrusted_types(file=path)
    except Exception as exc:  # skops raises several types for a file that is not its own
        raise InputError(path, f"not a skops model file ({exc.__class__.__name__})") from None
    bad = [t for t in untrusted if not t.startswith(_TRUSTED_PREFIXES)]
    if bad:
        raise InputError(path, f"model holds types framing does not trust: {', '.join(bad[:5])}")
    try:
        bundle = sio.load(path, trusted=untrusted)
    except Exception as exc:
        raise InputError(path, f"cannot load model ({exc.__class__.__name__}: {exc})") from None
    if not isinstance(bundle, dict) or "model" not in bundle:
        raise InputError(path, "not a framing model bundle (no 'model' entry)")
    return bundle
