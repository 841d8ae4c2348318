"""Who wrote a Markdown article and when, as its head states it: a byline line under the title
(`By A and B`, `By A · Oct 21, 2026`) and a newsletter's masthead above it.

A byline is read only in the head (after the title, before the first section, within a few
blocks) and only when the whole line is one: every piece between `·`/`|` separators is a
`By` list of names, a date or a reading time. A masthead is the short lines above a
newsletter's title: the publication's name in capitals, an issue line with the date, a "view
in browser" link. Both are metadata, so they leave the body.
"""

from __future__ import annotations

import re

from ingest.readers.markdown_chrome import button_row, copyright_holder
from ingest.readers.markdown_fields import NAME_SPLIT, Found, date
from ingest.readers.markdown_lines import (
    code_lines,
    heading,
    paragraphs,
    unemphasised,
    without,
)

PIECES = re.compile(r"\s+[·|•—–]\s+|\s*[·|•]\s*")
BY = re.compile(r"^(?:(?:written|words|story|text|reporting)\s+)?by\s+(?P<names>.+)$", re.I)
NAME_WORD = re.compile(r"^(?:[A-ZÀ-Þ][\w'’.-]*|de|da|di|du|del|della|van|von|der|den|la|le|"
                       r"bin|al|el|y|dos|ter|ten)$")
ROLE = re.compile(r"\b(?:staff|writer|editor|reporter|correspondent|contributor|columnist)\b",
                  re.I)
READ_TIME = re.compile(r"^\d+\s*min(?:ute)?s?\.?(?:\s+(?:read|listen))?$", re.I)
DATE_LABEL = re.compile(r"^(?:(?:first\s+|originally\s+)?(?:published|posted)(?:\s+on)?|on)"
                        r"\s*:?\s*", re.I)
UPDATED = re.compile(r"\b(?:updated|modified|edited)\b", re.I)
BLOCK_MARK = re.compile(r"^(?:\s|>|\||#|(?:[*+-]|\d+[.)])\s)")  # list items, quotes, tables
CAPITALS = re.compile(r"^[^\W\da-z][^a-z]{1,60}$")
MAX_DATE_WORDS = 7
HEAD_BLOCKS = 6
MASTHEAD_BLOCKS = 3


def read_head(lines: list[str]) -> tuple[Found, list[str]]:
    """Masthead and byline metadata, and the lines without them."""
    mask = code_lines(lines)[0]
    runs = paragraphs(lines, mask)
    title = next((n for n, (first, _) in enumerate(runs)
                  if (h := heading(lines, first)) and h[0] == 1), None)
    found: Found = {}
    drop: set[int] = set()
    if title is not None and 0 < title <= MASTHEAD_BLOCKS:
        masthead = _masthead(lines, runs[:title])
        if masthead is not None:
            found.update(masthead)
            drop.update(i for first, end in runs[:title] for i in range(first, end))
    start = title + 1 if title is not None else 0
    for first, end in runs[start:start + HEAD_BLOCKS]:
        if heading(lines, first):
            break
        if end - first == 1 and not BLOCK_MARK.match(lines[first]) \
                and (meta := byline(lines[first])):
            drop.add(first)
            for field, value in zip(("authors", "published"), meta, strict=True):
                if value and field not in found:
                    found[field] = (value, "byline")
    return found, without(lines, drop)


def byline(line: str) -> tuple[list[str], str | None] | None:
    """(authors, published) when the whole line is a byline or a dateline."""
    authors: list[str] = []
    published: str | None = None
    dated = False
    for piece in PIECES.split(unemphasised(line)):
        piece = unemphasised(piece)
        if match := BY.match(piece):
            names = _names(match["names"])
            if names is None:
                return None
            authors += [name for name in names if name not in authors]
        elif READ_TIME.match(piece):
            continue
        elif (when := _date(piece)) is not None:
            dated = True
            published = published or when or None
        elif piece:
            return None
    return (authors, published) if authors or dated else None


def _names(text: str) -> list[str] | None:
    """The names in a `By` list; None when a part is not a person's name (`By the way`)."""
    names = []
    for part in NAME_SPLIT.split(text.strip(" .")):
        words = part.split()
        if not part or ROLE.search(part):
            continue
        if not 2 <= len(words) <= 5 or not all(NAME_WORD.match(w) for w in words):
            return None
        names.append(part)
    return names or None


def _date(piece: str) -> str | None:
    """The ISO date of a date piece, "" for an update date, None when it is no date."""
    if len(piece.split()) > MAX_DATE_WORDS or not re.search(r"\d", piece):
        return None
    when = date(DATE_LABEL.sub("", piece))
    if when is None:
        return None
    return "" if UPDATED.search(piece) else when


def _masthead(lines: list[str], runs: list[tuple[int, int]]) -> Found | None:
    """The site, date and address a newsletter's masthead states; None when a line above the
    title is not masthead."""
    found: Found = {}
    for i in (i for first, end in runs for i in range(first, end)):
        text = unemphasised(lines[i])
        pieces = [p for p in PIECES.split(text) if p.strip()]
        dates = [d for d in map(_date, pieces) if d]
        if CAPITALS.match(text) and len(text.split()) <= 6 and "site" not in found:
            holder = copyright_holder(lines)
            name = holder if holder and holder.casefold() == text.casefold() else text
            found["site"] = (name, "masthead")
        elif dates and not text.endswith("."):
            found.setdefault("published", (dates[0], "masthead"))
        elif (url := button_row(text)) is not None:
            if url:
                found.setdefault("url", (url, "view online link"))
        elif not _link_only(text):
            return None
    # a name alone over the title is a kicker (`EXCLUSIVE`); a masthead dates or links the issue
    return found if {"published", "url"} & found.keys() else None


def _link_only(text: str) -> bool:
    return bool(re.fullmatch(r"(?:\s*[·|•]?\s*\[[^\[\]]+\]\([^()\s]+\))+\s*", text))
