"""Reads over a newskb database, for the CLI, exports and Python callers.

`store` (with `inserts` and `readback`) writes and copies articles; this module answers
questions.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from ingest.models import (
    Article,
    Block,
    Claim,
    CodeBlock,
    DateMention,
    EntityMention,
    Link,
    Metadata,
    Quantity,
    Section,
    Table,
)

FTS_TOKEN = re.compile(r"\w+", re.UNICODE)


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


def claims_of(db: sqlite_utils.Database,
              article_ids: list[int]) -> tuple[list[str], list[tuple[Any, ...]]]:
    """Every claim of these articles with its article and section, for a CSV export."""
    marks = ",".join("?" * len(article_ids))
    cursor = db.execute(
        "SELECT id, article_id, article_title, published, site, section_path, position, text, "
        f"kind, hedged, attribution FROM claims_view WHERE article_id IN ({marks}) "
        "ORDER BY article_id, position", article_ids)
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


def article_ids(db: sqlite_utils.Database, where: str | None = None,
                since: str | None = None) -> list[int]:
    """Ids of the articles matching a SQL condition on `articles` and a published-since date."""
    conditions = [f"({where})"] if where else []
    params: list[str] = []
    if since:
        conditions.append("published >= ?")
        params.append(since)
    sql = "SELECT id FROM articles" + (" WHERE " + " AND ".join(conditions)
                                       if conditions else "") + " ORDER BY id"
    return [row[0] for row in db.execute(sql, params)]


def load_article(db: sqlite_utils.Database, article_id: int) -> Article:
    """The stored article as the validated model it was stored from."""
    row = next(db.query("SELECT * FROM articles WHERE id = ?", [article_id]))
    section_pos = {s["id"]: s["position"] for s in _rows(db, "sections", article_id)}
    return Article(
        source=row["source"], format=row["format"], content_hash=row["content_hash"],
        parser_version=row["parser_version"], imported_at=row["imported_at"],
        fetched_at=row["fetched_at"],
        metadata=_metadata(db, row), body_markdown=row["body_markdown"],
        word_count=row["word_count"],
        sections=[Section(position=s["position"], level=s["level"], heading=s["heading"],
                          parent=section_pos.get(s["parent_id"]), path=s["path"],
                          text=s["text"], start=s["start"], end=s["end"])
                  for s in _rows(db, "sections", article_id)],
        blocks=[Block(section=section_pos[b["section_id"]], position=b["position"],
                      kind=b["kind"], text=b["text"], start=b["start"], end=b["end"])
                for b in _rows(db, "paragraphs", article_id)],
        tables=[Table(section=section_pos[t["section_id"]], position=t["position"],
                      caption=t["caption"], rows=_grid(db, t["id"]),
                      header_rows=_header_rows(db, t["id"]))
                for t in _rows(db, "tables", article_id)],
        code_blocks=[CodeBlock(section=section_pos[c["section_id"]], position=c["position"],
                               language=c["language"], code=c["code"])
                     for c in _rows(db, "code_blocks", article_id)],
        links=[Link(url=link["url"], text=link["text"])
               for link in _rows(db, "links", article_id)],
        claims=[_claim(db, c, section_pos) for c in _rows(db, "claims", article_id)],
    )


def _rows(db: sqlite_utils.Database, table: str, article_id: int) -> list[dict[str, Any]]:
    return list(db.query(f"SELECT * FROM [{table}] WHERE article_id = ? ORDER BY position",
                         [article_id]))


def _metadata(db: sqlite_utils.Database, row: dict[str, Any]) -> Metadata:
    return Metadata(
        title=row["title"], published=row["published"], site=row["site"], url=row["url"],
        language=row["language"],
        authors=[a["name"] for a in _rows(db, "authors", row["id"])],
        tags=[t["tag"] for t in db.query("SELECT tag FROM tags WHERE article_id = ? "
                                         "ORDER BY rowid", [row["id"]])],
        provenance=json.loads(row["provenance"]) if row["provenance"] else {},
    )


def _header_rows(db: sqlite_utils.Database, table_id: int) -> int:
    return int(db.execute("SELECT COUNT(DISTINCT row) FROM table_cells WHERE table_id = ? "
                          "AND is_header = 1", [table_id]).fetchone()[0])


def _claim(db: sqlite_utils.Database, row: dict[str, Any], section_pos: dict[int, int]) -> Claim:
    claim_id = row["id"]
    quantities = [Quantity(text=q["text"], value=q["value"], high=q["high"], unit=q["unit"],
                           currency=q["currency"], approximate=bool(q["approximate"]))
                  for q in db.query("SELECT * FROM quantities WHERE claim_id = ? ORDER BY id",
                                    [claim_id])]
    dates = [DateMention(text=d["text"], date=d["date"]) for d in db.query(
        "SELECT * FROM claim_dates WHERE claim_id = ? ORDER BY position", [claim_id])]
    entities = [EntityMention(name=e["name"], type=e["type"], text=e["text"]) for e in db.query(
        "SELECT name, type, text FROM claim_entities JOIN entities ON entities.id = entity_id "
        "WHERE claim_id = ? ORDER BY claim_entities.rowid", [claim_id])]
    return Claim(section=section_pos[row["section_id"]], position=row["position"],
                 text=row["text"], kind=row["kind"], hedged=bool(row["hedged"]),
                 attribution=row["attribution"], start=row["start"], end=row["end"],
                 quantities=quantities, dates=dates, entities=entities)
