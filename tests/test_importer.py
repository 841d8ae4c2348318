"""Import runs: a pool of workers writes the same database as one process, in input order."""

import sqlite3
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path

import pytest
import sqlite_utils

from ingest import importer, inserts, pipeline, sources, store

NOW = datetime(2026, 6, 1, tzinfo=UTC)


def _corpus(root: Path, n: int) -> list[str]:
    root.mkdir()
    for i in range(n):
        body = f"# Report {i}\n\nRevenue rose {i}% in Q{i % 4 + 1}.\n\n## Detail\n\n- item {i}\n"
        (root / f"{i:03}.md").write_text(body, encoding="utf-8")
    (root / "050-empty.md").write_bytes(b"")
    (root / "051-binary.txt").write_bytes(b"\x00\x01")
    return [str(p) for p in sorted(root.iterdir())]


def _import(db_path: Path, paths: list[str], jobs: int) -> list[importer.Event]:
    db = store.connect(db_path)
    events = list(importer.run(db, sources.discover(paths), jobs=jobs, now=NOW))
    db.close()
    return events


@pytest.mark.parametrize("batch", [store.Writer.BATCH_ARTICLES, 7])  # 7: commits mid-import
def test_two_jobs_write_the_same_database_as_one(tmp_path: Path, batch: int,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.Writer, "BATCH_ARTICLES", batch)
    paths = _corpus(tmp_path / "corpus", 60)
    one = _import(tmp_path / "one.db", paths, jobs=1)
    two = _import(tmp_path / "two.db", paths, jobs=2)
    assert one == two
    assert list(sqlite3.connect(tmp_path / "one.db").iterdump()) == list(
        sqlite3.connect(tmp_path / "two.db").iterdump())


def test_events_follow_input_order_failures_included(tmp_path: Path) -> None:
    paths = _corpus(tmp_path / "corpus", 60)
    events = _import(tmp_path / "kb.db", paths, jobs=2)
    assert [Path(e.source).name for e in events] == [Path(p).name for p in paths]
    failed = [(Path(e.source).name, e.detail) for e in events if e.outcome == "failed"]
    assert failed == [("050-empty.md", "empty file"),
                      ("051-binary.txt", "binary file (NUL byte at offset 0)")]


def test_reimport_reports_every_file_unchanged_without_parsing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path / "corpus", 20)
    _import(tmp_path / "kb.db", paths, jobs=1)

    def must_not_parse(*args: object) -> None:
        raise AssertionError("an unchanged file was parsed")

    monkeypatch.setattr("ingest.pipeline.parse", must_not_parse)
    events = _import(tmp_path / "kb.db", [p for p in paths if "-" not in Path(p).name], jobs=1)
    assert {e.outcome for e in events} == {"unchanged"}


def test_an_import_stores_what_saving_each_article_stores(tmp_path: Path,
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.Writer, "BATCH_ARTICLES", 7)
    paths = _corpus(tmp_path / "corpus", 30)
    _import(tmp_path / "batched.db", paths, jobs=1)
    single = store.connect(tmp_path / "single.db")
    for path in paths[:30]:
        store.save(single, pipeline.parse(sources.load(path), now=NOW), NOW.isoformat(
            timespec="seconds"))
    single.close()
    tables = ["articles", "sections", "paragraphs", "claims", "entities", "claim_entities"]
    batched, one_by_one = (sqlite3.connect(tmp_path / name) for name in ("batched.db",
                                                                          "single.db"))
    for table in tables:
        query = f"SELECT * FROM [{table}] ORDER BY 1, 2"
        assert batched.execute(query).fetchall() == one_by_one.execute(query).fetchall()
    for index in store.FTS_TABLES:
        batched.execute(f"INSERT INTO {index}({index}) VALUES ('integrity-check')")
        query = f"SELECT rowid FROM {index} WHERE {index} MATCH 'item OR revenue' ORDER BY 1"
        assert batched.execute(query).fetchall() == one_by_one.execute(query).fetchall()


def test_an_event_is_reported_once_its_article_is_committed(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.Writer, "BATCH_ARTICLES", 7)
    paths = _corpus(tmp_path / "corpus", 30)
    db = store.connect(tmp_path / "kb.db")
    reader = sqlite3.connect(tmp_path / "kb.db")  # another connection sees committed rows only
    for event in importer.run(db, sources.discover(paths), jobs=1, now=NOW):
        if event.outcome == "imported":
            assert reader.execute("SELECT 1 FROM articles WHERE source = ?",
                                  [event.source]).fetchone() == (1,)


def test_a_failure_that_rolls_back_the_batch_fails_its_articles(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.Writer, "BATCH_ARTICLES", 100)
    paths = _corpus(tmp_path / "corpus", 5)
    real = inserts._insert_tables

    def disk_full(db: sqlite_utils.Database, article: store.Rows, *args: object) -> None:
        if article.source.endswith("003.md"):
            db.conn.execute("ROLLBACK")  # what SQLite does on some errors: all of it is gone
            raise OSError("disk full")
        real(db, article, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(inserts, "_insert_tables", disk_full)
    events = _import(tmp_path / "kb.db", paths[:5], jobs=1)
    assert [(Path(e.source).name, e.outcome) for e in events] == [
        ("000.md", "failed"), ("001.md", "failed"), ("002.md", "failed"), ("003.md", "failed"),
        ("004.md", "imported")]
    db = store.connect(tmp_path / "kb.db")
    assert db.execute("SELECT source FROM articles").fetchall() == [(paths[4],)]


def test_a_slow_batch_commits_on_time(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    paths = _corpus(tmp_path / "corpus", 12)
    quick = _import(tmp_path / "quick.db", paths, jobs=1)
    monkeypatch.setattr(store.Writer, "BATCH_SECONDS", 0.0)  # every batch is "slow"
    commits: list[int] = []
    real_commit = store.Writer.commit

    def counted(writer: store.Writer) -> None:
        commits.append(writer.count)
        real_commit(writer)

    monkeypatch.setattr(store.Writer, "commit", counted)
    slow = _import(tmp_path / "slow.db", paths, jobs=1)
    assert slow == quick
    assert max(commits) == 1  # one article per batch
    dump = "SELECT * FROM articles ORDER BY id"
    assert [r[:13] for r in sqlite3.connect(tmp_path / "slow.db").execute(dump)] == [
        r[:13] for r in sqlite3.connect(tmp_path / "quick.db").execute(dump)]


def test_the_importer_knows_the_parser_version_without_loading_the_parsers() -> None:
    assert importer.PARSER_VERSION == pipeline.PARSER_VERSION
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, ingest.cli; print('ingest.pipeline' in sys.modules)"],
        capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "False"  # `newskb query`, a re-import: no parser needed
