"""The ``framing`` command: a thin shell over the Python API (no logic lives only here).

Building the whole parser imports every command module, so those import only argparse-level
code at module level; each command's dependencies (pandas, scikit-learn, matplotlib ...) are
imported when it runs (tests/test_cli.py checks this). A command line that names its command
first (``framing analyze FILE``) builds only that command's options: the other eight cost
more CPU than reading an article. Anything else (``framing --help``, a typo) gets them all.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import sys
from collections.abc import Sequence

from framing.errors import FramingError, printable

#: the collector's first threshold while a command runs (CPython's default: 700). Start-up
#: builds a few hundred thousand objects that live as long as the process (modules, the
#: lexicon, the matcher's tables); at the default the collector traverses them over and
#: over (~0.3 of 1.6 CPU-s of ``framing analyze FILE``). Collecting every 20,000 new objects
#: instead holds at most that many of cyclic garbage (a few MB) a little longer.
GC_THRESHOLD = 20_000

#: command modules in framing/commands/, each with register(subparsers)
COMMANDS = ("analyze", "corpus", "datasets", "lexicon", "extract", "compare", "predict", "report", "stories")


class _Version(argparse.Action):
    """``--version``, reading the installed version only when asked (argparse's own action
    takes the string up front, and looking it up imports importlib.metadata)."""

    def __init__(self, option_strings: Sequence[str], dest: str = argparse.SUPPRESS, **kw: object) -> None:
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS,
                         help="show program's version number and exit")

    def __call__(self, parser: argparse.ArgumentParser, *_: object) -> None:
        from framing import __version__

        print(f"framing {__version__}")  # on stdout, as argparse's version action prints
        parser.exit()


def build_parser(command: str | None = None) -> argparse.ArgumentParser:
    """The ``framing`` parser: every command, or only ``command`` (one of COMMANDS) when
    that is all the command line can reach."""
    parser = argparse.ArgumentParser(
        prog="framing",
        description="How news outlets frame a story and how well they source it.",
    )
    parser.add_argument("--version", action=_Version)
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in (command,) if command in COMMANDS else COMMANDS:
        try:
            mod = importlib.import_module(f"framing.commands.{name}")
        except ModuleNotFoundError as exc:  # a command still being built
            if exc.name != f"framing.commands.{name}":
                raise
            continue
        mod.register(sub)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    before = gc.get_threshold()
    gc.set_threshold(GC_THRESHOLD, *before[1:])
    # the interpreter's last full collection at exit would traverse everything start-up
    # built (~0.3 CPU-s): freezing it first skips that; nothing here relies on a collection
    # at exit (outputs are written and closed explicitly, framing/atomic.py)
    atexit.unregister(gc.freeze)  # once, however often main() is called in one process
    atexit.register(gc.freeze)
    try:
        return _main(argv)
    finally:
        gc.set_threshold(*before)  # main() called from Python leaves the collector as it was


def _main(argv: Sequence[str] | None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    # only the first word can be the command: `framing --version`, `framing -h` build all
    parser = build_parser(argv[0] if argv else None)
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return 2
    try:
        return int(args.func(args) or 0)
    except FramingError as exc:
        print(f"framing: error: {printable(exc)}", file=sys.stderr)
        return 1
    except BrokenPipeError:  # `framing analyze ... | head`
        return 0
    except OSError as exc:  # a file system failure no command foresaw: still one line
        where = f"{exc.filename}: " if exc.filename else ""
        print(f"framing: error: {printable(where)}{printable(exc.strerror or exc)}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("framing: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
