"""Tables flattened by copying: tab-separated rows, and rows whose cells are glued together.

Copying an HTML table gives one line per row, with cells either separated by tabs or glued with
nothing between them (`ComputeMaximizing … jobs.Trainium UltraClusters, …`). Glued rows are cut
where a cell can end and the next begin (a lower-case letter, digit or closing punctuation
followed by a capital, `$` or a digit), but camel-case words (`iPhone`, `GitHub`, `McKinsey`,
`UltraClusters`) have the same shape. So `text_split` cuts every row into the same number of
cells and prefers cuts that make columns look alike. A block that has no clear best cut stays a
paragraph: a wrong grid is worse than none. A `Table 2: …` line copied above the rows is the
table's caption (`glued_table`), as it is above tab-separated rows (`tab_table`).
A units row glued from one repeated token (`A$MA$MA$M`) is kept as a row of its own, with an
empty first cell over the row labels when it is one token short (`_with_units`).
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from ingest.readers.text_split import split_empty_corner, split_rows

TERMINAL = re.compile(r"[.!?:;\"”’)]\s*$")
CAMEL = re.compile(r"(?<![A-Za-z])[A-Za-z]*[a-z][A-Z][A-Za-z]*(?![A-Za-z])")
CAPTION = re.compile(r"^(?:table|chart|exhibit)\s*\d*[.:]\s+\S", re.I)
# one short token, no space in it, glued to itself two times or more: `A$MA$MA$M`, `USDUSD`
REPEATED = re.compile(r"^(\S{1,8}?)\1+$")
NOTE = re.compile(r"^(?:sources?|notes?)\s*:\s+\S", re.I)


def tab_table(lines: list[str]) -> str | None:
    """Markdown for tab-separated rows, with one line glued above them (copied with the table):
    a `Table 1: …` caption goes under the table as pandoc's `Table:` line (`structure` stores
    it as the caption); any other line stays a paragraph above it."""
    lead = 1 if lines and "\t" not in lines[0] else 0
    rows = tab_rows(lines[lead:])
    if rows is None or (lead and len(rows) < 2):
        return None
    table = to_markdown(rows)
    if not lead:
        return table
    line = lines[0].strip()
    return f"{table}\n\nTable: {line}" if CAPTION.match(line) else f"{line}\n\n{table}"


def tab_rows(lines: list[str]) -> list[list[str]] | None:
    """Rows of a tab-separated block (two rows or more), or None. A spreadsheet copy trims a
    row's trailing empty cells (and their tabs), so short rows are padded to the widest. A
    corner cell may be empty, but not the first cell of every row."""
    if len(lines) < 2 or not all("\t" in line for line in lines):
        return None
    rows = [[cell.strip() for cell in line.strip("\n").split("\t")] for line in lines]
    if all(not row[0] for row in rows):
        return None  # every line tab-indented: indented code or text, not a table's rows
    rows = [_trim_empty_edges(row) for row in rows]
    width = max(len(row) for row in rows)
    if width < 2:
        return None
    return [row + [""] * (width - len(row)) for row in rows]


def _trim_empty_edges(row: list[str]) -> list[str]:
    while len(row) > 1 and not row[-1]:
        row = row[:-1]
    return row


def pipe_rows(lines: list[str]) -> list[list[str]] | None:
    """Rows written `a | b | c` without Markdown's separator row (two rows or more)."""
    if len(lines) < 2 or not all(" | " in line for line in lines):
        return None
    rows = [[cell.strip() for cell in line.strip().strip("|").split(" | ")] for line in lines]
    width = len(rows[0])
    if width < 2 or any(len(row) != width for row in rows):
        return None
    return rows


def glued_table(lines: list[str], brands: frozenset[str] = frozenset()) -> str | None:
    """Markdown for a block of glued rows (`glued_rows`). A `Table 2: …` caption line copied
    above them goes under the table as pandoc's `Table:` line, as in `tab_table`; a
    `Source: …` or `Note: …` line copied below them stays a paragraph after it."""
    lines = [line.strip() for line in lines]
    caption = lines[0] if lines and CAPTION.match(lines[0]) else None
    note = lines[-1] if len(lines) > 1 and NOTE.match(lines[-1]) else None
    rows = glued_rows(lines[bool(caption):len(lines) - bool(note)], brands)
    if rows is None:
        return None
    parts = [to_markdown(rows), f"Table: {caption}" if caption else "", note or ""]
    return "\n\n".join(part for part in parts if part)


def glued_rows(lines: list[str], brands: frozenset[str] = frozenset()) -> list[list[str]] | None:
    """The grid of a block of glued rows, or None when the block is prose or ambiguous.
    `brands`: camel-case words written elsewhere on the page, never cut (`text_cuts`).

    A glued table is three lines or more with no prose structure: no line runs on into the next
    (a line ending mid-sentence followed by a lower-case start), no line of several sentences.
    """
    rows = [line.strip() for line in lines]
    if len(rows) < 3 or any(not row for row in rows) or _reads_as_prose(rows):
        return None
    units = {r: _repeated(row) for r, row in enumerate(rows) if r and _repeated(row)}
    if units:
        return _with_units(rows, units, brands)
    grid = split_rows(rows, brands)
    return split_empty_corner(rows, grid, brands) or grid


def _repeated(row: str) -> list[str] | None:
    """A units row: one short token glued to itself (`A$MA$MA$M`, `%%%`), as its cells."""
    match = REPEATED.match(row)
    if not match or not re.search(r"[A-Za-z%$€£¥]", match[1]):
        return None  # `-----` is a rule, not units
    return [match[1]] * (len(row) // len(match[1]))


def _with_units(rows: list[str], units: dict[int, list[str]],
                brands: frozenset[str]) -> list[list[str]] | None:
    """The grid of the other rows, with each units row put back as a row: its tokens fill the
    value columns, and an empty first cell stands over the row labels when one is short."""
    rest = [row for r, row in enumerate(rows) if r not in units]
    if len(rest) < 3:
        return None
    grid = split_rows(rest, brands)
    grid = split_empty_corner(rest, grid, brands) or grid
    if grid is None:
        return None
    width = len(grid[0])
    out = list(grid)
    for r in sorted(units):
        cells = units[r]
        if len(cells) == width - 1:
            cells = ["", *cells]
        elif len(cells) != width:
            return None
        out.insert(r, cells)
    return out


def _reads_as_prose(rows: list[str]) -> bool:
    for first, second in itertools.pairwise(rows):
        if not TERMINAL.search(first) and re.match(r"[a-z]+(?:[\s,;:]|$)", second):
            return True  # a hard-wrapped sentence (a lower-case word, not `iPhone` or
            # `client.on()`, goes on)
    if any(len(re.findall(r"[a-z]{2}[.!?][\"”]?\s+[A-Z]", row)) >= 2 for row in rows):
        return True  # a line of several spaced sentences is a paragraph
    if any(re.match(r"^\s*(?:[-*•–+]\s|\d{1,2}[.)]\s)", row) for row in rows):
        return True  # list items
    return sum(len(row) for row in rows) / len(rows) > 400


def camel_words(blocks: list[list[str]]) -> list[frozenset[str]]:
    """For each block, the camel-case words (`OpenTelemetry`, `iPhone`) of the other blocks:
    a glued cell boundary (`JaegerYes`) is written nowhere else, a brand often is."""
    found = [frozenset(CAMEL.findall("\n".join(lines))) for lines in blocks]
    counts = Counter(word for words in found for word in words)
    return [frozenset(w for w, n in counts.items() if n > (w in own)) for own in found]


def to_markdown(rows: list[list[str]]) -> str:
    """A GFM pipe table, first row as the header; `|` inside a cell is escaped."""
    def line(row: list[str]) -> str:
        return "| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |"
    separator = "| " + " | ".join("---" for _ in rows[0]) + " |"
    return "\n".join([line(rows[0]), separator, *(line(row) for row in rows[1:])])
