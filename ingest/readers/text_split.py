"""Cutting glued table rows into cells: one column count, a dynamic program per row.

Each row offers candidate cuts with a strength (`text_cuts`). For a column count k, a dynamic
program picks the k-1 cuts per row that maximise chosen strength, penalise strong cuts left
unused, and (after a first pass) penalise cells unlike the other rows' cells of their column
(numbers among words, a missing full stop its column's cells end with, lengths far off) and
reward a value repeated down a column. The best k wins. The grid is refused (the block stays a
paragraph) when a row's best cut barely beats its runner-up, when two column counts score
alike, when a weak cut was needed, or when a strong boundary was left inside a cell.

The weights were set by hand on the glued tables of tests/fixtures/text, the seed and the
held-out dumps, then checked against the prose fixtures (no paragraph may come out a table)."""

from __future__ import annotations

import itertools
import math
import re
from collections import Counter
from dataclasses import dataclass

from ingest.readers.text_cuts import Cut, candidates

UNUSED = 0.6      # cost of leaving a candidate cut inside a cell, times its strength
MARGIN = 0.35     # a row's best cut must beat the runner-up by this much
K_MARGIN = 0.1    # per row, the best column count must beat the runner-up by this much
MAX_COLUMNS = 8
WEAK = 0.3        # a cut this weak is never trusted
LEFT_INSIDE = 1.0  # a boundary this strong (`.T`, `%2`, `e$`) may not stay inside a cell
# a figure with its unit: `22%`, `$4.2B`, `254g`, `18 min`, `7.4 hours`, `-0.12 pts`
NUMBER = re.compile(r"^[-+−~≈]?[$€£¥]?\d[\d,]*(?:\.\d+)?\s*(?:%|[A-Za-z]{0,6})?$")
NUMERIC_CHARS = re.compile(r"^[-+−]?[$€£¥]?[\d.,]+%?$")


def split_rows(rows: list[str], brands: frozenset[str] = frozenset()) -> list[list[str]] | None:
    """Every row cut into the same number of cells, or None when no cut is clearly best."""
    cuts = [candidates(row, brands) for row in rows]
    if any(not c for c in cuts):
        return None
    widest = min(MAX_COLUMNS, min(len(c) for c in cuts) + 1)
    results = []
    for k in range(2, widest + 1):
        grid, score = _fit(rows, cuts, k)
        if grid is not None:
            results.append((score, k, grid))
    # a column count whose grid is a guess (untrusted, or a row with a close runner-up) drops out
    results = sorted((r for r in results if _trusted(rows, cuts, r[2])
                      and _ambiguity_free(rows, cuts, r[2])), key=lambda r: -r[0])
    if not results:
        return None
    if len(results) > 1 and results[0][0] - results[1][0] < K_MARGIN * len(rows):
        return None
    return results[0][2]


@dataclass(frozen=True)
class Column:
    """What a column's cells are like: share of numbers, share ending in a full stop, mean log
    length, and the cell texts (a value repeated down a column is a strong sign of a cell)."""

    numbers: float
    stops: float
    length: float
    values: frozenset[str]


Profile = list[Column]


def _fit(rows: list[str], cuts: list[list[Cut]], k: int) -> tuple[list[list[str]] | None, float]:
    """Cut every row into k cells: a pass on strengths alone, then passes with column profiles
    of the other rows (leave-one-out, so a row's own cut does not vote for itself)."""
    chosen = [_best(row, c, k, None) for row, c in zip(rows, cuts, strict=True)]
    for _ in range(3):
        if any(choice is None for choice in chosen):
            return None, -math.inf
        grid = [_cells(row, choice[1]) for row, choice in zip(rows, chosen, strict=True)]  # type: ignore[index]
        chosen = [_best(row, c, k, _profile(grid, r)) for r, (row, c)
                  in enumerate(zip(rows, cuts, strict=True))]
    if any(choice is None for choice in chosen):
        return None, -math.inf
    grid = [_cells(row, choice[1]) for row, choice in zip(rows, chosen, strict=True)]  # type: ignore[index]
    return grid, sum(choice[0] for choice in chosen)  # type: ignore[index]


def _cells(row: str, positions: list[int]) -> list[str]:
    bounds = [0, *positions, len(row)]
    return [row[a:b].strip() for a, b in itertools.pairwise(bounds)]


def _profile(grid: list[list[str]], leave_out: int) -> Profile:
    """Column profiles of the body rows (the header row is unlike its columns), without one."""
    body = [row for r, row in enumerate(grid) if r and r != leave_out]
    columns = list(zip(*body, strict=True))
    return [Column(sum(map(_is_number, col)) / len(col),
                   sum(c.endswith(".") for c in col) / len(col),
                   sum(math.log(1 + len(c)) for c in col) / len(col),
                   frozenset(col)) for col in columns]


def _is_number(cell: str) -> bool:
    return bool(NUMBER.match(cell))


def _cell_cost(cell: str, column: int, profile: Profile | None) -> float:
    if not cell:
        return math.inf
    cost = 1.5 if (len(cell) == 1 and cell not in "—–-") or re.match(r"^[A-Z]\s", cell) else 0.0
    if NUMERIC_CHARS.match(cell) and not NUMBER.match(cell):
        cost += 2.0  # `-0.80.4`: two numbers left glued in one cell
    if profile is None:
        return cost
    col = profile[column]
    cost += 2.0 * abs(_is_number(cell) - col.numbers) + 1.5 * abs(cell.endswith(".") - col.stops)
    cost += 0.5 * abs(math.log(1 + len(cell)) - col.length)
    return cost - (1.0 if cell in col.values else 0.0)


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


def _trusted(rows: list[str], cuts: list[list[Cut]], grid: list[list[str]]) -> bool:
    """No cut was a weak one (`S|24`, `Mc|Kinsey`), and no cell still holds a punctuation
    boundary (`31%22%`, `jobs.Trainium`): either means the grid is a guess. A cut is weak for
    its short side (`No|Yes`, `SSO|No`); when the grid repeats that short cell elsewhere (other
    `No` cells), those rows confirm it. A header row with exactly as many cuts as the body's
    column count needs (`Minimum GoSupport ends`) is cut at all of them: the body rows, trusted
    on their own, leave it no other choice."""
    seen = Counter(cell for cells in grid for cell in cells)
    for r, (row, row_cuts, cells) in enumerate(zip(rows, cuts, grid, strict=True)):
        bounds = _bounds(row, cells)
        confirmed = {at for at, (left, right) in zip(sorted(bounds)[1:], itertools.pairwise(cells),
                                                     strict=True)
                     if seen[min(left, right, key=len)] > 1}
        if r == 0 and len(row_cuts) == len(cells) - 1:
            confirmed |= bounds  # a header with no cut to spare: its rows set the count
        if any(c.strength < WEAK and c.at in bounds and c.at not in confirmed for c in row_cuts):
            return False
        if any(c.strength >= LEFT_INSIDE and c.at not in bounds for c in row_cuts):
            return False
    return True


def _bounds(row: str, cells: list[str]) -> set[int]:
    """Where the cells of `row` begin (cells are stripped substrings, in order)."""
    at, found = 0, set()
    for cell in cells:
        at = row.index(cell, at)
        found.add(at)
        at += len(cell)
    return found


def _ambiguity_free(rows: list[str], cuts: list[list[Cut]], grid: list[list[str]]) -> bool:
    """No row has a runner-up cut (one chosen cut swapped out) scoring within MARGIN."""
    k = len(grid[0])
    for r, (row, row_cuts) in enumerate(zip(rows, cuts, strict=True)):
        profile = _profile(grid, r)
        found = _best(row, row_cuts, k, profile)
        if found is None:
            return False
        score, positions = found
        for position in positions:
            other = _best(row, row_cuts, k, profile, banned=position)
            if other is not None and score - other[0] < MARGIN:
                return False
    return True
