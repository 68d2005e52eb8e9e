"""CLI subcommands: each module adds one command group with register(subparsers)."""
