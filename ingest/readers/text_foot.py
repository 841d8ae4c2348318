"""Where the article stops: the comment section and the author box that follow it.

Comments are sentences, and an author's bio is one too, so they look like article text to
`text_shape.is_article` and would pull the article's end down past them. Their labels are
worded alike on every platform (`Top comments (2)`, `41 Comments`, `Discussion about this
post`, `Join the conversation`, `Written by …`), so the page is cut at the first such label
that follows most of the article: at least three paragraphs, and more article text above it
than below (a `0 Comments` link beside the byline has the whole story below it). What comes
after the cut is not read at all.
"""

from __future__ import annotations

import re

from ingest.readers.text_blocks import Block
from ingest.readers.text_chrome import unemphasised
from ingest.readers.text_shape import is_article, sentence

MIN_ARTICLE_BLOCKS = 3  # a label above fewer paragraphs than this is in the page's head
COMMENTS_LABEL = re.compile(
    r"^(?:top|all|\d[\d,.]*k?)\s+(?:comments?|responses?|replies)(?:\s*\(\d[\d,]*\))?$|"
    r"^(?:comments|responses|replies)\s*\(\d[\d,]*\)$|"  # not a bare `Comments` (a toolbar's)
    r"^discussion about this (?:post|article|story|episode)$|"
    r"^(?:join|start) the (?:conversation|discussion)\b.{0,20}$|"
    r"^(?:leave|add|write|post) a (?:comment|reply|response)\b.{0,20}$|"
    r"^sign in to (?:comment|reply|join the conversation)\b|^about the author$", re.I)
# The author box opens with a byline of its own: it is kept (and read as metadata), the rest
# of the box (follower counts, the bio) is cut.
AUTHOR_BOX = re.compile(r"^[Ww]ritten by [A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}$")


def without_comments(blocks: list[Block]) -> list[Block]:
    """The blocks up to the first comment-section or author-box label below the article."""
    words = [_article_words(block) for block in blocks]
    seen = 0
    for index, block in enumerate(blocks):
        below = sum(words[index + 1:])
        if block.kind == "text" and seen >= MIN_ARTICLE_BLOCKS and sum(words[:index]) > below:
            for n, line in enumerate(block.lines):
                text = unemphasised(line).strip(" :")
                if COMMENTS_LABEL.match(text):
                    return _cut(blocks, index, n)
                if AUTHOR_BOX.match(text):
                    return _cut(blocks, index, n + 1)
        seen += words[index] > 0
    return blocks


def related_start(blocks: list[Block], label: re.Pattern[str]) -> int | None:
    """The block of a `Related posts`-style label below most of the article (same test as the
    comment cut), alone or over headlines that are no sentences: the other stories' titles
    are short lines, which is why the article's end is not found above it when a sign-up box
    sentence follows them."""
    words = [_article_words(block) for block in blocks]
    for index, block in enumerate(blocks):
        if block.kind == "text" and label.match(unemphasised(block.lines[0]).strip()) and \
                not any(sentence(line) for line in block.lines[1:]) and \
                sum(w > 0 for w in words[:index]) >= MIN_ARTICLE_BLOCKS and \
                sum(words[:index]) > sum(words[index + 1:]):
            return index
    return None


def _article_words(block: Block) -> int:
    return sum(len(line.split()) for line in block.lines) if is_article(block) else 0


def _cut(blocks: list[Block], index: int, n: int) -> list[Block]:
    lines = blocks[index].lines[:n]
    return blocks[:index] + ([Block("text", lines)] if lines else [])
