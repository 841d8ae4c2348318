"""Plain-text dumps of web pages (select all, copy, paste) into metadata and clean Markdown.

The stages, in order (each in its own module):
1. `text_blocks.segment`: fenced code kept, unfenced code found and fenced (`text_code`,
   `text_code_lang`), the rest cut into groups of lines between blank lines;
2. `text_page.clean`: the comment section and author box cut off (`text_foot`), page chrome
   dropped (`text_chrome`), byline, dates and tags read and their lines removed (`text_meta`,
   bare author names in `text_people`, glued tag runs in `text_tags`), the title found
   (`text_title`; shapes of article text, headlines and menus in `text_shape`) and everything
   above it dropped;
3. `text_render.render`: headings, tables (`text_tables`, `text_split`, `text_cuts`), lists,
   quotes and paragraphs as Markdown.
Text that is already clean Markdown or plain prose comes out unchanged.
"""

from __future__ import annotations

from ingest.models import Draft, Metadata
from ingest.readers import text_page
from ingest.readers.text_blocks import looks_like_markdown, segment
from ingest.readers.text_render import render


def read(text: str, origin: str) -> Draft:
    """Metadata and Markdown of one text dump; `origin` names it (unused: text has no URL)."""
    blocks = segment(text.replace("\r\n", "\n").replace("\r", "\n"))
    prose = "\n\n".join("\n".join(b.lines) for b in blocks if b.kind == "text")
    keep_breaks = any(b.kind == "fence" for b in blocks) or looks_like_markdown(prose)
    blocks, found = text_page.clean(blocks)
    body = render(blocks, keep_breaks, under_title=bool(found.title))
    markdown = f"# {found.title}\n\n{body}" if found.title else body
    provenance = {key: value for key, value in found.provenance.items()
                  if getattr(found, key, None)}
    metadata = Metadata(title=found.title, authors=found.authors, published=found.published,
                        site=found.site, tags=found.tags, provenance=provenance)
    return Draft(metadata=metadata, markdown=markdown)
