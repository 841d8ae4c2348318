"""Cutting glued table rows into cells: one column count, a dynamic program per row.

Each row offers candidate cuts with a strength (`text_cuts`). For a column count k, a dynamic
program picks the k-1 cuts per row that maximise chosen strength, penalise strong cuts left
unused, and (after a first pass) penalise cells unlike the other rows' cells of their column
(numbers among words, a missing full stop its column's cells end with, lengths far off; a
placeholder such as `—` or `✓` fits any column) and reward a value, or a first or last word,
repeated down a column. The best k wins. The grid is refused (the block stays a paragraph) when
a row's best cut barely beats its runner-up, when two column counts score alike, when a weak
cut was needed, when a strong boundary was left inside a cell, when the header kept a sure cut
and every row a fair one (a column is missing), or when dashes read as prose punctuation (a
column of nothing but dashes, a cell starting or ending with a glued `—`). A header one cell
short of its rows is an empty corner over the row labels (`split_empty_corner`).

The weights were set by hand on the glued tables of tests/fixtures/text, the seed and the
held-out dumps, then checked against the prose fixtures (no paragraph may come out a table)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass
from functools import cache

from ingest.readers.text_cuts import Cut, candidates

UNUSED = 0.6      # cost of leaving a candidate cut inside a cell, times its strength
MARGIN = 0.35     # a row's best cut must beat the runner-up by this much
K_MARGIN = 0.1    # per row, the best column count must beat the runner-up by this much
MAX_COLUMNS = 8
WEAK = 0.3        # a cut this weak is never trusted
SURE = 0.9        # a header cut this strong left inside a cell...
FAIR = 0.6        # ...or this strong inside every row's cells says a column is missing
LEFT_INSIDE = 1.0  # a boundary this strong (`.T`, `%2`, `e$`) may not stay inside a cell
# a figure with its unit: `22%`, `$4.2B`, `R$ 1.2B`, `254g`, `18 min`, `-74 °C`, `70 km/h`,
# `$1.3 million`, `<1 ms`, `7½ min`
NUMBER = re.compile(r"^[-+−~≈<>≤≥]?(?:[$€£¥]|[A-Z]{1,2}\$)?\s?\d[\d,]*(?:\.\d+|[½¼¾⅓⅔])?\s*"
                    r"(?:%|°[CF]?|[A-Za-z]{0,7}(?:/[A-Za-z]{1,3})?)$")
NUMERIC_CHARS = re.compile(r"^[-+−]?[$€£¥]?[\d.,]+%?$")
# an em dash glued to the start or end of a cell's text: an aside cut out of running prose
DASH_ASIDE = re.compile(r"^—\S|\S—$")
# a cell standing for no value or a yes/no (`—`, `✓`, `N/A`): it fits any column's type
PLACEHOLDER = re.compile(r"^(?:[—–\-✓✔✗✘☑☒✅❌●○×]|n/?a|N/?A|TBD|tbd)$")


def split_rows(rows: list[str], brands: frozenset[str] = frozenset(),
               headed: bool = True) -> list[list[str]] | None:
    """Every row cut into the same number of cells, or None when no cut is clearly best.
    `headed`: the first row is a header, unlike its columns' cells (not part of their profile)."""
    cuts = [candidates(row, brands) for row in rows]
    if any(not c for c in cuts):
        return None
    widest = min(MAX_COLUMNS, min(len(c) for c in cuts) + 1)
    results = []
    for k in range(2, widest + 1):
        grid, score = _fit(rows, cuts, k, headed)
        if grid is not None:
            results.append((score, k, grid))
    # a column count whose grid is a guess (untrusted, or a row with a close runner-up) drops out
    results = sorted((r for r in results if _trusted(rows, cuts, r[2], headed)
                      and _ambiguity_free(rows, cuts, r[2], headed)), key=lambda r: -r[0])
    if not results:
        return None
    if len(results) > 1 and results[0][0] - results[1][0] < K_MARGIN * len(rows):
        return None
    return results[0][2]


def split_empty_corner(rows: list[str], grid: list[list[str]] | None,
                       brands: frozenset[str] = frozenset()) -> list[list[str]] | None:
    """The grid of a header one cell short of its rows (`Fixed ruleLearnedChange` over
    `Motorway70 km/h74 km/h+5.7%`): the corner above the row labels is empty, and copying drops
    it. `grid` is the block cut with the header as a full row, if it could be. Taken only when
    the body rows (three or more) cut on their own into three columns or more with no weak cut,
    their first cells are labels, not figures, the header's every sure cut is needed for the
    other columns, and `grid` (narrower) left a fair cut inside a cell of every body row."""
    head = [c.at for c in candidates(rows[0], brands) if c.strength >= WEAK]
    if len(rows) < 4 or not head or (grid is not None and len(grid[0]) > len(head) + 1):
        return None  # a header of one cell would be a title line, not a header
    if grid is not None and not _left_cuts(rows[1:], grid[1:], brands):
        return None
    body = split_rows(rows[1:], brands, headed=False)
    if body is None or len(body[0]) != len(head) + 2 or any(_is_number(r[0]) for r in body):
        return None
    if any(c.strength < WEAK and c.at in _bounds(row, cells)
           for row, cells in zip(rows[1:], body, strict=True) for c in candidates(row, brands)):
        return None
    bounds = [0, *head, len(rows[0])]
    return [["", *(rows[0][a:b].strip() for a, b in itertools.pairwise(bounds))], *body]


def _left_cuts(rows: list[str], grid: list[list[str]], brands: frozenset[str]) -> bool:
    """Every row kept a fair cut (`Motorway|70 km/h`) inside one of its cells."""
    return all(any(c.strength >= FAIR and c.at not in _bounds(row, cells)
                   for c in candidates(row, brands)) for row, cells in zip(rows, grid, strict=True))


@dataclass(frozen=True)
class Column:
    """What a column's cells (in the other body rows) are like: share of numbers, share ending
    in a full stop, mean log length, and its cell texts and their first and last words (a value
    or a word repeated down a column is a strong sign of a cell)."""

    numbers: float
    stops: float
    length: float
    values: Counter[str]
    edges: Counter[tuple[str, str]]
    own: str | None  # the left-out row's cell, counted in `values` and `edges`

    def has(self, cell: str) -> bool:
        return self.values[cell] > (cell == self.own)

    def shares_edge(self, cell: str) -> bool:
        own = _edges(self.own) if self.own is not None else ()
        return any(self.edges[edge] > (edge in own) for edge in _edges(cell))


Profile = list[Column]


@dataclass
class _Tally:
    """Sums over a column's cells, typed ones (not placeholders) and all, to profile it
    without any one row by subtraction (leave-one-out profiles stay linear in the rows)."""

    typed: list[float]
    every: list[float]
    values: Counter[str]
    edges: Counter[tuple[str, str]]


def _fit(rows: list[str], cuts: list[list[Cut]], k: int,
         headed: bool) -> tuple[list[list[str]] | None, float]:
    """Cut every row into k cells: a pass on strengths alone, then passes with column profiles
    of the other rows (leave-one-out, so a row's own cut does not vote for itself)."""
    chosen = [_best(row, c, k, None) for row, c in zip(rows, cuts, strict=True)]
    for _ in range(3):
        if any(choice is None for choice in chosen):
            return None, -math.inf
        grid = [_cells(row, choice[1]) for row, choice in zip(rows, chosen, strict=True)]  # type: ignore[index]
        profiles = _profiles(grid, headed)
        chosen = [_best(row, c, k, profiles[r]) for r, (row, c)
                  in enumerate(zip(rows, cuts, strict=True))]
    if any(choice is None for choice in chosen):
        return None, -math.inf
    grid = [_cells(row, choice[1]) for row, choice in zip(rows, chosen, strict=True)]  # type: ignore[index]
    return grid, sum(choice[0] for choice in chosen)  # type: ignore[index]


def _cells(row: str, positions: list[int]) -> list[str]:
    bounds = [0, *positions, len(row)]
    return [row[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _profiles(grid: list[list[str]], headed: bool) -> list[Profile]:
    """For each row, the column profiles of the body rows (the header row is unlike its
    columns) other than that row."""
    body = range(1 if headed else 0, len(grid))
    tallies = [_tally([grid[r][c] for r in body]) for c in range(len(grid[0]))]
    return [[_column(tally, grid[r][c] if r in body else None) for c, tally in enumerate(tallies)]
            for r in range(len(grid))]


def _tally(cells: list[str]) -> _Tally:
    sums = [_cell_sums(cell) for cell in cells]
    typed = [s for s, cell in zip(sums, cells, strict=True) if not PLACEHOLDER.match(cell)]
    return _Tally([sum(col) for col in zip(*typed, strict=True)] if typed else [0.0] * 4,
                  [sum(col) for col in zip(*sums, strict=True)], Counter(cells),
                  Counter(edge for cell in cells for edge in _edges(cell)))


def _cell_sums(cell: str) -> tuple[float, float, float, float]:
    return 1.0, float(_is_number(cell)), float(cell.endswith(".")), math.log(1 + len(cell))


def _column(tally: _Tally, own: str | None) -> Column:
    """A column's profile without the cell `own`; placeholders (`—`, `✓`) say nothing of its
    type, so they are left out of it unless the column holds nothing else."""
    def less(sums: list[float]) -> list[float]:
        return sums if own is None else [a - b for a, b in zip(sums, _cell_sums(own), strict=True)]
    typed = less(tally.typed) if own is not None and not PLACEHOLDER.match(own) else tally.typed
    n, numbers, stops, length = typed if typed[0] > 0 else less(tally.every)
    n = max(n, 1.0)
    return Column(numbers / n, stops / n, length / n, tally.values, tally.edges, own)


@cache
def _edges(cell: str) -> tuple[tuple[str, str], ...]:
    """A cell's first and last words, when it has several and they are not one letter."""
    parts = cell.split()
    if len(parts) < 2:
        return ()
    return tuple((side, word) for side, word in (("first", parts[0]), ("last", parts[-1]))
                 if len(word) > 1)


@cache
def _is_number(cell: str) -> bool:
    return bool(NUMBER.match(cell))


def _cell_cost(cell: str, column: int, profile: Profile | None) -> float:
    if not cell or DASH_ASIDE.search(cell):
        return math.inf  # `—then 12% more`: a dash glued to a cell's text is prose punctuation
    placeholder = bool(PLACEHOLDER.match(cell))
    one_letter = len(cell) == 1 and not placeholder
    cost = 1.5 if one_letter or re.match(r"^[A-Z]\s", cell) else 0.0
    if NUMERIC_CHARS.match(cell) and not NUMBER.match(cell):
        cost += 2.0  # `-0.80.4`: two numbers left glued in one cell
    if profile is None:
        return cost
    col = profile[column]
    if placeholder:
        return cost - (1.0 if col.has(cell) else 0.0)
    cost += 2.0 * abs(_is_number(cell) - col.numbers) + 1.5 * abs(cell.endswith(".") - col.stops)
    cost += 0.5 * abs(math.log(1 + len(cell)) - col.length)
    return cost - (1.0 if col.has(cell) else 0.5 if col.shares_edge(cell) else 0.0)


def _best(row: str, cuts: list[Cut], k: int, profile: Profile | None,
          banned: int | None = None) -> tuple[float, list[int]] | None:
    """The best k-1 cuts of one row (a DP over cut points), with its score."""
    points = [Cut(0, 0.0)] + [c for c in cuts if c.at != banned] + [Cut(len(row), 0.0)]
    total = sum(c.strength for c in cuts)
    n = len(points)
    best: list[dict[int, tuple[float, int]]] = [{} for _ in range(k + 1)]
    best[0][0] = (0.0, -1)
    for column in range(1, k + 1):
        for j in range(1, n):
            if (column < k and j == n - 1) or (column == k and j != n - 1):
                continue
            options = [(score + (1 + UNUSED) * points[j].strength
                        - _cell_cost(row[points[i].at:points[j].at].strip(), column - 1, profile),
                        i) for i, (score, _) in best[column - 1].items() if i < j]
            options = [o for o in options if o[0] > -math.inf]
            if options:
                best[column][j] = max(options)
    if n - 1 not in best[k]:
        return None
    positions, j = [], n - 1
    for column in range(k, 0, -1):
        j = best[column][j][1]
        if column > 1:
            positions.append(points[j].at)
    return best[k][n - 1][0] - UNUSED * total, sorted(positions)


def _trusted(rows: list[str], cuts: list[list[Cut]], grid: list[list[str]],
             headed: bool) -> bool:
    """No cut was a weak one (`S|24`, `Mc|Kinsey`), and no cell still holds a punctuation
    boundary (`31%22%`, `jobs.Trainium`): either means the grid is a guess. A weak cut may be
    confirmed by the other rows (`_confirmed`). A header row with exactly as many cuts as the
    body's column count needs (`Minimum GoSupport ends`) is cut at all of them: the body rows,
    trusted on their own, leave it no other choice."""
    body = grid[1:] if headed else grid
    if any(all(c in "—–" for c in column) for column in zip(*body, strict=True)):
        return False  # a column of nothing but dashes: the dashes of prose (`06:40—then`)
    if headed and _column_missing(rows, cuts, grid):
        return False
    seen = Counter(cell for cells in grid for cell in cells)
    words = _edge_words(body)
    for r, (row, row_cuts, cells) in enumerate(zip(rows, cuts, grid, strict=True)):
        bounds = _bounds(row, cells)
        pairs = zip(sorted(bounds)[1:], itertools.pairwise(cells), strict=True)
        confirmed = {at for c, (at, (left, right)) in enumerate(pairs)
                     if _confirmed(c, left, right, seen, words)}
        if r == 0 and headed and len(row_cuts) == len(cells) - 1:
            confirmed |= bounds  # a header with no cut to spare: its rows set the count
        if any(c.strength < WEAK and c.at in bounds and c.at not in confirmed for c in row_cuts):
            return False
        if any(c.strength >= LEFT_INSIDE and c.at not in bounds for c in row_cuts):
            return False
    return True


def _confirmed(c: int, left: str, right: str, seen: Counter[str],
               words: Counter[tuple[int, str, str]]) -> bool:
    """A weak cut between cells `c` and `c + 1` is weak for its short side (`No|Yes`,
    `SSO|No`); the grid repeating that short cell elsewhere (other `No` cells) confirms it,
    unless it is a row's label (`api|-1eu-west`: labels name distinct rows). So does a word
    that starts or ends other cells of the column (`Legion Go|AMD Z1` under `AMD Van Gogh`)."""
    short = min(left, right, key=len)
    return (seen[short] > 1 and (c > 0 or short is right)) \
        or words[(c, left.split()[-1], "last")] > 1 or words[(c + 1, right.split()[0], "first")] > 1


def _column_missing(rows: list[str], cuts: list[list[Cut]], grid: list[list[str]]) -> bool:
    """The header left a sure cut inside a cell (`MonthRainfall (mm)`) and every body row a fair
    one: the body could not be cut as wide as its header, so the grid merges columns."""
    def left(r: int, least: float) -> bool:
        bounds = _bounds(rows[r], grid[r])
        return any(c.strength >= least and c.at not in bounds for c in cuts[r])
    return left(0, SURE) and all(left(r, FAIR) for r in range(1, len(rows)))


def _edge_words(grid: list[list[str]]) -> Counter[tuple[int, str, str]]:
    """How many body rows have each first and last word in each column: a word that starts
    (ends) other cells of its column (`AMD` in `AMD Z1 Extreme` under `AMD Van Gogh`) confirms
    a weak cut beside it (`Legion Go|AMD`)."""
    return Counter((c, word, side) for cells in grid for c, cell in enumerate(cells)
                   for side, word in _edges(cell))


def _bounds(row: str, cells: list[str]) -> set[int]:
    """Where the cells of `row` begin (cells are stripped substrings, in order)."""
    at, found = 0, set()
    for cell in cells:
        at = row.index(cell, at)
        found.add(at)
        at += len(cell)
    return found


def _ambiguity_free(rows: list[str], cuts: list[list[Cut]], grid: list[list[str]],
                    headed: bool) -> bool:
    """No row has a runner-up cut (one chosen cut swapped out) scoring within MARGIN."""
    k = len(grid[0])
    profiles = _profiles(grid, headed)
    for r, (row, row_cuts) in enumerate(zip(rows, cuts, strict=True)):
        profile = profiles[r]
        found = _best(row, row_cuts, k, profile)
        if found is None:
            return False
        score, positions = found
        for position in positions:
            other = _best(row, row_cuts, k, profile, banned=position)
            if other is not None and score - other[0] < MARGIN:
                return False
    return True
