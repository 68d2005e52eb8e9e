import json
import math

import numpy as np
import pandas as pd
import pytest

from framing.compare.io import load_model, save_model, write_csv, write_json
from framing.errors import InputError


def test_json_is_atomic_and_nan_free(tmp_path):
    path = tmp_path / "sub" / "s.json"
    write_json({"a": np.float64(1.5), "b": math.nan, "c": np.arange(2)}, path)
    assert json.loads(path.read_text()) == {"a": 1.5, "b": None, "c": [0, 1]}
    assert [p.name for p in path.parent.iterdir()] == ["s.json"]


def test_failed_write_leaves_nothing(tmp_path):
    class Boom(pd.DataFrame):
        def to_csv(self, *a, **k):
            raise RuntimeError("disk full")

    with pytest.raises(RuntimeError):
        write_csv(Boom({"a": [1]}), tmp_path / "t.csv")
    assert list(tmp_path.iterdir()) == []


def test_model_file_errors_are_one_line(tmp_path):
    with pytest.raises(InputError, match="no such model file"):
        load_model(tmp_path / "missing.skops")
    bad = tmp_path / "bad.skops"
    bad.write_text("not a zip")
    with pytest.raises(InputError, match="not a skops model file"):
        load_model(bad)


class Gadget:
    """Stands for code nobody vetted inside a model file."""

    def __init__(self) -> None:
        self.payload = 1


def test_untrusted_types_are_refused(tmp_path):
    path = tmp_path / "m.skops"
    save_model({"model": Gadget()}, path)
    with pytest.raises(InputError, match="does not trust"):
        load_model(path)


# --------------------------------------------------------------------------- crafted model files
# Each stands for a file an attacker hands a user ("here is my model, run framing predict"):
# skops builds ``module.name(*args)`` for what the file names, so a file naming a function
# runs it. framing must refuse every one before anything in it is built.


def _str_node(value: str) -> dict:
    return {"__class__": "str", "__module__": "builtins", "__loader__": "JsonNode",
            "content": json.dumps(value), "is_json": True}


def _tuple_node(*items: dict) -> dict:
    return {"__class__": "tuple", "__module__": "builtins", "__loader__": "TupleNode",
            "content": list(items)}


def _call_node(module: str, name: str, *args: dict) -> dict:
    """A node skops loads as ``module.name(*args)``."""
    return {"__class__": name, "__module__": module, "__loader__": "ConstructorFromReduceNode",
            "content": _tuple_node(*args)}


def _craft(path, model_node: dict) -> None:
    """A skops file whose bundle's ``model`` entry is ``model_node``."""
    import io
    import zipfile

    import skops.io as sio

    benign = zipfile.ZipFile(io.BytesIO(sio.dumps({"model": "placeholder"})))
    schema = json.loads(benign.read("schema.json"))
    schema["content"]["model"] = model_node
    with zipfile.ZipFile(path, "w") as z:
        z.writestr("schema.json", json.dumps(schema))


def _empty_dict_node() -> dict:
    return {"__class__": "dict", "__module__": "builtins", "__loader__": "DictNode", "content": {},
            "key_types": {"__class__": "list", "__module__": "builtins", "__loader__": "ListNode",
                          "content": []}}


@pytest.mark.parametrize("module, name", [("builtins", "exec"), ("numpy.testing", "runstring")])
def test_a_file_that_runs_code_is_refused_and_nothing_runs(tmp_path, module, name):
    marker = tmp_path / "pwned"
    code = f"open({str(marker)!r}, 'w').write('ran')"
    args = [_str_node(code)] + ([_empty_dict_node()] if name == "runstring" else [])
    path = tmp_path / "m.skops"
    _craft(path, _call_node(module, name, *args))
    with pytest.raises(InputError) as info:
        load_model(path)
    assert f"{module}.{name}" in str(info.value) and "\n" not in str(info.value)
    assert not marker.exists()


def test_a_file_that_writes_a_file_is_refused_and_nothing_is_written(tmp_path):
    target = tmp_path / "elsewhere" / "planted.json"
    path = tmp_path / "m.skops"
    _craft(path, _call_node("framing.compare.io", "write_json", _empty_dict_node(), _str_node(str(target))))
    with pytest.raises(InputError, match="framing.compare.io.write_json"):
        load_model(path)
    assert not target.exists() and not target.parent.exists()


def test_a_function_kept_as_an_attribute_is_refused(tmp_path):
    """A function stored (not called) would run later, when predict uses the model."""
    path = tmp_path / "m.skops"
    _craft(path, {"__class__": "exec", "__module__": "builtins", "__loader__": "FunctionNode",
                  "content": {"module_path": "builtins", "function": "exec"}})
    with pytest.raises(InputError, match="function or method .builtins.exec"):
        load_model(path)


def test_a_class_off_the_list_is_refused_by_name(tmp_path):
    path = tmp_path / "m.skops"
    _craft(path, {"__class__": "OrderedDict", "__module__": "collections", "__loader__": "ObjectNode",
                  "content": _empty_dict_node()})
    with pytest.raises(InputError, match="does not trust: collections.OrderedDict"):
        load_model(path)


def test_escape_sequences_in_a_crafted_type_name_are_not_printed_raw(tmp_path):
    path = tmp_path / "m.skops"
    _craft(path, _call_node("os\x1b[2J", "system\nrm -rf", _str_node("true")))
    with pytest.raises(InputError) as info:
        load_model(path)
    msg = str(info.value)
    assert "\x1b" not in msg and "\n" not in msg and "\\x1b" in msg


def test_the_allow_list_is_classes_only():
    from framing.compare.io import trusted_classes

    assert all(isinstance(c, type) for c in trusted_classes())


@pytest.fixture(scope="module")
def saved_models(tmp_path_factory, tiny):
    """A model of every kind ``framing compare`` can save, saved as it saves them."""
    from framing.compare import compare_outlets
    from framing.compare.models import MODEL_KINDS

    features, spans, corpus = tiny
    out = tmp_path_factory.mktemp("models")
    paths = {}
    for kind in MODEL_KINDS:
        res = compare_outlets(features, spans_df=spans, corpus_df=corpus, models=(kind,), n_splits=2,
                              n_boot=5, n_coef_boot=0)
        paths[kind] = save_model(res.model_bundle, out / f"{kind}.skops")
    return paths


def test_real_models_name_only_allow_listed_classes(saved_models):
    """Derives the allow-list's need from what real models hold, so it cannot drift."""
    import skops.io as sio

    from framing.compare.io import named_types, trusted_type_names

    allowed = trusted_type_names()
    assert set(saved_models) == {"framing", "tfidf", "combined"}
    for kind, path in saved_models.items():
        names = {n for n, _ in named_types(path)}
        assert names <= allowed, (kind, names - allowed)
        assert set(sio.get_untrusted_types(file=path)) <= allowed, kind
        bundle = load_model(path)
        assert bundle["kind"] == kind and hasattr(bundle["model"], "predict")
