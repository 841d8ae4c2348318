"""Which line of a text dump's head is the article's title.

The title is the first headline-like line that is not chrome (the issue's rule), but a page's
head also holds menus (`Sport`, `Football`), kickers (`Opinion`, `ENERGY`), the site's name
and a standfirst. Those are told apart by shape, not by their words:
- a short line (four words or fewer) sharing its group with other lines is a menu item or a
  kicker, never the title when a longer candidate exists;
- when a byline follows, the title is the line right above it, or the line above that when
  the line between is longer and written as a sentence (a standfirst under its headline);
- a date line is never the title;
- a headline of two or three short sentences (`Sales fell. Then they rose.`) reads as the
  first paragraph: it is the title when nothing above it can be one (menus, a masthead) and a
  byline stands right under it.
"""

from __future__ import annotations

import re

from ingest.readers.text_blocks import Block
from ingest.readers.text_chrome import is_lone_short
from ingest.readers.text_meta import read_line
from ingest.readers.text_shape import headline_like, sentence

Spot = tuple[int, int]  # (block index, line index)
BYLINE_START = re.compile(r"by\s", re.I)
SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[\"“‘']?[A-Z0-9])")
MAX_HEADLINE_SENTENCES = 3
MAX_HEADLINE_SENTENCE_WORDS = 12  # `Flood claims used to take 19 days to settle.` is nine


def find_title(blocks: list[Block], first: int, marks: dict[Spot, str]) -> Spot | None:
    """The title's position among the head's lines (blocks up to the first body block)."""
    head = [(i, n) for i in range(min(first + 1, len(blocks))) if blocks[i].kind == "text"
            for n in range(len(blocks[i].lines)) if marks[i, n] != "chrome"]
    spots = {spot for spot in head if _candidate(blocks, spot, first, marks)}
    if not spots:
        return (first, 0) if _sentences_headline(blocks, first, marks) else None
    byline = next((k for k, spot in enumerate(head) if marks[spot] == "byline"), None)
    if byline is not None and byline > 0 and _strong(blocks, head[byline - 1], spots, marks):
        line = head[byline - 1]
        above = head[byline - 2] if byline > 1 else None
        if above and _strong(blocks, above, spots, marks) and not _short(blocks, above) and \
                _words(blocks, above) < _words(blocks, line) and not _title_case(blocks, line):
            return above  # the headline, with its (longer) standfirst between it and the byline
        return line
    ordered = [spot for spot in head if spot in spots]
    strong = [spot for spot in ordered if not _menu_item(blocks, spot, marks)]
    if not any(not _short(blocks, spot) for spot in strong) and \
            _sentences_headline(blocks, first, marks):
        return first, 0  # the head above is menus and a masthead
    return next((spot for spot in strong if not _short(blocks, spot)),
                strong[0] if strong else ordered[0])


def _sentences_headline(blocks: list[Block], first: int, marks: dict[Spot, str]) -> bool:
    """A headline written as two or three short sentences (`Sales fell. Then they rose.`),
    which reads as the first paragraph: alone in its group, with a byline right under it (a
    standfirst or a lead has longer sentences, and a byline above it)."""
    if first + 1 >= len(blocks) or blocks[first].kind != "text" or \
            len(blocks[first].lines) != 1 or marks.get((first, 0)) != "text":
        return False
    below = [marks.get((first + 1, n)) for n in range(len(blocks[first + 1].lines))]
    if next((mark for mark in below if mark != "chrome"), None) != "byline":
        return False
    line = blocks[first].lines[0].strip()
    parts = SENTENCE_SPLIT.split(line)
    return line[:1].isupper() and 2 <= len(parts) <= MAX_HEADLINE_SENTENCES and \
        all(len(part.split()) <= MAX_HEADLINE_SENTENCE_WORDS and part[-1] in ".!?"
            for part in parts)


def _strong(blocks: list[Block], spot: Spot, spots: set[Spot], marks: dict[Spot, str]) -> bool:
    return spot in spots and not _menu_item(blocks, spot, marks)


def _title_case(blocks: list[Block], spot: Spot) -> bool:
    """Most longer words capitalised: written as a headline, so not a standfirst (a deck is a
    sentence), and the line above it is some other story's headline in a sidebar."""
    words = [w for w in blocks[spot[0]].lines[spot[1]].split() if len(w) > 3]
    return len(words) >= 3 and sum(not w[0].islower() for w in words) >= 0.7 * len(words)


def _words(blocks: list[Block], spot: Spot) -> int:
    return len(blocks[spot[0]].lines[spot[1]].split())


def _candidate(blocks: list[Block], spot: Spot, first: int, marks: dict[Spot, str]) -> bool:
    i, n = spot
    line = blocks[i].lines[n]
    if marks[spot] != "text" or not headline_like(line) or BYLINE_START.match(line.strip()):
        return False
    if read_line(line, True) is not None:
        return False  # a date or byline that was not read as one in the body: never a title
    return i < first or glued_title(blocks[i], n)


def glued_title(block: Block, n: int) -> bool:
    """A title line at the top of the first body group (no blank line under it)."""
    return n == 0 and len(block.lines) > 1 and not sentence(block.lines[0])


def _short(blocks: list[Block], spot: Spot) -> bool:
    return is_lone_short(blocks[spot[0]].lines[spot[1]])


def _menu_item(blocks: list[Block], spot: Spot, marks: dict[Spot, str]) -> bool:
    """A short line with other text lines in its group: a menu entry or a kicker."""
    i, _ = spot
    others = sum(marks[i, n] == "text" for n in range(len(blocks[i].lines)))
    return others > 1 and _short(blocks, spot)


def kickers_above(block: Block, n: int) -> set[int]:
    """Short lines above the title in its own group (`Press release`, `Analysis`)."""
    return {k for k in range(n) if is_lone_short(block.lines[k], 8)}


def site_suffix(title: str) -> tuple[str, str | None]:
    """`Headline | Site` → (`Headline`, `Site`) when the part after the bar is a short name."""
    head, bar, tail = title.rpartition(" | ")
    if bar and len(tail.split()) <= 4 and len(head.split()) >= 3 and tail[:1].isupper():
        return head.strip(), tail.strip()
    return title, None
