"""Metadata written as lines of the body instead of front matter, read and taken out.

- Pandoc's title block: up to three `%` lines at the top (title, authors split by `;`, date).
- MultiMarkdown metadata: `Key: value` lines at the top, up to the first blank line.
- Notion's page properties: `Key: value` lines right under the `# Title` of an export.

A run of `Key: value` lines is metadata only when every line of it is one and a key names a
metadata field (`Title`, `Author`, `Date`, `Tags`...): a paragraph that opens `Note: …` is
text. Keys no field wants (`Status`, `Created`) go with the block: they are the tool's.
"""

from __future__ import annotations

import re

from ingest.readers.markdown_fields import KEYS, TAG_KEYS, Found, convert, date, key, read_fields
from ingest.readers.markdown_lines import ATX

# `Key: value`; an empty property (`Tags:`) is a line of the block too
KEY_VALUE = re.compile(r"^(?P<key>[A-Za-z][\w .'/-]{0,30}?)[ \t]*:(?:[ \t]+(?P<value>\S.*))?$")
CONTINUATION = re.compile(r"^(?: {2,}|\t)\S")
KNOWN = frozenset({*(k for spellings in KEYS.values() for k in spellings), *TAG_KEYS})
MAX_LINES = 20


def pandoc_title_block(lines: list[str]) -> tuple[Found, list[str]]:
    """The `%` title block at the top: its fields and the lines after it."""
    values: list[str] = []
    i = 0
    while i < len(lines) and len(values) < 3 and lines[i].startswith("%"):
        parts = [lines[i][1:].strip()]
        i += 1
        while i < len(lines) and lines[i].startswith((" ", "\t")) and lines[i].strip():
            parts.append(lines[i].strip())  # pandoc continues a field on indented lines
            i += 1
        values.append("; ".join(parts) if len(values) == 1 else " ".join(parts))
    if not values:
        return {}, lines
    title, authors, when = [*values, "", ""][:3]
    origin = "pandoc title block"
    found: Found = {}
    if title:
        found["title"] = (title, origin)
    if names := [n.strip() for n in authors.split(";") if n.strip()] if ";" in authors \
            else convert("authors", authors):
        found["authors"] = (names, origin)
    if published := date(when):
        found["published"] = (published, origin)
    return found, lines[i:]


def key_value_block(lines: list[str], start: int, origin: str) -> tuple[Found, list[str]]:
    """The `Key: value` block opening at line `start`, read, and the lines without it."""
    end = start
    pairs: dict[str, str] = {}
    while end < len(lines) and lines[end].strip() and end - start < MAX_LINES:
        if match := KEY_VALUE.match(lines[end]):
            pairs.setdefault(match["key"].strip(), (match["value"] or "").strip())
        elif not (CONTINUATION.match(lines[end]) and pairs):
            return {}, lines
        else:
            last = list(pairs)[-1]
            pairs[last] += " " + lines[end].strip()
        end += 1
    keys = {key(k) for k in pairs}
    if not keys & KNOWN or (len(pairs) < 2 and "title" not in keys):
        return {}, lines
    while end < len(lines) and not lines[end].strip():
        end += 1
    return read_fields(pairs, origin), lines[:start] + lines[end:]


def top_metadata(lines: list[str]) -> tuple[Found, list[str]]:
    """Pandoc's `%` block or MultiMarkdown's metadata lines at the top of a file without
    front matter."""
    if lines and lines[0].startswith("%"):
        return pandoc_title_block(lines)
    return key_value_block(lines, 0, "metadata line")


def notion_properties(lines: list[str]) -> tuple[Found, list[str]]:
    """Property lines right under the `# Title` that opens a page."""
    first = next((i for i, line in enumerate(lines) if line.strip()), None)
    if first is None or not (match := ATX.match(lines[first])) or len(match["marks"]) != 1:
        return {}, lines
    start = first + 1
    while start < len(lines) and not lines[start].strip():
        start += 1
    return key_value_block(lines, start, "property")
