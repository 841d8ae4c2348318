"""The page around the article: its head (title, byline, tags), its foot, and their chrome.

The head is every block before the article's first body block (a sentence, a list, a table,
code); the foot is every block after its last. Plain dates, bylines and glued tag words are read
only there (and in the page's first lines); chrome patterns are dropped everywhere; lone short
lines are dropped only in the head and foot, where buttons and placeholders (`Hero`) stand.
The title is the head's heading-like line that a byline follows, else its first one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.readers.text_blocks import Block, marked_heading
from ingest.readers.text_chrome import is_chrome, is_lone_short
from ingest.readers.text_meta import Meta, read_line

SENTENCE = re.compile(r"[.!?:;\"”’)]\s*$")
BULLET = re.compile(r"^\s*(?:[•◦▪▸►‣⁃●○■□–*+-]|\d{1,2}[.)])\s+\S")
EDGE_LINES = 10  # the page's first lines count as its head even after a standfirst


@dataclass
class Found:
    """Metadata read from the page's lines, with where each field came from."""

    title: str | None = None
    authors: list[str] = field(default_factory=list)
    published: str | None = None
    tags: list[str] = field(default_factory=list)
    site: str | None = None
    provenance: dict[str, str] = field(default_factory=dict)

    def add(self, meta: Meta) -> None:
        if meta.authors and not self.authors:
            self.authors, self.provenance["authors"] = meta.authors, meta.kind
        if meta.published and not self.published:
            self.published, self.provenance["published"] = meta.published, meta.kind
        if meta.tags:
            self.tags += [t for t in meta.tags if t not in self.tags]
            self.provenance.setdefault("tags", meta.kind)


def clean(blocks: list[Block]) -> tuple[list[Block], Found]:
    """Blocks without chrome and metadata lines, the title taken out, and what was found."""
    found = Found()
    first, last = _body_bounds([_without_meta(block) for block in blocks])
    edge = _edge_lines(blocks)
    marks: dict[tuple[int, int], str] = {}
    for index, block in enumerate(blocks):
        near = index < first or index > last
        for n, line in enumerate(block.lines if block.kind == "text" else []):
            marks[index, n] = _mark(line, near or (index, n) in edge, found)
    title_at = _find_title(blocks, first, marks)
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind != "text":
            kept.append(block)
            continue
        if title_at and title_at[0] == index:
            _set_title(block.lines[title_at[1]], found)
            kept = [b for b in kept if b.kind != "text" or not all(
                is_lone_short(line, 8) for line in b.lines)]  # kickers, menus above the title
        lines = [line for n, line in enumerate(block.lines)
                 if marks[index, n] == "text" and (index, n) != title_at]
        if lines:
            kept.append(Block("text", lines))
    first, last = _body_bounds(kept)
    return _drop_lone_lines(kept, first, last), found


def _without_meta(block: Block) -> Block:
    if block.kind != "text":
        return block
    lines = [line for line in block.lines if not is_chrome(line) and not read_line(line, True)]
    return Block("text", lines)


def _mark(line: str, near_edge: bool, found: Found) -> str:
    """`chrome`, `byline` (any metadata line, recorded in `found`) or `text`."""
    if is_chrome(line):
        return "chrome"
    meta = read_line(line, near_edge)
    if meta is None:
        return "text"
    found.add(meta)
    return "byline" if meta.authors or meta.dated else "meta"


def _find_title(blocks: list[Block], first: int,
                marks: dict[tuple[int, int], str]) -> tuple[int, int] | None:
    """The head's headline-like line that a byline or date follows, else its first one."""
    head = [(i, n) for i in range(min(first + 1, len(blocks))) if blocks[i].kind == "text"
            for n in range(len(blocks[i].lines)) if marks[i, n] != "chrome"]
    spots = [k for k, (i, n) in enumerate(head) if marks[i, n] == "text"
             and headline_like(blocks[i].lines[n]) and (i < first or _glued_title(blocks[i], n))]
    if not spots:
        return None
    followed = [k for k in spots if k + 1 < len(head) and marks[head[k + 1]] == "byline"]
    return head[(followed or spots)[0]]


def _glued_title(block: Block, n: int) -> bool:
    """A title line at the top of the first body group (no blank line under it)."""
    return n == 0 and len(block.lines) > 1 and not _sentence(block.lines[0])


def _set_title(line: str, found: Found) -> None:
    heading = marked_heading(line)
    title = heading[1] if heading else line.strip()
    found.title, found.site = _site_suffix(title)
    found.provenance["title"] = "first heading" if heading else "first line"
    if found.site:
        found.provenance["site"] = "title suffix"


def _edge_lines(blocks: list[Block]) -> set[tuple[int, int]]:
    """The page's first EDGE_LINES non-blank lines, as (block, line) positions."""
    seen: set[tuple[int, int]] = set()
    for index, block in enumerate(blocks):
        for n in range(len(block.lines)):
            if len(seen) >= EDGE_LINES:
                return seen
            seen.add((index, n))
    return seen


def is_body(block: Block) -> bool:
    """A block of the article proper: code, a sentence, a list, a table, several lines."""
    if block.kind != "text":
        return True
    lines = [line.strip() for line in block.lines]
    if len(lines) >= 3 or any("\t" in line or BULLET.match(line) for line in lines):
        return True
    return any(_sentence(line) for line in lines) or _sentence(" ".join(lines))


def _sentence(line: str) -> bool:
    """Article text: eight words or more ending a sentence. A question or exclamation of under
    25 words may be a headline (`Are heat pumps really cheaper…?`), so it does not count."""
    words = len(line.split())
    if words < 8 or marked_heading(line) or not SENTENCE.search(line):
        return False
    return words >= 25 or not re.search(r"[?!]\s*$", line)


def _body_bounds(blocks: list[Block]) -> tuple[int, int]:
    body = [i for i, block in enumerate(blocks) if is_body(block)]
    return (body[0], body[-1]) if body else (len(blocks), len(blocks))


def headline_like(line: str) -> bool:
    """One line that can be a headline: words, a capital, no full stop at the end."""
    text = line.strip()
    if marked_heading(text):
        return True
    words = text.split()
    return (1 <= len(words) <= 30 and text.lstrip("\"“‘'")[:1].isupper()
            and not re.search(r"[.,;:][\"”’)]?$", text)
            and not BULLET.match(text) and "\t" not in text and "://" not in text)


def _site_suffix(title: str) -> tuple[str, str | None]:
    """`Headline | Site` → (`Headline`, `Site`) when the part after the bar is a short name."""
    head, bar, tail = title.rpartition(" | ")
    if bar and len(tail.split()) <= 4 and len(head.split()) >= 3 and tail[:1].isupper():
        return head.strip(), tail.strip()
    return title, None


def _drop_lone_lines(blocks: list[Block], first: int, last: int) -> list[Block]:
    """Short lone lines go from the head (except headings of what follows) and from the very
    bottom of the page (only the run of them that nothing else follows)."""
    def lone(block: Block) -> bool:
        return block.kind == "text" and all(is_lone_short(line) for line in block.lines)

    end = len(blocks)
    while end > last + 1 and lone(blocks[end - 1]):
        end -= 1
    kept = []
    for i, block in enumerate(blocks[:end]):
        heads_body = i + 1 < len(blocks) and i + 1 <= last and is_body(blocks[i + 1])
        heading = any(marked_heading(line) for line in block.lines)
        if i < first and lone(block) and not heads_body and not heading:
            continue
        kept.append(block)
    return kept
