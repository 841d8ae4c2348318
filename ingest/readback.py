"""Stored articles read back as `Rows`, a few queries per chunk of articles: how a merge reads a
shard. What comes back for an article is `rows.rows(queries.load_article(db, id))`, without
building the `Article` in between.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import sqlite_utils

from ingest.rows import ARTICLE_COLUMNS, AUTHOR, IMPORTED_AT, Rows

Groups = dict[int, list[Any]]

_CLAIMS_OF = "SELECT id FROM claims WHERE article_id IN ({})"
_TABLES_OF = "SELECT id FROM tables WHERE article_id IN ({})"
# Each query's first column is the article (or table, or claim) its rows belong to; `{}` is
# the chunk's ids. The orders are those of queries.load_article.
_CHILDREN = {
    "authors": "SELECT article_id, name FROM authors WHERE article_id IN ({}) "
               "ORDER BY article_id, position",
    "tags": "SELECT article_id, tag FROM tags WHERE article_id IN ({}) ORDER BY rowid",
    "sections": "SELECT article_id, id, position, parent_id, level, heading, path, text, start, "
                "[end] FROM sections WHERE article_id IN ({}) ORDER BY article_id, position",
    "paragraphs": "SELECT article_id, section_id, position, kind, text, start, [end] FROM "
                  "paragraphs WHERE article_id IN ({}) ORDER BY article_id, position",
    "tables": "SELECT article_id, id, position, section_id, caption FROM tables "
              "WHERE article_id IN ({}) ORDER BY article_id, position",
    "cells": "SELECT table_id, row, is_header, text FROM table_cells WHERE "
             f"table_id IN ({_TABLES_OF}) ORDER BY table_id, row, col",
    "code": "SELECT article_id, section_id, position, language, code FROM code_blocks "
            "WHERE article_id IN ({}) ORDER BY article_id, position",
    "links": "SELECT article_id, url, text FROM links WHERE article_id IN ({}) "
             "ORDER BY article_id, position",
    "claims": "SELECT article_id, id, position, section_id, text, kind, hedged, attribution, "
              "start, [end] FROM claims WHERE article_id IN ({}) ORDER BY article_id, position",
    "quantities": "SELECT claim_id, text, value, high, unit, currency, approximate "
                  f"FROM quantities WHERE claim_id IN ({_CLAIMS_OF}) ORDER BY id",
    "dates": "SELECT claim_id, text, date FROM claim_dates WHERE claim_id IN "
             f"({_CLAIMS_OF}) ORDER BY claim_id, position",
    "mentions": "SELECT claim_id, name, type, text FROM claim_entities JOIN entities "
                f"ON entities.id = entity_id WHERE claim_id IN ({_CLAIMS_OF}) "
                "ORDER BY claim_entities.rowid",
}


def stored_rows(db: sqlite_utils.Database, chunk: int = 256) -> Iterator[Rows]:
    """Every article stored in `db`, by id, read with a few queries per `chunk` articles
    instead of dozens per article."""
    ids = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")]
    for start in range(0, len(ids), chunk):
        yield from _stored_rows(db, ids[start:start + chunk])


def _grouped(db: sqlite_utils.Database, sql: str, ids: list[int]) -> Groups:
    """Rows of `sql` (its first column the key, `{}` the id list), grouped by that key."""
    groups: Groups = {}
    for row in db.execute(sql.format(", ".join("?" * len(ids))), ids):
        groups.setdefault(row[0], []).append(row[1:])
    return groups


def _stored_rows(db: sqlite_utils.Database, ids: list[int]) -> Iterator[Rows]:
    children = {name: _grouped(db, sql, ids) for name, sql in _CHILDREN.items()}
    for row in db.execute(f"SELECT {', '.join(ARTICLE_COLUMNS)} FROM articles WHERE id IN "
                          f"({', '.join('?' * len(ids))}) ORDER BY id", ids):
        yield _article_rows(row[0], list(row[1:]), children)


def _article_rows(article_id: int, values: list[Any], children: dict[str, Groups]) -> Rows:
    # Mirrors queries.load_article (positions for ids, the table grid) and then rows.rows().
    def of(name: str) -> list[Any]:
        return children[name].get(article_id, [])

    names = [name for (name,) in of("authors")]
    values[AUTHOR] = ", ".join(names) or None
    imported_at, values[IMPORTED_AT] = values[IMPORTED_AT], None
    provenance = values[-1] and json.loads(values[-1])
    values[-1] = json.dumps(provenance, sort_keys=True) if provenance else None
    position = {sid: pos for sid, pos, *_ in of("sections")}
    grids = _grids(of("tables"), children["cells"], position)
    claims = of("claims")
    return Rows(
        source=values[0], url=values[1], title=values[2], content_hash=values[8],
        parser_version=values[13], imported_at=imported_at, article=tuple(values),
        authors=names,
        tags=[tag for (tag,) in of("tags")],
        sections=[(pos, position.get(parent), *rest)  # type: ignore[arg-type]
                  for _, pos, parent, *rest in of("sections")],
        paragraphs=[(position[section], *rest) for section, *rest in of("paragraphs")],
        tables=[(pos, section, caption, len(grid), len(grid[0]) if grid else 0)
                for pos, section, caption, grid, _ in grids],
        cells=[(pos, r, c, int(r < header_rows), text)
               for pos, _, _, grid, header_rows in grids for r, cells_of_row in
               enumerate(grid) for c, text in enumerate(cells_of_row)],
        code_blocks=[(position[section], pos, language, text, text.count("\n") + 1)
                     for section, pos, language, text in of("code")],
        links=[(url, text) for url, text in of("links")],
        claims=[(pos, position[section], text, kind, int(bool(hedged)), *rest)
                for _, pos, section, text, kind, hedged, *rest in claims],
        quantities=[(pos, text, value, high, unit, currency, int(bool(approximate)))
                    for claim_id, pos, *_ in claims
                    for text, value, high, unit, currency, approximate
                    in children["quantities"].get(claim_id, [])],
        claim_dates=[(pos, i, text, date) for claim_id, pos, *_ in claims
                     for i, (text, date) in enumerate(children["dates"].get(claim_id, []))],
        mentions=[(pos, *mention) for claim_id, pos, *_ in claims
                  for mention in children["mentions"].get(claim_id, [])],
    )


def _grids(tables: list[Any], cells: Groups, position: dict[int, int]) -> list[tuple[Any, ...]]:
    """Each table as (position, section position, caption, grid of cell texts, header rows)."""
    grids = []
    for table_id, pos, section, caption in tables:
        grid: list[list[str]] = []
        for row_number, _, text in cells.get(table_id, []):
            if row_number == len(grid):
                grid.append([])
            grid[-1].append(text)
        header_rows = len({r for r, header, _ in cells.get(table_id, []) if header == 1})
        grids.append((pos, position[section], caption, grid, header_rows))
    return grids
