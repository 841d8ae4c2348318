"""HTML tables to full-grid GFM tables: colspan and rowspan repeated into every covered cell.

Rows come in document order across `<thead>`, `<tbody>` and `<tfoot>` (a footer row is data a
reader sees last). The header is the run of leading rows inside `<thead>` or made only of `<th>`;
GFM allows one header row, so further header rows follow as ordinary rows. A `<caption>` becomes
a pandoc-style `Table: caption` line, which `structure` stores as the caption.
"""

from __future__ import annotations

from collections.abc import Callable

from selectolax.lexbor import LexborNode

MAX_CAPTION = 400  # characters: a photo's caption, not a column of data
MAX_SPAN = 1000  # browsers clamp colspan at 1000 and rowspan at 65534; a grid that big is junk


def table_markdown(table: LexborNode, cell_text: Callable[[LexborNode], str]) -> list[str]:
    rows = _rows(table)
    grid = _grid(rows, cell_text)
    if not grid or not any(any(cell for cell in row) for row in grid):
        return []
    width = max(len(row) for row in grid)
    grid = [row + [""] * (width - len(row)) for row in grid]
    lines = [_row(grid[0]), _row(["---"] * width), *(_row(row) for row in grid[1:])]
    caption = table.css_first("caption")
    if caption is None and table.parent is not None and table.parent.tag == "figure":
        caption = table.parent.css_first("figcaption")  # WordPress and others caption this way
    blocks = ["\n".join(lines)]
    if caption is not None and (text := cell_text(caption).replace("\n", " ")):
        blocks.append(f"Table: {text}")
    return blocks


def image_layout(table: LexborNode) -> bool:
    """A one-column table holding an image and a short caption (Blogger's `tr-caption-container`,
    old CMS photo boxes): page layout, not a data table."""
    rows = _rows(table)
    single = all(len([c for c in row.iter() if c.tag in ("td", "th")]) <= 1 for row in rows)
    text = " ".join((table.text(deep=True) or "").split())
    return bool(rows) and single and len(text) <= MAX_CAPTION \
        and table.css_first("img, picture, amp-img") is not None


def _rows(table: LexborNode) -> list[LexborNode]:
    """The table's own rows (not those of tables nested in its cells), in document order."""
    rows = []
    for child in table.iter():
        if child.tag == "tr":
            rows.append(child)
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend(row for row in child.iter() if row.tag == "tr")
    return rows


def _grid(rows: list[LexborNode], cell_text: Callable[[LexborNode], str]) -> list[list[str]]:
    grid: list[list[str]] = []
    pending: dict[int, tuple[int, str]] = {}  # column -> (rows still covered, text)
    for row in rows:
        cells = [c for c in row.iter() if c.tag in ("td", "th")]
        out: list[str] = []
        column = 0
        for cell in cells:
            column = _fill_spans(out, pending, column)
            text = cell_text(cell).replace("\n", " ").replace("|", "\\|")
            colspan = _span(cell, "colspan")
            rowspan = _span(cell, "rowspan")
            for _ in range(colspan):
                if rowspan > 1:
                    pending[column] = (rowspan - 1, text)
                out.append(text)
                column += 1
        _fill_spans(out, pending, column, to_end=True)
        grid.append(out)
    return grid


def _fill_spans(out: list[str], pending: dict[int, tuple[int, str]], column: int,
                to_end: bool = False) -> int:
    """Put cells carried down by a rowspan at `column` (and after it, at the row's end)."""
    while column in pending or (to_end and any(c >= column for c in pending)):
        if column not in pending:
            out.append("")
            column += 1
            continue
        left, text = pending[column]
        out.append(text)
        if left > 1:
            pending[column] = (left - 1, text)
        else:
            del pending[column]
        column += 1
    return column


def _span(cell: LexborNode, name: str) -> int:
    value = (cell.attributes.get(name) or "1").strip()
    return min(int(value), MAX_SPAN) if value.isdigit() and int(value) > 0 else 1


def _row(cells: list[str]) -> str:
    return "| " + " | ".join(cells) + " |"
