"""Authors that the page names without `By`: the bare name line of blog platforms' headers.

Medium, Substack, DEV and LinkedIn print the author as a link with nothing around it, so the
copy holds a line that is just a name. A name-shaped line alone says nothing (a short headline
has the same shape); it is the author when the page shows it the way those headers do:
- the same line twice in a row (the avatar's alt text, then the link);
- a `Follow` button right after it;
- a date line right after it, below the headline (a longer headline-like line above it).
Lines between two byline lines of one group (`VP Operations at Acme | Building teams`) are
the author's role, not the article.
"""

from __future__ import annotations

import re

from ingest.readers.text_blocks import Block
from ingest.readers.text_chrome import unemphasised
from ingest.readers.text_meta import NOT_NAMES, Meta, read_line
from ingest.readers.text_shape import headline_like, sentence

Spot = tuple[int, int]
NAME_WORD = re.compile(r"^(?:[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*|[A-Z][a-z]?[A-Z][a-z]+|"
                       r"[A-Z]\.|de|da|van|von|der|del|la|le|bin|al|el)$")  # Ann, O'Neil, McKay
FOLLOW = re.compile(r"^\+?\s*follow$", re.I)
MIN_HEADLINE_WORDS = 5
MAX_ROLE_WORDS = 15


def bare_names(blocks: list[Block], head: set[Spot], marks: dict[Spot, str]) -> list[str]:
    """The authors named by bare lines in the head, their lines marked `byline`."""
    authors: list[str] = []
    headline_seen = False
    for index, block in enumerate(blocks):
        lines = block.lines if block.kind == "text" else []
        for n, line in enumerate(lines):
            if (index, n) not in head or marks[index, n] != "text":
                continue
            text = unemphasised(line).strip()
            shown = _name_shaped(text) and (  # the cheap shape test first
                text in authors or _shown_as_author(lines, n, index, marks, headline_seen))
            if shown:
                marks[index, n] = "byline"
                authors += [text] if text not in authors else []
                if n + 1 < len(lines) and _role(lines[n + 1]) and marks[index, n + 1] == "text":
                    marks[index, n + 1] = "meta"  # `Contributing Editor` under the name
            elif headline_like(text) and len(text.split()) >= MIN_HEADLINE_WORDS:
                headline_seen = True
    return authors


def roles(blocks: list[Block], head: set[Spot], marks: dict[Spot, str]) -> None:
    """Mark `meta` the short lines between two byline lines of one group in the head."""
    for index, block in enumerate(blocks):
        lines = block.lines if block.kind == "text" else []
        bylines = [n for n in range(len(lines)) if marks.get((index, n)) == "byline"]
        if len(bylines) < 2:
            continue
        for n in range(bylines[0] + 1, bylines[-1]):
            role = (index, n) in head and marks[index, n] == "text"
            if role and not sentence(lines[n]) and len(lines[n].split()) <= MAX_ROLE_WORDS:
                marks[index, n] = "meta"


def _name_shaped(text: str) -> bool:
    words = text.split()
    return 2 <= len(words) <= 4 and all(NAME_WORD.match(w) for w in words) \
        and text[0].isupper() and not _role(text)


def _role(line: str) -> bool:
    """A job title alone on its line (`Contributing Editor`, `Staff Writers`): short, no
    sentence, its last word a role."""
    words = unemphasised(line).strip().split()
    return 1 <= len(words) <= 5 and not sentence(line) and \
        bool(NOT_NAMES.search(words[-1].removesuffix("s")))


def _shown_as_author(lines: list[str], n: int, index: int, marks: dict[Spot, str],
                     headline_seen: bool) -> bool:
    after = [k for k in range(n + 1, len(lines)) if marks[index, k] != "chrome"
             or FOLLOW.match(unemphasised(lines[k]).strip())]
    if not after:
        return False
    nxt = unemphasised(lines[after[0]]).strip()
    if nxt == unemphasised(lines[n]).strip() or FOLLOW.match(nxt):
        return True
    if _role(nxt) and len(after) > 1:
        nxt = unemphasised(lines[after[1]]).strip()  # name, job title, date: three lines
    meta: Meta | None = read_line(nxt, True)
    return headline_seen and meta is not None and meta.dated and not meta.authors
