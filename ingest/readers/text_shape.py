"""What a group of lines is shaped like: article text, a headline, a menu of links.

Shared by `text_page` (where the article starts and ends, which line is the title) and
`text_render` (which line is a heading).
"""

from __future__ import annotations

import re

from ingest.readers.text_blocks import PIPE_SEPARATOR, Block, marked_heading
from ingest.readers.text_chrome import RELATED_LABEL

SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")
TABLE_ROW_SIGN = re.compile(r"\d|[a-z][A-Z]")
COUNT = re.compile(r"^\d[\d,.]*[KkMm]?\+?$")  # `2.4K`, `318`: a reaction count, not table data
BULLET = re.compile(r"^\s*(?:[•◦▪▸►‣⁃●○■□–*+-]|\d{1,2}[.)])\s+\S")


def is_body(block: Block) -> bool:
    """A block of the article proper: code, a sentence, a list, a table, several lines."""
    if block.kind != "text":
        return True
    lines = [line.strip() for line in block.lines]
    if any("\t" in line or BULLET.match(line) or PIPE_SEPARATOR.match(line) for line in lines):
        return True
    return len(lines) >= 3 or any(sentence(line) for line in lines) or sentence(" ".join(lines))


def is_article(block: Block) -> bool:
    """A body block that can open or close the article: not a menu, a share bar or a list of
    other stories' headlines (in the middle of the article such lines are a list whose
    bullets were lost in copying, and stay body)."""
    if not is_body(block) or block.kind != "text" or len(block.lines) < 3:
        return is_body(block)
    lines = [line.strip() for line in block.lines]
    if any("\t" in line or BULLET.match(line) or PIPE_SEPARATOR.match(line) for line in lines):
        return True
    return not link_list(lines) and not related_list(lines)


def related_list(lines: list[str]) -> bool:
    """`Related articles` / `Most read` over other stories' headlines, in one group: a
    headline may end in `?` or carry figures (`400 homes`), but none is a sentence."""
    return bool(RELATED_LABEL.match(lines[0].strip())) and \
        not any(sentence(line) for line in lines[1:])


def link_list(lines: list[str]) -> bool:
    """Menus, share bars and related-story lists: no line ends a sentence, and most lines have
    neither a digit nor cells glued together (`SilkGallery`, `Price$449`): the rows of a
    glued table end no sentence either, but mostly have one or the other."""
    if any(SENTENCE.search(line) for line in lines):
        return False
    signs = sum(bool(TABLE_ROW_SIGN.search(line)) and not COUNT.match(line) for line in lines)
    return 2 * signs < len(lines)


def sentence(line: str) -> bool:
    """Article text: eight words or more ending a sentence. A question or exclamation of under
    25 words may be a headline (`Are heat pumps really cheaper…?`), so it does not count."""
    words = len(line.split())
    if words < 8 or marked_heading(line) or not SENTENCE.search(line):
        return False
    return words >= 25 or not re.search(r"[?!]\s*$", line)


def headline_like(line: str) -> bool:
    """One line that can be a headline: words, a capital (or a figure: `£2.4 billion to…`,
    `5 things…`), no full stop at the end."""
    text = line.strip()
    if marked_heading(text):
        return True
    words = text.split()
    start = text.lstrip("\"“‘'")[:1]
    figure = (start.isdigit() or start in "$£€¥") and len(re.findall(r"[^\W\d]{2,}", text)) >= 3
    return (1 <= len(words) <= 30 and (start.isupper() or figure)
            and not re.search(r"[.,;:][\"”’)]?$", text)
            and not BULLET.match(text) and "\t" not in text and "://" not in text)
