"""One article's `Rows` into the tables of schema.sql: one `executemany` per table.

No transactions here: the caller (`store.save`, `store.Writer`) holds one, which is also what
makes handing out ids before inserting safe.
"""

from __future__ import annotations

from functools import cache

import sqlite_utils

from ingest.rows import ARTICLE_COLUMNS, IMPORTED_AT, Rows


def insert_article(db: sqlite_utils.Database, article: Rows, imported_at: str,
                   article_id: int | None) -> int:
    """Insert the `articles` row (under `article_id` when it replaces one) and return its id."""
    row = list(article.article)
    row[IMPORTED_AT] = article.imported_at or imported_at
    cursor = db.conn.execute(_insert_sql("articles", ARTICLE_COLUMNS), [article_id, *row])
    return int(cursor.lastrowid or 0)


def insert_children(db: sqlite_utils.Database, article: Rows, article_id: int) -> None:
    """Insert everything of `article` but its `articles` row."""
    # One executemany per table: a statement per row through sqlite-utils was most of the cost
    # of storing an article.
    _insert_rows(db, "authors", ("article_id", "position", "name"),
                 [(article_id, i, name) for i, name in enumerate(article.authors)])
    _insert_rows(db, "tags", ("article_id", "tag"), [(article_id, tag) for tag in article.tags],
                 ignore=True)
    first_section = _next_id(db, "sections")
    section_id = {s[0]: first_section + s[0] for s in article.sections}
    _insert_rows(db, "sections", ("id", "article_id", "parent_id", "position", "level",
                                  "heading", "path", "text", "start", "end"),
                 [(section_id[position], article_id,
                   None if parent is None else section_id[parent], position, *rest)
                  for position, parent, *rest in article.sections])
    _insert_rows(db, "paragraphs", ("article_id", "section_id", "position", "kind", "text",
                                    "start", "end"),
                 [(article_id, section_id[section], *rest)
                  for section, *rest in article.paragraphs])
    _insert_tables(db, article, article_id, section_id)
    _insert_rows(db, "code_blocks", ("article_id", "section_id", "position", "language", "code",
                                     "n_lines"),
                 [(article_id, section_id[section], *rest)
                  for section, *rest in article.code_blocks])
    _insert_rows(db, "links", ("article_id", "position", "url", "text"),
                 [(article_id, i, url, text) for i, (url, text) in enumerate(article.links)])
    _insert_claims(db, article, article_id, section_id)


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    # Ids are handed out before inserting so children can point at their parents in one
    # batch insert; safe because every write happens inside one transaction.
    return int(db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{table}]").fetchone()[0])


def _insert_tables(db: sqlite_utils.Database, article: Rows, article_id: int,
                   section_id: dict[int, int]) -> None:
    if not article.tables:
        return
    first = _next_id(db, "tables")
    _insert_rows(db, "tables", ("id", "article_id", "section_id", "position", "caption",
                                "n_rows", "n_cols"),
                 [(first + position, article_id, section_id[section], position, *rest)
                  for position, section, *rest in article.tables])
    _insert_rows(db, "table_cells", ("table_id", "row", "col", "is_header", "text"),
                 [(first + table, *rest) for table, *rest in article.cells])


def _insert_claims(db: sqlite_utils.Database, article: Rows, article_id: int,
                   section_id: dict[int, int]) -> None:
    # An article has dozens of claims with a few rows each: one executemany per table.
    if not article.claims:
        return
    first = _next_id(db, "claims")
    _insert_rows(db, "claims", ("id", "article_id", "section_id", "position", "text", "kind",
                                "hedged", "attribution", "start", "end"),
                 [(first + position, article_id, section_id[section], position, *rest)
                  for position, section, *rest in article.claims])
    _insert_rows(db, "quantities", ("claim_id", "text", "value", "high", "unit", "currency",
                                    "approximate"),
                 [(first + claim, *rest) for claim, *rest in article.quantities])
    _insert_rows(db, "claim_dates", ("claim_id", "position", "text", "date"),
                 [(first + claim, *rest) for claim, *rest in article.claim_dates])
    if not article.mentions:
        return
    names = list(dict.fromkeys((name, kind) for _, name, kind, _ in article.mentions))
    db.conn.executemany("INSERT OR IGNORE INTO entities(name, type) VALUES (?, ?)", names)
    entity_id = _entity_ids(db, [name for name, _ in names])
    db.conn.executemany("INSERT OR IGNORE INTO claim_entities(claim_id, entity_id, text) "
                        "VALUES (?, ?, ?)",
                        [(first + claim, entity_id[name], text)
                         for claim, name, _, text in article.mentions])


def _entity_ids(db: sqlite_utils.Database, names: list[str]) -> dict[str, int]:
    ids: dict[str, int] = {}
    for i in range(0, len(names), 500):  # under SQLite's limit on bound parameters
        chunk = names[i:i + 500]
        ids.update(db.conn.execute(f"SELECT name, id FROM entities WHERE name IN "
                                   f"({', '.join('?' * len(chunk))})", chunk).fetchall())
    return ids


def _insert_rows(db: sqlite_utils.Database, table: str, columns: tuple[str, ...],
                 rows: list[tuple[object, ...]], *, ignore: bool = False) -> None:
    if rows:
        db.conn.executemany(_insert_sql(table, columns, ignore), rows)


@cache
def _insert_sql(table: str, columns: tuple[str, ...], ignore: bool = False) -> str:
    names = ", ".join(f"[{column}]" for column in columns)
    marks = ", ".join("?" * len(columns))
    return f"INSERT {'OR IGNORE ' if ignore else ''}INTO [{table}] ({names}) VALUES ({marks})"
