"""Articles into SQLite: `connect` opens (creating when needed) a database, `save` stores one
article, `Writer` stores many in batched transactions. The storage layer's public face: its
parts are `rows` (an `Article` as plain rows, pure, so it runs in workers), `inserts` (the SQL
that writes one article's rows) and `readback` (stored articles back as rows, for merges), and
`Rows`, `rows` and `stored_rows` are re-exported here. `queries` does the reading for the CLI.

An article is identified by its source (path or URL) and, when known, its canonical URL. Its
SHA-256 content hash and the parser version decide what an import does:

- unchanged: same bytes, same parser (or the same bytes already stored under another source);
  nothing is written, so re-importing a folder changes nothing;
- replaced: the source is known but its bytes or the parser changed; the old article and all its
  rows are deleted and the new ones written under the same id;
- imported: new.

`save` writes an article in one transaction (`db.atomic()`): a failure part-way leaves the
previous state intact. The schema is `schema/schema.sql`, run as it is on every `connect`.

`Writer` is how imports and merges write many articles: a transaction per batch of articles,
each article in its own savepoint (so one failure still rolls back that article only), and the
batch's full-text rows added with one `INSERT ... SELECT` per index just before the batch commits
instead of a trigger per row. The insert triggers are dropped and created again inside that same
transaction, so no other connection ever sees them missing, and a crash loses the open batch
whole (rows and index entries commit together): the database is consistent with no repair.
"""

from __future__ import annotations

import time
from pathlib import Path
from typing import ClassVar, Literal

import sqlite_utils

from ingest.inserts import insert_article, insert_children
from ingest.models import Article
from ingest.readback import stored_rows
from ingest.rows import Rows, rows

__all__ = ["FTS_TABLES", "SCHEMA_DIR", "Outcome", "Rows", "Writer", "connect", "is_unchanged",
           "rows", "save", "stored_rows"]

Outcome = Literal["imported", "unchanged", "replaced"]

# A wheel carries schema/ inside the package (pyproject's force-include); a checkout has it at
# the top level.
_PACKAGED = Path(__file__).parent / "schema"
SCHEMA_DIR = _PACKAGED if _PACKAGED.is_dir() else Path(__file__).parent.parent / "schema"


FTS_TABLES = ("articles_fts", "sections_fts", "claims_fts")


def connect(path: str | Path) -> sqlite_utils.Database:
    """Open (creating when needed) a newskb database with foreign keys enforced."""
    db = sqlite_utils.Database(path)
    db.execute("PRAGMA foreign_keys = ON")
    _create_schema(db)
    return db


def _create_schema(db: sqlite_utils.Database) -> None:
    db.conn.executescript((SCHEMA_DIR / "schema.sql").read_text(encoding="utf-8"))


def is_unchanged(db: sqlite_utils.Database, source: str, content_hash: str, version: str) -> bool:
    """True when these bytes are already stored by this parser version: no need to parse."""
    row = db.execute(
        "SELECT 1 FROM articles WHERE content_hash = ? AND parser_version = ? "
        "AND (source = ? OR NOT EXISTS (SELECT 1 FROM articles WHERE source = ?)) LIMIT 1",
        [content_hash, version, source, source],
    ).fetchone()
    return row is not None


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
        article_id = insert_article(db, article, imported_at, existing)
        insert_children(db, article, article_id)
        if entities:  # the old version's entities that no claim names any more
            db.conn.executemany("DELETE FROM entities WHERE id = ? AND NOT EXISTS "
                                "(SELECT 1 FROM claim_entities WHERE entity_id = ?)",
                                [(entity, entity) for entity in entities])
        if writer is not None:
            writer.saved(article_id, article.chars)
    return "imported" if existing is None else "replaced"


def _existing_id(db: sqlite_utils.Database, article: Rows) -> int | None:
    row = db.execute("SELECT id FROM articles WHERE source = ?", [article.source]).fetchone()
    if row is None and article.url:
        row = db.execute("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1",
                         [article.url]).fetchone()
    return row[0] if row else None


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
