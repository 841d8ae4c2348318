"""The values that flow through newskb, validated by pydantic.

Readers return a `Draft`; `structure` and `claims` add the parsed pieces; `pipeline.parse`
returns an `Article`, which is what `store` writes and what `newskb export` emits. Every model is
closed (`extra="forbid"`) and every field is documented here: these docstrings become the JSON
Schema in `schema/article.schema.json` and the column descriptions shown in Datasette.

Offsets (`start`, `end`) are character offsets into `Article.body_markdown`, end exclusive.
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field

Format = Literal["html", "markdown", "text"]
Offset = Annotated[int, Field(ge=0)]
Position = Annotated[int, Field(ge=0)]


class Model(BaseModel):
    model_config = ConfigDict(extra="forbid", use_attribute_docstrings=True, frozen=True)


class Metadata(Model):
    """What an article says about itself."""

    title: str | None = None
    """The headline, without a site suffix such as ` | Site`."""
    authors: list[str] = []
    """People who wrote the article, in byline order."""
    published: str | None = None
    """First publication date, ISO 8601 (`YYYY-MM-DD`, time kept when known); None when unknown."""
    site: str | None = None
    """The publication's name when the page states it."""
    url: str | None = None
    """The article's canonical URL when known."""
    language: str | None = None
    """BCP 47 language tag (`en`, `pt-BR`) when known."""
    tags: list[str] = []
    """The article's own tags, keywords or categories, as written."""
    provenance: dict[str, str] = {}
    """For each field above that has a value, where it came from (`json-ld`, `og`, `byline`)."""


class Draft(Model):
    """What every reader returns: metadata and the article as clean Markdown."""

    metadata: Metadata
    markdown: str
    """The article body as Markdown: `# Title` first, sections as `##`, subsections `###`."""


class Section(Model):
    """A heading and the text under it, up to the next heading."""

    position: Position
    """Order of the section in the article, from 0."""
    level: Annotated[int, Field(ge=0, le=6)]
    """Heading level as a reader sees it: 1 the title, 2 sections, 3 subsections; 0 for text
    before any heading."""
    heading: str
    """Heading text, without `#`, permalink symbols or zero-width characters."""
    parent: Position | None = None
    """Position of the enclosing section, None at the top."""
    path: str
    """Headings from the top down joined by ` > `, leaving out the article title."""
    text: str
    """The section's own text (not its subsections'), as Markdown."""
    start: Offset
    end: Offset


class Block(Model):
    """A paragraph, list item or block quote: where sentences and claims come from."""

    section: Position
    """Position of the section the block is in."""
    position: Position
    """Order of the block in the article, from 0."""
    kind: Literal["paragraph", "list_item", "quote"]
    text: str
    """Exactly `body_markdown[start:end]`: the inline text, without list or quote markers."""
    start: Offset
    end: Offset


class Table(Model):
    """A table as a full grid: header rows included, spans expanded."""

    section: Position
    position: Position
    """Order of the table in the article, from 0."""
    caption: str | None = None
    header_rows: Annotated[int, Field(ge=0)] = 1
    """How many of the first rows are header rows."""
    rows: list[list[str]]
    """Cell text, row by row; every row has the same number of cells."""


class CodeBlock(Model):
    section: Position
    position: Position
    """Order of the code block in the article, from 0."""
    language: str | None = None
    """Language name in lower case (`python`, `javascript`, `sql`, `bash`), None when unknown."""
    code: str
    """The code exactly as shown, with LF line ends and no trailing newline."""


class Link(Model):
    url: str
    text: str


class Quantity(Model):
    """An amount stated in a claim."""

    text: str
    """The amount as written (`$5 billion`)."""
    value: float | None = None
    """The normalised value (5e9), the low end of a range."""
    high: float | None = None
    """The high end of a range (`3–5 GW` → 5), None for a single value."""
    unit: str | None = None
    """`percent`, `pp`, `bp`, `fraction`, a measurement unit, or the counted thing's noun."""
    currency: str | None = None
    """ISO 4217 code for money (`USD`)."""
    approximate: bool = False
    """True for `about`, `roughly`, `tens of thousands` and the like."""


class DateMention(Model):
    text: str
    """The date as written."""
    date: str | None = None
    """ISO 8601 when the date is absolute or resolvable against the published date."""


class EntityMention(Model):
    name: str
    """The canonical name (`Amazon Web Services` for `AWS`; `Anthropic` for `Anthropic's`)."""
    type: Literal["organization", "person", "product", "place", "other"]
    text: str
    """The entity as written in the claim."""


ClaimKind = Literal[
    "quantitative", "temporal", "attributed_statement", "comparative", "causal", "event",
    "prediction",
]


class Claim(Model):
    """A sentence that asserts something a fact-checker could check."""

    section: Position
    position: Position
    """Order of the claim in the article, from 0."""
    text: str
    kind: ClaimKind
    hedged: bool
    """True when stated with uncertainty (may, might, likely, expect, reportedly, ...)."""
    attribution: str | None = None
    """Whom the sentence reports (`recent reports`, a quoted speaker); None when the article
    itself asserts it."""
    start: Offset
    end: Offset
    quantities: list[Quantity] = []
    dates: list[DateMention] = []
    entities: list[EntityMention] = []


class Article(Model):
    """One imported article and everything parsed out of it."""

    source: str
    """Where it was read from: a path, `-` for stdin, or a URL."""
    format: Format
    content_hash: str
    """SHA-256 of the raw bytes: an unchanged file is not imported twice."""
    parser_version: str
    fetched_at: str | None = None
    """When the page was fetched, for articles read from a web archive (WARC)."""
    imported_at: str | None = None
    """When this version was stored (UTC, ISO 8601): set by the store, kept by exports so a
    re-import of an export gives the same rows."""
    metadata: Metadata
    body_markdown: str
    """The whole article as Markdown and nothing of the page around it."""
    word_count: Annotated[int, Field(ge=0)]
    sections: list[Section] = []
    blocks: list[Block] = []
    tables: list[Table] = []
    code_blocks: list[CodeBlock] = []
    links: list[Link] = []
    claims: list[Claim] = []


if __name__ == "__main__":  # `python -m ingest.models` prints the schema kept in schema/
    import json

    print(json.dumps(Article.model_json_schema(), indent=2, ensure_ascii=False))
