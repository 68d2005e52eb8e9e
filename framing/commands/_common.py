"""Arguments shared by every command that reads a corpus or a lexicon."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import pandas as pd

from framing.atomic import write_atomic  # noqa: F401  (re-exported for commands)

MAPPING_ARGS = ("text_col", "title_col", "outlet_col", "date_col", "id_col", "url_col", "label_col", "publisher_col")


def add_corpus_args(parser: argparse.ArgumentParser, nargs: str = "+") -> None:
    """PATH arguments plus the column mapping for tables (``--text-col`` ...)."""
    parser.add_argument(
        "paths", nargs=nargs, metavar="PATH", help="files, directories or tables (CSV/TSV/JSONL/Parquet)"
    )
    g = parser.add_argument_group("table columns (CSV/TSV/JSONL/Parquet)")
    for name in MAPPING_ARGS:
        flag = "--" + name.replace("_", "-")
        g.add_argument(flag, dest=name, metavar="COL", help=f"column holding the {name[:-4]}")


def add_lexicon_arg(parser: argparse.ArgumentParser) -> None:
    from framing.lexicon.packs import pack_token

    parser.add_argument(
        "--lexicon",
        action="append",
        default=[],
        metavar="PATH",
        help="add or override lexicon entries from a TOML file (repeatable)",
    )
    # a selection travels with the --lexicon list as pack:NAME items (framing.lexicon.packs)
    parser.add_argument(
        "--lexicon-pack",
        dest="lexicon",
        action="append",
        type=pack_token,
        metavar="NAME",
        help="use only these bundled lexicon packs (repeatable; default: all; "
        "'framing lexicon coverage' lists them)",
    )


def mapping_from_args(args: argparse.Namespace) -> dict[str, Any]:
    return {k: getattr(args, k, None) for k in MAPPING_ARGS if getattr(args, k, None)}


def corpus_from_args(args: argparse.Namespace, paths: list[str] | None = None) -> pd.DataFrame:
    """Load the corpus the arguments name; FA-KES's published CSV is recognised and read as such."""
    from framing.io import load_corpus
    from framing.io.datasets import FAKES, load_fakes

    paths = paths if paths is not None else list(args.paths)
    mapping = mapping_from_args(args)
    if len(paths) == 1 and Path(paths[0]).name == FAKES.filename and not mapping:
        df = load_fakes(paths[0])
    else:
        df = load_corpus(paths, **mapping)
    for p in df.attrs.get("problems", []):
        print(f"framing: warning: {p}", file=sys.stderr)
    return df


def dumps(obj: Any, indent: int | None = 2) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=indent, default=str)


def corpus_chunks_from_args(args: argparse.Namespace, chunk_size: int, problems: list[str]) -> Any:
    """The corpus as an iterator of chunks (flat memory for big tables); FA-KES whole."""
    from framing.io.datasets import FAKES
    from framing.io.stream import iter_corpus

    paths = list(args.paths)
    mapping = mapping_from_args(args)
    if len(paths) == 1 and Path(paths[0]).name == FAKES.filename and not mapping:
        return corpus_from_args(args)
    return iter_corpus(paths, chunk_size=chunk_size, problems=problems, **mapping)
