"""Metadata fields from `key: value` pairs: YAML/TOML front matter, MultiMarkdown metadata
lines and Notion property lines, in the spellings the tools use.

Keys are compared without case, spaces, `_` or `-` (`pubDate`, `Date published`,
`published_at`). A clip date (`created`, Notion's `Created`, `saved`) is when a clipping was
made, never `published` (CONVENTIONS.md), so those keys are not read at all.
"""

from __future__ import annotations

import re
from typing import Any

from ingest.dates import to_iso

Found = dict[str, tuple[Any, str]]
"""Metadata fields read from one source: field -> (value, provenance)."""

KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "authors": ("authors", "author", "by", "byline", "creator", "creators", "writer", "writers"),
    "published": ("published", "date", "pubdate", "publishdate", "publishedat", "datepublished",
                  "publisheddate", "publicationdate", "dateposted"),
    "url": ("canonicalurl", "canonical", "url", "link", "sourceurl", "source", "originalurl",
            "permalink"),
    "site": ("site", "sitename", "publication", "publisher", "source"),
    "language": ("lang", "language", "locale", "inlanguage"),
}
TAG_KEYS = ("tags", "categories", "category", "keywords", "topics")
SPACE_LISTS = ("tags", "categories")  # Jekyll: `categories: a b` is two categories
NAME_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")
TAG_SPLIT = re.compile(r"\s*[,;]\s*")
WIKILINK = re.compile(r"\[\[(?:[^\]|]*\|)?([^\]|]*)\]\]")  # `[[Page|Shown]]` shows `Shown`
BY = re.compile(r"^by\s+", re.I)
# Tags a tool adds to every note it makes (Obsidian Web Clipper), not the article's.
TOOL_TAGS = frozenset({"clippings"})
URL = re.compile(r"^https?://\S+$")
# `2026-03-04 09:15:00 +0100` (Jekyll): the offset is part of the time.
SPACED_OFFSET = re.compile(r"(\d{2}:\d{2}(?::\d{2})?)\s+(?=[+-]\d{2}:?\d{2}\b|Z\b)")


def key(name: str) -> str:
    return re.sub(r"[\s_-]+", "", name.lower())


def read_fields(fields: dict[str, Any], origin: str, space_lists: bool = False) -> Found:
    """The metadata in `fields`; `origin` names the source in provenance (`front matter`)."""
    by_key = {key(str(k)): (str(k), v) for k, v in fields.items() if v not in (None, "", [])}
    found: Found = {}
    for field, spellings in KEYS.items():
        for spelling in spellings:
            if spelling in by_key and (value := convert(field, by_key[spelling][1])):
                found[field] = (value, f"{origin}: {by_key[spelling][0]}")
                break
    tags: list[str] = []
    names = []
    for spelling in TAG_KEYS:
        if spelling in by_key:
            split = space_lists and spelling in SPACE_LISTS
            tags += [t for t in _tags(by_key[spelling][1], split) if t not in tags]
            names.append(by_key[spelling][0])
    if tags:
        found["tags"] = (tags, f"{origin}: {', '.join(names)}")
    return found


def convert(field: str, value: Any) -> Any:
    """`value` as the field wants it, or None when it is no value for that field."""
    if field == "published":
        return date(value)
    if field == "authors":
        return _names(value)
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    if value is None or isinstance(value, list | dict):
        return None
    text = str(value).strip()
    if field == "url":
        return text if URL.match(text) else None
    if field == "site":
        return None if URL.match(text) or "/" in text else text or None
    if field == "language":
        return text.replace("_", "-") or None
    return text or None


def date(value: Any) -> str | None:
    if isinstance(value, str):
        value = SPACED_OFFSET.sub(r"\1", value.strip())
    return to_iso(value)


def clean_name(name: str) -> str:
    """`[[Ana Souza]]`, `By Ana Souza` → `Ana Souza`."""
    return BY.sub("", WIKILINK.sub(r"\1", name).strip()).strip(" ,.")


def _names(value: Any) -> list[str]:
    items = value if isinstance(value, list) else NAME_SPLIT.split(WIKILINK.sub(r"\1", str(value)))
    names: list[str] = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        name = clean_name(str(name)) if name is not None else ""
        if name and not URL.match(name) and name not in names:
            names.append(name)
    return names


def _tags(value: Any, split_spaces: bool) -> list[str]:
    if isinstance(value, list):
        items = [str(item) for item in value if item is not None]
    elif TAG_SPLIT.search(str(value)) or not split_spaces:
        items = TAG_SPLIT.split(str(value))
    else:
        items = str(value).split()
    tags = [WIKILINK.sub(r"\1", item).strip().lstrip("#").strip() for item in items]
    return [tag for tag in tags if tag and tag.casefold() not in TOOL_TAGS]
