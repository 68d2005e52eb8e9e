"""Loading corpora: files, directories, tables and datasets, with provenance."""

from framing.io.loaders import corpus_hash, load_corpus, load_file, load_table
from framing.io.outlets import Outlet, OutletRegistry

__all__ = ["Outlet", "OutletRegistry", "corpus_hash", "load_corpus", "load_file", "load_table"]
