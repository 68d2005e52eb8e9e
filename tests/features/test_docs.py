"""docs/features.md is generated from the code and covers every column."""

from __future__ import annotations

from framing.features import FramingFeatures
from framing.features.docs import META_DOCS, feature_table, render
from framing.paths import PROJECT_ROOT


def test_table_covers_every_column() -> None:
    table = feature_table()
    assert list(table["name"]) == list(FramingFeatures().fit().get_feature_names_out())
    assert (table["name"].str.split("__").str[0] == table["family"]).all()
    assert set(table["family"]) >= {"loaded", "attribution", "claims", "readability", "sentiment"}
    assert not table["meaning"].str.contains("(undocumented:", regex=False).any()
    assert (table["unit"].str.len() > 0).all()


def test_render_lists_columns_and_metadata() -> None:
    table = feature_table(families=["readability"])
    page = render(table)
    for name in table["name"]:
        assert f"`{name}`" in page
    for name in META_DOCS:
        assert f"`{name}`" in page


def test_committed_page_is_current() -> None:
    """Fails when a family's columns change: run `python -m framing.features.docs`."""
    page = (PROJECT_ROOT / "docs" / "features.md").read_text(encoding="utf-8")
    missing = [n for n in feature_table()["name"] if f"`{n}`" not in page]
    assert not missing, f"docs/features.md is stale; regenerate it (missing {missing[:5]})"
