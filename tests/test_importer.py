"""Import runs: a pool of workers writes the same database as one process, in input order."""

import sqlite3
from datetime import UTC, datetime
from pathlib import Path

import pytest

from ingest import importer, sources, store

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


def test_two_jobs_write_the_same_database_as_one(tmp_path: Path) -> None:
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
