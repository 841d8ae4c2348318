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
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, Literal

import sqlite_utils

from ingest.models import Article, Claim

Outcome = Literal["imported", "unchanged", "replaced"]

_PACKAGED = Path(__file__).parent / "schema"
SCHEMA_DIR = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).parent.parent / "schema"
FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (creating when needed) a newskb database with foreign keys enforced."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    db.conn.executescript((SCHEMA_DIR / "schema.sql").read_text(encoding="utf-8"))
    return db


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
        "word_count": article.word_count, "imported_at": imported_at,
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
    first = _next_id(db, "claims")
    for claim in claims:
        claim_id = first + claim.position
        db["claims"].insert({
            "id": claim_id, "article_id": article_id, "section_id": section_id[claim.section],
            "position": claim.position, "text": claim.text, "kind": claim.kind,
            "hedged": int(claim.hedged), "attribution": claim.attribution,
            "start": claim.start, "end": claim.end})
        db["quantities"].insert_all(
            {"claim_id": claim_id, **q.model_dump(), "approximate": int(q.approximate)}
            for q in claim.quantities)
        db["claim_dates"].insert_all(
            {"claim_id": claim_id, "position": i, "text": d.text, "date": d.date}
            for i, d in enumerate(claim.dates))
        for mention in claim.entities:
            db.execute("INSERT OR IGNORE INTO entities(name, type) VALUES (?, ?)",
                       [mention.name, mention.type])
            db.execute(
                "INSERT OR IGNORE INTO claim_entities(claim_id, entity_id, text) "
                "SELECT ?, id, ? FROM entities WHERE name = ?",
                [claim_id, mention.text, mention.name])


# Reads for the CLI ---------------------------------------------------------------------------


def query(db: sqlite_utils.Database, sql: str,
          params: dict[str, Any] | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Run one SQL statement; return its column names and rows."""
    cursor = db.execute(sql, params or {})
    columns = [d[0] for d in cursor.description] if cursor.description else []
    return columns, cursor.fetchall()


def fts_query(text: str) -> str:
    """Words of `text` as an FTS5 query that matches all of them, whatever punctuation it has."""
    return " ".join(f'"{word}"' for word in FTS_TOKEN.findall(text))


def search(db: sqlite_utils.Database, text: str, limit: int = 20) -> list[dict[str, Any]]:
    """Sections matching every word of `text`, best first, with their article and a snippet."""
    match = fts_query(text)
    if not match:
        return []
    sql = """
        SELECT sections.article_id, articles.title, sections.path,
               snippet(sections_fts, 1, '[', ']', '…', 12) AS snippet
        FROM sections_fts
        JOIN sections ON sections.id = sections_fts.rowid
        JOIN articles ON articles.id = sections.article_id
        WHERE sections_fts MATCH ? ORDER BY rank LIMIT ?"""
    return [dict(row) for row in db.query(sql, [match, limit])]


def article(db: sqlite_utils.Database, article_id: int) -> dict[str, Any] | None:
    """An article's metadata, outline, tables (as grids), code blocks and claims."""
    rows = list(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    if not rows:
        return None
    found = rows[0]
    found["tags"] = [r["tag"] for r in db.query(
        "SELECT tag FROM tags WHERE article_id = ? ORDER BY rowid", [article_id])]
    found["sections"] = list(db.query(
        "SELECT id, level, heading, path FROM sections WHERE article_id = ? ORDER BY position",
        [article_id]))
    found["tables"] = [
        {**t, "rows": _grid(db, t["id"])} for t in db.query(
            "SELECT tables.*, sections.path AS section FROM tables JOIN sections "
            "ON sections.id = tables.section_id WHERE tables.article_id = ? "
            "ORDER BY tables.position", [article_id])]
    found["code_blocks"] = list(db.query(
        "SELECT language, n_lines, code FROM code_blocks WHERE article_id = ? ORDER BY position",
        [article_id]))
    found["claims"] = list(db.query(
        "SELECT section_path, kind, hedged, attribution, text FROM claims_view "
        "WHERE article_id = ? ORDER BY position", [article_id]))
    return found


def claims(db: sqlite_utils.Database, *, entity: str | None = None, kind: str | None = None,
           hedged: bool | None = None, since: str | None = None,
           article_id: int | None = None) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Claims matching every filter given, newest article first, in article order."""
    where, params = [], []
    if entity:
        # The canonical name or the spelling used in the claim, in any case.
        where.append("claims_view.id IN (SELECT claim_id FROM claim_entities JOIN entities "
                     "ON entities.id = entity_id WHERE entities.name = ? COLLATE NOCASE "
                     "OR claim_entities.text = ? COLLATE NOCASE)")
        params += [entity, entity]
    if kind:
        where.append("kind = ?")
        params.append(kind)
    if hedged is not None:
        where.append("hedged = ?")
        params.append(int(hedged))
    if since:
        where.append("published >= ?")
        params.append(since)
    if article_id is not None:
        where.append("article_id = ?")
        params.append(article_id)
    sql = ("SELECT id, article_id, published, article_title, section_path, kind, hedged, "
           "attribution, text FROM claims_view"
           + (" WHERE " + " AND ".join(where) if where else "")
           + " ORDER BY published DESC, article_id, position")
    cursor = db.execute(sql, params)
    return [d[0] for d in cursor.description], cursor.fetchall()


def _grid(db: sqlite_utils.Database, table_id: int) -> list[list[str]]:
    grid: list[list[str]] = []
    for cell in db.query("SELECT row, text FROM table_cells WHERE table_id = ? "
                         "ORDER BY row, col", [table_id]):
        if cell["row"] == len(grid):
            grid.append([])
        grid[-1].append(cell["text"])
    return grid


def stats(db: sqlite_utils.Database) -> Iterator[tuple[str, int]]:
    """Row counts of the tables users query, then articles per format."""
    for table in ("articles", "sections", "paragraphs", "tables", "table_cells", "code_blocks",
                  "links", "tags", "claims", "entities", "quantities"):
        yield table, db[table].count
    for fmt, count in db.execute(
            "SELECT format, COUNT(*) FROM articles GROUP BY format ORDER BY format"):
        yield f"format={fmt}", count
