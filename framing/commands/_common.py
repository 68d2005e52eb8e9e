"""Arguments shared by every command that reads a corpus or a lexicon, and their checks.

Nothing heavy is imported at module level: building the CLI parser imports every command
module, and ``framing analyze FILE`` should not pay for pandas, scikit-learn or matplotlib
before it has even read its arguments.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from framing.atomic import write_atomic  # noqa: F401  (re-exported for commands)
from framing.errors import printable

if TYPE_CHECKING:
    import pandas as pd

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


def add_output_arg(parser: argparse.ArgumentParser, metavar: str, help: str, required: bool = True,
                   old: str | None = None) -> None:
    """``-o/--output``, the one spelling of every command's output; ``old`` is an earlier
    spelling still accepted (hidden from the help) so existing scripts keep working."""
    group = parser.add_mutually_exclusive_group(required=required)
    group.add_argument("-o", "--output", metavar=metavar, help=help)
    if old:
        group.add_argument(old, dest="output", metavar=metavar, help=argparse.SUPPRESS)


#: what a Parquet output may be called (a name without a suffix is taken as meant)
PARQUET_SUFFIXES = (".parquet", ".pq")


def check_parquet_output(path: str | None, flag: str = "-o/--output") -> None:
    """Refuse an output name that promises another format: ``-o features.csv`` used to get a
    Parquet file under a .csv name, which pandas.read_csv then reads as garbage."""
    if path is None:
        return
    suffix = Path(path).suffix.lower()
    if suffix and suffix not in PARQUET_SUFFIXES:
        from framing.errors import FramingError

        raise FramingError(
            f"{path}: {flag} writes Parquet, not {suffix}; name it .parquet "
            "(pandas.read_parquet reads it; DataFrame.to_csv converts it)"
        )


def int_at_least(low: int) -> Callable[[str], int]:
    """An argparse type: a whole number >= ``low``, refused in one line otherwise."""

    def parse(value: str) -> int:
        try:
            n = int(value)
        except ValueError:
            raise argparse.ArgumentTypeError(f"not a whole number: {value!r}") from None
        if n < low:
            raise argparse.ArgumentTypeError(f"must be at least {low}: {n}")
        return n

    parse.__name__ = f"int >= {low}"  # what argparse names in "invalid ... value"
    return parse


def fraction(value: str) -> float:
    """An argparse type: a number in (0, 1]."""
    try:
        x = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a number: {value!r}") from None
    if not 0 < x <= 1:
        raise argparse.ArgumentTypeError(f"must be above 0 and at most 1: {value}")
    return x


positive = int_at_least(1)
non_negative = int_at_least(0)


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
        warn(p)
    return df


def warn(message: object) -> None:
    """One warning line on stderr, with any control characters from the input escaped."""
    print(f"framing: warning: {printable(message)}", file=sys.stderr)


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
