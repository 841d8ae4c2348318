"""Dates mentioned in a claim, as written and as ISO 8601 where they can be pinned down.

Absolute dates keep the precision they are written with: `April 21, 2026` → `2026-04-21`,
`April 2026` → `2026-04`, `in 2023` → `2023`; a day without a year (`on 19 June`, `March 3`)
takes the published year. Relative ones (`yesterday`, `last year`,
`on Tuesday`, `three weeks ago`) are resolved against the article's published date; without it
their date is None, never today's. Weeks are ISO weeks (`2026-W17`). Quarters keep date None:
ISO 8601 has no quarter notation and a month would claim more precision than was written.
"""

from __future__ import annotations

import re
from datetime import date, timedelta
from functools import lru_cache

from ingest.dates import MONTHS
from ingest.models import DateMention
from ingest.sentences import fold, fold_runs

_MONTH = (r"(?P<month>January|February|March|April|May|June|July|August|September|October|"
          r"November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec)\.?")
_DAY = r"(?P<day>[12]?\d|3[01])(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
NUMBERS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
           "eight": 8, "nine": 9, "ten": 10, "a": 1, "an": 1}
PATTERNS = [
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b")),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b")),
    ("iso", re.compile(r"\b(?P<year>(?:19|20)\d\d)-(?P<mon>\d\d)-(?P<day>\d\d)\b")),
    ("my", re.compile(rf"\b{_MONTH},?\s+{_YEAR}\b")),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?![\d,.]*\d)")),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s+\d)")),
    ("quarter", re.compile(rf"\b(?:Q[1-4]|(?:first|second|third|fourth)[- ]quarter)"
                           rf"(?:\s+(?:of\s+)?{_YEAR})?\b", re.I)),
    ("m", re.compile(rf"(?:\b(?i:in|since|by|until|from|through|during|early|late|last|next|"
                     rf"this|of|before|after)\s+|\bmid-){_MONTH}\b(?!\s+\d)")),
    # The lookahead is a fast first test: the lookbehinds are slow to try at every position.
    ("y", re.compile(rf"(?=(?:19|20)\d\d)(?<![\d,.$€£-])"
                     rf"(?:(?<=\b(?:in|by|of|to|on|fy|ce) )|(?<=since )|(?<=until )|"
                     rf"(?<=from )|(?<=through )|(?<=before )|(?<=after )|"
                     rf"(?<=during )|(?<=fiscal )|(?<=early )|(?<=late )|(?<=end )|"
                     rf"(?<=mid-)|(?<=–)|(?<=in the )|\b){_YEAR}\b(?![\d%]|,\d|\.\d|s\b)",
                     re.I)),
    ("rel", re.compile(r"\b(?P<word>today|yesterday|tomorrow)\b", re.I)),
    ("rel_unit", re.compile(r"\b(?P<which>last|this|next|earlier this|later this|past)\s+"
                            r"(?P<unit>week|month|year|quarter)\b", re.I)),
    ("ago", re.compile(r"\b(?P<n>\d+|one|two|three|four|five|six|seven|eight|nine|ten|a|an)\s+"
                       r"(?P<unit>day|week|month|year)s?\s+ago\b", re.I)),
    ("weekday", re.compile(r"\b(?:(?P<which>last|next|this)\s+)?(?P<wd>Monday|Tuesday|"
                           r"Wednesday|Thursday|Friday|Saturday|Sunday)\b")),
]

BY_KIND = dict(PATTERNS)

# Cheap tests that tell which patterns cannot match, so most are never tried: most sentences have
# no date at all. Each is implied by every match of its pattern(s); those on `fold(sentence)` stand
# for case-insensitive patterns.
_MONTHS = re.compile(r"Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec")
# Every month pattern has the month name between word boundaries (`Mar` in `Market` is none).
MONTH_WORD = re.compile(r"(?=[JFMASOND])\b(?:January|February|March|April|May|June|July|"
                        r"August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|"
                        r"Aug|Sept|Sep|Oct|Nov|Dec)\b")
ISO_GATE = re.compile(r"\d{4}-\d\d-")
YEAR_GATE = re.compile(r"(?:19|20)\d\d")
AGO_GATE = re.compile(r" ago\b")
WEEKDAY_GATE = re.compile(r"Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday")


# Without a digit only these patterns can match, and each then has one of these words between
# word boundaries: `quarter`, a month, `today`, `yesterday`, `tomorrow`, a unit after
# last/this/next, `ago` or a weekday. Most sentences have neither, and need no other test.
UNDATED_WORDS = frozenset({*(name.lower() for name in MONTHS), "quarter", "today", "yesterday",
                           "tomorrow", "week", "month", "year", "ago", *WEEKDAYS})
FUTURE_WORDS = re.compile(r"\b(?:will|next|is set to|plans? to|scheduled|expects?|expected|"
                          r"forecasts?)\b")
PAST_BEFORE = re.compile(r"\b(?:said|announced|told|reported|confirmed|was|were)\s+(?:on\s+)?$")
DIGIT = re.compile(r"\d")


def find(sentence: str, published: str | None) -> tuple[list[DateMention], list[tuple[int, int]]]:
    """Dates in `sentence` and their spans (so quantities can leave them out)."""
    if DIGIT.search(sentence) is None and not UNDATED_WORDS & fold_runs(sentence):
        return [], []  # most sentences: no date can be read
    possible = _possible(sentence)
    if not possible:
        return [], []
    ref = _reference(published)
    found: list[tuple[int, int, DateMention]] = []
    future = None  # whether the sentence speaks of the future: read when a match needs it
    for kind, pattern in possible:
        for m in pattern.finditer(sentence):
            if any(a < m.end() and m.start() < b for a, b, _ in found):
                continue
            ahead = False  # only a month or a weekday resolves by tense, and only with `ref`
            if ref is not None and kind in ("m", "weekday"):
                if future is None:
                    future = bool(FUTURE_WORDS.search(sentence))
                ahead = future and not PAST_BEFORE.search(sentence, 0, m.start())
            value = _value(kind, m, ref, ahead)
            text = m["month"] if kind == "m" else m.group()
            found.append((m.start(), m.end(), DateMention(text=text, date=value)))
    found.sort(key=lambda item: item[0])
    return [d for *_, d in found], [(a, b) for a, b, _ in found]


def _possible(sentence: str) -> list[tuple[str, re.Pattern[str]]]:
    """The patterns that may match `sentence`, in `PATTERNS` order."""
    digit = DIGIT.search(sentence) is not None
    month = _MONTHS.search(sentence) is not None and MONTH_WORD.search(sentence) is not None
    low = fold(sentence)
    kinds = []
    if digit and month:
        kinds += ("mdy", "dmy")
    if digit and ISO_GATE.search(sentence):
        kinds.append("iso")
    if digit and month:
        kinds += ("my", "md", "dm")
    if "quarter" in low or "q1" in low or "q2" in low or "q3" in low or "q4" in low:
        kinds.append("quarter")
    if month:
        kinds.append("m")
    if digit and YEAR_GATE.search(sentence):
        kinds.append("y")
    if "today" in low or "yesterday" in low or "tomorrow" in low:
        kinds.append("rel")
    if ("last" in low or "this" in low or "next" in low or "past" in low) \
            and ("week" in low or "month" in low or "year" in low or "quarter" in low):
        kinds.append("rel_unit")
    if AGO_GATE.search(sentence):
        kinds.append("ago")
    if "day" in sentence and WEEKDAY_GATE.search(sentence):
        kinds.append("weekday")
    return [(kind, BY_KIND[kind]) for kind in kinds]


def _value(kind: str, m: re.Match[str], ref: date | None, future: bool) -> str | None:
    if kind in ("mdy", "dmy"):
        return _iso(int(m["year"]), _month(m["month"]), int(m["day"]))
    if kind == "iso":
        return _iso(int(m["year"]), int(m["mon"]), int(m["day"]))
    if kind == "my":
        return f"{m['year']}-{_month(m['month']):02d}"
    if kind == "y":
        return m["year"]
    if kind == "quarter":
        return None
    if ref is None:
        return None
    if kind in ("md", "dm"):
        return _iso(ref.year, _month(m["month"]), int(m["day"]))
    if kind == "m":  # a month ahead of publication is last year's unless the future is meant
        month = _month(m["month"])
        year = ref.year - (month > ref.month and not future and "next" not in m.group())
        return f"{year}-{month:02d}"
    if kind == "rel":
        shift = {"today": 0, "yesterday": -1, "tomorrow": 1}[m["word"].lower()]
        return (ref + timedelta(days=shift)).isoformat()
    if kind == "rel_unit":
        return _relative_unit(m["which"].lower(), m["unit"].lower(), ref)
    if kind == "ago":
        n = int(m["n"]) if m["n"].isdigit() else NUMBERS[m["n"].lower()]
        return _shift(ref, m["unit"].lower(), -n)
    return _weekday(m["wd"].lower(), (m["which"] or "").lower(), ref, future)


def _relative_unit(which: str, unit: str, ref: date) -> str | None:
    step = {"last": -1, "past": -1, "next": 1}.get(which, 0)
    if unit == "quarter":
        return None
    return _shift(ref, unit, step)


def _shift(ref: date, unit: str, n: int) -> str:
    if unit == "day":
        return (ref + timedelta(days=n)).isoformat()
    if unit == "week":
        year, week, _ = (ref + timedelta(weeks=n)).isocalendar()
        return f"{year}-W{week:02d}"
    if unit == "month":
        months = ref.year * 12 + ref.month - 1 + n
        return f"{months // 12}-{months % 12 + 1:02d}"
    return str(ref.year + n)


def _weekday(name: str, which: str, ref: date, future: bool) -> str:
    """`on Tuesday` in news is the latest Tuesday up to publication, or the next one when the
    sentence speaks of the future."""
    delta = (WEEKDAYS.index(name) - ref.weekday()) % 7
    if which == "next" or (future and which != "last"):
        return (ref + timedelta(days=delta or 7)).isoformat()
    back = (ref.weekday() - WEEKDAYS.index(name)) % 7
    if which == "last" and back == 0:
        back = 7
    return (ref - timedelta(days=back)).isoformat()


@lru_cache(maxsize=256)  # one published date per article, read for each of its sentences
def _reference(published: str | None) -> date | None:
    try:
        return date.fromisoformat(published[:10]) if published else None
    except ValueError:
        return None


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


def _iso(year: int, month: int, day: int) -> str | None:
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
