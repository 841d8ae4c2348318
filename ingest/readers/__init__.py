"""Readers: one per input format, all with the signature `read(text, origin) -> Draft`.

Each turns its input into metadata plus clean Markdown (`# Title`, `## Section`, GFM tables,
fenced code with a language), so one structure parser serves every format.
"""

from collections.abc import Callable

from ingest.models import Draft, Format
from ingest.readers import html, markdown, text

Reader = Callable[[str, str], Draft]

READERS: dict[Format, Reader] = {
    "html": html.read,
    "markdown": markdown.read,
    "text": text.read,
}
