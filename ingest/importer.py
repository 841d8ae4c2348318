"""The import run: discover, skip what is unchanged, parse (in a pool), store, report.

`run` yields one `Event` per input so that the CLI only prints, and Python callers get the same
behaviour as `newskb import`. Unchanged files are recognised by their content hash before any
parsing, which is what makes re-importing a folder fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path
from typing import Literal

import sqlite_utils

from ingest import batch, pipeline, queries, sources, store
from ingest.errors import IngestError
from ingest.models import Article, Format
from ingest.sources import RawDocument

Outcome = Literal["imported", "replaced", "unchanged", "failed"]


@dataclass(frozen=True, slots=True)
class Event:
    outcome: Outcome
    source: str
    detail: str
    """The title for a stored article, the reason for a failure."""

    def __str__(self) -> str:
        if self.outcome == "failed":
            return f"{self.source}: {self.detail}"
        return f"{self.outcome:<10} {self.source}" + (f"  →  {self.detail}" if self.detail else "")


def run(db: sqlite_utils.Database, locations: list[str | IngestError], *, jobs: int = 1,
        format: Format | None = None, now: datetime,
        advance: Callable[[], None] = lambda: None,
        known: Mapping[str, str] | None = None) -> Iterator[Event]:
    """Import every location into `db`, yielding what happened to each.

    `advance` is called once per location read, for a progress bar. `known` maps sources to the
    content hash another database already holds for them (a shard's main database): those count
    as unchanged too.
    """
    def to_parse() -> Iterator[RawDocument | Article | Event]:
        for location in locations:
            advance()
            for item in _read(location):
                if isinstance(item, RawDocument) and known and \
                        known.get(item.origin) == item.content_hash:
                    yield Event("unchanged", item.origin, "")
                else:
                    yield _skip_if_unchanged(db, item)

    imported_at = now.isoformat(timespec="seconds")
    if len(locations) <= batch.CHUNK:
        jobs = 1  # starting workers costs more than parsing a handful of files
    for item, parsed in batch.parse_all(to_parse(), jobs, format, now):
        if isinstance(item, Event):
            yield item
        elif isinstance(item, Article):
            yield _store(db, item.source, item, imported_at)
        elif isinstance(parsed, IngestError):
            yield Event("failed", parsed.source, parsed.reason)
        elif parsed is not None:
            yield _store(db, item.origin, parsed, imported_at)


def _read(location: str | IngestError) -> Iterator[RawDocument | Article | Event]:
    """What one location holds: a document, an archive's documents, or an export's articles."""
    if isinstance(location, IngestError):
        yield Event("failed", location.source, location.reason)
    elif location.endswith(sources.EXPORT_SUFFIX):
        yield from _exported(location)
    elif sources.is_archive(location):
        for raw in sources.iter_warc(location):
            yield Event("failed", raw.source, raw.reason) if isinstance(raw, IngestError) else raw
    else:
        raw = sources.load(location)
        yield Event("failed", raw.source, raw.reason) if isinstance(raw, IngestError) else raw


def _exported(location: str) -> Iterator[Article | Event]:
    """Articles from a JSONL export: validated, not parsed again."""
    for line in sources.iter_export(location):
        if isinstance(line, IngestError):
            yield Event("failed", line.source, line.reason)
            continue
        try:
            yield pipeline.from_export(line[1], line[0])
        except IngestError as error:
            yield Event("failed", error.source, error.reason)


def _skip_if_unchanged(db: sqlite_utils.Database,
                       item: RawDocument | Article | Event) -> RawDocument | Article | Event:
    """An `unchanged` event for bytes already stored by this parser, else the item."""
    if isinstance(item, RawDocument):
        source, content_hash, version = item.origin, item.content_hash, pipeline.PARSER_VERSION
    elif isinstance(item, Article):
        source, content_hash, version = item.source, item.content_hash, item.parser_version
    else:
        return item
    if store.is_unchanged(db, source, content_hash, version):
        return Event("unchanged", source, "")
    return item


def _store(db: sqlite_utils.Database, origin: str, article: Article, imported_at: str) -> Event:
    try:
        outcome = store.save(db, article, imported_at)
    except Exception as error:  # a store failure rolls back this article only
        return Event("failed", origin, f"not stored ({type(error).__name__}: {error})")
    return Event(outcome, origin, article.metadata.title or "(untitled)")


def merge(db: sqlite_utils.Database, shards: list[Path]) -> Iterator[Event]:
    """Store every article of each shard database in `db`; full-text indexes are built once."""
    with store.bulk(db):
        for shard in shards:
            if not shard.is_file():
                yield Event("failed", str(shard), "no such shard database")
                continue
            source = store.connect(shard)
            for article_id in queries.article_ids(source):
                article = queries.load_article(source, article_id)
                yield _store(db, article.source, article, article.imported_at or "")
            source.close()
