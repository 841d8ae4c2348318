"""Saved web pages: the article, its metadata and its structure, with none of the page around it.

One Lexbor parse (selectolax, HTML5-conformant, so `</div>` inside a `<script>` stays script)
serves every step: metadata is read first (JSON-LD lives in scripts), then what is never article
is removed, the article container is chosen and pruned (`html_content`), and that fragment is
written as Markdown (`html_markdown`). When the page shows no article text but its JSON-LD
carries `articleBody`, that text is the article.
"""

from __future__ import annotations

import re
from html import unescape

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.errors import IngestError
from ingest.models import Draft
from ingest.readers.html_boilerplate import drop_calls_to_action
from ingest.readers.html_content import main_content, prune, strip_never_article
from ingest.readers.html_markdown import to_markdown
from ingest.readers.html_meta import read_metadata

MIN_BODY_WORDS = 20  # below this the container found is a stub; JSON-LD's body is better


def read(text: str, origin: str) -> Draft:
    tree = LexborHTMLParser(text)
    metadata, article_body = read_metadata(tree)
    strip_never_article(tree)
    content = main_content(tree)
    body = ""
    if content is not None:
        prune(content)
        drop_calls_to_action(content)
        _drop_title_heading(content, metadata.title)
        body = to_markdown(content)
    if article_body and len(body.split()) < max(MIN_BODY_WORDS, len(article_body.split()) / 2):
        body = _paragraphs(article_body)
    if not body.strip():
        raise IngestError(origin, "no article text found in the page")
    title = f"# {metadata.title}\n\n" if metadata.title else ""
    return Draft(metadata=metadata, markdown=title + body)


def _drop_title_heading(content: LexborNode, title: str | None) -> None:
    """The article's own `<h1>` repeats the title the Markdown opens with."""
    heading = content.css_first("h1")
    if heading is not None and title and _words(heading.text(deep=True) or "") == _words(title):
        heading.decompose()


def _words(text: str) -> list[str]:
    return re.findall(r"\w+", text.casefold())


def _paragraphs(text: str) -> str:
    """JSON-LD's articleBody as paragraphs; some sites put (escaped) HTML in it."""
    if "&lt;" in text or "&gt;" in text:
        text = unescape(text)
    if re.search(r"<(p|br|div|h\d|a|strong|em)\b", text, re.I):
        fragment = LexborHTMLParser(text)
        strip_never_article(fragment)
        return to_markdown(fragment.body) if fragment.body is not None else ""
    lines = [line.strip() for line in text.replace("\r", "").split("\n")]
    return "\n\n".join(line for line in lines if line) + "\n"
