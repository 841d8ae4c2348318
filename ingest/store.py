"""Articles into SQLite, and the reads the CLI needs. The only module that touches the database.

An article is identified by its source (path or URL) and, when known, its canonical URL. Its
SHA-256 content hash and the parser version decide what an import does:

- unchanged: same bytes, same parser (or the same bytes already stored under another source);
  nothing is written, so re-importing a folder changes nothing;
- replaced: the source is known but its bytes or the parser changed; the old article and all its
  rows are deleted and the new ones written under the same id;
- imported: new.

Each article is written in one transaction (`db.atomic()`): a failure part-way leaves the previous
state intact. The schema is `schema/schema.sql`, run as it is.

`bulk()` is for many articles at once (merging shards, large imports): the full-text triggers are
dropped and each index is rebuilt once at the end, which is much cheaper than per row. A crash
inside leaves the rows consistent and a marker that makes the next `connect` rebuild the indexes.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Literal

import sqlite_utils

from ingest.models import Article, Claim

Outcome = Literal["imported", "unchanged", "replaced"]

_PACKAGED = Path(__file__).parent / "schema"
SCHEMA_DIR = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).parent.parent / "schema"


FTS_TABLES = ("articles_fts", "sections_fts", "claims_fts")


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (creating when needed) a newskb database with foreign keys enforced."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    _create_schema(db)
    if db.execute("SELECT 1 FROM newskb_state WHERE key = 'fts_stale'").fetchone():
        _rebuild_fts(db)  # a bulk write was interrupted
    return db


def _create_schema(db: sqlite_utils.Database) -> None:
    db.conn.executescript((SCHEMA_DIR / "schema.sql").read_text(encoding="utf-8"))


@contextmanager
def bulk(db: sqlite_utils.Database) -> Iterator[sqlite_utils.Database]:
    """Write many articles with the full-text indexes rebuilt once at the end."""
    with db.atomic():
        db.execute("INSERT OR REPLACE INTO newskb_state(key, value) VALUES ('fts_stale', '1')")
        for (trigger,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'trigger' "
                                     "AND name LIKE '%_fts_%'").fetchall():
            db.execute(f"DROP TRIGGER [{trigger}]")
    try:
        yield db
    finally:
        _rebuild_fts(db)


def _rebuild_fts(db: sqlite_utils.Database) -> None:
    with db.atomic():
        for table in FTS_TABLES:
            db.execute(f"INSERT INTO [{table}]([{table}]) VALUES ('rebuild')")
        db.execute("DELETE FROM newskb_state WHERE key = 'fts_stale'")
    _create_schema(db)  # puts the triggers back


def is_unchanged(db: sqlite_utils.Database, source: str, content_hash: str, version: str) -> bool:
    """True when these bytes are already stored by this parser version: no need to parse."""
    row = db.execute(
        "SELECT 1 FROM articles WHERE content_hash = ? AND parser_version = ? "
        "AND (source = ? OR NOT EXISTS (SELECT 1 FROM articles WHERE source = ?)) LIMIT 1",
        [content_hash, version, source, source],
    ).fetchone()
    return row is not None


def save(db: sqlite_utils.Database, article: Article, imported_at: str) -> Outcome:
    """Store one article in one transaction and say what happened."""
    if is_unchanged(db, article.source, article.content_hash, article.parser_version):
        return "unchanged"
    with db.atomic():
        existing = _existing_id(db, article)
        if existing is not None:
            db.execute("DELETE FROM articles WHERE id = ?", [existing])
        article_id = _insert_article(db, article, imported_at, existing)
        _insert_children(db, article, article_id)
        if existing is not None:
            db.execute("DELETE FROM entities WHERE id NOT IN "
                       "(SELECT entity_id FROM claim_entities)")
    return "imported" if existing is None else "replaced"


def _existing_id(db: sqlite_utils.Database, article: Article) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE source = ?", [article.source]).fetchone()
    if row is None and article.metadata.url:
        row = db.execute("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1",
                         [article.metadata.url]).fetchone()
    return row[0] if row else None


def _insert_article(db: sqlite_utils.Database, article: Article, imported_at: str,
                    article_id: int | None) -> int:
    meta = article.metadata
    row = {
        "id": article_id, "source": article.source, "url": meta.url, "title": meta.title,
        "author": ", ".join(meta.authors) or None, "published": meta.published,
        "site": meta.site, "format": article.format, "language": meta.language,
        "content_hash": article.content_hash, "body_markdown": article.body_markdown,
        "word_count": article.word_count, "fetched_at": article.fetched_at,
        "imported_at": article.imported_at or imported_at,
        "parser_version": article.parser_version,
        "provenance": json.dumps(meta.provenance, sort_keys=True) if meta.provenance else None,
    }
    return int(db["articles"].insert(row).last_pk)


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    # Ids are handed out before inserting so children can point at their parents in one
    # batch insert; safe because every write happens inside one transaction.
    return int(db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{table}]").fetchone()[0])


def _insert_children(db: sqlite_utils.Database, article: Article, article_id: int) -> None:
    meta = article.metadata
    db["authors"].insert_all(
        {"article_id": article_id, "position": i, "name": name}
        for i, name in enumerate(meta.authors))
    db["tags"].insert_all(({"article_id": article_id, "tag": tag} for tag in meta.tags),
                          ignore=True)
    first_section = _next_id(db, "sections")
    section_id = {s.position: first_section + s.position for s in article.sections}
    db["sections"].insert_all(
        {"id": section_id[s.position], "article_id": article_id,
         "parent_id": None if s.parent is None else section_id[s.parent],
         "position": s.position, "level": s.level, "heading": s.heading, "path": s.path,
         "text": s.text, "start": s.start, "end": s.end}
        for s in article.sections)
    db["paragraphs"].insert_all(
        {"article_id": article_id, "section_id": section_id[b.section], "position": b.position,
         "kind": b.kind, "text": b.text, "start": b.start, "end": b.end}
        for b in article.blocks)
    _insert_tables(db, article, article_id, section_id)
    db["code_blocks"].insert_all(
        {"article_id": article_id, "section_id": section_id[c.section], "position": c.position,
         "language": c.language, "code": c.code, "n_lines": c.code.count("\n") + 1}
        for c in article.code_blocks)
    db["links"].insert_all(
        {"article_id": article_id, "position": i, "url": link.url, "text": link.text}
        for i, link in enumerate(article.links))
    _insert_claims(db, article.claims, article_id, section_id)


def _insert_tables(db: sqlite_utils.Database, article: Article, article_id: int,
                   section_id: dict[int, int]) -> None:
    first = _next_id(db, "tables")
    for table in article.tables:
        table_id = first + table.position
        db["tables"].insert({
            "id": table_id, "article_id": article_id, "section_id": section_id[table.section],
            "position": table.position, "caption": table.caption, "n_rows": len(table.rows),
            "n_cols": len(table.rows[0]) if table.rows else 0})
        db["table_cells"].insert_all(
            {"table_id": table_id, "row": r, "col": c, "is_header": int(r < table.header_rows),
             "text": text}
            for r, row in enumerate(table.rows) for c, text in enumerate(row))


def _insert_claims(db: sqlite_utils.Database, claims: list[Claim], article_id: int,
                   section_id: dict[int, int]) -> None:
    # One executemany per table: an article has dozens of claims with a few rows each, and a
    # statement per row was most of the cost of storing them.
    first = _next_id(db, "claims")
    ids = [first + claim.position for claim in claims]
    _insert_rows(db, "claims", ("id", "article_id", "section_id", "position", "text", "kind",
                                "hedged", "attribution", "start", "end"),
                 [(claim_id, article_id, section_id[c.section], c.position, c.text, c.kind,
                   int(c.hedged), c.attribution, c.start, c.end)
                  for claim_id, c in zip(ids, claims, strict=True)])
    _insert_rows(db, "quantities", ("claim_id", "text", "value", "high", "unit", "currency",
                                    "approximate"),
                 [(claim_id, q.text, q.value, q.high, q.unit, q.currency, int(q.approximate))
                  for claim_id, c in zip(ids, claims, strict=True) for q in c.quantities])
    _insert_rows(db, "claim_dates", ("claim_id", "position", "text", "date"),
                 [(claim_id, i, d.text, d.date) for claim_id, c in zip(ids, claims, strict=True)
                  for i, d in enumerate(c.dates)])
    mentions = [(claim_id, m) for claim_id, c in zip(ids, claims, strict=True)
                for m in c.entities]
    db.conn.executemany("INSERT OR IGNORE INTO entities(name, type) VALUES (?, ?)",
                        list(dict.fromkeys((m.name, m.type) for _, m in mentions)))
    db.conn.executemany("INSERT OR IGNORE INTO claim_entities(claim_id, entity_id, text) "
                        "SELECT ?, id, ? FROM entities WHERE name = ?",
                        [(claim_id, m.text, m.name) for claim_id, m in mentions])


def _insert_rows(db: sqlite_utils.Database, table: str, columns: tuple[str, ...],
                 rows: list[tuple[object, ...]]) -> None:
    if rows:
        names = ", ".join(f"[{column}]" for column in columns)
        marks = ", ".join("?" * len(columns))
        db.conn.executemany(f"INSERT INTO [{table}] ({names}) VALUES ({marks})", rows)
