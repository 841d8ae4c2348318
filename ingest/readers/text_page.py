"""The page around the article: its head (title, byline, tags), its foot, and their chrome.

The head is every block before the article's first body block (a sentence, a list, a table,
code); the foot is every block after its last. Plain dates, bylines and glued tag words are read
only there (and in the page's first lines); chrome patterns are dropped everywhere; lone short
lines are dropped only in the head and foot, where buttons and placeholders (`Hero`) stand.
In the foot, a row of short `·`-joined links is the footer's, and anywhere the short lines under
a widget's question (`Was this page helpful?` / `Yes` / `No`) are its buttons. In the foot, the
lines after a related-links label (`More on this story`) are other stories'
headlines (and their cards' tags and dates are not read). The title is chosen by `text_title`;
every text block above it is the page's (menus, kickers, a share card repeating the headline),
as is a copy of the headline elsewhere in the head. Comments and the author box are cut off
first (`text_foot`), bare author names read after the other metadata (`text_people`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ingest.readers.text_blocks import Block, marked_heading
from ingest.readers.text_chrome import (
    RELATED_LABEL,
    is_chrome,
    is_image_alt,
    is_link_row,
    is_lone_short,
    is_signup_box,
    unemphasised,
)
from ingest.readers.text_foot import related_start, without_comments
from ingest.readers.text_meta import TAG_LABEL, TAGS_LINE, Meta, read_line, read_pair
from ingest.readers.text_people import bare_names, roles
from ingest.readers.text_shape import BULLET, COUNT, headline_like, is_article, is_body
from ingest.readers.text_tags import page_words, rejoin
from ingest.readers.text_title import find_title, kickers_above, site_suffix

__all__ = ["BULLET", "Found", "clean", "headline_like", "is_body"]

EDGE_LINES = 10  # the page's first lines count as its head even after a standfirst
Spot = tuple[int, int]


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
    blocks = without_comments(blocks)
    first, last = _body_bounds([_without_meta(block) for block in blocks])
    marks = _marks(blocks, first, last, found)
    title_at = find_title(blocks, first, marks)
    headline = unemphasised(blocks[title_at[0]].lines[title_at[1]]) if title_at else None
    kept: list[Block] = []
    for index, block in enumerate(blocks):
        if block.kind != "text":
            kept.append(block)
            continue
        gone: set[int] = set()
        if title_at and title_at[0] == index:
            _set_title(block.lines[title_at[1]], found)
            gone = kickers_above(block, title_at[1]) | {title_at[1]}
            # above the headline is the page's: menus, kickers, a share card repeating it
            kept = [b for b in kept if b.kind != "text"]
        lines = [line for n, line in enumerate(block.lines) if marks[index, n] == "text"
                 and n not in gone and not (index <= first and unemphasised(line) == headline)]
        if lines:
            kept.append(Block("text", lines))
    kept = _without_author_bio(kept, found.authors)
    if found.provenance.get("tags") == "glued tags":
        # the tag line itself is no evidence: it spells every run of its tags as one word
        words = page_words([line for i, b in enumerate(blocks) for n, line in enumerate(b.lines)
                            if marks.get((i, n)) != "meta"])
        found.tags = rejoin(found.tags, words)
    first, last = _body_bounds(kept)
    return _drop_lone_lines(kept, first, last), found


def _without_meta(block: Block) -> Block:
    if block.kind != "text":
        return block
    lines = [line for line in block.lines if not is_chrome(line) and not read_line(line, True)]
    return Block("text", lines)


def _marks(blocks: list[Block], first: int, last: int, found: Found) -> dict[Spot, str]:
    """Each text line's mark: `chrome`, `byline`, `meta` or `text`."""
    edge = _edge_lines(blocks)
    marks = _related_in_foot(blocks, last)
    for index, block in enumerate(blocks):
        lines = block.lines if block.kind == "text" else []
        for n, line in enumerate(lines):
            near = index < first or index > last or (index, n) in edge
            if (index, n) in marks:
                continue
            if (len(lines) == 1 and is_image_alt(line)) or (index > first and is_signup_box(lines)):
                marks[index, n] = "chrome"  # a picture's alt text; a newsletter box's lines
                continue
            # `Published` / `14 March 2025`, `Tags` / `a, b`: a label and its value below it
            pair = read_pair(line, lines[n + 1], near or (index, n + 1) in edge) \
                if n + 1 < len(lines) else None
            if pair is not None:
                if pair.tags and len(pair.tags) == 1:
                    pair.tags += _stacked_tags(lines, n + 2)  # `Tags` over one tag a line
                    for k in range(n + 2, n + len(pair.tags) + 1):
                        marks[index, k] = "meta"
                found.add(pair)
                marks[index, n] = marks[index, n + 1] = \
                    "byline" if pair.authors or pair.dated else "meta"
                continue
            marks[index, n] = _mark(line, near, found)
            if marks[index, n] == "text" and _control(lines, n, index > last):
                marks[index, n] = "chrome"
    head = {spot for spot in marks if spot[0] < first or spot in edge}
    authors = bare_names(blocks, head, marks)
    if authors and not found.authors:
        found.add(Meta(kind="byline", authors=authors))
    roles(blocks, head, marks)
    return marks


def _stacked_tags(lines: list[str], start: int) -> list[str]:
    """The rest of a `Tags` label's group when each line is one tag (`Elections` /
    `Marlow County`): every line short, capitalised or lower-case words, no sentence. A line
    that is not tag-shaped makes none of them a tag."""
    rest = [unemphasised(line).strip() for line in lines[start:]]
    if all(is_lone_short(line) and not is_chrome(line) for line in rest):
        return rest
    return []


def _control(lines: list[str], n: int, in_foot: bool) -> bool:
    """A footer's row of links, or an answer button under a widget's question in its group
    (`Was this page helpful?` / `Yes` / `No`): short lines that are chrome by their place."""
    if in_foot and is_link_row(lines[n]):
        return True
    above = next((k for k in range(n - 1, -1, -1) if not is_lone_short(lines[k])), None)
    question = above is not None and is_chrome(lines[above]) and lines[above].rstrip().endswith("?")
    return question and is_lone_short(lines[n])


def _mark(line: str, near_edge: bool, found: Found) -> str:
    """`chrome`, `byline` (any metadata line, recorded in `found`) or `text`."""
    if is_chrome(line) or (near_edge and COUNT.match(line.strip())):
        return "chrome"  # a count alone in the head or foot: likes, claps, comments
    meta = read_line(line, near_edge)
    if meta is None:
        return "text"
    found.add(meta)
    return "byline" if meta.authors or meta.dated else "meta"


def _related_in_foot(blocks: list[Block], last: int) -> dict[Spot, str]:
    """From `More on this story`, `Related articles`, `Next`… on in the foot, every text line
    is a label or another story's headline: chrome, and not read for metadata (another
    story's card carries its own tags and dates)."""
    related, marks = False, {}
    start = min(last + 1, related_start(blocks, RELATED_LABEL) or len(blocks))
    for index in range(start, len(blocks)):
        for n, line in enumerate(blocks[index].lines if blocks[index].kind == "text" else []):
            if TAG_LABEL.match(line.strip()) or TAGS_LINE.match(line.strip()):
                related = False  # the article's own `Tags` label under the related links
            related = related or bool(RELATED_LABEL.match(line.strip()))
            if related:
                marks[index, n] = "chrome"
    return marks


def _set_title(line: str, found: Found) -> None:
    heading = marked_heading(line)
    title = heading[1] if heading else line.strip()
    found.title, found.site = site_suffix(title)
    found.provenance["title"] = "first heading" if heading else "first line"
    if found.site:
        found.provenance["site"] = "title suffix"


def _edge_lines(blocks: list[Block]) -> set[Spot]:
    """The page's first EDGE_LINES non-blank lines that are not chrome (a cookie banner or a
    menu does not push the byline out of the head)."""
    seen: set[Spot] = set()
    for index, block in enumerate(blocks):
        for n, line in enumerate(block.lines):
            if len(seen) >= EDGE_LINES:
                return seen
            if block.kind != "text" or not is_chrome(line):
                seen.add((index, n))
    return seen


def _without_author_bio(blocks: list[Block], authors: list[str]) -> list[Block]:
    """The author box at the end (`Jane Doe is a reporter…`) is not the article."""
    if not authors:
        return blocks
    bio = re.compile(rf"^(?:{'|'.join(map(re.escape, authors))})\s+(?:is|was|has|writes|covers|"
                     r"reports|edits|lives)\b")
    out = list(blocks)
    while out and out[-1].kind == "text" and bio.match(out[-1].lines[-1].strip()):
        lines = out[-1].lines[:-1]
        out[-1:] = [Block("text", lines)] if lines else []
    return out


def _body_bounds(blocks: list[Block]) -> tuple[int, int]:
    body = [i for i, block in enumerate(blocks) if is_article(block)]
    return (body[0], body[-1]) if body else (len(blocks), len(blocks))


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
