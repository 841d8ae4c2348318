"""Exports: JSONL round-trips to the same database, Markdown re-imports, CSV lists claims."""

import csv
import io
import json
from collections.abc import Callable
from pathlib import Path

from typer.testing import CliRunner, Result

from ingest import store
from ingest.cli import app
from ingest.models import Article
from tests.conftest import SAMPLES

Newskb = Callable[..., Result]


def _run(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def _all_rows(db_path: Path) -> dict[str, list[dict]]:
    db = store.connect(db_path)
    tables = [t for t in db.table_names() if "_fts" not in t]
    rows = {}
    for table in tables:
        result = _run("query", f"SELECT * FROM [{table}] ORDER BY 1, 2", "--db", str(db_path),
                      "--format", "json")
        assert result.exit_code == 0, result.output
        rows[table] = json.loads(result.stdout)
    return rows


def test_jsonl_export_reimports_to_identical_rows_in_every_table(tmp_path: Path) -> None:
    first, second = tmp_path / "first.db", tmp_path / "second.db"
    assert _run("import", str(SAMPLES), "--db", str(first), "-q").exit_code == 0
    exported = tmp_path / "kb.jsonl"
    assert _run("export", "--format", "jsonl", "--db", str(first), "--out",
                str(exported)).exit_code == 0
    result = _run("import", str(exported), "--db", str(second))
    assert result.exit_code == 0, result.output
    assert _all_rows(first) == _all_rows(second)


def test_every_jsonl_line_is_a_valid_article(newskb: Newskb) -> None:
    newskb("import", str(SAMPLES), "-q")
    lines = newskb("export", "--format", "jsonl").stdout.splitlines()
    assert len(lines) == len(list(SAMPLES.iterdir()))
    assert all(Article.model_validate_json(line) for line in lines)


def test_where_and_since_select_articles(newskb: Newskb) -> None:
    newskb("import", str(SAMPLES), "-q")
    chosen = newskb("export", "--format", "jsonl", "--where", "format = 'markdown'").stdout
    assert [json.loads(line)["format"] for line in chosen.splitlines()] == ["markdown"]
    recent = newskb("export", "--format", "jsonl", "--since", "2026-04-01").stdout
    assert all(json.loads(line)["metadata"]["published"] >= "2026-04-01"
               for line in recent.splitlines())


def test_bad_where_fails_with_the_reason(newskb: Newskb) -> None:
    result = newskb("export", "--format", "jsonl", "--where", "nope = 1")
    assert (result.exit_code, result.stderr) == (1, "export failed: no such column: nope\n")


def test_markdown_export_writes_front_matter_that_reimports(newskb: Newskb,
                                                            tmp_path: Path) -> None:
    newskb("import", str(SAMPLES / "chip-export-rules.md"), "-q")
    out = tmp_path / "md"
    assert newskb("export", "--format", "markdown", "--out", str(out)).exit_code == 0
    (written,) = out.iterdir()
    assert written.name == "00001-new-chip-export-rules-what-changes-for-ai-labs.md"
    again = tmp_path / "again.db"
    assert _run("import", str(written), "--db", str(again), "-q").exit_code == 0
    meta = json.loads(_run("query", "SELECT title, author, published, site, url FROM articles",
                           "--db", str(again), "--format", "json").stdout)
    assert meta == [{"title": "New chip export rules: what changes for AI labs",
                     "author": "Dana Whitfield, Sam Ortiz", "published": "2026-03-04",
                     "site": "PolicyWire", "url": "https://policywire.example/chip-export-rules"}]


def test_csv_export_lists_claims_with_their_article(newskb: Newskb) -> None:
    newskb("import", str(SAMPLES), "-q")
    rows = list(csv.DictReader(io.StringIO(newskb("export", "--format", "csv").stdout)))
    count = json.loads(newskb("query", "SELECT COUNT(*) AS n FROM claims",
                              "--format", "json").stdout)[0]["n"]
    assert count > 0
    assert len(rows) == count
    assert {"article_title", "section_path", "text", "kind", "hedged"} <= set(rows[0])


def test_a_broken_jsonl_line_fails_alone(newskb: Newskb, tmp_path: Path) -> None:
    newskb("import", str(SAMPLES / "chip-export-rules.md"), "-q")
    good = newskb("export", "--format", "jsonl").stdout
    mixed = tmp_path / "mixed.jsonl"
    mixed.write_text('{"source": "x"}\n' + good, encoding="utf-8")
    result = _run("import", str(mixed), "--db", str(tmp_path / "new.db"))
    assert result.exit_code == 1
    assert result.stderr.startswith(f"{mixed}:1: not a newskb article (")
    assert "1 imported" in result.stdout


def test_markdown_export_needs_a_directory(newskb: Newskb) -> None:
    result = newskb("export", "--format", "markdown")
    assert result.exit_code == 1
    assert "--out DIRECTORY" in result.stderr
