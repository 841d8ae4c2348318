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

from selectolax.lexbor import LexborHTMLParser

from ingest.errors import IngestError
from ingest.models import Draft
from ingest.readers.html_article import (
    cut_release_tail,
    drop_author_bios,
    one_article,
    open_at_title,
    own_headline,
    page_headline,
    standfirst,
    story_of,
    tidy_blocks,
    with_standfirst,
)
from ingest.readers.html_boilerplate import drop_calls_to_action
from ingest.readers.html_content import main_content, prune, strip_never_article
from ingest.readers.html_furniture import drop_furniture
from ingest.readers.html_markdown import markdown_blocks, to_markdown
from ingest.readers.html_meta import read_metadata

MIN_BODY_WORDS = 20  # below this the container found is a stub; JSON-LD's body is better
# Browsers' "Save page as" writes where the page came from: `<!-- saved from url=(0061)https://…
# -->` (Chrome, old IE). The page's URL when it names none itself.
SAVED_FROM = re.compile(r"<!--\s*saved from url=\(\d+\)(https?://[^\s>]+?)\s*-->", re.I)
SAVED_FROM_WITHIN = 2000  # characters: the comment sits at the top of the file


def read(text: str, origin: str) -> Draft:
    tree = LexborHTMLParser(text)
    metadata, article_body = read_metadata(tree)
    if metadata.url is None and (saved := SAVED_FROM.search(text[:SAVED_FROM_WITHIN])):
        metadata = metadata.model_copy(update={
            "url": saved[1], "provenance": {**metadata.provenance, "url": "saved from"}})
    heading = page_headline(tree, metadata.title)  # before the article's <header> is cut
    story = story_of(heading)
    dek = standfirst(tree, heading, metadata.authors)
    strip_never_article(tree)
    content = main_content(tree)
    body = ""
    if content is not None:
        content = one_article(content, story)
        prune(content)
        drop_calls_to_action(content)
        drop_furniture(content, metadata.url)
        cut_release_tail(content)
        drop_author_bios(content, metadata.authors)
        if headline := own_headline(content, metadata.title):
            metadata = metadata.model_copy(update={
                "title": headline, "provenance": {**metadata.provenance, "title": "h1"}})
        open_at_title(content, metadata.title)
        blocks = with_standfirst(tidy_blocks(markdown_blocks(content), metadata.authors), dek)
        body = "\n\n".join(blocks) + "\n" if blocks else ""
    if article_body and len(body.split()) < max(MIN_BODY_WORDS, len(article_body.split()) / 2):
        body = _paragraphs(article_body)
    if not body.strip():
        raise IngestError(origin, "no article text found in the page")
    title = f"# {metadata.title}\n\n" if metadata.title else ""
    return Draft(metadata=metadata, markdown=title + body)


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
