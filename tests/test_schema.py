"""The contracts in schema/: the JSON Schema is fresh, the Datasette metadata names real things."""

import json
from pathlib import Path

from ingest import store
from ingest.models import Article
from tests.conftest import ROOT

SCHEMA = ROOT / "schema"


def test_committed_json_schema_matches_the_models() -> None:
    committed = json.loads((SCHEMA / "article.schema.json").read_text(encoding="utf-8"))
    assert committed == Article.model_json_schema(), "stale: run `make schema`"


def test_datasette_metadata_names_only_real_tables_and_columns(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    metadata = json.loads((SCHEMA / "datasette.json").read_text(encoding="utf-8"))
    tables = metadata["databases"]["newskb"]["tables"]
    for name, table in tables.items():
        assert db[name].exists(), name
        columns = set(db[name].columns_dict)
        named = set(table.get("columns", {})) | set(table.get("facets", []))
        named |= {table[k] for k in ("label_column", "sort", "sort_desc") if k in table}
        assert named <= columns, f"{name}: {named - columns}"
        if "fts_table" in table:
            assert db[table["fts_table"]].exists()


def test_every_table_and_column_users_see_is_described(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    tables = json.loads((SCHEMA / "datasette.json").read_text(encoding="utf-8"))
    described = tables["databases"]["newskb"]["tables"]
    for name in db.table_names():
        if described.get(name, {}).get("hidden"):
            continue
        assert described[name]["title"] and described[name]["description"], name
        assert set(described[name]["columns"]) == set(db[name].columns_dict), name


def test_canned_queries_run_on_an_empty_database(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    queries = json.loads((SCHEMA / "datasette.json").read_text(encoding="utf-8"))
    for name, canned in queries["databases"]["newskb"]["queries"].items():
        params = {p: "" for p in ("entity", "source", "article_id") if f":{p}" in canned["sql"]}
        assert db.execute(canned["sql"], params).fetchall() == [], name
