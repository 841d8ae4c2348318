"""The import run: discover, skip what is unchanged, parse (in a pool), store, report.

`run` yields one `Event` per input so that the CLI only prints, and Python callers get the same
behaviour as `newskb import`. Unchanged files are recognised by their content hash before any
parsing, which is what makes re-importing a folder fast.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, fields
from datetime import datetime
from pathlib import Path
from typing import Literal

import sqlite_utils

from ingest import __version__, batch, sources, store
from ingest.errors import IngestError
from ingest.models import Article, Format
from ingest.sources import RawDocument

PARSER_VERSION = __version__
"""`pipeline.PARSER_VERSION`, named without importing the parsers: a re-import parses nothing,
and they take a quarter of a second to load."""

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

    Articles are written in batches (`store.Writer`), and an article's event is yielded once
    its batch is committed, so what was reported is stored. `advance` is called as each
    document is done (stored, failed or unchanged), ahead of its event, for a progress bar.
    `known` maps sources to the content hash another database already holds for them (a
    shard's main database): those count as unchanged too.
    """
    def to_parse() -> Iterator[RawDocument | Article | Event]:
        for location in locations:
            for item in _read(location):
                if isinstance(item, RawDocument) and known and \
                        known.get(item.origin) == item.content_hash:
                    yield Event("unchanged", item.origin, "")
                else:
                    yield _skip_if_unchanged(db, item)

    imported_at = now.isoformat(timespec="seconds")
    if len(locations) <= batch.CHUNK:
        jobs = 1  # starting workers costs more than parsing a handful of files
    with store.Writer(db) as writer:
        held: list[Event] = []  # events of the open batch, reported once it is committed
        for item, parsed in batch.parse_all(to_parse(), jobs, format, now, store.rows):
            if isinstance(item, Event):
                event = item
            elif isinstance(item, Article):
                event = _store(writer, item.source, store.rows(item), imported_at)
            elif isinstance(parsed, IngestError):
                event = Event("failed", parsed.source, parsed.reason)
            elif parsed is not None:
                event = _store(writer, item.origin, parsed, imported_at)
            else:
                continue
            advance()
            if writer.rolled_back():  # a failure took the whole batch with it
                held = [_unstored(e, event.detail) for e in held]
            if not writer.open:
                yield from held
                held = []
                yield event
                continue
            held.append(event)
            if writer.full:
                writer.commit()
                yield from held
                held = []
        writer.commit()
        yield from held


def _unstored(event: Event, reason: str) -> Event:
    if event.outcome in ("imported", "replaced"):
        return Event("failed", event.source, reason)
    return event


def _read(location: str | IngestError) -> Iterator[RawDocument | Article | Event]:
    """What one location holds: a document, an archive's documents, or an export's articles."""
    if isinstance(location, IngestError):
        yield Event("failed", location.source, location.reason)
    elif location.endswith(sources.EXPORT_SUFFIX):
        yield from _exported(location)
    elif sources.is_archive(location):
        for raw in sources.iter_warc(location):
            yield Event("failed", raw.source, raw.reason) if isinstance(raw, IngestError) \
                else _Hashed.of(raw)
    else:
        raw = sources.load(location)
        yield Event("failed", raw.source, raw.reason) if isinstance(raw, IngestError) \
            else _Hashed.of(raw)


@dataclass(frozen=True, slots=True)
class _Hashed(RawDocument):
    """A RawDocument whose SHA-256 is computed once: the unchanged check needs it before
    parsing, and the parse (here or in a worker) needs it again for the Article."""

    known_hash: str = ""

    @classmethod
    def of(cls, raw: RawDocument) -> _Hashed:
        return cls(**{f.name: getattr(raw, f.name) for f in fields(raw)},
                   known_hash=raw.content_hash)

    @property
    def content_hash(self) -> str:
        return self.known_hash


def _exported(location: str) -> Iterator[Article | Event]:
    """Articles from a JSONL export: validated, not parsed again."""
    for line in sources.iter_export(location):
        if isinstance(line, IngestError):
            yield Event("failed", line.source, line.reason)
            continue
        try:
            yield _from_export(line[1], line[0])
        except IngestError as error:
            yield Event("failed", error.source, error.reason)


def _from_export(line: bytes, origin: str) -> Article:
    from ingest import pipeline

    return pipeline.from_export(line, origin)


def _skip_if_unchanged(db: sqlite_utils.Database,
                       item: RawDocument | Article | Event) -> RawDocument | Article | Event:
    """An `unchanged` event for bytes already stored by this parser, else the item."""
    if isinstance(item, RawDocument):
        source, content_hash, version = item.origin, item.content_hash, PARSER_VERSION
    elif isinstance(item, Article):
        source, content_hash, version = item.source, item.content_hash, item.parser_version
    else:
        return item
    if store.is_unchanged(db, source, content_hash, version):
        return Event("unchanged", source, "")
    return item


def _store(writer: store.Writer, origin: str, article: store.Rows, imported_at: str) -> Event:
    try:
        outcome = writer.save(article, imported_at)
    except Exception as error:  # a store failure rolls back this article only
        return Event("failed", origin, f"not stored ({type(error).__name__}: {error})")
    return Event(outcome, origin, article.title or "(untitled)")


def merge(db: sqlite_utils.Database, shards: list[Path]) -> Iterator[Event]:
    """Store every article of each shard database in `db`, in batches like an import."""
    with store.Writer(db) as writer:
        for shard in shards:
            if not shard.is_file():
                yield Event("failed", str(shard), "no such shard database")
                continue
            source = store.connect(shard)
            held: list[Event] = []
            for rows in store.stored_rows(source):
                held.append(_store(writer, rows.source, rows, rows.imported_at or ""))
                if writer.rolled_back():
                    held = [_unstored(e, held[-1].detail) for e in held]
                if writer.full:
                    writer.commit()
                    yield from held
                    held = []
            source.close()
            writer.commit()
            yield from held
