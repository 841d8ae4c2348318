"""Where glued table cells may meet, and how sure each place is (used by `text_split`).

A cut lies between two characters with no space: `jobs.Trainium` (a full stop glued to a
capital) is almost surely a cell boundary, `ComputeMaximizing` likely, `$100B` or `Oslo-1.2`
maybe, `iPhone`, `McKinsey` or a known word (`YouTube`) almost never. Figures are read by their
shape: a clock time's minutes, a thousands group and an ISO date have fixed widths, so the digit
after them starts the next cell (`06:4006:52`, `18,4003.12`, `12026-07-0818`); a unit, a money
scale or a lone mark (`—`, `✓`) ends a cell; a symbol (`R$`), a code (`FW-88213`) or a time is
never cut inside. Strengths were set by hand on the glued tables of tests/fixtures/text, the seed
and the held-out dumps.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import wordninja

from ingest.readers.text_tags import word_costs

VERSION = re.compile(r"v\d+(?:\.\d+)+(?![\d.])")
DECIMAL_END = re.compile(r"\d\.\d+$")
DECIMAL = re.compile(r"\d+\.\d")
THOUSANDS = re.compile(r"\d{1,3}(?:,\d{3})+(?!\d)")
# a figure's unit just before the cut, spaced or not: `400 ms`, `192 GB`, `8 TB/s`, `254g`
UNIT_END = re.compile(r"[\d½¼¾⅓⅔]\s?(?:ms|s|min|h|hrs?|hours?|days?|[kKMGTP]i?B(?:/s)?|[kMG]bps|"
                      r"[kMGT]?Wh?|nm|mm|cm|km|m|kg|g|mg|lbs?|oz|pp|bp|pts?|km/h|mph|m/s|fps|"
                      r"[kMG]?Hz|°[CF]?)$")
UNIT_SPAN = 10  # characters the longest UNIT_END match spans (`5 hours`, `8 KiB/s`)


def _unit_ends(row: str, i: int) -> bool:
    """A unit ends `row` at `i`; searched in the few characters before `i`, not in a copy of
    the row up to it (which made every row's scan quadratic)."""
    return UNIT_END.search(row, max(0, i - UNIT_SPAN), i) is not None


# Tokens never cut inside, whatever is glued around them: an ISO date (`2026-03-01`, whose
# `-03` looks like a signed number; glued digits around it, `12026-07-0818`, belong to its
# neighbours, as a year and a valid month and day fix where it starts and ends), a clock time
# (`06:4006:52` is two: minutes have two digits) and a quarter or half (`Q1 2026`, `H2 FY25`).
DATE = re.compile(r"(?:19|20)\d{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])")
TIME = re.compile(r"(?:[01]?\d|2[0-3]):[0-5]\d(?:\s?[ap]\.?m\.?(?![a-z]))?")
QUARTER = re.compile(r"(?<![A-Z])[QH][1-4](?:\s?(?:FY)?\d{2,4})?(?!\d)")
ATOMIC_EDGE = 0.9  # such a token glued to its neighbours starts or ends a cell
# what may end a cell before such a cut and start one after it: `at 03:12.` ends a sentence
CELL_END = re.compile(r"[\w%°)\]—–]")
CELL_START = re.compile(r"[\w$€£¥+\-−—–(]")
# A money figure before its scale letter: `€2.18` in `€2.18B+10.6%`, `R$ 1.2` in `R$ 1.2B`
MONEY_BEFORE = re.compile(r"[$€£¥]\s?\d[\d,.]*$")
SCALE = "KMBT"
# A currency written with letters before `$` (`R$`, `US$`, `NZ$`): one symbol, never cut inside.
# One letter after a space is a word of its own (`Series C$675M`), not part of the symbol.
LETTER_DOLLAR = re.compile(r"(?<![A-Z])(?:US|NZ|HK|AU|CA|SG|NT|MX|(?<!\s)[RACSJZ])\$")
CURRENCY = "$€£¥"
# Marks that fill a cell on their own (`✓`, `✗`): glued to anything, they are a cell boundary
MARKS = "✓✔✗✘☑☒✅❌●○"
YEAR = re.compile(r"(?:19|20)\d{2}")
# a date written with its month's name (`10 Mar 2026`, `2 April 2026`)
SPELLED_DATE = re.compile(r"\d{1,2}\s(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?"
                          r"\s(?:19|20)\d{2}(?!\d)")
# a negative figure in accounting brackets: `(2.3)`, `(1,100)`
BRACKETED = re.compile(r"\(\d[\d,]*(?:\.\d+)?\)")
# a thousands-grouped figure that is complete: a digit after it starts the next figure
GROUPED_END = re.compile(r"\d,\d{3}$")
# a signed figure with a decimal or a percent (`-0.4%`), unlike a code's number (`FW-88213`)
SIGNED_FIGURE = re.compile(r"[-+−]\d[\d,]*(?:\.\d+%?|%)")
# a signed figure and the lower-case letters glued after it (`-1eu` in `api-1eu-west`)
SIGNED_WORD = re.compile(r"[-+−]\d[\d,.]*([a-z]*)")
# units and counters a figure is written glued to (`60fps`, `12hours`): no cell boundary
GLUED_UNIT_WORD = re.compile(r"(?:ms|secs?|mins?|hours?|hrs|days?|weeks?|months?|years?|yrs|"
                             r"times|fps|bits?|bytes?|px|pts?|kgs?|kms?|mph|kph|lbs|ozs?|mil|"
                             r"bn|gal|[kmg]bps|[kmg]hz|mah|[kmg]wh|am|pm|st|nd|rd|th|s|x)$")


@dataclass(frozen=True)
class Cut:
    at: int
    strength: float


def candidates(row: str, brands: frozenset[str] = frozenset()) -> list[Cut]:
    """Places in `row` where one cell may end and the next begin, with their strength.
    `brands`: camel-case words the page writes elsewhere (`OpenTelemetry` in its prose), which
    are one word, not two glued cells."""
    cuts, capitals = [], _capital_words(row)
    inside_atomic, atomic_edges = _atomic(row)
    for i in range(1, len(row)):
        if i in inside_atomic:
            continue
        inside = row[i - 1].isalpha() and row[i].isalpha() and _token(row, i) in brands
        strength = 0.1 if inside else capitals.get(i) or _strength(row, i)
        if i in atomic_edges and CELL_END.match(row[i - 1]) and CELL_START.match(row[i]):
            strength = max(strength, ATOMIC_EDGE)
        if strength > 0:
            cuts.append(Cut(i, strength))
    return cuts


def _atomic(row: str) -> tuple[set[int], set[int]]:
    """Positions inside atomic tokens (no cut there), and where such tokens begin or end. A
    time counts only where no digit runs into it, unless that digit ends another time
    (`06:4006:52`), and where no seconds or decimals follow (`1:23:45`, `3:45.2`). Minutes
    have two digits, so digits after them start the next cell (`08:2512 min`)."""
    spans = [m.span() for m in DATE.finditer(row)] + [m.span() for m in QUARTER.finditer(row)]
    end = -1
    for match in TIME.finditer(row):
        start, stop = match.span()
        glued_before = start > 0 and start != end and row[start - 1] in "0123456789:.,"
        glued_after = re.match(r"[:.,]\d", row[stop:])
        if not (glued_before or glued_after):
            spans.append(match.span())
            end = stop
    inside, edges = set(), set()
    for start, stop in spans:
        inside.update(range(start + 1, stop))
        edges.update((start, stop))
    return inside, edges


def _capital_words(row: str) -> dict[int, float]:
    """`PACKAGEAFFECTED`, `HEADERMEANING`: an all-capitals header glues words with no change of
    case, so a run that splits wholly into known words (two letters or more each) is cut
    between them."""
    found = {}
    for match in re.finditer(r"(?<![A-Za-z])[A-Z]{6,}(?![a-z])", row):
        words = wordninja.split(match[0].lower())
        if len(words) < 2 or any(len(w) < 2 or w not in word_costs() for w in words):
            continue
        at = match.start()
        for word in words[:-1]:
            at += len(word)
            found[at] = 0.6
    return found


def _strength(row: str, i: int) -> float:
    a, b = row[i - 1], row[i]
    if a.isspace() or b.isspace():
        return 0.0
    if a in MARKS or b in MARKS:
        return 0.9  # `Gogh✓40`: a check mark is a cell of its own
    if _dash_cell(row, i):
        return 0.7  # `260 ms—No`, `Ultra—88.3%`: a dash standing for an empty cell
    if LETTER_DOLLAR.match(row, i) and not a.isupper():
        return 1.0 if a.isalnum() or a in ".%)" else 0.0  # `BrazilR$ 1.2B`: a currency starts
    if any(m.start() < i < m.end() for m in LETTER_DOLLAR.finditer(row, max(0, i - 2), i + 2)):
        return 0.0  # `R|$`: one symbol
    if VERSION.match(row[i:]) and (a.isalnum() or a in "\"')") and a != "v":
        return 0.9  # `80v1.0`, `"double"v1.2`: a version starts its cell
    if a == "v" and b.isdigit() and VERSION.match(row[i - 1:]) and not row[i - 2:i - 1].isalnum():
        return 0.0  # `v3.0`: never cut inside a version
    if b.isupper():
        return _before_capital(row, i)
    if a.isdigit() and b.isdigit():
        return _between_digits(row, i)
    if b.isdigit():
        return _before_digit(row, i)
    if b.islower() and a == ")":  # `subscribe()client.on()`: code cells; prose puts a space
        return 1.0 if row[i - 2:i] == "()" else 0.5
    if b.islower() and (a.isdigit() or a == "%"):
        return _word_after_figure(row, i)
    if b == "(" and BRACKETED.match(row, i) and (a.isalnum() or a in "%"):
        return 0.9 if a.isdigit() or a == "%" else 0.6  # `38.9(2.3)`: a negative in brackets
    if b in CURRENCY + "“":
        return 1.0 if a.isalnum() or a in ".%)" else 0.0
    if b in "-+−" and row[i + 1:i + 2].isdigit():
        return _before_sign(row, i)
    if b in "<>≤≥~≈" and row[i + 1:i + 2].isdigit():  # `11.4%<1 ms`: a bound starts its cell
        return 1.0 if a in "%)" else 0.6 if a.isalnum() else 0.0
    return 0.0


def _before_capital(row: str, i: int) -> float:
    a = row[i - 1]
    after = row[i + 1] if i + 1 < len(row) else ""
    if _unit_ends(row, i) and (a.islower() or len(_word_after(row, i)) > 2):
        return 1.0  # `400 msPause`, `8 TB/sNot`: a unit ends its figure's cell
    if a.islower():
        return _camel(row, i)
    if a in ".!?":
        return 0.3 if i >= 2 and row[i - 2].isupper() else 2.0  # `U.S.Treasury`
    if a in ")]\"”’%":
        return 1.5
    if a.isupper() and not after.islower() and row[i - 2:i - 1].isdigit():
        return _suffix_cut(row, i)
    if a.isupper() and after.islower():  # `$675MParkway`, `SXMCoreWeave`: ABC|Def
        short = len(_word_after(row, i)) <= 2
        return 0.2 if short else 1.0 if row[:i].rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ")[-1:]\
            .isdigit() else 0.8
    if a.isdigit() and row[i] in SCALE and not after.islower() and MONEY_BEFORE.search(row[:i]):
        return 0.0  # `€2.18|B`: the scale letter is the figure's
    if a.isdigit():  # `16Apple`, `XM6Bose`: a figure never runs into a capitalised word
        return 1.0 if re.match(r"[A-Z][a-z]{2}", row[i:]) else 0.4
    return 0.8 if a in ",;:" else 0.0


def _between_digits(row: str, i: int) -> float:
    decimal = DECIMAL_END.search(row[:i]) and DECIMAL.match(row[i:])
    if decimal:  # `0.710.58`: a figure under one starts `0.`, so `0.71|0.58` over `0.7|10.58`
        if row[i:i + 2] == "0.":
            return 0.9
        # `41.238.9(2.3)`: figures of a column share their decimal places, `41.2|38.9`
        left = len(DECIMAL_END.search(row[:i])[0]) - 2  # type: ignore[index]
        right = re.match(r"\d+\.(\d+)(?![\d.])", row[i:])
        return 0.8 if right and len(right[1]) == left else 0.5
    if GROUPED_END.search(row[:i]) or _year_ends(row, i):
        return 0.9  # `18,400|3.12`: a group has three digits; `2022|18,400`: a year label
    return 0.6 if _grouping_starts(row, i) else 0.0


def _before_digit(row: str, i: int) -> float:
    a = row[i - 1]
    if _unit_ends(row, i):
        return 0.9  # `192 GB8 TB/s`, `254g250g`: a figure with its unit, then the next
    if a.isalpha() and SPELLED_DATE.match(row, i):
        return 0.9  # `postmarked by10 Mar 2026`: a date starts its cell
    if a.islower():  # `GWh2028`, `account_id52`, not `v2`; a figure under one starts `0.`
        letters = _letters_before(row, i)
        code_end = row[i - letters - 1:i - letters].isdigit()
        if letters <= 2 and code_end and DECIMAL.match(row[i:]):
            return 0.6  # `GPT-4o3.1`: a model code ending in letters, then a figure
        return 0.2 if letters <= 2 else 0.9 if row[i:i + 2] == "0." else 0.6
    if a.isupper():  # `$33.1B20%` (a unit, then a number), not `S24` or `H100` (a model)
        if a in SCALE and MONEY_BEFORE.search(row[:i - 1]):
            return 0.9  # `¥340M3 reissues`: money with its scale, then the next cell
        capitals = len(row[:i]) - len(row[:i].rstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
        unit = row[:i - capitals][-1:].isdigit()
        if re.match(r"\d+[A-Z][a-z]", row[i:]):
            return 0.1  # `XM|6Bose`: what follows is no number, the model name goes on
        if unit:
            return 0.6
        if re.match(r"\d+[A-Z]+[A-Z][a-z]", row[i:]):
            return 0.1  # `GSM|8KLicense`: a code's digits and letter, then the next word
        return 0.1 if capitals <= 2 else 0.4
    if a == "." and re.search(r"[a-z]{3}\.$", row[:i]):
        return 0.9  # `started late.22 min`: a sentence cell ends, a figure starts
    return 1.2 if a in "%)" else 0.0


def _word_after_figure(row: str, i: int) -> float:
    """`60planned for 1.5.`, `40%growth`: a figure glued to a word of a sentence cell, not to
    its unit (`60fps`, `3rd`) or to a word of a code (`4xlarge` is no known word)."""
    word = re.match(r"[a-z]+", row[i:])[0]  # type: ignore[index]
    if len(word) < 3 or GLUED_UNIT_WORD.match(word) or word not in word_costs():
        return 0.0
    return 0.7


def _before_sign(row: str, i: int) -> float:
    """A signed number glued on: `$2.49-18%`, `Oslo-1.2`, `18 °C-74 °C`, `€2.18B+10.6%`, but
    not a code's number (`FW-88213`, `COVID-19`)."""
    a = row[i - 1]
    figure = SIGNED_WORD.match(row, i)
    word, end = (figure[1], figure.end()) if figure else ("", i)
    if word and not (_unit_ends(row, end) or GLUED_UNIT_WORD.match(word)):
        return 0.1  # `api-1eu-west`: a name's number runs into letters, no signed figure
    money = a in SCALE and MONEY_BEFORE.search(row[:i - 1])
    if a.isdigit() or a in "%)" or money or _unit_ends(row, i):
        return 0.7  # `(est.)+3%`: a note in brackets ends its cell too
    if a.islower():
        return 0.6
    if a.isupper():
        return 0.6 if SIGNED_FIGURE.match(row, i) else 0.2 if row[i] != "-" else 0.0
    return 0.2


def _year_ends(row: str, i: int) -> bool:
    """`202218,4003.12`: four digits that read as a year, glued to a figure that is grouped or
    has decimals, are a year label: `2022|18,400`, not `202|218,400`."""
    start = i
    while start > 0 and row[start - 1].isdigit():
        start -= 1
    if i - start != 4 or not YEAR.fullmatch(row[start:i]) or row[start - 1:start] in (",", "."):
        return False
    return bool(re.match(r"\d{1,3}(?:,\d{3})+|\d+\.\d", row[i:]))


def _dash_cell(row: str, i: int) -> bool:
    """A dash glued to a neighbour as a cell of its own (`ms—No`), not a range (`80–120`). An
    em dash is never a range (ranges take the en dash), so `0–0—9,115` is cut around it; after
    a figure (`-74 °C—compressor`) it is a cell even before a lower-case word."""
    a, b = row[i - 1], row[i]
    after = row[i + 1] if i + 1 < len(row) else ""
    if b in "—–" and not after.isspace():
        if b == "—":
            return a.isalnum() or a in "%)°"
        return (a.isalnum() or a in "%)") and not (a.isdigit() and after.isdigit())
    if a not in "—–" or not row[i - 2:i - 1].strip():
        return False
    if b.isupper() or b in CURRENCY:
        return True
    return a == "—" and (b.isdigit() or b in "+-−" or (b.islower() and _value_end(row, i - 1)))


def _value_end(row: str, i: int) -> bool:
    """A figure ends at i: a digit, a percent or a unit (`18 °C`, `41%`, `2.3 ms`)."""
    return row[i - 1:i].isdigit() or row[i - 1:i] == "%" or bool(_unit_ends(row, i))


def _suffix_cut(row: str, i: int) -> float:
    """`MI355XAMD`: a model number's letter suffix, then an all-capitals name (`AMD`); sure
    only when that name is a known word, else a guess never trusted."""
    run = re.match(r"[A-Z]+", row[i:])[0]  # type: ignore[index]
    return 0.8 if len(run) >= 3 and run.lower() in word_costs() else 0.2


def _grouping_starts(row: str, i: int) -> bool:
    """`S&P 5005,770.20`: `5005,770` is no number (four digits before a comma), but cut after
    `500` the rest is a well-grouped one (`5,770.20`), so an index name ends there."""
    if not THOUSANDS.match(row[i:]) or row[i] == "0":
        return False
    start = i
    while start > 0 and row[start - 1].isdigit():
        start -= 1
    return len(row[start:i]) + len(re.match(r"\d+", row[i:])[0]) > 3  # type: ignore[index]


def _camel(row: str, i: int) -> float:
    """Lower→upper inside a token: a brand (`iPhone`, `YouTube`) or two cells glued. A brand
    starts with a capital, so after a lower-case word glued to one (`checksCloudWatch`) the
    first capital is the cell boundary and the later ones are inside the brand."""
    left, right = _word_before(row, i), _word_after(row, i)
    if (left + right).lower() in word_costs() or re.fullmatch(r"[a-z]+", row[:i]):
        return 0.1  # a known word, or a camelCase name opening the row (`lineWidth`)
    if re.match(r"[a-z]{3,}[A-Z]", row[row.rfind(" ", 0, i) + 1:i]):
        return 0.4  # `checksCloud|Watch`: a lower-case word ended the cell at `checks|Cloud`
    right += re.match(r"(?:-[a-z]+)*", row[i + len(right):])[0]  # type: ignore[index]
    follows = row[i + len(right):i + len(right) + 1]  # `MarketGo-live`: `Go-live` is long
    # `MetricQ2`, `pipelinesGitHub`: a short right part that a code or a second capital goes
    # on from is the start of a name, and `ageA device` a one-letter word (`A`, `I`) starts a
    # sentence, so only the left word says how sure the cut is
    name_or_word = follows.isdigit() or follows.isupper() or (len(right) == 1 and follows == " ")
    shortest = len(left) if name_or_word else min(len(left), len(right))
    return 0.2 if shortest <= 2 else 0.6 if shortest <= 4 else 0.9


def _word_before(row: str, i: int) -> str:
    """The capitalised word ending at i: `Core` in `SXMCore|Weave`, `i` in `i|Phone`."""
    start = i
    while start > 0 and row[start - 1].islower():
        start -= 1
    if start > 0 and row[start - 1].isupper():
        start -= 1
    return row[start:i]


def _token(row: str, i: int) -> str:
    """The run of letters around position i (`OpenTelemetry` around `n|T`)."""
    start, end = i, i
    while start > 0 and row[start - 1].isalpha():
        start -= 1
    while end < len(row) and row[end].isalpha():
        end += 1
    return row[start:end]


def _letters_before(row: str, i: int) -> int:
    """Length of the word (identifier: `account_id`) ending at i."""
    start = i
    while start > 0 and (row[start - 1].isalpha() or row[start - 1] == "_"):
        start -= 1
    return i - start


def _word_after(row: str, i: int) -> str:
    """The word starting at i: capitals, then lower case (`Weave`, `AWS`, `Clusters`)."""
    end = i
    while end < len(row) and row[end].isupper():
        end += 1
    while end < len(row) and row[end].islower():
        end += 1
    return row[i:end]

