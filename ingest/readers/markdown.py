"""Markdown clippings: front matter (YAML `---` or TOML `+++`) plus the Markdown body.

Front matter keys vary by tool (Jekyll, Hugo, Obsidian, Zola, Astro), so each field takes the
spellings people use. Without front matter, the title is the first `#` heading.
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml

from ingest.dates import to_iso
from ingest.errors import IngestError
from ingest.models import Draft, Metadata

FRONT_MATTER = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(\n|\Z)",
                          re.S)
FIRST_HEADING = re.compile(r"^#[ \t]+(.+?)[ \t#]*$", re.M)
AUTHOR_SPLIT = re.compile(r"\s*(?:,|;|&|\band\b)\s*")

KEYS: dict[str, tuple[str, ...]] = {
    "title": ("title", "headline", "name"),
    "authors": ("authors", "author", "by", "byline", "creator", "creators"),
    "published": ("published", "date", "pubDate", "pubdate", "publishDate", "published_at",
                  "date_published", "datePublished", "created"),
    "tags": ("tags", "categories", "keywords", "category", "topics"),
    "url": ("canonical_url", "canonical", "url", "link", "source_url", "source"),
    "site": ("site", "site_name", "publication", "publisher"),
    "language": ("lang", "language", "locale"),
}


def read(text: str, origin: str) -> Draft:
    match = FRONT_MATTER.match(text)
    fields: dict[str, Any] = {}
    body = text
    if match:
        fields = _load_front_matter(match["fence"], match["body"], origin)
        body = text[match.end():]
    metadata = _metadata(fields)
    if metadata.title is None and (heading := FIRST_HEADING.search(body)):
        metadata = metadata.model_copy(update={
            "title": heading[1].strip(), "provenance": {**metadata.provenance,
                                                        "title": "first heading"}})
    return Draft(metadata=metadata, markdown=body.strip() + "\n")


def _load_front_matter(fence: str, body: str, origin: str) -> dict[str, Any]:
    try:
        loaded = tomllib.loads(body) if fence == "+++" else yaml.safe_load(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        reason = str(error).splitlines()[0]
        raise IngestError(origin, f"front matter is not valid {_kind(fence)} ({reason})") from None
    return loaded if isinstance(loaded, dict) else {}


def _kind(fence: str) -> str:
    return "TOML" if fence == "+++" else "YAML"


def _metadata(fields: dict[str, Any]) -> Metadata:
    values: dict[str, Any] = {}
    provenance: dict[str, str] = {}
    for field, spellings in KEYS.items():
        key = next((k for k in spellings if fields.get(k) not in (None, "", [])), None)
        if key is None:
            continue
        value = _convert(field, fields[key])
        if value not in (None, []):
            values[field] = value
            provenance[field] = f"front matter: {key}"
    return Metadata(**values, provenance=provenance)


def _convert(field: str, value: Any) -> Any:
    if field == "published":
        return to_iso(value)
    if field in ("authors", "tags"):
        return _names(value, split=AUTHOR_SPLIT if field == "authors" else re.compile(r"\s*,\s*"))
    if isinstance(value, dict):
        value = value.get("name") or value.get("title")
    return str(value).strip() if value is not None else None


def _names(value: Any, split: re.Pattern[str]) -> list[str]:
    items = value if isinstance(value, list) else split.split(str(value))
    names = []
    for item in items:
        name = item.get("name") if isinstance(item, dict) else item
        if name is not None and str(name).strip() and str(name).strip() not in names:
            names.append(str(name).strip())
    return names
