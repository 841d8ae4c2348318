"""Articles out of newskb in open formats: JSON Lines, Markdown with front matter, CSV.

Pure functions from stored values to text; `newskb export` writes what they return. Both JSONL
and Markdown exports can be imported again: JSONL gives back the same rows, Markdown re-parses.
"""

from __future__ import annotations

import csv
import io
import re
from typing import Any

import yaml

from ingest.models import Article

SLUG_NOISE = re.compile(r"[^a-z0-9]+")


def to_jsonl_line(article: Article) -> str:
    """One line of JSON Lines; `schema/article.schema.json` describes it."""
    return article.model_dump_json() + "\n"


def to_markdown(article: Article) -> str:
    """A Markdown file with YAML front matter that newskb's Markdown reader reads back."""
    meta = article.metadata
    front = {key: value for key, value in {
        "title": meta.title, "authors": meta.authors, "date": meta.published,
        "tags": meta.tags, "site": meta.site, "canonical_url": meta.url,
        "language": meta.language, "imported_from": article.source,
    }.items() if value not in (None, [])}
    header = yaml.safe_dump(front, allow_unicode=True, sort_keys=False)
    return f"---\n{header}---\n\n{article.body_markdown}"


def markdown_name(article_id: int, article: Article) -> str:
    """A file name that sorts by id and says what the article is."""
    slug = SLUG_NOISE.sub("-", (article.metadata.title or "untitled").lower()).strip("-")
    return f"{article_id:05d}-{slug[:60].rstrip('-') or 'untitled'}.md"


def to_csv(columns: list[str], rows: list[tuple[Any, ...]]) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return out.getvalue()
