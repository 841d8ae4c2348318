"""SQLite store: idempotent by content hash, replacement in one transaction, FKs indexed."""

import subprocess
import sys
from pathlib import Path

import pytest
import sqlite_utils

from ingest import inserts, queries, store
from ingest.models import Claim, EntityMention, Quantity
from ingest.pipeline import parse
from ingest.sources import RawDocument

ARTICLE = b"""---
title: Storage boom
author: Ada Lovelace
date: 2026-01-02
tags: [energy, batteries]
---

## Market

Batteries grew 40% in 2025.

| Region | GW |
|--------|----|
| Texas  | 12 |

```python
print(1)
```
"""


def _dump(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    tables = [t for t in db.table_names() if not t.endswith(("_fts", "_data", "_idx",
                                                             "_docsize", "_config"))]
    return {t: db.execute(f"SELECT * FROM [{t}] ORDER BY 1").fetchall() for t in tables}


def _save(db: sqlite_utils.Database, data: bytes = ARTICLE, source: str = "a.md") -> str:
    return store.save(db, parse(RawDocument(data, source)), "2026-02-01T00:00:00+00:00")


def test_new_article_is_imported_with_all_its_parts(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    assert _save(db) == "imported"
    assert db.execute("SELECT title, author, published, format FROM articles").fetchall() == [
        ("Storage boom", "Ada Lovelace", "2026-01-02", "markdown")]
    assert [r[0] for r in db.execute("SELECT tag FROM tags ORDER BY tag")] == ["batteries",
                                                                                "energy"]
    assert db.execute("SELECT row, col, is_header, text FROM table_cells ORDER BY row, col"
                      ).fetchall() == [(0, 0, 1, "Region"), (0, 1, 1, "GW"),
                                       (1, 0, 0, "Texas"), (1, 1, 0, "12")]
    assert db.execute("SELECT language, code, n_lines FROM code_blocks").fetchall() == [
        ("python", "print(1)", 1)]


def test_reimporting_unchanged_bytes_changes_nothing(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    _save(db)
    before = _dump(db)
    assert _save(db) == "unchanged"
    assert _save(db, source="copy-of-a.md") == "unchanged"
    assert _dump(db) == before


def test_changed_file_replaces_its_rows_under_the_same_id(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    _save(db)
    assert _save(db, ARTICLE.replace(b"Texas", b"Nevada")) == "replaced"
    assert db.execute("SELECT id FROM articles").fetchall() == [(1,)]
    assert [r[0] for r in db.execute("SELECT text FROM table_cells WHERE row = 1 AND col = 0")] \
        == ["Nevada"]
    assert db["sections"].count == 2
    assert list(db.query("SELECT rowid FROM sections_fts WHERE sections_fts MATCH 'Texas'")) == []


def test_failure_mid_article_leaves_the_previous_rows(tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    db = store.connect(tmp_path / "kb.db")
    _save(db)
    before = _dump(db)

    def explode(*args: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(inserts, "_insert_tables", explode)
    with pytest.raises(RuntimeError):
        _save(db, ARTICLE.replace(b"Texas", b"Nevada"))
    assert _dump(db) == before


def test_claims_entities_and_quantities_are_stored_and_entities_shared(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    base = parse(RawDocument(ARTICLE, "a.md"))
    block = base.blocks[0]
    claim = Claim(section=block.section, position=0, text=block.text, kind="quantitative",
                  hedged=False, start=block.start, end=block.end,
                  quantities=[Quantity(text="40%", value=40, unit="percent")],
                  entities=[EntityMention(name="Tesla", type="organization", text="Tesla's")])
    for source in ("a.md", "b.md"):
        article = base.model_copy(update={"claims": [claim], "source": source,
                                          "content_hash": source})
        store.save(db, article, "2026-02-01T00:00:00+00:00")
    assert db["entities"].count == 1
    assert db.execute("SELECT COUNT(*) FROM claim_entities").fetchone() == (2,)
    assert db.execute("SELECT value, unit FROM quantities LIMIT 1").fetchone() == (40.0,
                                                                                  "percent")
    assert db.execute("SELECT section_path, kind FROM claims_view LIMIT 1").fetchone() == (
        "Market", "quantitative")


def test_every_foreign_key_has_an_index(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    for table in db.tables:
        indexed = {i.columns[0] for i in table.indexes}
        indexed |= {table.pks[0]} if table.pks else set()
        for fk in table.foreign_keys:
            assert fk.column in indexed, f"{table.name}.{fk.column} has no index"


def test_foreign_keys_are_enforced(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    with pytest.raises(sqlite_utils.db.sqlite3.IntegrityError):
        db.execute("INSERT INTO tags(article_id, tag) VALUES (99, 'x')")


def test_search_matches_words_whatever_their_punctuation(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    _save(db)
    hits = queries.search(db, "batteries' 40%")
    assert [(h["article_id"], h["path"]) for h in hits] == [(1, "Market")]
    assert queries.search(db, "?!") == []


def _fts_content(db: sqlite_utils.Database) -> dict[str, list[tuple]]:
    """Every index's terms, document by document: what search sees, whatever the page layout."""
    content = {}
    for table in store.FTS_TABLES:
        db.execute(f"INSERT INTO {table}({table}) VALUES ('integrity-check')")
        db.execute(f"CREATE VIRTUAL TABLE IF NOT EXISTS temp.v_{table} "
                   f"USING fts5vocab(main, {table}, instance)")
        content[table] = db.execute(f"SELECT * FROM temp.v_{table} ORDER BY 1, 2, 3, 4"
                                    ).fetchall()
    return content


def _versions(n: int) -> list[tuple[bytes, str]]:
    return [(ARTICLE.replace(b"Texas", f"Texas{i}".encode()).replace(
        b"Storage boom", f"Storage boom {i}".encode()), f"{i}.md") for i in range(n)]


def test_writer_batches_store_what_save_stores(tmp_path: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(store.Writer, "BATCH_ARTICLES", 3)
    docs = [*_versions(8), (_versions(2)[1][0].replace(b"40%", b"41%"), "1.md")]  # a replace
    one = store.connect(tmp_path / "one.db")
    for data, source in docs:
        _save(one, data, source)
    batched = store.connect(tmp_path / "batched.db")
    with store.Writer(batched) as writer:
        for data, source in docs:
            writer.save(parse(RawDocument(data, source)), "2026-02-01T00:00:00+00:00")
            if writer.full:
                writer.commit()
    assert _dump(batched) == _dump(one)
    assert _fts_content(batched) == _fts_content(one)
    triggers = "SELECT name FROM sqlite_master WHERE type = 'trigger' ORDER BY name"
    assert batched.execute(triggers).fetchall() == one.execute(triggers).fetchall()


def test_rows_are_what_save_writes(tmp_path: Path) -> None:
    article = parse(RawDocument(ARTICLE, "a.md"))
    from_article, from_rows = store.connect(tmp_path / "a.db"), store.connect(tmp_path / "r.db")
    store.save(from_article, article, "2026-02-01T00:00:00+00:00")
    store.save(from_rows, store.rows(article), "2026-02-01T00:00:00+00:00")
    assert _dump(from_rows) == _dump(from_article)


def test_rows_load_in_a_worker_without_sqlite() -> None:
    # A worker unpickles `store.rows` from its home module, ingest.rows: no database code loads.
    assert store.rows.__module__ == "ingest.rows"
    loaded = subprocess.run(
        [sys.executable, "-c", "import sys, ingest.rows\n"
         "print(sorted(m for m in sys.modules if m.startswith(('sqlite', 'ingest.store'))))"],
        capture_output=True, text=True, check=True)
    assert loaded.stdout.strip() == "[]"


def test_replacing_an_article_of_the_open_batch_keeps_the_index_whole(tmp_path: Path) -> None:
    first = ARTICLE.replace(b"title: Storage boom", b"title: Storage boom\nurl: https://x.org/a")
    second = first.replace(b"Texas", b"Nevada")
    db = store.connect(tmp_path / "kb.db")
    with store.Writer(db) as writer:  # one canonical URL, two files, one batch
        assert writer.save(parse(RawDocument(first, "a.md")), "t") == "imported"
        assert writer.save(parse(RawDocument(second, "copy/a.md")), "t") == "replaced"
    assert _fts_content(db)["sections_fts"]
    assert queries.search(db, "Texas") == []
    assert [h["article_id"] for h in queries.search(db, "Nevada")] == [1]


def test_process_killed_inside_a_writer_batch_loses_only_that_batch(tmp_path: Path) -> None:
    db_path = tmp_path / "kb.db"
    dies_inside = (
        "import os, sys\n"
        "from ingest import store\n"
        "from ingest.pipeline import parse\n"
        "from ingest.sources import RawDocument\n"
        "db = store.connect(sys.argv[1])\n"
        "writer = store.Writer(db)\n"
        f"docs = {_versions(5)!r}\n"
        "for n, (data, source) in enumerate(docs):\n"
        "    writer.save(parse(RawDocument(data, source)), 't')\n"
        "    if n == 2:\n"
        "        writer.commit()\n"
        "os._exit(9)  # killed with two articles saved in the open batch\n")
    died = subprocess.run([sys.executable, "-c", dies_inside, str(db_path)], check=False)
    assert died.returncode == 9
    db = store.connect(db_path)
    assert db.execute("SELECT source FROM articles ORDER BY id").fetchall() == [
        ("0.md",), ("1.md",), ("2.md",)]
    assert db.execute("SELECT COUNT(*) FROM sqlite_master WHERE type = 'trigger'"
                      ).fetchone() == (7,)
    _fts_content(db)  # the integrity checks pass
    assert len(queries.search(db, "Texas2")) == 1


def test_stored_rows_read_back_what_load_article_gives(tmp_path: Path) -> None:
    db = store.connect(tmp_path / "kb.db")
    for data, source in _versions(3):
        _save(db, data, source)
    base = parse(RawDocument(ARTICLE, "claims.md"))
    claim = Claim(section=0, position=0, text=base.blocks[0].text, kind="quantitative",
                  hedged=True, start=base.blocks[0].start, end=base.blocks[0].end,
                  quantities=[Quantity(text="40%", value=40, unit="percent", approximate=True)],
                  entities=[EntityMention(name="Tesla", type="organization", text="Tesla's")])
    store.save(db, base.model_copy(update={"claims": [claim]}), "2026-02-01T00:00:00+00:00")
    expected = [store.rows(queries.load_article(db, i)) for i in queries.article_ids(db)]
    assert list(store.stored_rows(db, chunk=2)) == expected
