"""Parsing many documents: in this process, or in a kept-alive pool of worker processes.

Results come back in input order whatever `jobs` is, so one writer stores them in the same order
and `--jobs 4` gives the same database as `--jobs 1`. At most `jobs * WINDOW` chunks are in
flight, so memory stays bounded however many files there are. `pipeline.parse` is pure, so a
worker runs it unchanged.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from datetime import datetime
from itertools import islice
from typing import TypeVar

from ingest.errors import IngestError
from ingest.models import Article, Format
from ingest.sources import RawDocument

CHUNK = 16
"""Documents per task: enough to amortise pickling and scheduling, small enough to balance."""
WINDOW = 4
"""Chunks in flight per worker: keeps every worker busy while the writer catches up."""

Parsed = Article | IngestError
T = TypeVar("T")
R = TypeVar("R")


def parse_one(raw: RawDocument, format: Format | None, now: datetime | None,
              prepare: Callable[[Article], R] | None = None) -> Parsed | R:
    """Parse one document (and `prepare` the Article); any failure becomes an IngestError."""
    from ingest import pipeline  # here: loading the parsers is for those who parse

    try:
        article = pipeline.parse(raw, format, now=now)
        return article if prepare is None else prepare(article)
    except IngestError as error:
        return error
    except Exception as error:  # one bad file never sinks the batch
        return IngestError(raw.origin, f"unexpected error ({type(error).__name__}: {error})")


def _parse_chunk(chunk: list[RawDocument | T], format: Format | None, now: datetime | None,
                 prepare: Callable[[Article], R] | None = None) -> list[Parsed | R | None]:
    return [parse_one(item, format, now, prepare) if isinstance(item, RawDocument) else None
            for item in chunk]


def parse_all(items: Iterable[RawDocument | T], jobs: int, format: Format | None = None,
              now: datetime | None = None, prepare: Callable[[Article], R] | None = None
              ) -> Iterator[tuple[RawDocument | T, Parsed | R | None]]:
    """Yield (item, Article or IngestError) in input order, parsing with `jobs` processes.

    Items that are not documents (a caller's already-decided outcomes) pass through with None,
    in their place, so everything a caller reports stays in input order. `prepare`, a
    module-level function, turns each Article into what the caller needs where it was parsed:
    in a worker, that is what comes back instead of the Article (`store.rows`: plain tuples,
    much cheaper to send between processes than a pydantic model).
    """
    if jobs <= 1:
        for item in items:
            yield item, _parse_chunk([item], format, now, prepare)[0]
        return
    chunks = _chunks(items)
    with ProcessPoolExecutor(max_workers=jobs) as pool:

        def submit(chunk: list[RawDocument | T]) -> Future[list[Parsed | R | None]] | None:
            if not any(isinstance(item, RawDocument) for item in chunk):
                return None  # nothing to parse (a re-import's unchanged files): no round trip
            return pool.submit(_parse_chunk, chunk, format, now, prepare)

        pending: deque[tuple[list[RawDocument | T], Future[list[Parsed | R | None]] | None]]
        pending = deque((chunk, submit(chunk)) for chunk in islice(chunks, jobs * WINDOW))
        while pending:
            chunk, future = pending.popleft()
            results = future.result() if future is not None else [None] * len(chunk)
            yield from zip(chunk, results, strict=True)
            pending.extend((more, submit(more)) for more in islice(chunks, 1))


def _chunks(items: Iterable[T]) -> Iterator[list[T]]:
    iterator = iter(items)
    while chunk := list(islice(iterator, CHUNK)):
        yield chunk
