"""Published data sets: FA-KES (read as published, fetch with a checksum).

Only ``framing datasets fetch`` touches the network; everything else reads local files.
"""

from __future__ import annotations

import hashlib
import os
import re
import shutil
import tempfile
import urllib.request
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from framing.errors import FramingError, InputError
from framing.io.loaders import finalize, load_table
from framing.paths import FAKES_CSV, user_cache_dir


@dataclass(frozen=True)
class Dataset:
    name: str
    filename: str
    url: str
    sha256: str
    citation: str
    licence: str


FAKES = Dataset(
    name="fa-kes",
    filename="FA-KES-Dataset.csv",
    url="https://zenodo.org/record/2607278/files/FA-KES-Dataset.csv?download=1",
    sha256="90822dc38d080fa220960d4b7c704fb66adba0feaf038ab44e56ec4d6f2e15ab",
    citation=(
        "Abu Salem, F. K., Al Feel, R., Elbassuoni, S., Jaber, M., & Farah, M. (2019). FA-KES: "
        "A Fake News Dataset around the Syrian War. ICWSM 13(01), 573-582."
    ),
    licence="CC BY 4.0",
)
DATASETS = {FAKES.name: FAKES}


def cache_dir() -> Path:
    """Where fetched data sets live: $FRAMING_DATA, else $XDG_CACHE_HOME/framing."""
    if env := os.environ.get("FRAMING_DATA"):
        return Path(env)
    return user_cache_dir()


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            h.update(block)
    return h.hexdigest()


def fetch(name: str, from_file: str | Path | None = None, dest: Path | None = None) -> Path:
    """Download (or copy ``from_file``) a data set into the cache, verifying its checksum."""
    try:
        ds = DATASETS[name]
    except KeyError:
        raise FramingError(f"unknown data set {name!r}; known: {', '.join(DATASETS)}") from None
    dest = (dest or cache_dir()) / ds.name
    dest.mkdir(parents=True, exist_ok=True)
    target = dest / ds.filename
    if target.exists() and sha256_file(target) == ds.sha256:
        return target
    fd, tmp = tempfile.mkstemp(dir=dest, prefix=".part-")
    os.close(fd)
    try:
        if from_file:
            shutil.copyfile(from_file, tmp)
        else:
            try:
                with urllib.request.urlopen(ds.url, timeout=60) as resp, open(tmp, "wb") as out:
                    shutil.copyfileobj(resp, out)
            except OSError as exc:
                raise FramingError(
                    f"cannot download {ds.name} from {ds.url} ({exc}); "
                    f"download it by hand and run: framing datasets fetch {ds.name} --from FILE"
                ) from None
        got = sha256_file(Path(tmp))
        if got != ds.sha256:
            raise FramingError(
                f"{from_file or ds.url}: checksum mismatch for {ds.name} (sha256 {got}, expected {ds.sha256})"
            )
        os.replace(tmp, target)
    finally:
        if os.path.exists(tmp):
            os.unlink(tmp)
    return target


def locate_fakes(path: str | Path | None = None) -> Path:
    """The FA-KES CSV: an explicit path, the copy beside the project, or the fetched cache."""
    candidates = [Path(path)] if path else [FAKES_CSV, cache_dir() / "fa-kes" / FAKES.filename]
    for c in candidates:
        if c.exists():
            return c
    raise InputError(candidates[0], "FA-KES not found; run: framing datasets fetch fa-kes")


# FA-KES stores lost punctuation as the byte pair 0x95 0x5F ("•_" once decoded) and lost
# non-ASCII letters or symbols as 0x95 0x81 ("•" once the 0x81 control is dropped).
_LOST_APOSTROPHE = re.compile(r"(?<=[A-Za-z])\u2022_(?=(?:s|t|re|ll|ve|d)\b)")
_LOST_DASH = re.compile(r"(?<=\s)\u2022_(?=\s)")
_LOST_QUOTE = re.compile(r"\u2022_")
_LOST_CHAR = re.compile(r"\u2022")


def repair_fakes_text(text: str) -> str:
    """Undo FA-KES's stray-byte damage where the lost character is clear from context."""
    text = _LOST_APOSTROPHE.sub("'", text)
    text = _LOST_DASH.sub("-", text)
    text = _LOST_QUOTE.sub('"', text)
    return _LOST_CHAR.sub("", text)


def load_fakes(path: str | Path | None = None) -> pd.DataFrame:
    """FA-KES as a corpus: 804 rows, outlet names from the registry, ``label`` 1 credible / 0 fake."""
    src = locate_fakes(path)
    df = load_table(
        src,
        text_col="article_content",
        title_col="article_title",
        outlet_col="source",
        date_col="date",
        id_col="unit_id",
        label_col="labels",
    )
    problems = list(df.attrs.get("problems", []))
    df = df.loc[:, [c for c in df.columns if not c.startswith("Unnamed")]]
    df["text"] = df["text"].map(repair_fakes_text)
    df["title"] = df["title"].map(lambda t: repair_fakes_text(t) if isinstance(t, str) else t)
    df["label"] = pd.to_numeric(df["label"], errors="coerce").astype("Int64")
    df["language"] = "en"
    # FA-KES repeats some rows verbatim (same unit_id): keep every row, make ids unique
    dup = df["id"].duplicated(keep=False)
    if dup.any():
        df["id"] = df["id"] + df.groupby("id").cumcount().map(lambda k: "" if k == 0 else f"#{k + 1}")
        problems.append(f"{src}: {int(dup.sum())} rows share a unit_id; ids made unique with #N")
    df = finalize(df)
    df["publisher"] = df["outlet"]
    df.attrs["problems"] = problems
    return df
