"""`newskb serve` runs Datasette with newskb's metadata applied to the database served."""

import json
import subprocess
import sys
from pathlib import Path

from ingest import browse, store
from tests.conftest import SAMPLES


def test_metadata_is_keyed_by_the_served_database_name(tmp_path: Path) -> None:
    metadata = browse.metadata_for(tmp_path / "research.db")
    assert "research" in metadata["databases"]
    assert "newskb" not in metadata["databases"]


def test_datasette_serves_facets_and_search_for_an_imported_database(tmp_path: Path) -> None:
    db_path = tmp_path / "kb.db"
    subprocess.run([sys.executable, "-m", "ingest", "import", str(SAMPLES), "--db",
                    str(db_path), "-q"], check=True, capture_output=True)
    store.connect(db_path).close()
    metadata = tmp_path / "metadata.json"
    metadata.write_text(json.dumps(browse.metadata_for(db_path)), encoding="utf-8")
    command = browse.datasette_command(db_path, metadata, "127.0.0.1", 0,
                                      ["--get", "/kb/articles.json?_search=Trainium&_shape=objects"
                                       "&_extra=facet_results"])
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    page = json.loads(result.stdout)
    assert [row["format"] for row in page["rows"]] == ["text"]
    assert {"format", "site", "language"} <= set(page["facet_results"])


def test_rendered_markdown_runs_nothing_from_the_article(tmp_path: Path) -> None:
    article = tmp_path / "hostile.md"
    article.write_text("# Hostile\n\nHello <script>alert(1)</script> <img src=x onerror=alert(2)>"
                       " [click](javascript:alert(3)) [ok](https://example.org)\n\n"
                       "| a | b |\n|---|---|\n| 1 | 2 |\n", encoding="utf-8")
    db_path = tmp_path / "kb.db"
    subprocess.run([sys.executable, "-m", "ingest", "import", str(article), "--db",
                    str(db_path), "-q"], check=True, capture_output=True)
    metadata = tmp_path / "metadata.json"
    metadata.write_text(json.dumps(browse.metadata_for(db_path)), encoding="utf-8")
    command = browse.datasette_command(db_path, metadata, "127.0.0.1", 0,
                                       ["--get", "/kb/articles/1"])
    page = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    body = page[page.index("Hello"):]
    assert "<script>alert" not in body and "onerror" not in body and "javascript:" not in body
    assert '<a href="https://example.org"' in body
    assert "<table>" in body
