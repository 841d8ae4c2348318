"""An `Article` as the plain rows the store writes, before the database gives them ids.

Pure (no SQLite), so it runs in a worker process: plain tuples are sent back several times
faster than the `Article` they come from. `readback.stored_rows` gives the same `Rows` for an
article already stored, which is how a merge copies a shard.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ingest.models import Article

ARTICLE_COLUMNS = ("id", "source", "url", "title", "author", "published", "site", "format",
                   "language", "content_hash", "body_markdown", "word_count", "fetched_at",
                   "imported_at", "parser_version", "provenance")
"""The `articles` columns in the order `Rows.article` holds them (after `id`)."""
BODY = ARTICLE_COLUMNS.index("body_markdown") - 1
AUTHOR = ARTICLE_COLUMNS.index("author") - 1
IMPORTED_AT = ARTICLE_COLUMNS.index("imported_at") - 1


@dataclass(frozen=True, slots=True)
class Rows:
    """An article as the rows `store.save` writes, before ids are given. Children name their
    section, table and claim by position; the store turns positions into ids."""

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
        return len(self.article[BODY])


def rows(article: Article) -> Rows:
    """What `store.save` writes for `article`."""
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
