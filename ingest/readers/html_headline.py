"""What a page prints under its headline and nowhere else: the byline and the date as plain text.

Many sites mark neither (`Jul 21, 2026 · 9 min read` in a utility-classed `<p>`, `Por A y B`
in a `<p class="firma">`, authors as avatar + name + role chips), so they are read by position:
the few short lines between the page's `<h1>` and the first paragraph of the story.
"""

from __future__ import annotations

import re

from selectolax.lexbor import LexborHTMLParser, LexborNode

from ingest.dates import to_iso
from ingest.readers.html_authors import FOREIGN_LEAD, LEAD, authors_from_text, clean_authors

AREA_LIMIT = 8  # elements after the headline that may still be its furniture
STORY = 300  # characters: an element this long is the story, and the headline area ends there
LINE = 150  # characters: longer lines are text, not a byline or a date
BLOCK_TAGS = {"p", "div", "section", "ul", "ol", "li", "figure", "header", "footer", "dl",
              "table", "blockquote", "h2", "h3", "h4", "h5", "h6"}
SEPARATORS = re.compile(r"\s*[·•|—–]\s*")
DIGIT = re.compile(r"\d")  # no date without one: most lines skip the date parser
UPDATED = re.compile(r"updat|modif|edited|actuali[zs]|mis à jour|aktualisiert|bijgewerkt", re.I)
# `Posted on 11 February 2026 by A`: a byline that follows a date instead of opening the line.
LATE_BY = re.compile(r"\b(?:by|par|por|von|door)\s+(?=[A-Z])")
# Any byline word at all (`LEAD`, `FOREIGN_LEAD`, `LATE_BY`): without one, no line is a byline.
BY_ANYWHERE = re.compile(r"\b(?:by|von|par|por|door|di|av|af)\b", re.I)


def headline_area(tree: LexborHTMLParser) -> list[LexborNode]:
    """The elements after the page's first `<h1>` up to the story, climbing out of wrappers."""
    heading = tree.body.css_first("h1") if tree.body is not None else None
    found: list[LexborNode] = []
    node = heading
    while node is not None and node.tag not in ("body", "html", "main", "article"):
        sibling = node.next
        while sibling is not None:
            if sibling.tag not in ("-text", "-comment"):
                if _story_starts(sibling, found) or len(found) >= AREA_LIMIT:
                    return found
                found.append(sibling)
            sibling = sibling.next
        node = node.parent
    return found


def _story_starts(node: LexborNode, found: list[LexborNode]) -> bool:
    """A long element, or a section heading once the area holds something, is the story."""
    raw = node.text(deep=True) or ""
    long = len(raw) > STORY and (len(raw) > 20 * STORY or len("".join(raw.split())) > STORY)
    return long or (bool(found) and node.tag in ("h2", "h3", "h4", "h5", "h6"))


def headline_lines(tree: LexborHTMLParser) -> list[LexborNode]:
    """The short lines of the headline area: elements without block children, or the inline
    parts (`<span class="author">`, `<span class="date">`) of one that is too long for a line."""
    return _lines(headline_area(tree))


def _lines(area: list[LexborNode]) -> list[LexborNode]:
    lines: list[LexborNode] = []
    for node in area:
        if len(node.text(deep=True) or "") <= LINE and _leaf(node) and _short(node):
            lines.append(node)  # a line of its own: no need to walk it
        else:
            lines.extend(_lines_in(node))
    return lines


def _lines_in(node: LexborNode) -> list[LexborNode]:
    lines: list[LexborNode] = []
    for candidate in node.traverse(include_text=False):
        if (candidate.tag not in BLOCK_TAGS and candidate.mem_id != node.mem_id) \
                or not _leaf(candidate):
            continue
        text = " ".join((candidate.text(deep=True) or "").split())
        parts = [candidate] if len(text) <= LINE else \
            [child for child in candidate.iter() if child.tag in ("span", "time", "a")]
        lines.extend(part for part in parts if _short(part))
    return lines


def _leaf(node: LexborNode) -> bool:
    return not any(child.tag in BLOCK_TAGS for child in node.iter())


def _short(node: LexborNode) -> bool:
    return 0 < len(" ".join((node.text(deep=True) or "").split())) <= LINE


def headline_date(tree: LexborHTMLParser) -> str | None:
    """A date printed as text under the headline (`Jul 21, 2026 · 9 min read`), not an update."""
    for line in headline_lines(tree):
        text = " ".join((line.text(deep=True) or "").split())
        for part in SEPARATORS.split(text):
            if len(part) <= 60 and DIGIT.search(part) and not UPDATED.search(part) \
                    and (iso := to_iso(part)):
                return iso
    return None


def headline_authors(tree: LexborHTMLParser) -> list[str]:
    """Names under the headline: a `By`/`Por`/`Par` line (or `Posted on <date> by A`), else
    avatar chips (an `<img alt="A">` beside a line reading `A`)."""
    area = headline_area(tree)
    text = " ".join(node.text(deep=True, separator=" ") or "" for node in area)
    if BY_ANYWHERE.search(text):  # most pages have none: no need to cut the area into lines
        for line in _lines(area):
            if names := _byline(line):
                return names
    return _chips(area)


def _byline(line: LexborNode) -> list[str]:
    text = " ".join((line.text(deep=True, separator=" ") or "").split())
    text = re.sub(r"\s+([,.;:])", r"\1", text)
    if not (LEAD.match(text) or FOREIGN_LEAD.match(text)):
        late = LATE_BY.search(text)
        if late is None or to_iso(text[:late.start()]) is None:
            return []
        text = text[late.start():]
    names = clean_authors(authors_from_text(text))
    # Linked names are exact: a name parsed from the text that runs on into an unlinked word
    # (`Marcos Iglesias Sevilla`: a dateline city) is the link's name. A one-word link that is
    # none of the byline's names (`Email`, `Twitter`) is not an author.
    linked = [link for link in clean_authors([a.text(deep=True) or "" for a in line.css("a")])
              if " " in link or any(_overlap(link, name) for name in names)]
    unlinked = [name for name in names if not any(_overlap(name, link) for link in linked)]
    return sorted([*linked, *unlinked], key=text.find)


def _overlap(a: str, b: str) -> bool:
    return a in b or b in a


def _chips(area: list[LexborNode]) -> list[str]:
    names: list[str] = []
    for node in area:
        for image in node.css("img[alt]"):
            alt = " ".join((image.attributes.get("alt") or "").split())
            holder = image.parent.parent if image.parent is not None else None
            if not alt or holder is None or not clean_authors([alt]):
                continue
            shown = {" ".join((n.text(deep=True) or "").split())
                     for n in holder.css("p, span, a, div")}
            if alt in shown and alt not in names:
                names.append(alt)
    return names
