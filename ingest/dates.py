"""Dates as people write them, to ISO 8601 (`YYYY-MM-DD`, with the time when it is given).

Relative dates (`5 hours ago`, `yesterday`) have no absolute value without a reference, so they
give None here, never today's date.
"""

from __future__ import annotations

import re
from datetime import date, datetime
from email.utils import parsedate_to_datetime

MONTHS = {name: i for i, names in enumerate(
    [("jan", "january"), ("feb", "february"), ("mar", "march"), ("apr", "april"), ("may",),
     ("jun", "june"), ("jul", "july"), ("aug", "august"), ("sep", "sept", "september"),
     ("oct", "october"), ("nov", "november"), ("dec", "december")], start=1) for name in names}
_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
WRITTEN_DATES = [
    re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I),     # April 21, 2026
    re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I),  # 21 April 2026
]
ISO_DATE = re.compile(r"\b(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}:\d{2}(?::\d{2})?)"
                      r"(?:\.\d+)?(Z|[+-]\d{2}:?\d{2})?)?\b")
COMPACT = re.compile(r"^(\d{4})(\d{2})(\d{2})$")  # 20191119, as some <meta> write it
SLASHED = re.compile(r"\b(\d{4})/(\d{1,2})/(\d{1,2})\b")
# `12.03.2026`, `16/06/2026`: numeric dates with the year last. A dotted one is always
# day.month.year; a slashed one is read day-first only when its first number cannot be a month,
# since the page does not say which convention it follows (`03/04/2026` gives None).
DAY_FIRST = re.compile(r"\b(\d{1,2})([./])(\d{1,2})\2(\d{4})\b")


# Month names of the other languages `ingest.language` tells apart (`15. Juni 2026`, `4 de marzo
# de 2026`, `12 novembre 2026`): read as their English names when nothing else matched.
_FOREIGN = {
    1: "januar jänner janvier enero gennaio janeiro januari",
    2: "februar février fevrier febrero febbraio fevereiro februari",
    3: "märz maerz mars marzo março maart",
    4: "avril aprile abril",
    5: "mai mayo maggio maio mei",
    6: "juni juin junio giugno junho",
    7: "juli juillet julio luglio julho",
    8: "august août aout agosto augustus",
    9: "septembre septiembre setiembre settembre setembro",
    10: "oktober octobre octubre ottobre outubro",
    11: "noviembre novembre novembro",
    12: "dezember décembre decembre diciembre dicembre dezembro",
}
ENGLISH_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
                  "September", "October", "November", "December")
FOREIGN_MONTH = {word: ENGLISH_MONTHS[month - 1] for month, words in _FOREIGN.items()
                 for word in words.split()}
FOREIGN_WORD = re.compile(r"\b(" + "|".join(sorted(FOREIGN_MONTH, key=len, reverse=True))
                          + r")\b", re.I)
FOREIGN_DAY = re.compile(r"\b(\d{1,2})(?:\.|er|º|°)?\s+(?:de\s+)?(?=[A-Z])")  # `15. `, `1er `
FOREIGN_YEAR = re.compile(r"\s+del?\s+(?=\d{4})")  # `de 2026`


# A clock time written beside a date (`Nov. 20, 2019 5:52 AM EST`, `4:05 PM EST, Tue March 3`):
# kept, as CONVENTIONS.md asks, with the offset when the zone is one of these.
CLOCK = re.compile(r"\b(?P<h>[01]?\d|2[0-3])[:.](?P<m>[0-5]\d)(?!\d)(?::(?P<s>[0-5]\d))?"
                   r"(?:\s*(?P<ampm>[ap])\.?\s?m\b\.?)?"
                   r"(?:\s*\(?(?P<zone>[ECMP][SD]T|GMT|UTC|BST|CES?T|JST|AES?DT|AEST)\b\)?)?",
                   re.I)
ZONES = {"EST": "-05:00", "EDT": "-04:00", "CST": "-06:00", "CDT": "-05:00", "MST": "-07:00",
         "MDT": "-06:00", "PST": "-08:00", "PDT": "-07:00", "GMT": "+00:00", "UTC": "+00:00",
         "BST": "+01:00", "CET": "+01:00", "CEST": "+02:00", "JST": "+09:00", "AEST": "+10:00",
         "AEDT": "+11:00"}


def to_iso(value: object) -> str | None:
    """An ISO 8601 date (with time when known) for a date value or string, or None."""
    if isinstance(value, datetime):
        return value.isoformat() if (value.hour, value.minute, value.second) != (0, 0, 0) \
            else value.date().isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if not isinstance(value, str) or not value.strip():
        return None
    return _from_string(value.strip())


def _from_string(text: str) -> str | None:
    if match := ISO_DATE.search(text):
        return _iso_match(match)
    if match := COMPACT.match(text):
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    if match := SLASHED.search(text):
        return _valid(int(match[1]), int(match[2]), int(match[3]))
    try:  # RFC 2822, as in RSS feeds: "Tue, 03 Mar 2025 10:00:00 GMT"
        return to_iso(parsedate_to_datetime(text))
    except (TypeError, ValueError, IndexError):
        pass
    if written := _written(text):
        return written
    if (match := DAY_FIRST.search(text)) and (match[2] == "." or int(match[1]) > 12):
        return _valid(int(match[4]), int(match[3]), int(match[1]))
    if FOREIGN_WORD.search(text):  # only the written forms can hold a month name
        english = FOREIGN_WORD.sub(lambda m: FOREIGN_MONTH[m[1].lower()], text)
        return _written(FOREIGN_YEAR.sub(" ", FOREIGN_DAY.sub(r"\1 ", english)))
    return None


def _written(text: str) -> str | None:
    """`April 21, 2026` or `21 April 2026`, with a clock time written around it."""
    for pattern in WRITTEN_DATES:
        if match := pattern.search(text):
            month = MONTHS[match["month"].lower().rstrip(".")]
            day = _valid(int(match["year"]), month, int(match["day"]))
            return _with_clock(day, text[:match.start()] + " " + text[match.end():])
    return None


def _with_clock(day: str | None, rest: str) -> str | None:
    """`day` with the clock time written around the date (`5:52 AM EST`), when there is one
    that reads as a time of day: with a.m./p.m., a zone or a 24-hour hour."""
    clock = CLOCK.search(rest) if day and ":" in rest else None
    if clock is None or not (clock["ampm"] or clock["zone"] or int(clock["h"]) > 12):
        return day
    hour = int(clock["h"])
    if clock["ampm"]:
        if hour > 12:
            return day
        hour = hour % 12 + (12 if clock["ampm"].lower() == "p" else 0)
    zone = ZONES.get((clock["zone"] or "").upper(), "")
    return f"{day}T{hour:02d}:{clock['m']}:{clock['s'] or '00'}{zone}"


def _iso_match(match: re.Match[str]) -> str | None:
    day = _valid(int(match[1]), int(match[2]), int(match[3]))
    if day is None or not match[4]:
        return day
    zone = match[5] or ""
    if zone and zone != "Z" and ":" not in zone:
        zone = f"{zone[:3]}:{zone[3:]}"
    clock = match[4] if match[4].count(":") == 2 else f"{match[4]}:00"
    return f"{day}T{clock}{zone}"


def _valid(year: int, month: int, day: int) -> str | None:
    if year < 1800:  # `0001-01-01` is a CMS placeholder for "no date", not a date
        return None
    try:
        return date(year, month, day).isoformat()
    except ValueError:
        return None
