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

`Writer` is how imports write many articles: a transaction per batch of articles, each article
in its own savepoint (so one failure still rolls back that article only), and the batch's
full-text rows added with one `INSERT ... SELECT` per index just before the batch commits
instead of a trigger per row. The insert triggers are dropped and created again inside that same
transaction, so no other connection ever sees them missing, and a crash loses the open batch
whole (rows and index entries commit together): the database is consistent with no repair.

`bulk()` is the older way for many articles (kept for callers and databases that used it): the
full-text triggers are dropped and each index is rebuilt once at the end. A crash inside leaves
the rows consistent and a marker that makes the next `connect` rebuild the indexes.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any, ClassVar, Literal

import sqlite_utils

from ingest.models import Article

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


@dataclass(frozen=True, slots=True)
class Rows:
    """An article as the rows `save` writes, before ids are given: plain tuples, so a worker
    process sends it back several times faster than the `Article` it came from. Children name
    their section, table and claim by position; `save` turns positions into ids."""

    source: str
    url: str | None
    title: str | None
    content_hash: str
    parser_version: str
    imported_at: str | None
    """Set for an article that was imported before (an export, a shard): kept as it was."""
    article: tuple[Any, ...]
    """The `articles` columns after `id`, `imported_at` left None."""
    authors: list[str]
    tags: list[str]
    sections: list[tuple[Any, ...]]
    paragraphs: list[tuple[Any, ...]]
    tables: list[tuple[Any, ...]]
    cells: list[tuple[Any, ...]]
    code_blocks: list[tuple[Any, ...]]
    links: list[tuple[str, str]]
    claims: list[tuple[Any, ...]]
    quantities: list[tuple[Any, ...]]
    claim_dates: list[tuple[Any, ...]]
    mentions: list[tuple[Any, ...]]

    @property
    def chars(self) -> int:
        return len(self.article[_BODY])


_ARTICLE_COLUMNS = ("id", "source", "url", "title", "author", "published", "site", "format",
                    "language", "content_hash", "body_markdown", "word_count", "fetched_at",
                    "imported_at", "parser_version", "provenance")
_BODY = _ARTICLE_COLUMNS.index("body_markdown") - 1
_IMPORTED_AT = _ARTICLE_COLUMNS.index("imported_at") - 1


def rows(article: Article) -> Rows:
    """What `save` writes for `article`. Pure, so it runs in a worker process."""
    meta = article.metadata
    claims = article.claims
    return Rows(
        source=article.source, url=meta.url, title=meta.title,
        content_hash=article.content_hash, parser_version=article.parser_version,
        imported_at=article.imported_at,
        article=(article.source, meta.url, meta.title, ", ".join(meta.authors) or None,
                 meta.published, meta.site, article.format, meta.language,
                 article.content_hash, article.body_markdown, article.word_count,
                 article.fetched_at, None, article.parser_version,
                 json.dumps(meta.provenance, sort_keys=True) if meta.provenance else None),
        authors=list(meta.authors),
        tags=list(meta.tags),
        sections=[(s.position, s.parent, s.level, s.heading, s.path, s.text, s.start, s.end)
                  for s in article.sections],
        paragraphs=[(b.section, b.position, b.kind, b.text, b.start, b.end)
                    for b in article.blocks],
        tables=[(t.position, t.section, t.caption, len(t.rows), len(t.rows[0]) if t.rows else 0)
                for t in article.tables],
        cells=[(t.position, r, c, int(r < t.header_rows), text)
               for t in article.tables for r, row in enumerate(t.rows)
               for c, text in enumerate(row)],
        code_blocks=[(c.section, c.position, c.language, c.code, c.code.count("\n") + 1)
                     for c in article.code_blocks],
        links=[(link.url, link.text) for link in article.links],
        claims=[(c.position, c.section, c.text, c.kind, int(c.hedged), c.attribution, c.start,
                 c.end) for c in claims],
        quantities=[(c.position, q.text, q.value, q.high, q.unit, q.currency,
                     int(q.approximate)) for c in claims for q in c.quantities],
        claim_dates=[(c.position, i, d.text, d.date) for c in claims
                     for i, d in enumerate(c.dates)],
        mentions=[(c.position, m.name, m.type, m.text) for c in claims for m in c.entities],
    )


def stored_rows(db: sqlite_utils.Database, chunk: int = 256) -> Iterator[Rows]:
    """Every article stored in `db`, by id, as `rows(queries.load_article(db, id))` gives it,
    read with a few queries per `chunk` articles instead of dozens per article: how a merge
    reads a shard."""
    ids = [row[0] for row in db.execute("SELECT id FROM articles ORDER BY id")]
    for start in range(0, len(ids), chunk):
        yield from _stored_rows(db, ids[start:start + chunk])


def _grouped(db: sqlite_utils.Database, sql: str, ids: list[int]) -> dict[int, list[Any]]:
    """Rows of `sql` (its first column the key, `{}` the id list), grouped by that key."""
    groups: dict[int, list[Any]] = {}
    for row in db.execute(sql.format(", ".join("?" * len(ids))), ids):
        groups.setdefault(row[0], []).append(row[1:])
    return groups


def _stored_rows(db: sqlite_utils.Database, ids: list[int]) -> Iterator[Rows]:
    # Mirrors queries.load_article (orders, positions, the table grid) and then rows().
    claims_of = "SELECT id FROM claims WHERE article_id IN ({})"
    tables_of = "SELECT id FROM tables WHERE article_id IN ({})"
    authors = _grouped(db, "SELECT article_id, name FROM authors WHERE article_id IN ({}) "
                           "ORDER BY article_id, position", ids)
    tags = _grouped(db, "SELECT article_id, tag FROM tags WHERE article_id IN ({}) "
                        "ORDER BY rowid", ids)
    sections = _grouped(db, "SELECT article_id, id, position, parent_id, level, heading, path, "
                            "text, start, [end] FROM sections WHERE article_id IN ({}) "
                            "ORDER BY article_id, position", ids)
    paragraphs = _grouped(db, "SELECT article_id, section_id, position, kind, text, start, "
                              "[end] FROM paragraphs WHERE article_id IN ({}) "
                              "ORDER BY article_id, position", ids)
    tables = _grouped(db, "SELECT article_id, id, position, section_id, caption FROM tables "
                          "WHERE article_id IN ({}) ORDER BY article_id, position", ids)
    cells = _grouped(db, "SELECT table_id, row, is_header, text FROM table_cells WHERE "
                         f"table_id IN ({tables_of}) ORDER BY table_id, row, col", ids)
    code = _grouped(db, "SELECT article_id, section_id, position, language, code FROM "
                        "code_blocks WHERE article_id IN ({}) ORDER BY article_id, position",
                    ids)
    links = _grouped(db, "SELECT article_id, url, text FROM links WHERE article_id IN ({}) "
                         "ORDER BY article_id, position", ids)
    claims = _grouped(db, "SELECT article_id, id, position, section_id, text, kind, hedged, "
                          "attribution, start, [end] FROM claims WHERE article_id IN ({}) "
                          "ORDER BY article_id, position", ids)
    quantities = _grouped(db, "SELECT claim_id, text, value, high, unit, currency, approximate "
                              f"FROM quantities WHERE claim_id IN ({claims_of}) ORDER BY id",
                          ids)
    dates = _grouped(db, "SELECT claim_id, text, date FROM claim_dates WHERE claim_id IN "
                         f"({claims_of}) ORDER BY claim_id, position", ids)
    mentions = _grouped(db, "SELECT claim_id, name, type, text FROM claim_entities JOIN "
                            f"entities ON entities.id = entity_id WHERE claim_id IN ({claims_of})"
                            " ORDER BY claim_entities.rowid", ids)
    for row in db.execute(f"SELECT {', '.join(_ARTICLE_COLUMNS)} FROM articles WHERE id IN "
                          f"({', '.join('?' * len(ids))}) ORDER BY id", ids):
        article_id, values = row[0], list(row[1:])
        names = [name for (name,) in authors.get(article_id, [])]
        values[_ARTICLE_COLUMNS.index("author") - 1] = ", ".join(names) or None
        imported_at, values[_IMPORTED_AT] = values[_IMPORTED_AT], None
        provenance = values[-1] and json.loads(values[-1])
        values[-1] = json.dumps(provenance, sort_keys=True) if provenance else None
        position = {sid: pos for sid, pos, *_ in sections.get(article_id, [])}
        grids = []
        for table_id, pos, section, caption in tables.get(article_id, []):
            grid: list[list[str]] = []
            for row_number, _, text in cells.get(table_id, []):
                if row_number == len(grid):
                    grid.append([])
                grid[-1].append(text)
            header_rows = len({r for r, header, _ in cells.get(table_id, []) if header == 1})
            grids.append((pos, position[section], caption, grid, header_rows))
        article_claims = claims.get(article_id, [])
        yield Rows(
            source=values[0], url=values[1], title=values[2], content_hash=values[8],
            parser_version=values[13], imported_at=imported_at, article=tuple(values),
            authors=names,
            tags=[tag for (tag,) in tags.get(article_id, [])],
            sections=[(pos, position.get(parent), *rest)  # type: ignore[arg-type]
                      for _, pos, parent, *rest in sections.get(article_id, [])],
            paragraphs=[(position[section], *rest)
                        for section, *rest in paragraphs.get(article_id, [])],
            tables=[(pos, section, caption, len(grid), len(grid[0]) if grid else 0)
                    for pos, section, caption, grid, _ in grids],
            cells=[(pos, r, c, int(r < header_rows), text)
                   for pos, _, _, grid, header_rows in grids for r, cells_of_row in
                   enumerate(grid) for c, text in enumerate(cells_of_row)],
            code_blocks=[(position[section], pos, language, text, text.count("\n") + 1)
                         for section, pos, language, text in code.get(article_id, [])],
            links=[(url, text) for url, text in links.get(article_id, [])],
            claims=[(pos, position[section], text, kind, int(bool(hedged)), *rest)
                    for _, pos, section, text, kind, hedged, *rest in article_claims],
            quantities=[(pos, text, value, high, unit, currency, int(bool(approximate)))
                        for claim_id, pos, *_ in article_claims
                        for text, value, high, unit, currency, approximate
                        in quantities.get(claim_id, [])],
            claim_dates=[(pos, i, text, date) for claim_id, pos, *_ in article_claims
                         for i, (text, date) in enumerate(dates.get(claim_id, []))],
            mentions=[(pos, *mention) for claim_id, pos, *_ in article_claims
                      for mention in mentions.get(claim_id, [])],
        )


def save(db: sqlite_utils.Database, article: Article | Rows, imported_at: str) -> Outcome:
    """Store one article in one transaction and say what happened."""
    prepared = article if isinstance(article, Rows) else rows(article)
    if is_unchanged(db, prepared.source, prepared.content_hash, prepared.parser_version):
        return "unchanged"
    return _save(db, prepared, imported_at)


def _save(db: sqlite_utils.Database, article: Rows, imported_at: str,
          writer: Writer | None = None) -> Outcome:
    existing = _existing_id(db, article)
    if existing is not None and writer is not None:
        writer.before_delete(existing)  # outside the savepoint: a failure below keeps its work
    with db.atomic():
        entities: list[int] = []
        if existing is not None:
            entities = [row[0] for row in db.execute(
                "SELECT DISTINCT entity_id FROM claim_entities WHERE claim_id IN "
                "(SELECT id FROM claims WHERE article_id = ?)", [existing])]
            db.execute("DELETE FROM articles WHERE id = ?", [existing])
        article_id = _insert_article(db, article, imported_at, existing)
        _insert_children(db, article, article_id)
        if entities:  # the old version's entities that no claim names any more
            db.conn.executemany("DELETE FROM entities WHERE id = ? AND NOT EXISTS "
                                "(SELECT 1 FROM claim_entities WHERE entity_id = ?)",
                                [(entity, entity) for entity in entities])
        if writer is not None:
            writer.saved(article_id, article.chars)
    return "imported" if existing is None else "replaced"


class Writer:
    """Saves articles in batched transactions, adding each batch's full-text rows at its end.

    Use as a context manager; `save` like `store.save`; `full` says the batch is big enough for
    `commit`. Leaving the context commits what was saved, whatever the reason for leaving.
    """

    BATCH_ARTICLES = 128
    """Articles per transaction: commits (an fsync each) and index inserts are amortised."""
    BATCH_CHARS = 2_000_000
    """Or this much Markdown: a batch of long articles commits sooner."""
    BATCH_SECONDS = 5.0
    """Or this long: slow documents do not hold the write lock (and their events) for long.
    Batches that end on count or size give the same index pages run after run; this one only
    comes into play when a batch is slow."""

    # The full-text rows the insert triggers of schema.sql would add, as one INSERT per index.
    INDEX: ClassVar[dict[str, str]] = {
        "articles_fts_insert": "INSERT INTO articles_fts(rowid, title, body_markdown) "
                               "SELECT id, title, body_markdown FROM articles WHERE id IN ({})",
        "sections_fts_insert": "INSERT INTO sections_fts(rowid, heading, text) "
                               "SELECT id, heading, text FROM sections WHERE article_id IN ({})",
        "claims_fts_insert": "INSERT INTO claims_fts(rowid, text) "
                             "SELECT id, text FROM claims WHERE article_id IN ({})",
    }

    def __init__(self, db: sqlite_utils.Database) -> None:
        self.db = db
        self.pending: list[int] = []
        """Articles of the open batch not yet in the full-text indexes."""
        self.count = self.chars = 0
        """Articles and Markdown characters in the open batch."""
        self._open, self._began = False, 0.0
        self._triggers = self._trigger_sql()
        if len(self._triggers) < len(self.INDEX):
            _create_schema(db)  # the schema puts missing triggers back
            self._triggers = self._trigger_sql()

    def _trigger_sql(self) -> dict[str, str]:
        return dict(self.db.execute(
            f"SELECT name, sql FROM sqlite_master WHERE type = 'trigger' AND name IN "
            f"({', '.join('?' * len(self.INDEX))})", list(self.INDEX)).fetchall())

    def __enter__(self) -> Writer:
        return self

    def __exit__(self, *exc: object) -> None:
        if not self.rolled_back():
            self.commit()

    def save(self, article: Article | Rows, imported_at: str) -> Outcome:
        prepared = article if isinstance(article, Rows) else rows(article)
        if is_unchanged(self.db, prepared.source, prepared.content_hash,
                        prepared.parser_version):
            return "unchanged"
        if not self._open:
            self._begin()
        return _save(self.db, prepared, imported_at, self)

    @property
    def full(self) -> bool:
        return (self.count >= self.BATCH_ARTICLES or self.chars >= self.BATCH_CHARS
                or (self._open and time.monotonic() - self._began >= self.BATCH_SECONDS))

    @property
    def open(self) -> bool:
        """A batch is open: what was saved since the last commit is not yet durable."""
        return self._open

    def rolled_back(self) -> bool:
        """True, once, when a failure rolled back the whole open batch: none of it was stored."""
        if self._open and not self.db.conn.in_transaction:
            self._open, self.pending, self.count, self.chars = False, [], 0, 0
            return True
        return False

    def commit(self) -> None:
        """Index the batch's articles, put the insert triggers back and commit."""
        if not self._open:
            return
        self._index_pending()
        for sql in self._triggers.values():
            self.db.conn.execute(sql)
        self.db.conn.execute("COMMIT")
        self._open, self.count, self.chars = False, 0, 0

    def _begin(self) -> None:
        self.db.conn.execute("BEGIN")
        self._open, self._began = True, time.monotonic()
        for name in self._triggers:
            self.db.conn.execute(f"DROP TRIGGER [{name}]")

    def saved(self, article_id: int, chars: int) -> None:
        self.pending.append(article_id)
        self.count += 1
        self.chars += chars

    def before_delete(self, article_id: int) -> None:
        # The delete triggers stay: they remove index entries, so this batch's own articles
        # must be indexed before one of them is replaced (two files with one canonical URL).
        if article_id in self.pending:
            self._index_pending()

    def _index_pending(self) -> None:
        if self.pending:
            marks = ", ".join("?" * len(self.pending))
            for name in self._triggers:
                self.db.conn.execute(self.INDEX[name].format(marks), self.pending)
        self.pending = []


def _existing_id(db: sqlite_utils.Database, article: Rows) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE source = ?", [article.source]).fetchone()
    if row is None and article.url:
        row = db.execute("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1",
                         [article.url]).fetchone()
    return row[0] if row else None


def _insert_article(db: sqlite_utils.Database, article: Rows, imported_at: str,
                    article_id: int | None) -> int:
    row = list(article.article)
    row[_IMPORTED_AT] = article.imported_at or imported_at
    cursor = db.conn.execute(_insert_sql("articles", _ARTICLE_COLUMNS), [article_id, *row])
    return int(cursor.lastrowid or 0)


def _next_id(db: sqlite_utils.Database, table: str) -> int:
    # Ids are handed out before inserting so children can point at their parents in one
    # batch insert; safe because every write happens inside one transaction.
    return int(db.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM [{table}]").fetchone()[0])


def _insert_children(db: sqlite_utils.Database, article: Rows, article_id: int) -> None:
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
