"""``framing datasets fetch NAME [--from FILE]``: the only command that may use the network."""

from __future__ import annotations

import argparse
from typing import Any


def register(sub: Any) -> None:
    p = sub.add_parser("datasets", help="fetch published data sets into the local cache")
    dsub = p.add_subparsers(dest="datasets_command", metavar="SUBCOMMAND", required=True)
    f = dsub.add_parser("fetch", help="download a data set (checksum verified)")
    f.add_argument("name", help="data set name (see `framing datasets list`)")
    f.add_argument("--from", dest="from_file", metavar="FILE", help="take a local copy instead of downloading")
    f.add_argument("--dest", metavar="DIR", help="cache folder (default: $FRAMING_DATA or ~/.cache/framing)")
    f.set_defaults(func=run_fetch)
    ls = dsub.add_parser("list", help="known data sets")
    ls.set_defaults(func=run_list)


def run_fetch(args: argparse.Namespace) -> int:
    from pathlib import Path

    from framing.io.datasets import fetch

    path = fetch(args.name, from_file=args.from_file, dest=Path(args.dest) if args.dest else None)
    print(path)
    return 0


def run_list(args: argparse.Namespace) -> int:
    from framing.io.datasets import DATASETS

    for ds in DATASETS.values():
        print(f"{ds.name}: {ds.citation} ({ds.licence}) <{ds.url}>")
    return 0
