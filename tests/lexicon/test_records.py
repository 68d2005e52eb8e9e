"""The plain records a loaded lexicon holds: the models' fields, the models' properties."""

from __future__ import annotations

import pickle
import subprocess
import sys

from framing.lexicon.load import load_lexicon
from framing.lexicon.records import ENTRY_FIELDS, META_FIELDS, REFERENT_FIELDS, EntryRecord
from framing.lexicon.schema import Entry, Meta, Referent

GOOD = {"forms": ["Daesh"], "canonical": "daesh", "category": "label", "connotation": -1, "weight": 0.5,
        "why": "a test entry"}


def test_the_records_have_the_models_fields_in_order():
    assert ENTRY_FIELDS == tuple(Entry.model_fields)
    assert META_FIELDS == tuple(Meta.model_fields)
    assert REFERENT_FIELDS == tuple(Referent.model_fields)


def test_a_record_reads_as_its_validated_entry():
    e = Entry.model_validate({**GOOD, "not_before": ["charges"]})
    e._source, e._line, e._pack = "x.toml", 7, "general"
    r = EntryRecord.of(e)
    assert r.model_dump() == e.model_dump()
    for name in ("has_context", "pack", "layer", "source", "line", "counts", "key"):
        assert getattr(r, name) == getattr(e, name), name
    assert r == EntryRecord.of(e) and r != EntryRecord({**e.model_dump(), "weight": 0.1})
    assert pickle.loads(pickle.dumps(r)) == r  # families travel to worker processes


def test_a_loaded_lexicon_holds_records_whether_cached_or_not():
    lex = load_lexicon()
    assert lex.entries and all(type(e) is EntryRecord for e in lex.entries)


def test_the_loader_and_the_disk_cache_import_no_pydantic():
    """pydantic is imported where tables are validated (parse_file), not to read the cache."""
    code = ("import sys, framing.lexicon.load, framing.lexicon.cache; "
            "print(sorted(m for m in ('pydantic', 'framing.lexicon.schema') if m in sys.modules))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300, check=True)
    assert out.stdout.strip() == "[]"
