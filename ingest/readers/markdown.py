"""Markdown clippings: metadata wherever the producing tool writes it, plus the Markdown body.

Metadata comes, first source first, from front matter (YAML `---` or TOML `+++`: Jekyll, Hugo,
Obsidian, Astro, MarkDownload), a pandoc `%` title block or MultiMarkdown metadata lines,
Notion's property lines under the title, a newsletter masthead or a byline in the head, and a
"view in browser" link. Each is taken out of the body, with the template and extension syntax
a generator would have replaced and the chrome of emails and blog platforms
(`markdown_*` modules, one pass each). Without a stated title, the title is the first `#`
heading; a site suffix is cut from it (CONVENTIONS.md).
"""

from __future__ import annotations

import re
import tomllib
from typing import Any

import yaml

from ingest.errors import IngestError
from ingest.models import Draft, Metadata
from ingest.readers import markdown_outline as outline
from ingest.readers import markdown_syntax as syntax
from ingest.readers.markdown_byline import read_head
from ingest.readers.markdown_chrome import drop_chrome
from ingest.readers.markdown_fields import Found, read_fields
from ingest.readers.markdown_properties import notion_properties, top_metadata

FRONT_MATTER = re.compile(r"\A(?P<fence>---|\+\+\+)[ \t]*\n(?P<body>.*?)\n(?P=fence)[ \t]*(\n|\Z)",
                          re.S)


def read(text: str, origin: str) -> Draft:
    match = FRONT_MATTER.match(text)
    sources: list[Found] = []
    body = text
    if match:
        fields = _load_front_matter(match["fence"], match["body"], origin)
        sources.append(read_fields(fields, "front matter", space_lists=True))
        body = text[match.end():]
    lines = body.split("\n")
    if not match:
        found, lines = top_metadata(lines)
        sources.append(found)
    lines = syntax.clean("\n".join(lines)).split("\n")
    lines = outline.clean_headings(outline.drop_excerpt_box(lines))
    for step in (notion_properties, read_head, drop_chrome):
        found, lines = step(lines)
        sources.append(found)
    metadata, lines = _titled(_merge(sources), outline.pseudo_headings(lines))
    return Draft(metadata=metadata, markdown="\n".join(lines).strip() + "\n")


def _load_front_matter(fence: str, body: str, origin: str) -> dict[str, Any]:
    try:
        loaded = tomllib.loads(body) if fence == "+++" else yaml.safe_load(body)
    except (yaml.YAMLError, tomllib.TOMLDecodeError) as error:
        reason = str(error).splitlines()[0]
        raise IngestError(origin, f"front matter is not valid {_kind(fence)} ({reason})") from None
    return loaded if isinstance(loaded, dict) else {}


def _kind(fence: str) -> str:
    return "TOML" if fence == "+++" else "YAML"


def _merge(sources: list[Found]) -> Found:
    """Each field from the first source that has it."""
    merged: Found = {}
    for found in sources:
        for field, value in found.items():
            merged.setdefault(field, value)
    return merged


def _titled(found: Found, lines: list[str]) -> tuple[Metadata, list[str]]:
    """The metadata with its title (stated, or the first `#` heading) without a site suffix;
    the heading line carries the same title."""
    heading = outline.first_title(lines)
    if "title" not in found and heading is not None:
        found["title"] = (heading[1], "first heading")
    if "title" in found:
        stated, provenance = found["title"]
        site, url = found.get("site", (None, ""))[0], found.get("url", (None, ""))[0]
        title, suffix = outline.cut_site(stated, site, url)
        found["title"] = (title, provenance)
        if suffix and "site" not in found:
            found["site"] = (suffix, "title suffix")
        if heading is not None and outline.cut_site(heading[1], site, url)[0] == title:
            lines = outline.place_title(lines, heading[0], title)
    lines = outline.lift_sections(lines)
    values = {field: value for field, (value, _) in found.items()}
    provenance = {field: origin for field, (_, origin) in found.items()}
    return Metadata(**values, provenance=provenance), lines
