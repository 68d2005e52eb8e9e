"""Loading corpora: files, directories, tables and datasets, with provenance.

The names below load their modules on first use (PEP 562): the outlet registry
(``framing.io.outlets``) is read while analysing an article, and must not import pandas
with the table loaders.
"""

from typing import Any

_LAZY = {
    **dict.fromkeys(("corpus_hash", "load_corpus", "load_file", "load_table"), "framing.io.loaders"),
    **dict.fromkeys(("Outlet", "OutletRegistry"), "framing.io.outlets"),
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        return getattr(importlib.import_module(_LAZY[name]), name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Outlet", "OutletRegistry", "corpus_hash", "load_corpus", "load_file", "load_table"]
