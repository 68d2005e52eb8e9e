"""``framing lexicon validate|show|coverage``: check lexicon files, list their entries, and
measure how a corpus is covered (``coverage`` lives in lexicon_coverage.py)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import Any

from framing.commands._common import add_lexicon_arg


def register(sub: Any) -> None:
    """``framing lexicon ACTION``: one ``add_<action>`` and one ``run_<action>`` per action,
    so a new action is two functions and one line in ACTIONS."""
    p = sub.add_parser("lexicon", help="validate or list loaded-language lexicons")
    lsub = p.add_subparsers(dest="lexicon_command", metavar="ACTION")
    for add in ACTIONS:
        add(lsub)
    p.set_defaults(func=lambda args: (p.print_help(), 2)[1])


def add_validate(lsub: Any) -> None:
    v = lsub.add_parser("validate", help="report every bad entry as file:line: problem (default: bundled lexicons)")
    v.add_argument("paths", nargs="*", metavar="PATH", help="lexicon TOML files or folders")
    add_lexicon_arg(v)
    v.set_defaults(func=run_validate)


def add_show(lsub: Any) -> None:
    s = lsub.add_parser("show", help="list entries (bundled lexicons plus --lexicon files)")
    s.add_argument(
        "--referent",
        action="append",
        default=[],
        metavar="ID",
        help="only entries naming this referent group (repeatable)",
    )
    s.add_argument(
        "--category", action="append", default=[], metavar="CAT", help="only entries of this category (repeatable)"
    )
    s.add_argument("--referents", action="store_true", help="list referent groups instead")
    add_lexicon_arg(s)
    s.set_defaults(func=run_show)


def run_validate(args: argparse.Namespace) -> int:
    """Loaded-language lexicons by the lexicon schema; sourcing lexicons and the outlet
    registry by their own loaders, so every bundled file is checked by one command."""
    from framing.errors import LexiconError
    from framing.lexicon import count_entries, validate_paths
    from framing.lexicon.load import other_kind, unreviewed
    from framing.lexicon.packs import bundled_packs, check_selection, split_selection
    from framing.paths import LEXICON_DIR

    selected, user = split_selection(list(args.paths) + list(args.lexicon))
    check_selection(selected, bundled_packs())
    paths = [str(p) for p in user]
    others = [p for p in paths if other_kind(p)] if paths else sorted(
        p for p in LEXICON_DIR.glob("*.toml") if other_kind(p)
    )
    errors: list[LexiconError] = list(validate_paths(paths))
    checked: list[str] = []
    for p in others:
        try:
            checked.append(f"{p}: {_validate_other(p)} OK")
        except LexiconError as exc:
            errors.append(exc)
    for e in errors:
        print(str(e))
    if errors:
        print(f"{len(errors)} problem{'s' if len(errors) != 1 else ''}")
        return 1
    for line in checked:
        print(line)
    pending = unreviewed(paths)
    for e in pending:
        print(f"{e.source}:{e.line}: entry '{e.canonical}' is suggested, not yet reviewed "
              "(it counts once status = \"accepted\")")
    note = f" ({len(pending)} still suggested, not counted)" if pending else ""
    print(f"{count_entries(paths)} entries OK{note}")
    return 0


def _validate_other(path: str | Path) -> str:
    """Validate a sourcing lexicon or an outlet registry; return what it is."""
    import tomllib

    from framing.io.outlets import OutletRegistry
    from framing.lexicon.graded import is_graded_file, read_config
    from framing.sourcing.cues import validate_file

    with open(path, "rb") as f:
        data = tomllib.load(f)
    if is_graded_file(data):
        cfg = read_config(path)
        s = cfg.settings
        return f"graded layer ({s.source}, |valence| >= {s.min_valence:g}, {len(cfg.plain)} plain forms)"
    if "outlet" in data:
        return f"outlet registry, {len(OutletRegistry.from_files([Path(path)]))} outlets"
    return f"{validate_file(path)} lexicon"


def run_show(args: argparse.Namespace) -> int:
    from framing.errors import FramingError
    from framing.lexicon import load_lexicon

    lex = load_lexicon(tuple(args.lexicon))
    if args.referents:
        rows = [[r.id, r.label, ",".join(r.region)] for r in lex.referents.values()]
        print(_table(["referent", "label", "region"], rows))
        return 0
    unknown = [r for r in args.referent if r not in lex.referents]
    if unknown:
        raise FramingError(f"unknown referent {', '.join(unknown)}; try 'framing lexicon show --referents'")
    rows = []
    for e in lex.entries:
        if args.referent and e.referent not in args.referent:
            continue
        if args.category and e.category not in args.category:
            continue
        rows.append(
            [
                e.referent or "-",
                e.canonical,
                e.category,
                f"{e.connotation:+g}",
                f"{e.weight:g}",
                "; ".join(e.forms) + (" (case)" if e.case_sensitive else ""),
            ]
        )
    print(_table(["referent", "canonical", "category", "conn", "weight", "forms"], rows))
    print(f"{len(rows)} entries")
    return 0


def _table(header: list[str], rows: list[list[str]], max_width: int = 60) -> str:
    """A plain fixed-width table (no dependency: tabulate is not installed)."""
    cells = [header] + [[c if len(c) <= max_width else c[: max_width - 1] + "…" for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(header))]
    lines = ["  ".join(c.ljust(w) for c, w in zip(r, widths, strict=True)).rstrip() for r in cells]
    lines.insert(1, "  ".join("-" * w for w in widths))
    return "\n".join(lines)


#: the actions, in the order ``framing lexicon --help`` lists them
def add_suggest(lsub: Any) -> None:
    from framing.commands import lexicon_suggest

    lexicon_suggest.register(lsub)


def add_coverage(lsub: Any) -> None:
    from framing.commands import lexicon_coverage

    lexicon_coverage.register(lsub)


ACTIONS = (add_validate, add_show, add_suggest, add_coverage)
