"""Rules on the body's Markdown blocks for what is left of page furniture once it is text.

A byline or a date line printed between the headline and the story, `Last updated: …` after it,
a wiki's `[edit]` links, a press release's `###` end mark, a closing section that is only a list
of links (`External links`), and heading levels that start below 2 (a Blogger post's sections are
`<h3>`s because the blog's name is its `<h1>`).
"""

from __future__ import annotations

import re

from ingest import dates
from ingest.dates import to_iso
from ingest.readers.html_authors import FOREIGN_LEAD, LEAD

HEADING = re.compile(r"^(#{1,6}) (.*)$")
LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`\\]")
# `[edit]`, `[ edit | edit source ]`: a wiki's section edit links, alone after their heading.
EDIT_LINKS = re.compile(r"^\\?\[\s*\[[^\]\n]{1,20}\]\([^)\s]*\)"
                        r"(?:\s*\|\s*\[[^\]\n]{1,20}\]\([^)\s]*\))*\s*\\?\]$")
# A press release's end mark (`###`, `# # #`, `-30-`), escaped or not.
END_MARK = re.compile(r"^\\?(?:#\s?){3}$|^-\s?30\s?-$")
LINE = 160  # characters: a longer block is text, not a byline or a date line
SENTENCE_END = re.compile(r"[.!?…]$")
SENTENCE_ENDS = (".", "!", "?", "…")
# Month names `dates.to_iso` reads, English and the other languages, longest first.
MONTHS = "|".join(sorted({*dates.MONTHS, *dates.FOREIGN_MONTH}, key=len, reverse=True))
# A date as pages print it in any language: `09/05/2026`, `12 novembre 2026`, `Jul 21, 2026`.
DATE_LIKE = re.compile(rf"\b\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}\b|"
                       rf"\b\d{{1,2}}\.?\s+(?:{MONTHS})\w*\.?,?\s+\d{{4}}\b|"
                       rf"\b(?:{MONTHS})\w*\.?\s+\d{{1,2}},?\s+\d{{4}}\b", re.I)


def chrome_block(block: str) -> bool:
    """A block that is never article text wherever it sits: edit links, an end mark."""
    if len(block) <= 8:
        return END_MARK.match(block) is not None
    return block[:2] in ("[[", "\\[") and EDIT_LINKS.match(block) is not None


def byline_or_date(block: str, authors: list[str]) -> bool:
    """A short line that is a byline (`Por A y B`, `A and B`) or a date line (`Posted on 11
    February 2026 by A · 8 minutes`, `09/05/2026 - 07:30 CEST · Actualizado: …`)."""
    if "\n" in block or len(block) > 4 * LINE or block.endswith(SENTENCE_ENDS):
        return False  # a paragraph: told before its words are counted
    text = plain(block)
    if len(text) > LINE or SENTENCE_END.search(text):
        return False
    if LEAD.match(text) or FOREIGN_LEAD.match(text):
        return True
    named = bool(authors) and all(name in text for name in authors)
    return named or date_line(text)


def date_line(text: str) -> bool:
    if len(text) > LINE or not any(char.isdigit() for char in text):
        return False  # no date without a digit: most lines skip the date parsers
    return DATE_LIKE.search(text) is not None or to_iso(text) is not None


def without_closing_dates(blocks: list[str]) -> list[str]:
    """The body without date lines after its last paragraph (`Last updated: 10 Sep 2026`)."""
    out = list(blocks)
    while out and len(out[-1]) <= 2 * LINE and "\n" not in out[-1] and not _heading(out[-1]) \
            and not out[-1].endswith(SENTENCE_ENDS) \
            and not SENTENCE_END.search(text := plain(out[-1])) and date_line(text):
        out.pop()
    return out


def without_link_sections(blocks: list[str]) -> list[str]:
    """The body without closing sections that are only lists of links (`External links`,
    `Further reading` as links to other sites): a link list, not the article's text."""
    out = list(blocks)
    while True:
        last = next((i for i in range(len(out) - 1, -1, -1) if _heading(out[i])), None)
        if last is None or last == len(out) - 1 or not all(_link_list(b) for b in out[last + 1:]):
            return out
        del out[last:]


def _heading(block: str) -> bool:
    return block[:1] == "#" and HEADING.match(block) is not None


def _link_list(block: str) -> bool:
    items = [line for line in block.split("\n") if line.strip()]
    return bool(items) and all(re.match(r"^\s*(?:[-*+]|\d+[.)])\s+\[[^\]]+\]\(", line)
                               for line in items)


def relevel(blocks: list[str]) -> list[str]:
    """Headings moved up so the shallowest is level 2: the title is the only level 1, and the
    body's top sections are 2 whatever tag the page gave them."""
    levels = [len(block) - len(block.lstrip("#")) for block in blocks if _heading(block)]
    shift = min(levels, default=2) - 2
    if shift <= 0:
        return blocks
    return [block[shift:] if _heading(block) else block for block in blocks]


def plain(block: str) -> str:
    """A block's words without link targets or emphasis markers."""
    return " ".join(MARKUP.sub("", LINK.sub(r"\1", block)).split())
