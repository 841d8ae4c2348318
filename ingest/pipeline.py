"""The whole parse, top to bottom: decode, sniff, read, structure, validate.

`parse` is pure: bytes in, a validated `Article` out, no I/O and no module state, so it can run
in a worker process or on a cluster unchanged.
"""

from __future__ import annotations

from datetime import datetime

from pydantic import ValidationError

from ingest import __version__, claims, structure
from ingest.decode import decode, sniff
from ingest.errors import IngestError
from ingest.language import detect as detect_language
from ingest.models import Article, Format, Metadata
from ingest.readers import READERS
from ingest.sources import RawDocument

PARSER_VERSION = __version__


def parse(raw: RawDocument, format: Format | None = None, now: datetime | None = None) -> Article:
    """Parse one raw document into an Article, or raise IngestError naming it and why.

    `now` is the import time: a published date after it is a misread (a schedule, a script's
    date), so it is dropped. Without `now`, dates are kept as read.
    """
    text = decode(raw.data, raw.origin, raw.charset).replace("\r\n", "\n").replace("\r", "\n")
    format = format or sniff(text, raw.origin)
    draft = READERS[format](text, raw.origin)
    settled = structure.settle(draft.markdown.strip() + "\n", draft.metadata.title)
    markdown, title = settled.markdown, settled.title
    metadata = draft.metadata
    if title and not metadata.title:
        provenance = {**metadata.provenance, "title": "first heading"}
        metadata = metadata.model_copy(update={"title": title, "provenance": provenance})
    if not metadata.language and (language := detect_language(markdown)):
        metadata = metadata.model_copy(update={
            "language": language, "provenance": {**metadata.provenance, "language": "content"}})
    if raw.url and not metadata.url:
        metadata = metadata.model_copy(update={
            "url": raw.url, "provenance": {**metadata.provenance, "url": "fetched from"}})
    if now is not None:
        metadata = _not_after(metadata, now)
    parts = structure.parse(markdown, settled.blocks)
    return Article(
        source=raw.origin,
        format=format,
        content_hash=raw.content_hash,
        parser_version=PARSER_VERSION,
        fetched_at=raw.fetched_at,
        metadata=metadata,
        body_markdown=markdown,
        word_count=structure.word_count(markdown),
        sections=parts.sections,
        blocks=parts.blocks,
        tables=parts.tables,
        code_blocks=parts.code_blocks,
        links=parts.links,
        claims=claims.extract(parts.blocks, markdown, metadata.published),
    )


def from_export(line: bytes, origin: str) -> Article:
    """An Article from one line of `newskb export --format jsonl`, validated again."""
    try:
        return Article.model_validate_json(line)
    except ValidationError as error:
        first = error.errors()[0]
        where = ".".join(str(part) for part in first["loc"]) or "line"
        raise IngestError(origin, f"not a newskb article ({where}: {first['msg']})") from None


def _not_after(metadata: Metadata, now: datetime) -> Metadata:
    published = metadata.published
    if published is None or published[:10] <= now.date().isoformat():
        return metadata
    provenance = {k: v for k, v in metadata.provenance.items() if k != "published"}
    return metadata.model_copy(update={"published": None, "provenance": provenance})
