"""Parsing many documents: in this process, or in a kept-alive pool of worker processes.

Results come back in input order whatever `jobs` is, so one writer stores them in the same order
and `--jobs 4` gives the same database as `--jobs 1`. At most `jobs * WINDOW` chunks are in
flight, so memory stays bounded however many files there are. `pipeline.parse` is pure, so a
worker runs it unchanged.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime
from itertools import islice
from typing import TypeVar

from ingest import pipeline
from ingest.errors import IngestError
from ingest.models import Article, Format
from ingest.sources import RawDocument

CHUNK = 16
"""Documents per task: enough to amortise pickling and scheduling, small enough to balance."""
WINDOW = 4
"""Chunks in flight per worker: keeps every worker busy while the writer catches up."""

Parsed = Article | IngestError
T = TypeVar("T")


def parse_one(raw: RawDocument, format: Format | None, now: datetime | None) -> Parsed:
    """Parse one document; any failure becomes an IngestError naming it."""
    try:
        return pipeline.parse(raw, format, now=now)
    except IngestError as error:
        return error
    except Exception as error:  # one bad file never sinks the batch
        return IngestError(raw.origin, f"unexpected error ({type(error).__name__}: {error})")


def _parse_chunk(chunk: list[RawDocument | T], format: Format | None,
                 now: datetime | None) -> list[Parsed | None]:
    return [parse_one(item, format, now) if isinstance(item, RawDocument) else None
            for item in chunk]


def parse_all(items: Iterable[RawDocument | T], jobs: int, format: Format | None = None,
              now: datetime | None = None) -> Iterator[tuple[RawDocument | T, Parsed | None]]:
    """Yield (item, Article or IngestError) in input order, parsing with `jobs` processes.

    Items that are not documents (a caller's already-decided outcomes) pass through with None,
    in their place, so everything a caller reports stays in input order.
    """
    if jobs <= 1:
        for item in items:
            yield item, _parse_chunk([item], format, now)[0]
        return
    chunks = _chunks(items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        pending: deque[tuple[list[RawDocument | T], Future[list[Parsed | None]]]] = deque()
        for chunk in islice(chunks, jobs * WINDOW):
            pending.append((chunk, pool.submit(_parse_chunk, chunk, format, now)))
        while pending:
            chunk, future = pending.popleft()
            yield from zip(chunk, future.result(), strict=True)
            for more in islice(chunks, 1):
                pending.append((more, pool.submit(_parse_chunk, more, format, now)))


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
