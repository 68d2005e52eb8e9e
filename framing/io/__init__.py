"""Loading corpora: files, directories, tables and datasets, with provenance.

The names below load their modules on first use (PEP 562): the outlet registry
(``framing.io.outlets``) is read while analysing an article, and must not import pandas
with the table loaders.
"""

from framing.lazy import lazy_getattr

_LAZY = {
    **dict.fromkeys(("corpus_hash", "load_corpus", "load_file", "load_table"), "framing.io.loaders"),
    **dict.fromkeys(("Outlet", "OutletRegistry"), "framing.io.outlets"),
}


__getattr__ = lazy_getattr(__name__, _LAZY)


__all__ = ["Outlet", "OutletRegistry", "corpus_hash", "load_corpus", "load_file", "load_table"]
