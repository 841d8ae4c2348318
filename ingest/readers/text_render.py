"""The article's blocks as Markdown: headings, tables, lists, quotes, paragraphs, code fences.

Heading levels are as a reader sees them (CONVENTIONS.md): the title is level 1 (written by
`text.read`), sections 2, subsections 3. Marked headings keep their relative depth: the
distinct marker counts, shallowest first, become levels 2, 3, 4; a dump that marks every
heading alike gets them all at level 2. An unmarked heading (a short capitalised line without a
closing full stop, alone between blank lines, above a paragraph) is level 2, and so is a short
line ending in a colon above a paragraph when the page heads two sections or more that way
(`How the season ran:`; the colon is the heading style's punctuation and goes).

What is already Markdown (fences, pipe tables, `>` quotes, `-`/`*`/`1.` lists, `#` headings)
comes out as it went in.
"""

from __future__ import annotations

import re
from itertools import pairwise

from ingest.readers.text_blocks import PIPE_SEPARATOR, Block, marked_heading
from ingest.readers.text_shape import BULLET, headline_like, is_body
from ingest.readers.text_tables import camel_words, glued_table, pipe_rows, tab_table, to_markdown

MARKDOWN_BULLET = re.compile(r"^(\s*)([-*+]|\d{1,9}\.)\s+")
OTHER_BULLET = re.compile(r"^(\s*)([•◦▪▸►‣⁃●○■□–]|\d{1,2}\))\s+")
OPEN_QUOTE = re.compile(r"^[\"“‘]")
CLOSE_QUOTE = re.compile(r"[\"”’][.,]?$")
ATTRIBUTION = re.compile(r"^[—–―-]{1,2}\s*[A-Z]")
TERMINAL = re.compile(r"[.!?:;\"”’)]$")
STANDFIRST_WORDS = 8
# `How the season ran:`: up to eight words, a capital first, no other stop or colon inside
COLON_HEADING = re.compile(r"^[A-Z\d][^.:;!?]{0,70}[^\s.:;!?]:$")
# Docs' admonition labels (Sphinx, MkDocs, Docusaurus, GitHub alerts) title a box, not a section.
ADMONITION = re.compile(r"^(?:note|tip|hint|info|important|warning|caution|danger|attention|"
                        r"see also|todo|example)\s*:?$", re.I)
SPEAKER = re.compile(r"^(?:[A-Z]|[A-Z][\w.’'-]+(?:\s+[A-Z][\w.’'-]+)?)\s*:\s")


def render(blocks: list[Block], keep_breaks: bool, under_title: bool = False) -> str:
    """The blocks as Markdown, one blank line between blocks.

    `keep_breaks` leaves line breaks inside paragraphs alone (the input is Markdown already);
    otherwise a hard-wrapped paragraph's lines are joined with spaces. `under_title`: the first
    block sits right under the headline, where a long unpunctuated line is its standfirst.
    """
    levels = _levels(blocks)
    colon_heads = _colon_headings(blocks)
    brands = camel_words([b.lines if b.kind == "text" else [] for b in blocks])
    out: list[str] = []
    i = 0
    while i < len(blocks):
        block = blocks[i]
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if block.kind == "fence":
            out.append("\n".join(block.lines))
        elif block.kind == "code":
            out.append(fence(block.lines, block.language))
        elif i == 0 and under_title and _standfirst(block):
            out.append(block.lines[0].strip())
        elif i in colon_heads:
            out.append(f"## {block.lines[0].strip()[:-1].rstrip()}")
        elif _attribution_follows(block, following):
            out.append(_quote(block.lines + following.lines, keep_breaks))  # type: ignore[union-attr]
            i += 1
        else:
            out.append(_text(block, following, levels, keep_breaks, brands[i]))
        i += 1
    return "\n\n".join(part for part in out if part.strip()) + "\n"


def fence(lines: list[str], language: str | None) -> str:
    """A fenced block whose fence is longer than any backtick run inside the code."""
    longest = max((len(run) for line in lines for run in re.findall(r"`+", line)), default=0)
    marker = "`" * max(3, longest + 1)
    return "\n".join([f"{marker}{language or ''}", *lines, marker])


def _levels(blocks: list[Block]) -> dict[int, int]:
    counts = sorted({heading[0] for block in blocks if block.kind == "text"
                     for line in block.lines[:1] if (heading := marked_heading(line))})
    return {count: min(6, 2 + rank) for rank, count in enumerate(counts)}


def _text(block: Block, following: Block | None, levels: dict[int, int], keep: bool,
          brands: frozenset[str]) -> str:
    lines = block.lines
    if len(lines) == 1 and (heading := marked_heading(lines[0])):
        return f"{'#' * levels[heading[0]]} {heading[1].strip()}"
    if any(PIPE_SEPARATOR.match(line) for line in lines) or lines[0].lstrip().startswith(">"):
        return "\n".join(lines)  # a Markdown table or quote already
    if table := tab_table(lines):
        return table
    if rows := pipe_rows(lines):
        return to_markdown(rows)
    if _quoted(lines) and len(lines) > 1 and ATTRIBUTION.match(lines[-1].strip()):
        return _quote(lines, keep)
    if any(BULLET.match(line) for line in lines):
        return _list(lines, keep)
    if table := glued_table(lines, brands):
        return table
    if len(lines) == 1 and unmarked_heading(lines[0], following):
        return f"## {lines[0].strip()}"
    return paragraphs(lines, keep)


def unmarked_heading(line: str, following: Block | None) -> bool:
    """A short capitalised line with no closing full stop or colon, above article text."""
    text = line.strip()
    if following is None or not (is_body(following) or _lead_in(following)):
        return False
    if len(text.split()) > 12 or ADMONITION.match(text):
        return False
    if SPEAKER.match(text):
        return False  # `Q: When did you…?` is an interview's question, not a heading
    return headline_like(text) and len(text) <= 90 and not re.search(r"[.:;,]$", text)


def _colon_headings(blocks: list[Block]) -> set[int]:
    """Sections headed by a short title-like line ending in a colon (`How the season ran:`),
    alone in its group and followed by a paragraph. One such line may as well be a sentence
    introducing the next, so they count only when the page heads two sections or more this way
    (a line introducing a list, a table or code never counts)."""
    found = set()
    for i, (block, following) in enumerate(pairwise(blocks)):
        if block.kind != "text" or len(block.lines) != 1 or following.kind != "text":
            continue
        text = block.lines[0].strip()
        if not COLON_HEADING.match(text) or len(text.split()) > 8 or ADMONITION.match(text) \
                or not headline_like(text[:-1]):
            continue
        prose = following.lines[0].strip()
        if _plain_prose(following) and len(prose.split()) >= STANDFIRST_WORDS and \
                TERMINAL.search(prose) and not prose.endswith(":"):
            found.add(i)
    return found if len(found) >= 2 else set()


def _plain_prose(block: Block) -> bool:
    return not any("\t" in line or BULLET.match(line) or PIPE_SEPARATOR.match(line)
                   or line.lstrip().startswith(">") for line in block.lines)


def _standfirst(block: Block) -> bool:
    """One line of eight words or more under the headline: the deck that sums the story up
    (`Residents describe the hours before the flames reached their streets`), not a section."""
    return block.kind == "text" and len(block.lines) == 1 and \
        not marked_heading(block.lines[0]) and len(block.lines[0].split()) >= STANDFIRST_WORDS


def _lead_in(block: Block) -> bool:
    """A short sentence introducing what follows (`Install the package and check it:`): too
    short to count as article text on its own, but a heading above it heads a section."""
    text = " ".join(line.strip() for line in block.lines) if block.kind == "text" else ""
    return len(block.lines) == 1 and len(text.split()) >= 4 and text[:1].isupper() \
        and text.endswith(":")


def paragraphs(lines: list[str], keep_breaks: bool) -> str:
    """Hard-wrapped lines joined into paragraphs.

    A block of evenly long lines is one wrapped paragraph. Otherwise a line that ends a
    sentence before a capital starts a new paragraph, a line that stops mid-sentence before a
    lower-case word is joined to it, and any other break is kept as it is: a block the reader
    could not make sense of (an unrecoverable glued table) is never rewritten.
    """
    lines = [line.strip() for line in lines]
    if keep_breaks or len(lines) == 1:
        return "\n".join(lines)
    widest = max(len(line) for line in lines)
    runs_on = any(not TERMINAL.search(a) and b[:1].islower() for a, b in pairwise(lines))
    wrapped = 40 <= widest <= 100 and (runs_on or len(lines) == 2) and \
        all(len(line) >= 0.5 * widest for line in lines[:-1])
    if wrapped:
        return " ".join(lines)
    out = lines[0]
    for line, nxt in pairwise(lines):
        ends = bool(TERMINAL.search(line))
        out += "\n\n" if ends and nxt[:1].isupper() else " " if not ends and \
            nxt[:1].islower() else "\n"
        out += nxt
    return out


def _list(lines: list[str], keep: bool) -> str:
    """Bullets become `- `, `1)` becomes `1.`; a line without a marker continues its item."""
    lead: list[str] = []
    items: list[list[str]] = []
    for line in lines:
        if BULLET.match(line):
            items.append([_marker(line, keep)])
        elif items:
            items[-1].append(line.strip())
        else:
            lead.append(line)
    body = "\n".join(item[0] + "".join(f" {more}" for more in item[1:]) for item in items)
    return f"{paragraphs(lead, keep)}\n\n{body}" if lead else body


def _marker(line: str, keep: bool) -> str:
    """`- ` for every bullet and `1.` for every number; Markdown input keeps its markers."""
    if match := MARKDOWN_BULLET.match(line):
        if keep or match.group(2)[0].isdigit() or match.group(2) == "-":
            return line.rstrip()
        return f"{match.group(1)}- {line[match.end():].rstrip()}"
    match = OTHER_BULLET.match(line)
    assert match is not None
    indent, bullet = match.group(1), match.group(2)
    marker = f"{bullet[:-1]}." if bullet.endswith(")") else "-"
    return f"{indent}{marker} {line[match.end():].rstrip()}"


def _quoted(lines: list[str]) -> bool:
    text = " ".join(line.strip() for line in lines if not ATTRIBUTION.match(line.strip()))
    return bool(OPEN_QUOTE.match(text) and CLOSE_QUOTE.search(text))


def _attribution_follows(block: Block, following: Block | None) -> bool:
    """A whole-quote paragraph followed by a one-line `— Name` block."""
    return (block.kind == "text" and following is not None and following.kind == "text"
            and len(following.lines) == 1 and bool(ATTRIBUTION.match(following.lines[0].strip()))
            and _quoted(block.lines) and not any(BULLET.match(x) for x in block.lines))


def _quote(lines: list[str], keep: bool) -> str:
    """A block quote; its attribution line is the quote's last paragraph."""
    said = [line for line in lines if not ATTRIBUTION.match(line.strip())]
    who = [line.strip() for line in lines if ATTRIBUTION.match(line.strip())]
    parts = [paragraphs(said, keep), *who]
    return "\n>\n".join("\n".join(f"> {x}" for x in part.split("\n")) for part in parts)
